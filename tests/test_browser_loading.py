"""Loading: the first question works before Python is ready, and a runtime that cannot load is reported plainly."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route, expect

from checklist import QUESTIONS

from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    READY,
    answer_by_clicking,
    expect_question,
    heading,
    question_text,
    route_to_each_verdict,
)

ROUTE = route_to_each_verdict()["respond-fully"]


def test_the_first_question_can_be_answered_while_python_loads(browser: Browser, site_url: str) -> None:
    """Hold back the WebAssembly runtime: the question still works, and is answered once Python is there."""
    context = browser.new_context(service_workers="block")  # a first visit, without the offline copy's downloads
    held: list[Route] = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    status = page.locator(".cl-status")
    expect(status).to_have_text("Loading the checklist. You can start answering now.")
    expect(heading(page)).to_have_text(question_text(ROUTE[0][0]))
    answer_by_clicking(page, *ROUTE[0])
    expect(status).to_have_text("Still loading the checklist. The next question appears when it is ready.")
    expect(heading(page)).to_have_text(question_text(ROUTE[0][0]))
    assert len(held) == 1
    held[0].continue_()
    expect_question(page, ROUTE[1][0])
    expect(status).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    context.close()


@pytest.mark.parametrize(
    ("file", "served"),
    [
        ("pyodide.asm.wasm", None),
        ("python_library.zip.gz", None),
        ("worker.mjs", None),
        # The library's zip, its entries compressed one by one, where a full start needs them stored as they are.
        ("python_library.zip.gz", "python_library.zip"),
    ],
    ids=["no WebAssembly", "no library", "no worker", "a library it cannot unpack"],
)
def test_a_runtime_that_cannot_load_points_to_the_printable_list(
    browser: Browser, site_url: str, built_site: Path, file: str, served: str | None
) -> None:
    context = browser.new_context(service_workers="block")
    if served is None:
        context.route(f"**/{file}", lambda route: route.fulfill(status=404, body="Not found"))
    else:
        (instead,) = built_site.glob(f"assets/checklist/python/*/{served}")
        context.route(f"**/{file}", lambda route: route.fulfill(body=gzip.compress(instead.read_bytes())))
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The checklist could not start in this browser", timeout=PYTHON_TIMEOUT_MS)
    expect(page.locator(".cl-status")).to_have_text("")
    expect(page.locator("#checklist-app form")).to_have_count(0)
    alert.get_by_role("link", name="the printable list of all the questions").click()
    printable = page.locator("#all-questions")
    expect(printable).to_be_visible()
    expect(printable).to_be_in_viewport()
    expect(printable.locator(".cl-printed-question")).to_have_count(len(QUESTIONS))
    context.close()
