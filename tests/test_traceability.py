"""Every duty of paragraphs 46–50 reaches the checklist, and the decision page matches the rules."""

from __future__ import annotations

import re
from functools import cache
from html import unescape

from checklist import Result, evaluate, flow, load_checklist, load_guidance, plain_text
from checklist.citing import SUMMARY_NOTE
from checklist.rules import RULES
from site_build.pages.decision_page import render_decision_page

FULL_ANSWER_SETS = list(flow.answer_sets(partial=False))
ROW = re.compile(r'<tr data-answers="([^"]*)" data-verdict="([^"]*)">')


@cache
def page() -> str:
    return render_decision_page()


def outcomes() -> list[Result]:
    return [evaluate(answers) for answers in FULL_ANSWER_SETS]


def test_every_must_and_should_clause_and_summary_point_is_applied_by_a_step_the_checklist_gives() -> None:
    cited = {clause for result in outcomes() for action in result.actions for clause in action.clauses}
    duties = [s for s in load_guidance().statements() if s.strength in ("must", "should")]
    assert {s.paragraph for s in duties if not s.quoted} >= {"32", "34", "35", "38", "43", "44", "45"}
    unmapped = [f"{s.id} ({s.strength})" for s in duties if s.id not in cited]
    assert not unmapped, f"clauses or summary points no step of the checklist applies: {', '.join(unmapped)}"


def test_a_step_drawn_from_a_referred_paragraph_carries_that_paragraphs_own_strength() -> None:
    guidance, checklist = load_guidance(), load_checklist()
    strengths = {s.id: s.strength for s in guidance.statements()}
    expected = {"32.1": "must", "45.3": "must", "44.2": "must", "34.1": "should", "35.1": "should"}
    assert {point: strengths[point] for point in expected} == expected
    expected |= {"38.1": "should", "38.2": "should", "43.1": "should", "44.1": "should", "45.1": "should"}
    for action in checklist.actions:
        for clause in action.clauses:
            if clause in expected:
                assert action.strength == expected[clause], action.id


def test_every_rule_encodes_clauses_that_exist_and_paragraphs_that_can_be_cited() -> None:
    statement_ids = {s.id for s in load_guidance().statements()}
    citable = set(load_guidance().citable_paragraphs())
    for rule in RULES:
        assert set(rule.clauses) <= statement_ids, rule.name
        assert rule.clauses and set(rule.paragraphs) <= citable, rule.name


def test_every_outcome_and_action_in_the_data_is_reachable() -> None:
    results = outcomes()
    checklist = load_checklist()
    assert {r.verdict for r in results} == {v.id for v in checklist.verdicts}
    assert {a.id for r in results for a in r.actions} == {a.id for a in checklist.actions}


def test_page_shows_every_path_and_each_matches_evaluate() -> None:
    rows = [(dict(pair.split("=") for pair in given.split()), verdict) for given, verdict in ROW.findall(page())]
    assert len(rows) == 35
    for answers, verdict in rows:
        assert evaluate(answers).verdict == verdict, answers
    for answers in FULL_ANSWER_SETS:
        matching = [verdict for path, verdict in rows if path.items() <= answers.items()]
        assert matching == [evaluate(answers).verdict], answers


def test_page_quotes_every_clause_each_rule_encodes_exactly_and_flags_summaries() -> None:
    guidance = load_guidance()
    text = unescape(page())
    points = {p.id: (x.paragraph, p) for x in guidance.cross_references for p in x.points}
    for rule in RULES:
        for clause in guidance.clauses():
            if clause.id in rule.clauses:
                assert f'data-clause="{clause.id}"><p>{plain_text(clause.segments, guidance)}</p>' in text
        for encoded in rule.clauses:
            if encoded in points:
                paragraph, point = points[encoded]
                assert (
                    f'<section class="summary" data-paragraph="{paragraph}" data-point="{encoded}">'
                    f'<p class="our-words-label">{SUMMARY_NOTE}</p><p>{point.text}</p>'
                ) in text


def test_page_links_cited_paragraphs_to_their_anchors_on_the_guidance_page() -> None:
    source = page()
    links = set(re.findall(r"\]\(guidance\.md#([a-z0-9-]+)\)", source))
    guidance = load_guidance()
    anchors = {p.anchor for p in guidance.paragraphs} | {f"xref-{x.id}" for x in guidance.cross_references}
    assert links <= anchors
    assert {"para-46", "para-47", "para-48a", "para-48b", "para-48c", "para-49", "para-50", "xref-para-31"} <= links
    assert {"xref-para-32", "xref-para-35", "xref-para-45", "xref-confidentiality-21"} <= links
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


def test_page_names_one_cited_paragraph_paragraph_and_several_paragraphs() -> None:
    cited = re.findall(r"\((paragraphs?) ((?:\[[^]]+\]\([^)]+\))(?:, \[[^]]+\]\([^)]+\))*)\)", page())
    counts = {(word, links.count("](")) for word, links in cited}
    assert ("paragraph", 1) in counts and any(word == "paragraphs" and n > 1 for word, n in counts), counts
    assert all((word == "paragraphs") == (n > 1) for word, n in counts), counts
