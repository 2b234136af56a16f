// How the page's Python started: "snapshot" (from the stored memory snapshot) or "bytecode".
export default async () => {
  const { python } = await import(document.querySelector("script[data-pyodide]").src);
  return await python.startedFrom;
};
