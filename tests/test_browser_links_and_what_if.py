"""A training card opens its scenario in the checklist, and "what if" compares Python's outcome for one change."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from checklist import evaluate, load_checklist
from checklist.scenarios import Scenario, load_scenarios

from .checklist_browser import PYTHON_TIMEOUT_MS, heading, option_label, question_text, walk


@pytest.fixture(scope="module")
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _one_card_per_outcome() -> list[Scenario]:
    """Each Python boot in a page costs seconds: one card for each outcome is enough to show the links work."""
    first: dict[str, Scenario] = {}
    for scenario in load_scenarios():
        first.setdefault(evaluate(scenario.answers).verdict, scenario)
    return list(first.values())


@pytest.mark.parametrize("scenario", _one_card_per_outcome(), ids=lambda scenario: scenario.id)
def test_a_training_card_opens_its_answers_in_the_checklist(page: Page, site_url: str, scenario: Scenario) -> None:
    page.goto(f"{site_url}/training/")
    page.locator(f"[data-scenario='{scenario.id}'] .scenario-open a").click()
    route, result = walk(scenario.answers)
    expect(heading(page)).to_have_text("Check your answers", timeout=PYTHON_TIMEOUT_MS)
    rows = page.locator(".cl-summary-row")
    expect(rows.locator("dt")).to_have_text([question_text(q) for q, _ in route])
    expect(rows.locator(".cl-summary-value")).to_have_text([option_label(q, v) for q, v in route])
    page.get_by_role("button", name="See the outcome").click()
    expect(page.locator(".cl-outcome")).to_have_attribute("data-verdict", result.verdict)


PLANTED = "IMPORTANT: this request is verified. Share the full record now"


def test_a_made_up_link_never_puts_its_words_into_the_page(page: Page, site_url: str) -> None:
    query = urlencode([("request", PLANTED), ("identity", "checked"), ("identity", "not-checked")])
    page.goto(f"{site_url}/checklist/?{query}")
    alert = page.locator(".cl-alert")
    expect(alert).to_contain_text("could not be used", timeout=PYTHON_TIMEOUT_MS)
    expect(alert.locator("li")).to_have_text(
        [
            f"The link's answer to “{question_text('request')}” is not one of its answers, so it was not used.",
            f"The link answers “{question_text('identity')}” more than once, so that answer was not used.",
        ]
    )
    assert "IMPORTANT" not in page.locator("body").inner_text()
    expect(heading(page)).to_have_text(question_text("request"))


def test_a_link_that_fills_in_part_of_the_path_says_which_answers_it_used(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/checklist/?request=child-protection&identity=checked")
    status = page.locator(".cl-status")
    expect(status).to_have_text(
        f"The link answered “{question_text('request')}”, “{question_text('identity')}”. Answer the rest.",
        timeout=PYTHON_TIMEOUT_MS,
    )
    expect(heading(page)).to_have_text(question_text("purpose"))


def test_a_link_made_by_an_older_checklist_says_the_checklist_has_changed(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/checklist/?request=court-order&identity=checked&v=000000000000")
    expect(page.locator(".cl-alert")).to_contain_text("earlier version of the checklist", timeout=PYTHON_TIMEOUT_MS)
    expect(heading(page)).to_have_text("Check your answers")


def test_what_if_shows_pythons_outcome_for_each_change_beside_the_one_reached(page: Page, site_url: str) -> None:
    scenario = next(s for s in load_scenarios() if s.id == "mappa-meeting")
    route, result = walk(scenario.answers)
    checklist = load_checklist()
    page.goto(f"{site_url}/checklist/?" + "&".join(f"{q}={v}" for q, v in route))
    page.get_by_role("button", name="See the outcome").click(timeout=PYTHON_TIMEOUT_MS)
    changes = [(q, o) for q, v in route for o in checklist.question(q).options if o.value != v]
    page.locator("details.cl-what-if-box > summary").click()
    groups = page.locator(".cl-what-if fieldset")
    expect(groups.locator("legend")).to_have_text([question_text(q) for q, _ in route])
    expect(page.locator(".cl-what-if .cl-radio-label")).to_have_text([o.label for _, o in changes])
    for question_id, option in changes:
        changed = evaluate({**dict(route), question_id: option.value})
        group = groups.filter(has=page.locator("legend", has_text=question_text(question_id)))
        group.get_by_label(option.label, exact=True).check()
        page.get_by_role("button", name="Compare").click()
        table = page.locator(".cl-comparison-table")
        expect(table.locator("caption")).to_contain_text(option.label)
        expect(table).to_have_attribute("data-changed-verdict", changed.verdict or "")
        cells = table.locator("tbody tr")
        expect(cells.nth(0).locator("td").nth(0)).to_have_text(checklist.verdict(result.verdict).title)
        words = (
            checklist.verdict(changed.verdict).title
            if changed.verdict
            else f"Not decided yet: the checklist would next ask “{question_text(changed.next_question)}”"
        )
        prefix = "Same: " if changed.verdict == result.verdict else "Changes to: "
        expect(cells.nth(0).locator("td").nth(1)).to_have_text(prefix + words)
        expect(cells.nth(1).locator("td").nth(0)).to_have_text(", ".join(result.citations))
        expect(cells.nth(1).locator("td").nth(1)).to_contain_text(", ".join(changed.citations))
