// Resolves once a cache whose name starts with `prefix` is there (the site notes a refusal as an empty cache); fails
// after `timeout` ms.
export default async ([prefix, timeout]) => {
  const started = performance.now();
  while (!(await caches.keys()).some((name) => name.startsWith(prefix))) {
    if (performance.now() - started > timeout) throw new Error(`Nothing noted as ${prefix}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
