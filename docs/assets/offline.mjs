// On every page: registers the site's service worker (sw.js at the site root), which keeps the whole site
// in the browser after one visit, and offers a newer version of the site once it has been downloaded. On the
// checklist page, if Python could not start from the offline copy, the copy checks its files.
// A new version never takes over by itself: the page keeps the version it was opened with until the
// reader chooses Reload, so a page never gets files of two versions.

const notice = document.createElement("div");
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
// downloads any it lacks. If it has them all again, the page starts again; if not (the site cannot be reached), the
// reader is told why, and what to use meanwhile.
async function recover() {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return;
  const found = await ask(worker, "check");
  if (found.repaired) {
    location.reload();
  } else if (!found.complete) {
    tell(
      "Part of this site's offline copy in this browser is damaged or missing, and it cannot be downloaded ",
      "while this site cannot be reached. Until then, use the printable list of the questions on this page.",
    );
  }
}

// The checklist page starts Python as it opens: the download of the whole site waits until Python has
// answered its first call (or could not start), so that the two do not compete and the checklist answers sooner.
async function pageStarted() {
  const script = document.querySelector("script[data-pyodide]");
  const python = script && (await import(script.src)).python;
  await python?.answered;
  return python;
}

async function keepOffline() {
  // A live region announces what is put into it later, so it is in the page from the start, empty.
  notice.className = "offline-notice";
  notice.setAttribute("role", "status");
  (document.querySelector(".md-footer") || document.body).append(notice);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) location.reload();
  });
  const python = await pageStarted();
  const registration = await navigator.serviceWorker.register(new URL("../sw.js", import.meta.url));
  const offerOnceInstalled = (worker) => {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  };
  offer(registration.waiting);
  offerOnceInstalled(registration.installing); // a version that began to download before this page opened
  registration.addEventListener("updatefound", () => offerOnceInstalled(registration.installing));
  // The copy completed if it lacks anything (a file lost, or the whole cache).
  (await navigator.serviceWorker.ready).active?.postMessage("status");
  python?.startedFrom.catch(() => recover());
}

if ("serviceWorker" in navigator) {
  keepOffline().catch((error) => console.warn("This site will not be available offline:", error));
}
