"""The load benchmark in Firefox and WebKit, driven as the tests drive them (tests/engine_browsers.py).

Their drivers cannot open a fresh context in a running browser or take the network away, so each load that must
find nothing stored gets a fresh browser, and the warm visit is made with the server stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.engine_browsers import EnginePage, Firefox, WebKit
from tests.python_browser import started_from

from .load_measures import Run, wait_for_mark, wait_until_idle, wait_until_kept
from .load_site import serve

ENGINES: dict[str, Callable[[], EnginePage]] = {"firefox": Firefox, "webkit": WebKit}
NAMES = {"firefox": "Firefox ESR", "webkit": "WebKitGTK"}


class EngineMissing(Exception):
    """The engine, or what drives it, is not installed here."""


@contextmanager
def fresh_browser(engine: str) -> Iterator[EnginePage]:
    """A new browser of the engine, with nothing stored, once it has finished starting."""
    try:
        page = ENGINES[engine]()
    except (pytest.skip.Exception, pytest.fail.Exception) as missing:  # what the tests skip on
        raise EngineMissing(str(missing)) from None
    try:
        wait_until_idle()
        yield page
    finally:
        page.close()


def bare_boot(engine: str, site: Path) -> tuple[str, tuple[float, float]]:
    """The browser's version; a bare Pyodide boot in a fresh browser, then again on reloading the page."""
    with fresh_browser(engine) as page, serve(site) as base:
        page.goto(f"{base}/bare/")
        cold = wait_for_mark(page, "bare-boot")
        wait_until_idle()
        page.reload()
        return page.version, (cold, wait_for_mark(page, "bare-boot"))


def checklist_visits(engine: str, site: Path, bare: tuple[float, float]) -> Run:
    """A first visit in a fresh browser; once the offline copy and the snapshot are kept, a reload with no server."""
    with fresh_browser(engine) as page, ExitStack() as server:
        base = server.enter_context(serve(site))
        page.goto(f"{base}/checklist/")
        question = wait_for_mark(page, "checklist-first-question")
        cold = wait_for_mark(page, "checklist-ready")
        wait_until_kept(page)
        server.close()
        wait_until_idle()
        page.reload()
        warm = wait_for_mark(page, "checklist-ready")
        return Run(*bare, question, cold, warm, started_from(page))


def measure(engine: str, site: Path, runs: int) -> tuple[str, list[Run]]:
    """The engine's name and version, and its runs; EngineMissing if it is not installed."""
    measured = []
    for _ in range(runs):
        version, bare = bare_boot(engine, site)
        measured.append(checklist_visits(engine, site, bare))
    return f"{NAMES[engine]} {version.removeprefix('firefox/')}", measured
