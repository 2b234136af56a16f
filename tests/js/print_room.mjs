// The room the element keeps at the foot of each printed page it runs onto: its bottom padding, if it repeats
// that on every page (box-decoration-break: clone), else none.
export default (element) => {
  const style = getComputedStyle(element);
  return style.boxDecorationBreak === "clone" ? parseFloat(style.paddingBottom) : 0;
};
