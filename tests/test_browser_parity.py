"""Parity: for every combination of answers, Python in the browser gives exactly CPython's record."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser

from checklist import AnswerError, evaluate

from .checklist_browser import PYTHON_TIMEOUT_MS, every_answer_set, open_checklist

TIMESTAMP = "2024-05-01T14:30:00+01:00"
BAD_CALLS = [
    {"answers": {"caller": "police"}, "timestamp": TIMESTAMP},
    {"answers": {"request": "phone-call"}, "timestamp": TIMESTAMP},
    {"answers": {"request": 3}, "timestamp": TIMESTAMP},
    {"answers": {"request": "court-order"}, "timestamp": 1714570200},
]

# One batch through the page's own client and worker: a single round trip for every call.
EVALUATE_IN_BROWSER = """async (calls) => {
    const { python } = await import(document.querySelector("script[data-pyodide]").src);
    return await python.evaluate(calls);
}"""


def in_cpython(call: dict[str, Any]) -> dict[str, Any]:
    try:
        result = evaluate(call["answers"], timestamp=call["timestamp"])
    except AnswerError as error:
        return {"error": str(error)}
    return {"record": result.to_dict(), "markdown": result.to_markdown()}


def test_every_combination_of_answers_gives_cpythons_record(browser: Browser, site_url: str) -> None:
    calls = [{"answers": answers, "timestamp": TIMESTAMP} for answers in every_answer_set()] + BAD_CALLS
    context, page = open_checklist(browser, site_url)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    in_browser = page.evaluate(EVALUATE_IN_BROWSER, calls)
    context.close()
    assert len(in_browser) == len(calls) > 900
    differing = [call for call, got in zip(calls, in_browser, strict=True) if got != in_cpython(call)]
    assert differing == [], f"{len(differing)} answer sets differ, the first: {differing[0]}"
    assert all("error" in got for got in in_browser[-len(BAD_CALLS) :])
