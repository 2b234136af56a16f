"""The training page: scenario cards whose outcomes are computed by the checklist's rules.

A card holds a story and the answers it implies; what the guidance says about it is
produced here by ``evaluate`` at build time, so a card can never disagree with the
checklist. The same outcome is printed again on the answer sheet at the end.
"""

from __future__ import annotations

from urllib.parse import urlencode

from checklist import Result, evaluate, load_checklist
from checklist.links import link_query
from checklist.recheck import what_if
from checklist.scenarios import Scenario
from site_build.pages.page_markup import duty_tag, paragraph_links, words

TRAINING_PAGE = "training/index.md"
GUIDANCE_FROM_TRAINING = "../guidance.md"


def render_training_page(scenarios: tuple[Scenario, ...], checklist_url: str) -> str:
    """Markdown source of the scenario cards page; ``checklist_url`` is the checklist relative to it."""
    outcomes = [(scenario, evaluate(scenario.answers)) for scenario in scenarios]
    return "\n".join(
        [
            "# Training scenarios",
            "",
            '<p class="our-words-label">Our scenarios, not GMC text</p>',
            "",
            words(
                "Each card tells a story in which a doctor receives a request for information about a child or young "
                "person. Discuss it first, then open “What the guidance says”: the outcome is worked out by the same "
                "rules as the checklist, from the answers the story implies. Print this page for handouts: each card "
                "prints on its own page, and the outcomes print together on an answer sheet at the end."
            ),
            "",
            *(
                _card(number, scenario, result, checklist_url)
                for number, (scenario, result) in enumerate(outcomes, start=1)
            ),
            _answer_sheet(outcomes),
        ]
    )


def _card(number: int, scenario: Scenario, result: Result, checklist_url: str) -> str:
    discussion = "\n".join(f"{index}. {words(q)}" for index, q in enumerate(scenario.discussion, start=1))
    prefilled = f"{checklist_url}?{urlencode(link_query(scenario.answers))}"
    return "\n".join(
        [
            f'<article class="scenario-card" id="scenario-{scenario.id}" data-scenario="{scenario.id}" markdown>',
            "",
            f"## {number}. {words(scenario.title)} {{#{scenario.id}}}",
            "",
            f'<p class="scenario-requester"><strong>Who asks:</strong> {words(scenario.requester)}</p>',
            "",
            words(scenario.story),
            "",
            "**For discussion**",
            "",
            discussion,
            "",
            '<details class="scenario-reveal" markdown>',
            "<summary>What the guidance says</summary>",
            "",
            _outcome(result),
            "",
            "</details>",
            "",
            '<details class="scenario-what-if" markdown>',
            "<summary>What if one answer were different?</summary>",
            "",
            _what_if(scenario.answers, result),
            "",
            "</details>",
            "",
            f'<p class="scenario-open"><a href="{words(prefilled)}">Open this scenario in the checklist</a></p>',
            "",
            "</article>",
            "",
        ]
    )


def _outcome(result: Result) -> str:
    """The answers, the verdict, the steps and the paragraphs cited, as the rules give them."""
    checklist = load_checklist()
    verdict = checklist.verdict(result.verdict)
    answers = "\n".join(
        f"- {words(checklist.question(q).text)} **{words(checklist.question(q).option(v).label)}**"
        for q, v in result.answers.items()
    )
    steps = "\n".join(
        f"{index}. {duty_tag(action.strength)} {words(action.text)} "
        f"(paragraph{'s' if len(action.paragraphs) > 1 else ''} "
        f"{paragraph_links(action.paragraphs, GUIDANCE_FROM_TRAINING)})"
        for index, action in enumerate(result.actions, start=1)
    )
    return "\n".join(
        [
            '<p class="our-words-label">Worked out by the checklist\'s rules; steps in our words</p>',
            "",
            "**The answers this story implies**",
            "",
            answers,
            "",
            f'<p class="scenario-verdict" data-verdict="{result.verdict}"><strong>Outcome: '
            f"{words(verdict.title)}</strong></p>",
            "",
            words(verdict.text),
            "",
            "**Steps**",
            "",
            steps,
            "",
            f"**Paragraphs cited:** {paragraph_links(result.citations, GUIDANCE_FROM_TRAINING)}",
        ]
    )


def _what_if(answers: dict[str, str], result: Result) -> str:
    """Each single change to the story's answers, side by side with the story's own outcome."""
    checklist = load_checklist()
    rows = [f"| As in the story | {_verdict_words(result)} | {', '.join(result.citations)} |"]
    for question_id, value in answers.items():
        question = checklist.question(question_id)
        for option in question.options:
            if option.value == value:
                continue
            change = what_if(answers, question_id, option.value)
            outcome = change["verdict"]
            cited = change["citations"]
            rows.append(
                f"| {words(question.text)} **{words(option.label)}** "
                f"| {'Same' if outcome['same'] else '**Changes to:**'}{':' if outcome['same'] else ''} "
                f"{words(outcome['after'])} "
                f"| {_citation_change(cited)} |"
            )
    return "\n".join(
        [
            '<p class="our-words-label">Worked out by the checklist\'s rules</p>',
            "",
            "| If this answer changed | Outcome | Paragraphs cited |",
            "|---|---|---|",
            *rows,
        ]
    )


def _verdict_words(result: Result) -> str:
    checklist = load_checklist()
    if result.verdict is None:
        return f"Not decided yet: the checklist would next ask “{words(checklist.question(result.next_question).text)}”"
    return words(checklist.verdict(result.verdict).title)


def _citation_change(cited: dict[str, list[str]]) -> str:
    change = "; ".join(
        part
        for part in (
            f"adds {', '.join(cited['added'])}" if cited["added"] else "",
            f"drops {', '.join(cited['dropped'])}" if cited["dropped"] else "",
        )
        if part
    )
    return f"{', '.join(cited['after'])} ({change or 'no change'})"


def _answer_sheet(outcomes: list[tuple[Scenario, Result]]) -> str:
    """All outcomes together, collapsed on screen and printed on pages of their own after the cards."""
    entries = [
        "\n".join(
            [
                f'<section class="answer-sheet-entry" data-scenario-answer="{scenario.id}" markdown>',
                "",
                f"**{number}. {words(scenario.title)}**",
                "",
                _outcome(result),
                "",
                "</section>",
            ]
        )
        for number, (scenario, result) in enumerate(outcomes, start=1)
    ]
    return "\n".join(
        [
            '<details class="answer-sheet" markdown>',
            "<summary>Answer sheet: all outcomes together, for printing</summary>",
            "",
            *entries,
            "",
            "</details>",
            "",
        ]
    )
