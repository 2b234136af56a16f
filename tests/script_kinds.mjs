// Reads a JSON object on standard input, {name: [module path, source]}, and writes what each module exports as its
// default and what its source evaluates to when a page gets it (in parentheses, as Playwright and
// engines/firefox.mjs take it), both as types, or why either cannot be had.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const kind = async (make) => {
  try {
    return typeof (await make());
  } catch (error) {
    return String(error);
  }
};

const scripts = JSON.parse(readFileSync(0, "utf8"));
const kinds = {};
for (const [name, [path, source]] of Object.entries(scripts)) {
  kinds[name] = [
    await kind(async () => (await import(pathToFileURL(path))).default),
    await kind(() => new Function(`return (${source});`)()),
  ];
}
console.log(JSON.stringify(kinds));
