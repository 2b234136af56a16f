export function label() {
  return "names";
}
export const LABELS = Object.freeze(["a"]);
