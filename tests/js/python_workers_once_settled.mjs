// The workers running the checklist's Python that the page has started (count_python_workers.mjs) once it has
// settled whether this visit makes the memory snapshot for the next (the "checklist-snapshot-settled" mark of
// start.mjs) and has then been idle: a snapshot's maker is started only while the page is idle.
export default async (timeout = 60_000) => {
  const started = performance.now();
  while (performance.getEntriesByName("checklist-snapshot-settled").length === 0) {
    if (performance.now() - started > timeout) throw new Error("The page never settled the snapshot's maker.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => requestIdleCallback(resolve));
  return window.pythonWorkers;
};
