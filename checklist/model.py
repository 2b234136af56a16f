"""The guidance as typed, immutable data: what every renderer and rule reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .markup import CrossRef, EndnoteRef, FootnoteMark, Segment, Text

Strength = Literal["must", "should", "context"]
STRENGTHS: tuple[Strength, ...] = ("must", "should", "context")


@dataclass(frozen=True)
class Clause:
    """One sentence of a paragraph, with the strength of the duty it states."""

    id: str
    strength: Strength
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph (``"47"``) or a lettered sub-item (``"48b"``)."""

    id: str
    clauses: tuple[Clause, ...]
    parent: str | None = None
    label: str | None = None

    @property
    def anchor(self) -> str:
        """The stable HTML anchor of this paragraph, e.g. ``para-48b``."""
        return f"para-{self.id}"

    @property
    def strengths(self) -> tuple[Strength, ...]:
        """The duties this paragraph states, strongest first, without repeats."""
        present = {clause.strength for clause in self.clauses}
        return tuple(strength for strength in STRENGTHS if strength in present and strength != "context")


@dataclass(frozen=True)
class Footnote:
    """A footnote; its symbol is not unique, its id is."""

    id: str
    symbol: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Endnote:
    """An entry of the publication's reference list."""

    number: int
    author: str
    title: str
    year: int


@dataclass(frozen=True)
class SummaryPoint:
    """One point of our summary of a referred paragraph, with the strength of the duty the GMC states there.

    Steps of the checklist apply points as they apply clauses, so a step drawn from a
    referred paragraph carries that paragraph's own strength and can be traced to it.
    """

    id: str
    strength: Strength
    text: str


@dataclass(frozen=True)
class CrossReference:
    """A paragraph referred to but not in the extract, summarised in our own words.

    ``paragraph`` is how the checklist cites it (``"31"``, ``"Confidentiality 21"``), or None
    for a reference no step relies on.
    """

    id: str
    label: str
    source: str
    url: str
    summary: str
    points: tuple[SummaryPoint, ...]
    paragraph: str | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    """A term explained in our own words."""

    term: str
    definition: str


@dataclass(frozen=True)
class Document:
    """Which publication and edition the paragraphs come from."""

    title: str
    publisher: str
    year: int
    section: str
    paragraphs: str
    edition_note: str
    current_guidance_url: str
    licence_note: str


@dataclass(frozen=True)
class Statement:
    """A clause or a summary point, located: the paragraph steps cite for it, and its strength."""

    id: str
    paragraph: str
    strength: Strength
    quoted: bool


@dataclass(frozen=True)
class Guidance:
    """The whole extract, validated: paragraphs in published order and their notes."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    endnotes: tuple[Endnote, ...]
    cross_references: tuple[CrossReference, ...]
    glossary: tuple[GlossaryTerm, ...]

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph or sub-item with this id."""
        return next(p for p in self.paragraphs if p.id == paragraph_id)

    def footnote(self, footnote_id: str) -> Footnote:
        return next(f for f in self.footnotes if f.id == footnote_id)

    def endnote(self, number: int) -> Endnote:
        return next(e for e in self.endnotes if e.number == number)

    def cross_reference(self, reference_id: str) -> CrossReference:
        return next(x for x in self.cross_references if x.id == reference_id)

    def children(self, paragraph_id: str) -> tuple[Paragraph, ...]:
        """The lettered sub-items of a paragraph, in order."""
        return tuple(p for p in self.paragraphs if p.parent == paragraph_id)

    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the extract in published order."""
        return tuple(clause for paragraph in self.paragraphs for clause in paragraph.clauses)

    def referred(self, paragraph_id: str) -> CrossReference | None:
        """Our summary of a paragraph outside the extract, by the id steps cite it by; None for a quoted one."""
        return next((x for x in self.cross_references if x.paragraph == paragraph_id), None)

    def citable_paragraphs(self) -> tuple[str, ...]:
        """Every paragraph id the checklist may cite: the extract's, then the summarised ones (``"31"``)."""
        referred = tuple(x.paragraph for x in self.cross_references if x.paragraph is not None)
        return tuple(paragraph.id for paragraph in self.paragraphs) + referred

    def statements(self) -> tuple[Statement, ...]:
        """Every clause of the extract and every point of our summaries: what a step of the checklist applies."""
        quoted = tuple(
            Statement(clause.id, paragraph.id, clause.strength, quoted=True)
            for paragraph in self.paragraphs
            for clause in paragraph.clauses
        )
        summarised = tuple(
            Statement(point.id, reference.paragraph, point.strength, quoted=False)
            for reference in self.cross_references
            if reference.paragraph is not None
            for point in reference.points
        )
        return quoted + summarised

    def footnote_owner(self, footnote_id: str) -> Paragraph:
        """The paragraph whose text carries this footnote's mark."""
        return next(
            paragraph
            for paragraph in self.paragraphs
            for clause in paragraph.clauses
            if FootnoteMark(footnote_id) in clause.segments
        )


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def plain_text(segments: tuple[Segment, ...], guidance: Guidance, *, superscript: bool = False) -> str:
    """The text as printed in the publication: marks become their symbol or number.

    With ``superscript``, an endnote number is written as the publication sets it, raised,
    so that in plain text it does not read as part of the word before it ("doctors.⁵").
    """
    parts: list[str] = []
    for segment in segments:
        match segment:
            case Text(text=words) | CrossRef(words=words):
                parts.append(words)
            case FootnoteMark(footnote_id=footnote_id):
                parts.append(guidance.footnote(footnote_id).symbol)
            case EndnoteRef(number=number):
                parts.append(str(number).translate(_SUPERSCRIPT) if superscript else str(number))
    return "".join(parts)


def paragraph_text(paragraph: Paragraph, guidance: Guidance, *, superscript: bool = False) -> str:
    """A paragraph's whole text as printed: its clauses joined by single spaces."""
    return " ".join(plain_text(clause.segments, guidance, superscript=superscript) for clause in paragraph.clauses)
