// The page's side of the Web Worker that runs the checklist's Python rules.
// Loading starts at once; questions can be asked before it finishes and are answered when it has.

export function startPython({ pyodide, wheel }) {
  const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 0;
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });

  const failAll = (error) => {
    settle.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      settle.resolve();
    } else if (data.type === "failed") {
      failAll(new Error(data.message));
    } else if (data.type === "results") {
      const call = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) call.reject(new Error(data.error));
      else call.resolve(JSON.parse(data.results));
    }
  };
  worker.onerror = (event) => failAll(new Error(event.message || "The checklist's worker could not start."));
  worker.postMessage({ type: "start", pyodide, wheel });

  return {
    ready,
    // calls: [{answers: {question: value}, timestamp}] → [{record, markdown} | {error}], in the same order.
    evaluate(calls) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "evaluate", id, calls: JSON.stringify(calls) });
      });
    },
  };
}
