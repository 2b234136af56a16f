// The site's service worker: after one visit every file of the site is kept in the browser, so the
// guidance, the search and the checklist (with its Python runtime) work with no network at all.
//
// PRECACHE, above, is written when the site is built: {version, files: [[URL relative to the site root,
// Subresource Integrity hash], ...], decoded: {URL: hash of the file's content once gzip is undone}}. The
// version is a hash of that list and of this file.
//
// One cache per version, filled all or nothing and never changed afterwards. A new version waits until
// the reader chooses to reload (the pages show a notice), so no page ever gets files of two versions.

const SITE = new URL("./", self.location).href;
// Several sites can share an origin: this site's caches are named after its root.
const PREFIX = `offline ${SITE} `;
const CACHE = PREFIX + PRECACHE.version;
const NOT_FOUND = new URL("404.html", SITE).href;

const FILES = PRECACHE.files.map(([path, integrity]) => ({
  url: new URL(path, SITE).href,
  // A host may send a .gz file with "Content-Encoding: gzip", and the browser then hands over its content.
  hashes: [integrity, PRECACHE.decoded[path]].filter(Boolean),
}));
const LISTED = new Set(FILES.map((file) => file.url));

self.addEventListener("install", (event) => {
  // Every file downloaded and checked before any is kept: one file that fails or differs fails the whole
  // install, to be tried again later.
  event.waitUntil(
    (async () => {
      try {
        const responses = await Promise.all(FILES.map(download));
        const cache = await caches.open(CACHE);
        await Promise.all(FILES.map((file, index) => cache.put(file.url, responses[index])));
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
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
  const url = new URL(request.url);
  const ignoreSearch = url.search !== "";
  const navigate = request.mode === "navigate";
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch });
  if (cached) return served(cached, request);
  if (navigate) {
    // A host that redirects folder addresses leaves the reader at "guidance/index.html": that is the
    // page kept as "guidance/". An address without its last "/" is sent to the one with it.
    const folder = url.pathname.endsWith("/index.html") && new URL("./", url).href;
    const page = folder && (await caches.match(folder, { cacheName: CACHE }));
    if (page) return served(page, request);
    if (!url.pathname.endsWith("/") && LISTED.has(`${url.origin}${url.pathname}/`)) {
      return Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301);
    }
  }
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = navigate && (await caches.match(NOT_FOUND, { cacheName: CACHE }));
    if (notFound) return served(notFound, request);
    throw error;
  }
}

// The cached Response itself, never a copy of its bytes: the browser then reuses the code it compiled from
// the WebAssembly runtime instead of compiling it again. A page keeps the URL it was opened with; a script
// asked for with a query string reads it from its own URL (import.meta.url), which is the response's, so a
// response with another URL than the one asked for is given under the URL asked for.
function served(cached, request) {
  if (request.mode === "navigate" || cached.url === "" || cached.url === request.url) return cached;
  return new Response(cached.body, cached);
}

// One file, revalidated with the server rather than taken from the HTTP cache unchecked, and checked against
// this build's hash. It is kept as a response of its own: a host's redirect (from "guidance/" to
// "guidance/index.html") is not part of it, as a browser refuses a redirected response to a page; nor is a
// Content-Encoding the browser has already undone. WebAssembly gets its own type whatever the host says, so the
// offline copy is compiled as it is read.
async function download({ url, hashes }) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (!hashes.includes(await integrity(bytes))) throw new Error(`${url} is not this version's file.`);
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.set("content-length", String(bytes.byteLength));
  if (url.endsWith(".wasm")) headers.set("content-type", "application/wasm");
  return new Response(bytes, { status: 200, headers });
}

async function integrity(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
