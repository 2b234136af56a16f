// Runs the checklist's rules (the Python `checklist` package, in Pyodide) off the page's main thread.
//
// In:  {type: "start", pyodide: URL of pyodide.mjs, wheel: URL of the checklist wheel}
//      {type: "evaluate", id, calls: JSON text of [{answers, timestamp}]}
// Out: {type: "ready"} | {type: "failed", message}
//      {type: "results", id, results: JSON text of [{record, markdown} | {error}]} | {type: "results", id, error}

let evaluateJson;

// Pyodide only logs a WebAssembly download or compile that failed, then waits for ever:
// surface the error so the page can say the checklist cannot start.
function wasmFailure() {
  return new Promise((_, reject) => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) =>
        original.apply(WebAssembly, args).catch((error) => {
          reject(error);
          throw error;
        });
    }
  });
}

async function start({ pyodide, wheel }) {
  const failed = wasmFailure();
  const { loadPyodide } = await import(pyodide);
  // The wheel downloads while the runtime boots (the same as loadPackage(wheel) afterwards, only sooner).
  const python = await Promise.race([loadPyodide({ indexURL: new URL(".", pyodide).href, packages: [wheel] }), failed]);
  return python.pyimport("checklist.browser").evaluate_json;
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    evaluateJson = start(data);
    evaluateJson.then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", message: String(error) }),
    );
  } else if (data.type === "evaluate") {
    try {
      const run = await evaluateJson;
      self.postMessage({ type: "results", id: data.id, results: run(data.calls) });
    } catch (error) {
      self.postMessage({ type: "results", id: data.id, error: String(error) });
    }
  }
};
