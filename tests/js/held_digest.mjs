// The SHA-256 of a file as the cache whose name starts with `prefix` holds it now, in Subresource Integrity form
// (null if it holds none).
export default async ([prefix, url]) => {
  const name = (await caches.keys()).find((name) => name.startsWith(prefix));
  const response = await (await caches.open(name)).match(url);
  if (!response) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
};
