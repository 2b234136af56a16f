// A memory snapshot's packed form, and Python restored from it. Most of a snapshot is unused memory, all
// zeros: only its other pages are stored, which is far less to read, check and write back into memory.
//
// Packed: the snapshot's length, the number of pages kept and their numbers (32-bit little-endian
// integers), then those pages; every page not kept is all zeros.

const PAGE = 65536;
export const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;

const headSize = (pageCount) => 4 * (2 + pageCount);
// The bytes of page number `page` in a snapshot `length` bytes long: the last page may be short.
const pageSize = (length, page) => Math.min(PAGE, length - page * PAGE);
const packedSize = (length, pages) =>
  headSize(pages.length) + pages.reduce((sum, page) => sum + pageSize(length, page), 0);

export function pack(snapshot) {
  const kept = [];
  for (let start = 0; start < snapshot.byteLength; start += PAGE) {
    if (snapshot.subarray(start, start + PAGE).some((byte) => byte !== 0)) kept.push(start / PAGE);
  }
  const packed = new Uint8Array(packedSize(snapshot.byteLength, kept));
  const view = new DataView(packed.buffer);
  for (const [index, number] of [snapshot.byteLength, kept.length, ...kept].entries()) {
    view.setUint32(4 * index, number, true);
  }
  let offset = headSize(kept.length);
  for (const page of kept) {
    const size = pageSize(snapshot.byteLength, page);
    packed.set(snapshot.subarray(page * PAGE, page * PAGE + size), offset);
    offset += size;
  }
  return packed;
}

// The snapshot's length and its kept pages, each as {at: its offset in the snapshot, bytes}, in order, once
// they are known to fit in that length and to be all the packed bytes.
export function keptPages(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const [length, count] = [view.getUint32(0, true), view.getUint32(4, true)];
  if (length > MAX_SNAPSHOT_BYTES) throw new Error("The snapshot is too large.");
  if (headSize(count) > packed.byteLength) throw new Error("The pages do not fit.");
  const numbers = Array.from({ length: count }, (_, index) => view.getUint32(4 * (2 + index), true));
  const ascending = numbers.every((page, index) => index === 0 || page > numbers[index - 1]);
  const inside = numbers.every((page) => pageSize(length, page) > 0);
  if (!ascending || !inside || packedSize(length, numbers) !== packed.byteLength) {
    throw new Error("The pages do not fit.");
  }
  let offset = headSize(count);
  const pages = numbers.map((page) => {
    const bytes = packed.subarray(offset, offset + pageSize(length, page));
    offset += bytes.byteLength;
    return { at: page * PAGE, bytes };
  });
  return { length, pages };
}

// Restores Python from a snapshot's kept pages, as Pyodide's restoreSnapshot does from the whole snapshot.
// The snapshot begins with Pyodide's header, and its 32-bit little-endian word at byte 4 is where Python's
// memory begins in it; Pyodide's own `restoreState`, given just that header, checks it and returns the state
// it holds. The memory was made by this start and has been written to only below the top of Python's heap
// (its static data, its stack, the heap itself): a page not kept is zeroed there, and is zero above it.
export function restoreInto(module, restoreState, { length, pages }) {
  const [first] = pages;
  const hasHeader = first?.at === 0 && first.bytes.byteLength >= 8;
  const memoryAt = hasHeader ? new DataView(first.bytes.buffer, first.bytes.byteOffset).getUint32(4, true) : 0;
  if (memoryAt === 0 || memoryAt >= first.bytes.byteLength) throw new Error("The snapshot has no header.");
  const memory = module.HEAPU8;
  if (length - memoryAt > memory.byteLength) throw new Error("The snapshot is larger than Python's memory.");
  const state = restoreState(first.bytes.subarray(0, memoryAt));
  const written = module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2];
  const zero = (from, to) => {
    const [start, end] = [Math.max(from - memoryAt, 0), Math.min(to - memoryAt, written)];
    if (start < end) memory.fill(0, start, end);
  };
  let laidOut = 0;
  for (const { at, bytes } of pages) {
    zero(laidOut, at);
    const skipped = Math.max(memoryAt - at, 0); // the header
    memory.set(bytes.subarray(skipped), at + skipped - memoryAt);
    laidOut = at + bytes.byteLength;
  }
  zero(laidOut, length);
  return state;
}
