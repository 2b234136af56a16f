// The site's service worker: after one visit the site is kept in the browser, so the guidance and its search,
// and the checklist with its Python runtime once the reader has opened it, work with no network at all.
//
// PRECACHE, above, is written when the site is built: {version, files: [[URL relative to the site root,
// Subresource Integrity hash], ...], decoded: {URL: hash of the file's content once gzip is undone}, checklist:
// [the folders of the checklist's runtime]}. The version is a hash of that list and of this file.
//
// One cache per version, never mixed with another's. It always holds the guidance (the pages, styles, scripts,
// search); it holds the checklist's runtime, about 13 MB more, only once the reader has opened the checklist or
// asked for it (offline.mjs). Files are added a group at a time, each checked against this build's hash. A new
// version waits until the reader chooses to reload (the pages show a notice), so no page ever gets files of two
// versions. If the browser refuses to store the runtime, the copy keeps the guidance (see keep and wanted).

const SITE = new URL("./", self.location).href;
// How the copy is filled, each file checked against this build's hash: fill, missing, integrity and CHECKED. Asked
// for with this version in its address, so a browser never runs this worker with another version's script.
importScripts(new URL(`assets/offline_fill.js?${PRECACHE.version}`, SITE).href);
// Several sites can share an origin: this site's caches are named after its root.
const PREFIX = `offline ${SITE} `;
const CACHE = PREFIX + PRECACHE.version;
const NOT_FOUND = new URL("404.html", SITE).href;
// Records kept as empty caches, whose names are all they say (a name can be written when storage is short): the
// reader's wish to keep the checklist offline, written by the pages; the browser's refusals to store the runtime,
// REFUSED + {version, failures: how many in a row, at: when the last}; and the checklist page's note that its memory
// snapshot could not be stored (snapshot_maker.mjs), deleted here when the runtime is stored, so that it is tried
// again.
const CHECKLIST_WANTED = `checklist kept offline ${SITE}`;
const REFUSED = `offline copy short of storage ${SITE} `;
const SNAPSHOT_NOT_STORED = `python snapshot not stored ${SITE}`;
// After a refusal, the runtime is downloaded again of itself after an hour, then two, four... at most a day.
const waitAfter = (failures) => Math.min(3_600_000 * 2 ** (failures - 1), 86_400_000);

const FILES = PRECACHE.files.map(([path, integrity]) => ({
  url: new URL(path, SITE).href,
  // A host may send a .gz file with "Content-Encoding: gzip", and the browser then hands over its content.
  hashes: [integrity, PRECACHE.decoded[path]].filter(Boolean),
  checklist: PRECACHE.checklist.some((folder) => path.startsWith(folder)),
}));
const BY_URL = new Map(FILES.map((file) => [file.url, file]));
const GUIDANCE = FILES.filter((file) => !file.checklist);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const files = await wanted();
      // The pages hear of it only on a first visit: while a new version downloads, they have the old one whole.
      downloading = true;
      if (!self.registration.active) await announce();
      try {
        await keep(files);
      } catch (error) {
        await caches.delete(CACHE);
        throw error; // the install fails, to be tried again on a later visit
      } finally {
        downloading = false;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      // A version installing or waiting now came after this one: its cache is left alone, and that version
      // deletes this one's when it takes over in turn.
      const { installing, waiting } = self.registration;
      if (!installing && !waiting && older.length > 0) {
        await Promise.all(older.map((name) => caches.delete(name)));
        await forget(REFUSED, SNAPSHOT_NOT_STORED); // room was made
      }
      // With no older version there is nothing to mix with: serve the open pages at once.
      if (older.length === 0) await self.clients.claim();
      // A copy deleted since it was filled is filled again, without holding up the pages meanwhile.
      complete().catch(() => {});
    })(),
  );
});

// From the pages: "skip-waiting" when the reader chooses to move to this version; "status" to have the copy made
// complete (if it lost files, say) and told to every page, "keep" the same at once, refusals forgotten, once the
// reader asked for the checklist; "check" after the checklist could not start, answered on the port sent with it.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  else if (event.data === "status") event.waitUntil(complete());
  else if (event.data === "keep") event.waitUntil(forget(REFUSED).then(complete));
  else if (event.data === "check") event.waitUntil(check().then((found) => event.ports[0]?.postMessage(found)));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method === "GET" && request.url.startsWith(SITE)) {
    event.respondWith(respond(request).then((response) => withWorkerPolicy(response, request)));
  }
});

// A worker's Content-Security-Policy is the one its own script's response carries, not its page's: without it,
// a worker (the checklist's Python among them) could fetch from any origin and run strings as code. So every
// worker script this site serves gets the site's policy for workers, whatever the host sent with it: this
// site's scripts and files only, and WebAssembly (Python) may compile.
const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const WORKER_SCRIPTS = new Set(["worker", "sharedworker"]);

function withWorkerPolicy(response, request) {
  if (!WORKER_SCRIPTS.has(request.destination)) return response;
  const headers = new Headers(response.headers);
  headers.set("content-security-policy", WORKER_POLICY);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function respond(request) {
  const url = new URL(request.url);
  const navigate = request.mode === "navigate";
  let cached = await kept(request);
  // A file of the checklist's runtime being downloaded into the copy now is served from the copy once it is
  // there: the checklist's memory snapshot is made from it, and Chromium keeps the code it compiles with it.
  const file = BY_URL.get(url.origin + url.pathname);
  if (!cached && file?.checklist && filling?.files.includes(file)) {
    await filling.done.catch(() => {});
    cached = await kept(request);
  }
  if (cached) return served(cached, request);
  if (navigate) {
    // A host that redirects folder addresses leaves the reader at "guidance/index.html": that is the
    // page kept as "guidance/". An address without its last "/" is sent to the one with it.
    const page = url.pathname.endsWith("/index.html") && (await kept(new URL("./", url).href));
    if (page) return served(page, request);
    if (!url.pathname.endsWith("/") && BY_URL.has(`${url.origin}${url.pathname}/`)) {
      return Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301);
    }
  }
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = navigate && (await kept(NOT_FOUND));
    if (notFound) return served(notFound, request);
    throw error;
  }
}

// The copy's response for a request (or URL), if the copy holds it as this worker put it there, with the hash it
// was checked against. Any other entry (damaged, or written by other code) is dropped, so the file comes from the
// network and is downloaded into the copy again; offline, the page then says what it cannot do.
// Every file is static: a query string (the checklist opened with answers filled in, the search's worker told
// which script to load) never changes what the server sends, so it is ignored. Only then: a match that ignores
// the query string reads every entry of the cache, several milliseconds each time in a browser that keeps its
// caches on disk, against well under one for the address itself.
async function kept(request) {
  const address = new URL(request.url ?? request);
  const search = address.search;
  address.search = "";
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: search !== "" });
  if (!cached) return undefined;
  const file = BY_URL.get(address.href);
  if (file?.hashes.includes(cached.headers.get(CHECKED))) return cached;
  await (await caches.open(CACHE)).delete(address.href);
  complete().catch(() => {});
  return undefined;
}

// The cached Response itself, never a copy of its bytes: the browser then reuses the code it compiled from
// the WebAssembly runtime instead of compiling it again. A page keeps the URL it was opened with; a script
// asked for with a query string reads it from its own URL (import.meta.url), which is the response's, so a
// response with another URL than the one asked for is given under the URL asked for.
function served(cached, request) {
  if (request.mode === "navigate" || cached.url === "" || cached.url === request.url) return cached;
  return new Response(cached.body, cached);
}

// Whether a download into the copy is under way, as the pages are told; and the download itself, if any:
// {files, done}.
let downloading = false;
let filling = null;
// One completion at a time, and at most one more waiting: several pages may ask at once.
let completing = Promise.resolve();
let nextCompletion = null;

// Makes the copy complete: every file it is to hold (see wanted), downloading what it lacks (all of it, if the cache
// was deleted); then tells every page what is available offline.
function complete() {
  if (!nextCompletion) {
    nextCompletion = completing.then(async () => {
      nextCompletion = null;
      const files = await wanted();
      if ((await missing(files)).length > 0) {
        downloading = true;
        await announce();
        filling = { files, done: keep(files) };
        try {
          await filling.done;
        } catch {
          // Offline, or the site has changed meanwhile: tried again on a later visit.
        } finally {
          filling = null;
          downloading = false;
        }
      }
      await announce();
    });
    completing = nextCompletion.catch(() => {});
  }
  return nextCompletion;
}

// The files the copy is to hold: the guidance, and the checklist's runtime if the reader wants it, but not for a
// while after the browser refused to store it.
async function wanted() {
  if (!(await caches.has(CHECKLIST_WANTED))) return GUIDANCE;
  const refusal = await refused();
  return !refusal || Date.now() >= refusal.at + waitAfter(refusal.failures) ? FILES : GUIDANCE;
}

// Keeps the guidance, then the rest of `files`: if the browser refuses to store the runtime, the copy keeps the
// guidance and the refusal is noted. Once the runtime is stored, there may be room for the snapshot too.
async function keep(files) {
  await fill(GUIDANCE);
  try {
    await fill(files);
  } catch (error) {
    if (error?.name !== "QuotaExceededError") throw error;
    const failures = ((await refused())?.failures ?? 0) + 1;
    await forget(REFUSED);
    await caches.open(REFUSED + JSON.stringify({ version: PRECACHE.version, failures, at: Date.now() }));
    return;
  }
  if (files === FILES) await forget(REFUSED, SNAPSHOT_NOT_STORED);
}

// This version's record of the browser's refusals to store the runtime, if any.
async function refused() {
  const name = (await caches.keys()).find((name) => name.startsWith(REFUSED));
  try {
    const refusal = name && JSON.parse(name.slice(REFUSED.length));
    return refusal?.version === PRECACHE.version ? refusal : null;
  } catch {
    return null; // not written by this code: replaced by the next record
  }
}

async function forget(...prefixes) {
  const names = (await caches.keys()).filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
  await Promise.all(names.map((name) => caches.delete(name)));
}

// Every file of the copy checked against its hash, after the checklist could not start: a damaged one is
// dropped, and what the copy lacks is downloaded again, if the network allows. Answers {damaged: [URL, ...],
// repaired: whether the copy lacked files, damaged or dropped before, and has them all now, reachable: whether the
// site answers, ...what is available offline now (see status)}.
async function check() {
  const cache = await caches.open(CACHE);
  const damaged = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const file = BY_URL.get(request.url);
    const intact = file && response && file.hashes.includes(await integrity(await response.arrayBuffer()));
    if (!intact) {
      damaged.push(request.url);
      await cache.delete(request);
    }
  }
  const files = await wanted();
  const lacked = (await missing(files)).length > 0;
  await complete();
  const repaired = lacked && (await missing(files)).length === 0;
  const reachable = await fetch(self.location.href, { method: "HEAD", cache: "no-store" }).then(
    () => true,
    () => false,
  );
  return { damaged, repaired, reachable, ...(await status()) };
}

// What is available offline: {guidance, checklist: whether all of it is in the copy, downloading: whether a download
// into the copy is under way, wanted: whether the reader wants the checklist kept, refused: whether the browser has
// refused to store the checklist's runtime, for want of space}.
async function status() {
  const lacking = await missing(FILES);
  return {
    guidance: !lacking.some((file) => !file.checklist),
    checklist: lacking.length === 0,
    downloading,
    wanted: await caches.has(CHECKLIST_WANTED),
    refused: lacking.length > 0 && Boolean(await refused()),
  };
}

// Tells every page of the site, open or opening, what is available offline.
async function announce() {
  const message = { offline: await status() };
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage(message);
  }
}
