// The site's service worker: after one visit every file of the site is kept in the browser, so the
// guidance, the search and the checklist (with its Python runtime) work with no network at all.
//
// PRECACHE, above, is written when the site is built: {version, files: [[URL relative to the site root,
// Subresource Integrity hash], ...]}. The version is a hash of that list and of this file.
//
// One cache per version, filled all or nothing and never changed afterwards. A new version waits until
// the reader chooses to reload (the pages show a notice), so no page ever gets files of two versions.

const SITE = new URL("./", self.location).href;
// Several sites can share an origin: this site's caches are named after its root.
const PREFIX = `offline ${SITE} `;
const CACHE = PREFIX + PRECACHE.version;
const NOT_FOUND = new URL("404.html", SITE).href;

self.addEventListener("install", (event) => {
  // Revalidated with the server rather than taken from the HTTP cache unchecked, and checked against this
  // build's hashes: one file that fails or differs fails the whole install, to be tried again later.
  const requests = PRECACHE.files.map(
    ([path, integrity]) => new Request(new URL(path, SITE), { cache: "no-cache", integrity }),
  );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests))
      .catch(async (error) => {
        await caches.delete(CACHE);
        throw error;
      }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(older.map((name) => caches.delete(name)));
      // With no older version there is nothing to mix with: serve the open pages at once.
      if (older.length === 0) await self.clients.claim();
    })(),
  );
});

// Sent by a page when the reader chooses to move to this version.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method === "GET" && request.url.startsWith(SITE)) event.respondWith(respond(request));
});

async function respond(request) {
  // Every file is static: a query string (the checklist opened with answers filled in, the search's worker
  // told which script to load) never changes what the server sends, so it is ignored. Only then: a match
  // that ignores the query string reads every entry of the cache, several milliseconds each time in a
  // browser that keeps its caches on disk, against well under one for the address itself.
  const ignoreSearch = new URL(request.url).search !== "";
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch });
  // The cached Response itself, never a copy of its bytes: the browser then reuses the code it
  // compiled from the WebAssembly runtime instead of compiling it again. A page keeps the URL it was
  // opened with; a script asked for with a query string reads it from its own URL (import.meta.url),
  // which is the response's, so only it gets a response under the URL it asked for.
  if (cached && (cached.url === request.url || request.mode === "navigate")) return cached;
  if (cached) return new Response(cached.body, cached);
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = request.mode === "navigate" && (await caches.match(NOT_FOUND, { cacheName: CACHE }));
    if (notFound) return notFound;
    throw error;
  }
}
