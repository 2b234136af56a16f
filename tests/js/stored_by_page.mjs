// What the page keeps in the browser's storage, its history entry and its address.
export default async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).length,
  history: JSON.stringify(history.state),
  address: location.href,
});
