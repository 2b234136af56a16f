// The workers running the checklist's Python that the page has started (count_python_workers.mjs) once it has
// settled whether this visit makes the memory snapshot for the next (start.mjs) and has then been idle: a
// snapshot's maker is started only while the page is idle.
export default async () => {
  const { snapshotMaker } = await import(document.querySelector("script[data-pyodide]").src);
  await snapshotMaker;
  await new Promise((resolve) => requestIdleCallback(resolve));
  return window.pythonWorkers;
};
