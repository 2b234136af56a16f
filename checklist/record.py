"""The decision record: answers, outcome, steps and the paragraphs behind them, ready to keep.

A doctor may need to show later why they shared or withheld information, so the record
carries the exact guidance text it relied on, the edition, the checklist's version and
the version of its decision table, the time stamp the caller supplied, for every answer
the rules it fed, and the doctor's own details of the request. It comes in three forms:
JSON-ready data (made here), a full readable version for audit (Markdown), and a short
plain-text version that pastes cleanly into clinical notes (both in ``record_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .citing import SUMMARY_NOTE, listed, paragraphs_word
from .guidance import load_guidance
from .model import Document, Guidance, paragraph_text, plain_text
from .questions import Action, Checklist, load_checklist
from .record_text import markdown, notes
from .version import __version__

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
        return markdown(self.to_dict(details))

    def to_text(self, details: Mapping[str, str] | None = None) -> str:
        """The decision record for clinical notes: plain text, a line each, no quotations or trace."""
        return notes(self.to_dict(details))


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
    return {
        "guidance": _edition(guidance.document),
        "checklist_version": __version__,
        "rules_version": result.rules_version,
        "timestamp": result.timestamp,
        "answers": [_answer(question_id, value, result) for question_id, value in result.answers.items()],
        "asked": list(result.asked),
        "verdict": _verdict(result, checklist),
        "why": _why(result),
        "basis": _basis(result),
        "details": details,
        "next_question": _next_question(result, checklist),
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


def _edition(document: Document) -> dict[str, Any]:
    """The publication and edition the record applies, so it can be read against the right text later."""
    return {
        "title": document.title,
        "publisher": document.publisher,
        "year": document.year,
        "section": document.section,
        "paragraphs": document.paragraphs,
        "edition_note": document.edition_note,
    }


def _verdict(result: Result, checklist: Checklist) -> dict[str, Any] | None:
    if result.verdict is None:
        return None
    words = checklist.verdict(result.verdict)
    return {"id": words.id, "title": words.title, "explanation": words.text, "rule": _rule(result.checks[-1])}


def _next_question(result: Result, checklist: Checklist) -> dict[str, Any] | None:
    if result.next_question is None:
        return None
    question = checklist.question(result.next_question)
    return {"id": question.id, "text": question.text}


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
    return f"{answer['recorded']} ({paragraphs_word(paragraphs)} {listed(paragraphs)})"


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
