// Every cache of the page's origin, by name, with the URLs it holds.
export default async () => {
  const names = await caches.keys();
  const entries = await Promise.all(
    names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url)),
  );
  return Object.fromEntries(names.map((name, index) => [name, entries[index]]));
};
