// Runs the checklist's rules (the Python `checklist` package, in Pyodide) off the page's main thread.
//
// In:   {start: runtime}, then {id, calls: JSON text of [{answers, timestamp}]}; calls that arrive before
//       Python is ready wait for it.
//       {snapshot: runtime}: in a worker of its own, make and keep a memory snapshot of this runtime.
// Out:  {started: "snapshot" | "bytecode"}, {id, results: JSON text of [{record, markdown} | {error}]},
//       {id, error} or {failed: message}; {snapshot: "kept" | "not kept"}.
//
// runtime: {pyodide, library, snapshot: URLs; lockfile: JSON text; snapshotCache: a cache name}. The library is
// the standard library with the checklist package, byte-compiled: Python imports the package from it.
//
// A memory snapshot is Python's memory just after it has started and imported the checklist, before any
// answer. Starting from one skips Python's start-up. It uses Pyodide's private snapshot options, so it is
// used only with the Pyodide version it was written for; anything wrong with a stored snapshot (another
// runtime, corrupt or oversized data, a failed start) means a full start instead, and the snapshot is
// deleted. The stored bytes carry their SHA-256 and the snapshot's length, checked before use: a damaged
// snapshot is never run.
// Most of the memory is unused and zero: only its other pages are stored, which is far less to read and check.

const SNAPSHOT_PYODIDE = "314.0.7";
const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;
const DIGEST_HEADER = "x-snapshot-sha256";
const LENGTH_HEADER = "x-snapshot-length";
const PAGE = 65536;
// A call whose answer must be the same from the snapshot as from the Python it was taken from.
const PROBE = JSON.stringify([{ answers: {}, timestamp: "2024-01-01T00:00:00+00:00" }]);

// How Pyodide gets its WebAssembly, changed in this worker only:
// - it is compiled from Pyodide's own download as soon as that starts, while Pyodide's script is still
//   loading, rather than afterwards; Pyodide is then given the compiled module;
// - a download or compile that fails is reported: Pyodide only logs it, then waits for ever, so each
//   start is raced against such a failure and the page can say the checklist cannot start;
// - in a start from a snapshot, Pyodide gets its instance only once the snapshot is restored: Pyodide
//   copies the snapshot into the instance's memory as soon as it has the instance, and reading and
//   checking the snapshot take about as long as instantiating, so the two are done together. Only its
//   main module waits: Pyodide first instantiates a small one of its own, once for every start.
let compiled = null;
// During a start from a snapshot: resolved once the snapshot is restored, never if it cannot be.
let restoring = null;
let wasmFailed;
const wasmFailure = new Promise((_, reject) => {
  wasmFailed = reject;
});
wasmFailure.catch(() => {}); // reported by the start it stops
const instantiate = WebAssembly.instantiate.bind(WebAssembly);
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
const download = self.fetch.bind(self);
// Downloads begun before Pyodide asks for them (see prefetch), each handed over once.
const prefetched = new Map();

function watched(promise) {
  promise.catch(wasmFailed);
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
  if (url.endsWith("/pyodide.asm.wasm")) compiled = watched(WebAssembly.compileStreaming(response));
  return response;
};
WebAssembly.instantiate = (...args) => watched(instantiate(...args));
WebAssembly.instantiateStreaming = async (source, imports) => {
  const waitFor = restoring; // the start this instance is for, whatever starts after it
  let instantiated;
  if (compiled) {
    const module = await compiled;
    instantiated = { module, instance: await WebAssembly.instantiate(module, imports) };
  } else {
    instantiated = await watched(instantiateStreaming(source, imports));
  }
  await waitFor;
  return instantiated;
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

// What every start needs, asked for the moment the worker runs, before it knows how it will start:
// Pyodide's two scripts, its WebAssembly (compiling as it arrives) and the library.
function prefetch(runtime) {
  for (const url of [new URL("pyodide.asm.wasm", runtime.pyodide).href, runtime.library]) {
    prefetched.set(url, self.fetch(url));
  }
  for (const script of [runtime.pyodide, new URL("pyodide.asm.mjs", runtime.pyodide).href]) {
    import(script).catch(() => {}); // the same import, when Pyodide makes it, reports any failure
  }
}

async function boot(runtime, options) {
  const { loadPyodide } = await import(runtime.pyodide);
  return Promise.race([
    loadPyodide({
      indexURL: new URL(".", runtime.pyodide).href,
      stdLibURL: runtime.library,
      lockFileContents: runtime.lockfile,
      ...options,
    }),
    wasmFailure,
  ]);
}

function entryPoint(python) {
  return python.pyimport("checklist.browser").evaluate_json;
}

async function start(runtime) {
  // The stored snapshot is asked for first, so that reading it does not wait behind the runtime's downloads;
  // it is read and checked while Pyodide's script loads, which tells whether it may be used, and while
  // Pyodide instantiates.
  const lookup = storedSnapshot(runtime);
  prefetch(runtime);
  const stored = await lookup;
  // Pyodide sizes its memory from the snapshot before it instantiates: the stored length, known at once,
  // lets it start while the snapshot is still being read.
  const length = Number(stored?.headers.get(LENGTH_HEADER));
  const sized = Number.isInteger(length) && length > 0 && length <= MAX_SNAPSHOT_BYTES;
  const snapshot = stored && sized ? new Uint8Array(length) : null;
  const restored = snapshot && restore(stored, snapshot);
  restored?.catch(() => {}); // handled by the start from the snapshot
  if (stored && (await snapshotsUsable(runtime))) {
    try {
      if (!restored) throw new Error("The snapshot's length is missing or too large.");
      // A snapshot that cannot be restored ends this start at once, and its instance is never returned.
      restoring = restored.catch(() => new Promise(() => {}));
      const python = await Promise.race([
        boot(runtime, { _loadSnapshot: snapshot }),
        restored.then(() => new Promise(() => {})),
      ]);
      // Every start from the same snapshot would otherwise draw the same "random" numbers.
      python.runPython("import random; random.seed()");
      return { evaluateJson: entryPoint(python), startedFrom: "snapshot" };
    } catch {
      restoring = null;
      await forgetSnapshot(runtime);
    }
  }
  const python = await boot(runtime, {});
  return { evaluateJson: entryPoint(python), startedFrom: "bytecode" };
}

// Whether snapshots can be used with this runtime: Cache Storage is there, and the runtime is the Pyodide
// they were checked with. Any kept for another Pyodide are deleted.
async function snapshotsUsable(runtime) {
  if (!globalThis.caches) return false;
  const { version } = await import(runtime.pyodide);
  if (version === SNAPSHOT_PYODIDE) return true;
  await caches.delete(runtime.snapshotCache);
  return false;
}

async function snapshotCache(runtime) {
  return (await snapshotsUsable(runtime)) ? caches.open(runtime.snapshotCache) : null;
}

async function storedSnapshot(runtime) {
  try {
    return await globalThis.caches?.match(runtime.snapshot, { cacheName: runtime.snapshotCache });
  } catch {
    return undefined;
  }
}

async function forgetSnapshot(runtime) {
  try {
    await (await snapshotCache(runtime))?.delete(runtime.snapshot);
  } catch {
    // Nothing more can be done; the next start checks the snapshot again.
  }
}

async function restore(response, snapshot) {
  const packed = new Uint8Array(await response.arrayBuffer());
  if ((await sha256(packed)) !== response.headers.get(DIGEST_HEADER)) throw new Error("The snapshot is damaged.");
  unpack(packed, snapshot);
}

// Packed: the snapshot's length, the number of pages kept and their numbers (32-bit little-endian
// integers), then those pages; every page not kept is all zeros.
const headSize = (pageCount) => 4 * (2 + pageCount);
// The bytes of page number `page` in a snapshot `length` bytes long: the last page may be short.
const pageSize = (length, page) => Math.min(PAGE, length - page * PAGE);
const packedSize = (length, pages) =>
  headSize(pages.length) + pages.reduce((sum, page) => sum + pageSize(length, page), 0);

function pack(snapshot) {
  const kept = [];
  for (let start = 0; start < snapshot.byteLength; start += PAGE) {
    if (snapshot.subarray(start, start + PAGE).some((byte) => byte !== 0)) kept.push(start / PAGE);
  }
  const packed = new Uint8Array(packedSize(snapshot.byteLength, kept));
  const view = new DataView(packed.buffer);
  [snapshot.byteLength, kept.length, ...kept].forEach((number, index) => view.setUint32(4 * index, number, true));
  let offset = headSize(kept.length);
  for (const page of kept) {
    const size = pageSize(snapshot.byteLength, page);
    packed.set(snapshot.subarray(page * PAGE, page * PAGE + size), offset);
    offset += size;
  }
  return packed;
}

// Lays out the packed pages in `snapshot`, whose length is the one stored with them: all of them or, if they
// do not fit, none. A start given up without them may still copy `snapshot`, and must then find no snapshot
// in it rather than part of one.
function unpack(packed, snapshot) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const [length, count] = [view.getUint32(0, true), view.getUint32(4, true)];
  if (length !== snapshot.byteLength) throw new Error("The snapshot's length is not the one stored with it.");
  if (headSize(count) > packed.byteLength) throw new Error("The pages do not fit.");
  const pages = Array.from({ length: count }, (_, index) => view.getUint32(4 * (2 + index), true));
  if (pages.some((page) => pageSize(length, page) <= 0) || packedSize(length, pages) !== packed.byteLength) {
    throw new Error("The pages do not fit.");
  }
  let offset = headSize(count);
  for (const page of pages) {
    const size = pageSize(length, page);
    snapshot.set(packed.subarray(offset, offset + size), page * PAGE);
    offset += size;
  }
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Kept only if Python started from it gives the same answer as the Python it was taken from.
async function makeSnapshot(runtime) {
  const cache = await snapshotCache(runtime);
  if (!cache) return false;
  const python = await boot(runtime, { _makeSnapshot: true });
  const expected = entryPoint(python)(PROBE);
  const snapshot = python.makeMemorySnapshot();
  if (snapshot.byteLength > MAX_SNAPSHOT_BYTES) return false;
  if (entryPoint(await boot(runtime, { _loadSnapshot: snapshot }))(PROBE) !== expected) return false;
  const packed = pack(snapshot);
  const headers = {
    "content-type": "application/octet-stream",
    [DIGEST_HEADER]: await sha256(packed),
    [LENGTH_HEADER]: String(snapshot.byteLength),
  };
  for (const request of await cache.keys()) await cache.delete(request); // one runtime's snapshot at a time
  await cache.put(runtime.snapshot, new Response(packed, { headers }));
  return true;
}

let started;

self.onmessage = async ({ data }) => {
  if (data.snapshot) {
    const kept = await makeSnapshot(data.snapshot).catch(() => false);
    self.postMessage({ snapshot: kept ? "kept" : "not kept" });
    return;
  }
  if (data.start) {
    started = start(data.start);
    started.then(
      ({ startedFrom }) => self.postMessage({ started: startedFrom }),
      (error) => self.postMessage({ failed: String(error) }),
    );
    return;
  }
  try {
    const { evaluateJson } = await started;
    self.postMessage({ id: data.id, results: evaluateJson(data.calls) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
