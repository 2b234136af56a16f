// The key the page's start script stores Python's memory snapshot under: its data-snapshot address, made absolute.
export default () => {
  const script = document.querySelector("script[data-snapshot]");
  return new URL(script.dataset.snapshot, document.baseURI).href;
};
