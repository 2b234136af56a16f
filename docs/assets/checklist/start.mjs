// The page's side of the Web Worker that runs the checklist's Python rules, started the moment the page
// opens: an async module at the top of the page that imports only the messages it and the worker speak
// (worker_protocol.mjs, preloaded beside it) runs before the rest of the page is parsed. The page's
// controller imports the same, already loading, instance; questions can be asked at once and are answered
// when Python is ready.
//
// After a start that did not come from a memory snapshot, once Python has answered, the site's offline copy
// serves the page and the page is idle, a second worker makes one, so that the next visit starts in a
// fraction of the time (see worker.mjs). If the browser refuses to store it (its storage is short), that is noted,
// and the next visits do not make it again, two more starts of Python for nothing, until the site's offline copy
// has found room (service_worker.js deletes the note then).

import { TO_PAGE, TO_WORKER, unknownType } from "./worker_protocol.mjs";

const whenIdle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000));

function startPython(runtime) {
  const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 0;
  let failure = null;
  let started, notStarted, answer;
  const startedFrom = new Promise((resolve, reject) => {
    started = resolve;
    notStarted = reject;
  });
  const answered = new Promise((resolve) => {
    answer = resolve;
  });

  const failAll = (error) => {
    failure = error;
    notStarted(error);
    answer();
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.onmessage = ({ data }) => {
    // Python could not start, or the worker did not know a message of the page's.
    if (data.type === TO_PAGE.FAILED || (data.type === TO_PAGE.ERROR && data.id === null)) {
      failAll(new Error(data.error));
      return;
    }
    if (data.type === TO_PAGE.STARTED) {
      started(data.from);
      return;
    }
    if (data.type !== TO_PAGE.RESULTS && data.type !== TO_PAGE.ERROR) {
      failAll(new Error(unknownType(data)));
      return;
    }
    const call = pending.get(data.id);
    if (!call) return; // already rejected when loading failed
    pending.delete(data.id);
    answer();
    if (data.type === TO_PAGE.ERROR) call.reject(new Error(data.error));
    else call.resolve(JSON.parse(data.results));
  };
  worker.onerror = (event) => failAll(new Error(event.message || "The checklist's worker could not start."));
  worker.postMessage({ type: TO_WORKER.START, runtime });
  sendStoredSnapshot(worker, runtime);

  Promise.all([startedFrom, answered]).then(
    async ([how]) => {
      if (how === "snapshot" || (await refusedBefore(runtime))) return;
      await servedFromOfflineCopy();
      whenIdle(() => makeSnapshot(runtime));
    },
    () => {}, // the page reports it, from evaluate()
  );

  return {
    // calls: [{answers: {question: value}, timestamp}] → [{record, markdown} | {error}], in the same order.
    evaluate(calls) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: TO_WORKER.EVALUATE, id, calls: JSON.stringify(calls) });
      });
    },
    // How Python started, once it has: "snapshot" (from the memory snapshot) or "bytecode" (a full start);
    // rejected if it could not.
    startedFrom,
    // Resolved once Python has answered its first call, or could not start: work that can wait (the
    // site's download for offline use, the snapshot) waits for this, so as not to slow the first answer.
    answered,
  };
}

// The stored memory snapshot, if there is one, is read and checked here rather than in the worker: while
// Python starts, the worker's thread is busy throughout and the page's mostly idle, and reading 12 MB on a busy
// thread takes far longer. It is looked up at once and the worker told whether there is one, which it waits
// for before it starts Python; the code that checks it is loaded only if there is one. Then the worker is
// given its bytes, checked, or null if they are damaged; they are handed over, not copied.
async function sendStoredSnapshot(worker, runtime) {
  const stored = await storedSnapshot(runtime);
  worker.postMessage({ type: TO_WORKER.SNAPSHOT_STORED, stored: Boolean(stored) });
  if (!stored) return;
  const bytes = await import("./stored_snapshot.mjs")
    .then(({ checkedBytes }) => checkedBytes(stored))
    .catch(() => null);
  worker.postMessage({ type: TO_WORKER.SNAPSHOT_BYTES, bytes }, bytes ? [bytes.buffer] : []);
}

async function storedSnapshot(runtime) {
  try {
    return await globalThis.caches?.match(runtime.snapshot, { cacheName: runtime.snapshotCache });
  } catch {
    return undefined;
  }
}

// Resolved once the site's service worker serves this page (at once in a browser without service workers).
// The snapshot's maker then gets Pyodide's WebAssembly from the offline copy, as the next visit will, and
// Chromium keeps the machine code it compiles during that full start with the cached file: the next visit
// reuses it instead of compiling the WebAssembly again. If the site cannot be kept offline, no snapshot is
// made either; both need the same storage.
function servedFromOfflineCopy() {
  const workers = navigator.serviceWorker;
  if (!workers || workers.controller) return Promise.resolve();
  return new Promise((resolve) => workers.addEventListener("controllerchange", resolve, { once: true }));
}

// In a worker of its own, so the checklist's worker is never kept busy; the page does not wait for it.
function makeSnapshot(runtime) {
  const maker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  maker.onerror = () => maker.terminate();
  maker.onmessage = ({ data }) => {
    maker.terminate();
    if (data?.type === TO_PAGE.SNAPSHOT_MADE && data.noRoom) caches.open(runtime.notStored).catch(() => {});
  };
  maker.postMessage({ type: TO_WORKER.MAKE_SNAPSHOT, runtime });
}

// Whether the browser refused to store this runtime's snapshot since the offline copy last found room. The note is
// an empty cache, whose name is all it says: a name can be written when storage is short.
async function refusedBefore(runtime) {
  try {
    return await caches.has(runtime.notStored);
  } catch {
    return false; // no Cache Storage: no snapshot is kept either
  }
}

const script = document.querySelector("script[data-pyodide][data-library]");
const address = (relative) => new URL(relative, document.baseURI).href;

export const siteRoot = address(script.dataset.root);

const snapshot = address(script.dataset.snapshot);

export const python = startPython({
  pyodide: address(script.dataset.pyodide),
  library: address(script.dataset.library),
  libraryGzip: address(script.dataset.libraryGzip),
  lockfile: script.dataset.lockfile,
  snapshot,
  // Several sites can share an origin: each keeps its snapshot in a cache named after its root.
  snapshotCache: `python snapshot ${siteRoot}`,
  // The note that the browser refused to store it (see refusedBefore).
  notStored: `python snapshot not stored ${snapshot}`,
});
