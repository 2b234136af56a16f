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

SNAPSHOT_CACHE_PREFIX = "python snapshot "

# One batch through the page's own client and worker: a single round trip for every call.
EVALUATE_IN_BROWSER = """async (calls) => {
    const { python } = await import(document.querySelector("script[data-pyodide]").src);
    return await python.evaluate(calls);
}"""

_STARTED_FROM = """async () => {
    const { python } = await import(document.querySelector("script[data-pyodide]").src);
    return await python.startedFrom;
}"""

# Waited for inside the page: the site's Content-Security-Policy refuses the string evaluation that
# ``page.wait_for_function`` polls with.
_SNAPSHOT_KEYS = """async ([prefix, timeout]) => {
    const started = performance.now();
    for (;;) {
        const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
        const keys = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
        if (keys.length || timeout === 0) return keys.map((request) => request.url);
        if (performance.now() - started > timeout) throw new Error("No memory snapshot was kept in time");
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}"""


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


def started_from(page: Page) -> str:
    """How the page's Python started: "snapshot" (from the stored memory snapshot) or "bytecode"."""
    return page.evaluate(_STARTED_FROM)


def stored_snapshots(page: Page, *, wait: bool = False) -> list[str]:
    """The keys of the memory snapshots the browser keeps for this site; with ``wait``, once there is one."""
    return page.evaluate(_SNAPSHOT_KEYS, [SNAPSHOT_CACHE_PREFIX, PYTHON_TIMEOUT_MS if wait else 0])


def differing(page: Page, calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls that Python in the page, through the page's own worker, answers otherwise than CPython (``page``:
    Playwright's, or one of engine_browsers.py's)."""
    in_browser = page.evaluate(EVALUATE_IN_BROWSER, calls)
    assert len(in_browser) == len(calls)
    return [call for call, got in zip(calls, in_browser, strict=True) if got != in_cpython(call)]
