// The memory snapshot for the next visit, made after a full start of Python (see start.mjs), in a worker of its
// own, so the checklist's worker is never kept busy; the page does not wait for it. It is made only when the page
// is idle, the site's offline copy serves the page and holds every file of the runtime that a start needs: the
// maker's own start then takes them from the copy, as the next visit will, and never downloads the runtime again
// (under Save-Data the copy does not keep it; after a visit to the guidance alone it may still be downloading).
// Until then no snapshot is made, and a later visit, with the runtime kept, makes it. If the browser refuses to
// store it (its storage is short), that is noted, and the next visits do not make it again, two more starts of
// Python for nothing, until the site's offline copy has found room (service_worker.js deletes the note then).

import { TO_PAGE, TO_WORKER } from "./worker_protocol.mjs";

const whenIdle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000));

// Whether a maker was started this visit, once that is settled; any fault means no snapshot this visit.
export async function makeSnapshotForNextVisit(runtime) {
  try {
    if (await refusedBefore(runtime)) return false;
    await servedFromOfflineCopy();
    await new Promise((resolve) => whenIdle(resolve));
    if (!(await runtimeKept(runtime))) return false;
    startMaker(runtime);
    return true;
  } catch {
    return false;
  }
}

// Whether the browser refused to store this runtime's snapshot since the offline copy last found room. The note is
// an empty cache, whose name is all it says: a name can be written when storage is short.
function refusedBefore(runtime) {
  return caches.has(runtime.notStored);
}

// Resolved once the site's service worker serves this page (at once in a browser without service workers, where
// runtimeKept then finds nothing). Chromium keeps the machine code it compiles from the copy's WebAssembly with the
// cached file: the next visit reuses it instead of compiling the WebAssembly again.
function servedFromOfflineCopy() {
  const workers = navigator.serviceWorker;
  if (!workers || workers.controller) return Promise.resolve();
  return new Promise((resolve) => workers.addEventListener("controllerchange", resolve, { once: true }));
}

// Whether the offline copy holds every file the maker's start downloads: Pyodide's two scripts, its WebAssembly
// and the library's zip (a snapshot's maker starts from the zip itself; see memory_snapshot.mjs).
async function runtimeKept(runtime) {
  const beside = (name) => new URL(name, runtime.pyodide).href;
  const files = [runtime.pyodide, beside("pyodide.asm.mjs"), beside("pyodide.asm.wasm"), runtime.library];
  const kept = await Promise.all(files.map((url) => caches.match(url)));
  return kept.every(Boolean);
}

function startMaker(runtime) {
  const maker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
  maker.onerror = () => maker.terminate();
  maker.onmessage = ({ data }) => {
    maker.terminate();
    if (data?.type === TO_PAGE.SNAPSHOT_MADE && data.noRoom) caches.open(runtime.notStored).catch(() => {});
  };
  maker.postMessage({ type: TO_WORKER.MAKE_SNAPSHOT, runtime });
}
