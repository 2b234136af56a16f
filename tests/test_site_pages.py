"""The built pages as a reader gets them: no Markdown left unrendered, a "not found" page that leads
back into the site, and a search index that can send a reader straight to a paragraph."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString

from checklist import load_guidance, plain_text
from site_build.search.guidance_search import IndexChanged, with_paragraph_entries

# Markdown that a page shows as text when the extension it needs is missing or its syntax is wrong:
# admonitions (!!! / ???), bold, inline links, attribute lists, and the guidance data's inline marks.
_UNRENDERED = {
    "admonition": re.compile(r"^\s*(!!!|\?\?\?\+?)\s*\w", re.MULTILINE),
    "bold": re.compile(r"\*\*[^*\s][^*]*\*\*"),
    "link": re.compile(r"\[[^\]\n]+\]\([^)\s]*\)"),
    "heading id": re.compile(r"\{\s*#[\w-]+\s*\}"),
    "attribute list": re.compile(r"\{:\s"),
    "data mark": re.compile(r"\{(fn|en|xref):"),
}
# Text in these is shown as written, or not shown at all.
_NOT_PROSE = {"code", "pre", "script", "style", "template", "textarea"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_page_shows_unrendered_markdown(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 8
    found = []
    for page in pages:
        soup = _soup(page)
        for text in soup.find_all(string=True):
            if type(text) is not NavigableString:
                continue  # comments, the doctype
            if any(parent.name in _NOT_PROSE for parent in text.parents):
                continue
            for kind, pattern in _UNRENDERED.items():
                if match := pattern.search(text):
                    found.append(f"{page.relative_to(built_site)}: {kind}: {match.group(0)!r} in {text.strip()[:80]!r}")
    assert found == []


def test_the_home_page_note_is_an_admonition(built_site: Path) -> None:
    note = _soup(built_site / "index.html").select_one(".md-content .admonition.note")
    assert note is not None
    assert note.select_one(".admonition-title").get_text(strip=True) == "Our words and the GMC's words"


def test_the_home_page_offers_the_checklist_first(built_site: Path) -> None:
    content = _soup(built_site / "index.html").select_one(".md-content article")
    button = content.select_one("a.md-button--primary")
    assert button is not None and button.get_text(strip=True) == "Open the checklist"
    assert urljoin("/", button["href"]) == "/checklist/"
    # The first link in the page's text, after the one line that says what the checklist does.
    assert content.select("a[href]:not(.headerlink)")[0] is button
    assert "checklist" in button.find_parent("p").find_previous_sibling("p").get_text()


def test_the_not_found_page_says_so_and_leads_back_into_the_site(built_site: Path) -> None:
    page = _soup(built_site / "404.html")
    content = page.select_one(".md-content")
    assert content.select_one("h1").get_text(strip=True) == "Page not found"
    assert "not found" in content.get_text() or "no page" in content.get_text().lower()
    links = {a.get_text(" ", strip=True): a["href"] for a in content.select("a[href]:not(.headerlink)")}
    expected = {
        "home page": "index.html",
        "the guidance": "guidance/index.html",
        "the checklist": "checklist/index.html",
    }
    for words, target in expected.items():
        (href,) = [href for text, href in links.items() if words in text.lower()]
        # Site-absolute, as the theme writes them on this page: it is served for any missing address.
        path = urlsplit(urljoin("/no/such/page/", href)).path
        resolved = built_site / path.lstrip("/")
        if path.endswith(("/", "/.")):
            resolved = resolved / "index.html"
        assert resolved.resolve() == (built_site / target).resolve(), (words, href)


def _search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_search_index_has_an_entry_for_each_paragraph(built_site: Path) -> None:
    guidance = load_guidance()
    docs = _search_index(built_site)["docs"]
    locations = [doc["location"] for doc in docs]
    for paragraph in (p for p in guidance.paragraphs if p.parent is None):
        (entry,) = [doc for doc in docs if doc["location"] == f"guidance/#{paragraph.anchor}"]
        assert entry["title"].startswith(f"Paragraph {paragraph.id}: ")
        # The page's own entry comes first: the theme takes it as the parent of the page's sections.
        assert locations.index("guidance/") < locations.index(entry["location"])
        for item in guidance.children(paragraph.id):
            assert plain_text(item.clauses[0].segments, guidance)[:40] in entry["text"], item.id


def test_the_search_index_entries_point_at_anchors_on_the_page(built_site: Path) -> None:
    page = _soup(built_site / "guidance" / "index.html")
    for doc in _search_index(built_site)["docs"]:
        path, _, fragment = doc["location"].partition("#")
        if path == "guidance/" and fragment:
            assert page.find(id=fragment) is not None, doc["location"]


def test_the_paragraph_entries_replace_their_own_and_need_the_page_entry_first() -> None:
    guidance = load_guidance()
    index = {"config": {}, "docs": [{"location": "guidance/", "title": "Guidance", "text": ""}]}
    once = with_paragraph_entries(index, guidance, "guidance/")
    assert with_paragraph_entries(once, guidance, "guidance/") == once
    with pytest.raises(IndexChanged, match="no entry for the page 'guidance/'"):
        with_paragraph_entries({"docs": [{"location": "about/", "title": "About", "text": ""}]}, guidance, "guidance/")
    with pytest.raises(IndexChanged, match="no list of documents"):
        with_paragraph_entries({}, guidance, "guidance/")
