// How the checklist's worker starts Python: from the stored memory snapshot if the page has one and it is
// sound, else in full from the byte-compiled library.

import { forgetSnapshot, fromSnapshot, snapshotsUsable } from "./memory_snapshot.mjs";
import { anyFileFailed, boot, entryPoint, prefetch, prefetchRuntime } from "./pyodide_loading.mjs";
import { unpackedLibrary } from "./library_archive.mjs";
import { keptPages } from "./snapshot_pages.mjs";

// Python started: {evaluateJson, startedFrom: "snapshot" | "bytecode"}. `stored` is whether the page has a
// snapshot, `bytes` its bytes (checked) or null if they are damaged, once the page has read them.
export async function startPython(runtime, stored, bytes) {
  prefetchRuntime(runtime);
  let snapshotFailed = false;
  if ((await stored) && (await snapshotsUsable(runtime))) {
    prefetch(runtime.library);
    const snapshot = bytes.then((packed) => {
      if (!packed) throw new Error("The snapshot is damaged.");
      return keptPages(packed);
    });
    bytes = null; // let go once Python has been restored from them
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
  if (snapshotFailed && !anyFileFailed()) await forgetSnapshot(runtime);
  return { evaluateJson: entryPoint(python), startedFrom: "bytecode" };
}
