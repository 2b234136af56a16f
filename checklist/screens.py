"""What the checklist's screens in the browser show, worded here: the page's JavaScript only lays it out.

The question screens come from the data the checklist page carries (``question_data``);
the outcome screen's steps and citations come with each record (``outcome_screen``), made
from the record itself, so the screen cannot say other than the record it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .citing import citation_heading, cited_data, cited_paragraphs, duty_label, guidance_link_words
from .guidance import load_guidance
from .questions import Question


def question_data(question: Question) -> dict[str, Any]:
    """A question as its screen shows it: the options, and the paragraphs it comes from in words."""
    return {
        "id": question.id,
        "text": question.text,
        "hint": question.hint,
        "options": [{"value": o.value, "label": o.label, "hint": o.hint} for o in question.options],
        "cited": cited_data(cited_paragraphs(question.paragraphs)),
    }


def outcome_screen(record: Mapping[str, Any]) -> dict[str, Any]:
    """The steps and cited paragraphs of a record (as ``Result.to_dict`` gives it), worded for the outcome screen."""
    return {
        "actions": [
            {
                "strength": action["strength"],
                "duty": duty_label(action["strength"]),
                "text": action["text"],
                "cited": cited_data(cited_paragraphs(action["paragraphs"], lead="see")),
            }
            for action in record["actions"]
        ],
        "citations": [_citation(citation) for citation in record["citations"]],
    }


def _citation(citation: Mapping[str, Any]) -> dict[str, Any]:
    """A cited paragraph, quoted or summarised as the record has it, with what it is called and its link's words."""
    paragraph_id = citation["paragraph"]
    shown = {
        **citation,
        "heading": citation_heading(paragraph_id, load_guidance()),
        "link_words": guidance_link_words(paragraph_id),
    }
    if not citation["quoted"]:
        shown["points"] = [{**point, "duty": duty_label(point["strength"])} for point in citation["points"]]
    return shown
