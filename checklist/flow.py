"""The checklist's flow as a model: every set of answers, every path the flow takes, and the graph of both.

The decision page draws this graph, the build's library tracer makes every call these
answer sets give, and the tests walk the same paths: one enumeration, used everywhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from .evaluation import evaluate
from .questions import load_checklist
from .record import Result


def answer_sets(*, partial: bool = True) -> Iterator[dict[str, str]]:
    """Every combination of answers, in question order; with ``partial``, each question may also be unanswered."""
    questions = load_checklist().questions
    choices = [((None,) if partial else ()) + question.values for question in questions]
    for values in itertools.product(*choices):
        yield {question.id: value for question, value in zip(questions, values, strict=True) if value is not None}


@dataclass(frozen=True)
class Path:
    """One way through the checklist: the answers in the order they are asked, and where it ends."""

    answers: dict[str, str]
    result: Result


def paths(answers: dict[str, str] | None = None) -> list[Path]:
    """Every path the flow can take from these answers (from the start by default), in the questions' order."""
    answers = answers or {}
    result = evaluate(answers)
    if result.next_question is None:
        return [Path(answers, result)]
    question = load_checklist().question(result.next_question)
    return [path for value in question.values for path in paths({**answers, question.id: value})]


def walk(answers: dict[str, str]) -> Path:
    """The path the flow takes when these are the answers: the questions it asks, in order, and where it ends.

    Its result is made of the answers asked alone, as the checklist's own record of that path is.
    """
    asked = {question: answers[question] for question in evaluate(answers).asked}
    return Path(asked, evaluate(asked))


@dataclass(frozen=True)
class Condition:
    """Which earlier answer decides where an answer leads: ``question`` answered one of ``values``, or otherwise."""

    question: str | None
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Branch:
    """An answer that leads to a target: ``value`` None stands for any answer; ``condition`` when it depends."""

    value: str | None
    condition: Condition | None = None


@dataclass(frozen=True)
class Edge:
    """Answers to the question ``source`` that lead to ``target``: the next question's id, or a verdict's."""

    source: str
    target: str
    branches: tuple[Branch, ...]


def edges(every_path: list[Path]) -> list[Edge]:
    """The flow as a graph: for each question, which answers lead where, with conditions where needed."""
    leads: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = {}
    for path in every_path:
        steps = list(path.answers.items())
        for index, (question, value) in enumerate(steps):
            target = steps[index + 1][0] if index + 1 < len(steps) else path.result.verdict
            leads.setdefault((question, value), {}).setdefault(target, []).append(path.answers)
    grouped: dict[tuple[str, str], list[Branch]] = {}
    for (question, value), targets in leads.items():
        for target, condition in _conditions(targets).items():
            grouped.setdefault((question, target), []).append(Branch(value, condition))
    graph = []
    checklist = load_checklist()
    for (question, target), branches in grouped.items():
        values = checklist.question(question).values
        if all(branch.condition is None for branch in branches) and len(branches) == len(values):
            graph.append(Edge(question, target, (Branch(None),)))
        else:
            graph.append(Edge(question, target, tuple(sorted(branches, key=lambda b: values.index(b.value)))))
    return graph


def _conditions(targets: dict[str, list[dict[str, str]]]) -> dict[str, Condition | None]:
    """When one answer leads to different places, the earlier answer that decides which."""
    if len(targets) == 1:
        return dict.fromkeys(targets)
    for question in load_checklist().questions:
        seen = {target: {answers.get(question.id) for answers in found} for target, found in targets.items()}
        if len({frozenset(values) for values in seen.values()}) == len(targets):
            widest = max(seen, key=lambda target: len(seen[target]))
            return {
                target: Condition(None)
                if target == widest
                else Condition(question.id, tuple(v for v in question.values if v in values))
                for target, values in seen.items()
            }
    raise LookupError(f"no earlier answer separates the outcomes {sorted(targets)}")
