// Puts a response for one file of the cache whose name starts with `prefix`, as other code of the origin could:
// "garbage" is a response of its own, "damaged in place" the kept response's own headers with one byte of its
// body changed. The file's URL.
export default async ([prefix, file, how]) => {
  const name = (await caches.keys()).find((name) => name.startsWith(prefix));
  const cache = await caches.open(name);
  const request = (await cache.keys()).find((request) => request.url.endsWith(`/${file}`));
  if (how === "garbage") {
    await cache.put(request, new Response("garbage"));
  } else {
    const response = await cache.match(request);
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes[bytes.length >> 1] ^= 0xff;
    await cache.put(request, new Response(bytes, { headers: response.headers }));
  }
  return request.url;
};
