// Reads a JSON object of sources by name on standard input, and writes what each evaluates to when a page gets it
// (in parentheses, as Playwright and engines/firefox.mjs take it): its type, or why it cannot be parsed.

import { readFileSync } from "node:fs";

const kind = (source) => {
  try {
    return typeof new Function(`return (${source});`)();
  } catch (error) {
    return String(error);
  }
};

const sources = JSON.parse(readFileSync(0, "utf8"));
console.log(JSON.stringify(Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, kind(source)]))));
