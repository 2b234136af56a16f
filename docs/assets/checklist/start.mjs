// The page's side of the Web Worker that runs the checklist's Python rules, started the moment the page
// opens: an async module at the top of the page that imports nothing runs before the rest of the page is
// parsed. The page's controller imports the same, already loading, instance; questions can be asked at
// once and are answered when Python is ready.

function startPython({ pyodide, wheel }) {
  const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 0;
  let failure = null;

  const failAll = (error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.onmessage = ({ data }) => {
    if (data.failed) {
      failAll(new Error(data.failed));
      return;
    }
    const call = pending.get(data.id);
    if (!call) return; // already rejected when loading failed
    pending.delete(data.id);
    if (data.error) call.reject(new Error(data.error));
    else call.resolve(JSON.parse(data.results));
  };
  worker.onerror = (event) => failAll(new Error(event.message || "The checklist's worker could not start."));
  worker.postMessage({ start: { pyodide, wheel } });

  return {
    // calls: [{answers: {question: value}, timestamp}] → [{record, markdown} | {error}], in the same order.
    evaluate(calls) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, calls: JSON.stringify(calls) });
      });
    },
  };
}

const script = document.querySelector("script[data-pyodide][data-wheel]");

export const python = startPython({
  pyodide: new URL(script.dataset.pyodide, document.baseURI).href,
  wheel: new URL(script.dataset.wheel, document.baseURI).href,
});
