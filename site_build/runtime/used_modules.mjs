// Prints, as JSON, the entries of a byte-compiled Python library that the checklist uses (see library_use.py),
// found by running it in the Pyodide the site ships, started as the browser starts it. Run by the site
// build (browser_runtime.py) with Node.js:
//
//   node used_modules.mjs <Pyodide directory> <library zip>

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [directory, library] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${directory}/pyodide.mjs`).href);
const python = await loadPyodide({
  indexURL: `${directory}/`,
  stdLibURL: library,
  env: { PYTHONHASHSEED: "0" },
  _makeSnapshot: true, // the browser makes its memory snapshot too: whatever that imports counts
});
python.runPython(readFileSync(new URL("library_use.py", import.meta.url), "utf8"));
python.globals.get("exercise")();
try {
  python.pyimport("checklist.browser").evaluate_json("not JSON"); // an error that reaches the page as one
} catch {
  // expected: Python's error, made into JavaScript's, is what was to be exercised
}
python.makeMemorySnapshot();
console.log(JSON.stringify(python.globals.get("used_entries")().toJs()));
