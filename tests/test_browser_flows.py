"""The checklist page in a real browser, the rules running in Pyodide: every outcome, by mouse and by keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from checklist import load_checklist, load_guidance
from checklist.citing import CitedPart, ParagraphRef, citation_heading, cited_paragraphs

from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    answer_by_clicking,
    answer_by_keyboard,
    expect_question,
    focused,
    heading,
    open_checklist,
    option_label,
    question_text,
    route_to_each_verdict,
    tab_to,
    walk,
)

ROUTES = route_to_each_verdict()
STRENGTHS = {"must": "Must", "should": "Should"}


def as_shown(parts: tuple[CitedPart, ...]) -> str:
    """The package's citation as the page must show it: its words exactly, each paragraph id a link."""
    return "".join(f"{p.paragraph} (opens in a new tab)" if isinstance(p, ParagraphRef) else p for p in parts)


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context, page = open_checklist(browser, site_url)
    yield page
    context.close()


def expect_check_your_answers(page: Page, route: list[tuple[str, str]]) -> None:
    expect(heading(page)).to_have_text("Check your answers", timeout=PYTHON_TIMEOUT_MS)
    expect(heading(page)).to_be_focused()
    rows = page.locator(".cl-summary-row")
    expect(rows.locator("dt")).to_have_text([question_text(q) for q, _ in route])
    expect(rows.locator(".cl-summary-value")).to_have_text([option_label(q, v) for q, v in route])


def expect_outcome(page: Page, route: list[tuple[str, str]]) -> None:
    """The outcome shows what CPython's ``evaluate`` gives for the same answers, linked to the guidance."""
    record = walk(dict(route))[1].to_dict()
    expect(heading(page)).to_have_text(record["verdict"]["title"])
    expect(heading(page)).to_be_focused()
    expect(page.locator(".cl-explanation")).to_have_text(record["verdict"]["explanation"])
    actions = page.locator("ol.cl-actions > li")
    expect(actions.locator(".cl-action-text")).to_have_text([a["text"] for a in record["actions"]])
    expect(actions.locator(".duty-tag")).to_have_text([STRENGTHS[a["strength"]] for a in record["actions"]])
    expect(actions.locator(".cl-cites")).to_have_text(
        [f"({as_shown(cited_paragraphs(a['paragraphs'], lead='see'))})" for a in record["actions"]]
    )
    for index, action in enumerate(record["actions"]):
        links = actions.nth(index).locator(".cl-cites a")
        expect(links).to_have_text([f"{p} (opens in a new tab)" for p in action["paragraphs"]])
        expect(links.first).to_have_attribute("target", "_blank")
        for link, paragraph_id in zip(links.all(), action["paragraphs"], strict=True):
            reference = load_guidance().referred(paragraph_id)
            anchor = f"xref-{reference.id}" if reference else f"para-{paragraph_id}"
            assert link.get_attribute("href") == f"../guidance/#{anchor}"
    citations = page.locator("details.cl-citation")
    expect(citations).to_have_count(len(record["citations"]))
    for details, citation in zip(citations.all(), record["citations"], strict=True):
        assert details.get_attribute("data-paragraph") == citation["paragraph"]
        assert details.get_attribute("open") is None
        expect(details.locator("summary")).to_have_text(citation_heading(citation["paragraph"], load_guidance()))
        if citation["quoted"]:
            quote = details.locator("blockquote")
            expect(quote).to_be_hidden()
            details.locator("summary").click()
            expect(quote).to_have_text(citation["text"])


@pytest.mark.parametrize("verdict", sorted(ROUTES))
def test_each_outcome_by_clicking(page: Page, verdict: str) -> None:
    route = ROUTES[verdict]
    for number, (question_id, value) in enumerate(route):
        if number:
            expect_question(page, question_id)
        else:
            expect(heading(page)).to_have_text(question_text(question_id))
        cited = cited_paragraphs(load_checklist().question(question_id).paragraphs)
        expect(page.locator("form.cl-form .cl-cites")).to_have_text(as_shown(cited))
        answer_by_clicking(page, question_id, value)
    expect_check_your_answers(page, route)
    page.get_by_role("button", name="See the outcome").click()
    expect_outcome(page, route)


def test_every_outcome_by_keyboard_alone(page: Page) -> None:
    """All outcomes one after another, with Start again between them, never touching the mouse.

    Each control the focus stops on is on screen and shows a focus indicator (see ``tab_to``).
    """
    expect(page.locator("#checklist-app h2.cl-heading")).not_to_be_focused()  # no focus taken on arrival
    for round_number, verdict in enumerate(sorted(ROUTES)):
        route = ROUTES[verdict]
        for number, (question_id, value) in enumerate(route):
            if number or round_number:
                expect_question(page, question_id)
            answer_by_keyboard(page, question_id, value)
        expect_check_your_answers(page, route)
        tab_to(page, lambda element: element["text"] == "See the outcome", "See the outcome")
        page.keyboard.press("Enter")
        expect(heading(page)).to_have_text(walk(dict(route))[1].to_dict()["verdict"]["title"])
        expect(heading(page)).to_be_focused()
        tab_to(page, lambda element: element["text"] == "Start again", "Start again")
        page.keyboard.press("Enter")
    expect_question(page, ROUTES[sorted(ROUTES)[0]][0][0])


def _change_answer(page: Page, question_id: str) -> None:
    page.get_by_role("button", name=f"Change your answer to: {question_text(question_id)}").click()


def _back_shows_each_earlier_answer_kept(page: Page, answers: dict[str, str]) -> None:
    """Two questions answered, then Back twice: each earlier question comes back with its answer chosen."""
    first, second, third = list(answers)[:3]
    answer_by_clicking(page, first, answers[first])
    expect_question(page, second)
    answer_by_clicking(page, second, answers[second])
    expect_question(page, third)

    page.get_by_role("button", name="Back").click()
    expect_question(page, second)
    expect(page.get_by_label(option_label(second, answers[second]), exact=True)).to_be_checked()
    page.get_by_role("button", name="Back").click()
    expect_question(page, first)
    expect(page.get_by_label(option_label(first, answers[first]), exact=True)).to_be_checked()
    expect(page.get_by_role("button", name="Back")).to_have_count(0)


def _a_change_of_request_drops_answers_and_changing_back_replays_them(
    page: Page, answers: dict[str, str], route: list[tuple[str, str]]
) -> None:
    # A court order needs fewer answers: the questions it does not ask drop out of the summary...
    court_order = {**answers, "request": "court-order"}
    _change_answer(page, "request")
    expect_question(page, "request")
    answer_by_clicking(page, "request", "court-order")
    expect_check_your_answers(page, walk(court_order)[0])

    # ...and changing back brings the remembered answers back, without asking them again.
    _change_answer(page, "request")
    answer_by_clicking(page, "request", answers["request"])
    expect_check_your_answers(page, route)
    page.get_by_role("button", name="See the outcome").click()
    expect_outcome(page, route)


def _a_change_needing_a_new_answer_asks_for_it(
    page: Page, answers: dict[str, str], route: list[tuple[str, str]]
) -> None:
    """Back from the outcome, a changed answer that needs a new one asks for it; Back from there returns to the
    question before."""
    refused = {**answers, "consent": "refused", "public_interest": "no"}
    new_route, _ = walk(refused)
    page.get_by_role("button", name="Back").click()
    _change_answer(page, "consent")
    answer_by_clicking(page, "consent", "refused")
    new_question = new_route[len(route)][0]
    expect_question(page, new_question)
    page.get_by_role("button", name="Back").click()
    expect_question(page, "consent")
    answer_by_clicking(page, "consent", "refused")
    answer_by_clicking(page, new_question, refused[new_question])
    expect_check_your_answers(page, new_route)


def test_back_keeps_answers_and_a_change_replays_the_remembered_ones(page: Page) -> None:
    route = ROUTES["share-relevant"]
    answers = dict(route)
    _back_shows_each_earlier_answer_kept(page, answers)
    for question_id, value in route:
        expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
        answer_by_clicking(page, question_id, value)
    expect_check_your_answers(page, route)
    _a_change_of_request_drops_answers_and_changing_back_replays_them(page, answers, route)
    _a_change_needing_a_new_answer_asks_for_it(page, answers, route)


def test_continue_without_an_answer_shows_the_error_summary(page: Page) -> None:
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".cl-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.locator("h2")).to_have_text("There is a problem")
    assert page.title().startswith("Error: ")
    fieldset = page.locator("fieldset.cl-fieldset")
    expect(fieldset).to_have_attribute("aria-describedby", "cl-question-hint cl-error")
    expect(page.locator("#cl-error")).to_have_text("Error: Select one of the answers")
    summary.get_by_role("link").click()
    assert focused(page)["type"] == "radio"
    answer_by_clicking(page, ROUTES["respond-fully"][0][0], ROUTES["respond-fully"][0][1])
    expect_question(page, ROUTES["respond-fully"][1][0])
    expect(page.locator(".cl-error-summary")).to_have_count(0)
    assert not page.title().startswith("Error: ")


def test_questions_are_fieldsets_with_a_legend_and_described_radios(page: Page) -> None:
    fieldset = page.locator("fieldset.cl-fieldset")
    expect(fieldset.locator("legend h2")).to_have_text(question_text(ROUTES["respond-fully"][0][0]))
    radios = fieldset.locator("input[type=radio]")
    for radio in radios.all():
        hint = page.locator(f"#{radio.get_attribute('aria-describedby')}")
        expect(hint).to_be_visible()
        box = radio.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size
