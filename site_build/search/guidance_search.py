"""Search entries of their own for the guidance page's paragraphs, so a search lands on the paragraph.

The theme's search divides a page into sections at headings with an id, and links each section by that
id. The paragraphs' anchors (``para-47``) are on the blocks that hold them, not on headings, and an id can
be on one element only: so all of them fall in the page's first section, and a search for "paragraph 47" or
"court order" could only offer the whole page. Each paragraph is added to the built index instead, as a
section of the guidance page at its own anchor: titled with its number and its first sentence, in the
GMC's words, its text the rest of it (lettered items included), as HTML-escaped text like the theme's own.
"""

from __future__ import annotations

from html import escape

from checklist import Guidance, Paragraph, plain_text

# Above our own pages' sections when the words match equally: the guidance is what a reader searches for.
PARAGRAPH_BOOST = 2


class IndexChanged(Exception):
    """The built search index is not laid out as the theme's search writes it."""


def paragraph_entries(guidance: Guidance, page_location: str) -> list[dict[str, object]]:
    """One search entry for each numbered paragraph, located at its anchor on the page at ``page_location``."""
    entries = []
    for paragraph in guidance.paragraphs:
        if paragraph.parent is not None:
            continue
        first, *rest = paragraph.clauses
        text = [plain_text(clause.segments, guidance) for clause in rest]
        text += [_item_text(item, guidance) for item in guidance.children(paragraph.id)]
        entries.append(
            {
                "location": f"{page_location}#{paragraph.anchor}",
                "title": escape(f"Paragraph {paragraph.id}: {plain_text(first.segments, guidance)}", quote=False),
                "text": escape(" ".join(text), quote=False),
                "boost": PARAGRAPH_BOOST,
            }
        )
    return entries


def _item_text(item: Paragraph, guidance: Guidance) -> str:
    return f"({item.label}) " + " ".join(plain_text(clause.segments, guidance) for clause in item.clauses)


def with_paragraph_entries(index: dict, guidance: Guidance, page_location: str) -> dict:
    """The theme's search ``index`` with the paragraphs' entries just after the guidance page's own.

    The theme takes a page's first entry as the page, and the entries after it at the same address as its
    sections; entries already at a paragraph's anchor (from an earlier build) are replaced.
    """
    docs = index.get("docs")
    if not isinstance(docs, list) or not all(isinstance(doc, dict) and "location" in doc for doc in docs):
        raise IndexChanged("The search index has no list of documents with locations.")
    entries = paragraph_entries(guidance, page_location)
    added = {entry["location"] for entry in entries}
    kept = [doc for doc in docs if doc["location"] not in added]
    pages = [doc["location"] for doc in kept]
    if page_location not in pages:
        raise IndexChanged(f"The search index has no entry for the page {page_location!r}.")
    at = pages.index(page_location) + 1
    return {**index, "docs": kept[:at] + entries + kept[at:]}
