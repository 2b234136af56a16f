"""The building blocks of the decision table: readings of the answers, conditions, steps and rules.

A rule reads answers through a ``Reading``, which records what it read (to explain the
outcome) and stops it when an answer it needs is missing (to know which question to ask
next). Conditions and rules carry the words that explain them, so the decision page and
the record say in plain words why a rule applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .guidance import load_guidance
from .questions import load_checklist


class AnswerError(ValueError):
    """An answer the checklist cannot accept; the message names the question and the allowed values."""

    def __init__(self, message: str, question: object, allowed: tuple[str, ...]) -> None:
        self.question, self.allowed = question, allowed
        super().__init__(message)


class Unanswered(Exception):
    """A rule needs an answer that has not been given yet; the flow decides which question comes next."""


class Reading:
    """Answers as the rules see them: each read is recorded, and a missing answer stops the rule."""

    def __init__(self, answers: Mapping[str, str]) -> None:
        self._answers = answers
        self.read: dict[str, None] = {}

    def chose(self, question: str, *values: str) -> bool:
        """Whether the answer to ``question`` is one of ``values``."""
        allowed = load_checklist().question(question).values
        unknown = [value for value in values if value not in allowed]
        if unknown:
            raise LookupError(f"rule compares {question!r} with {unknown}, which are not among {allowed}")
        if question not in self._answers:
            raise Unanswered(question)
        self.read[question] = None
        return self._answers[question] in values


@dataclass(frozen=True)
class Condition:
    """When a step applies, in plain words for the page, and as a test of the answers."""

    words: str
    test: Callable[[Reading], bool]

    def __call__(self, reading: Reading) -> bool:
        return self.test(reading)


def condition(words: str) -> Callable[[Callable[[Reading], bool]], Condition]:
    """Name a test of the answers with the words that explain it."""
    return lambda test: Condition(words, test)


@dataclass(frozen=True)
class Step:
    """An action an outcome calls for, always or only when a condition holds."""

    action: str
    when: Condition | None = None


@dataclass(frozen=True)
class Rule:
    """One row of the decision table: when it applies, the verdict, the clauses it encodes, the steps.

    ``grounds`` are the answers that, for a rule that shares, are its condition for sharing
    (paragraph 31); the first one given is recorded as the basis.
    """

    name: str
    verdict: str
    when: str
    clauses: tuple[str, ...]
    steps: tuple[Step, ...]
    applies: Callable[[Reading], bool]
    grounds: tuple[tuple[str, str], ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs this rule encodes, quoted or summarised, in the order the guidance gives them."""
        statements = load_guidance().statements()
        return tuple(dict.fromkeys(s.paragraph for s in statements if s.id in self.clauses))


def rule(
    verdict: str,
    *,
    when: str,
    encodes: tuple[str, ...],
    steps: tuple[Step, ...],
    grounds: tuple[tuple[str, str], ...] = (),
) -> Callable[[Callable[[Reading], bool]], Rule]:
    """Make a test of the answers into a row of the decision table; ``encodes`` names clauses and summary points."""
    return lambda test: Rule(test.__name__, verdict, when, encodes, steps, test, grounds)
