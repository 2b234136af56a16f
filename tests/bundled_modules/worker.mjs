import { next } from "./counter.mjs";
import { twice } from "./twice.mjs";
import { label, LABELS } from "./names.mjs";

console.log(JSON.stringify([...twice(), next(), label(), LABELS]));
