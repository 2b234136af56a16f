"""Training scenarios: realistic, covering every outcome, validated like the guidance data."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import DataError, evaluate, load_checklist
from checklist.scenarios import load_scenarios

DATA_FILE = Path(__file__).resolve().parent.parent / "checklist" / "data" / "scenarios.toml"


def test_at_least_ten_scenarios_cover_every_outcome() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 10
    verdicts = {evaluate(scenario.answers).verdict for scenario in scenarios}
    assert verdicts == {verdict.id for verdict in load_checklist().verdicts}


def test_scenarios_cover_the_requesters_a_doctor_meets() -> None:
    requests = {scenario.answers["request"] for scenario in load_scenarios()}
    assert requests == {"court-order", "formal-review", "public-protection", "child-protection"}
    requesters = " ".join(scenario.requester.lower() for scenario in load_scenarios())
    for who in ("police", "social worker", "court", "serious case review", "mappa", "solicitor"):
        assert who in requesters


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
        "scenario solicitor-letter",
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
    original = DATA_FILE.read_text(encoding="utf-8")
    assert old in original, f"test case no longer matches the data file: {old!r}"
    broken = tmp_path / "scenarios.toml"
    broken.write_text(original.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_scenarios(broken)
    assert (caught.value.file, caught.value.item, caught.value.field) == (str(broken), item, field), str(caught.value)
    assert words in str(caught.value)
