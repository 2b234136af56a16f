"""A link's answers arrive when Python is ready: by then the doctor may have started answering themselves."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from checklist import evaluate

from .checklist_browser import PYTHON_TIMEOUT_MS, heading, option_label, question_text
from .conftest import QuietHandler, serve


class HeldRuntimeHandler(QuietHandler):
    """Serves the site, holding back Python's WebAssembly until the test lets it go: Python is not ready till then."""

    runtime_released: threading.Event

    def do_GET(self) -> None:
        if self.path.split("?")[0].endswith("pyodide.asm.wasm"):
            self.runtime_released.wait(timeout=120)
        super().do_GET()


@pytest.fixture
def held_site(built_site: Path) -> Iterator[tuple[str, threading.Event]]:
    released = threading.Event()
    handler = type("Handler", (HeldRuntimeHandler,), {"runtime_released": released})
    try:
        with serve(functools.partial(handler, directory=str(built_site))) as url:
            yield url, released
    finally:
        released.set()


def test_an_answer_given_before_python_is_ready_is_never_replaced_by_a_links(
    browser: Browser, held_site: tuple[str, threading.Event]
) -> None:
    url, released = held_site
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{url}/checklist/?request=court-order&identity=checked")
        status = page.locator(".cl-status")
        expect(status).to_have_text("Filling in the answers from the link when the checklist is ready.")
        page.get_by_label(option_label("request", "child-protection"), exact=True).check()
        page.get_by_role("button", name="Continue").click()
        released.set()

        expect(status).to_have_text(
            "You had started answering, so the answers in the link were not used.", timeout=PYTHON_TIMEOUT_MS
        )
        expect(heading(page)).to_have_text(question_text(evaluate({"request": "child-protection"}).next_question))
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_label(option_label("request", "child-protection"), exact=True)).to_be_checked()
    finally:
        context.close()
