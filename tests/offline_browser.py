"""What the browser tests of the offline site share: the files a build precaches, a host of several builds, and the
state of the browser."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Request, expect

from site_build.offline.service_worker import (
    CHECKLIST_RUNTIME,
    decoded_integrity,
    precache_entries,
    precache_version,
    render_service_worker,
)

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .conftest import QuietHandler
from .devtools_connection import DevToolsConnection
from .page_scripts import page_script
from .python_browser import stored_snapshots

__all__ = [
    "BOTH_KEPT",
    "BUILD_HEADER",
    "CHECKLIST_RUNTIME",
    "DOWNLOADING",
    "GUIDANCE_KEPT",
    "INSTALL_TIMEOUT_MS",
    "KEEP_CHECKLIST",
    "OFFLINE_CACHE_PREFIX",
    "RUNTIME_PATHS",
    "SwitchableSite",
    "cached_urls",
    "copy_downloads",
    "decoded_integrity",
    "expect_kept",
    "first_visit",
    "precache_entries",
    "precache_version",
    "precached_urls",
    "record_status",
    "render_service_worker",
    "runtime_requests",
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
UPDATE_OFFERED = "A new version of this site is available. Reload"
# The folders of the checklist's Python runtime, as URL paths.
RUNTIME_PATHS = ("/assets/pyodide/", "/assets/checklist/python/")
# Names the build a response came from (SwitchableSite); Cache Storage keeps it with the response.
BUILD_HEADER = "x-site-build"
# The cache that holds this site's offline copy, by its name's start.
OFFLINE_CACHE_PREFIX = "offline "


class SwitchableSite:
    """One origin serving any of several builds of the site, the one ``current`` names, as a deployment switches
    them. Each response names its build in a header; while ``open`` is clear, every download but the service
    worker's script waits (as long as an install may take)."""

    def __init__(self, builds: dict[str, Path]) -> None:
        self.builds = builds
        self.current = next(iter(builds))
        self.open = threading.Event()
        self.open.set()

    def __call__(self, *args: object, **kwargs: object) -> QuietHandler:
        return _BuildHandler(*args, site=self, **kwargs)


class _BuildHandler(QuietHandler):
    def __init__(self, *args: object, site: SwitchableSite, **kwargs: object) -> None:
        self.site = site
        self.build = site.current
        super().__init__(*args, directory=str(site.builds[self.build]), **kwargs)

    def do_GET(self) -> None:
        if not self.path.startswith("/sw.js"):
            self.site.open.wait(timeout=INSTALL_TIMEOUT_MS / 1000)
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header(BUILD_HEADER, self.build)
        super().end_headers()


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
    page.evaluate(page_script("wait_until_offline_ready"), INSTALL_TIMEOUT_MS)


def expect_kept(page: Page, words: str) -> None:
    """The footer says ``words`` of what is available offline (GUIDANCE_KEPT or BOTH_KEPT), once it does."""
    expect(page.locator(".offline-status__text")).to_have_text(words, timeout=INSTALL_TIMEOUT_MS)


def wait_until_copy_holds(page: Page, urls: set[str]) -> None:
    """Wait until the site's offline copy holds exactly these URLs (waited for inside the page, as above)."""
    page.evaluate(page_script("wait_until_copy_holds"), [OFFLINE_CACHE_PREFIX, sorted(urls), INSTALL_TIMEOUT_MS])


def first_visit(context: BrowserContext, site: Path, site_url: str) -> tuple[Page, list[str]]:
    """Open the checklist of the ``site`` build served at ``site_url`` as a first visit does, and wait until it is
    ready and kept offline: the service worker serves the page, the copy holds the whole site, the footer says so
    and Python's memory snapshot is stored. The page, and the snapshot's keys."""
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    wait_until_offline_ready(page)
    wait_until_copy_holds(page, precached_urls(site, site_url))
    expect_kept(page, BOTH_KEPT)
    return page, stored_snapshots(page, wait=True)


def cached_urls(page: Page) -> dict[str, list[str]]:
    """Every cache of the page's origin, by name, with the URLs it holds."""
    return page.evaluate(page_script("cached_urls"))


def record_status(page: Page) -> None:
    """Record every text the footer's line about the offline copy takes from now on, in ``window.offlineWords``."""
    page.evaluate(page_script("record_status"))


def runtime_requests(context: BrowserContext) -> list[Request]:
    """The requests for the checklist's runtime made from now on in the context, the service worker's included."""
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request) if is_runtime(request.url) else None)
    return requests


def copy_downloads(requests: list[Request]) -> list[str]:
    """The downloads of the offline copy among the requests: the service worker's own, which revalidate (a fetch
    with the "no-cache" mode sends Cache-Control: max-age=0), not those it passes on for a page's workers."""
    return [r.url for r in requests if r.service_worker and r.all_headers().get("cache-control") == "max-age=0"]


def is_runtime(url: str) -> bool:
    return any(folder in url for folder in RUNTIME_PATHS)


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
