"""Guidance text as pieces for the templates: the one place that reads the data's segments for a page.

A piece is plain text, a modal verb, a glossary term, or a note mark or cross-reference. The templates
(``guidance_text.html``) escape every piece's text and emit it as HTML, never as Markdown, so characters
such as ``*`` and ``†`` stay exactly as published instead of becoming emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checklist import Guidance
from checklist.markup import CrossRef, EndnoteRef, FootnoteMark, Segment, Text

GUIDANCE_PAGE = "guidance.md"
MODAL_STRENGTHS = ("must", "should")


@dataclass(frozen=True)
class Piece:
    """A run of the guidance's text and what it is: ``text``, ``modal``, ``term``, ``footnote``, ``endnote``, ``xref``.

    ``anchor`` is where it links to (or, for a term, its glossary entry); a footnote mark's own anchor is
    ``own_anchor``; ``about`` is a term's explanation, or the paragraph a footnote belongs to.
    """

    kind: str
    text: str
    anchor: str = ""
    own_anchor: str = ""
    about: str = ""


def footnote_anchor(footnote_id: str) -> str:
    return f"fn-{footnote_id}"


def footnote_ref_anchor(footnote_id: str) -> str:
    return f"fnref-{footnote_id}"


def endnote_anchor(number: int) -> str:
    return f"endnote-{number}"


def cross_reference_anchor(reference_id: str) -> str:
    return f"xref-{reference_id}"


def glossary_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def pieces(segments: tuple[Segment, ...], guidance: Guidance, *, strength: str = "context") -> list[Piece]:
    """Segments as pieces for the guidance page, where every note and summary they link to is.

    The first ``must`` or ``should`` of a clause of that strength is marked, so must and should
    differ in weight and style, not by colour alone.
    """
    result: list[Piece] = []
    modal_pending = strength in MODAL_STRENGTHS
    for segment in segments:
        match segment:
            case Text(text=words):
                text = _with_modal(words, strength) if modal_pending else [Piece("text", words)]
                modal_pending = modal_pending and len(text) == 1
                result += _with_glossary(text, guidance)
            case FootnoteMark(footnote_id=footnote_id):
                symbol, owner = guidance.footnote(footnote_id).symbol, guidance.footnote_owner(footnote_id).id
                anchors = {"anchor": footnote_anchor(footnote_id), "own_anchor": footnote_ref_anchor(footnote_id)}
                result.append(Piece("footnote", symbol, about=owner, **anchors))
            case EndnoteRef(number=number):
                result.append(Piece("endnote", str(number), endnote_anchor(number)))
            case CrossRef(target=target, words=words):
                result.append(Piece("xref", words, cross_reference_anchor(target)))
    return result


def _with_modal(text: str, strength: str) -> list[Piece]:
    """The text with its first ``strength`` verb as a piece of its own."""
    found = re.search(rf"\b{strength}\b", text)
    if found is None:
        return [Piece("text", text)]
    before, after = text[: found.start()], text[found.end() :]
    return [Piece("text", before), Piece("modal", strength), Piece("text", after)]


def _with_glossary(text: list[Piece], guidance: Guidance) -> list[Piece]:
    """The first use of each glossary term as a piece of its own, carrying our explanation.

    The term is also described by the visible glossary entry on the same page, so
    screen readers announce the explanation without relying on ``title``.
    """
    for entry in guidance.glossary:
        at = next((i for i, piece in enumerate(text) if piece.kind == "text" and entry.term in piece.text), None)
        if at is None:
            continue
        before, _, after = text[at].text.partition(entry.term)
        term = Piece("term", entry.term, glossary_anchor(entry.term), about=entry.definition)
        text = [*text[:at], Piece("text", before), term, Piece("text", after), *text[at + 1 :]]
    return text
