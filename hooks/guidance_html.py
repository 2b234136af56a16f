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


def segments_html(
    segments: tuple[Segment, ...], guidance: Guidance, *, page: str = "", strength: str = "context"
) -> str:
    """Segments as inline HTML.

    ``page`` prefixes links when the text is shown on another page than the guidance;
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
                parts.append(_with_glossary(html, guidance, same_page=not page))
            case FootnoteMark(footnote_id=footnote_id):
                symbol = escape(guidance.footnote(footnote_id).symbol)
                owner = guidance.footnote_owner(footnote_id).id
                anchor_id = f' id="{footnote_ref_anchor(footnote_id)}"' if not page else ""
                parts.append(
                    f'<sup class="fn-ref"{anchor_id}>'
                    f'<a href="{page}#{footnote_anchor(footnote_id)}" '
                    f'aria-label="Footnote {symbol} to paragraph {owner}">{symbol}</a></sup>'
                )
            case EndnoteRef(number=number):
                parts.append(
                    f'<sup class="endnote-ref"><a href="{page}#{endnote_anchor(number)}" '
                    f'aria-label="Reference {number}">{number}</a></sup>'
                )
            case CrossRef(target=target, words=words):
                parts.append(
                    f'<a class="xref" href="{page}#{cross_reference_anchor(target)}">{escape(words, quote=False)}</a>'
                )
    return "".join(parts)


def clause_html(clause: Clause, guidance: Guidance, *, page: str = "") -> str:
    """One clause in a span that carries its id and strength, for styling and for tests."""
    inner = segments_html(clause.segments, guidance, page=page, strength=clause.strength)
    return f'<span class="clause clause--{clause.strength}" data-clause="{clause.id}">{inner}</span>'


def _with_glossary(escaped: str, guidance: Guidance, *, same_page: bool) -> str:
    """Wrap glossary terms in a focusable ``abbr`` whose title is our explanation.

    On the guidance page the term is also described by the visible glossary entry,
    so screen readers announce the explanation without relying on ``title``.
    """
    for entry in guidance.glossary:
        term = escape(entry.term, quote=False)
        if term in escaped:
            described = f' aria-describedby="{glossary_anchor(entry.term)}"' if same_page else ""
            escaped = escaped.replace(
                term,
                f'<abbr class="glossary-term" title="{escape(entry.definition)}" tabindex="0"{described}>{term}</abbr>',
                1,
            )
    return escaped


def glossary_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
