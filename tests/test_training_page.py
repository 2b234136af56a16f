"""Each training card's reveal, in the built site, is exactly what ``evaluate`` gives for its answers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from checklist import evaluate, load_checklist, load_guidance
from checklist.rules import decision_table_version
from checklist.scenarios import Scenario, load_scenarios


@pytest.fixture(scope="module")
def training_page(built_site: Path) -> BeautifulSoup:
    return BeautifulSoup((built_site / "training" / "index.html").read_text(encoding="utf-8"), "html.parser")


def _anchor(paragraph_id: str) -> str:
    guidance = load_guidance()
    reference = guidance.referred(paragraph_id)
    return f"xref-{reference.id}" if reference else guidance.paragraph(paragraph_id).anchor


def _check_outcome(block: Tag, scenario: Scenario) -> None:
    result = evaluate(scenario.answers)
    checklist = load_checklist()
    verdict = block.select_one(".scenario-verdict")
    assert verdict["data-verdict"] == result.verdict
    assert checklist.verdict(result.verdict).title in verdict.get_text()
    steps = block.select("ol > li")
    assert len(steps) == len(result.actions)
    for step, action in zip(steps, result.actions, strict=True):
        assert action.text in step.get_text()
        assert step.select_one(".duty-tag").get_text() == action.strength.capitalize()
        assert [a["href"].split("#")[1] for a in step.select("a")] == [_anchor(p) for p in action.paragraphs]
    cited = block.find(string="Paragraphs cited:").find_parent("p")
    assert [a.get_text() for a in cited.select("a")] == list(result.citations)
    assert [a["href"] for a in cited.select("a")] == [f"../guidance/#{_anchor(p)}" for p in result.citations]


def test_every_card_reveal_equals_evaluate_on_its_answers(training_page: BeautifulSoup) -> None:
    scenarios = load_scenarios()
    cards = training_page.select("[data-scenario]")
    assert [card["data-scenario"] for card in cards] == [scenario.id for scenario in scenarios]
    for card, scenario in zip(cards, scenarios, strict=True):
        _check_outcome(card.select_one("details.scenario-reveal"), scenario)


def test_the_answer_sheet_repeats_every_outcome(training_page: BeautifulSoup) -> None:
    for scenario in load_scenarios():
        _check_outcome(training_page.select_one(f"[data-scenario-answer='{scenario.id}']"), scenario)


def test_open_in_checklist_prefills_the_cards_answers(training_page: BeautifulSoup) -> None:
    for scenario in load_scenarios():
        link = training_page.select_one(f"[data-scenario='{scenario.id}'] .scenario-open a")
        url = urlsplit(link["href"])
        assert url.path == "../checklist/"
        assert dict(parse_qsl(url.query)) == {**scenario.answers, "v": decision_table_version()}


def test_what_if_shows_each_single_change_beside_the_story(training_page: BeautifulSoup) -> None:
    checklist = load_checklist()
    for scenario in load_scenarios():
        result = evaluate(scenario.answers)
        rows = training_page.select(f"[data-scenario='{scenario.id}'] details.scenario-what-if tbody tr")
        changes = [
            (q, o.value)
            for q in scenario.answers
            for o in checklist.question(q).options
            if o.value != scenario.answers[q]
        ]
        assert len(rows) == 1 + len(changes)
        assert rows[0].select("td")[2].get_text() == ", ".join(result.citations)
        for row, (question_id, value) in zip(rows[1:], changes, strict=True):
            changed = evaluate({**scenario.answers, question_id: value})
            cells = row.select("td")
            assert checklist.question(question_id).option(value).label in cells[0].get_text()
            if changed.verdict is None:
                assert checklist.question(changed.next_question).text in cells[1].get_text()
            else:
                assert checklist.verdict(changed.verdict).title in cells[1].get_text()
                assert cells[1].get_text().startswith("Same" if changed.verdict == result.verdict else "Changes to")
            assert cells[2].get_text().startswith(", ".join(changed.citations))
