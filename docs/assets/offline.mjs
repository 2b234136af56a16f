// On every page: registers the site's service worker (sw.js at the site root), which keeps the site in the browser
// after one visit, says in the footer what is available offline, and offers a newer version of the site once it
// has been downloaded. A new version never takes over by itself: the page keeps the version it was opened with
// until the reader chooses Reload, so a page never gets files of two versions.
//
// The guidance is always kept. The checklist's Python runtime (about 13 MB) is kept once the checklist page has
// been opened, unless the browser asks to save data, or when the reader presses "Keep the checklist available
// offline": a reader of the guidance alone never downloads it. If the browser refuses to store it, the footer says
// so and offers the button again; the checklist still works online. Only a reader who wants the site kept (who
// installs it as an app, or presses the button) has the browser asked to keep its storage.

const site = new URL("../", import.meta.url).href;
// The reader's wish, for the service worker to read: an empty cache whose name says it (see service_worker.js).
const CHECKLIST_WANTED = `checklist kept offline ${site}`;

const notice = document.createElement("div");
const availability = document.createElement("div");
let switching = false;

// Shows the notice for a downloaded version that waits, if this page has a version it would replace.
function offer(worker) {
  if (!worker || !navigator.serviceWorker.controller) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "offline-notice__button";
  button.textContent = "Reload";
  button.addEventListener("click", () => {
    if (worker.state === "installed") {
      switching = true;
      worker.postMessage("skip-waiting"); // then "controllerchange" below reloads the page
    } else {
      location.reload(); // another tab of this site has already switched to it
    }
  });
  tell("A new version of this site is available. ", button);
}

function tell(...content) {
  const text = document.createElement("p");
  text.className = "offline-notice__text";
  text.append(...content);
  notice.replaceChildren(text);
}

// What the service worker says is available offline: {guidance, checklist, downloading, wanted, refused}. The line
// is put in the page with its first words, and read out only when they change (a live region announces changes, not
// its start). The button is offered until the reader wants the checklist kept, and again if the browser refused it.
function show(status) {
  let words = "";
  if (status.downloading) words = "Downloading for offline use…";
  else if (status.checklist) words = "The guidance and the checklist are available offline.";
  else if (status.guidance && status.refused) {
    words =
      "The guidance is available offline. This browser is short of storage space, so the checklist is not kept " +
      "for offline use; it still works while you are online.";
  } else if (status.guidance && status.wanted) {
    words = "The guidance is available offline. The checklist will be kept too the next time you are online.";
  } else if (status.guidance) words = "The guidance is available offline.";
  let line = availability.querySelector(".offline-status__text");
  if (!line) {
    line = document.createElement("p");
    line.className = "offline-status__text";
    line.setAttribute("role", "status");
    line.tabIndex = -1; // where the focus goes when the button it was on is gone
    availability.replaceChildren(line);
  }
  line.textContent = words;
  const offered = status.guidance && (!status.wanted || status.refused) && !status.downloading;
  const button = availability.querySelector(".offline-status__button");
  if (offered && !button) availability.append(keepButton());
  if (!offered && button) {
    const focused = button === document.activeElement;
    button.remove();
    if (focused) line.focus();
  }
  if (!availability.isConnected && words) {
    const footer = document.querySelector(".md-footer-meta__inner") || document.querySelector(".md-footer");
    (footer || document.body).append(availability);
  }
}

function keepButton() {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "offline-status__button";
  button.textContent = "Keep the checklist available offline";
  button.addEventListener("click", () => keepChecklist(true).catch(() => {}));
  return button;
}

// Records the wish (but not of itself when the browser asks to save data), then has the service worker act on it:
// at once if the reader chose it, even if the browser refused to store the checklist before.
async function keepChecklist(chosen) {
  if (!chosen && navigator.connection?.saveData) return;
  if (chosen) keepStorage();
  await caches.open(CHECKLIST_WANTED);
  if (chosen) (await navigator.serviceWorker.ready).active?.postMessage("keep");
}

// Asks the browser to keep this site's storage when the device runs short of space (and Safari to keep it beyond
// seven days without a visit). A browser may ask the reader, or decide by itself; one without the API is not asked.
function keepStorage() {
  navigator.storage?.persist?.().catch(() => {});
}

// A question for the service worker, answered on a port of its own.
function ask(worker, question) {
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => {
    channel.port1.onmessage = ({ data }) => resolve(data);
  });
  worker.postMessage(question, [channel.port2]);
  return answer;
}

// After the checklist could not start while this page is served by the offline copy: the copy checks its files and
// downloads any it lacks. If it has them all again, the page starts again; if not, and the site cannot be reached,
// the reader is told why, and what to use meanwhile.
async function recover() {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return;
  const found = await ask(worker, "check");
  if (found.repaired) {
    location.reload();
  } else if (!found.checklist && !found.reachable) {
    const kept =
      found.wanted && !found.refused
        ? "Part of the checklist kept in this browser for offline use is damaged or missing"
        : "The checklist is not kept in this browser for offline use";
    tell(
      `${kept}, and it cannot be downloaded while this site cannot be reached. `,
      "Until then, use the printable list of the questions on this page.",
    );
  }
}

async function keepOffline() {
  // Installed as an app, now or earlier: the reader wants the site kept.
  if (matchMedia("(display-mode: standalone)").matches) keepStorage();
  addEventListener("appinstalled", keepStorage);
  // A live region announces what is put into it later, so it is in the page from the start, empty.
  notice.className = "offline-notice";
  notice.setAttribute("role", "status");
  (document.querySelector(".md-footer") || document.body).append(notice);
  availability.className = "offline-status";
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.offline) show(data.offline);
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) location.reload();
  });
  // The checklist page starts Python as it opens: the download for offline use waits until Python has answered
  // its first call (or could not start), so that the two do not compete and the checklist answers sooner.
  const script = document.querySelector("script[data-pyodide]");
  const python = script && (await import(script.src)).python;
  if (python) {
    await python.answered;
    await keepChecklist(false).catch(() => {});
  }
  const registration = await navigator.serviceWorker.register(new URL("../sw.js", import.meta.url));
  const offerOnceInstalled = (worker) => {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  };
  offer(registration.waiting);
  offerOnceInstalled(registration.installing); // a version that began to download before this page opened
  registration.addEventListener("updatefound", () => offerOnceInstalled(registration.installing));
  // The copy completed if it lacks anything (the checklist just asked for, a file lost), and what it holds told.
  (await navigator.serviceWorker.ready).active?.postMessage("status");
  python?.startedFrom.catch(() => recover());
}

if ("serviceWorker" in navigator) {
  keepOffline().catch((error) => console.warn("This site will not be available offline:", error));
}
