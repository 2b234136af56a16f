"""Shared fixtures, built once per session: the real site build, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium: Playwright's own browser download cannot be used.
CHROMIUM = "/usr/bin/chromium"


def build_site(project: Path, destination: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build --strict`` of ``project`` into ``destination``, in ``env`` (default: this one)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=project,
        env={**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as mkdocs builds it from this checkout."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, destination)
    assert result.returncode == 0, result.stderr
    return destination


# The words the second version of the site adds to its home page, in a paragraph of this id.
SECOND_VERSION = "This is the second version of this site."
SECOND_VERSION_ID = "second-version"


@pytest.fixture(scope="session")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built again from a copy of the project whose home page says it is the second version: a new
    version for the offline copy to offer, in every engine."""
    from .project_copy import copy_project  # it names this module's ROOT

    work = tmp_path_factory.mktemp("second-version")
    project = copy_project(work)
    home = project / "docs" / "index.md"
    added = f"{SECOND_VERSION}\n{{: #{SECOND_VERSION_ID} }}"
    home.write_text(f"{home.read_text(encoding='utf-8')}\n{added}\n", encoding="utf-8")
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """The URL path of every HTML page in the built site, as a visitor would request it."""
    paths = (page.relative_to(built_site).as_posix() for page in sorted(built_site.rglob("*.html")))
    return ["/" + path.removesuffix("index.html") for path in paths]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve with ``handler`` on loopback, on a free port, in a background thread; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on loopback, as a browser would see it."""
    with serve(functools.partial(QuietHandler, directory=str(built_site))) as url:
        yield url


@pytest.fixture(scope="session")
def devtools_port() -> int:
    """A free loopback port, on which the browser listens for DevTools connections of the tests' own."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def browser(devtools_port: int) -> Iterator[Browser]:
    """Headless Chromium driven by Playwright, shared by every browser test.

    It also listens on ``devtools_port``, for the tests that need a DevTools connection
    of their own (see devtools_connection.py).
    """
    with sync_playwright() as playwright:
        arguments = ["--no-sandbox", f"--remote-debugging-port={devtools_port}"]
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=arguments)
        yield chromium
        chromium.close()


# Tiers. A test that drives a browser is "browser"; one that needs the real site build, and no browser, is
# "site"; every other test is "unit", the fast tier for everyday work: `pytest -m unit`.
BROWSER_FIXTURES = {"browser", "page", "site_url", "devtools_port"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "unit: fast tests of the package and its data; no site build, no browser")
    config.addinivalue_line("markers", "site: tests of the real site build; no browser")
    config.addinivalue_line("markers", "browser: tests in a real browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif "built_site" in fixtures or _builds_the_site(item):
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)


def _builds_the_site(item: pytest.Item) -> bool:
    """Tests that run a build of their own (a copy of the project, or the runtime's tools in Node.js)."""
    return item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in SITE_MODULES


# Modules whose tests build the site or the runtime themselves, without the shared fixture.
SITE_MODULES = {"test_bytecode", "test_site_build", "test_offline"}
