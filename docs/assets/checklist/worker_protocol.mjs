// The messages between the checklist page (start.mjs) and its worker (worker.mjs): each is {type, ...}, with
// one of the types below. A worker told something of another type answers with an error; so does the page.

/**
 * Where the worker finds Python: URLs of Pyodide's script, the byte-compiled library's zip and its gzip form
 * (for a full start, see library_archive.mjs), and the memory snapshot's key; the lock file's JSON text; the
 * name of the cache that keeps the snapshot.
 * @typedef {{pyodide: string, library: string, libraryGzip: string, snapshot: string, lockfile: string,
 *   snapshotCache: string}} Runtime
 */

/** The page's messages to the worker. */
export const TO_WORKER = Object.freeze({
  /** Start Python, at once; calls wait for it. @typedef {{type: "start", runtime: Runtime}} Start */
  START: "start",
  /** After "start": whether a snapshot is stored. @typedef {{type: "snapshot stored", stored: boolean}} Stored */
  SNAPSHOT_STORED: "snapshot stored",
  /**
   * If one is: its bytes, checked, or null if they are damaged; handed over, not copied.
   * @typedef {{type: "snapshot bytes", bytes: Uint8Array | null}} SnapshotBytes
   */
  SNAPSHOT_BYTES: "snapshot bytes",
  /**
   * Calls of the rules: the JSON text of [{answers, timestamp}], answered in one "results" or "error" of its id.
   * @typedef {{type: "evaluate", id: number, calls: string}} Evaluate
   */
  EVALUATE: "evaluate",
  /**
   * In a worker of its own: make and keep a memory snapshot of this runtime; answered by "snapshot made".
   * @typedef {{type: "make snapshot", runtime: Runtime}} MakeSnapshot
   */
  MAKE_SNAPSHOT: "make snapshot",
});

/** The worker's messages to the page. */
export const TO_PAGE = Object.freeze({
  /** Python has started, from the snapshot or in full. @typedef {{type: "started", from: StartedFrom}} Started */
  STARTED: "started",
  /** Python could not start: every call fails. @typedef {{type: "failed", error: string}} Failed */
  FAILED: "failed",
  /**
   * The answers to the calls of that id: the JSON text of [{record, markdown} | {error}].
   * @typedef {{type: "results", id: number, results: string}} Results
   */
  RESULTS: "results",
  /**
   * The calls of that id could not be answered, or, with no id, a message of a type the worker does not know.
   * @typedef {{type: "error", id: number | null, error: string}} CallError
   */
  ERROR: "error",
  /**
   * Whether a snapshot was made and kept, and whether the browser refused to store it for lack of room.
   * @typedef {{type: "snapshot made", kept: boolean, noRoom: boolean}} SnapshotMade
   */
  SNAPSHOT_MADE: "snapshot made",
});

/** @typedef {"snapshot" | "bytecode"} StartedFrom */

/** The error that answers a message of a type the receiver does not know. */
export const unknownType = (data) => `A message of unknown type: ${JSON.stringify(data?.type)}`;
