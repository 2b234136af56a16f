"""What the browser tests of the checklist page share: the routes to each outcome, and how to drive the page."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from checklist import QUESTIONS, Result, evaluate, load_checklist

# Pyodide boots in a few seconds; allow for a busy machine.
PYTHON_TIMEOUT_MS = 60_000
READY = "The checklist is ready."


def every_answer_set() -> Iterator[dict[str, str]]:
    """Every combination of answers: each question unanswered or given any of its values."""
    for values in itertools.product(*((None, *question.values) for question in QUESTIONS)):
        yield {q.id: value for q, value in zip(QUESTIONS, values, strict=True) if value is not None}


def walk(answers: dict[str, str]) -> tuple[list[tuple[str, str]], Result]:
    """The questions the checklist asks, in order, when these are the answers, and where it ends."""
    asked: dict[str, str] = {}
    while (result := evaluate(asked)).verdict is None:
        asked[result.next_question] = answers[result.next_question]
    return list(asked.items()), result


def route_to_each_verdict() -> dict[str, list[tuple[str, str]]]:
    """For every verdict the shortest route of answers that reaches it, computed by CPython."""
    routes: dict[str, list[tuple[str, str]]] = {}
    for answers in every_answer_set():
        if len(answers) == len(QUESTIONS):
            route, result = walk(answers)
            if result.verdict not in routes or len(route) < len(routes[result.verdict]):
                routes[result.verdict] = route
    assert sorted(routes) == sorted(verdict.id for verdict in load_checklist().verdicts)
    return routes


def option_label(question_id: str, value: str) -> str:
    return load_checklist().question(question_id).option(value).label


def question_text(question_id: str) -> str:
    return load_checklist().question(question_id).text


def open_checklist(browser: Browser, site_url: str, **context_options: object) -> tuple[BrowserContext, Page]:
    """A fresh context (no shared storage) with the checklist page open."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    return context, page


def heading(page: Page) -> Locator:
    """The heading of the checklist's current screen: a question, the check of the answers, or the outcome."""
    return page.locator("#checklist-app h2.cl-heading")


def expect_question(page: Page, question_id: str) -> None:
    """The question is shown, and the keyboard focus is on its heading."""
    expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
    expect(heading(page)).to_be_focused()


def answer_by_clicking(page: Page, question_id: str, value: str) -> None:
    page.get_by_label(option_label(question_id, value), exact=True).click()
    page.get_by_role("button", name="Continue").click()


def focused(page: Page) -> dict[str, str]:
    """The focused element: its tag, its type and value (for an input) and its text or label."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            const text = (e.labels && e.labels.length ? e.labels[0] : e).textContent.trim();
            return { tag: e.tagName.toLowerCase(), type: e.type || "", value: e.value || "", text };
        }"""
    )


def tab_to(page: Page, wanted: Callable[[dict[str, str]], bool], what: str, limit: int = 40) -> None:
    """Press Tab until the focused element is the wanted one."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted(focused(page)):
            return
    raise AssertionError(f"{what} cannot be reached with the Tab key")


def answer_by_keyboard(page: Page, question_id: str, value: str) -> None:
    """Tab into the radios, move to the answer with the arrow keys, select it, then Tab to Continue and press Enter."""
    tab_to(page, lambda element: element["type"] == "radio", "the answers")
    for _ in load_checklist().question(question_id).values:
        if focused(page)["value"] == value:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.get_by_label(option_label(question_id, value), exact=True)).to_be_checked()
    tab_to(page, lambda element: element["text"] == "Continue", "Continue")
    page.keyboard.press("Enter")
