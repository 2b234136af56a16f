// How the site's service worker (sw.js, from hooks/service_worker.js, which imports this script) fills the offline
// copy, CACHE: it downloads what the copy lacks, checks each file against the build's hash and adds them a group at
// a time.

// The header of each kept response that names the hash it was checked against.
const CHECKED = "x-checked-integrity";

// Downloads what the copy lacks of `files` and adds it only once all of it has arrived, checked: a file that
// fails or differs fails the whole download, to be tried again later, and so does a file the browser refuses to
// store (the others of the download are then taken out again). If the cache is gone afterwards (deleted meanwhile),
// it is filled once more.
// biome-ignore lint/correctness/noUnusedVariables: called by the service worker, which imports this script
async function fill(files) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const lacking = await missing(files);
    if (lacking.length === 0) return;
    const responses = await Promise.all(lacking.map(download));
    const cache = await caches.open(CACHE);
    const stored = await Promise.allSettled(lacking.map((file, index) => cache.put(file.url, responses[index])));
    const failed = stored.find(({ status }) => status === "rejected");
    if (failed) {
      await Promise.all(lacking.map((file) => cache.delete(file.url)));
      throw failed.reason;
    }
  }
  if ((await missing(files)).length > 0) throw new Error("The offline copy was deleted while it was filled.");
}

async function missing(files) {
  if (!(await caches.has(CACHE))) return files;
  const held = new Set((await (await caches.open(CACHE)).keys()).map((request) => request.url));
  return files.filter((file) => !held.has(file.url));
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
  const hash = await integrity(bytes);
  if (!hashes.includes(hash)) throw new Error(`${url} is not this version's file.`);
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.set("content-length", String(bytes.byteLength));
  headers.set(CHECKED, hash);
  if (url.endsWith(".wasm")) headers.set("content-type", "application/wasm");
  return new Response(bytes, { status: 200, headers });
}

async function integrity(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
