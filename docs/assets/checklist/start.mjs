// Starts the checklist's Python the moment the page opens. Loaded as an async module, this runs before
// the rest of the page is parsed; the page's controller imports the same, already loading, instance.

import { startPython } from "./python.mjs";

const script = document.querySelector("script[data-pyodide][data-wheel]");

export const python = startPython({
  pyodide: new URL(script.dataset.pyodide, document.baseURI).href,
  wheel: new URL(script.dataset.wheel, document.baseURI).href,
});
