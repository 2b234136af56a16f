// Resolves once a service worker has finished precaching the site and serves this page; fails after `timeout` ms.
export default (timeout) =>
  new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("The site was not precached in time")), timeout);
    const { serviceWorker } = navigator;
    if (serviceWorker.controller) serviceWorker.ready.then(resolve);
    serviceWorker.addEventListener("controllerchange", resolve);
  });
