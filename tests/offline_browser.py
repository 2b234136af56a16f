"""What the browser tests of the offline site share: the files a build precaches, and the state of the browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from offline import CHECKLIST_RUNTIME, decoded_integrity, precache_entries, precache_version, render_service_worker
from playwright.sync_api import Page, expect

from .devtools_connection import DevToolsConnection

__all__ = [
    "BOTH_KEPT",
    "CHECKLIST_RUNTIME",
    "DOWNLOADING",
    "GUIDANCE_KEPT",
    "INSTALL_TIMEOUT_MS",
    "KEEP_CHECKLIST",
    "OFFLINE_CACHE_PREFIX",
    "RUNTIME_PATHS",
    "cached_urls",
    "decoded_integrity",
    "expect_kept",
    "precache_entries",
    "precache_version",
    "precached_urls",
    "render_service_worker",
    "wait_until_copy_holds",
    "wait_until_offline_ready",
    "worker_responses",
]

# The whole site is downloaded once: allow for a busy machine.
INSTALL_TIMEOUT_MS = 60_000
# What the footer says is available offline (offline.mjs).
GUIDANCE_KEPT = "The guidance is available offline."
BOTH_KEPT = "The guidance and the checklist are available offline."
DOWNLOADING = "Downloading for offline use…"
KEEP_CHECKLIST = "Keep the checklist available offline"
# The folders of the checklist's Python runtime, as URL paths.
RUNTIME_PATHS = ("/assets/pyodide/", "/assets/checklist/python/")
# The cache that holds this site's offline copy, by its name's start.
OFFLINE_CACHE_PREFIX = "offline "


def precached_urls(built_site: Path, site_url: str, *, checklist: bool = True) -> set[str]:
    """The absolute URL of every file the build's service worker precaches; without ``checklist``, of those it
    keeps for a reader of the guidance alone (all but the checklist's Python runtime)."""
    return {
        f"{site_url}/{path.removeprefix('./')}"
        for path, _ in precache_entries(built_site)
        if checklist or not path.startswith(CHECKLIST_RUNTIME)
    }


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


def expect_kept(page: Page, words: str) -> None:
    """The footer says ``words`` of what is available offline (GUIDANCE_KEPT or BOTH_KEPT), once it does."""
    expect(page.locator(".offline-status__text")).to_have_text(words, timeout=INSTALL_TIMEOUT_MS)


def wait_until_copy_holds(page: Page, urls: set[str]) -> None:
    """Wait until the site's offline copy holds exactly these URLs (waited for inside the page, as above)."""
    page.evaluate(
        """async ([prefix, urls, timeout]) => {
            const wanted = JSON.stringify([...urls].sort());
            const started = performance.now();
            for (;;) {
                const name = (await caches.keys()).find((name) => name.startsWith(prefix));
                const held = name ? (await (await caches.open(name)).keys()).map((request) => request.url) : [];
                if (JSON.stringify(held.sort()) === wanted) return;
                if (performance.now() - started > timeout) throw new Error(`The copy holds ${held.length} files`);
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        }""",
        [OFFLINE_CACHE_PREFIX, sorted(urls), INSTALL_TIMEOUT_MS],
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
def worker_responses(page: Page, devtools_port: int) -> Iterator[list[dict[str, Any]]]:
    """The responses that the page's workers receive, as Chromium's DevTools protocol reports them.

    Each says whether a service worker gave it and where from: ``"cache-storage"``
    (with the cache's name) for a response taken from a cache as it is,
    ``"fallback-code"`` for one the service worker made itself; and, as ``"worker"``,
    the kind of worker that received it: ``"worker"`` (the page's own) or ``"service_worker"``.
    The list is complete once the block has ended. ``devtools_port``: where the browser
    listens for DevTools connections.
    """
    lent = page.context.new_cdp_session(page)
    target = lent.send("Target.getTargetInfo")["targetInfo"]["targetId"]
    lent.detach()
    responses: list[dict[str, Any]] = []
    kinds: dict[str, str] = {}
    with DevToolsConnection.to_browser(devtools_port) as devtools:
        page_session = devtools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

        def attached(event: dict[str, Any], parent: str | None) -> None:
            if parent != page_session:
                return
            kinds[event["sessionId"]] = event["targetInfo"]["type"]
            # The worker waits before its first line until it is let run, so no request is missed.
            devtools.send("Network.enable", session_id=event["sessionId"])
            devtools.send("Runtime.runIfWaitingForDebugger", session_id=event["sessionId"])

        def received(event: dict[str, Any], session: str | None) -> None:
            if session in kinds:
                responses.append({**event["response"], "worker": kinds[session]})

        devtools.on("Target.attachedToTarget", attached)
        devtools.on("Network.responseReceived", received)
        devtools.call(
            "Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True}, page_session
        )
        yield responses
