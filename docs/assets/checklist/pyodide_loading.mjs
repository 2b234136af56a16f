// Loads Pyodide in the checklist's worker, and changes how Pyodide gets its WebAssembly, in this worker only:
// - it is compiled from Pyodide's own download as soon as that starts, while Pyodide's script is still
//   loading, rather than afterwards; Pyodide is then given the compiled module;
// - a download or compile that fails is reported: Pyodide only logs it, then waits for ever, so each
//   start is raced against such a failure and the page can say the checklist cannot start. So is a library
//   for a full start that cannot be downloaded or read (see `watched`).

let compiled = null;
let downloadFailed;
const downloadFailure = new Promise((_, reject) => {
  downloadFailed = reject;
});
downloadFailure.catch(() => {}); // reported by the start it stops
const instantiate = WebAssembly.instantiate.bind(WebAssembly);
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
// The browser's own fetch, for downloads that Pyodide does not make.
export const download = self.fetch.bind(self);
// Downloads begun before Pyodide asks for them (see prefetch), each handed over once.
const prefetched = new Map();
// Whether a file of the runtime could not be downloaded or compiled: a start that then fails is not the
// snapshot's fault (see python_start.mjs).
let fileFailed = false;
export const anyFileFailed = () => fileFailed;

// The promise, with its failure ending the start under way.
export function watched(promise) {
  promise.catch(downloadFailed);
  return promise;
}

self.fetch = (resource, options) => {
  const url = String(resource);
  const early = prefetched.get(url);
  if (early) {
    prefetched.delete(url);
    return early;
  }
  const response = download(resource, options);
  response.then(
    ({ ok }) => (fileFailed ||= !ok),
    () => (fileFailed = true),
  );
  if (url.endsWith("/pyodide.asm.wasm")) compiled = watched(compile(response));
  return response;
};

// A host that sends the WebAssembly with another type than application/wasm makes compileStreaming throw a
// TypeError: it is then compiled from its bytes, as they have not been read.
async function compile(response) {
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    const wrongType = error instanceof TypeError && /MIME/i.test(error.message) && !(await response).bodyUsed;
    if (!wrongType) {
      fileFailed = true;
      throw error;
    }
    return WebAssembly.compile(await (await response).arrayBuffer()).catch((failure) => {
      fileFailed = true;
      throw failure;
    });
  }
}
WebAssembly.instantiate = (...args) => watched(instantiate(...args));
WebAssembly.instantiateStreaming = async (source, imports) => {
  if (!compiled) return watched(instantiateStreaming(source, imports));
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

// Pyodide wraps each of about 260 JavaScript functions it puts in its function table in a small WebAssembly
// module of its own, compiled from bytes that depend only on the function's signature: about 30 distinct.
// Each is compiled once here; a module is immutable, and one serves every instance made from it.
const SMALL_MODULE_BYTES = 256;
const smallModules = new Map();
WebAssembly.Module = new Proxy(WebAssembly.Module, {
  construct(Module, args, newTarget) {
    const [bytes] = args;
    if (args.length !== 1 || !(bytes instanceof Uint8Array) || bytes.byteLength > SMALL_MODULE_BYTES) {
      return Reflect.construct(Module, args, newTarget);
    }
    const key = bytes.join(",");
    if (!smallModules.has(key)) smallModules.set(key, Reflect.construct(Module, args, newTarget));
    return smallModules.get(key);
  },
});

// The response Pyodide gets when it next asks for this URL, from a download already under way.
export function handOver(url, response) {
  prefetched.set(url, response);
}

export function prefetch(...urls) {
  for (const url of urls) handOver(url, self.fetch(url));
}

// What every start needs, asked for the moment the worker is told to start, before it knows how it will:
// Pyodide's two scripts and its WebAssembly (compiling as it arrives). The library is asked for once the
// start is known: a start from a snapshot needs its zip, a full start the same files in one download.
export function prefetchRuntime(runtime) {
  prefetch(new URL("pyodide.asm.wasm", runtime.pyodide).href);
  for (const script of [runtime.pyodide, new URL("pyodide.asm.mjs", runtime.pyodide).href]) {
    import(script).catch(() => {}); // the same import, when Pyodide makes it, reports any failure
  }
}

// Python started with these options for Pyodide, or the failure of a file it needs.
export async function boot(runtime, options) {
  const { loadPyodide } = await import(runtime.pyodide);
  return Promise.race([
    loadPyodide({
      indexURL: new URL(".", runtime.pyodide).href,
      stdLibURL: runtime.library,
      lockFileContents: runtime.lockfile,
      ...options,
    }),
    downloadFailure,
  ]);
}

// The checklist's one function for the page: JSON text of calls in, JSON text of answers out.
export function entryPoint(python) {
  return python.pyimport("checklist.browser").evaluate_json;
}
