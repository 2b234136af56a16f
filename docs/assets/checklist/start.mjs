// The page's side of the Web Worker that runs the checklist's Python rules, started the moment the page
// opens: an async module at the top of the page that imports only the messages it and the worker speak
// (worker_protocol.mjs, preloaded beside it) runs before the rest of the page is parsed. The page's
// controller imports the same, already loading, instance; questions can be asked at once and are answered
// when Python is ready. After a full start, a memory snapshot is made for the next visit (snapshot_maker.mjs,
// loaded only then).

import { TO_PAGE, TO_WORKER, unknownType } from "./worker_protocol.mjs";

// A promise with the functions that settle it.
function settled() {
  let resolve, reject;
  const promise = new Promise((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

// The checklist's worker and the page's calls to it, each pending until its answer arrives.
class PythonWorker {
  #worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  #pending = new Map();
  #nextId = 0;
  #failure = null;
  #started = settled();
  #answered = settled();
  // How Python started, once it has: "snapshot" (from the memory snapshot) or "bytecode" (a full start);
  // rejected if it could not.
  startedFrom = this.#started.promise;
  // Resolved once Python has answered its first call, or could not start: work that can wait (the site's
  // download for offline use, the snapshot) waits for this, so as not to slow the first answer.
  answered = this.#answered.promise;

  constructor(runtime) {
    this.#worker.onmessage = ({ data }) => this.#received(data);
    this.#worker.onerror = (event) =>
      this.#failAll(new Error(event.message || "The checklist's worker could not start."));
    this.#worker.postMessage({ type: TO_WORKER.START, runtime });
    sendStoredSnapshot(this.#worker, runtime);
  }

  // calls: [{answers: {question: value}, timestamp}] → [{record, markdown} | {error}], in the same order.
  evaluate(calls) {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ type: TO_WORKER.EVALUATE, id, calls: JSON.stringify(calls) });
    });
  }

  #received(data) {
    // Python could not start, or the worker did not know a message of the page's.
    if (data.type === TO_PAGE.FAILED || (data.type === TO_PAGE.ERROR && data.id === null)) {
      this.#failAll(new Error(data.error));
    } else if (data.type === TO_PAGE.STARTED) {
      this.#started.resolve(data.from);
    } else if (data.type === TO_PAGE.RESULTS || data.type === TO_PAGE.ERROR) {
      this.#answer(data);
    } else {
      this.#failAll(new Error(unknownType(data)));
    }
  }

  #answer({ id, type, error, results }) {
    const call = this.#pending.get(id);
    if (!call) return; // already rejected when loading failed
    this.#pending.delete(id);
    this.#answered.resolve();
    if (type === TO_PAGE.ERROR) call.reject(new Error(error));
    else call.resolve(JSON.parse(results));
  }

  #failAll(error) {
    this.#failure = error;
    this.#started.reject(error);
    this.#answered.resolve();
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
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

// Whether this visit makes the snapshot for the next (see snapshot_maker.mjs), once that is settled: never after
// a start from the snapshot, nor before Python has answered, so as not to slow the first answer.
async function snapshotForNextVisit(python, runtime) {
  const [how] = await Promise.all([python.startedFrom, python.answered]);
  if (how === "snapshot") return false;
  const { makeSnapshotForNextVisit } = await import("./snapshot_maker.mjs");
  return makeSnapshotForNextVisit(runtime);
}

const script = document.querySelector("script[data-pyodide][data-library]");
const address = (relative) => new URL(relative, document.baseURI).href;

export const siteRoot = address(script.dataset.root);

const snapshot = address(script.dataset.snapshot);
const runtime = {
  pyodide: address(script.dataset.pyodide),
  library: address(script.dataset.library),
  libraryGzip: address(script.dataset.libraryGzip),
  lockfile: script.dataset.lockfile,
  snapshot,
  // Several sites can share an origin: each keeps its snapshot in a cache named after its root.
  snapshotCache: `python snapshot ${siteRoot}`,
  // The note that the browser refused to store it (see snapshot_maker.mjs).
  notStored: `python snapshot not stored ${snapshot}`,
};

export const python = new PythonWorker(runtime);

// Marked on the page's timeline, as the checklist's first question and first answer are (checklist.mjs): whether
// this visit started the snapshot's maker, once that is settled; not if Python could not start (the page reports
// that, from evaluate()).
snapshotForNextVisit(python, runtime)
  .catch(() => false)
  .then((started) => performance.mark("checklist-snapshot-settled", { detail: { started } }));
