"""A real ``mkdocs build --strict``: the guidance page is generated from the data, verbatim."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from checklist import load_guidance, paragraph_text, plain_text
from checklist.citing import SUMMARY_NOTE

from .conftest import ROOT, build_site


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def guidance_page(built_site: Path) -> BeautifulSoup:
    return _page(built_site, "guidance/index.html")


def _one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def test_every_paragraph_has_its_anchor_permalink_and_verbatim_text(guidance_page: BeautifulSoup) -> None:
    guidance = load_guidance()
    for paragraph in guidance.paragraphs:
        block = _one(guidance_page, f"#{paragraph.anchor}")
        link = _one(block, f":scope > .para-head > a.para-link[href='#{paragraph.anchor}']")
        assert link.get_text() == (f"{paragraph.label}." if paragraph.label else paragraph.id)
        quote = _one(block, ":scope > blockquote.para-text")
        assert quote.get_text() == paragraph_text(paragraph, guidance)


def test_sub_items_sit_inside_their_lead_in(guidance_page: BeautifulSoup) -> None:
    items = guidance_page.select("#para-48 > ol.para-items > li")
    assert [item["id"] for item in items] == ["para-48a", "para-48b", "para-48c"]


def test_footnotes_are_linked_both_ways_from_the_right_paragraph(guidance_page: BeautifulSoup) -> None:
    guidance = load_guidance()
    for footnote in guidance.footnotes:
        owner = guidance.footnote_owner(footnote.id)
        mark = _one(guidance_page, f"#fnref-{footnote.id}")
        assert mark.find_parent(id=owner.anchor) is not None
        assert _one(mark, "a")["href"] == f"#fn-{footnote.id}"
        assert mark.get_text() == footnote.symbol
        note = _one(guidance_page, f"li#fn-{footnote.id}")
        assert _one(note, "a.fn-back")["href"] == f"#fnref-{footnote.id}"
        assert _one(note, "blockquote.footnote-text").get_text() == plain_text(footnote.segments, guidance)


def test_the_two_star_footnotes_lead_to_different_notes(guidance_page: BeautifulSoup) -> None:
    star_targets = {
        mark.find_parent(class_="para")["id"]: _one(mark, "a")["href"]
        for mark in guidance_page.select("sup.fn-ref")
        if mark.get_text() == "*"
    }
    assert star_targets == {"para-47": "#fn-formal-reviews", "para-49": "#fn-relevance"}


def test_endnotes_are_linked_references(guidance_page: BeautifulSoup) -> None:
    for number in (5, 6):
        assert guidance_page.select(f"sup.endnote-ref a[href='#endnote-{number}']")
        assert _one(guidance_page, f"#endnote-{number}").get_text().startswith("General Medical Council")


def test_must_and_should_are_marked_by_more_than_colour(guidance_page: BeautifulSoup) -> None:
    guidance = load_guidance()
    for clause in guidance.clauses():
        span = _one(guidance_page, f"span.clause[data-clause='{clause.id}']")
        assert f"clause--{clause.strength}" in span["class"]
        modals = span.select("strong.modal")
        if clause.strength == "context":
            assert modals == []
        elif clause.id[:-2] in ("48a", "48b", "48c"):
            assert modals == []  # sub-items take the duty of their lead-in
        else:
            assert [m.get_text() for m in modals] == [clause.strength]
            assert f"modal--{clause.strength}" in modals[0]["class"]
    tags = {
        p["id"]: [t.get_text() for t in p.select(":scope > .para-head .duty-tag")]
        for p in guidance_page.select(".para")
    }
    assert tags["para-47"] == ["Must", "Should"]
    assert tags["para-46"] == ["Should"]


def test_referred_paragraphs_are_labelled_summaries_not_quotations(guidance_page: BeautifulSoup) -> None:
    for reference in load_guidance().cross_references:
        section = _one(guidance_page, f"section.summary#xref-{reference.id}")
        assert section.find_parent("blockquote") is None and section.find("blockquote") is None
        assert _one(section, ".our-words-label").get_text() == SUMMARY_NOTE, "the record's words for a summary"
        assert _one(section, "a[href^='https://www.gmc-uk.org/']")
    links = {a.get_text(): a["href"] for a in guidance_page.select("blockquote a.xref")}
    assert links["paragraph 31"] == "#xref-para-31"
    assert links["paragraph 38"] == "#xref-para-38"


def test_glossary_terms_have_tooltips_described_by_visible_entries(guidance_page: BeautifulSoup) -> None:
    for entry in load_guidance().glossary:
        term = _one(guidance_page, f"abbr.glossary-term[aria-describedby='{_glossary_id(entry.term)}']")
        assert term.get_text() == entry.term
        assert term["title"] == entry.definition
        assert _one(guidance_page, f"#{_glossary_id(entry.term)}").get_text() == entry.definition


def _glossary_id(term: str) -> str:
    return "term-" + "-".join(term.lower().split())


def test_every_page_says_it_shows_the_2012_text(built_site: Path) -> None:
    document = load_guidance().document
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 4
    for path in pages:
        note = _one(_page(built_site, str(path.relative_to(built_site))), ".edition-note")
        assert "2012 text" in note.get_text(), path
        assert _one(note, "a")["href"] == document.current_guidance_url


def test_no_guidance_text_is_hand_copied_into_docs() -> None:
    guidance = load_guidance()
    sentences = [plain_text(clause.segments, guidance) for clause in guidance.clauses()]
    sentences += [plain_text(note.segments, guidance) for note in guidance.footnotes]
    for source in (ROOT / "docs").rglob("*"):
        if source.is_file() and source.suffix in {".md", ".html", ".js", ".css"}:
            text = source.read_text(encoding="utf-8")
            copied = [s for s in sentences if s[:60] in text]
            assert copied == [], f"{source} copies guidance text"


def _project_copy(tmp_path: Path) -> Path:
    """What the site build reads, copied, so a test can break the copy's data."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "site_build", "overrides", "checklist"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    return project


def test_malformed_data_fails_the_build_with_the_loaders_message(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    data = project / "checklist" / "data" / "guidance.toml"
    data.write_text(data.read_text(encoding="utf-8").replace("{fn:relevance}", "{fn:relevant}"), encoding="utf-8")

    result = build_site(project, tmp_path / "site")

    assert result.returncode != 0
    assert "checklist/data/guidance.toml: paragraph 49, field 'clauses[2].text'" in result.stderr
    assert "footnote 'relevant', which does not exist" in result.stderr
    assert not (tmp_path / "site" / "guidance" / "index.html").exists()


@pytest.mark.parametrize(
    ("data_file", "old", "new", "message"),
    [
        (
            "questions.toml",
            'id = "verify-identity"',
            'id = "verify-identty"',
            "checklist/data/questions.toml: verdicts, field 'id': no verdict 'verify-identity', which the rules use",
        ),
        (
            "scenarios.toml",
            'request = "court-order", identity = "checked" }',
            'request = "court", identity = "checked" }',
            "checklist/data/scenarios.toml: scenario court-order, field 'answers.request': 'court' is not an answer",
        ),
    ],
    ids=["questions", "scenarios"],
)
def test_malformed_checklist_data_fails_the_build_too(
    tmp_path: Path, data_file: str, old: str, new: str, message: str
) -> None:
    project = _project_copy(tmp_path)
    data = project / "checklist" / "data" / data_file
    original = data.read_text(encoding="utf-8")
    assert old in original
    data.write_text(original.replace(old, new, 1), encoding="utf-8")

    result = build_site(project, tmp_path / "site")

    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
