"""Inline marks inside guidance text: footnote marks, endnote numbers, cross-references.

The data keeps each sentence exactly as published, with small marks where the
publication attaches a footnote or an endnote, or refers to another paragraph.
Parsing them once, here, lets every renderer (plain text, HTML, records) agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"\{(fn|en|xref):([^}|]*)(?:\|([^}]*))?\}")


@dataclass(frozen=True)
class Text:
    """Words shown as they are."""

    text: str


@dataclass(frozen=True)
class FootnoteMark:
    """Where a footnote is attached; shown as the footnote's symbol."""

    footnote_id: str


@dataclass(frozen=True)
class EndnoteRef:
    """A reference to the publication's own reference list (a superscript number)."""

    number: int


@dataclass(frozen=True)
class CrossRef:
    """Words that refer to a paragraph outside this extract."""

    target: str
    words: str


Segment = Text | FootnoteMark | EndnoteRef | CrossRef


class MarkupError(ValueError):
    """A mark in the text is malformed; the message says which one."""


def parse(text: str) -> tuple[Segment, ...]:
    """Split ``text`` into plain words and marks, rejecting anything ambiguous."""
    segments: list[Segment] = []
    position = 0
    for match in _MARK.finditer(text):
        _append_text(segments, text[position : match.start()])
        segments.append(_mark(match))
        position = match.end()
    _append_text(segments, text[position:])
    return tuple(segments)


def _append_text(segments: list[Segment], words: str) -> None:
    if "{" in words or "}" in words:
        raise MarkupError(f"unrecognised mark near {words!r}; use {{fn:ID}}, {{en:N}} or {{xref:ID|words}}")
    if words:
        segments.append(Text(words))


def _mark(match: re.Match[str]) -> Segment:
    kind, value, words = match.group(1), match.group(2), match.group(3)
    if not value:
        raise MarkupError(f"mark {match.group(0)!r} has no id")
    if kind == "xref":
        if not words:
            raise MarkupError(f"cross-reference {match.group(0)!r} needs words: {{xref:ID|words}}")
        return CrossRef(value, words)
    if words is not None:
        raise MarkupError(f"mark {match.group(0)!r} takes no words")
    if kind == "fn":
        return FootnoteMark(value)
    if not value.isdigit():
        raise MarkupError(f"endnote mark {match.group(0)!r} needs a number")
    return EndnoteRef(int(value))
