// Runs the checklist's rules (the Python `checklist` package, in Pyodide) off the page's main thread, told what
// to do by the page (start.mjs) in the messages of worker_protocol.mjs. Calls that arrive before Python is
// ready wait for it. In a worker of its own, it makes the memory snapshot the next visit starts from.
//
// The library is the standard library with the checklist package, byte-compiled: Python imports the package
// from it (library_archive.mjs). Pyodide is loaded as pyodide_loading.mjs says, Python started as
// python_start.mjs says, from the memory snapshot (memory_snapshot.mjs) if there is a sound one.

import { makeSnapshot } from "./memory_snapshot.mjs";
import { startPython } from "./python_start.mjs";
import { TO_PAGE, TO_WORKER, unknownType } from "./worker_protocol.mjs";

// What the page says of the stored snapshot. The start takes its bytes, and lets them go once Python has been
// restored from them.
let tellStored, giveBytes;
const snapshotStored = new Promise((resolve) => {
  tellStored = resolve;
});
let snapshotBytes = new Promise((resolve) => {
  giveBytes = resolve;
});
let started;

const reply = (message) => self.postMessage(message);

const answers = {
  [TO_WORKER.START]({ runtime }) {
    started = startPython(runtime, snapshotStored, snapshotBytes);
    snapshotBytes = null;
    started.then(
      ({ startedFrom }) => reply({ type: TO_PAGE.STARTED, from: startedFrom }),
      (error) => reply({ type: TO_PAGE.FAILED, error: String(error) }),
    );
  },
  [TO_WORKER.SNAPSHOT_STORED]: ({ stored }) => tellStored(stored),
  [TO_WORKER.SNAPSHOT_BYTES]: ({ bytes }) => giveBytes(bytes),
  async [TO_WORKER.EVALUATE]({ id, calls }) {
    try {
      const { evaluateJson } = await started;
      reply({ type: TO_PAGE.RESULTS, id, results: evaluateJson(calls) });
    } catch (error) {
      reply({ type: TO_PAGE.ERROR, id, error: String(error) });
    }
  },
  async [TO_WORKER.MAKE_SNAPSHOT]({ runtime }) {
    const outcome = await makeSnapshot(runtime).then(
      (kept) => ({ kept, noRoom: false }),
      (error) => ({ kept: false, noRoom: error?.name === "QuotaExceededError" }),
    );
    reply({ type: TO_PAGE.SNAPSHOT_MADE, ...outcome });
  },
};

self.onmessage = ({ data }) => {
  if (Object.hasOwn(answers, data?.type)) answers[data.type](data);
  else reply({ type: TO_PAGE.ERROR, id: null, error: unknownType(data) });
};
