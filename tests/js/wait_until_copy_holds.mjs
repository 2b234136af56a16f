// Resolves once the cache whose name starts with `prefix` holds exactly these URLs; fails after `timeout` ms.
export default async ([prefix, urls, timeout]) => {
  const wanted = JSON.stringify([...urls].sort());
  const started = performance.now();
  for (;;) {
    const name = (await caches.keys()).find((name) => name.startsWith(prefix));
    const held = name ? (await (await caches.open(name)).keys()).map((request) => request.url) : [];
    if (JSON.stringify(held.sort()) === wanted) return;
    if (performance.now() - started > timeout) throw new Error(`The copy holds ${held.length} files`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
