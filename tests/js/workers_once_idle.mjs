// The workers the page has started (count_calls.mjs) once its Python has answered and the page has then been idle: a
// snapshot's maker is started by then, as start.mjs asks for the idle time before this does, and idle callbacks run
// in that order.
export default async () => {
  const { python } = await import(document.querySelector("script[data-pyodide]").src);
  await python.answered;
  await new Promise((resolve) => requestIdleCallback(resolve));
  return window.workersStarted;
};
