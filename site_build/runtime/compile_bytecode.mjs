// Byte-compiles Python archives with the Pyodide the site ships, so the bytecode is exactly what it loads.
// Run by the site build (browser_runtime.py) with Node.js:
//
//   node compile_bytecode.mjs <Pyodide directory> <source zip> <target zip> <optimization level> [...]
//
// The optimization level is CPython's -O level, as pyc_archive.py says.

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [directory, ...paths] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${directory}/pyodide.mjs`).href);
// A fixed hash seed: nothing in the output may depend on the run.
const python = await loadPyodide({ indexURL: `${directory}/`, env: { PYTHONHASHSEED: "0" } });
python.runPython(readFileSync(new URL("pyc_archive.py", import.meta.url), "utf8"));
const compileArchive = python.globals.get("compile_archive");
for (let i = 0; i < paths.length; i += 3) {
  python.FS.writeFile("/tmp/source.zip", readFileSync(paths[i]));
  compileArchive("/tmp/source.zip", "/tmp/target.zip", Number(paths[i + 2]));
  writeFileSync(paths[i + 1], python.FS.readFile("/tmp/target.zip"));
}
