// On the checklist page the theme's search worker waits before it builds the search index (see
// assets/javascripts/workers/search_when_wanted.js), so that the work does not slow Python's start.
// This tells it to go on: once Python has answered, or at once if the reader opens the search first.

export function buildSearchIndexAfter(answered, siteRoot) {
  if (!globalThis.BroadcastChannel) return; // the worker then builds it at once, as the theme does
  const channel = new BroadcastChannel(`search index ${siteRoot}`);
  let wanted = false;
  const go = () => {
    wanted = true;
    channel.postMessage("build");
  };
  channel.onmessage = () => wanted && channel.postMessage("build"); // a worker that started after go()
  answered.then(go);
  document.getElementById("__search")?.addEventListener("change", go, { once: true });
  document.forms.namedItem("search")?.addEventListener("focusin", go, { once: true });
}
