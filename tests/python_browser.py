"""What the browser tests of the checklist's Python share: calls through the page's worker, how Python started,
and the memory snapshot the browser keeps of it."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from checklist import AnswerError, evaluate
from checklist.links import read_link
from checklist.record import DetailError
from checklist.screens import outcome_screen

from .checklist_browser import PYTHON_TIMEOUT_MS
from .page_scripts import page_script

SNAPSHOT_CACHE_PREFIX = "python snapshot "


def in_cpython(call: dict[str, Any]) -> dict[str, Any]:
    """What the browser's worker must answer for this call: CPython's record, or the error message."""
    if "link" in call:
        return {"link": read_link((key, value) for key, value in call["link"]).to_dict()}
    details = call.get("details")
    try:
        result = evaluate(call["answers"], timestamp=call["timestamp"])
        return {
            "record": result.to_dict(details),
            "markdown": result.to_markdown(details),
            "text": result.to_text(details),
            "screen": outcome_screen(result.to_dict(details)),
        }
    except (AnswerError, DetailError) as error:
        return {"error": str(error)}


def evaluate_in_browser(page: Page, calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers of Python in the page to the calls, in one batch through the page's own client and worker
    (``page``: Playwright's, or one of engine_browsers.py's)."""
    return page.evaluate(page_script("evaluate_in_browser"), calls)


def started_from(page: Page) -> str:
    """How the page's Python started: "snapshot" (from the stored memory snapshot) or "bytecode"."""
    return page.evaluate(page_script("started_from"))


def stored_snapshots(page: Page, *, wait: bool = False) -> list[str]:
    """The keys of the memory snapshots the browser keeps for this site; with ``wait``, once there is one (waited
    for inside the page: the site's Content-Security-Policy refuses the string evaluation that
    ``page.wait_for_function`` polls with)."""
    return page.evaluate(page_script("snapshot_keys"), [SNAPSHOT_CACHE_PREFIX, PYTHON_TIMEOUT_MS if wait else 0])


def differing(page: Page, calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls that Python in the page, through the page's own worker, answers otherwise than CPython (``page``:
    Playwright's, or one of engine_browsers.py's)."""
    in_browser = evaluate_in_browser(page, calls)
    assert len(in_browser) == len(calls)
    return [call for call, got in zip(calls, in_browser, strict=True) if got != in_cpython(call)]
