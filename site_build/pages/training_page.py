"""The training page: scenario cards whose outcomes are computed by the checklist's rules.

A card holds a story and the answers it implies; what the guidance says about it is
produced here by ``evaluate`` at build time, so a card can never disagree with the
checklist. The same outcome is printed again on the answer sheet at the end.
"""

from __future__ import annotations

from urllib.parse import urlencode

from checklist import Result, evaluate, load_checklist
from checklist.citing import cited_change
from checklist.links import link_query
from checklist.recheck import what_if
from checklist.scenarios import Scenario
from site_build.pages.rendering import render

TRAINING_PAGE = "training/index.md"
GUIDANCE_FROM_TRAINING = "../guidance.md"


def render_training_page(scenarios: tuple[Scenario, ...], checklist_url: str) -> str:
    """Markdown source of the scenario cards page; ``checklist_url`` is the checklist relative to it."""
    cards = [_card(scenario, checklist_url) for scenario in scenarios]
    return render("training.md", cards=cards, guidance_page=GUIDANCE_FROM_TRAINING)


def _card(scenario: Scenario, checklist_url: str) -> dict[str, object]:
    result = evaluate(scenario.answers)
    return {
        "scenario": scenario,
        "outcome": _outcome(result),
        "outcome_words": _verdict_words(result),
        "what_if": _what_if(scenario.answers),
        "link": f"{checklist_url}?{urlencode(link_query(scenario.answers))}",
    }


def _outcome(result: Result) -> dict[str, object]:
    """The answers, the verdict, the steps and the paragraphs cited, as the rules give them."""
    checklist = load_checklist()
    verdict = checklist.verdict(result.verdict)
    return {
        "answers": [
            (checklist.question(q).text, checklist.question(q).option(v).label) for q, v in result.answers.items()
        ],
        "verdict": result.verdict,
        "title": verdict.title,
        "text": verdict.text,
        "actions": result.actions,
        "citations": result.citations,
    }


def _what_if(answers: dict[str, str]) -> list[dict[str, object]]:
    """Each single change to the story's answers, with the outcome and the paragraphs it would give."""
    checklist = load_checklist()
    changes = []
    for question_id, value in answers.items():
        question = checklist.question(question_id)
        for option in question.options:
            if option.value == value:
                continue
            change = what_if(answers, question_id, option.value)
            changes.append(
                {
                    "question": question.text,
                    "answer": option.label,
                    "same": change["verdict"]["same"],
                    "after": change["verdict"]["after"],
                    "citations": cited_change(change["citations"]["before"], change["citations"]["after"]),
                }
            )
    return changes


def _verdict_words(result: Result) -> str:
    checklist = load_checklist()
    if result.verdict is None:
        return f"Not decided yet: the checklist would next ask “{checklist.question(result.next_question).text}”"
    return checklist.verdict(result.verdict).title
