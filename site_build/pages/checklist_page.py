"""The checklist page: every question on one printable page, and the data the in-browser flow runs on.

Without JavaScript the page is a complete paper checklist: each question with its
options and the paragraphs it comes from. With JavaScript the same questions, read
from a JSON block generated here, are asked one at a time, and Python in the browser
decides what comes next. Both come from the checklist data, so they cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklist import Guidance
from checklist.questions import Checklist
from checklist.screens import question_data
from site_build.pages.decision_page import DECISION_PAGE
from site_build.pages.page_markup import paragraph_anchor
from site_build.pages.rendering import render

CHECKLIST_PAGE = "checklist.md"
# The theme template (overrides/checklist.html) that loads the checklist's scripts around this page.
THEME_TEMPLATE = "checklist.html"
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
    island = {
        "first": first_question,
        "questions": [question_data(question) for question in checklist.questions],
        "paragraphs": anchors,
        "details": [{"id": d.id, "label": d.label, "hint": d.hint} for d in checklist.details],
        "recordNote": RECORD_NOTE,
    }
    return render(
        "checklist.md",
        theme_template=THEME_TEMPLATE,
        links=links,
        lockfile=lockfile,
        questions=island["questions"],
        anchors=anchors,
        decision_page=DECISION_PAGE,
        island=island,
    )
