"""The guidance data loads into the model as published, and bad data is rejected clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import DataError, load_guidance, paragraph_text, plain_text

from .bad_data import assert_rejected, edited_copy

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


def test_cross_references_cover_the_paragraphs_referred_to_and_those_the_steps_lean_on() -> None:
    guidance = load_guidance()
    ids = {x.id for x in guidance.cross_references}
    referred = {"para-31", "para-38", "zero-eighteen-42-52", "confidentiality-56"}
    leaned_on = {"para-32", "para-34", "para-35", "para-43", "para-44", "para-45", "confidentiality-21"}
    assert ids == referred | leaned_on
    assert [p.id for p in guidance.referred("31").points] == ["31a", "31b", "31c"]
    assert all(p.strength == "context" for p in guidance.referred("31").points)


def test_the_public_interest_is_a_weighing_of_benefits_not_a_threshold_of_serious_harm() -> None:
    condition = load_guidance().referred("31").points[2].text
    assert "benefits to the child or young person of sharing outweigh both" in condition
    assert "not a test of whether there is a risk of serious harm" in condition


def test_summaries_say_must_only_where_the_gmc_does() -> None:
    points = {p.id: p for x in load_guidance().cross_references for p in x.points}
    musts = {point_id for point_id, point in points.items() if point.strength == "must"}
    assert musts == {"32.1", "44.2", "45.3", "Confidentiality 21.1"}
    for point in points.values():
        assert ("must" in point.text.split()) == (point.strength == "must"), point.id


def test_document_metadata_names_the_2012_edition_as_first_published_and_its_2018_update() -> None:
    document = load_guidance().document
    assert document.year == 2012
    assert document.publisher == "General Medical Council"
    assert document.current_guidance_url.startswith("https://www.gmc-uk.org/")
    assert "as first published" in document.edition_note
    assert "25 May 2018" in document.edition_note


def test_the_withdrawn_confidentiality_edition_is_said_to_be_withdrawn_and_not_linked_as_its_paragraph() -> None:
    guidance = load_guidance()
    for reference_id in ("confidentiality-21", "confidentiality-56"):
        reference = guidance.cross_reference(reference_id)
        assert "2009" in reference.label and "25 April 2017" in reference.summary
        assert "numbered differently" in reference.summary
    assert "current edition is not this paragraph" in guidance.cross_reference("confidentiality-56").summary


def test_our_explanations_use_todays_names_for_reviews_and_roles() -> None:
    glossary = {entry.term: entry.definition for entry in load_guidance().glossary}
    assert "child safeguarding practice reviews" in glossary["serious case reviews"]
    assert "child practice reviews" in glossary["serious case reviews"]
    assert "learning reviews" in glossary["significant case reviews"]
    assert "strategic role across a wider area" in glossary["named or designated professional"]
    assert "health boards" in glossary["MAPPA"]


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
        "a summary point that says must for a should",
        '{ id = "34.1", strength = "should", text = "Ask for consent',
        '{ id = "34.1", strength = "should", text = "You must ask for consent',
        "cross-reference para-34",
        "points[0].text",
        "only for a duty the GMC states with 'must'",
    ),
    (
        "a must point in our words that does not say must",
        "abuse or neglect, you must tell an appropriate agency – such as",
        "abuse or neglect, you could tell an appropriate agency – such as",
        "cross-reference para-32",
        "points[0].text",
        None,
    ),
    (
        "a point that does not belong to its paragraph",
        '{ id = "35.2", strength',
        '{ id = "36.2", strength',
        "cross-reference para-35",
        "points[1].id",
        "must be the paragraph '35'",
    ),
    (
        "two summaries cited by the same paragraph",
        'id = "zero-eighteen-42-52"\n',
        'id = "zero-eighteen-42-52"\nparagraph = "38"\n',
        "cross-reference zero-eighteen-42-52",
        "paragraph",
        "already quoted or summarised",
    ),
    (
        "a summary point with a duplicate id",
        '{ id = "45.2", strength',
        '{ id = "45.1", strength',
        "cross-reference para-45",
        "points[1].id",
        "duplicate",
    ),
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
    return edited_copy(DATA_FILE.read_text(encoding="utf-8"), old, new, tmp_path / "guidance.toml")


@pytest.mark.parametrize(("case", "old", "new", "item", "field", "words"), BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_is_rejected_naming_file_item_and_field(
    tmp_path: Path, case: str, old: str, new: str, item: str, field: str, words: str | None
) -> None:
    assert_rejected(load_guidance, _broken_copy(tmp_path, old, new), item, field, words)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path, "[[footnotes]]", "[[footnotes]")
    with pytest.raises(DataError, match=r"guidance\.toml: file, field '\(syntax\)'"):
        load_guidance(broken)
