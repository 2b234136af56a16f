"""Load and validate the training scenarios (``data/scenarios.toml``).

A scenario holds a story and the answers it implies, never its outcome: the outcome
is computed by the rules, so a training card can never disagree with the checklist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .evaluation import evaluate
from .questions import load_checklist
from .validation import Table, read_source, root, unique

SCENARIOS_FILE = "scenarios.toml"
_SCENARIO_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Scenario:
    """A training card: who asks, the story, questions for discussion, and the implied answers."""

    id: str
    title: str
    requester: str
    story: str
    discussion: tuple[str, ...]
    answers: dict[str, str]


@cache
def load_scenarios(path: str | Path | None = None) -> tuple[Scenario, ...]:
    """The validated scenarios; raises ``DataError`` naming file, scenario and field."""
    top = root(read_source(path, SCENARIOS_FILE))
    top.only("scenarios")
    tables = top.tables("scenarios", "scenario", key="id")
    unique(tables, "id")
    return tuple(_scenario(table) for table in tables)


def _scenario(table: Table) -> Scenario:
    table.only("id", "title", "requester", "story", "discussion", "answers")
    scenario_id = table.get("id", str)
    if not _SCENARIO_ID.fullmatch(scenario_id):
        table.fail("id", f"{scenario_id!r} must be lower-case words joined by hyphens")
    discussion = table.text_list("discussion")
    if not discussion:
        table.fail("discussion", "a scenario needs at least one discussion question")
    return Scenario(
        id=scenario_id,
        title=table.get("title", str),
        requester=table.get("requester", str),
        story=table.get("story", str),
        discussion=discussion,
        answers=_answers(table),
    )


def _answers(table: Table) -> dict[str, str]:
    """Answers that the checklist accepts and that are enough to reach an outcome."""
    answers = table.get("answers", dict)
    questions = {question.id: question for question in load_checklist().questions}
    for question_id, value in answers.items():
        field = f"answers.{question_id}"
        if question_id not in questions:
            table.fail(field, f"no question {question_id!r}; questions are {', '.join(questions)}")
        allowed = questions[question_id].values
        if value not in allowed:
            table.fail(field, f"{value!r} is not an answer to {question_id!r}; allowed: {', '.join(allowed)}")
    result = evaluate(answers)
    if result.verdict is None:
        table.fail("answers", f"do not reach an outcome; the checklist would next ask {result.next_question!r}")
    return dict(answers)
