"""The browser's Back and Forward move between the checklist's screens, and a reload keeps the tab's place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    answer_by_clicking,
    heading,
    open_checklist,
    option_label,
    question_text,
    route_to_each_verdict,
)

ROUTE = route_to_each_verdict()["share-relevant"]


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context, page = open_checklist(browser, site_url)
    yield page
    context.close()


def expect_answered(page: Page, question_id: str, value: str) -> None:
    expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
    expect(page.get_by_label(option_label(question_id, value), exact=True)).to_be_checked()


def test_back_and_forward_move_between_questions_keeping_each_answer(page: Page) -> None:
    (first, first_value), (second, second_value), (third, _) = ROUTE[:3]
    answer_by_clicking(page, first, first_value)
    answer_by_clicking(page, second, second_value)
    expect(heading(page)).to_have_text(question_text(third), timeout=PYTHON_TIMEOUT_MS)
    page.go_back()
    expect_answered(page, second, second_value)
    page.go_back()
    expect_answered(page, first, first_value)
    page.go_forward()
    expect_answered(page, second, second_value)
    assert "?" not in page.url and second_value not in page.url, "answers are never put in the address"


def test_a_reload_keeps_the_tabs_place_and_answers(page: Page) -> None:
    for question_id, value in ROUTE[:2]:
        answer_by_clicking(page, question_id, value)
    expect(heading(page)).to_have_text(question_text(ROUTE[2][0]), timeout=PYTHON_TIMEOUT_MS)
    page.reload()
    expect(heading(page)).to_have_text(question_text(ROUTE[2][0]), timeout=PYTHON_TIMEOUT_MS)
    page.go_back()
    expect_answered(page, *ROUTE[1])


def test_back_from_the_outcome_returns_to_the_check_of_the_answers_and_forward_to_the_outcome(page: Page) -> None:
    for question_id, value in ROUTE:
        answer_by_clicking(page, question_id, value)
    page.get_by_role("button", name="See the outcome").click()
    expect(page.locator(".cl-outcome")).to_have_attribute("data-verdict", "share-relevant")
    page.go_back()
    expect(heading(page)).to_have_text("Check your answers")
    page.go_forward()
    expect(page.locator(".cl-outcome")).to_have_attribute("data-verdict", "share-relevant")
    page.reload()
    expect(page.locator(".cl-outcome")).to_have_attribute("data-verdict", "share-relevant", timeout=PYTHON_TIMEOUT_MS)


def test_answers_an_earlier_version_kept_in_the_tabs_history_start_the_checklist_again(page: Page) -> None:
    expect(page.locator(".cl-status")).to_have_text("The checklist is ready.", timeout=PYTHON_TIMEOUT_MS)
    for kept in (
        {"checklist": True, "place": {"screen": "check"}, "asked": ["request"], "values": {"request": "gone"}},
        {"checklist": True, "place": {"screen": "question", "id": "mood"}, "asked": [], "values": {}},
    ):
        page.evaluate("(entry) => history.replaceState(entry, '')", kept)
        page.reload()
        expect(page.locator(".cl-status")).to_have_text(
            "Your earlier answers do not fit this version of the checklist, so it starts again.",
            timeout=PYTHON_TIMEOUT_MS,
        )
        expect(heading(page)).to_have_text(question_text("request"))
        expect(page.locator(".cl-alert")).to_be_empty()
