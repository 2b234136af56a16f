// Runs the checklist's rules (the Python `checklist` package, in Pyodide) off the page's main thread.
// Loading starts with the first message; calls that arrive before Python is ready wait for it.
//
// In:   {start: {pyodide: URL of pyodide.mjs, wheel: URL of the checklist wheel}}, then
//       {id, calls: JSON text of [{answers, timestamp}]}
// Out:  {id, results: JSON text of [{record, markdown} | {error}]} | {id, error} | {failed: message}

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

let evaluateJson;

self.onmessage = async ({ data }) => {
  if (data.start) {
    evaluateJson = start(data.start);
    evaluateJson.catch((error) => self.postMessage({ failed: String(error) }));
    return;
  }
  try {
    const run = await evaluateJson;
    self.postMessage({ id: data.id, results: run(data.calls) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
