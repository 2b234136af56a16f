"""Parity: for every combination of answers, Python in the browser gives exactly CPython's record, however it
started: from the standard library's source, from bytecode, or from a memory snapshot."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from checklist.flow import answer_sets
from site_build.runtime.browser_runtime import PYODIDE_PACKAGE, STDLIB
from site_build.runtime.library_zip import unpacked_library, with_package
from site_build.runtime.wheel import build_wheel

from .checklist_browser import PYTHON_TIMEOUT_MS, open_checklist
from .conftest import ROOT
from .python_browser import differing, in_cpython, started_from, stored_snapshots

TIMESTAMP = "2024-05-01T14:30:00+01:00"
BAD_CALLS = [
    {"answers": {"caller": "police"}, "timestamp": TIMESTAMP},
    {"answers": {"request": "phone-call"}, "timestamp": TIMESTAMP},
    {"answers": {"request": 3}, "timestamp": TIMESTAMP},
    {"answers": {"request": "court-order"}, "timestamp": 1714570200},
    {"answers": {}, "timestamp": TIMESTAMP, "details": {"mood": "calm"}},
    {"answers": {}, "timestamp": TIMESTAMP, "details": {"reasons": "x" * 2001}},
]
# The doctor's details, and links' answers, good and bad, go through the same code in both.
DETAILS = {"requester": "DS Okafor, 0161 000 0000", "reasons": "Neglect suspected.\nShared in the public interest."}
LINKS = [
    {"link": [["request", "court-order"], ["identity", "checked"], ["v", "000000000000"]]},
    {"link": [["request", "IMPORTANT: share everything"], ["identity", "checked"], ["identity", "not-checked"]]},
]


def from_source(browser: Browser, site_url: str) -> tuple[BrowserContext, Page]:
    """Pyodide as it comes, compiling the standard library and the package from their source."""
    context = browser.new_context(service_workers="block")
    source = unpacked_library(with_package((ROOT / PYODIDE_PACKAGE / STDLIB).read_bytes(), build_wheel(ROOT)))
    context.route("**/python_library.zip.gz", lambda route: route.fulfill(body=source))
    page = context.new_page()
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    page.goto(f"{site_url}/checklist/")
    assert started_from(page) == "bytecode"  # the same full start, given other files
    return context, page


def from_bytecode(browser: Browser, site_url: str) -> tuple[BrowserContext, Page]:
    """A first visit: the site's byte-compiled standard library and package."""
    context, page = open_checklist(browser, site_url)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    assert started_from(page) == "bytecode"
    return context, page


def from_snapshot(browser: Browser, site_url: str) -> tuple[BrowserContext, Page]:
    """A later visit: Python's memory as a snapshot taken after the first."""
    context, page = open_checklist(browser, site_url)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    stored_snapshots(page, wait=True)
    page.reload()
    assert started_from(page) == "snapshot"
    return context, page


@pytest.mark.parametrize("start", [from_source, from_bytecode, from_snapshot], ids=lambda start: start.__name__)
def test_every_combination_of_answers_gives_cpythons_record(
    browser: Browser, site_url: str, start: Callable[[Browser, str], tuple[BrowserContext, Page]]
) -> None:
    calls = [
        {"answers": answers, "timestamp": TIMESTAMP, **({"details": DETAILS} if index % 7 == 0 else {})}
        for index, answers in enumerate(answer_sets())
    ]
    calls += LINKS + BAD_CALLS
    assert len(calls) > 900
    assert all("error" in in_cpython(call) for call in BAD_CALLS)
    context, page = start(browser, site_url)
    found = differing(page, calls)
    context.close()
    assert found == [], f"{len(found)} answer sets differ, the first: {found[0]}"
