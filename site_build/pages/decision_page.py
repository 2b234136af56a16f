"""The page "How the checklist decides": decision table, rules beside the text they encode, flow, paths.

Everything is derived from the checklist's rules and data by running ``evaluate`` over
every path the checklist can take, so the page cannot disagree with the checklist.
Quoted guidance is emitted as escaped HTML (``*`` and ``†`` stay as published); links
to paragraphs are Markdown links, so the site generator resolves and checks them.
"""

from __future__ import annotations

from html import escape
from typing import Any

from checklist import load_checklist, load_guidance, plain_text
from checklist.decision import Rule
from checklist.flow import Edge, Path, edges, paths
from checklist.questions import Question
from checklist.rules import RULES
from site_build.pages.guidance_text import GUIDANCE_PAGE
from site_build.pages.page_markup import duty_tag, paragraph_link, paragraph_links, words

DECISION_PAGE = "how-the-checklist-decides.md"


def render_decision_page(guidance_page: str = GUIDANCE_PAGE) -> str:
    """Markdown source of the page; ``guidance_page`` is the guidance page's path relative to this one."""
    every_path = paths()
    return "\n".join(
        [
            "# How the checklist decides",
            "",
            '<p class="our-words-label">Our explanation, not GMC text</p>',
            "",
            words(
                "The checklist asks one question at a time, in the order below, and stops as soon as a rule "
                "applies. The rules are tried in order and the first that applies gives the outcome. Every outcome for "
                "a child-protection request starts with the step of paragraph 46: deal with the request seriously and "
                "quickly. Every outcome that does not share says what to do about your own concern for a child "
                "(paragraph 32). This page is generated from the same rules the checklist runs."
            ),
            "",
            "## The questions",
            "",
            _questions_table(guidance_page),
            "",
            "## The decision table",
            "",
            _decision_table(guidance_page),
            "",
            "## Each rule beside the guidance it encodes",
            "",
            *(_rule_section(number, rule, guidance_page) for number, rule in enumerate(RULES, start=1)),
            "## Flow diagram",
            "",
            _flow_figure(every_path),
            "",
            "## Every path through the checklist",
            "",
            words(
                "Each row is one way through the checklist: the answers in the order they are asked, the rules "
                "each answer fed and the paragraphs those rules encode, and the outcome."
            ),
            "",
            _paths_table(every_path),
            "",
        ]
    )


def _label(value: str) -> str:
    """An answer value or question id as words, for the diagram."""
    return value.replace("-", " ").replace("_", " ")


def _questions_table(guidance_page: str) -> str:
    rows = [
        f"| {number} | {words(q.text)} | {'<br>'.join(words(o.label) for o in q.options)} "
        f"| {paragraph_links(q.paragraphs, guidance_page)} |"
        for number, q in enumerate(load_checklist().questions, start=1)
    ]
    return "\n".join(["| No. | Question | Answers | Paragraphs |", "|---|---|---|---|", *rows])


def _decision_table(guidance_page: str) -> str:
    checklist = load_checklist()
    rows = [
        f"| {number} | {words(rule.when)} | {words(checklist.verdict(rule.verdict).title)} "
        f"| {paragraph_links(rule.paragraphs, guidance_page)} |"
        for number, rule in enumerate(RULES, start=1)
    ]
    return "\n".join(["| Rule | Applies when | Outcome | Encodes paragraphs |", "|---|---|---|---|", *rows])


def _rule_section(number: int, rule: Rule, guidance_page: str) -> str:
    """A rule with its outcome and steps, beside the exact clauses (and summaries) it encodes."""
    guidance, checklist = load_guidance(), load_checklist()
    verdict = checklist.verdict(rule.verdict)
    lines = [
        f"### Rule {number}: {words(verdict.title)}",
        "",
        f"**Applies when:** {words(rule.when)}",
        "",
        f"**Outcome:** {words(verdict.text)}",
        "",
        "**Steps:**",
        "",
    ]
    for step in rule.steps:
        action = checklist.action(step.action)
        only = f" Only if {words(step.when.words)}." if step.when else ""
        lines.append(
            f"- {duty_tag(action.strength)} {words(action.text)}{only} "
            f"(paragraphs {paragraph_links(action.paragraphs, guidance_page)})"
        )
    lines += ["", "**What it encodes:**", ""]
    clauses = {clause.id: (paragraph, clause) for paragraph in guidance.paragraphs for clause in paragraph.clauses}
    points = {point.id: (reference, point) for reference in guidance.cross_references for point in reference.points}
    for encoded in rule.clauses:
        if encoded in clauses:
            paragraph, clause = clauses[encoded]
            lines += [
                f"Paragraph {paragraph_link(paragraph.id, guidance_page)}, clause {encoded} ({clause.strength}):",
                "",
                f'<blockquote class="para-text" data-clause="{encoded}"><p>'
                f"{words(plain_text(clause.segments, guidance))}</p></blockquote>",
                "",
            ]
        else:
            reference, point = points[encoded]
            lines += [
                f"Paragraph {paragraph_link(reference.paragraph, guidance_page)}, point {words(encoded)} "
                f"({point.strength}), summarised in our words:",
                "",
                f'<section class="summary" data-paragraph="{escape(reference.paragraph)}" '
                f'data-point="{escape(encoded)}">'
                '<p class="our-words-label">Summary in our words, not a quotation</p>'
                f"<p>{words(point.text)}</p></section>",
                "",
            ]
    return "\n".join(lines)


# Every path through the checklist, from the flow model (checklist.flow), as a table.


def _paths_table(every_path: list[Path]) -> str:
    checklist = load_checklist()
    rows = []
    for number, path in enumerate(every_path, start=1):
        record = path.result.to_dict()
        answers = "<br>".join(_answer_why(answer) for answer in record["answers"])
        rule = record["verdict"]["rule"]
        given = " ".join(f"{q}={v}" for q, v in path.answers.items())
        rows.append(
            f'<tr data-answers="{escape(given)}" data-verdict="{path.result.verdict}"><td>{number}</td>'
            f"<td>{answers}</td>"
            f"<td>{words(checklist.verdict(path.result.verdict).title)} (rule {rule['number']})</td>"
            f"<td>{', '.join(path.result.citations)}</td></tr>"
        )
    return (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Every path through the checklist">'
        '<table class="decision-paths"><thead><tr><th>Path</th><th>Answers, and the rules they fed</th>'
        f"<th>Outcome</th><th>Cites paragraphs</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _answer_why(answer: dict[str, Any]) -> str:
    fed = "; ".join(
        f"rule {rule['number']} {rule['outcome']} ({', '.join(rule['paragraphs'])})" for rule in answer["rules"]
    )
    steps = ", ".join(str(action["number"]) for action in answer["actions"])
    chose = f"; chose step {steps}" if steps else ""
    return f"{words(answer['text'])} <strong>{words(answer['label'])}</strong>: {words(fed)}{chose}"


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
            qualifier = f", if {_label(condition.question)}: {' or '.join(_label(v) for v in condition.values)}"
        labels.append(_label(branch.value) + qualifier)
    return tuple(labels)


def _question(question_id: str) -> Question:
    return load_checklist().question(question_id)


# Drawing: questions in a column on the left, in the order asked; outcomes on the right.

_BOX_WIDTH, _QUESTION_HEIGHT, _VERDICT_HEIGHT = 250, 64, 56
_QUESTION_X, _VERDICT_X, _ROW, _TOP, _GAP = 10, 500, 130, 20, 22
_LINE, _LABEL_AT = 15, 0.55
_CHAR_WIDTH = 6.8


def _flow_figure(every_path: list[Path]) -> str:
    return (
        '<figure class="decision-flow">'
        + _svg(edges(every_path))
        + "<figcaption>"
        + words("Flow diagram: questions on the left, outcomes on the right. The same flow as a list:")
        + "</figcaption>"
        + "<details><summary>"
        + words("Text version of the flow diagram")
        + "</summary>"
        + _tree(every_path)
        + "</details></figure>"
    )


def _tree(every_path: list[Path], depth: int = 0) -> str:
    """The flow as nested lists: each question, each answer, and where it leads."""
    first = every_path[0]
    if len(first.answers) == depth:
        return f"<strong>Outcome: {words(load_checklist().verdict(first.result.verdict).title)}</strong>"
    question = _question(list(first.answers)[depth])
    items = "".join(
        f"<li>{words(option.label)} → {_tree(branch, depth + 1)}</li>"
        for option in question.options
        if (branch := [path for path in every_path if path.answers[question.id] == option.value])
    )
    return f"{words(question.text)}<ul>{items}</ul>"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _text(x: float, y: float, lines: list[str], *, anchor: str = "middle", bold: bool = False) -> str:
    """Centred multi-line text around ``y``."""
    top = y - (len(lines) - 1) * _LINE / 2
    spans = "".join(f'<tspan x="{x:g}" y="{top + i * _LINE:g}">{words(line)}</tspan>' for i, line in enumerate(lines))
    # Attributes, not a style: the site's Content-Security-Policy refuses inline styles.
    weight = ' font-weight="700"' if bold else ""
    return f'<text text-anchor="{anchor}" dominant-baseline="middle"{weight}>{spans}</text>'


def _svg(graph: list[Edge]) -> str:
    checklist = load_checklist()
    order = [question.id for question in checklist.questions]
    questions = {q: (_QUESTION_X, _TOP + i * _ROW) for i, q in enumerate(order)}
    # Each outcome sits level with the first question that leads to it, pushed down to avoid overlaps.
    level: dict[str, int] = {}
    for edge in graph:
        if edge.target not in questions:
            level[edge.target] = min(level.get(edge.target, len(order)), order.index(edge.source))
    verdict_order = [v.id for v in checklist.verdicts]
    verdicts: dict[str, tuple[int, int]] = {}
    bottom = 0
    for verdict in sorted(level, key=lambda v: (level[v], verdict_order.index(v))):
        y = max(_TOP + level[verdict] * _ROW + (_QUESTION_HEIGHT - _VERDICT_HEIGHT) // 2, bottom)
        verdicts[verdict] = (_VERDICT_X, y)
        bottom = y + _VERDICT_HEIGHT + _GAP
    height = max(bottom, _TOP + len(order) * _ROW)
    width = _VERDICT_X + _BOX_WIDTH + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="flow-title flow-desc" font-size="13" font-family="inherit">',
        '<title id="flow-title">How the checklist decides: flow diagram</title>',
        '<desc id="flow-desc">Questions, asked from top to bottom, and the outcomes each answer leads to. '
        "A text version follows the diagram.</desc>",
        '<defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ]
    for edge in graph:
        parts.append(_edge_svg(edge, questions, verdicts))
    for question_id, (x, y) in questions.items():
        parts.append(
            f'<rect x="{x}" y="{y}" width="{_BOX_WIDTH}" height="{_QUESTION_HEIGHT}" rx="6" fill="none" '
            'stroke="currentColor" stroke-width="1.5"/>'
            + _text(x + _BOX_WIDTH / 2, y + _QUESTION_HEIGHT / 2, _wrap(_question(question_id).text, 34))
        )
    for verdict_id, (x, y) in verdicts.items():
        parts.append(
            f'<rect x="{x}" y="{y}" width="{_BOX_WIDTH}" height="{_VERDICT_HEIGHT}" rx="14" fill="none" '
            'stroke="currentColor" stroke-width="3"/>'
            + _text(
                x + _BOX_WIDTH / 2,
                y + _VERDICT_HEIGHT / 2,
                _wrap(checklist.verdict(verdict_id).title, 32),
                bold=True,
            )
        )
    parts.append("</svg>")
    return "".join(parts)


def _edge_svg(edge: Edge, questions: dict[str, tuple[int, int]], verdicts: dict[str, tuple[int, int]]) -> str:
    """A line with an arrow head, and the answers that follow it written beside it."""
    sx, sy = questions[edge.source]
    if edge.target in questions:
        tx, ty = questions[edge.target]
        x1 = x2 = sx + _BOX_WIDTH / 2
        y1, y2 = sy + _QUESTION_HEIGHT, ty
        lines = [line for part in _edge_label(edge) for line in _wrap(part, 26)]
        label = _text(x1 + 8, (y1 + y2) / 2, lines, anchor="start")
    else:
        tx, ty = verdicts[edge.target]
        x1, y1 = sx + _BOX_WIDTH, sy + _QUESTION_HEIGHT / 2
        x2, y2 = tx, ty + _VERDICT_HEIGHT / 2
        lines = [line for part in _edge_label(edge) for line in _wrap(part, 28)]
        cx, cy = x1 + (x2 - x1) * _LABEL_AT, y1 + (y2 - y1) * _LABEL_AT
        box_width, box_height = max(map(len, lines)) * _CHAR_WIDTH + 8, len(lines) * _LINE + 4
        label = (
            f'<rect x="{cx - box_width / 2:g}" y="{cy - box_height / 2:g}" width="{box_width:g}" '
            f'height="{box_height:g}" class="flow-label"/>' + _text(cx, cy, lines)
        )
    return (
        f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="currentColor" stroke-width="1.2" '
        'marker-end="url(#flow-arrow)"/>' + label
    )
