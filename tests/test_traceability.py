"""Every duty of paragraphs 46–50 reaches the checklist, and the decision page matches the rules."""

from __future__ import annotations

import itertools
import re
import sys
from functools import cache
from html import unescape
from pathlib import Path

from checklist import QUESTIONS, Result, evaluate, load_checklist, load_guidance, plain_text
from checklist.questions import citable_paragraphs
from checklist.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from decision_page import render_decision_page  # noqa: E402

FULL_ANSWER_SETS = [
    dict(zip([q.id for q in QUESTIONS], values, strict=True))
    for values in itertools.product(*[q.values for q in QUESTIONS])
]
ROW = re.compile(r'<tr data-answers="([^"]*)" data-verdict="([^"]*)">')


@cache
def page() -> str:
    return render_decision_page()


def outcomes() -> list[Result]:
    return [evaluate(answers) for answers in FULL_ANSWER_SETS]


def test_every_must_and_should_clause_is_applied_by_a_step_the_checklist_gives() -> None:
    cited = {clause for result in outcomes() for action in result.actions for clause in action.clauses}
    duties = [c for c in load_guidance().clauses() if c.strength in ("must", "should")]
    unmapped = [f"{c.id} ({c.strength})" for c in duties if c.id not in cited]
    assert not unmapped, f"clauses no step of the checklist applies: {', '.join(unmapped)}"


def test_every_rule_encodes_clauses_that_exist_and_paragraphs_that_can_be_cited() -> None:
    clause_ids = {c.id for c in load_guidance().clauses()}
    citable = set(citable_paragraphs(load_guidance()))
    for rule in RULES:
        assert set(rule.clauses) <= clause_ids, rule.name
        assert rule.clauses and set(rule.paragraphs) <= citable, rule.name


def test_every_outcome_and_action_in_the_data_is_reachable() -> None:
    results = outcomes()
    checklist = load_checklist()
    assert {r.verdict for r in results} == {v.id for v in checklist.verdicts}
    assert {a.id for r in results for a in r.actions} == {a.id for a in checklist.actions}


def test_page_shows_every_path_and_each_matches_evaluate() -> None:
    rows = [(dict(pair.split("=") for pair in given.split()), verdict) for given, verdict in ROW.findall(page())]
    assert len(rows) == 38
    for answers, verdict in rows:
        assert evaluate(answers).verdict == verdict, answers
    for answers in FULL_ANSWER_SETS:
        matching = [verdict for path, verdict in rows if path.items() <= answers.items()]
        assert matching == [evaluate(answers).verdict], answers


def test_page_quotes_every_clause_each_rule_encodes_exactly_and_flags_summaries() -> None:
    guidance = load_guidance()
    text = unescape(page())
    for rule in RULES:
        for clause in guidance.clauses():
            if clause.id in rule.clauses:
                assert f'data-clause="{clause.id}"><p>{plain_text(clause.segments, guidance)}</p>' in text
    for paragraph_id in ("31",):
        summary = guidance.cross_reference(f"para-{paragraph_id}").summary
        assert f'<section class="summary" data-paragraph="{paragraph_id}">' in text
        assert "Summary in our words, not a quotation" in text
        assert summary in text


def test_page_links_cited_paragraphs_to_their_anchors_on_the_guidance_page() -> None:
    source = page()
    links = set(re.findall(r"\]\(guidance\.md#([a-z0-9-]+)\)", source))
    anchors = {p.anchor for p in load_guidance().paragraphs} | {"xref-para-31", "xref-para-38"}
    assert links <= anchors
    assert {"para-46", "para-47", "para-48a", "para-48b", "para-48c", "para-49", "para-50", "xref-para-31"} <= links
    assert "](other.md#para-47)" in render_decision_page("other.md")


def test_page_leaves_nothing_for_markdown_to_turn_into_emphasis() -> None:
    labels = re.sub(r"\*\*[A-Za-z ]+:\*\*", "", page())
    assert "*" not in labels and "_" not in re.sub(r"[a-z_]+=", "", labels.replace("our-words", ""))
    assert "&#42;" in labels, "the footnote marks of the guidance are kept, as entities"


def test_page_has_an_accessible_flow_diagram_and_a_text_version() -> None:
    source = page()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in source
    assert 'role="img" aria-labelledby="flow-title flow-desc"' in source
    assert "<details><summary>Text version of the flow diagram</summary>" in source
    for verdict in load_checklist().verdicts:
        assert f"Outcome: {verdict.title}" in unescape(source)
    assert "http" not in source.replace('xmlns="http://www.w3.org/2000/svg"', "")
