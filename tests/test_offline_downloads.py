"""What the offline copy downloads: the guidance on any first visit; the checklist's Python runtime (about 13 MB)
only once the checklist has been opened, or the reader asks for it, and not of itself when the browser asks to
save data. The footer says what is available offline. The memory snapshot for the next visit is made from the runtime
in the copy only, never from another download of it."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .conftest import QuietHandler, serve
from .offline_browser import (
    BOTH_KEPT,
    DOWNLOADING,
    GUIDANCE_KEPT,
    INSTALL_TIMEOUT_MS,
    KEEP_CHECKLIST,
    OFFLINE_CACHE_PREFIX,
    cached_urls,
    copy_downloads,
    expect_kept,
    is_runtime,
    precached_urls,
    record_status,
    runtime_requests,
    wait_until_offline_ready,
)
from .page_scripts import page_script
from .python_browser import stored_snapshots

# Run before any script of a page: counts the workers it starts that run the checklist's Python.
COUNT_PYTHON_WORKERS = f"({page_script('count_python_workers')})()"


@pytest.fixture
def recorded_site(built_site: Path) -> Iterator[tuple[str, list[str], threading.Event]]:
    """The built site served on an origin of its own; the path of every request the server answers there; and an
    event that, while clear, holds the offline copy's downloads of the runtime (see copy_downloads)."""
    paths: list[str] = []
    copy_open = threading.Event()
    copy_open.set()

    class Recording(QuietHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            if is_runtime(self.path) and self.headers.get("cache-control") == "max-age=0":
                copy_open.wait(timeout=INSTALL_TIMEOUT_MS / 1000)
            super().do_GET()

    with serve(functools.partial(Recording, directory=str(built_site))) as url:
        yield url, paths, copy_open


def _copy(page: Page) -> set[str]:
    """The URLs the site's offline copy holds."""
    return {url for name, urls in cached_urls(page).items() if name.startswith(OFFLINE_CACHE_PREFIX) for url in urls}


def _expect_ready(page: Page) -> None:
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)


def test_a_reader_of_the_guidance_downloads_no_python(
    browser: Browser, recorded_site: tuple[str, list[str], threading.Event], built_site: Path
) -> None:
    """The guidance is kept offline; the runtime is not asked for, until the checklist is opened: then it is kept
    too, and the checklist works offline. No snapshot's maker starts while the copy is still downloading the runtime;
    the server sends its WebAssembly twice, to the page and to the copy, and a later visit makes the snapshot."""
    site_url, served, copy_open = recorded_site
    context = browser.new_context()
    context.add_init_script(COUNT_PYTHON_WORKERS)
    runtime = runtime_requests(context)
    page = context.new_page()
    page.goto(f"{site_url}/guidance/")
    wait_until_offline_ready(page)
    expect_kept(page, GUIDANCE_KEPT)
    expect(page.get_by_role("button", name=KEEP_CHECKLIST)).to_be_visible()
    page.goto(f"{site_url}/")
    expect_kept(page, GUIDANCE_KEPT)
    page.wait_for_load_state("networkidle")
    assert [request.url for request in runtime] == []
    assert _copy(page) == precached_urls(built_site, site_url, checklist=False)

    copy_open.clear()
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    assert page.evaluate(page_script("python_workers_once_settled")) == 1  # the checklist's: no snapshot's maker
    copy_open.set()
    expect_kept(page, BOTH_KEPT)
    expect(page.get_by_role("button", name=KEEP_CHECKLIST)).to_have_count(0)
    assert _copy(page) == precached_urls(built_site, site_url)
    assert copy_downloads(runtime)
    context.set_offline(True)
    page.reload()
    _expect_ready(page)
    assert stored_snapshots(page, wait=True)
    assert len([path for path in served if path.endswith("/pyodide.asm.wasm")]) == 2, served
    context.close()


def test_the_reader_can_keep_the_checklist_from_any_page(browser: Browser, site_url: str, built_site: Path) -> None:
    """The button downloads the runtime into the copy, saying so meanwhile; the checklist then works offline
    without ever having been opened online."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/guidance/")
    wait_until_offline_ready(page)
    expect_kept(page, GUIDANCE_KEPT)
    record_status(page)
    page.get_by_role("button", name=KEEP_CHECKLIST).click()
    expect_kept(page, BOTH_KEPT)
    words = page.evaluate("window.offlineWords")
    # Before the download starts the footer may say again what it said already; then it says what happens.
    assert DOWNLOADING in words and set(words[: words.index(DOWNLOADING)]) <= {GUIDANCE_KEPT}, words
    assert words[words.index(DOWNLOADING) :] == [DOWNLOADING, BOTH_KEPT]
    # The button it was on is gone: the focus is on what the button did.
    assert page.evaluate("document.activeElement.className") == "offline-status__text"
    assert _copy(page) == precached_urls(built_site, site_url)
    context.set_offline(True)
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    context.close()


def test_save_data_keeps_the_runtime_from_being_downloaded_of_itself(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    """With the browser asking to save data, opening the checklist downloads the runtime for the page only, not for
    the copy, nor for a snapshot's maker; the reader may still ask for it."""
    context = browser.new_context()
    context.add_init_script(COUNT_PYTHON_WORKERS)
    runtime = runtime_requests(context)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.goto(f"{site_url}/checklist/")
    assert page.evaluate("navigator.connection.saveData") is True
    _expect_ready(page)
    wait_until_offline_ready(page)
    expect_kept(page, GUIDANCE_KEPT)
    page.wait_for_load_state("networkidle")
    assert runtime and copy_downloads(runtime) == []  # the page's own requests only
    assert _copy(page) == precached_urls(built_site, site_url, checklist=False)
    assert page.evaluate(page_script("python_workers_once_settled")) == 1  # no snapshot's maker: no runtime kept
    page.get_by_role("button", name=KEEP_CHECKLIST).click()
    expect_kept(page, BOTH_KEPT)
    assert _copy(page) == precached_urls(built_site, site_url)
    context.close()
