// The theme's page-storage helpers, as a file instead of inline so the Content-Security-Policy allows them.
// Same behaviour as the theme's own: settings are kept per site, scoped to the site's root.
__md_scope = new URL(document.currentScript.dataset.scope, location);
__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
__md_get = (key, storage = localStorage, scope = __md_scope) => JSON.parse(storage.getItem(scope.pathname + "." + key));
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch {
    // Storage may be full or disabled; the theme works without it.
  }
};
