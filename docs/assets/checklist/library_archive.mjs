// The Python library for a full start, which imports about 140 of its modules as Python starts. Python imports
// a module faster from a folder than from a zip (in Node.js, about 0.5 ms less for each, in a start of 0.6 s):
// the library is downloaded as one gzip-compressed zip of stored entries, decompressed in one go, and its files
// are written into a folder ahead of the zip on Python's path. Pyodide is given the same zip. In a browser that
// cannot decompress it, Python imports from the library's own zip.

import { download, handOver, watched } from "./pyodide_loading.mjs";

const UNPACKED = "/lib/python-library";

// Pyodide's options for a full start from the unpacked library.
export function unpackedLibrary(runtime) {
  if (!globalThis.DecompressionStream) return {};
  const archive = watched(
    download(runtime.libraryGzip).then(async (response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      const bytes = new Response(await gunzipped(response.body)).arrayBuffer();
      return new Uint8Array(await bytes);
    }),
  );
  const files = watched(archive.then(storedFiles));
  handOver(runtime.library, archive.then((bytes) => new Response(bytes)));
  return {
    env: { PYTHONPATH: UNPACKED },
    async fsInit(fs) {
      for (const { name, bytes } of await files) {
        const path = `${UNPACKED}/${name}`;
        fs.mkdirTree(path.slice(0, path.lastIndexOf("/")));
        fs.writeFile(path, bytes);
      }
    },
  };
}

// The body decompressed as it arrives, if it is gzip's: a host that sends the file with "Content-Encoding: gzip"
// has the browser decompress it already, and the body is then the zip itself.
async function gunzipped(body) {
  const reader = body.getReader();
  const first = await reader.read();
  const rest = new ReadableStream({
    start(controller) {
      if (!first.done) controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  return gzip ? rest.pipeThrough(new DecompressionStream("gzip")) : rest;
}

// The files of a zip whose entries are all stored uncompressed, read through its central directory, as
// {name, bytes}; folders are left out. Anything else is refused.
function storedFiles(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fail = () => {
    throw new Error("The library is not a zip of stored files.");
  };
  const end = zip.byteLength - 22; // the directory's end record: the library's zip has no comment after it
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) fail();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.byteLength || view.getUint32(at, true) !== 0x02014b50) fail();
    const method = view.getUint16(at + 10, true);
    const [size, uncompressedSize] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
    const [nameLength, extra, comment] = [28, 30, 32].map((field) => view.getUint16(at + field, true));
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (method !== 0 || size !== uncompressedSize) fail();
    if (local + 30 > zip.byteLength || view.getUint32(local, true) !== 0x04034b50) fail();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.byteLength || name.startsWith("/") || name.split("/").includes("..")) fail();
    if (!name.endsWith("/")) files.push({ name, bytes: zip.subarray(start, start + size) });
  }
  return files;
}
