"""Training scenarios: realistic, covering every outcome, validated like the guidance data."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import evaluate, load_checklist
from checklist.scenarios import load_scenarios

from .bad_data import assert_rejected, edited_copy

DATA_FILE = Path(__file__).resolve().parent.parent / "checklist" / "data" / "scenarios.toml"


def test_at_least_ten_scenarios_cover_every_outcome() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 10
    verdicts = {evaluate(scenario.answers).verdict for scenario in scenarios}
    assert verdicts == {verdict.id for verdict in load_checklist().verdicts}


def test_scenarios_cover_the_requesters_a_doctor_meets() -> None:
    requests = {scenario.answers["request"] for scenario in load_scenarios()}
    assert requests == set(load_checklist().question("request").values)
    requesters = " ".join(scenario.requester.lower() for scenario in load_scenarios())
    for who in ("police", "social worker", "court", "safeguarding practice review", "mappa", "solicitor", "coroner"):
        assert who in requesters


# Each card's answers, re-read against its story. A change to a card's answers or to the rules that changes
# a card's outcome must be a deliberate change here too.
CARD_OUTCOMES = {
    "police-phone-call": "verify-identity",
    "social-worker-with-consent": "share-relevant",
    "court-order": "respond-fully",
    "unverified-court-order": "verify-identity",
    "serious-case-review": "ask-consent",
    "mappa-meeting": "share-relevant",
    "solicitor-letter": "outside-scope",
    "parent-drug-misuse": "share-relevant",
    "everything-you-have": "clarify-request",
    "uncertain-risk": "seek-advice",
    "teenager-refuses": "do-not-share",
    "mappa-no-basis-yet": "seek-advice",
    "coroner-notice": "respond-fully",
}


def test_each_card_reaches_the_outcome_its_story_implies() -> None:
    assert {s.id: evaluate(s.answers).verdict for s in load_scenarios()} == CARD_OUTCOMES


def test_cards_whose_answers_were_wrong_for_their_story_now_fit_it() -> None:
    cards = {s.id: s for s in load_scenarios()}
    assert cards["solicitor-letter"].answers == {"request": "other-purpose"}
    teenager = cards["teenager-refuses"]
    assert teenager.answers["request"] == "child-protection" and "child protection enquir" in teenager.story
    assert teenager.answers["consent"] == "refused" and "her mother says she is happy" in teenager.story
    mappa = cards["mappa-no-basis-yet"]
    assert mappa.answers["identity"] == "checked" and "worked with before" in mappa.story
    assert mappa.answers["public_interest"] == "unsure"


BAD_SCENARIOS = [
    (
        "unknown question",
        'identity = "not-checked" }',
        'identity = "not-checked", mood = "calm" }',
        "scenario police-phone-call",
        "answers.mood",
        "no question 'mood'",
    ),
    (
        "answer not allowed",
        'request = "court-order", identity = "checked" }',
        'request = "court", identity = "checked" }',
        "scenario court-order",
        "answers.request",
        "allowed: court-order",
    ),
    (
        "answers that reach no outcome",
        'answers = { request = "child-protection", identity = "checked", purpose = "unclear" }',
        'answers = { request = "child-protection", identity = "checked" }',
        "scenario everything-you-have",
        "answers",
        "next ask 'purpose'",
    ),
    (
        "duplicate id",
        'id = "everything-you-have"',
        'id = "solicitor-letter"',
        "scenario solicitor-letter",
        "id",
        "duplicate",
    ),
    (
        "unknown key",
        'id = "uncertain-risk"\n',
        'id = "uncertain-risk"\nverdict = "seek-advice"\n',
        "scenario uncertain-risk",
        "verdict",
        "unknown key",
    ),
    (
        "empty story",
        'story = "Late on a Friday',
        'story = "" #',
        "scenario police-phone-call",
        "story",
        "must not be empty",
    ),
]


@pytest.mark.parametrize(
    ("case", "old", "new", "item", "field", "words"), BAD_SCENARIOS, ids=[c[0] for c in BAD_SCENARIOS]
)
def test_bad_scenarios_are_rejected_naming_file_item_and_field(
    tmp_path: Path, case: str, old: str, new: str, item: str, field: str, words: str
) -> None:
    broken = edited_copy(DATA_FILE.read_text(encoding="utf-8"), old, new, tmp_path / "scenarios.toml")
    assert_rejected(load_scenarios, broken, item, field, words)
