"""What the browser tests of the offline site share: the files a build precaches, and the state of the browser."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from offline import precache_entries, precache_version, render_service_worker  # noqa: E402

__all__ = [
    "INSTALL_TIMEOUT_MS",
    "cached_urls",
    "precache_entries",
    "precache_version",
    "precached_urls",
    "render_service_worker",
    "wait_until_offline_ready",
]

# The whole site is downloaded once: allow for a busy machine.
INSTALL_TIMEOUT_MS = 60_000


def precached_urls(built_site: Path, site_url: str) -> set[str]:
    """The absolute URL of every file the build's service worker precaches."""
    return {f"{site_url}/{path.removeprefix('./')}" for path, _ in precache_entries(built_site)}


def wait_until_offline_ready(page: Page) -> None:
    """Wait until a service worker has finished precaching the site and serves this page.

    Waited for inside the page: the site's Content-Security-Policy refuses the
    string evaluation that ``page.wait_for_function`` polls with.
    """
    page.evaluate(
        """(timeout) => new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error("The site was not precached in time")), timeout);
            const { serviceWorker } = navigator;
            if (serviceWorker.controller) serviceWorker.ready.then(resolve);
            serviceWorker.addEventListener("controllerchange", resolve);
        })""",
        INSTALL_TIMEOUT_MS,
    )


def cached_urls(page: Page) -> dict[str, list[str]]:
    """Every cache of the page's origin, by name, with the URLs it holds."""
    return page.evaluate(
        """async () => {
            const names = await caches.keys();
            const entries = await Promise.all(
                names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url)),
            );
            return Object.fromEntries(names.map((name, index) => [name, entries[index]]));
        }"""
    )
