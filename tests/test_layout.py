"""Layout facts, checked in the browser at 320 CSS px wide and in print, with screenshots kept for a person to look at.

At 320 px (WCAG 1.4.10 reflow): no page scrolls sideways, nothing in the content sticks out of the viewport,
no box cuts its text off, and every control is at least 24 by 24 px (WCAG 2.5.8; links inside a sentence are
exempt). In print: the site's navigation, header, search and footer go, the guidance and its footnotes stay,
each training card starts a new page with its reveals on the answer sheet, and the checklist prints its list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from checklist import QUESTIONS
from checklist.scenarios import load_scenarios

from .axe import open_every_disclosure
from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    answer_by_clicking,
    heading,
    question_text,
    route_to_each_verdict,
    tab_to,
)
from .page_scripts import page_script

NARROW = {"width": 320, "height": 640}
# The route that asks every question, so every question is laid out.
LONGEST_ROUTE = max(route_to_each_verdict().values(), key=len)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go; failures name the file to look at."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def narrow(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=NARROW)
    yield context
    context.close()


@pytest.fixture(scope="module")
def printed(browser: Browser) -> Iterator[Page]:
    """A page that renders for print."""
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def layout_problems(page: Page, screenshot: Path) -> list[str]:
    """The page's layout problems, each naming the full-page screenshot taken of it."""
    page.screenshot(path=screenshot, full_page=True)
    return [f"{page.url} ({screenshot.name}): {problem}" for problem in page.evaluate(page_script("layout_problems"))]


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-").removesuffix(".html") or "home"


def test_every_page_at_320_px(narrow: BrowserContext, site_url: str, page_paths: list[str], screenshots: Path) -> None:
    page = narrow.new_page()
    problems = []
    for path in page_paths:
        page.goto(site_url + path)
        problems += layout_problems(page, screenshots / f"320-{_name(path)}.png")
    page.goto(f"{site_url}/guidance/")
    for item in page.locator(".para, li.footnote").all():
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], item.get_attribute("id")
    page.locator("label.md-header__button[for=__drawer]").click()  # the menu
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=1)
    problems += layout_problems(page, screenshots / "320-navigation.png")
    page.close()
    assert problems == [], "\n".join([f"screenshots in {screenshots}", *problems])


def test_every_checklist_step_at_320_px(narrow: BrowserContext, site_url: str, screenshots: Path) -> None:
    page = narrow.new_page()
    page.goto(f"{site_url}/checklist/")
    # From the top of the page to the first answer by keyboard, the focus always in sight (the menu included).
    tab_to(page, lambda element: element["type"] == "radio", "the first answer")
    problems = []
    for question_id, value in LONGEST_ROUTE:
        expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
        for option in page.locator(".cl-radio").all():
            box = option.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], option.inner_text()
        problems += layout_problems(page, screenshots / f"320-checklist-{question_id}.png")
        answer_by_clicking(page, question_id, value)
    expect(heading(page)).to_have_text("Check your answers", timeout=PYTHON_TIMEOUT_MS)
    problems += layout_problems(page, screenshots / "320-checklist-check.png")
    page.get_by_role("button", name="See the outcome").click()
    expect(page.locator(".cl-outcome")).to_be_visible(timeout=PYTHON_TIMEOUT_MS)
    open_every_disclosure(page)
    problems += layout_problems(page, screenshots / "320-checklist-outcome.png")
    page.close()
    assert problems == [], "\n".join([f"screenshots in {screenshots}", *problems])


def expect_all_hidden(page: Page, selector: str) -> None:
    """Every element the selector matches (at least one) is hidden."""
    elements = page.locator(selector).all()
    assert elements, f"nothing matches {selector}"
    for element in elements:
        expect(element).to_be_hidden()


def expect_all_visible(page: Page, selector: str) -> int:
    """Every element the selector matches (at least one) is visible; how many there are."""
    elements = page.locator(selector).all()
    assert elements, f"nothing matches {selector}"
    for element in elements:
        expect(element).to_be_visible()
    return len(elements)


def test_print_keeps_the_guidance_and_drops_the_site_chrome(printed: Page, site_url: str, screenshots: Path) -> None:
    printed.goto(f"{site_url}/guidance/")
    printed.pdf(path=screenshots / "print-guidance.pdf")
    for chrome in (".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect_all_hidden(printed, chrome)
    expect_all_visible(printed, ".para-text")
    expect_all_visible(printed, "ol.footnotes > li.footnote")


def test_print_puts_each_training_card_on_its_own_page(printed: Page, site_url: str, screenshots: Path) -> None:
    printed.goto(f"{site_url}/training/")
    printed.pdf(path=screenshots / "print-training.pdf")
    cards = printed.locator(".scenario-card")
    expect(cards).to_have_count(len(load_scenarios()))
    breaks = cards.evaluate_all("(all) => all.map((card) => getComputedStyle(card).breakAfter)")
    assert breaks == ["page"] * len(breaks)
    expect_all_hidden(printed, ".scenario-card details")
    expect_all_hidden(printed, ".scenario-open")
    sheet = printed.locator("details.answer-sheet")
    assert sheet.evaluate("(sheet) => getComputedStyle(sheet).breakBefore") == "page"
    assert expect_all_visible(printed, "details.answer-sheet .answer-sheet-entry") == len(load_scenarios())


def test_print_of_the_checklist_is_the_list_of_questions(printed: Page, site_url: str, screenshots: Path) -> None:
    printed.goto(f"{site_url}/checklist/")
    expect(heading(printed)).to_be_attached()
    printed.pdf(path=screenshots / "print-checklist.pdf")
    expect(printed.locator("#checklist-app")).to_be_hidden()
    assert expect_all_visible(printed, "#all-questions .cl-printed-question") == len(QUESTIONS)
