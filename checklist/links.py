"""Answers carried in a link (a training card's "open this scenario in the checklist"), read safely.

A link is not our text: anyone can make one. So a link's values are never repeated back
to the reader. What the page may say about a link is built here from the questions' own
words, and the answers a link gives are used only when they are allowed and unrepeated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .questions import load_checklist
from .rules import decision_table_version

VERSION_KEY = "v"
LONGEST_VALUE = 40


@dataclass(frozen=True)
class LinkAnswers:
    """What a link gives: the answers it may fill in, and what the reader should be told about the rest."""

    answers: dict[str, str]
    problems: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"answers": self.answers, "problems": list(self.problems)}


def link_query(answers: dict[str, str]) -> list[tuple[str, str]]:
    """The query of a link that opens the checklist with these answers, marked with the decision table's version."""
    return [*answers.items(), (VERSION_KEY, decision_table_version())]


def read_link(pairs: Iterable[tuple[str, str]]) -> LinkAnswers:
    """The answers in a link's query, in question order; unknown keys (not questions) are ignored."""
    questions = {question.id: question for question in load_checklist().questions}
    given: dict[str, list[str]] = {}
    versions: list[str] = []
    for key, value in pairs:
        if key == VERSION_KEY:
            versions.append(value)
        elif key in questions:
            given.setdefault(key, []).append(value)
    problems: list[str] = []
    if versions and versions != [decision_table_version()]:
        problems.append(
            "This link was made for an earlier version of the checklist, which has changed since: "
            "check each answer it fills in."
        )
    answers: dict[str, str] = {}
    for question_id, question in questions.items():
        values = given.get(question_id, [])
        if len(values) > 1:
            problems.append(f"The link answers “{question.text}” more than once, so that answer was not used.")
        elif values and (len(values[0]) > LONGEST_VALUE or values[0] not in question.values):
            problems.append(f"The link's answer to “{question.text}” is not one of its answers, so it was not used.")
        elif values:
            answers[question_id] = values[0]
    return LinkAnswers(answers, tuple(problems))
