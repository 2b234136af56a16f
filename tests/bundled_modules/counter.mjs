let count = 0;
export const next = () => ++count;
// biome-ignore lint/correctness/noUnusedVariables: private, of the same name as an export of names.mjs
function label() {
  return 'counter';
}
