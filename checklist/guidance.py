"""Load and validate the guidance data (``data/guidance.toml``) into the model."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from . import markup
from .model import (
    STRENGTHS,
    Clause,
    CrossReference,
    Document,
    Endnote,
    Footnote,
    GlossaryTerm,
    Guidance,
    Paragraph,
    SummaryPoint,
)
from .validation import Table, read_source, root, unique

GUIDANCE_FILE = "guidance.toml"
_PARAGRAPH_ID = re.compile(r"\d+[a-z]?")
_MODAL = {"must": re.compile(r"\bmust\b"), "should": re.compile(r"\bshould\b")}
_CITED_AS = re.compile(r"\d+[a-z]?|[A-Z][a-z]+ \d+")


@cache
def load_guidance(path: str | Path | None = None) -> Guidance:
    """The validated guidance; raises ``DataError`` naming file, item and field."""
    top = root(read_source(path, GUIDANCE_FILE))
    top.only("document", "paragraphs", "footnotes", "endnotes", "cross_references", "glossary")
    paragraph_tables = top.tables("paragraphs", "paragraph", key="id")
    footnote_tables = top.tables("footnotes", "footnote", key="id")
    endnote_tables = top.tables("endnotes", "endnote", key="number")
    reference_tables = top.tables("cross_references", "cross-reference", key="id")
    glossary_tables = top.tables("glossary", "glossary term", key="term")
    for tables, key, kind in (
        (paragraph_tables, "id", str),
        (footnote_tables, "id", str),
        (endnote_tables, "number", int),
        (reference_tables, "id", str),
        (glossary_tables, "term", str),
    ):
        unique(tables, key, kind)

    guidance = Guidance(
        document=_document(Table(top.source, "document", top.get("document", dict))),
        paragraphs=tuple(_paragraph(table) for table in paragraph_tables),
        footnotes=tuple(_footnote(table) for table in footnote_tables),
        endnotes=tuple(_endnote(table) for table in endnote_tables),
        cross_references=tuple(_cross_reference(table) for table in reference_tables),
        glossary=tuple(_glossary_term(table) for table in glossary_tables),
    )
    _check_structure(guidance, paragraph_tables)
    _check_summaries(guidance, reference_tables)
    _check_marks(guidance, paragraph_tables, footnote_tables)
    return guidance


def _document(table: Table) -> Document:
    fields = (
        "title",
        "publisher",
        "year",
        "section",
        "paragraphs",
        "edition_note",
        "current_guidance_url",
        "licence_note",
    )
    table.only(*fields)
    return Document(**{name: table.get(name, int if name == "year" else str) for name in fields})


def _paragraph(table: Table) -> Paragraph:
    table.only("id", "parent", "label", "clauses")
    paragraph_id = table.get("id", str)
    if not _PARAGRAPH_ID.fullmatch(paragraph_id):
        table.fail("id", f"{paragraph_id!r} is not a paragraph number such as '47' or '48b'")
    clauses = table.get("clauses", list)
    if not clauses:
        table.fail("clauses", "must list at least one clause")
    return Paragraph(
        id=paragraph_id,
        clauses=tuple(_clause(table.nested("clauses", index, value)) for index, value in enumerate(clauses)),
        parent=table.get("parent", str, default=None),
        label=table.get("label", str, default=None),
    )


def _clause(table: Table) -> Clause:
    table.only("id", "strength", "text")
    strength = table.get("strength", str)
    if strength not in STRENGTHS:
        table.fail("strength", f"{strength!r} is not one of {', '.join(STRENGTHS)}")
    return Clause(id=table.get("id", str), strength=strength, segments=_segments(table))


def _segments(table: Table) -> tuple[markup.Segment, ...]:
    try:
        return markup.parse(table.get("text", str))
    except markup.MarkupError as error:
        table.fail("text", str(error))


def _footnote(table: Table) -> Footnote:
    table.only("id", "symbol", "text")
    return Footnote(id=table.get("id", str), symbol=table.get("symbol", str), segments=_segments(table))


def _endnote(table: Table) -> Endnote:
    table.only("number", "author", "title", "year")
    return Endnote(
        number=table.get("number", int),
        author=table.get("author", str),
        title=table.get("title", str),
        year=table.get("year", int),
    )


def _cross_reference(table: Table) -> CrossReference:
    table.only("id", "label", "source", "url", "summary", "paragraph", "points")
    paragraph = table.get("paragraph", str, default=None)
    if paragraph is not None and not _CITED_AS.fullmatch(paragraph):
        table.fail("paragraph", f"{paragraph!r} is not a paragraph number such as '31' or 'Confidentiality 21'")
    points = table.get("points", list, default=[])
    if points and paragraph is None:
        table.fail("points", "points can be applied by steps, so the summary needs the 'paragraph' they cite")
    return CrossReference(
        id=table.get("id", str),
        label=table.get("label", str),
        source=table.get("source", str),
        url=table.get("url", str),
        summary=table.get("summary", str),
        points=tuple(_point(table.nested("points", index, value), paragraph) for index, value in enumerate(points)),
        paragraph=paragraph,
    )


def _point(table: Table, paragraph: str | None) -> SummaryPoint:
    """A point of our summary: its id belongs to its paragraph, and only a point of a 'must' says must."""
    table.only("id", "strength", "text")
    point_id, strength, text = table.get("id", str), table.get("strength", str), table.get("text", str)
    if not re.fullmatch(rf"{re.escape(str(paragraph))}([a-z]|\.\d+)", point_id):
        table.fail("id", f"{point_id!r} must be the paragraph {paragraph!r} followed by a letter or '.1', '.2'…")
    if strength not in STRENGTHS:
        table.fail("strength", f"{strength!r} is not one of {', '.join(STRENGTHS)}")
    if (strength == "must") != bool(_MODAL["must"].search(text)):
        table.fail(
            "text",
            "our words say 'must' only for a duty the GMC states with 'must'"
            if strength != "must"
            else "a 'must' point says 'must', as the GMC does",
        )
    return SummaryPoint(id=point_id, strength=strength, text=text)


def _glossary_term(table: Table) -> GlossaryTerm:
    table.only("term", "definition")
    return GlossaryTerm(term=table.get("term", str), definition=table.get("definition", str))


def _check_structure(guidance: Guidance, tables: list[Table]) -> None:
    """Clause and point ids are unique; sub-items sit under a lead-in and share its duty; modals match."""
    seen_clauses = {point.id for reference in guidance.cross_references for point in reference.points}
    known = {paragraph.id for paragraph in guidance.paragraphs}
    for paragraph, table in zip(guidance.paragraphs, tables, strict=True):
        for index, clause in enumerate(paragraph.clauses):
            if clause.id in seen_clauses:
                table.fail(f"clauses[{index}].id", f"duplicate clause id {clause.id!r}")
            seen_clauses.add(clause.id)
        if (paragraph.parent is None) != (paragraph.label is None):
            table.fail("parent", "a sub-item needs both 'parent' and 'label'")
        if paragraph.parent is None:
            for index, clause in enumerate(paragraph.clauses):
                _check_modal(table, index, clause)
            continue
        if paragraph.parent not in known:
            table.fail("parent", f"no paragraph {paragraph.parent!r}")
        if paragraph.id != f"{paragraph.parent}{paragraph.label}":
            table.fail(
                "label",
                f"id {paragraph.id!r} must be parent {paragraph.parent!r} followed by label {paragraph.label!r}",
            )
        lead_in = guidance.paragraph(paragraph.parent).clauses[-1].strength
        for index, clause in enumerate(paragraph.clauses):
            if clause.strength != lead_in:
                table.fail(f"clauses[{index}].strength", f"a sub-item takes the strength of its lead-in ({lead_in!r})")


def _check_summaries(guidance: Guidance, tables: list[Table]) -> None:
    """Each summarised paragraph is cited by one id, which no quoted paragraph has; point ids are unique."""
    seen = {paragraph.id for paragraph in guidance.paragraphs}
    points: set[str] = set()
    for reference, table in zip(guidance.cross_references, tables, strict=True):
        for index, point in enumerate(reference.points):
            if point.id in points:
                table.fail(f"points[{index}].id", f"duplicate point id {point.id!r}")
            points.add(point.id)
        if reference.paragraph is None:
            continue
        if reference.paragraph in seen:
            table.fail("paragraph", f"paragraph {reference.paragraph!r} is already quoted or summarised")
        seen.add(reference.paragraph)


def _check_modal(table: Table, index: int, clause: Clause) -> None:
    """A 'must' clause says must, a 'should' clause says should, a 'context' clause says neither."""
    words = "".join(s.text for s in clause.segments if isinstance(s, markup.Text))
    expected = clause.strength
    said = [strength for strength, pattern in _MODAL.items() if pattern.search(words)]
    if (expected == "context" and said) or (expected != "context" and expected not in said):
        table.fail(
            f"clauses[{index}].strength",
            f"{expected!r} does not match the text, which says {said or 'neither must nor should'}",
        )


def _check_marks(guidance: Guidance, paragraph_tables: list[Table], footnote_tables: list[Table]) -> None:
    """Every mark points at something that exists; every footnote is attached exactly once."""
    footnote_ids = {footnote.id for footnote in guidance.footnotes}
    endnote_numbers = {endnote.number for endnote in guidance.endnotes}
    reference_ids = {reference.id for reference in guidance.cross_references}
    uses: Counter[str] = Counter()

    def check(table: Table, field: str, segments: tuple[markup.Segment, ...]) -> None:
        for segment in segments:
            match segment:
                case markup.FootnoteMark(footnote_id=footnote_id):
                    if footnote_id not in footnote_ids:
                        table.fail(field, f"refers to footnote {footnote_id!r}, which does not exist")
                    uses[footnote_id] += 1
                    if uses[footnote_id] > 1:
                        table.fail(field, f"footnote {footnote_id!r} is attached a second time")
                case markup.EndnoteRef(number=number) if number not in endnote_numbers:
                    table.fail(field, f"refers to endnote {number}, which does not exist")
                case markup.CrossRef(target=target) if target not in reference_ids:
                    table.fail(field, f"refers to cross-reference {target!r}, which does not exist")

    for paragraph, table in zip(guidance.paragraphs, paragraph_tables, strict=True):
        for index, clause in enumerate(paragraph.clauses):
            check(table, f"clauses[{index}].text", clause.segments)
    for footnote, table in zip(guidance.footnotes, footnote_tables, strict=True):
        for segment in footnote.segments:
            if isinstance(segment, markup.FootnoteMark):
                table.fail("text", "a footnote cannot carry another footnote")
        check(table, "text", footnote.segments)
    for footnote, table in zip(guidance.footnotes, footnote_tables, strict=True):
        if uses[footnote.id] == 0:
            table.fail("id", f"footnote {footnote.id!r} is never attached to any paragraph")
