"""The site and its offline copy on a real host (nginx) that serves it as hosts do: folder addresses redirected.
Every page, the checklist's Python and the offline copy must work, online and once the host has gone away."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .nginx_server import nginx, require_nginx
from .offline_browser import wait_until_offline_ready
from .python_browser import EVALUATE_IN_BROWSER, in_cpython, started_from, stored_snapshots

CALL = {"answers": {"request": "phone-call"}, "timestamp": "2024-05-01T14:30:00+01:00"}


@pytest.fixture(autouse=True)
def _nginx_installed() -> None:
    require_nginx()


def _heading(page: Page) -> str:
    return page.locator("h1").first.inner_text(timeout=PYTHON_TIMEOUT_MS)


def _styled(page: Page) -> bool:
    """Whether the theme's style sheet applies: its header sticks to the top."""
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def _checklist_answers(page: Page) -> None:
    """The checklist starts and its Python answers, as CPython does."""
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    assert page.evaluate(EVALUATE_IN_BROWSER, [CALL]) == [in_cpython(CALL)]


def _first_visit(context: BrowserContext, url: str) -> Page:
    """Open the checklist as a first visit does, and wait until the whole site is kept offline with Python's
    memory snapshot."""
    page = context.new_page()
    page.goto(f"{url}checklist/")
    _checklist_answers(page)
    wait_until_offline_ready(page)
    stored_snapshots(page, wait=True)
    return page


def _visit_every_page(page: Page, url: str, page_paths: list[str]) -> dict[str, str]:
    """Open every page of the site at ``url``: each loads from the offline copy, styled. The heading of each."""
    headings = {}
    for path in page_paths:
        response = page.goto(url + path.removeprefix("/"))
        assert response is not None and response.ok, path
        assert response.from_service_worker, path
        headings[path] = _heading(page)
        assert _styled(page), path
    return headings


# --- Folder addresses redirected -----------------------------------------------------------------------------

# As hosts that serve a folder's index.html by redirecting to it do; nginx itself adds the missing "/" to a
# folder's address ("guidance" to "guidance/"), and answers a missing file with the site's own page.
REDIRECTING = """
    root {site};
    absolute_redirect off;
    rewrite ^(.*)/$ $1/index.html redirect;
    error_page 404 /404.html;
"""


def test_a_host_that_redirects_folder_addresses(
    browser: Browser, built_site: Path, page_paths: list[str], tmp_path: Path
) -> None:
    """A browser refuses a redirected response to a page: the offline copy keeps none, so every page opens, online
    and offline, and under the addresses the host sends the reader to."""
    with nginx(tmp_path, REDIRECTING.format(site=built_site)) as host:
        context = browser.new_context()
        page = _first_visit(context, f"{host.url}/")
        assert page.url == f"{host.url}/checklist/index.html"  # the host's redirect, taken by the first visit
        online = _visit_every_page(page, f"{host.url}/", page_paths)
        for address in ("guidance", "guidance/index.html"):
            page.goto(f"{host.url}/{address}")
            assert _heading(page) == online["/guidance/"], address
        page.goto(f"{host.url}/checklist/")
        _checklist_answers(page)

        host.stop()
        assert _visit_every_page(page, f"{host.url}/", page_paths) == online
        for address in ("guidance", "guidance/index.html", "checklist/index.html"):
            page.goto(f"{host.url}/{address}")
            assert _heading(page) == online[f"/{address.removesuffix('index.html').rstrip('/')}/"], address
        page.goto(f"{host.url}/checklist/")
        _checklist_answers(page)
        assert started_from(page) == "snapshot"
        context.close()
