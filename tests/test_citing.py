"""How a citation is worded: once, in the package, for the record, the generated pages and the browser's screens."""

from __future__ import annotations

import json

import pytest

from checklist import QUESTIONS, evaluate, load_guidance
from checklist.browser import evaluate_json
from checklist.citing import (
    CitedPart,
    ParagraphRef,
    citation_heading,
    cited_change,
    cited_data,
    cited_paragraphs,
    duty_label,
    listed,
    listed_paragraphs,
    named_paragraphs,
)
from checklist.screens import outcome_screen, question_data

DUTIES = {"must": "Must", "should": "Should"}


def cited_text(parts: tuple[CitedPart, ...] | list[CitedPart]) -> str:
    """A citation as plain text: its words, and its paragraph ids unlinked."""
    return "".join(part.paragraph if isinstance(part, ParagraphRef) else part for part in parts)


REFUSED_NO_BASIS = {
    "request": "child-protection",
    "identity": "checked",
    "purpose": "understood",
    "consent": "refused",
    "public_interest": "no",
}


@pytest.mark.parametrize(
    ("ids", "lead", "words"),
    [
        (["46"], "From", "From paragraph 46"),
        (["48", "48a"], "From", "From paragraphs 48 and 48a"),
        (["46", "48c", "31"], "see", "see paragraphs 46, 48c and 31"),
        (["31", "32", "34", "Confidentiality 21"], "see", "see paragraphs 31, 32, 34 and Confidentiality 21"),
    ],
)
def test_the_phrase_names_one_paragraph_or_lists_several_with_and(ids: list[str], lead: str, words: str) -> None:
    parts = cited_paragraphs(ids, lead=lead)
    assert cited_text(parts) == words
    assert [part.paragraph for part in parts if isinstance(part, ParagraphRef)] == ids, "each id a part of its own"
    assert all(isinstance(part, str) for part in parts[::2]), "words and ids alternate, words first"


def test_the_parts_reach_json_as_words_and_paragraph_ids() -> None:
    assert cited_data(cited_paragraphs(["48", "48a"])) == [
        "From paragraphs ",
        {"paragraph": "48"},
        " and ",
        {"paragraph": "48a"},
    ]


def test_the_browser_gets_each_question_and_step_cited_in_the_packages_words() -> None:
    for question in QUESTIONS:
        assert question_data(question)["cited"] == cited_data(cited_paragraphs(question.paragraphs))
    [outcome] = json.loads(evaluate_json(json.dumps([{"answers": REFUSED_NO_BASIS}])))
    steps = outcome["screen"]["actions"]
    record = evaluate(REFUSED_NO_BASIS).to_dict()
    assert [step["cited"] for step in steps] == [
        cited_data(cited_paragraphs(action["paragraphs"], lead="see")) for action in record["actions"]
    ]
    assert "see paragraphs 48c and 31" in [
        cited_text([p if isinstance(p, str) else ParagraphRef(**p) for p in s["cited"]]) for s in steps
    ]
    assert [step["duty"] for step in steps] == [
        {"must": "Must", "should": "Should"}[a["strength"]] for a in record["actions"]
    ]
    assert outcome["screen"] == outcome_screen(outcome["record"])


def test_the_duty_tag_and_what_a_cited_paragraph_is_called() -> None:
    assert (duty_label("must"), duty_label("should"), duty_label("context")) == ("Must", "Should", None)
    guidance = load_guidance()
    assert citation_heading("48", guidance) == "Paragraph 48: the GMC's words"
    assert citation_heading("31", guidance) == guidance.referred("31").label
    screen = outcome_screen(evaluate(REFUSED_NO_BASIS).to_dict())
    summary = next(c for c in screen["citations"] if c["paragraph"] == "31")
    assert not summary["quoted"] and summary["heading"] == guidance.referred("31").label
    assert [p["duty"] for p in summary["points"]] == [duty_label(p.strength) for p in guidance.referred("31").points]


def test_a_change_in_the_paragraphs_cited_is_said_once_for_every_comparison() -> None:
    assert cited_change(["31", "48"], ["31", "49"]) == "31, 49 (adds 49; drops 48)"
    assert cited_change(["31"], ["31", "49"]) == "31, 49 (adds 49)"
    assert cited_change(["31", "48"], ["31", "48"]) == "31, 48 (no change)"


@pytest.mark.parametrize(("ids", "words"), [(["46"], "paragraph 46"), (["47", "48", "31"], "paragraphs 47, 48, 31")])
def test_a_steps_paragraphs_are_named_then_listed_as_a_table_lists_them(ids: list[str], words: str) -> None:
    parts = named_paragraphs(ids)
    assert cited_text(parts) == words
    assert cited_text(listed_paragraphs(ids)) == listed(ids)
    assert [part.paragraph for part in parts if isinstance(part, ParagraphRef)] == ids, "each id a part of its own"
