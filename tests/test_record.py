"""The decision record: complete, traceable, JSON-ready, and quoting the guidance exactly."""

from __future__ import annotations

import importlib.metadata
import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import QUESTIONS, __version__, evaluate, flow, load_guidance, paragraph_text
from checklist.record import DetailError
from checklist.rules import decision_table_version

ROOT = Path(__file__).resolve().parent.parent
answer_sets = st.fixed_dictionaries({}, optional={q.id: st.sampled_from(q.values) for q in QUESTIONS})
MAPPA_WITH_RISK = {
    "request": "public-protection",
    "identity": "checked",
    "purpose": "understood",
    "consent": "refused",
    "public_interest": "yes",
}


def test_record_holds_answers_with_their_wording_and_labels() -> None:
    record = evaluate({"request": "court-order", "identity": "checked"}, timestamp="2024-05-01T14:30+01:00").to_dict()
    assert [(a["question"], a["text"], a["answer"], a["label"]) for a in record["answers"]] == [
        ("request", "What kind of request is it?", "court-order", "A court order"),
        ("identity", "Have you checked who is asking?", "checked", "Yes, I have checked"),
    ]
    assert record["timestamp"] == "2024-05-01T14:30+01:00"
    assert record["checklist_version"] == __version__


def test_record_names_the_verdict_the_rule_behind_it_and_the_edition() -> None:
    record = evaluate(MAPPA_WITH_RISK).to_dict()
    verdict = record["verdict"]
    assert (verdict["id"], verdict["title"]) == ("share-relevant", "Share the information relevant to the request")
    assert verdict["explanation"]
    assert (verdict["rule"]["number"], verdict["rule"]["name"]) == (6, "condition_for_sharing_met")
    assert verdict["rule"]["outcome"] == "applied"
    assert record["next_question"] is None
    assert record["guidance"]["year"] == 2012
    assert record["guidance"]["title"] == load_guidance().document.title
    assert record["guidance"]["paragraphs"] == "46–50"


def test_actions_carry_strength_paragraphs_and_clauses() -> None:
    actions = evaluate(MAPPA_WITH_RISK).to_dict()["actions"]
    assert actions[0] == {
        "id": "act-quickly",
        "text": actions[0]["text"],
        "strength": "should",
        "paragraphs": ["46"],
        "clauses": ["46.1"],
    }
    assert "quickly" in actions[0]["text"]
    tell = actions[-2]
    assert (tell["id"], tell["paragraphs"], tell["clauses"]) == ("tell-after-sharing", ["49", "38"], ["49.4", "38.1"])


def test_why_this_outcome_links_each_answer_to_the_rules_it_fed() -> None:
    answers = {a["question"]: a for a in evaluate(MAPPA_WITH_RISK).to_dict()["answers"]}
    identity_rules = answers["identity"]["rules"]
    assert [(r["number"], r["outcome"], r["paragraphs"]) for r in identity_rules] == [
        (2, "did not apply", ["48", "48a"])
    ]
    assert [(r["number"], r["outcome"]) for r in answers["public_interest"]["rules"]] == [(6, "applied")]
    assert [a["id"] for a in answers["request"]["actions"]] == ["cooperate-public-protection"]
    assert [a["id"] for a in answers["consent"]["actions"]] == [
        "basis-public-interest",
        "tell-after-sharing",
        "record-sharing",
    ]
    assert all(answer["used"] for answer in answers.values())


def test_an_answer_the_checklist_did_not_need_is_recorded_as_not_used() -> None:
    result = evaluate({"request": "court-order", "identity": "checked", "purpose": "unclear"})
    purpose = next(a for a in result.to_dict()["answers"] if a["question"] == "purpose")
    assert (purpose["used"], purpose["rules"], purpose["actions"]) == (False, [], [])
    not_needed = "Is the request valid, and do you understand it? **No, or not fully**\n    - Not needed"
    assert not_needed in result.to_markdown()


def test_pending_record_names_the_next_question_and_still_cites_46() -> None:
    record = evaluate({"request": "formal-review"}).to_dict()
    assert record["verdict"] is None
    assert record["next_question"] == {"id": "identity", "text": "Have you checked who is asking?"}
    assert [c["paragraph"] for c in record["citations"]] == ["46"]
    assert "Outcome: not decided yet" in evaluate({"request": "formal-review"}).to_markdown()


def test_citations_quote_the_guidance_exactly_with_its_footnotes() -> None:
    guidance = load_guidance()
    citations = {c["paragraph"]: c for c in evaluate(MAPPA_WITH_RISK).to_dict()["citations"]}
    assert list(citations) == ["46", "47", "48c", "49", "31", "38"]
    for paragraph_id in ("46", "47", "48c", "49"):
        assert citations[paragraph_id]["quoted"] is True
        assert citations[paragraph_id]["text"] == paragraph_text(guidance.paragraph(paragraph_id), guidance)
    assert [f["symbol"] for f in citations["47"]["footnotes"]] == ["*", "†"]
    assert citations["47"]["footnotes"][0]["text"].startswith("For example, serious case reviews")
    assert [f["symbol"] for f in citations["49"]["footnotes"]] == ["*"]
    assert citations["49"]["footnotes"][0]["text"].startswith("If you are not sure whether information is relevant")


def test_referred_paragraphs_are_summaries_flagged_as_our_words() -> None:
    citations = {c["paragraph"]: c for c in evaluate(MAPPA_WITH_RISK).to_dict()["citations"]}
    for paragraph_id in ("31", "38"):
        summary = citations[paragraph_id]
        assert summary["quoted"] is False
        assert "text" not in summary
        assert summary["note"] == "Summary in our own words, not a quotation."
        assert summary["summary"] == load_guidance().cross_reference(f"para-{paragraph_id}").summary
    assert len(citations["31"]["points"]) == 3
    markdown = evaluate(MAPPA_WITH_RISK).to_markdown()
    assert "### Paragraph 31: Summary in our own words, not a quotation." in markdown
    assert "> Confidentiality is important" not in markdown


def test_markdown_lists_the_steps_with_their_strength_in_order() -> None:
    markdown = evaluate(MAPPA_WITH_RISK, timestamp="2024-05-01T14:30+01:00").to_markdown()
    assert markdown.startswith("# Decision record")
    assert "## Outcome: Share the information relevant to the request" in markdown
    assert "1. **Should**: Deal with this request seriously and quickly" in markdown
    assert "**Must**" not in markdown
    assert "Time stamp: 2024-05-01T14:30+01:00" in markdown
    assert f"Checklist version: {__version__}" in markdown
    assert "(2012)" in markdown
    review = evaluate({**MAPPA_WITH_RISK, "request": "formal-review"}).to_markdown()
    assert "2. **Must**: Cooperate with the formal review" in review


def test_version_has_one_source_the_package_metadata_reads() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "checklist.version.__version__"}
    assert importlib.metadata.version("checklist") == __version__


@given(answer_sets, st.none() | st.text(max_size=30))
def test_record_is_json_ready_and_reproducible_from_its_own_answers(answers: dict[str, str], stamp: str | None) -> None:
    record = evaluate(answers, timestamp=stamp).to_dict()
    assert json.loads(json.dumps(record)) == record
    again = {a["question"]: a["answer"] for a in record["answers"]}
    assert evaluate(again, timestamp=record["timestamp"]).to_dict() == record


@given(answer_sets)
def test_markdown_quotes_every_cited_paragraph(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    markdown = result.to_markdown()
    for citation in result.to_dict()["citations"]:
        assert (citation["text"] if citation["quoted"] else citation["summary"]) in markdown
        assert f"### Paragraph {citation['paragraph']}" in markdown


def test_evaluate_is_deterministic() -> None:
    first = evaluate(MAPPA_WITH_RISK, timestamp="t")
    assert first == evaluate(dict(MAPPA_WITH_RISK), timestamp="t")
    assert first.to_markdown() == evaluate(MAPPA_WITH_RISK, timestamp="t").to_markdown()


# The record for clinical notes: plain text that pastes cleanly into EMIS, SystmOne or Vision.

FULL_ANSWER_SETS = list(flow.answer_sets(partial=False))
MARKDOWN_SYMBOLS = re.compile(r"^\s*(#|>|\*|\d+\.\s)|\*\*|__|`|\[.*\]\(")


def test_the_notes_version_is_plain_text_under_twenty_lines_for_every_outcome() -> None:
    for answers in FULL_ANSWER_SETS:
        text = evaluate(answers, timestamp="2026-03-01T09:05:00+00:00").to_text()
        lines = text.splitlines()
        assert len(lines) < 20, (answers, len(lines))
        assert not [line for line in lines if MARKDOWN_SYMBOLS.search(line)], answers
        assert "Rule " not in text and "did not apply" not in text, "no rule trace in the notes"
        assert text.endswith("\n") and "\n\n" not in text


def test_the_notes_give_local_time_answers_outcome_why_basis_steps_and_edition() -> None:
    text = evaluate(MAPPA_WITH_RISK, timestamp="2026-06-01T14:30:00+01:00").to_text()
    lines = text.splitlines()
    assert lines[0] == "Request for information about a child or young person: decision record"
    assert lines[1] == "Date and time: 1 June 2026, 14:30 (UTC+01:00)"
    assert lines[2].startswith("Answers: a request from arrangements to protect the public")
    assert "consent refused" in lines[2]
    assert lines[3] == "Outcome: Share the information relevant to the request."
    assert lines[4] == (
        "Why: consent refused (paragraph 31b); the benefits of sharing judged to outweigh confidentiality "
        "(paragraph 31c)."
    )
    assert lines[5] == "Basis for sharing: the benefits of sharing judged to outweigh confidentiality (paragraph 31c)."
    assert "- Should: Deal with this request seriously and quickly" in text
    assert "(49, 38)" in text
    assert lines[-1].startswith("Guidance: General Medical Council, Protecting children and young people")
    assert "(2012, as first published), paragraphs 46–50" in lines[-1]
    assert f"Checklist {__version__}, decision table {decision_table_version()}." in lines[-1]


def test_the_basis_for_sharing_names_31a_31b_or_31c_or_says_there_is_none() -> None:
    checked = {"identity": "checked", "purpose": "understood"}
    cases = [
        ({"request": "court-order", "identity": "checked"}, True, "a court order (paragraphs 47, 31a)"),
        ({"request": "required-by-law", "identity": "checked"}, True, "(paragraph 31a)"),
        ({"request": "child-protection", **checked, "consent": "given"}, True, "(paragraph 31b)"),
        ({**MAPPA_WITH_RISK}, True, "(paragraph 31c)"),
        ({"request": "child-protection", **checked, "consent": "refused", "public_interest": "no"}, False, "none yet"),
        ({"request": "other-purpose"}, False, "paragraphs 46–50 do not cover this request"),
    ]
    for answers, met, words in cases:
        basis = evaluate(answers).to_dict()["basis"]
        assert basis["met"] is met and words in basis["words"], answers


def test_why_names_only_the_answers_that_decided_never_a_rules_whole_condition() -> None:
    refused = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "refused"}
    why = evaluate({**refused, "public_interest": "yes"}).to_dict()["why"]
    assert [a["question"] for a in why["answers"]] == ["consent", "public_interest"]
    assert "consent given" not in why["words"] and " or " not in why["words"]
    identity = evaluate({"request": "court-order", "identity": "not-checked"}).to_dict()["why"]
    assert identity["words"] == "identity not yet checked (paragraph 48a)"


def test_the_doctors_details_go_into_every_form_of_the_record_in_the_checklists_order() -> None:
    details = {"reasons": "Risk to the child\n  outweighs confidentiality.", "requester": "DS Jones, 0161 000 0000"}
    result = evaluate(MAPPA_WITH_RISK, timestamp="T")
    record = result.to_dict(details)
    labels = [(d["id"], d["label"]) for d in record["details"]]
    assert labels == [("requester", "Who asked"), ("reasons", "Your reasons")]
    text = result.to_text(details)
    assert "Who asked: DS Jones, 0161 000 0000\nYour reasons: Risk to the child outweighs confidentiality.\n" in text
    assert "- **Who asked:** DS Jones, 0161 000 0000" in result.to_markdown(details)
    assert result.to_dict({"reasons": "  "})["details"] == []
    assert result.to_dict() == result.to_dict({})


def test_details_that_cannot_be_recorded_are_refused_naming_the_field_never_echoing_the_text() -> None:
    result = evaluate(MAPPA_WITH_RISK)
    with pytest.raises(DetailError, match="unknown detail 'mood'"):
        result.to_text({"mood": "calm"})
    with pytest.raises(DetailError, match="'Your reasons' must be text"):
        result.to_text({"reasons": 3})  # type: ignore[dict-item]
    long_text = "secret " * 400
    with pytest.raises(DetailError) as raised:
        result.to_text({"reasons": long_text})
    assert "longer than 2000 characters" in str(raised.value) and "secret" not in str(raised.value)


def test_endnote_numbers_in_quoted_footnotes_are_raised_not_stuck_to_the_word() -> None:
    answers = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    citations = {c["paragraph"]: c for c in evaluate(answers).to_dict()["citations"]}
    relevance = citations["49"]["footnotes"][0]["text"]
    assert relevance.endswith("guidance for all doctors.⁵") and "doctors.5" not in relevance


def test_every_record_carries_the_version_of_the_decision_table() -> None:
    version = decision_table_version()
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert evaluate({}).to_dict()["rules_version"] == version
    assert version in evaluate(MAPPA_WITH_RISK).to_markdown()
