// Runs the checklist's rules (the Python `checklist` package, in Pyodide) off the page's main thread.
//
// In:   {start: runtime}, then {id, calls: JSON text of [{answers, timestamp}]}; calls that arrive before
//       Python is ready wait for it. From the page that reads the stored snapshot (start.mjs), after {start}:
//       {snapshotStored: whether there is one}, then, if there is, {snapshotBytes: its bytes, checked, or null}.
//       {snapshot: runtime}: in a worker of its own, make and keep a memory snapshot of this runtime.
// Out:  {started: "snapshot" | "bytecode"}, {id, results: JSON text of [{record, markdown} | {error}]},
//       {id, error} or {failed: message}; {snapshot: "kept" | "not kept" | "no room": the browser refused to store it}.
//
// runtime: {pyodide, library, libraryGzip, snapshot: URLs; lockfile: JSON text; snapshotCache: a cache name}. The
// library is the standard library with the checklist package, byte-compiled: Python imports the package from it.
// libraryGzip is the same library for a full start (see unpackedLibrary).
//
// A memory snapshot is Python's memory just after it has started and imported the checklist, before any
// answer. Starting from one skips Python's start-up. It uses Pyodide's private snapshot options, so it is
// used only with the Pyodide version it was written for; anything wrong with a stored snapshot (another
// runtime, corrupt or oversized data, a failed start) means a full start instead, and the snapshot is
// deleted. The stored bytes carry their SHA-256, checked before use (stored_snapshot.mjs).
// Most of the memory is unused and zero: only its other pages are stored, which is far less to read, check and
// write back into memory.

const SNAPSHOT_PYODIDE = "314.0.7";
const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;
const PAGE = 65536;
// A call whose answer must be the same from the snapshot as from the Python it was taken from.
const PROBE = JSON.stringify([{ answers: {}, timestamp: "2024-01-01T00:00:00+00:00" }]);

// How Pyodide gets its WebAssembly, changed in this worker only:
// - it is compiled from Pyodide's own download as soon as that starts, while Pyodide's script is still
//   loading, rather than afterwards; Pyodide is then given the compiled module;
// - a download or compile that fails is reported: Pyodide only logs it, then waits for ever, so each
//   start is raced against such a failure and the page can say the checklist cannot start. So is a library
//   for a full start that cannot be downloaded or read.
let compiled = null;
let downloadFailed;
const downloadFailure = new Promise((_, reject) => {
  downloadFailed = reject;
});
downloadFailure.catch(() => {}); // reported by the start it stops
const instantiate = WebAssembly.instantiate.bind(WebAssembly);
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
const download = self.fetch.bind(self);
// Downloads begun before Pyodide asks for them (see prefetch), each handed over once.
const prefetched = new Map();
// Whether a file of the runtime could not be downloaded or compiled: a start that then fails is not the
// snapshot's fault (see start).
let fileFailed = false;

function watched(promise) {
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

// What every start needs, asked for the moment the worker runs, before it knows how it will start:
// Pyodide's two scripts and its WebAssembly (compiling as it arrives). The library is asked for once the
// start is known: a start from a snapshot needs its zip, a full start the same files in one download.
function prefetch(...urls) {
  for (const url of urls) prefetched.set(url, self.fetch(url));
}

function prefetchRuntime(runtime) {
  prefetch(new URL("pyodide.asm.wasm", runtime.pyodide).href);
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
    downloadFailure,
  ]);
}

function entryPoint(python) {
  return python.pyimport("checklist.browser").evaluate_json;
}

// What the page says of the stored snapshot (see In, above). Its bytes are let go once Python has been
// restored from them.
let toldStored, givenBytes;
const snapshotStored = new Promise((resolve) => {
  toldStored = resolve;
});
let snapshotBytes = new Promise((resolve) => {
  givenBytes = resolve;
});

async function start(runtime) {
  prefetchRuntime(runtime);
  let snapshotFailed = false;
  if ((await snapshotStored) && (await snapshotsUsable(runtime))) {
    prefetch(runtime.library);
    const snapshot = snapshotBytes.then((bytes) => {
      if (!bytes) throw new Error("The snapshot is damaged.");
      return keptPages(bytes);
    });
    snapshotBytes = null;
    snapshot.catch(() => {}); // handled by the start from the snapshot
    try {
      const python = await boot(runtime, fromSnapshot(runtime, snapshot));
      // Every start from the same snapshot would otherwise draw the same "random" numbers.
      python.runPython("import random; random.seed()");
      return { evaluateJson: entryPoint(python), startedFrom: "snapshot" };
    } catch {
      snapshotFailed = true;
    }
  }
  const python = await boot(runtime, unpackedLibrary(runtime));
  // The snapshot is blamed only if Python then starts without it, and every file arrived: otherwise a file is
  // at fault (a damaged one in the offline copy, say, which the copy then replaces), and the snapshot is kept.
  if (snapshotFailed && !fileFailed) await forgetSnapshot(runtime);
  return { evaluateJson: entryPoint(python), startedFrom: "bytecode" };
}

// Pyodide's options for a full start, which imports about 140 modules of the library as Python starts. Python
// imports a module faster from a folder than from a zip (in Node.js, about 0.5 ms less for each, in a start of
// 0.6 s): the library is downloaded as one gzip-compressed zip of stored entries, decompressed in one go, and
// its files are written into a folder ahead of the zip on Python's path. Pyodide is given the same zip. In a
// browser that cannot decompress it, Python imports from the library's own zip.
const UNPACKED = "/lib/python-library";

function unpackedLibrary(runtime) {
  if (!globalThis.DecompressionStream) return {};
  const archive = watched(
    download(runtime.libraryGzip).then(async (response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      const bytes = new Response(await gunzipped(response.body)).arrayBuffer();
      return new Uint8Array(await bytes);
    }),
  );
  const files = watched(archive.then(storedFiles));
  prefetched.set(runtime.library, archive.then((bytes) => new Response(bytes)));
  return {
    env: { PYTHONPATH: UNPACKED },
    async fsInit(fs) {
      for (const { name, bytes } of await files) {
        const path = `${UNPACKED}/${name}`;
        fs.mkdirTree(path.slice(0, path.lastIndexOf("/")));
        fs.writeFile(path, bytes);
      }
    },
  };
}

// The body decompressed as it arrives, if it is gzip's: a host that sends the file with "Content-Encoding: gzip"
// has the browser decompress it already, and the body is then the zip itself.
async function gunzipped(body) {
  const reader = body.getReader();
  const first = await reader.read();
  const rest = new ReadableStream({
    start(controller) {
      if (!first.done) controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  return gzip ? rest.pipeThrough(new DecompressionStream("gzip")) : rest;
}

// The files of a zip whose entries are all stored uncompressed, read through its central directory, as
// {name, bytes}; folders are left out. Anything else is refused.
function storedFiles(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fail = () => {
    throw new Error("The library is not a zip of stored files.");
  };
  const end = zip.byteLength - 22; // the directory's end record: the library's zip has no comment after it
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) fail();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.byteLength || view.getUint32(at, true) !== 0x02014b50) fail();
    const method = view.getUint16(at + 10, true);
    const [size, uncompressedSize] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
    const [nameLength, extra, comment] = [28, 30, 32].map((field) => view.getUint16(at + field, true));
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (method !== 0 || size !== uncompressedSize) fail();
    if (local + 30 > zip.byteLength || view.getUint32(local, true) !== 0x04034b50) fail();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.byteLength || name.startsWith("/") || name.split("/").includes("..")) fail();
    if (!name.endsWith("/")) files.push({ name, bytes: zip.subarray(start, start + size) });
  }
  return files;
}

// Pyodide's options for a start from a snapshot (packed: see pack), which is written into Python's memory
// here rather than by Pyodide. Pyodide copies a whole snapshot, zeros and all, into memory; the kept pages
// alone are written straight from the stored bytes, with no copy of the whole snapshot made first. Pyodide
// instantiates while the snapshot is still being read and checked; it restores only once the snapshot is
// checked, and a snapshot that fails its checks ends the start.
function fromSnapshot(runtime, snapshot) {
  return {
    _loadSnapshot: new Uint8Array(0), // says "start from a snapshot"; the snapshot itself is restored below
    async createPyodideModule(settings) {
      const { default: createModule } = await import(new URL("pyodide.asm.mjs", runtime.pyodide).href);
      const module = await createModule(settings);
      const pages = await snapshot;
      snapshot = null; // Pyodide keeps its options, and Python's runtime lives on: neither keeps the bytes
      const restoreState = module.API.restoreSnapshot;
      module.API.restoreSnapshot = () => {
        module.API.restoreSnapshot = restoreState;
        return restoreInto(module, restoreState, pages);
      };
      return module;
    },
  };
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

async function forgetSnapshot(runtime) {
  try {
    await (await snapshotCache(runtime))?.delete(runtime.snapshot);
  } catch {
    // Nothing more can be done; the next start checks the snapshot again.
  }
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
  for (const [index, number] of [snapshot.byteLength, kept.length, ...kept].entries()) {
    view.setUint32(4 * index, number, true);
  }
  let offset = headSize(kept.length);
  for (const page of kept) {
    const size = pageSize(snapshot.byteLength, page);
    packed.set(snapshot.subarray(page * PAGE, page * PAGE + size), offset);
    offset += size;
  }
  return packed;
}

// The snapshot's length and its kept pages, each as {at: its offset in the snapshot, bytes}, in order, once
// they are known to fit in that length and to be all the packed bytes.
function keptPages(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const [length, count] = [view.getUint32(0, true), view.getUint32(4, true)];
  if (length > MAX_SNAPSHOT_BYTES) throw new Error("The snapshot is too large.");
  if (headSize(count) > packed.byteLength) throw new Error("The pages do not fit.");
  const numbers = Array.from({ length: count }, (_, index) => view.getUint32(4 * (2 + index), true));
  const ascending = numbers.every((page, index) => index === 0 || page > numbers[index - 1]);
  const inside = numbers.every((page) => pageSize(length, page) > 0);
  if (!ascending || !inside || packedSize(length, numbers) !== packed.byteLength) {
    throw new Error("The pages do not fit.");
  }
  let offset = headSize(count);
  const pages = numbers.map((page) => {
    const bytes = packed.subarray(offset, offset + pageSize(length, page));
    offset += bytes.byteLength;
    return { at: page * PAGE, bytes };
  });
  return { length, pages };
}

// Restores Python from a snapshot's kept pages, as Pyodide's restoreSnapshot does from the whole snapshot.
// The snapshot begins with Pyodide's header, and its 32-bit little-endian word at byte 4 is where Python's
// memory begins in it; Pyodide's own `restoreState`, given just that header, checks it and returns the state
// it holds. The memory was made by this start and has been written to only below the top of Python's heap
// (its static data, its stack, the heap itself): a page not kept is zeroed there, and is zero above it.
function restoreInto(module, restoreState, { length, pages }) {
  const [first] = pages;
  const hasHeader = first?.at === 0 && first.bytes.byteLength >= 8;
  const memoryAt = hasHeader ? new DataView(first.bytes.buffer, first.bytes.byteOffset).getUint32(4, true) : 0;
  if (memoryAt === 0 || memoryAt >= first.bytes.byteLength) throw new Error("The snapshot has no header.");
  const memory = module.HEAPU8;
  if (length - memoryAt > memory.byteLength) throw new Error("The snapshot is larger than Python's memory.");
  const state = restoreState(first.bytes.subarray(0, memoryAt));
  const written = module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2];
  const zero = (from, to) => {
    const [start, end] = [Math.max(from - memoryAt, 0), Math.min(to - memoryAt, written)];
    if (start < end) memory.fill(0, start, end);
  };
  let laidOut = 0;
  for (const { at, bytes } of pages) {
    zero(laidOut, at);
    const skipped = Math.max(memoryAt - at, 0); // the header
    memory.set(bytes.subarray(skipped), at + skipped - memoryAt);
    laidOut = at + bytes.byteLength;
  }
  zero(laidOut, length);
  return state;
}

// Kept only if Python started from it gives the same answer as the Python it was taken from.
async function makeSnapshot(runtime) {
  const cache = await snapshotCache(runtime);
  if (!cache) return false;
  const python = await boot(runtime, { _makeSnapshot: true });
  const expected = entryPoint(python)(PROBE);
  const snapshot = python.makeMemorySnapshot();
  if (snapshot.byteLength > MAX_SNAPSHOT_BYTES) return false;
  const packed = pack(snapshot);
  const restored = await boot(runtime, fromSnapshot(runtime, Promise.resolve(keptPages(packed))));
  if (entryPoint(restored)(PROBE) !== expected) return false;
  const { DIGEST_HEADER, sha256 } = await import("./stored_snapshot.mjs");
  const headers = { "content-type": "application/octet-stream", [DIGEST_HEADER]: await sha256(packed) };
  for (const request of await cache.keys()) await cache.delete(request); // one runtime's snapshot at a time
  await cache.put(runtime.snapshot, new Response(packed, { headers }));
  return true;
}

// For the tests that check this restore against Pyodide's own, byte for byte, and where a full start imports from.
export { keptPages, pack, restoreInto, unpackedLibrary };

let started;

self.onmessage = async ({ data }) => {
  if (data.snapshot) {
    const outcome = await makeSnapshot(data.snapshot).then(
      (kept) => (kept ? "kept" : "not kept"),
      (error) => (error?.name === "QuotaExceededError" ? "no room" : "not kept"),
    );
    self.postMessage({ snapshot: outcome });
    return;
  }
  if ("snapshotStored" in data) {
    toldStored(data.snapshotStored);
    return;
  }
  if ("snapshotBytes" in data) {
    givenBytes(data.snapshotBytes);
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
