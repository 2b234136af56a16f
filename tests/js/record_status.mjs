// Records every text the footer's line about the offline copy takes from now on, in `window.offlineWords`.
export default () => {
  window.offlineWords = [];
  const line = document.querySelector(".offline-status__text");
  new MutationObserver(() => window.offlineWords.push(line.textContent)).observe(line, {
    childList: true,
    characterData: true,
    subtree: true,
  });
};
