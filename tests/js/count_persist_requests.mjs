// Run before any script of the page: counts, in window.persistRequests, the page's requests for persistent
// storage, passing each on unchanged.
export default () => {
  window.persistRequests = 0;
  const persist = StorageManager.prototype.persist;
  StorageManager.prototype.persist = function () {
    window.persistRequests += 1;
    return persist.call(this);
  };
};
