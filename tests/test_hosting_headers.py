"""The headers the hosting page recommends, proven on a real nginx configured with exactly the page's nginx blocks
as a reader sees them; and the policy the service worker gives every worker script, on a host that sends none."""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import io
import json
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .conftest import ROOT, QuietHandler, serve
from .nginx_server import Nginx, nginx
from .offline_browser import BOTH_KEPT, expect_kept, wait_until_offline_ready
from .page_scripts import page_script
from .python_browser import (
    SNAPSHOT_CACHE_PREFIX,
    evaluate_in_browser,
    in_cpython,
    started_from,
    stored_snapshots,
)

# The types a Debian host knows, which the page's http block adds to.
HOST_TYPES = "/etc/nginx/mime.types"
DOCUMENTED_ROOT = "root /srv/child-info/site;"
CALL = {"answers": {"request": "court-order"}, "timestamp": "2024-05-01T14:30:00+01:00"}
JAVASCRIPT = {"text/javascript", "application/javascript"}
REFUSED = {"evaluateText": "EvalError", "fetchElsewhere": "TypeError", "fetchSite": "allowed"}


def page_policy(built_site: Path) -> str:
    """The policy every page sets in its <meta> tag."""
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def worker_policy(built_site: Path) -> str:
    """The policy the service worker gives every worker script."""
    return re.search(r'const WORKER_POLICY = "([^"]+)";', (built_site / "sw.js").read_text(encoding="utf-8")).group(1)


def documented_nginx(built_site: Path) -> tuple[str, str]:
    """The hosting page's nginx blocks, as the reader sees them: (the http block's types, the server block's
    directives)."""
    soup = BeautifulSoup((built_site / "hosting" / "index.html").read_text(encoding="utf-8"), "html.parser")
    blocks = []
    for element in soup.find("h2", id="nginx").find_next_siblings():
        if element.name == "h2":
            break
        if element.name == "pre":
            blocks.append(element.get_text())
    types, server = blocks
    return types, server


@pytest.fixture(scope="module")
def documented_host(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """nginx with the host's own types and the hosting page's configuration, serving the built site."""
    types, server = documented_nginx(built_site)
    assert DOCUMENTED_ROOT in server
    server = server.replace(DOCUMENTED_ROOT, f"root {built_site};")
    with nginx(tmp_path_factory.mktemp("documented"), server, types=f"include {HOST_TYPES};\n{types}") as host:
        yield host


def headers(url: str) -> tuple[int, dict[str, str]]:
    """The status and headers (names in lower case) the host answers a HEAD request with."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as response:
            return response.status, {name.lower(): value for name, value in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {name.lower(): value for name, value in error.headers.items()}


def named_by_version_or_content(built_site: Path) -> set[str]:
    """The files whose name changes whenever their content does, each shown to be so: Pyodide's files under its
    version, unchanged; the library under its hash; the theme's own files named by their hash."""
    pyodide = ROOT / "node_modules" / "pyodide"
    version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    theme = Path(material.__file__).parent / "templates"
    named = set()
    for path in (path for path in built_site.rglob("*") if path.is_file()):
        relative = path.relative_to(built_site).as_posix()
        folder = relative.split("/")
        if relative.startswith("assets/pyodide/"):
            assert folder[2] == version and path.read_bytes() == (pyodide / path.name).read_bytes(), relative
        elif relative.startswith("assets/checklist/python/"):
            library = path.with_name("python_library.zip").read_bytes()
            assert folder[3] == hashlib.sha256(library).hexdigest()[:16], relative
            if path.suffix == ".gz":  # the same files, for a full start
                assert zip_entries(gzip.decompress(path.read_bytes())) == zip_entries(library), relative
        elif re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", relative):
            assert path.read_bytes() == (theme / relative).read_bytes(), relative
        else:
            continue
        named.add(relative)
    return named


def zip_entries(archive: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return [(entry.filename, opened.read(entry)) for entry in opened.infolist()]


def test_the_documented_nginx_headers_for_every_file(built_site: Path, documented_host: Nginx) -> None:
    """Pages carry their policy with frame-ancestors, scripts the policy for workers; only files named by their
    version or content are cached unchecked; every type is the one a browser needs."""
    policies = {f"{page_policy(built_site)}; frame-ancestors 'none'", worker_policy(built_site)}
    hosting_page = (built_site / "hosting" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'Content-Security-Policy "([^"]+)"', html.unescape(hosting_page))) == policies  # Apache too
    long_lived = named_by_version_or_content(built_site)
    assert any(name.endswith(".wasm") for name in long_lived) and any(name.endswith(".css") for name in long_lived)
    files = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file())
    for relative in files:
        status, sent = headers(f"{documented_host.url}/{relative}")
        assert status == 200 and sent["x-content-type-options"] == "nosniff", relative
        cached = "public, max-age=31536000, immutable" if relative in long_lived else "no-cache"
        assert sent["cache-control"] == cached, relative
        kind = sent["content-type"].split(";")[0]
        if relative.endswith(".html"):
            assert kind == "text/html"
            assert sent["content-security-policy"] == f"{page_policy(built_site)}; frame-ancestors 'none'", relative
        if relative.endswith((".js", ".mjs")):
            assert kind in JAVASCRIPT and sent["content-security-policy"] == worker_policy(built_site), relative
        if relative.endswith(".wasm"):
            assert kind == "application/wasm"
    status, sent = headers(f"{documented_host.url}/no/such/page/")
    assert status == 404 and "frame-ancestors 'none'" in sent["content-security-policy"]


def probe_workers(page: Page, elsewhere: str) -> dict[str, dict[str, str]]:
    """What the checklist's worker and the search's worker may do, by script name."""
    found = {}
    for worker in page.workers:
        name = worker.url.split("?")[0].rsplit("/", 1)[1]
        if name in {"worker.mjs", "search_when_wanted.js"} and name not in found:
            found[name] = worker.evaluate(page_script("worker_attempts"), elsewhere)
    return found


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on another origin (another port on loopback) that answers any request."""
    directory = tmp_path_factory.mktemp("elsewhere")
    (directory / "index.html").write_text("elsewhere", encoding="utf-8")
    with serve(functools.partial(QuietHandler, directory=str(directory))) as url:
        yield f"{url}/"


def test_the_checklist_under_the_documented_headers(browser: Browser, documented_host: Nginx, elsewhere: str) -> None:
    """A first visit, before any service worker: Python starts from the host and answers, its worker under the
    host's policy; the service worker, under the same policy, keeps the site offline; no page reports a policy
    violation."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{documented_host.url}/checklist/")
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    assert evaluate_in_browser(page, [CALL]) == [in_cpython(CALL)]
    assert started_from(page) == "bytecode"
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)") is False
    assert probe_workers(page, elsewhere) == {"worker.mjs": REFUSED, "search_when_wanted.js": REFUSED}
    wait_until_offline_ready(page)
    expect_kept(page, BOTH_KEPT)
    for path in ("/", "/guidance/", "/hosting/"):
        page.goto(documented_host.url + path)
        expect(page.locator("h1").first).to_be_visible()
    assert problems == []
    context.close()


def test_worker_scripts_the_service_worker_serves_carry_the_policy(
    browser: Browser, site_url: str, built_site: Path, elsewhere: str
) -> None:
    """On a host that sends no policy, once the service worker serves the site: Python starts under the policy
    from the memory snapshot and from the offline copy, and no worker may reach another origin or run text."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    wait_until_offline_ready(page)
    expect_kept(page, BOTH_KEPT)
    stored_snapshots(page, wait=True)  # made in a worker of its own, under the policy

    with page.expect_response(lambda response: response.url.endswith("/checklist/worker.mjs")) as script:
        page.reload()
    assert script.value.from_service_worker
    assert script.value.headers["content-security-policy"] == worker_policy(built_site)
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    assert started_from(page) == "snapshot"
    assert probe_workers(page, elsewhere) == {"worker.mjs": REFUSED, "search_when_wanted.js": REFUSED}

    page.evaluate(page_script("delete_caches"), SNAPSHOT_CACHE_PREFIX)
    page.reload()
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    assert started_from(page) == "bytecode"
    assert evaluate_in_browser(page, [CALL]) == [in_cpython(CALL)]
    assert probe_workers(page, elsewhere)["worker.mjs"] == REFUSED
    context.close()
