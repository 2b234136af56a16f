"""Load and validate the checklist's words (``data/questions.toml``): questions, outcomes, actions.

The words are data so they can be reviewed and reworded without touching the rules;
they are checked against the guidance data so every cited paragraph and clause exists
and every action carries the strength (must or should) of the clauses it applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from .guidance import load_guidance
from .model import Guidance
from .validation import Table, read_source, root, unique

QUESTIONS_FILE = "questions.toml"
_QUESTION_ID = re.compile(r"[a-z][a-z_]*")
_VALUE = re.compile(r"[a-z][a-z-]*")
_MUST = re.compile(r"\bmust\b")

Duty = Literal["must", "should"]


@dataclass(frozen=True)
class Option:
    """One possible answer: the fixed value scripts send, the words a person reads, and how the record states it.

    ``rests_on`` names the paragraphs (or points of our summaries, such as ``"31b"``) the
    answer matters under, so a record can say why an outcome follows from the answers.
    """

    value: str
    label: str
    hint: str
    recorded: str
    rests_on: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A question of the checklist and the paragraphs it comes from."""

    id: str
    text: str
    hint: str
    options: tuple[Option, ...]
    paragraphs: tuple[str, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed answer values, in display order."""
        return tuple(option.value for option in self.options)

    def option(self, value: str) -> Option:
        return next(option for option in self.options if option.value == value)


@dataclass(frozen=True)
class Verdict:
    """An outcome of the checklist, in our words."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Action:
    """One step to take, the clauses it applies, and so the strength of the duty behind it."""

    id: str
    text: str
    strength: Duty
    paragraphs: tuple[str, ...]
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Detail:
    """Something the doctor may add to the record in their own words: who asked, what was shared, why."""

    id: str
    label: str
    hint: str


@dataclass(frozen=True)
class Checklist:
    """All the checklist's words, validated against the guidance."""

    questions: tuple[Question, ...]
    verdicts: tuple[Verdict, ...]
    actions: tuple[Action, ...]
    details: tuple[Detail, ...]

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def verdict(self, verdict_id: str) -> Verdict:
        return next(v for v in self.verdicts if v.id == verdict_id)

    def action(self, action_id: str) -> Action:
        return next(a for a in self.actions if a.id == action_id)


@cache
def load_checklist(path: str | Path | None = None) -> Checklist:
    """The validated questions, outcomes and actions; raises ``DataError`` naming file, item and field."""
    guidance = load_guidance()
    top = root(read_source(path, QUESTIONS_FILE))
    top.only("questions", "verdicts", "actions", "details")
    question_tables = top.tables("questions", "question", key="id")
    verdict_tables = top.tables("verdicts", "verdict", key="id")
    action_tables = top.tables("actions", "action", key="id")
    detail_tables = top.tables("details", "detail", key="id")
    for tables in (question_tables, verdict_tables, action_tables, detail_tables):
        unique(tables, "id")
    return Checklist(
        questions=tuple(_question(table, guidance) for table in question_tables),
        verdicts=tuple(_verdict(table) for table in verdict_tables),
        actions=tuple(_action(table, guidance) for table in action_tables),
        details=tuple(_detail(table) for table in detail_tables),
    )


def _question(table: Table, guidance: Guidance) -> Question:
    table.only("id", "text", "hint", "paragraphs", "options")
    question_id = table.get("id", str)
    if not _QUESTION_ID.fullmatch(question_id):
        table.fail("id", f"{question_id!r} must be lower-case letters and underscores")
    options = [table.nested("options", index, value) for index, value in enumerate(table.get("options", list))]
    if len(options) < 2:
        table.fail("options", "a question needs at least two options")
    unique(options, "value")
    return Question(
        id=question_id,
        text=table.get("text", str),
        hint=table.get("hint", str),
        options=tuple(_option(option, guidance) for option in options),
        paragraphs=_paragraph_ids(table, guidance, table.text_list("paragraphs")),
    )


def _option(table: Table, guidance: Guidance) -> Option:
    table.only("value", "label", "hint", "recorded", "rests_on")
    value = table.get("value", str)
    if not _VALUE.fullmatch(value):
        table.fail("value", f"{value!r} must be lower-case letters and hyphens")
    rests_on = table.text_list("rests_on")
    known = {statement.id for statement in guidance.statements() if not statement.quoted}
    known.update(guidance.citable_paragraphs())
    for index, paragraph_id in enumerate(rests_on):
        if paragraph_id not in known:
            table.fail(f"rests_on[{index}]", f"no paragraph or summary point {paragraph_id!r}")
    return Option(
        value=value,
        label=table.get("label", str),
        hint=table.get("hint", str),
        recorded=table.get("recorded", str),
        rests_on=rests_on,
    )


def _detail(table: Table) -> Detail:
    table.only("id", "label", "hint")
    detail_id = table.get("id", str)
    if not _QUESTION_ID.fullmatch(detail_id):
        table.fail("id", f"{detail_id!r} must be lower-case letters and underscores")
    return Detail(id=detail_id, label=table.get("label", str), hint=table.get("hint", str))


def _verdict(table: Table) -> Verdict:
    table.only("id", "title", "text")
    return Verdict(id=table.get("id", str), title=table.get("title", str), text=table.get("text", str))


def _action(table: Table, guidance: Guidance) -> Action:
    """A step: its strength is that of the clauses or summary points it applies, and it says 'must' only for a must."""
    table.only("id", "text", "clauses", "paragraphs")
    clause_ids = table.text_list("clauses")
    if not clause_ids:
        table.fail("clauses", "an action must apply at least one clause")
    statements = {statement.id: statement for statement in guidance.statements()}
    for index, clause_id in enumerate(clause_ids):
        if clause_id not in statements:
            table.fail(f"clauses[{index}]", f"no clause or summary point {clause_id!r} in the guidance data")
    duties = {statements[c].strength for c in clause_ids} - {"context"}
    if len(duties) != 1:
        found = " and ".join(sorted(duties)) or "only context"
        table.fail("clauses", f"an action must apply clauses of one strength, must or should; found {found}")
    strength = duties.pop()
    text = table.get("text", str)
    if strength != "must" and _MUST.search(text):
        table.fail("text", f"says 'must', but its clauses are {strength!r}: our 'must' stands on a must of the GMC")
    from_clauses = tuple(dict.fromkeys(statements[clause_id].paragraph for clause_id in clause_ids))
    referred = _paragraph_ids(table, guidance, table.text_list("paragraphs", default=[]))
    for index, paragraph_id in enumerate(referred):
        if paragraph_id in from_clauses:
            table.fail(f"paragraphs[{index}]", f"paragraph {paragraph_id!r} is already cited through its clauses")
    return Action(
        id=table.get("id", str),
        text=text,
        strength=strength,
        paragraphs=from_clauses + referred,
        clauses=clause_ids,
    )


def _paragraph_ids(table: Table, guidance: Guidance, paragraph_ids: tuple[str, ...]) -> tuple[str, ...]:
    """Check that every id names a paragraph the checklist may cite, once."""
    known = guidance.citable_paragraphs()
    for index, paragraph_id in enumerate(paragraph_ids):
        if paragraph_id not in known:
            table.fail(f"paragraphs[{index}]", f"no paragraph {paragraph_id!r}; citable are {', '.join(known)}")
        if paragraph_id in paragraph_ids[:index]:
            table.fail(f"paragraphs[{index}]", f"paragraph {paragraph_id!r} is listed twice")
    return paragraph_ids
