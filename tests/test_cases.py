"""The expected outcomes written out by hand in tests/cases.toml: each case's answers give its outcome."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checklist import evaluate, load_checklist

CASES = tomllib.loads((Path(__file__).parent / "cases.toml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_each_written_case_gives_its_outcome_steps_and_citations(case: dict) -> None:
    assert set(case) == {"name", "answers", "verdict", "steps", "citations"}, "a case has exactly these fields"
    result = evaluate(case["answers"])
    assert result.verdict == case["verdict"]
    assert [action.id for action in result.actions] == case["steps"]
    assert list(result.citations) == case["citations"]


def test_the_cases_reach_every_outcome() -> None:
    assert {case["verdict"] for case in CASES} == {verdict.id for verdict in load_checklist().verdicts}
