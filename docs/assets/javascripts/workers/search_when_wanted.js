// The theme's search worker, as the checklist page starts it: the same worker, only later.
//
// Building the search index keeps a processor busy as a page opens; on the checklist page that time would
// be taken from Python's start. So here the theme's worker script (named in the query string: ?theme=, a
// file beside this one) is loaded, and the messages the page has sent it are handed over, only once the
// page says so on the channel below: when Python has answered, or the reader opens the search (see
// assets/checklist/search_index.mjs). At the latest after DEADLINE_MS, should the page never say.

const DEADLINE_MS = 10_000;
const name = new URLSearchParams(self.location.search).get("theme") ?? "";
if (!/^[\w.-]+\.js$/.test(name)) throw new Error(`Not the theme's search worker: "${name}"`);
const themeWorker = new URL(name, self.location.href).href;

const held = [];
const hold = ({ data }) => held.push(data);
addEventListener("message", hold);

// Named after the site's root (this file is in assets/javascripts/workers/), as the page names it.
const channel = self.BroadcastChannel && new BroadcastChannel(`search index ${new URL("../../../", location.href)}`);
const deadline = setTimeout(start, channel ? DEADLINE_MS : 0); // without a channel the page cannot say
if (channel) {
  channel.onmessage = start;
  channel.postMessage("waiting"); // a page that has already said so says it again
}

let started = false;

function start() {
  if (started) return; // a second message already on its way
  started = true;
  clearTimeout(deadline);
  channel?.close();
  removeEventListener("message", hold);
  importScripts(themeWorker); // synchronous: no message can arrive between the two listeners
  for (const data of held) dispatchEvent(new MessageEvent("message", { data }));
}
