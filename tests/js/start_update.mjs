// Asks for the service worker's update and resolves once a new version is installing, not waiting for the update
// itself: it may end only once that version has installed.
export default async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  registration.update();
  while (!registration.installing) await new Promise((resolve) => setTimeout(resolve, 50));
};
