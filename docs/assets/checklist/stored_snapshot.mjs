// The memory snapshot the browser keeps of the checklist's Python (see memory_snapshot.mjs) as Cache Storage
// holds it: the packed snapshot, with its SHA-256 in a header. The page checks it as it reads it (start.mjs); the
// worker that makes it stores it with its SHA-256.

export const DIGEST_HEADER = "x-snapshot-sha256";

// The stored snapshot's bytes, once they match their SHA-256: a damaged snapshot is never run.
export async function checkedBytes(response) {
  const packed = new Uint8Array(await response.arrayBuffer());
  if ((await sha256(packed)) !== response.headers.get(DIGEST_HEADER)) throw new Error("The snapshot is damaged.");
  return packed;
}

export async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
