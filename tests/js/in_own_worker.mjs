// Runs a function, given as its source, in a worker of the test's own, on the checklist page, with `checklistModule`
// (the address of one of the checklist worker's modules) and `runtime` (as the page's start script is told it), and
// gives what it returns. Such a worker runs from a blob, which the site's policy refuses: pages that use this
// bypass the policy.
export default async ([checklistModule, source]) => {
  const script = document.querySelector("script[data-pyodide][data-library]");
  const address = (relative) => new URL(relative, document.baseURI).href;
  const { pyodide, library, libraryGzip, lockfile } = script.dataset;
  const runtime = { pyodide: address(pyodide), library: address(library), libraryGzip: address(libraryGzip), lockfile };
  const given = [checklistModule, runtime].map((value) => JSON.stringify(value)).join(", ");
  const code = `self.postMessage(await (\n${source}\n)(${given}));`;
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), { type: "module" });
  return await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message || "the test's worker failed"));
  });
};
