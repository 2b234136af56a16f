// How the site's service worker (sw.js, from hooks/service_worker.js, which imports this script) downloads a file
// into the offline copy, and checks it against the build's hash.

// The header of each kept response that names the hash it was checked against.
const CHECKED = "x-checked-integrity";

// One file, revalidated with the server rather than taken from the HTTP cache unchecked, and checked against
// this build's hash. It is kept as a response of its own: a host's redirect (from "guidance/" to
// "guidance/index.html") is not part of it, as a browser refuses a redirected response to a page; nor is a
// Content-Encoding the browser has already undone. WebAssembly gets its own type whatever the host says, so the
// offline copy is compiled as it is read.
// biome-ignore lint/correctness/noUnusedVariables: called by the service worker, which imports this script
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
