"""How a reader reaches what they need, in the browser: the checklist from the home page on a phone, the
edition and copyright on paper, and a paragraph straight from the search."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from checklist import load_guidance

from .conftest import ROOT
from .page_scripts import page_script

# A common phone screen: what shows before any scrolling.
PHONE = {"width": 375, "height": 667}
# An A4 page less Chromium's default print margins, in CSS px.
A4_PAGE_AREA = {"width": 718, "height": 1047}
COPYRIGHT = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["copyright"]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page on a phone-sized screen; the offline copy is not downloaded, as no test here needs it."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    yield context.new_page()
    context.close()


def test_the_checklist_is_offered_in_the_first_screen_on_a_phone(phone: Page, site_url: str) -> None:
    page = phone
    page.goto(f"{site_url}/")
    button = page.get_by_role("link", name="Open the checklist")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["height"] >= 24 and box["width"] >= 24
    button.click()
    expect(page).to_have_url(f"{site_url}/checklist/")


@pytest.mark.parametrize("path", ["guidance/", "training/", "checklist/"])
def test_printed_pages_carry_the_edition_and_the_copyright(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport=A4_PAGE_AREA, service_workers="block")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{site_url}/{path}")
    document = load_guidance().document
    # The whole edition note, once, at the top, its link written out.
    note = page.locator(".md-banner .edition-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"{document.year} text")
    written_out = note.locator("a").evaluate("(a) => getComputedStyle(a, '::after').content")
    assert document.current_guidance_url in written_out
    # A line on every printed page: the edition and the copyright, fixed to the foot of the page.
    footer = page.locator(".print-footer")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text(f"{document.year} text")
    expect(footer).to_contain_text(COPYRIGHT)
    assert footer.evaluate("(e) => getComputedStyle(e).position") == "fixed"
    # Every page's text ends above it: the content keeps room at the foot of each page it runs onto.
    room = page.locator(".md-main").evaluate(page_script("print_room"))
    assert footer.evaluate("(e) => e.getBoundingClientRect().height") <= room
    context.close()


def test_the_print_footer_is_for_print_only(phone: Page, site_url: str) -> None:
    page = phone
    page.goto(f"{site_url}/guidance/")
    expect(page.locator(".print-footer")).to_be_attached()
    expect(page.locator(".print-footer")).to_be_hidden()


@pytest.mark.parametrize("query", ["paragraph 47", "court order"])
def test_search_offers_the_paragraph_first(browser: Browser, site_url: str, query: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{site_url}/guidance/")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(query)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=30_000)
    links = [
        urlsplit(href)
        for href in first.locator("a.md-search-result__link").evaluate_all("(links) => links.map((a) => a.href)")
    ]
    # The theme shows each page found with its best sections under it: the guidance page, then paragraph 47.
    assert [links[0].path, links[0].fragment] == ["/guidance/", ""]
    assert [links[1].path, links[1].fragment] == ["/guidance/", "para-47"]
    first.locator("a.md-search-result__link").nth(1).click()
    expect(page.locator("#para-47")).to_be_in_viewport()
    context.close()
