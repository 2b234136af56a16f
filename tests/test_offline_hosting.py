"""The site and its offline copy on a real host (nginx) that serves it as hosts do: folder addresses redirected,
the site under a sub-path, a gzip file sent with Content-Encoding, WebAssembly with a generic type. Every page,
the checklist's Python and the offline copy must work on each, online and once the host has gone away."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Response, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .conftest import build_site
from .nginx_server import Nginx, nginx, require_nginx, types_block
from .offline_browser import first_visit
from .page_scripts import page_script
from .project_copy import copy_project
from .python_browser import SNAPSHOT_CACHE_PREFIX, differing, started_from

SUB_PATH = "/some-name/"
# A word of paragraph 49 ("...such as drug and alcohol misuse...").
PARAGRAPH_49_WORD = "alcohol"
CALL = {"answers": {"request": "phone-call"}, "timestamp": "2024-05-01T14:30:00+01:00"}
# Where a file's address is written in a page, a style sheet or a script: root-absolute when it begins with one "/".
ROOT_ABSOLUTE = re.compile(rb"""(?:\b(?:src|href)=["']|url\(["']?)/(?!/)""")


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
    assert differing(page, [CALL]) == []


def _first_visit(context: BrowserContext, site: Path, site_url: str) -> Page:
    """Open the checklist as a first visit does (offline_browser.first_visit); its Python answers as CPython does."""
    page, _ = first_visit(context, site, site_url)
    _checklist_answers(page)
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
        page = _first_visit(context, built_site, host.url)
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


# --- Published under a sub-path --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for publishing under a sub-path, as a GitHub Pages project site is: only ``site_url`` says so
    (mkdocs then gives the 404 page, served at any missing address, links that start with the sub-path)."""
    work = tmp_path_factory.mktemp("sub-path")
    project = copy_project(work)
    config = project / "mkdocs.yml"
    text, count = re.subn(
        r"(?m)^site_url:.*$", f'site_url: "https://example.org{SUB_PATH}"', config.read_text(encoding="utf-8")
    )
    assert count == 1
    config.write_text(text, encoding="utf-8")
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site"


def _root_absolute(site: Path) -> dict[str, list[str]]:
    """Every root-absolute address in the site's pages, style sheets and scripts, by file."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".css", ".js", ".mjs"}:
            data = path.read_bytes()
            addresses = [data[m.end() - 1 : m.end() + 40].split(b'"')[0].decode() for m in ROOT_ABSOLUTE.finditer(data)]
            if addresses:
                found[path.relative_to(site).as_posix()] = addresses
    return found


def test_only_the_404_page_names_files_from_the_root(built_site: Path, sub_path_site: Path) -> None:
    """Every other page, style sheet and script names files relative to itself, so the site works under any path.
    The 404 page is served at any missing address, so its addresses start from the root: with the sub-path
    when the build is told it (shown to work below)."""
    assert list(_root_absolute(built_site)) == ["404.html"]
    found = _root_absolute(sub_path_site)
    assert list(found) == ["404.html"]
    assert found["404.html"] and all(address.startswith(SUB_PATH) for address in found["404.html"])


# The site's folder served under the sub-path, and its 404 page at any missing address there.
UNDER_SUB_PATH = """
    absolute_redirect off;
    location {sub_path} {{
        alias {site}/;
        error_page 404 {sub_path}404.html;
    }}
"""


def test_the_site_published_under_a_sub_path(
    browser: Browser, sub_path_site: Path, page_paths: list[str], tmp_path: Path
) -> None:
    """Every page, the checklist, the search, the 404 page and the offline copy, with nothing asked of the rest of
    the host."""
    with nginx(tmp_path, UNDER_SUB_PATH.format(sub_path=SUB_PATH, site=sub_path_site)) as host:
        url = f"{host.url}{SUB_PATH}"
        context = browser.new_context()
        elsewhere: list[str] = []
        failed: list[str] = []

        def outside(request: Request) -> None:
            if not request.url.startswith((url, f"blob:{url}")):
                elsewhere.append(request.url)

        def missing(response: Response) -> None:
            if response.status >= 400 and "/no/such/page/" not in response.url:
                failed.append(f"{response.status} {response.url}")

        context.on("request", outside)
        context.on("response", missing)
        page = _first_visit(context, sub_path_site, url.removesuffix("/"))
        online = _visit_every_page(page, url, page_paths)
        _not_found_page(page, url, online["/404.html"], online=True)
        _search(page, url)
        assert elsewhere == [] and failed == []

        host.stop()
        assert _visit_every_page(page, url, page_paths) == online
        _not_found_page(page, url, online["/404.html"], online=False)
        _search(page, url)
        page.goto(f"{url}checklist/")
        _checklist_answers(page)
        assert started_from(page) == "snapshot"
        assert [name for name in page.evaluate("caches.keys()") if SUB_PATH in name] == page.evaluate("caches.keys()")
        assert elsewhere == []
        context.close()


def _not_found_page(page: Page, url: str, heading: str, *, online: bool) -> None:
    """A missing address, however deep, gets the site's own 404 page (``heading``), styled, whose links to the
    site's pages lead to them."""
    response = page.goto(f"{url}no/such/page/")
    assert response is not None and response.status == (404 if online else 200)
    assert _heading(page) == heading
    assert _styled(page)
    links = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all("(links) => links.map((a) => a.href)")
    assert f"{url}guidance/" in links and all(link.startswith(url) for link in links), links
    page.locator('.md-nav--primary a.md-nav__link[href$="/guidance/"]').first.click()
    expect(page).to_have_url(f"{url}guidance/")
    assert _styled(page)


def _search(page: Page, url: str) -> None:
    page.goto(f"{url}guidance/")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(PARAGRAPH_49_WORD)
    expect(page.locator(f'.md-search-result__link[href="{url}guidance/?h={PARAGRAPH_49_WORD}"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT_MS
    )


# --- Compression and types -------------------------------------------------------------------------------------


@pytest.fixture
def hosted(built_site: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Nginx, str]]:
    """nginx serving the built site at its root as the test's parameter says: (server directives, types block or
    None, what a file is sent with: "<file name>: <header>: <value>")."""
    server, types, sent = request.param
    with nginx(tmp_path, f"root {built_site};\n{server}", types=types) as host:
        yield host, sent


# The library's .gz file sent as gzip-encoded, as some hosts send every .gz file: the browser undoes the encoding,
# so the page's worker and the service worker get the zip inside, not the file.
GZIP_ENCODED = (
    'location ~ \\.gz$ { add_header Content-Encoding "gzip"; }',
    None,
    "python_library.zip.gz: content-encoding: gzip",
)
# WebAssembly sent as any binary file, which WebAssembly.compileStreaming refuses.
WASM_AS_BINARY = (
    "",
    types_block(wasm="application/octet-stream"),
    "pyodide.asm.wasm: content-type: application/octet-stream",
)


@pytest.mark.parametrize("hosted", [GZIP_ENCODED, WASM_AS_BINARY], indirect=True, ids=["gzip-encoded", "wasm-binary"])
def test_the_checklist_starts_whatever_the_encoding_and_type(
    browser: Browser, built_site: Path, hosted: tuple[Nginx, str]
) -> None:
    """A first visit starts Python in full from the host; the offline copy takes the same files (their hashes
    checked); later visits start from the snapshot, and in full from the copy when there is none."""
    host, sent = hosted
    name, header, value = sent.split(": ")
    context = browser.new_context()
    served: dict[str, Response] = {}
    context.on("response", lambda response: served.setdefault(response.url.rsplit("/", 1)[1], response))
    page = _first_visit(context, built_site, host.url)
    assert started_from(page) == "bytecode"
    assert served[name].headers[header] == value  # as the host sent it, before any service worker

    host.stop()
    page.reload()
    _checklist_answers(page)
    assert started_from(page) == "snapshot"
    page.evaluate(page_script("delete_caches"), SNAPSHOT_CACHE_PREFIX)
    page.reload()
    _checklist_answers(page)
    assert started_from(page) == "bytecode"
    context.close()
