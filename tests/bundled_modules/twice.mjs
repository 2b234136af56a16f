import { next } from "./counter.mjs";

export function twice() {
  return [next(), next()];
}
