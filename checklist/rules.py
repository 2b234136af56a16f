"""The decision table: paragraphs 46–50 as rules that turn answers into an outcome and steps.

Rules are small functions named after what they decide, each beside the clauses it
encodes. They are tried in order and the first that applies gives the verdict, so the
order is part of the table. A rule reads answers through a ``Reading``, which records
what it read (to explain the outcome) and stops it when an answer it needs is missing
(to know which question to ask next).

The checklist asks the questions in the order of ``QUESTIONS`` and stops as soon as a
rule applies. An answer the checklist would not ask for (the purpose of a court order,
or the public interest once consent is given) is accepted if its value is allowed, is
kept in the record as not needed, and never changes the outcome: the rules that read
it are not reached.
"""

from __future__ import annotations

import hashlib
import json
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from .guidance import GUIDANCE_FILE, load_guidance
from .questions import QUESTIONS_FILE, Action, load_checklist
from .record import Check, Result
from .validation import DataError

__all__ = [
    "RULES",
    "AnswerError",
    "Check",
    "Condition",
    "Reading",
    "Rule",
    "Step",
    "check_rules_against_words",
    "evaluate",
]


class AnswerError(ValueError):
    """An answer the checklist cannot accept; the message names the question and the allowed values."""

    def __init__(self, message: str, question: object, allowed: tuple[str, ...]) -> None:
        self.question, self.allowed = question, allowed
        super().__init__(message)


class _Unanswered(Exception):
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
            raise _Unanswered(question)
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


# Conditions on the answers, shared by rules and steps.


@condition("the request is not for child-protection purposes")
def other_purpose(a: Reading) -> bool:
    return a.chose("request", "other-purpose")


@condition("the request is a court order")
def court_order(a: Reading) -> bool:
    return a.chose("request", "court-order")


@condition("the law requires the information")
def required_by_law(a: Reading) -> bool:
    return a.chose("request", "required-by-law")


@condition("the request is neither a court order nor a legal requirement")
def neither_order_nor_law(a: Reading) -> bool:
    return not court_order(a) and not required_by_law(a)


@condition("the request is for a formal review")
def formal_review(a: Reading) -> bool:
    return a.chose("request", "formal-review")


@condition("the request is from public-protection arrangements")
def public_protection(a: Reading) -> bool:
    return a.chose("request", "public-protection")


@condition("the request is for a formal review or from public-protection arrangements")
def review_or_protection(a: Reading) -> bool:
    return formal_review(a) or public_protection(a)


@condition("you are not sure whether the benefits of sharing outweigh confidentiality")
def benefits_unsure(a: Reading) -> bool:
    return a.chose("public_interest", "unsure")


@condition("consent was given")
def consent_given(a: Reading) -> bool:
    return a.chose("consent", "given")


@condition("you share without consent")
def without_consent(a: Reading) -> bool:
    return not consent_given(a)


# The decision table, in the order the rules are tried. Every outcome but the first starts with the step of
# paragraph 46 (act quickly); every outcome that does not share says what to do about the doctor's own concern
# (paragraph 32), which does not wait for the request.

ACT_QUICKLY = "act-quickly"
OWN_CONCERN = Step("own-concern")
_COOPERATE = (
    Step("cooperate-formal-review", formal_review),
    Step("cooperate-public-protection", public_protection),
)


@rule(
    "outside-scope",
    when="The request is not for child-protection purposes, so paragraphs 46–50 do not cover it.",
    encodes=("31a", "31b", "34.1", "32.1"),
    steps=(Step("outside-scope-consent"), OWN_CONCERN),
)
def not_for_child_protection(a: Reading) -> bool:
    return other_purpose(a)


@rule(
    "verify-identity",
    when="You have not checked who is asking (for a court order or a legal notice: that it is genuine).",
    encodes=("48.1", "48a.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("check-court-order", court_order),
        Step("check-legal-notice", required_by_law),
        Step("check-identity", neither_order_nor_law),
        OWN_CONCERN,
    ),
)
def identity_not_checked(a: Reading) -> bool:
    return a.chose("identity", "not-checked")


@rule(
    "clarify-request",
    when="You are not sure the request is valid, or do not fully understand why they ask, what they need or how "
    "they may use it (any request but a court order or a legal requirement, whose purpose is set for you).",
    encodes=("48.1", "48b.1"),
    steps=(Step(ACT_QUICKLY), Step("clarify-purpose"), OWN_CONCERN),
)
def request_unclear(a: Reading) -> bool:
    return neither_order_nor_law(a) and a.chose("purpose", "unclear")


@rule(
    "respond-fully",
    when="A court has ordered the information, or the law requires it: that is a condition for sharing on its own.",
    encodes=("47.1", "48c.1", "31a", "Confidentiality 21.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("respond-to-court-order", court_order),
        Step("disclose-what-the-law-requires", required_by_law),
        Step("object-to-irrelevant", court_order),
        Step("record-disclosure"),
    ),
    grounds=(("request", "court-order"), ("request", "required-by-law")),
)
def ordered_or_required_by_law(a: Reading) -> bool:
    return court_order(a) or required_by_law(a)


@rule(
    "ask-consent",
    when="Nobody has been asked for consent yet, and nothing stops you asking.",
    encodes=("34.1", "35.1", "35.2", "35.3"),
    steps=(Step(ACT_QUICKLY), *_COOPERATE, Step("ask-for-consent"), Step("whom-to-ask"), OWN_CONCERN),
)
def consent_not_asked(a: Reading) -> bool:
    return a.chose("consent", "not-asked")


@rule(
    "share-relevant",
    when="A condition for sharing is met: consent was given by whoever is entitled to give it, or you judge that "
    "the benefits to the child of sharing outweigh the interest in keeping the information confidential.",
    encodes=("48c.1", "31b", "31c", "49.1", "49.3", "49.4", "38.1"),
    steps=(
        Step(ACT_QUICKLY),
        *_COOPERATE,
        Step("basis-consent", consent_given),
        Step("basis-public-interest", without_consent),
        Step("share-relevant-only"),
        Step("not-complete-records"),
        Step("tell-after-sharing", without_consent),
        Step("record-sharing", without_consent),
    ),
    grounds=(("consent", "given"), ("public_interest", "yes")),
)
def condition_for_sharing_met(a: Reading) -> bool:
    return consent_given(a) or a.chose("public_interest", "yes")


@rule(
    "seek-advice",
    when="No condition for sharing is met yet, and you are not sure whether the benefits of sharing outweigh "
    "confidentiality, or the request is for a formal review or from public-protection arrangements, which you are "
    "asked to cooperate with.",
    encodes=("50.1", "47.2", "47.4", "43.1", "44.1", "44.2", "32.1"),
    steps=(
        Step(ACT_QUICKLY),
        *_COOPERATE,
        Step("ask-about-legal-power", review_or_protection),
        Step("no-condition-yet"),
        Step("discuss-concerns"),
        Step("discuss-without-naming"),
        Step("share-limited-to-judge", benefits_unsure),
        Step("consent-for-limited-sharing", benefits_unsure),
        OWN_CONCERN,
        Step("record-decision"),
    ),
)
def advice_needed(a: Reading) -> bool:
    return benefits_unsure(a) or review_or_protection(a)


@rule(
    "do-not-share",
    when="No condition for sharing is met: no court order or legal requirement, no consent, and you judge that "
    "the benefits of sharing do not outweigh the interest in keeping the information confidential.",
    encodes=("48c.1", "31a", "31b", "31c", "45.1", "45.2", "45.3", "32.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("tell-requester-no-basis"),
        OWN_CONCERN,
        Step("record-decision"),
        Step("keep-under-review"),
        Step("tell-agency-if-concerned-later"),
        Step("discuss-if-unsure"),
    ),
)
def no_condition_for_sharing(a: Reading) -> bool:
    return not consent_given(a) and a.chose("public_interest", "no") and a.chose("request", "child-protection")


RULES: tuple[Rule, ...] = (
    not_for_child_protection,
    identity_not_checked,
    request_unclear,
    ordered_or_required_by_law,
    consent_not_asked,
    condition_for_sharing_met,
    advice_needed,
    no_condition_for_sharing,
)


def check_rules_against_words() -> None:
    """The questions data must give words for exactly the verdicts and actions the rules use, and every clause
    or summary point a rule encodes must exist in the guidance data.

    Raises ``DataError`` naming the file and the verdict, action or rule, so a renamed id
    stops the build instead of failing when that outcome is first reached.
    """
    statements = {statement.id for statement in load_guidance().statements()}
    for candidate in RULES:
        if unknown := [clause for clause in candidate.clauses if clause not in statements]:
            raise DataError(
                "checklist/rules.py", f"rule {candidate.name}", "encodes", f"no clause or summary point {unknown[0]!r}"
            )
    checklist = load_checklist()
    data_file = f"checklist/data/{QUESTIONS_FILE}"
    for kind, used, worded in (
        ("verdict", {rule.verdict for rule in RULES}, {verdict.id for verdict in checklist.verdicts}),
        (
            "action",
            {step.action for rule in RULES for step in rule.steps},
            {action.id for action in checklist.actions},
        ),
    ):
        if missing := sorted(used - worded):
            raise DataError(data_file, f"{kind}s", "id", f"no {kind} {missing[0]!r}, which the rules use")
        if unused := sorted(worded - used):
            raise DataError(data_file, f"{kind} {unused[0]}", "id", f"no rule uses {kind} {unused[0]!r}")


@cache
def decision_table_version() -> str:
    """A short hash of the decision table and its words, so a saved record or link can tell it was made by another.

    It covers the rules (their order, conditions, clauses and steps) and the data files
    whose words and ids they use; it changes when any of them does, and only then.
    """
    table = [
        {
            "name": rule.name,
            "verdict": rule.verdict,
            "when": rule.when,
            "encodes": rule.clauses,
            "steps": [(step.action, step.when.words if step.when else None) for step in rule.steps],
            "grounds": rule.grounds,
        }
        for rule in RULES
    ]
    digest = hashlib.sha256(json.dumps(table, ensure_ascii=False).encode("utf-8"))
    for name in (QUESTIONS_FILE, GUIDANCE_FILE):
        digest.update(pkgutil.get_data(__package__, f"data/{name}") or b"")
    return digest.hexdigest()[:12]


def evaluate(answers: Mapping[str, str], *, timestamp: str | None = None) -> Result:
    """The outcome for these answers, or the next question to ask; ``timestamp`` is recorded as given.

    Pure and deterministic: the same answers and time stamp always give the same record.
    """
    given = _validated(answers)
    if timestamp is not None and not isinstance(timestamp, str):
        raise AnswerError(
            f"timestamp must be text, such as 2024-05-01T14:30:00+01:00, or None; not {type(timestamp).__name__}",
            "timestamp",
            (),
        )
    order = tuple(question.id for question in load_checklist().questions)
    known: dict[str, str] = {}
    while True:
        checks, decided = _decide(known)
        if decided is not None:
            return _result(given, tuple(known), checks, decided, None, _steps(decided, known), timestamp)
        next_question = next(question for question in order if question not in known)
        if next_question not in given:
            # Until the outcome is known, the one step that applies to every request for child protection.
            return _result(given, tuple(known), checks, None, next_question, {ACT_QUICKLY: ()}, timestamp)
        known[next_question] = given[next_question]


def _decide(known: Mapping[str, str]) -> tuple[tuple[Check, ...], Rule | None]:
    """Try the rules in order on the answers known so far: the first that applies, or None if one must wait."""
    checks: list[Check] = []
    for number, candidate in enumerate(RULES, start=1):
        reading = Reading(known)
        try:
            applied = candidate.applies(reading)
        except _Unanswered:
            checks.append(_check(number, candidate, reading, None))
            return tuple(checks), None
        checks.append(_check(number, candidate, reading, applied))
        if applied:
            return tuple(checks), candidate
    raise LookupError("no rule of the decision table applies; the last one must cover every remaining case")


def _check(number: int, tried: Rule, reading: Reading, applied: bool | None) -> Check:
    return Check(
        number=number,
        name=tried.name,
        verdict=tried.verdict,
        when=tried.when,
        paragraphs=tried.paragraphs,
        clauses=tried.clauses,
        read=tuple(reading.read),
        applied=applied,
    )


def _steps(decided: Rule, known: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The actions the verdict calls for, each with the questions read to choose it."""
    steps: dict[str, tuple[str, ...]] = {}
    for step in decided.steps:
        reading = Reading(known)
        if step.when is None or step.when(reading):
            steps[step.action] = tuple(reading.read)
    return steps


def _result(
    given: dict[str, str],
    asked: tuple[str, ...],
    checks: tuple[Check, ...],
    decided: Rule | None,
    next_question: str | None,
    steps: dict[str, tuple[str, ...]],
    timestamp: str | None,
) -> Result:
    checklist = load_checklist()
    actions: tuple[Action, ...] = tuple(checklist.action(action) for action in steps)
    cited = {paragraph for action in actions for paragraph in action.paragraphs}
    grounds = [question for question, value in decided.grounds if given.get(question) == value] if decided else []
    return Result(
        answers=given,
        asked=asked,
        verdict=decided.verdict if decided else None,
        next_question=next_question,
        actions=actions,
        citations=tuple(p for p in load_guidance().citable_paragraphs() if p in cited),
        checks=checks,
        chosen_by=steps,
        timestamp=timestamp,
        rules_version=decision_table_version(),
        basis=tuple(grounds[:1]) or None,
    )


def _validated(answers: object) -> dict[str, str]:
    """The answers in question order, or AnswerError saying what is wrong and what is allowed."""
    questions = load_checklist().questions
    ids = tuple(question.id for question in questions)
    if not isinstance(answers, Mapping):
        raise AnswerError(
            f"answers must map question ids to answer values, such as {{'request': 'court-order'}}, "
            f"not {type(answers).__name__}; the questions are {', '.join(ids)}",
            None,
            ids,
        )
    for key, value in answers.items():
        if key not in ids:
            raise AnswerError(f"unknown question {key!r}; the questions are {', '.join(ids)}", key, ids)
        question = load_checklist().question(key)
        allowed = ", ".join(question.values)
        if not isinstance(value, str):
            raise AnswerError(
                f"the answer to {key!r} ({question.text}) must be text, one of {allowed}; "
                f"not {type(value).__name__} {value!r}",
                key,
                question.values,
            )
        if value not in question.values:
            raise AnswerError(
                f"{value!r} is not an answer to {key!r} ({question.text}); the allowed answers are {allowed}",
                key,
                question.values,
            )
    return {question_id: answers[question_id] for question_id in ids if question_id in answers}
