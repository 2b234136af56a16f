// On every page: registers the site's service worker (sw.js at the site root), which keeps the whole site
// in the browser after one visit, and offers a newer version of the site once it has been downloaded.
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
  const text = document.createElement("p");
  text.className = "offline-notice__text";
  text.append("A new version of this site is available. ", button);
  notice.replaceChildren(text);
}

// The checklist page starts Python as it opens: the download of the whole site waits until Python has
// answered its first call (or could not start), so that the two do not compete and the checklist answers sooner.
async function pageStarted() {
  const python = document.querySelector("script[data-pyodide]");
  if (python) await (await import(python.src)).python.answered;
}

async function keepOffline() {
  // A live region announces what is put into it later, so it is in the page from the start, empty.
  notice.className = "offline-notice";
  notice.setAttribute("role", "status");
  (document.querySelector(".md-footer") || document.body).append(notice);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) location.reload();
  });
  await pageStarted();
  const registration = await navigator.serviceWorker.register(new URL("../sw.js", import.meta.url));
  offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  });
}

if ("serviceWorker" in navigator) {
  keepOffline().catch((error) => console.warn("This site will not be available offline:", error));
}
