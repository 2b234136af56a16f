// A module of the page that imports one of the worker's: it stays beside the bundled worker.
// biome-ignore lint/correctness/noUnusedImports: imported to be found by the bundle, not used
import { LABELS } from "./names.mjs";
