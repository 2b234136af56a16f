"""The guidance shown is the published text, character for character."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checklist import Guidance, load_guidance, paragraph_text, plain_text

HERE = Path(__file__).resolve().parent
EXTRACT = "gmc-2012-protecting-children-paras-46-50.txt"
PROJECT_COPY = HERE / "data" / EXTRACT
SHARED_SOURCE = HERE.parent.parent / "shared" / "sources" / EXTRACT
FOOTNOTES_HEADING = "Footnotes"


def source_lines() -> list[str]:
    """The extract's lines, with the one footnote that wraps in the extract joined back up.

    A line that starts neither an item (``- ``), a footnote (``*``, ``†``) nor the
    footnote heading continues the line before it.
    """
    lines: list[str] = []
    raw = PROJECT_COPY.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(raw):
        starts_entry = index == 0 or line == FOOTNOTES_HEADING or line.startswith(("- ", "*", "†"))
        if starts_entry:
            lines.append(line)
        else:
            lines[-1] += " " + line
    return lines


def rebuilt_lines(guidance: Guidance) -> list[str]:
    """The extract as the data renders it, in the extract's own layout."""
    lines = [guidance.document.section]
    for paragraph in guidance.paragraphs:
        number = paragraph.label or paragraph.id
        lines.append(f"- {number}. {paragraph_text(paragraph, guidance)}")
    lines.append(FOOTNOTES_HEADING)
    lines += [f"{note.symbol}{plain_text(note.segments, guidance)}" for note in guidance.footnotes]
    return lines


def test_only_the_dagger_footnote_wraps_in_the_extract() -> None:
    raw = PROJECT_COPY.read_text(encoding="utf-8").split("\n")
    assert len(raw) - len(source_lines()) == 1
    assert next(line for line in source_lines() if line.startswith("†")).count(" and Scotland") == 1


def test_data_rebuilds_the_extract_character_for_character() -> None:
    assert rebuilt_lines(load_guidance()) == source_lines()


def test_project_copy_is_identical_to_the_shared_source() -> None:
    """Compared wherever ``../shared`` is beside the checkout; in CI (``CI`` set, as ``.ci/run`` sets it) it must be."""
    if not SHARED_SOURCE.exists():
        missing = f"the shared source extract is not beside the checkout: {SHARED_SOURCE} does not exist"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, and CI must compare the project's copy with it")
        pytest.skip(f"{missing}, so the project's copy is not compared with it (clone ../shared beside it to compare)")
    assert PROJECT_COPY.read_bytes() == SHARED_SOURCE.read_bytes()
