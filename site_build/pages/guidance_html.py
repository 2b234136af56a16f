"""Guidance text as HTML: the one place that turns data segments into markup.

Quoted text is escaped and emitted as HTML, never as Markdown, so characters such
as ``*`` and ``†`` stay exactly as published instead of becoming emphasis.
"""

from __future__ import annotations

import re
from html import escape

from checklist import Guidance
from checklist.markup import CrossRef, EndnoteRef, FootnoteMark, Segment, Text
from checklist.model import Clause

GUIDANCE_PAGE = "guidance.md"


def footnote_anchor(footnote_id: str) -> str:
    return f"fn-{footnote_id}"


def footnote_ref_anchor(footnote_id: str) -> str:
    return f"fnref-{footnote_id}"


def endnote_anchor(number: int) -> str:
    return f"endnote-{number}"


def cross_reference_anchor(reference_id: str) -> str:
    return f"xref-{reference_id}"


def segments_html(segments: tuple[Segment, ...], guidance: Guidance, *, strength: str = "context") -> str:
    """Segments as inline HTML for the guidance page, where every note and summary they link to is.

    ``strength`` marks the clause's modal verb so must and should differ in weight and
    style, not by colour alone.
    """
    parts: list[str] = []
    modal_pending = strength in ("must", "should")
    for segment in segments:
        match segment:
            case Text(text=words):
                html = escape(words, quote=False)
                if modal_pending and re.search(rf"\b{strength}\b", html):
                    html = re.sub(
                        rf"\b{strength}\b",
                        rf'<strong class="modal modal--{strength}">{strength}</strong>',
                        html,
                        count=1,
                    )
                    modal_pending = False
                parts.append(_with_glossary(html, guidance))
            case FootnoteMark(footnote_id=footnote_id):
                symbol = escape(guidance.footnote(footnote_id).symbol)
                owner = guidance.footnote_owner(footnote_id).id
                parts.append(
                    f'<sup class="fn-ref" id="{footnote_ref_anchor(footnote_id)}">'
                    f'<a href="#{footnote_anchor(footnote_id)}" '
                    f'aria-label="Footnote {symbol} to paragraph {owner}">{symbol}</a></sup>'
                )
            case EndnoteRef(number=number):
                parts.append(
                    f'<sup class="endnote-ref"><a href="#{endnote_anchor(number)}" '
                    f'aria-label="Reference {number}">{number}</a></sup>'
                )
            case CrossRef(target=target, words=words):
                parts.append(
                    f'<a class="xref" href="#{cross_reference_anchor(target)}">{escape(words, quote=False)}</a>'
                )
    return "".join(parts)


def clause_html(clause: Clause, guidance: Guidance) -> str:
    """One clause in a span that carries its id and strength, for styling and for tests."""
    inner = segments_html(clause.segments, guidance, strength=clause.strength)
    return f'<span class="clause clause--{clause.strength}" data-clause="{clause.id}">{inner}</span>'


def _with_glossary(escaped: str, guidance: Guidance) -> str:
    """Wrap glossary terms in a focusable ``abbr`` whose title is our explanation.

    The term is also described by the visible glossary entry on the same page, so
    screen readers announce the explanation without relying on ``title``.
    """
    for entry in guidance.glossary:
        term = escape(entry.term, quote=False)
        if term in escaped:
            escaped = escaped.replace(
                term,
                f'<abbr class="glossary-term" title="{escape(entry.definition)}" tabindex="0" '
                f'aria-describedby="{glossary_anchor(entry.term)}">{term}</abbr>',
                1,
            )
    return escaped


def glossary_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
