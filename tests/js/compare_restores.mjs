// Run in a worker of the test's own (in_own_worker.mjs). The checklist worker's restore from the kept pages
// (snapshot_pages.mjs) and Pyodide's restore from the whole snapshot, each in a start of its own, with a page the
// snapshot does not keep written on first, where memory may have been written before a restore. Python's memory
// just after each, compared.

const startOptions = (runtime) => ({
  indexURL: new URL(".", runtime.pyodide).href,
  stdLibURL: runtime.library,
  lockFileContents: runtime.lockfile,
});

// Python's memory just after `restore`, and where a page left out of `kept` was scribbled on before it.
const memoryAfter = async (runtime, snapshot, kept, restore) => {
  const { loadPyodide } = await import(runtime.pyodide);
  const { default: createModule } = await import(new URL("pyodide.asm.mjs", runtime.pyodide).href);
  const memoryAt = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
  let memory, scribbled;
  await loadPyodide({
    ...startOptions(runtime),
    _loadSnapshot: snapshot,
    async createPyodideModule(settings) {
      const module = await createModule(settings);
      const restoreState = module.API.restoreSnapshot;
      module.API.restoreSnapshot = (whole) => {
        const top = module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2];
        const notKept = kept.pages.find(({ at }, index) => kept.pages[index + 1]?.at > at + 65536);
        scribbled = notKept.at + 65536 - memoryAt;
        if (scribbled + 4096 > top) throw new Error("no page left out below the heap's top");
        module.HEAPU8.fill(0xa5, scribbled, scribbled + 4096);
        const state = restore(module, restoreState, whole);
        memory = module.HEAPU8.slice();
        return state;
      };
      return module;
    },
  });
  return { memory, scribbled };
};

export default async (checklistModule, runtime) => {
  const { keptPages, pack, restoreInto } = await import(checklistModule);
  const { loadPyodide } = await import(runtime.pyodide);
  const python = await loadPyodide({ ...startOptions(runtime), _makeSnapshot: true });
  python.pyimport("checklist.browser");
  const snapshot = python.makeMemorySnapshot();
  const kept = keptPages(pack(snapshot));
  const pyodides = await memoryAfter(runtime, snapshot, kept, (_module, restoreState, whole) => restoreState(whole));
  const ours = await memoryAfter(runtime, snapshot, kept, (module, restoreState) =>
    restoreInto(module, restoreState, kept),
  );
  let differing = 0;
  for (let i = 0; i < pyodides.memory.length; i++) if (pyodides.memory[i] !== ours.memory[i]) differing++;
  return {
    length: [pyodides.memory.length, ours.memory.length],
    differing,
    scribbledZeroed: ours.memory.subarray(ours.scribbled, ours.scribbled + 4096).every((byte) => byte === 0),
    kept: kept.pages.length,
    pages: Math.ceil(snapshot.byteLength / 65536),
  };
};
