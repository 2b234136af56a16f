"""The offline copy: the web app manifest and the service worker that keeps the site's files."""
