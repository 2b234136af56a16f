"""Offline after one visit: the checklist, the guidance and its search with no network; a new version taken whole."""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Response, expect

from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    READY,
    answer_by_clicking,
    expect_question,
    heading,
    open_checklist,
    route_to_each_verdict,
    walk,
)
from .conftest import SECOND_VERSION, serve
from .offline_browser import (
    BUILD_HEADER,
    INSTALL_TIMEOUT_MS,
    UPDATE_OFFERED,
    SwitchableSite,
    cached_urls,
    decoded_integrity,
    precache_entries,
    precache_version,
    precached_urls,
    render_service_worker,
    wait_until_offline_ready,
    worker_responses,
)
from .page_scripts import page_script
from .python_browser import started_from, stored_snapshots

ROUTE = route_to_each_verdict()["share-relevant"]
# How a training card opens the checklist: with answers in the query string.
PREFILLED = "checklist/?request=court-order&identity=checked"
# A word of paragraph 49 ("...such as drug and alcohol misuse...").
PARAGRAPH_49_WORD = "alcohol"


def test_the_worker_lists_every_built_file_and_is_written_last(built_site: Path) -> None:
    """Made from the finished site: every file but the worker, source maps and sitemaps; pages under their links."""
    entries = precache_entries(built_site)
    decoded = decoded_integrity(built_site, entries)
    assert (built_site / "sw.js").read_text(encoding="utf-8") == render_service_worker(entries, decoded)
    on_disk = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.is_file() and path.name not in {"sw.js", "sitemap.xml", "sitemap.xml.gz"} and path.suffix != ".map"
    }
    assert {path.removeprefix("./") + "index.html" if path.endswith("/") else path for path, _ in entries} == on_disk
    listed = {path for path, _ in entries}
    assert {"./", "guidance/", "checklist/", "404.html", "manifest.webmanifest", "search/search_index.json"} <= listed
    assert any(path.endswith("/pyodide.asm.wasm") for path in listed)
    assert any(path.endswith("/python_library.zip") for path in listed)
    assert any(path.endswith("/python_library.zip.gz") for path in listed)


def test_the_version_changes_with_any_file_and_only_then(built_site: Path) -> None:
    entries = precache_entries(built_site)
    assert render_service_worker(entries) == render_service_worker(list(entries))
    changed = [(path, "sha256-changed" if path == "guidance/" else digest) for path, digest in entries]
    assert precache_version(changed) != precache_version(entries)


def test_the_manifest_declares_icons_of_the_sizes_they_are(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone" and manifest["start_url"] == manifest["scope"] == "./"
    purposes = set()
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        if icon["type"] == "image/png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n"), icon
            assert "{}x{}".format(*struct.unpack(">II", data[16:24])) == icon["sizes"], icon
        else:
            assert icon["type"] == "image/svg+xml" and data.startswith(b"<svg"), icon
        purposes.add((icon["sizes"], icon.get("purpose", "any")))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes


def test_the_site_is_installable_without_console_errors(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in {"error", "warning"} else None)
    page.goto(f"{site_url}/")
    wait_until_offline_ready(page)
    devtools = context.new_cdp_session(page)
    manifest = devtools.send("Page.getAppManifest")
    assert manifest["url"] == f"{site_url}/manifest.webmanifest"
    assert manifest["errors"] == []
    installability = devtools.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Every Playwright context is private browsing, where nothing can be installed: the only reason allowed.
    assert [error["errorId"] for error in installability] in ([], ["in-incognito"])
    assert problems == []
    context.close()


def _the_start_took_the_cached_runtime_and_the_zip(
    from_workers: list[dict[str, Any]], site_url: str, built_site: Path
) -> None:
    """The WebAssembly runtime is the cached response itself, never a copy: Chromium then reuses the machine code it
    compiled from it. A start from the snapshot imports from the library's zip, if at all: it needs no files
    unpacked."""
    cache = f"offline {site_url}/ {precache_version(precache_entries(built_site))}"
    wasm = [response for response in from_workers if response["url"].endswith("/pyodide.asm.wasm")]
    assert wasm
    assert {(r["serviceWorkerResponseSource"], r["cacheStorageCacheName"]) for r in wasm} == {("cache-storage", cache)}
    library = {r["url"].rsplit("/", 1)[1] for r in from_workers if "/assets/checklist/python/" in r["url"]}
    assert library == {"python_library.zip"}


def _the_route_reaches_its_outcome(page: Page) -> None:
    for number, (question_id, value) in enumerate(ROUTE):
        if number:
            expect_question(page, question_id)
        answer_by_clicking(page, question_id, value)
    page.get_by_role("button", name="See the outcome").click()
    expect(heading(page)).to_have_text(walk(dict(ROUTE))[1].to_dict()["verdict"]["title"])


def test_the_checklist_works_offline_after_one_visit(
    browser: Browser, site_url: str, built_site: Path, devtools_port: int
) -> None:
    context, page = open_checklist(browser, site_url)
    wait_until_offline_ready(page)
    stored_snapshots(page, wait=True)
    context.set_offline(True)
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    with worker_responses(page, devtools_port) as from_workers:
        page.reload()
        expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    assert started_from(page) == "snapshot"  # everything the snapshot's start needs is in the offline copy
    _the_start_took_the_cached_runtime_and_the_zip(from_workers, site_url, built_site)
    _the_route_reaches_its_outcome(page)
    assert responses and all(response.from_service_worker for response in responses)
    assert [response.url for response in responses if response.url.endswith("/pyodide.asm.wasm")]
    # The theme's search, whose index this page builds once Python has answered, works offline here too.
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(PARAGRAPH_49_WORD)
    expect(page.locator(f'.md-search-result__link[href="{site_url}/guidance/?h={PARAGRAPH_49_WORD}"]')).to_be_visible()

    # The link a training card gives, answers in its query string, opens the same page.
    response = page.goto(f"{site_url}/{PREFILLED}")
    assert response is not None and response.ok and response.from_service_worker
    expect(heading(page)).to_be_visible()
    context.close()


def test_the_snapshot_is_made_from_the_offline_copy(
    browser: Browser, site_url: str, built_site: Path, devtools_port: int
) -> None:
    """The snapshot's maker waits until the offline copy serves the page, then takes the WebAssembly from it as
    the cached response itself: Chromium keeps the code it compiles then with that file, for the next visit."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/assets/icons/icon.svg")  # the site's origin, with no page script and no worker yet
    with worker_responses(page, devtools_port) as from_workers:
        page.goto(f"{site_url}/checklist/")
        stored_snapshots(page, wait=True)
    cache = f"offline {site_url}/ {precache_version(precache_entries(built_site))}"
    wasm = [
        (response.get("serviceWorkerResponseSource"), response.get("cacheStorageCacheName"))
        for response in from_workers
        if response["worker"] == "worker" and response["url"].endswith("/pyodide.asm.wasm")
    ]
    # The first start's, from the network; then the maker's two starts (one to take the snapshot, one to check it).
    assert wasm == [(None, None), ("cache-storage", cache), ("cache-storage", cache)]
    context.close()


def test_the_guidance_and_its_search_work_offline(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/guidance/")
    wait_until_offline_ready(page)
    context.set_offline(True)
    page.reload()
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(PARAGRAPH_49_WORD)
    result = f"{site_url}/guidance/?h={PARAGRAPH_49_WORD}"
    page.locator(f'.md-search-result__link[href="{result}"]').click()
    expect(page).to_have_url(result)
    expect(page.locator("#para-49 mark").first).to_have_text(PARAGRAPH_49_WORD, ignore_case=True)
    # A page that is not part of the site gets the site's own "not found" page, not the browser's error.
    response = page.goto(f"{site_url}/no-such-page/")
    assert response is not None and response.from_service_worker
    expect(page.locator("h1")).to_have_text("Page not found")
    context.close()


def builds_in_one_load(page: Page, load: Callable[[], object]) -> set[tuple[str, bool]]:
    """Which builds the responses of one page load came from, and whether the service worker gave each."""
    builds: list[tuple[str, bool]] = []

    def record(response: Response) -> None:
        builds.append((response.headers.get(BUILD_HEADER, "none"), response.from_service_worker))

    page.on("response", record)
    load()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return set(builds)


def test_a_new_version_is_offered_and_then_taken_whole(browser: Browser, built_site: Path, second_site: Path) -> None:
    site = SwitchableSite({"first": built_site, "second": second_site})
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/")
        wait_until_offline_ready(page)
        notice = page.locator(".offline-notice")
        expect(notice).to_have_attribute("role", "status")
        expect(notice).to_be_empty()

        site.current = "second"
        # Until the reader chooses, every page is the first version, whole, while the second downloads.
        assert builds_in_one_load(page, page.reload) == {("first", True)}
        expect(notice).to_have_text(UPDATE_OFFERED, timeout=INSTALL_TIMEOUT_MS)
        expect(page.get_by_text(SECOND_VERSION)).to_have_count(0)

        def reload() -> None:
            notice.get_by_role("button", name="Reload").focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")

        assert builds_in_one_load(page, reload) == {("second", True)}
        expect(page.get_by_text(SECOND_VERSION)).to_be_visible()
        expect(notice).to_be_empty()
        version = precache_version(precache_entries(second_site))
        caches = cached_urls(page)
        assert list(caches) == [f"offline {url}/ {version}"]
        assert set(caches[f"offline {url}/ {version}"]) == precached_urls(second_site, url, checklist=False)
        cached_builds = page.evaluate(page_script("cached_headers"), BUILD_HEADER)
        assert cached_builds == ["second"]
        context.close()
