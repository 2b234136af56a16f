"""The decision record: answers, outcome, steps and the paragraphs behind them, ready to keep.

A doctor may need to show later why they shared or withheld information, so the record
carries the exact guidance text it relied on, the edition, the checklist's version and
the version of its decision table, the time stamp the caller supplied, for every answer
the rules it fed, and the doctor's own details of the request. It comes in three forms:
JSON-ready data, a full readable version for audit (Markdown), and a short plain-text
version that pastes cleanly into clinical notes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .guidance import load_guidance
from .model import Guidance, paragraph_text, plain_text
from .questions import Action, load_checklist
from .version import __version__

SUMMARY_NOTE = "Summary in our own words, not a quotation."
STRENGTH_LABELS = {"must": "Must", "should": "Should"}
OUTCOMES = {True: "applied", False: "did not apply", None: "waits for a later answer"}
NO_BASIS = "none yet: no condition for sharing of paragraph 31 is met"
OUT_OF_SCOPE_BASIS = "not decided here: paragraphs 46–50 do not cover this request"
DETAIL_LIMIT = 2000


class DetailError(ValueError):
    """The doctor's details cannot be recorded; the message names the field, never echoes its text."""


@dataclass(frozen=True)
class Check:
    """A rule of the decision table tried on the answers: which rule, the answers it read, and whether it applied.

    ``applied`` is None when the rule waits for an answer not given yet. The rule is named
    with what it encodes, so a record can explain itself without the rules module.
    """

    number: int
    name: str
    verdict: str
    when: str
    paragraphs: tuple[str, ...]
    clauses: tuple[str, ...]
    read: tuple[str, ...]
    applied: bool | None


@dataclass(frozen=True)
class Result:
    """What the checklist concluded from the answers so far, and how.

    ``asked`` are the questions the flow asked, in order, each answered: the answers given
    that it needed on its way, so a page holding more answers learns its path in one call.
    """

    answers: dict[str, str]
    asked: tuple[str, ...]
    verdict: str | None
    next_question: str | None
    actions: tuple[Action, ...]
    citations: tuple[str, ...]
    checks: tuple[Check, ...]
    chosen_by: dict[str, tuple[str, ...]]
    timestamp: str | None
    rules_version: str
    basis: tuple[str, ...] | None

    def to_dict(self, details: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The decision record as JSON-ready data: only dicts, lists, text, numbers, booleans and None.

        ``details`` are the doctor's own notes, by detail id (who asked, what was shared…);
        empty ones are left out.
        """
        return _record(self, recorded_details(details))

    def to_markdown(self, details: Mapping[str, str] | None = None) -> str:
        """The full decision record, readable, for audit and printing: quotations and the rules' trace."""
        return _markdown(self.to_dict(details))

    def to_text(self, details: Mapping[str, str] | None = None) -> str:
        """The decision record for clinical notes: plain text, a line each, no quotations or trace."""
        return _notes(self.to_dict(details))


def recorded_details(details: Mapping[str, str] | None) -> list[dict[str, str]]:
    """The doctor's details in the checklist's order, each with its label; DetailError names a bad field."""
    if details is None:
        return []
    known = {detail.id: detail for detail in load_checklist().details}
    if not isinstance(details, Mapping):
        raise DetailError(f"details must map detail ids to text, not {type(details).__name__}")
    for key, text in details.items():
        if key not in known:
            raise DetailError(f"unknown detail {key!r}; the details are {', '.join(known)}")
        if not isinstance(text, str):
            raise DetailError(f"the detail {known[key].label!r} must be text, not {type(text).__name__}")
        if len(text) > DETAIL_LIMIT:
            raise DetailError(f"the detail {known[key].label!r} is longer than {DETAIL_LIMIT} characters")
    return [
        {"id": detail.id, "label": detail.label, "text": details[detail.id].strip()}
        for detail in known.values()
        if details.get(detail.id, "").strip()
    ]


def _record(result: Result, details: list[dict[str, str]]) -> dict[str, Any]:
    guidance, checklist = load_guidance(), load_checklist()
    document = guidance.document
    verdict = None
    if result.verdict is not None:
        words = checklist.verdict(result.verdict)
        verdict = {"id": words.id, "title": words.title, "explanation": words.text, "rule": _rule(result.checks[-1])}
    next_question = None
    if result.next_question is not None:
        question = checklist.question(result.next_question)
        next_question = {"id": question.id, "text": question.text}
    return {
        "guidance": {
            "title": document.title,
            "publisher": document.publisher,
            "year": document.year,
            "section": document.section,
            "paragraphs": document.paragraphs,
            "edition_note": document.edition_note,
        },
        "checklist_version": __version__,
        "rules_version": result.rules_version,
        "timestamp": result.timestamp,
        "answers": [_answer(question_id, value, result) for question_id, value in result.answers.items()],
        "asked": list(result.asked),
        "verdict": verdict,
        "why": _why(result),
        "basis": _basis(result),
        "details": details,
        "next_question": next_question,
        "actions": [
            {
                "id": action.id,
                "text": action.text,
                "strength": action.strength,
                "paragraphs": list(action.paragraphs),
                "clauses": list(action.clauses),
            }
            for action in result.actions
        ],
        "citations": [_citation(paragraph_id, guidance) for paragraph_id in result.citations],
    }


def _stated(question_id: str, value: str) -> dict[str, Any]:
    """An answer as the record states it, with the paragraphs it rests on."""
    option = load_checklist().question(question_id).option(value)
    return {"question": question_id, "recorded": option.recorded, "rests_on": list(option.rests_on)}


def _why(result: Result) -> dict[str, Any] | None:
    """The answers that decided the outcome (those the deciding rule read, in the order it read them), in words."""
    if result.verdict is None:
        return None
    answers = [_stated(question_id, result.answers[question_id]) for question_id in result.checks[-1].read]
    return {"answers": answers, "words": "; ".join(_stated_words(answer) for answer in answers)}


def _basis(result: Result) -> dict[str, Any] | None:
    """The condition for sharing the outcome rests on (paragraph 31), or why there is none."""
    if result.verdict is None:
        return None
    if result.basis is None:
        stated = {"recorded": OUT_OF_SCOPE_BASIS if result.verdict == "outside-scope" else NO_BASIS, "rests_on": ["31"]}
        return {"met": False, "words": _stated_words(stated)}
    return {"met": True, "words": "; ".join(_stated_words(_stated(q, result.answers[q])) for q in result.basis)}


def _stated_words(answer: dict[str, Any]) -> str:
    """An answer and what it rests on: "consent refused (paragraph 31b)"."""
    paragraphs = answer["rests_on"]
    return f"{answer['recorded']} (paragraph{'s' if len(paragraphs) > 1 else ''} {', '.join(paragraphs)})"


def _rule(check: Check) -> dict[str, Any]:
    return {
        "number": check.number,
        "name": check.name,
        "verdict": check.verdict,
        "verdict_title": load_checklist().verdict(check.verdict).title,
        "when": check.when,
        "outcome": OUTCOMES[check.applied],
        "paragraphs": list(check.paragraphs),
        "clauses": list(check.clauses),
    }


def _answer(question_id: str, value: str, result: Result) -> dict[str, Any]:
    """An answer with its wording, and why it matters: the rules it fed and the actions it chose."""
    question = load_checklist().question(question_id)
    rules = [_rule(check) for check in result.checks if question_id in check.read]
    actions = [
        {"id": action.id, "number": number, "paragraphs": list(action.paragraphs)}
        for number, action in enumerate(result.actions, start=1)
        if question_id in result.chosen_by.get(action.id, ())
    ]
    return {
        "question": question_id,
        "text": question.text,
        "answer": value,
        "label": question.option(value).label,
        "recorded": question.option(value).recorded,
        "used": bool(rules or actions),
        "rules": rules,
        "actions": actions,
    }


def _citation(paragraph_id: str, guidance: Guidance) -> dict[str, Any]:
    """A cited paragraph with the exact published text, or our summary of a paragraph outside the extract."""
    reference = guidance.referred(paragraph_id)
    if reference is not None:
        return {
            "paragraph": paragraph_id,
            "quoted": False,
            "note": SUMMARY_NOTE,
            "label": reference.label,
            "summary": reference.summary,
            "points": [{"id": point.id, "strength": point.strength, "text": point.text} for point in reference.points],
            "source": reference.source,
            "url": reference.url,
        }
    paragraph = guidance.paragraph(paragraph_id)
    return {
        "paragraph": paragraph_id,
        "quoted": True,
        "text": paragraph_text(paragraph, guidance, superscript=True),
        "footnotes": [
            {"symbol": footnote.symbol, "text": plain_text(footnote.segments, guidance, superscript=True)}
            for footnote in guidance.footnotes
            if guidance.footnote_owner(footnote.id) == paragraph
        ],
    }


def _markdown(record: dict[str, Any]) -> str:
    verdict, next_question = record["verdict"], record["next_question"]
    lines = ["# Decision record: a request for information about a child", ""]
    if verdict is not None:
        lines += [f"## Outcome: {verdict['title']}", "", verdict["explanation"], ""]
    else:
        lines += ["## Outcome: not decided yet", "", f"Next question: {next_question['text']}", ""]
    if record["why"]:
        lines += [f"**Why:** {record['why']['words']}", "", f"**Basis for sharing:** {record['basis']['words']}", ""]
    if record["details"]:
        lines += ["## Your details of the request", ""]
        lines += [f"- **{detail['label']}:** {detail['text']}" for detail in record["details"]]
        lines.append("")
    lines += ["## What to do", ""]
    lines += [
        f"{number}. **{STRENGTH_LABELS[action['strength']]}**: {action['text']} ({_cited(action)})"
        for number, action in enumerate(record["actions"], start=1)
    ]
    lines += ["", "## Answers and why they matter", ""]
    for answer in record["answers"]:
        lines.append(f"- {answer['text']} **{answer['label']}**")
        if not answer["used"]:
            lines.append("    - Not needed for this outcome.")
        lines += [
            f"    - Rule {rule['number']}, \u201c{rule['verdict_title']}\u201d, {rule['outcome']} "
            f"(it encodes {_cited(rule)})."
            for rule in answer["rules"]
        ]
        lines += [f"    - Chose step {action['number']} ({_cited(action)})." for action in answer["actions"]]
    if verdict is not None:
        rule = verdict["rule"]
        lines += ["", f"The outcome comes from rule {rule['number']}: {rule['when']} It encodes {_cited(rule)}."]
    lines += ["", "## Paragraphs cited", ""]
    for citation in record["citations"]:
        lines += _citation_markdown(citation)
    guidance = record["guidance"]
    lines += [
        "## About this record",
        "",
        f"- Guidance: {guidance['publisher']}, *{guidance['title']}* ({guidance['year']}), "
        f"\u201c{guidance['section']}\u201d, paragraphs {guidance['paragraphs']}. {guidance['edition_note']}",
        f"- Checklist version: {record['checklist_version']}; decision table {record['rules_version']}",
        f"- Time stamp: {record['timestamp'] or 'not given'}{_local_time_note(record['timestamp'])}",
        "",
    ]
    return "\n".join(lines)


def _cited(item: dict[str, Any]) -> str:
    paragraphs = item["paragraphs"]
    words = f"paragraph{'s' if len(paragraphs) > 1 else ''} {', '.join(paragraphs)}"
    clauses = item.get("clauses")
    return f"{words}; clause{'s' if len(clauses) > 1 else ''} {', '.join(clauses)}" if clauses else words


def _citation_markdown(citation: dict[str, Any]) -> list[str]:
    if not citation["quoted"]:
        points = [f"- {point['text']}" for point in citation["points"]]
        return [
            f"### Paragraph {citation['paragraph']}: {citation['note']}",
            "",
            citation["summary"],
            "",
            *points,
            *([""] if points else []),
            f"Source: {citation['source']}, {citation['url']}",
            "",
        ]
    notes = [line for footnote in citation["footnotes"] for line in (">", f"> {footnote['symbol']}{footnote['text']}")]
    return [f"### Paragraph {citation['paragraph']} (GMC text)", "", f"> {citation['text']}", *notes, ""]


def _local_time(timestamp: str | None) -> str:
    """A time stamp as a person reads it, in the time zone it was taken in: "5 December 2026, 14:30 (UTC+01:00)"."""
    if timestamp is None:
        return "not given"
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if moment.tzinfo is None:
        return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}"
    offset = moment.strftime("%z")
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _local_time_note(timestamp: str | None) -> str:
    local = _local_time(timestamp)
    return "" if local in ("not given", timestamp) else f" ({local})"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _notes(record: dict[str, Any]) -> str:
    """About fifteen lines of plain text: what was asked, what was decided and why, the steps, the edition."""
    guidance, verdict = record["guidance"], record["verdict"]
    lines = [
        "Request for information about a child or young person: decision record",
        f"Date and time: {_local_time(record['timestamp'])}",
        f"Answers: {'; '.join(answer['recorded'] for answer in record['answers']) or 'none yet'}.",
    ]
    if verdict is None:
        lines.append(f"Outcome: not decided yet; next question: {record['next_question']['text']}")
    else:
        lines += [
            f"Outcome: {verdict['title']}.",
            f"Why: {record['why']['words']}.",
            f"Basis for sharing: {record['basis']['words']}.",
        ]
    lines.append("Steps (GMC paragraphs in brackets):")
    lines += [
        f"- {STRENGTH_LABELS[action['strength']]}: {action['text']} ({', '.join(action['paragraphs'])})"
        for action in record["actions"]
    ]
    lines += [f"{detail['label']}: {_one_line(detail['text'])}" for detail in record["details"]]
    lines.append(
        f"Guidance: {guidance['publisher']}, {guidance['title']} ({guidance['year']}, as first published), "
        f"paragraphs {guidance['paragraphs']}. Checklist {record['checklist_version']}, "
        f"decision table {record['rules_version']}."
    )
    return "\n".join(lines) + "\n"
