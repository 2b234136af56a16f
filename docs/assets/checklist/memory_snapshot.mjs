// The memory snapshot: Python's memory just after it has started and imported the checklist, before any
// answer. Starting from one skips Python's start-up. It uses Pyodide's private snapshot options, so it is
// used only with the Pyodide version it was written for; anything wrong with a stored snapshot (another
// runtime, corrupt or oversized data, a failed start) means a full start instead, and the snapshot is
// deleted (see python_start.mjs). The stored bytes, packed (snapshot_pages.mjs), carry their SHA-256, checked
// before use (stored_snapshot.mjs).

import { boot, entryPoint } from "./pyodide_loading.mjs";
import { keptPages, MAX_SNAPSHOT_BYTES, pack, restoreInto } from "./snapshot_pages.mjs";

const SNAPSHOT_PYODIDE = "314.0.7";
// A call whose answer must be the same from the snapshot as from the Python it was taken from.
const PROBE = JSON.stringify([{ answers: {}, timestamp: "2024-01-01T00:00:00+00:00" }]);

// Pyodide's options for a start from a snapshot's kept pages (a promise of them: see keptPages), which are
// written into Python's memory here rather than by Pyodide. Pyodide copies a whole snapshot, zeros and all,
// into memory; the kept pages alone are written straight from the stored bytes, with no copy of the whole
// snapshot made first. Pyodide instantiates while the snapshot is still being read and checked; it restores
// only once the snapshot is checked, and a snapshot that fails its checks ends the start.
export function fromSnapshot(runtime, snapshot) {
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
export async function snapshotsUsable(runtime) {
  if (!globalThis.caches) return false;
  const { version } = await import(runtime.pyodide);
  if (version === SNAPSHOT_PYODIDE) return true;
  await caches.delete(runtime.snapshotCache);
  return false;
}

async function snapshotCache(runtime) {
  return (await snapshotsUsable(runtime)) ? caches.open(runtime.snapshotCache) : null;
}

export async function forgetSnapshot(runtime) {
  try {
    await (await snapshotCache(runtime))?.delete(runtime.snapshot);
  } catch {
    // Nothing more can be done; the next start checks the snapshot again.
  }
}

// Makes a snapshot of this runtime and stores it, packed, with its SHA-256; whether it was kept. It is kept only
// if Python started from it gives the same answer as the Python it was taken from.
export async function makeSnapshot(runtime) {
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
