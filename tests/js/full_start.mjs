// Run in a worker of the test's own (in_own_worker.mjs). A full start with the checklist worker's options for it
// (library_archive.mjs): where Python looks for modules, and where it found some of those its start and the
// package import.
export default async (checklistModule, runtime) => {
  const { unpackedLibrary } = await import(checklistModule);
  const { loadPyodide } = await import(runtime.pyodide);
  const python = await loadPyodide({
    indexURL: new URL(".", runtime.pyodide).href,
    stdLibURL: runtime.library,
    lockFileContents: runtime.lockfile,
    ...unpackedLibrary(runtime),
  });
  return JSON.parse(
    python.runPython(
      "import json, sys, checklist.browser; json.dumps({'path': sys.path, 'files': " +
        "[sys.modules[name].__file__ for name in ('encodings', 'asyncio', 'checklist', 'checklist.browser')]})",
    ),
  );
};
