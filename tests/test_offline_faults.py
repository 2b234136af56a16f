"""Faults of the offline copy: a damaged file in it, the copy deleted, versions that overlap. None leaves the site
or the checklist broken for good; offline, the page says what it cannot do and offers the printable list."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, Page, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .conftest import serve
from .nginx_server import Nginx, nginx
from .offline_browser import (
    INSTALL_TIMEOUT_MS,
    OFFLINE_CACHE_PREFIX,
    UPDATE_OFFERED,
    SwitchableSite,
    cached_urls,
    decoded_integrity,
    first_visit,
    precache_entries,
    precache_version,
    precached_urls,
    render_service_worker,
    wait_until_copy_holds,
    wait_until_offline_ready,
)
from .page_scripts import page_script
from .python_browser import started_from, stored_snapshots

# Files a start from the memory snapshot asks for: without the first two Python cannot start; the library's zip it
# only mounts, importing nothing from it. (A full start's library, the .gz, is checked the same way when asked for.)
NEEDED = ("pyodide.asm.wasm", "pyodide.asm.mjs")
NOT_NEEDED_FROM_SNAPSHOT = ("python_library.zip",)
# Every response must be revalidated: offline, nothing then comes from the browser's HTTP cache, which would
# otherwise serve a file downloaded moments before, and the test would depend on how long ago that was.
REVALIDATED = 'add_header Cache-Control "no-cache";'

SAYS_WHY = (
    "Part of the checklist kept in this browser for offline use is damaged or missing, and it cannot be downloaded "
    "while this site cannot be reached. Until then, use the printable list of the questions on this page."
)


def _expect_ready(page: Page) -> None:
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)


def _held_as_built(page: Page, built_site: Path, url: str, path: str) -> bool:
    """Whether the offline copy holds the file at ``url`` as the build made it (``path`` in the site)."""
    data = (built_site / path).read_bytes()
    digest = "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    return page.evaluate(page_script("held_digest"), [OFFLINE_CACHE_PREFIX, url]) == digest


class KeptChecklist(NamedTuple):
    """The checklist after a first visit (offline_browser.first_visit): its host, its page and the snapshot's keys."""

    host: Nginx
    page: Page
    snapshot: list[str]


@pytest.fixture
def kept_checklist(browser: Browser, built_site: Path, tmp_path: Path) -> Iterator[KeptChecklist]:
    """The checklist served by nginx, every response revalidated, once a first visit has kept it offline."""
    with nginx(tmp_path, f"root {built_site};\n{REVALIDATED}") as host:
        context = browser.new_context()
        page, snapshot = first_visit(context, built_site, host.url)
        yield KeptChecklist(host, page, snapshot)
        context.close()


def _built_path(built_site: Path, file: str) -> str:
    """The path in the site of the one file of the offline copy with this name."""
    (path,) = [path for path, _ in precache_entries(built_site) if path.endswith(f"/{file}")]
    return path


@pytest.mark.parametrize("file", NEEDED + NOT_NEEDED_FROM_SNAPSHOT)
def test_a_file_of_the_copy_replaced_by_other_code(kept_checklist: KeptChecklist, built_site: Path, file: str) -> None:
    """Online, the next start takes the file from the network and the copy gets it back; offline, the page says why
    the checklist cannot start and shows the printable list. The memory snapshot is kept throughout."""
    host, page, snapshot = kept_checklist
    everything = precached_urls(built_site, host.url)
    path = _built_path(built_site, file)

    url = page.evaluate(page_script("tamper_with_copy"), [OFFLINE_CACHE_PREFIX, file, "garbage"])
    page.reload()
    _expect_ready(page)
    assert started_from(page) == "snapshot"
    wait_until_copy_holds(page, everything)
    assert _held_as_built(page, built_site, url, path)
    assert stored_snapshots(page) == snapshot

    page.evaluate(page_script("tamper_with_copy"), [OFFLINE_CACHE_PREFIX, file, "garbage"])
    host.stop()
    page.reload()
    if file in NEEDED:
        expect(page.locator(".cl-alert-title")).to_have_text(
            "The checklist could not start in this browser", timeout=PYTHON_TIMEOUT_MS
        )
        expect(page.locator(".offline-notice")).to_have_text(SAYS_WHY)
        expect(page.locator("#all-questions")).to_be_visible()
    else:
        _expect_ready(page)  # a start from the snapshot does without it
    assert stored_snapshots(page) == snapshot

    host.start()
    page.reload()
    _expect_ready(page)
    assert started_from(page) == "snapshot"
    wait_until_copy_holds(page, everything)
    assert _held_as_built(page, built_site, url, path)


def test_a_file_damaged_in_place_is_found_by_its_hash(kept_checklist: KeptChecklist, built_site: Path) -> None:
    """Damaged bytes under the copy's own headers: the start fails, the copy checks every file against its hash,
    downloads the damaged one again and the page starts again, from the snapshot it kept."""
    _, page, snapshot = kept_checklist
    path = _built_path(built_site, "pyodide.asm.wasm")
    url = page.evaluate(page_script("tamper_with_copy"), [OFFLINE_CACHE_PREFIX, "pyodide.asm.wasm", "damaged in place"])
    assert not _held_as_built(page, built_site, url, path)
    page.reload()
    # The first start fails; the page then starts again by itself.
    _expect_ready(page)
    assert started_from(page) == "snapshot"
    assert _held_as_built(page, built_site, url, path)
    assert stored_snapshots(page) == snapshot


def test_a_deleted_copy_is_filled_again(browser: Browser, site_url: str, built_site: Path) -> None:
    """While the same service worker stays, the next page it serves has the copy filled again, whole."""
    context = browser.new_context()
    page, _ = first_visit(context, built_site, site_url)
    everything = precached_urls(built_site, site_url)
    name = f"{OFFLINE_CACHE_PREFIX}{site_url}/ {precache_version(precache_entries(built_site))}"
    assert page.evaluate(page_script("delete_caches"), OFFLINE_CACHE_PREFIX) == [name]
    page.goto(f"{site_url}/guidance/")
    wait_until_copy_holds(page, everything)
    assert list(cached_urls(page)).count(name) == 1
    context.set_offline(True)
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    context.close()


# --- Versions that overlap -------------------------------------------------------------------------------------


def _version_of(built_site: Path, directory: Path, words: str) -> Path:
    """A copy of the built site whose home page ends with ``words``, and its service worker written for it: another
    version, as a new build of changed pages would be."""
    shutil.copytree(built_site, directory, copy_function=os.link)
    home = directory / "index.html"
    text = home.read_text(encoding="utf-8").replace("</article>", f"<p>{words}</p></article>", 1)
    home.unlink()  # a link to the built site's file: written anew, not through the link
    home.write_text(text, encoding="utf-8")
    entries = precache_entries(directory)
    (directory / "sw.js").unlink()
    (directory / "sw.js").write_text(render_service_worker(entries, decoded_integrity(directory, entries)), "utf-8")
    # Modification times seconds apart from the other versions': the server's Last-Modified, to which a browser
    # compares when it revalidates a file, has whole seconds.
    stamp = time.time() + 10 * len(list(directory.parent.iterdir()))
    for written in (home, directory / "sw.js"):
        os.utime(written, (stamp, stamp))
    return directory


def test_an_older_version_taking_over_leaves_a_newer_ones_copy(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    """Version 2 is waiting when version 3 starts to download; the reader then chooses version 2. Its taking over
    must not delete version 3's copy, which is complete once version 3 has installed, and is the only one left
    once version 3 takes over in turn."""
    versions = {name: _version_of(built_site, tmp_path / name, f"This is version {name}.") for name in "123"}
    names = {name: precache_version(precache_entries(site)) for name, site in versions.items()}
    host = SwitchableSite(versions)
    with serve(host) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/")
        wait_until_offline_ready(page)
        notice = page.locator(".offline-notice")
        available = UPDATE_OFFERED

        host.current = "2"
        page.reload()
        expect(notice).to_have_text(available, timeout=INSTALL_TIMEOUT_MS)  # version 2 waits

        host.current = "3"
        host.open.clear()  # version 3's downloads are held back while it installs
        page.evaluate(page_script("start_update"))
        with page.expect_navigation():
            notice.get_by_role("button", name="Reload").click()  # version 2 takes over
        expect(page.get_by_text("This is version 2.")).to_be_visible()
        host.open.set()
        expect(notice).to_have_text(available, timeout=INSTALL_TIMEOUT_MS)  # version 3 installed, waiting
        caches = cached_urls(page)
        assert set(caches[f"{OFFLINE_CACHE_PREFIX}{url}/ {names['3']}"]) == precached_urls(
            versions["3"], url, checklist=False
        )

        with page.expect_navigation():
            notice.get_by_role("button", name="Reload").click()
        expect(page.get_by_text("This is version 3.")).to_be_visible()
        offline = [name for name in cached_urls(page) if name.startswith(OFFLINE_CACHE_PREFIX)]
        assert offline == [f"{OFFLINE_CACHE_PREFIX}{url}/ {names['3']}"]
        context.close()
