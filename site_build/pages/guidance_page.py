"""The guidance page: paragraphs 46–50 exactly as published, with their notes.

A pure function from validated data to page source, so the page can never drift
from the data and a change of site generator only needs a new adapter.
"""

from __future__ import annotations

from html import escape

from checklist import Guidance, Paragraph
from checklist.model import SummaryPoint
from site_build.pages.guidance_html import (
    clause_html,
    cross_reference_anchor,
    endnote_anchor,
    footnote_anchor,
    footnote_ref_anchor,
    glossary_anchor,
    segments_html,
)

STRENGTH_LABELS = {"must": "Must", "should": "Should"}


def render_guidance_page(guidance: Guidance) -> str:
    """Markdown source of the guidance page; quoted text is emitted as escaped HTML."""
    document = guidance.document
    parts = [
        f"# {escape(document.section)}",
        "",
        _legend(),
        "",
        f'<div class="guidance" data-source="{escape(document.title)} ({document.year})">',
        *(_paragraph(p, guidance) for p in guidance.paragraphs if p.parent is None),
        "</div>",
        "",
        "## Footnotes {#footnotes}",
        "",
        _footnotes(guidance),
        "",
        "## References {#references}",
        "",
        _references(guidance),
        "",
        "## Paragraphs referred to {#referred}",
        "",
        _cross_references(guidance),
        "",
        "## Terms explained {#terms}",
        "",
        _glossary(guidance),
        "",
    ]
    return "\n".join(parts)


def _legend() -> str:
    return (
        '<div class="legend" role="note" aria-label="How to read this page">'
        '<p class="our-words-label">Our explanation, not GMC text</p>'
        '<p>In GMC guidance, <strong class="modal modal--must">must</strong> marks an overriding duty. '
        '<strong class="modal modal--should">should</strong> marks guidance that applies in most cases; '
        "a doctor may depart from it only with good reason. Each paragraph is tagged with the duties it states. "
        "Select a paragraph number to link to it.</p></div>"
    )


def _paragraph(paragraph: Paragraph, guidance: Guidance) -> str:
    items = guidance.children(paragraph.id)
    children = ""
    if items:
        children = (
            '<ol class="para-items">' + "".join(_paragraph_body(item, guidance, "li") for item in items) + "</ol>"
        )
    return _paragraph_body(paragraph, guidance, "div", children)


def _paragraph_body(paragraph: Paragraph, guidance: Guidance, tag: str, children: str = "") -> str:
    number = f"{paragraph.label}." if paragraph.label else paragraph.id
    name = f"paragraph {paragraph.parent}{paragraph.label}" if paragraph.label else f"paragraph {paragraph.id}"
    tags = "".join(
        f'<span class="duty-tag duty-tag--{strength}">{STRENGTH_LABELS[strength]}</span>'
        for strength in paragraph.strengths
    )
    text = " ".join(clause_html(clause, guidance) for clause in paragraph.clauses)
    kind = "para--item" if paragraph.parent else "para--numbered"
    return (
        f'<{tag} class="para {kind}" id="{paragraph.anchor}" data-paragraph="{paragraph.id}">'
        f'<div class="para-head"><a class="para-link" href="#{paragraph.anchor}" title="Link to {name}">{number}</a>'
        f'<span class="duty-tags" aria-label="Duties stated">{tags}</span></div>'
        f'<blockquote class="para-text"><p>{text}</p></blockquote>{children}</{tag}>'
    )


def _footnotes(guidance: Guidance) -> str:
    items = []
    for footnote in guidance.footnotes:
        owner = guidance.footnote_owner(footnote.id)
        symbol = escape(footnote.symbol)
        items.append(
            f'<li class="footnote" id="{footnote_anchor(footnote.id)}" data-footnote="{footnote.id}" '
            f'data-paragraph="{owner.id}"><span class="fn-symbol" aria-hidden="true">{symbol}</span>'
            f'<blockquote class="footnote-text"><p>{segments_html(footnote.segments, guidance)}</p></blockquote>'
            f'<a class="fn-back" href="#{footnote_ref_anchor(footnote.id)}">'
            f'Back to footnote {symbol} in paragraph {owner.id} <span aria-hidden="true">↩</span></a></li>'
        )
    return '<ol class="footnotes">' + "".join(items) + "</ol>"


def _references(guidance: Guidance) -> str:
    items = "".join(
        f'<li id="{endnote_anchor(e.number)}" value="{e.number}">{escape(e.author)} ({e.year}). '
        f"<cite>{escape(e.title)}</cite>.</li>"
        for e in guidance.endnotes
    )
    return f'<p class="our-words-label">From the publication\'s reference list</p><ol class="endnotes">{items}</ol>'


def _cross_references(guidance: Guidance) -> str:
    sections = []
    for reference in guidance.cross_references:
        points = "".join(_summary_point(point) for point in reference.points)
        sections.append(
            f'<section class="summary" id="{cross_reference_anchor(reference.id)}" '
            f'aria-labelledby="{cross_reference_anchor(reference.id)}-title">'
            '<p class="our-words-label">Summary in our words, not a quotation</p>'
            f'<h3 id="{cross_reference_anchor(reference.id)}-title">{escape(reference.label)}</h3>'
            f"<p>{escape(reference.summary)}</p>"
            + (f"<ul>{points}</ul>" if points else "")
            + f'<p class="summary-source">Source: {escape(reference.source)}. '
            f'<a href="{escape(reference.url)}">Read the GMC\'s current edition</a>: its wording, and in places its '
            "paragraph numbers, differ from the edition cited here.</p></section>"
        )
    return (
        "<p>The extract refers to these paragraphs, which it does not include. "
        "They are summarised here in our own words; read the GMC's text before relying on them.</p>" + "".join(sections)
    )


def _summary_point(point: SummaryPoint) -> str:
    """A point of our summary, tagged with the strength of the duty the GMC states there."""
    tag = (
        f'<span class="duty-tag duty-tag--{point.strength}">{STRENGTH_LABELS[point.strength]}</span> '
        if point.strength in STRENGTH_LABELS
        else ""
    )
    return f'<li data-point="{escape(point.id)}">{tag}{escape(point.text)}</li>'


def _glossary(guidance: Guidance) -> str:
    entries = "".join(
        f'<dt>{escape(entry.term)}</dt><dd id="{glossary_anchor(entry.term)}">{escape(entry.definition)}</dd>'
        for entry in guidance.glossary
    )
    return f'<p class="our-words-label">Our explanations, not GMC text</p><dl class="glossary">{entries}</dl>'
