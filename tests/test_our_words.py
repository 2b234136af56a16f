"""Our own words never claim more than the guidance: every "must" we write stands on a must of the GMC.

In GMC guidance "must" is an overriding duty. A "must" in a step, a summary or an outcome
that the guidance states only as a "should" would tell a doctor they have no choice where
they have one; these tests read every piece of our words the checklist and the site show.
"""

from __future__ import annotations

import re

from checklist import load_checklist, load_guidance
from checklist.rules import RULES
from checklist.scenarios import load_scenarios

MUST = re.compile(r"\bmust\b", re.IGNORECASE)


def _says_must(text: str) -> bool:
    return bool(MUST.search(text))


def test_every_step_that_says_must_applies_a_must_clause_or_summary_point() -> None:
    strengths = {statement.id: statement.strength for statement in load_guidance().statements()}
    for action in load_checklist().actions:
        if _says_must(action.text):
            assert action.strength == "must", action.id
            assert any(strengths[clause] == "must" for clause in action.clauses), action.id


def test_every_summary_point_that_says_must_summarises_a_must_of_the_gmc() -> None:
    for reference in load_guidance().cross_references:
        assert not _says_must(reference.summary), reference.id
        for point in reference.points:
            assert _says_must(point.text) == (point.strength == "must"), point.id


def test_an_outcome_that_says_must_always_gives_a_must_step() -> None:
    checklist = load_checklist()
    for rule in RULES:
        verdict = checklist.verdict(rule.verdict)
        if _says_must(f"{verdict.title} {verdict.text}"):
            must_steps = [s for s in rule.steps if checklist.action(s.action).strength == "must"]
            assert any(step.when is None for step in must_steps), rule.verdict


def test_questions_hints_glossary_and_cards_never_say_must() -> None:
    checklist, guidance = load_checklist(), load_guidance()
    words = [
        *(f"{q.text} {q.hint}" for q in checklist.questions),
        *(f"{o.label} {o.hint}" for q in checklist.questions for o in q.options),
        *(f"{entry.term} {entry.definition}" for entry in guidance.glossary),
        *(" ".join([s.title, s.requester, s.story, *s.discussion]) for s in load_scenarios()),
        guidance.document.edition_note,
    ]
    said = [text for text in words if _says_must(text)]
    assert not said, said


def test_the_seek_advice_outcome_calls_public_protection_a_should_and_a_formal_review_a_must() -> None:
    text = load_checklist().verdict("seek-advice").text
    assert "a formal review (must)" in text and "public-protection arrangements (should)" in text
    assert "duty to cooperate" not in text
