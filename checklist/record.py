"""The decision record: answers, outcome, steps and the paragraphs behind them, ready to keep.

A doctor may need to show later why they shared or withheld information, so the record
carries the exact guidance text it relied on, the edition, the checklist version, the
time stamp the caller supplied, and for every answer the rules it fed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .guidance import load_guidance
from .model import Guidance, paragraph_text, plain_text
from .questions import Action, load_checklist
from .version import __version__

if TYPE_CHECKING:
    from .rules import Check

SUMMARY_NOTE = "Summary in our own words, not a quotation."
STRENGTH_LABELS = {"must": "Must", "should": "Should"}
OUTCOMES = {True: "applied", False: "did not apply", None: "waits for a later answer"}


@dataclass(frozen=True)
class Result:
    """What the checklist concluded from the answers so far, and how."""

    answers: dict[str, str]
    verdict: str | None
    next_question: str | None
    actions: tuple[Action, ...]
    citations: tuple[str, ...]
    checks: tuple[Check, ...]
    chosen_by: dict[str, tuple[str, ...]]
    timestamp: str | None

    def to_dict(self) -> dict[str, Any]:
        """The decision record as JSON-ready data: only dicts, lists, text, numbers, booleans and None."""
        return _record(self)

    def to_markdown(self) -> str:
        """The decision record as Markdown, for pasting into notes or printing."""
        return _markdown(self.to_dict())


def _record(result: Result) -> dict[str, Any]:
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
        "timestamp": result.timestamp,
        "answers": [_answer(question_id, value, result) for question_id, value in result.answers.items()],
        "verdict": verdict,
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


def _rule(check: Check) -> dict[str, Any]:
    return {
        "number": check.number,
        "name": check.rule.name,
        "verdict": check.rule.verdict,
        "verdict_title": load_checklist().verdict(check.rule.verdict).title,
        "when": check.rule.when,
        "outcome": OUTCOMES[check.applied],
        "paragraphs": list(check.rule.paragraphs),
        "clauses": list(check.rule.clauses),
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
        "text": paragraph_text(paragraph, guidance),
        "footnotes": [
            {"symbol": footnote.symbol, "text": plain_text(footnote.segments, guidance)}
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
        f"- Checklist version: {record['checklist_version']}",
        f"- Time stamp: {record['timestamp'] or 'not given'}",
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
