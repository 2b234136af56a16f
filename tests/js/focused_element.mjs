// The focused element: its tag, its type and value (for an input) and its text or its first label's.
export default () => {
  const element = document.activeElement;
  const text = (element.labels?.length ? element.labels[0] : element).textContent.trim();
  return { tag: element.tagName.toLowerCase(), type: element.type || "", value: element.value || "", text };
};
