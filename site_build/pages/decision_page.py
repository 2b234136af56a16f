"""The page "How the checklist decides": decision table, rules beside the text they encode, flow, paths.

Everything is derived from the checklist's rules and data by running ``evaluate`` over
every path the checklist can take, so the page cannot disagree with the checklist.
Quoted guidance is emitted as escaped HTML (``*`` and ``†`` stay as published); links
to paragraphs are Markdown links, so the site generator resolves and checks them.
"""

from __future__ import annotations

from typing import Any

from checklist import load_checklist, load_guidance, plain_text
from checklist.citing import listed
from checklist.decision import Rule
from checklist.flow import Path, edges, paths
from checklist.rules import RULES
from site_build.pages.flow_diagram import flow_diagram
from site_build.pages.guidance_text import GUIDANCE_PAGE
from site_build.pages.rendering import render

DECISION_PAGE = "how-the-checklist-decides.md"


def render_decision_page(guidance_page: str = GUIDANCE_PAGE) -> str:
    """Markdown source of the page; ``guidance_page`` is the guidance page's path relative to this one."""
    every_path = paths()
    return render(
        "decision.md",
        guidance_page=guidance_page,
        questions=load_checklist().questions,
        rules=[_rule(number, rule) for number, rule in enumerate(RULES, start=1)],
        diagram=flow_diagram(edges(every_path)),
        tree_root=_tree(every_path),
        paths=[_path(path) for path in every_path],
    )


def _rule(number: int, rule: Rule) -> dict[str, Any]:
    """A rule with its outcome and steps, beside the exact clauses (and summaries) it encodes."""
    checklist = load_checklist()
    verdict = checklist.verdict(rule.verdict)
    steps = []
    for step in rule.steps:
        action = checklist.action(step.action)
        only_if = step.when.words if step.when else None
        steps.append(
            {"strength": action.strength, "text": action.text, "only_if": only_if, "paragraphs": action.paragraphs}
        )
    return {
        "number": number,
        "when": rule.when,
        "title": verdict.title,
        "outcome": verdict.text,
        "paragraphs": rule.paragraphs,
        "steps": steps,
        "encodes": [_encoded(encoded) for encoded in rule.clauses],
    }


def _encoded(encoded: str) -> dict[str, Any]:
    """A clause the rule encodes, quoted; or a point of a referred paragraph, in our words."""
    guidance = load_guidance()
    for paragraph in guidance.paragraphs:
        for clause in paragraph.clauses:
            if clause.id == encoded:
                text = plain_text(clause.segments, guidance)
                return {
                    "clause": True,
                    "paragraph": paragraph.id,
                    "id": encoded,
                    "strength": clause.strength,
                    "text": text,
                }
    reference, point = next((r, p) for r in guidance.cross_references for p in r.points if p.id == encoded)
    return {
        "clause": False,
        "paragraph": reference.paragraph,
        "id": encoded,
        "strength": point.strength,
        "text": point.text,
    }


def _tree(every_path: list[Path], depth: int = 0) -> dict[str, Any]:
    """The flow as a tree: each question, each answer, and where it leads."""
    checklist = load_checklist()
    first = every_path[0]
    if len(first.answers) == depth:
        return {"outcome": checklist.verdict(first.result.verdict).title}
    question = checklist.question(list(first.answers)[depth])
    answers = [
        (option.label, _tree(branch, depth + 1))
        for option in question.options
        if (branch := [path for path in every_path if path.answers[question.id] == option.value])
    ]
    return {"outcome": None, "question": question.text, "answers": answers}


def _path(path: Path) -> dict[str, Any]:
    """One way through the checklist: each answer, the rules it fed, the outcome and the paragraphs cited."""
    record = path.result.to_dict()
    return {
        "given": " ".join(f"{q}={v}" for q, v in path.answers.items()),
        "verdict": path.result.verdict,
        "answers": [_answer(answer) for answer in record["answers"]],
        "title": load_checklist().verdict(path.result.verdict).title,
        "rule": record["verdict"]["rule"]["number"],
        "citations": path.result.citations,
    }


def _answer(answer: dict[str, Any]) -> dict[str, str]:
    fed = "; ".join(
        f"rule {rule['number']} {rule['outcome']} ({listed(rule['paragraphs'])})" for rule in answer["rules"]
    )
    steps = ", ".join(str(action["number"]) for action in answer["actions"])
    return {
        "text": answer["text"],
        "label": answer["label"],
        "fed": fed,
        "chose": f"; chose step {steps}" if steps else "",
    }
