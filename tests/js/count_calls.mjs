// Run before any script of the page: counts the page's requests for persistent storage and the workers it starts
// that run the checklist's Python (worker.mjs: the checklist's own, and a snapshot's maker), passing each on
// unchanged.
export default () => {
  window.persistRequests = 0;
  const persist = StorageManager.prototype.persist;
  StorageManager.prototype.persist = function () {
    window.persistRequests += 1;
    return persist.call(this);
  };
  window.workersStarted = 0;
  window.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      if (String(args[0]).endsWith("/checklist/worker.mjs")) window.workersStarted += 1;
    }
  };
};
