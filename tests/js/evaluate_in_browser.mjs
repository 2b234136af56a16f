// One batch through the page's own client and worker: a single round trip for every call.
export default async (calls) => {
  const { python } = await import(document.querySelector("script[data-pyodide]").src);
  return await python.evaluate(calls);
};
