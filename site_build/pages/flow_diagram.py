"""The flow diagram's layout: questions in a column on the left, in the order asked; outcomes on the right.

Python places the boxes, the lines and their labels; the template ``flow_diagram.svg`` draws them.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklist import load_checklist
from checklist.flow import Edge

_BOX_WIDTH, _QUESTION_HEIGHT, _VERDICT_HEIGHT = 250, 64, 56
_QUESTION_X, _VERDICT_X, _ROW, _TOP, _GAP = 10, 500, 130, 20, 22
_LINE, _LABEL_AT = 15, 0.55
_CHAR_WIDTH = 6.8


@dataclass(frozen=True)
class Label:
    """Lines of text centred around ``y``, each at ``x`` (their start or middle, as ``anchor`` says)."""

    x: float
    y: float
    lines: list[str]
    anchor: str = "middle"
    bold: bool = False

    @property
    def placed(self) -> list[tuple[float, float, str]]:
        top = self.y - (len(self.lines) - 1) * _LINE / 2
        return [(self.x, top + i * _LINE, line) for i, line in enumerate(self.lines)]


@dataclass(frozen=True)
class Box:
    """A question (square corners, thin) or an outcome (round corners, thick), with its words inside."""

    x: int
    y: int
    height: int
    label: Label
    outcome: bool
    width: int = _BOX_WIDTH


@dataclass(frozen=True)
class Arrow:
    """A line with an arrow head, and the answers that follow it written beside it (on a box, if ``backed``)."""

    x1: float
    y1: float
    x2: float
    y2: float
    label: Label
    backing: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class FlowDiagram:
    width: int
    height: int
    arrows: list[Arrow]
    boxes: list[Box]


def flow_diagram(graph: list[Edge]) -> FlowDiagram:
    """The diagram of the flow's edges: each outcome level with the first question that leads to it."""
    checklist = load_checklist()
    order = [question.id for question in checklist.questions]
    questions = {q: (_QUESTION_X, _TOP + i * _ROW) for i, q in enumerate(order)}
    verdicts = _verdict_places(graph, order, [v.id for v in checklist.verdicts])
    bottom = max((y + _VERDICT_HEIGHT + _GAP for _, y in verdicts.values()), default=0)
    boxes = [
        _box(x, y, _QUESTION_HEIGHT, checklist.question(question_id).text, 34, outcome=False)
        for question_id, (x, y) in questions.items()
    ]
    boxes += [
        _box(x, y, _VERDICT_HEIGHT, checklist.verdict(verdict_id).title, 32, outcome=True)
        for verdict_id, (x, y) in verdicts.items()
    ]
    return FlowDiagram(
        width=_VERDICT_X + _BOX_WIDTH + 10,
        height=max(bottom, _TOP + len(order) * _ROW),
        arrows=[_arrow(edge, questions, verdicts) for edge in graph],
        boxes=boxes,
    )


def _verdict_places(graph: list[Edge], order: list[str], verdict_order: list[str]) -> dict[str, tuple[int, int]]:
    """Each outcome level with the first question that leads to it, pushed down to avoid overlaps."""
    level: dict[str, int] = {}
    for edge in graph:
        if edge.target not in order:
            level[edge.target] = min(level.get(edge.target, len(order)), order.index(edge.source))
    places: dict[str, tuple[int, int]] = {}
    bottom = 0
    for verdict in sorted(level, key=lambda v: (level[v], verdict_order.index(v))):
        y = max(_TOP + level[verdict] * _ROW + (_QUESTION_HEIGHT - _VERDICT_HEIGHT) // 2, bottom)
        places[verdict] = (_VERDICT_X, y)
        bottom = y + _VERDICT_HEIGHT + _GAP
    return places


def _box(x: int, y: int, height: int, text: str, width: int, *, outcome: bool) -> Box:
    label = Label(x + _BOX_WIDTH / 2, y + height / 2, _wrap(text, width), bold=outcome)
    return Box(x, y, height, label, outcome)


def _arrow(edge: Edge, questions: dict[str, tuple[int, int]], verdicts: dict[str, tuple[int, int]]) -> Arrow:
    """Down to the next question, labelled beside the line; or across to an outcome, labelled on a box."""
    sx, sy = questions[edge.source]
    if edge.target in questions:
        x = sx + _BOX_WIDTH / 2
        y1, y2 = sy + _QUESTION_HEIGHT, questions[edge.target][1]
        lines = [line for part in _edge_label(edge) for line in _wrap(part, 26)]
        return Arrow(x, y1, x, y2, Label(x + 8, (y1 + y2) / 2, lines, anchor="start"))
    tx, ty = verdicts[edge.target]
    x1, y1 = sx + _BOX_WIDTH, sy + _QUESTION_HEIGHT / 2
    x2, y2 = tx, ty + _VERDICT_HEIGHT / 2
    lines = [line for part in _edge_label(edge) for line in _wrap(part, 28)]
    cx, cy = x1 + (x2 - x1) * _LABEL_AT, y1 + (y2 - y1) * _LABEL_AT
    width, height = max(map(len, lines)) * _CHAR_WIDTH + 8, len(lines) * _LINE + 4
    return Arrow(x1, y1, x2, y2, Label(cx, cy, lines), (cx - width / 2, cy - height / 2, width, height))


def _edge_label(edge: Edge) -> tuple[str, ...]:
    """The answers an edge stands for, as words beside its line: "any answer", "yes, otherwise"…"""
    labels = []
    for branch in edge.branches:
        if branch.value is None:
            labels.append("any answer")
            continue
        condition = branch.condition
        if condition is None:
            qualifier = ""
        elif condition.question is None:
            qualifier = ", otherwise"
        else:
            qualifier = f", if {_words(condition.question)}: {' or '.join(_words(v) for v in condition.values)}"
        labels.append(_words(branch.value) + qualifier)
    return tuple(labels)


def _words(value: str) -> str:
    """An answer value or question id as words, for the diagram."""
    return value.replace("-", " ").replace("_", " ")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
