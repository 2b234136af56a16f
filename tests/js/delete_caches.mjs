// Deletes every cache whose name starts with `prefix`; their names.
export default async (prefix) => {
  const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
  await Promise.all(names.map((name) => caches.delete(name)));
  return names;
};
