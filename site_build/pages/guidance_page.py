"""The guidance page: paragraphs 46–50 exactly as published, with their notes.

A pure function from validated data to page source, so the page can never drift
from the data and a change of site generator only needs a new adapter.
"""

from __future__ import annotations

from checklist import Guidance, Paragraph
from site_build.pages.guidance_text import (
    cross_reference_anchor,
    endnote_anchor,
    footnote_anchor,
    footnote_ref_anchor,
    glossary_anchor,
    pieces,
)
from site_build.pages.rendering import render


def render_guidance_page(guidance: Guidance) -> str:
    """Markdown source of the guidance page; quoted text is emitted as escaped HTML."""
    return render(
        "guidance.md",
        document=guidance.document,
        paragraphs=[_paragraph(p, guidance) for p in guidance.paragraphs if p.parent is None],
        footnotes=[
            {
                "id": note.id,
                "symbol": note.symbol,
                "owner": guidance.footnote_owner(note.id).id,
                "anchor": footnote_anchor(note.id),
                "ref_anchor": footnote_ref_anchor(note.id),
                "pieces": pieces(note.segments, guidance),
            }
            for note in guidance.footnotes
        ],
        endnotes=[{**vars(note), "anchor": endnote_anchor(note.number)} for note in guidance.endnotes],
        references=[{**vars(ref), "anchor": cross_reference_anchor(ref.id)} for ref in guidance.cross_references],
        glossary=[{**vars(entry), "anchor": glossary_anchor(entry.term)} for entry in guidance.glossary],
    )


def _paragraph(paragraph: Paragraph, guidance: Guidance) -> dict[str, object]:
    """A paragraph, its clauses as pieces of text, and its lettered items (``48a``) likewise."""
    lettered = bool(paragraph.label)
    return {
        "id": paragraph.id,
        "anchor": paragraph.anchor,
        "kind": "para--item" if paragraph.parent else "para--numbered",
        "number": f"{paragraph.label}." if lettered else paragraph.id,
        "name": f"paragraph {paragraph.parent}{paragraph.label}" if lettered else f"paragraph {paragraph.id}",
        "strengths": paragraph.strengths,
        "clauses": [
            {
                "id": clause.id,
                "strength": clause.strength,
                "pieces": pieces(clause.segments, guidance, strength=clause.strength),
            }
            for clause in paragraph.clauses
        ],
        "children": [_paragraph(item, guidance) for item in guidance.children(paragraph.id)],
    }
