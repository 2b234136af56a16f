// The values of this header among the responses of the origin's first cache, each once.
export default async (header) => {
  const cache = await caches.open((await caches.keys())[0]);
  const responses = await Promise.all((await cache.keys()).map((request) => cache.match(request)));
  return [...new Set(responses.map((response) => response.headers.get(header)))];
};
