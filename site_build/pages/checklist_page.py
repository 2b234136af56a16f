"""The checklist page: every question on one printable page, and the data the in-browser flow runs on.

Without JavaScript the page is a complete paper checklist: each question with its
options and the paragraphs it comes from. With JavaScript the same questions, read
from a JSON block generated here, are asked one at a time, and Python in the browser
decides what comes next. Both come from the checklist data, so they cannot differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from checklist import Guidance
from checklist.questions import Checklist, Question
from site_build.pages.decision_page import DECISION_PAGE
from site_build.pages.page_markup import paragraph_anchor

CHECKLIST_PAGE = "checklist.md"
TEMPLATE = "checklist.html"
# Shown once the page's script runs: reading a file needs it.
RECHECK_SECTION = (
    '<section id="check-a-saved-record" class="cl-recheck" aria-labelledby="check-a-saved-record-title" hidden>'
    '<h2 id="check-a-saved-record-title">Check a saved record</h2>'
    "<p>Choose a decision record you downloaded from this checklist (a JSON file). It is read on this device "
    "and never uploaded. Its answers are checked against today's rules, and any change to the outcome, the steps "
    "or the paragraphs cited is shown.</p>"
    '<p><label class="cl-label" for="cl-recheck-file">Saved decision record</label>'
    '<input type="file" id="cl-recheck-file" class="cl-file" accept=".json,application/json"></p>'
    '<div class="cl-recheck-result" role="status"></div>'
    "</section>"
)
RECORD_NOTE = (
    "What you write here stays in this page until you copy, download or print the record: it is not stored or "
    "sent, and it is gone when you start again or close the page. When you add the record to the child's notes, "
    "consider whether the entry should be hidden from the patient's or a proxy's online access to the record."
)


@dataclass(frozen=True)
class ChecklistLinks:
    """Addresses relative to the checklist page: the guidance page, and the browser runtime's files."""

    guidance: str
    pyodide_module: str
    library: str
    library_gzip: str
    snapshot: str
    """Where the browser keeps its memory snapshot of this runtime (a Cache Storage key, never fetched)."""


def _anchors(guidance: Guidance, guidance_url: str) -> dict[str, str]:
    """The link to every paragraph the checklist may cite: quoted ones, and summaries of referred ones."""
    return {pid: f"{guidance_url}#{paragraph_anchor(pid)}" for pid in guidance.citable_paragraphs()}


def render_checklist_page(
    checklist: Checklist, guidance: Guidance, first_question: str, links: ChecklistLinks, lockfile: str
) -> str:
    """Markdown source of the checklist page; ``first_question`` is what the rules ask first.

    ``lockfile`` (JSON) goes into the page, so Pyodide starts without fetching one.
    """
    anchors = _anchors(guidance, links.guidance)
    data = {
        "first": first_question,
        "questions": [_question_data(question) for question in checklist.questions],
        "paragraphs": anchors,
        "details": [{"id": d.id, "label": d.label, "hint": d.hint} for d in checklist.details],
        "recordNote": RECORD_NOTE,
    }
    # "<" escaped so no text in the data can close the script element.
    island = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    questions = "".join(_question_html(number, q, anchors) for number, q in enumerate(checklist.questions, 1))
    return "\n".join(
        [
            "---",
            f"template: {TEMPLATE}",
            "title: Checklist",
            f"pyodide: {links.pyodide_module}",
            f"library: {links.library}",
            f"library_gzip: {links.library_gzip}",
            f"snapshot: {links.snapshot}",
            # A JSON string is a YAML string too: the front matter gives back exactly this text.
            f"lockfile: {json.dumps(lockfile)}",
            "---",
            "",
            "# Checklist: a request about a child",
            "",
            "Answer a few questions about the request in front of you. The checklist tells you what the",
            "guidance expects you to do, step by step, and which paragraphs say so. Your answers stay on",
            "this device: nothing is sent anywhere or stored.",
            "",
            '<div id="checklist-app" class="cl-app" hidden></div>',
            "",
            '<section id="all-questions" class="cl-printable" aria-labelledby="all-questions-title">',
            '<h2 id="all-questions-title">All the questions</h2>',
            "<p>Work through the questions in this order and stop as soon as the guidance gives an outcome.",
            "Each question shows the paragraphs it comes from. Without JavaScript, or on paper, use this list",
            "with the decision table.</p>",
            f'<ol class="cl-question-list">{questions}</ol>',
            "</section>",
            "",
            f"Which answers lead to which outcome, and why: [how the checklist decides]({DECISION_PAGE}).",
            "",
            RECHECK_SECTION,
            "",
            f'<script type="application/json" id="checklist-data">{island}</script>',
            "",
        ]
    )


def _question_data(question: Question) -> dict[str, object]:
    return {
        "id": question.id,
        "text": question.text,
        "hint": question.hint,
        "options": [{"value": o.value, "label": o.label, "hint": o.hint} for o in question.options],
        "paragraphs": list(question.paragraphs),
    }


def _question_html(number: int, question: Question, anchors: dict[str, str]) -> str:
    options = "".join(
        f'<li data-value="{escape(option.value)}"><span class="cl-option-label">{escape(option.label)}</span>'
        f'<span class="cl-option-hint">{escape(option.hint)}</span></li>'
        for option in question.options
    )
    return (
        f'<li class="cl-printed-question" id="question-{question.id}" data-question="{question.id}">'
        f'<h3><span class="cl-number">{number}.</span> {escape(question.text)}</h3>'
        f'<p class="cl-hint">{escape(question.hint)}</p>'
        f'<ul class="cl-options" aria-label="Possible answers">{options}</ul>'
        f'<p class="cl-cites">{_cited(question.paragraphs, anchors)}</p></li>'
    )


def _cited(paragraph_ids: tuple[str, ...], anchors: dict[str, str]) -> str:
    """'From paragraphs 48 and 48a' with each number linked to its anchor in the guidance."""
    linked = [f'<a href="{escape(anchors[pid])}">{pid}</a>' for pid in paragraph_ids]
    words = linked[0] if len(linked) == 1 else ", ".join(linked[:-1]) + " and " + linked[-1]
    return f"From paragraph{'s' if len(linked) > 1 else ''} {words}"
