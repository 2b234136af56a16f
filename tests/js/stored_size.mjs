// The size in bytes of the snapshot stored in the cache whose name starts with `prefix`, as its response holds it.
export default async (prefix) => {
  const [name] = (await caches.keys()).filter((name) => name.startsWith(prefix));
  const cache = await caches.open(name);
  const [request] = await cache.keys();
  return (await (await cache.match(request)).arrayBuffer()).byteLength;
};
