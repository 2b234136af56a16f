// Spoils the stored snapshot the way `how` says, and returns its key. The stored form (snapshot_pages.mjs): the
// snapshot's length, the number of pages kept and their numbers (32-bit little-endian), then the pages, with
// their SHA-256 in a header; the snapshot itself begins with Pyodide's header, whose bytes 16 to 48 are the id
// of the runtime build it is for. Python's memory is as long as the snapshot, less that header.
export default async ([prefix, how]) => {
  const [name] = (await caches.keys()).filter((name) => name.startsWith(prefix));
  const cache = await caches.open(name);
  const [request] = await cache.keys();
  const response = await cache.match(request);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(bytes.buffer);
  const headers = new Headers(response.headers);
  if (how === "damaged") {
    bytes[bytes.length >> 1] ^= 0xff;
  } else {
    if (how === "longer than Python's memory") view.setUint32(0, view.getUint32(0, true) + 65536, true);
    if (how === "for another runtime") bytes[4 * (2 + view.getUint32(4, true)) + 16] ^= 0xff;
    if (how === "too large") view.setUint32(0, 0xffffffff, true);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    headers.set("x-snapshot-sha256", Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""));
  }
  await cache.put(request, new Response(bytes, { headers }));
  return request.url;
};
