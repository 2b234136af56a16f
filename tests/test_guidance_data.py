"""The guidance data loads into the model as published, and bad data is rejected clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import DataError, load_guidance, paragraph_text, plain_text

DATA_FILE = Path(__file__).resolve().parent.parent / "checklist" / "data" / "guidance.toml"


def test_paragraphs_and_sub_items_in_published_order() -> None:
    guidance = load_guidance()
    assert [p.id for p in guidance.paragraphs] == ["46", "47", "48", "48a", "48b", "48c", "49", "50"]
    assert [p.id for p in guidance.children("48")] == ["48a", "48b", "48c"]
    assert [p.anchor for p in guidance.children("48")] == ["para-48a", "para-48b", "para-48c"]


def test_two_star_footnotes_are_distinct_and_attached_where_the_source_puts_them() -> None:
    guidance = load_guidance()
    stars = [f for f in guidance.footnotes if f.symbol == "*"]
    assert [f.id for f in stars] == ["formal-reviews", "relevance"]
    assert guidance.footnote_owner("formal-reviews").id == "47"
    assert guidance.footnote_owner("public-protection").id == "47"
    assert guidance.footnote_owner("relevance").id == "49"
    assert "reviews* carried out" in paragraph_text(guidance.paragraph("47"), guidance)
    assert paragraph_text(guidance.paragraph("47"), guidance).endswith("sex offenders.†")
    assert "complete records.* If you share" in paragraph_text(guidance.paragraph("49"), guidance)


def test_endnotes_are_references_not_stray_digits() -> None:
    guidance = load_guidance()
    assert {(e.number, e.title, e.year) for e in guidance.endnotes} == {
        (5, "0–18 years: guidance for all doctors", 2007),
        (6, "Confidentiality", 2009),
    }
    public_protection = plain_text(guidance.footnote("public-protection").segments, guidance)
    assert public_protection.endswith("for further guidance.6")


def test_clause_strengths_keep_must_and_should_apart() -> None:
    guidance = load_guidance()
    strengths = {clause.id: clause.strength for clause in guidance.clauses()}
    assert strengths["47.1"] == strengths["47.2"] == "must"
    assert strengths["47.3"] == "context"
    assert strengths["47.4"] == "should"
    assert guidance.paragraph("47").strengths == ("must", "should")
    assert guidance.paragraph("46").strengths == ("should",)


def test_cross_references_cover_the_paragraphs_referred_to() -> None:
    guidance = load_guidance()
    ids = {x.id for x in guidance.cross_references}
    assert ids == {"para-31", "para-38", "zero-eighteen-42-52", "confidentiality-56"}
    assert len(guidance.cross_reference("para-31").summary_points) == 3


def test_document_metadata_names_the_2012_edition() -> None:
    document = load_guidance().document
    assert document.year == 2012
    assert document.publisher == "General Medical Council"
    assert document.current_guidance_url.startswith("https://www.gmc-uk.org/")


# Each case: (description, text to replace, replacement, item named, field named, words in the message)
BAD_DATA = [
    ("duplicate paragraph id", 'id = "50"', 'id = "49"', "paragraph 49", "id", "duplicate"),
    ("duplicate clause id", 'id = "49.4"', 'id = "49.3"', "paragraph 49", "clauses[3].id", "duplicate clause id"),
    ("missing footnote", "{fn:relevance}", "{fn:relevant}", "paragraph 49", "clauses[2].text", "does not exist"),
    ("unused footnote", "records.{fn:relevance}", "records.", "footnote relevance", "id", "never attached"),
    (
        "footnote attached twice",
        "reviews{fn:formal-reviews}",
        "reviews{fn:relevance}",
        "paragraph 49",
        "clauses[2].text",
        "second time",
    ),
    ("unknown cross-reference", "{xref:para-38|", "{xref:para-39|", "paragraph 49", "clauses[3].text", "para-39"),
    ("unknown endnote", "guidance.{en:6}", "guidance.{en:7}", "footnote public-protection", "text", "endnote 7"),
    (
        "malformed mark",
        "{fn:public-protection}",
        "{fn public-protection}",
        "paragraph 47",
        "clauses[3].text",
        "unrecognised mark",
    ),
    (
        "empty clause text",
        'text = "If you are not sure whether to share',
        'text = "" }, #',
        "paragraph 50",
        "clauses[0].text",
        "must not be empty",
    ),
    ("wrong type", "year = 2012", 'year = "2012"', "document", "year", "whole number"),
    ("unknown key", 'id = "46"\n', 'id = "46"\ncolour = "red"\n', "paragraph 46", "colour", "unknown key"),
    (
        "strength that the text contradicts",
        '{ id = "47.1", strength = "must"',
        '{ id = "47.1", strength = "should"',
        "paragraph 47",
        "clauses[0].strength",
        "does not match",
    ),
    (
        "unknown strength",
        '{ id = "46.1", strength = "should"',
        '{ id = "46.1", strength = "may"',
        "paragraph 46",
        "clauses[0].strength",
        "not one of",
    ),
    (
        "sub-item without a parent paragraph",
        'parent = "48"\nlabel = "b"',
        'parent = "45"\nlabel = "b"',
        "paragraph 48b",
        "parent",
        "no paragraph '45'",
    ),
    ("missing field", 'symbol = "†"\n', "", "footnote public-protection", "symbol", "missing"),
    (
        "empty footnote text",
        'text = "For example, serious',
        'text = "   " #',
        "footnote formal-reviews",
        "text",
        "must not be empty",
    ),
]


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    original = DATA_FILE.read_text(encoding="utf-8")
    assert old in original, f"test case no longer matches the data file: {old!r}"
    broken = tmp_path / "guidance.toml"
    broken.write_text(original.replace(old, new, 1), encoding="utf-8")
    return broken


@pytest.mark.parametrize(("case", "old", "new", "item", "field", "words"), BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_is_rejected_naming_file_item_and_field(
    tmp_path: Path, case: str, old: str, new: str, item: str, field: str, words: str | None
) -> None:
    broken = _broken_copy(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        load_guidance(broken)
    error = caught.value
    assert (error.file, error.item, error.field) == (str(broken), item, field), str(error)
    message = str(error)
    assert str(broken) in message and item in message and field in message
    if words:
        assert words in message


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "[[footnotes]]", "[[footnotes]")
    with pytest.raises(DataError, match=r"guidance\.toml: file, field '\(syntax\)'"):
        load_guidance(broken)
