// Before any script of the page: counts, in window.pythonWorkers, the workers it starts that run the checklist's
// Python (worker.mjs: the checklist's own, and a snapshot's maker), each started as the page asked.
export default () => {
  window.pythonWorkers = 0;
  window.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      if (String(args[0]).endsWith("/checklist/worker.mjs")) window.pythonWorkers += 1;
    }
  };
};
