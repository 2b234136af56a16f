"""Evaluating answers on the decision table: the outcome, or the next question to ask.

The checklist asks the questions in the order of ``QUESTIONS`` and stops as soon as a
rule applies. An answer the checklist would not ask for (the purpose of a court order,
or the public interest once consent is given) is accepted if its value is allowed, is
kept in the record as not needed, and never changes the outcome: the rules that read
it are not reached.
"""

from __future__ import annotations

from collections.abc import Mapping

from .decision import AnswerError, Reading, Rule, Unanswered
from .guidance import load_guidance
from .questions import Action, load_checklist
from .record import Check, Result
from .rules import ACT_QUICKLY, RULES, decision_table_version


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
        except Unanswered:
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
