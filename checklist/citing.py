"""How the checklist cites the guidance, worded once for every page, record and screen.

A citation's words ("From paragraphs 48 and 48a"), the tag of a duty's strength ("Must")
and whether a cited paragraph is quoted or summarised in our words are decided here.
Renderers get plain parts, words and paragraph ids, and only turn an id into a link in
their own markup, so a generated page, the record and the browser's screen cannot phrase
a citation differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .model import Guidance

DUTY_LABELS = {"must": "Must", "should": "Should"}
SUMMARY_NOTE = "Summary in our own words, not a quotation."


class ParagraphRef(NamedTuple):
    """A paragraph id inside a citation's words: the one part a renderer links."""

    paragraph: str


CitedPart = str | ParagraphRef


def paragraphs_word(paragraph_ids: Sequence[str]) -> str:
    """ "paragraph" or "paragraphs", as many as are cited."""
    return "paragraphs" if len(paragraph_ids) > 1 else "paragraph"


def cited_paragraphs(paragraph_ids: Sequence[str], lead: str = "From") -> tuple[CitedPart, ...]:
    """ "From paragraphs 48 and 48a" as words and paragraph ids, in reading order."""
    parts: list[CitedPart] = [f"{lead} {paragraphs_word(paragraph_ids)} "]
    for index, paragraph_id in enumerate(paragraph_ids):
        if index:
            parts.append(" and " if index == len(paragraph_ids) - 1 else ", ")
        parts.append(ParagraphRef(paragraph_id))
    return tuple(parts)


def listed_paragraphs(paragraph_ids: Sequence[str]) -> tuple[CitedPart, ...]:
    """Paragraph ids in a short list, as ``listed`` words them, each a part a renderer links: 31, 48a."""
    parts: list[CitedPart] = []
    for index, paragraph_id in enumerate(paragraph_ids):
        if index:
            parts.append(", ")
        parts.append(ParagraphRef(paragraph_id))
    return tuple(parts)


def named_paragraphs(paragraph_ids: Sequence[str]) -> tuple[CitedPart, ...]:
    """ "paragraph 46" or "paragraphs 47, 48": a step's paragraphs, as a list beside it gives them."""
    return (f"{paragraphs_word(paragraph_ids)} ", *listed_paragraphs(paragraph_ids))


def cited_data(parts: Sequence[CitedPart]) -> list[str | dict[str, str]]:
    """Citation parts as JSON-ready data: words as text, a paragraph as ``{"paragraph": id}``."""
    return [part._asdict() if isinstance(part, ParagraphRef) else part for part in parts]


def duty_label(strength: str | None) -> str | None:
    """The tag of a duty's strength ("Must", "Should"); None for context, which states no duty."""
    return DUTY_LABELS.get(strength)


def listed(paragraph_ids: Sequence[str]) -> str:
    """Paragraph ids in a short list, as a table cell or the notes give them: "31, 48a"."""
    return ", ".join(paragraph_ids)


def cited_change(before: Sequence[str], after: Sequence[str]) -> str:
    """The paragraphs cited after a change, and which it adds or drops: "31, 49 (adds 49; drops 48)"."""
    added = [paragraph for paragraph in after if paragraph not in before]
    dropped = [paragraph for paragraph in before if paragraph not in after]
    change = "; ".join(
        words for words in (added and f"adds {listed(added)}", dropped and f"drops {listed(dropped)}") if words
    )
    return f"{listed(after)} ({change or 'no change'})"


def citation_heading(paragraph_id: str, guidance: Guidance) -> str:
    """What a cited paragraph is called where it can be opened: the GMC's words, or our summary's label."""
    reference = guidance.referred(paragraph_id)
    return f"Paragraph {paragraph_id}: the GMC's words" if reference is None else reference.label


def guidance_link_words(paragraph_id: str) -> str:
    """The words of a link to a cited paragraph on the guidance page."""
    return f"Paragraph {paragraph_id} in the guidance"
