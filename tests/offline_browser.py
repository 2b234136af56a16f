"""What the browser tests of the offline site share: the files a build precaches, and the state of the browser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from offline import precache_entries, precache_version, render_service_worker
from playwright.sync_api import BrowserContext, Page

__all__ = [
    "INSTALL_TIMEOUT_MS",
    "cached_urls",
    "precache_entries",
    "precache_version",
    "precached_urls",
    "render_service_worker",
    "wait_until_offline_ready",
    "worker_responses",
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


@contextmanager
def worker_responses(context: BrowserContext, page: Page) -> Iterator[list[dict[str, Any]]]:
    """The responses that the page's workers receive, as Chromium's DevTools protocol reports them.

    Each says whether a service worker gave it and where from: ``"cache-storage"``
    (with the cache's name) for a response taken from a cache as it is,
    ``"fallback-code"`` for one the service worker made itself; and, as ``"worker"``,
    the kind of worker that received it: ``"worker"`` (the page's own) or ``"service_worker"``.
    """
    session = context.new_cdp_session(page)
    responses: list[dict[str, Any]] = []
    kinds: dict[str, str] = {}

    def attached(event: dict[str, Any]) -> None:
        kinds[event["sessionId"]] = event["targetInfo"]["type"]
        # Each worker is held before its first line until its network is watched, so no request is missed.
        for number, method in enumerate(("Network.enable", "Runtime.runIfWaitingForDebugger"), 1):
            message = json.dumps({"id": number, "method": method})
            session.send("Target.sendMessageToTarget", {"sessionId": event["sessionId"], "message": message})

    def received(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if message.get("method") == "Network.responseReceived":
            responses.append({**message["params"]["response"], "worker": kinds[event["sessionId"]]})

    session.on("Target.attachedToTarget", attached)
    session.on("Target.receivedMessageFromTarget", received)
    session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})
    try:
        yield responses
    finally:
        session.detach()
