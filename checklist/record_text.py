"""The decision record in words: in full as Markdown, for audit and printing, and short as plain text, for notes.

Both are made from the record's data (``Result.to_dict``), never from the rules, so each
says exactly what the kept record says.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from .citing import duty_label, listed, paragraphs_word


def markdown(record: dict[str, Any]) -> str:
    """The full record: outcome, the doctor's details, steps, answers and the rules they fed, quotations, edition."""
    lines = ["# Decision record: a request for information about a child", "", *_outcome_lines(record)]
    if record["details"]:
        lines += ["## Your details of the request", ""]
        lines += [f"- **{detail['label']}:** {detail['text']}" for detail in record["details"]]
        lines.append("")
    lines += ["## What to do", ""]
    lines += [
        f"{number}. **{duty_label(action['strength'])}**: {action['text']} ({_cited(action)})"
        for number, action in enumerate(record["actions"], start=1)
    ]
    lines += ["", "## Answers and why they matter", ""]
    lines += [line for answer in record["answers"] for line in _answer_lines(answer)]
    if record["verdict"] is not None:
        rule = record["verdict"]["rule"]
        lines += ["", f"The outcome comes from rule {rule['number']}: {rule['when']} It encodes {_cited(rule)}."]
    lines += ["", "## Paragraphs cited", ""]
    for citation in record["citations"]:
        lines += _citation_markdown(citation)
    return "\n".join([*lines, *_about_lines(record)])


def _outcome_lines(record: dict[str, Any]) -> list[str]:
    verdict = record["verdict"]
    if verdict is not None:
        lines = [f"## Outcome: {verdict['title']}", "", verdict["explanation"], ""]
    else:
        lines = ["## Outcome: not decided yet", "", f"Next question: {record['next_question']['text']}", ""]
    if record["why"]:
        lines += [f"**Why:** {record['why']['words']}", "", f"**Basis for sharing:** {record['basis']['words']}", ""]
    return lines


def _answer_lines(answer: dict[str, Any]) -> list[str]:
    """An answer, and why it matters: the rules it fed and the steps it chose."""
    lines = [f"- {answer['text']} **{answer['label']}**"]
    if not answer["used"]:
        lines.append("    - Not needed for this outcome.")
    lines += [
        f"    - Rule {rule['number']}, \u201c{rule['verdict_title']}\u201d, {rule['outcome']} "
        f"(it encodes {_cited(rule)})."
        for rule in answer["rules"]
    ]
    lines += [f"    - Chose step {action['number']} ({_cited(action)})." for action in answer["actions"]]
    return lines


def _about_lines(record: dict[str, Any]) -> list[str]:
    guidance = record["guidance"]
    return [
        "## About this record",
        "",
        f"- Guidance: {guidance['publisher']}, *{guidance['title']}* ({guidance['year']}), "
        f"\u201c{guidance['section']}\u201d, paragraphs {guidance['paragraphs']}. {guidance['edition_note']}",
        f"- Checklist version: {record['checklist_version']}; decision table {record['rules_version']}",
        f"- Time stamp: {record['timestamp'] or 'not given'}{_local_time_note(record['timestamp'])}",
        "",
    ]


def _cited(item: dict[str, Any]) -> str:
    """The paragraphs, and clauses if any, a step or rule rests on: "paragraphs 48, 48a; clause 48.2"."""
    paragraphs = item["paragraphs"]
    words = f"{paragraphs_word(paragraphs)} {listed(paragraphs)}"
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


def notes(record: dict[str, Any]) -> str:
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
        f"- {duty_label(action['strength'])}: {action['text']} ({listed(action['paragraphs'])})"
        for action in record["actions"]
    ]
    lines += [f"{detail['label']}: {_one_line(detail['text'])}" for detail in record["details"]]
    lines.append(
        f"Guidance: {guidance['publisher']}, {guidance['title']} ({guidance['year']}, as first published), "
        f"paragraphs {guidance['paragraphs']}. Checklist {record['checklist_version']}, "
        f"decision table {record['rules_version']}."
    )
    return "\n".join(lines) + "\n"
