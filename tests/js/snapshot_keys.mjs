// The keys of the memory snapshots kept in caches whose names start with `prefix`; with a `timeout` other than 0,
// once there is one, failing after `timeout` ms.
export default async ([prefix, timeout]) => {
  const started = performance.now();
  for (;;) {
    const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const keys = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
    if (keys.length || timeout === 0) return keys.map((request) => request.url);
    if (performance.now() - started > timeout) throw new Error("No memory snapshot was kept in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
