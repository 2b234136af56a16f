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

NARROW = {"width": 320, "height": 640}
# The route that asks every question, so every question is laid out.
LONGEST_ROUTE = max(route_to_each_verdict().values(), key=len)

# Each layout problem on the page as one line: sideways scroll, content outside the viewport,
# text cut off by an overflow:hidden box, and controls under 24 px square.
_LAYOUT_PROBLEMS = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const describe = (e) => `<${e.tagName.toLowerCase()} class="${e.className}"> "${(e.innerText || e.value || "")
        .trim().slice(0, 40)}"`;
    const shown = (e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const box = (e) => e.getBoundingClientRect();
    // Screen-reader-only text is 1 px square; a closed drawer sits off the side of the screen.
    const onScreen = (b) => b.width > 1 && b.height > 1 && b.right > 0 && b.left < width;
    const scrolls = (e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
    const inScroller = (e) => {
        for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
        return false;
    };
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways: ${root.scrollWidth} px wide`);
    for (const e of document.querySelectorAll(".md-content *")) {
        const b = box(e);
        if (shown(e) && b.width > 1 && b.height > 1 && !inScroller(e) && (b.left < -0.5 || b.right > width + 0.5)) {
            problems.push(`outside the viewport (${Math.round(b.left)} to ${Math.round(b.right)} px): ${describe(e)}`);
        }
    }
    // Text cut off: a visible run of text partly inside, partly past the edge of a box that hides its
    // overflow. Text wholly outside is hidden on purpose (a closed drawer); text in a scroller can be scrolled to.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (!text.textContent.trim() || !shown(text.parentElement)) continue;
        range.selectNodeContents(text);
        const t = range.getBoundingClientRect();
        for (let clip = text.parentElement; clip && !scrolls(clip); clip = clip.parentElement) {
            const style = getComputedStyle(clip);
            const hidesX = ["hidden", "clip"].includes(style.overflowX);
            const hidesY = ["hidden", "clip"].includes(style.overflowY);
            const b = box(clip);
            const overlaps = t.left < b.right && t.right > b.left && t.top < b.bottom && t.bottom > b.top;
            if (!(hidesX || hidesY) || !onScreen(b) || !overlaps) continue;
            if ((hidesX && (t.left < b.left - 1 || t.right > b.right + 1))
                || (hidesY && (t.top < b.top - 1 || t.bottom > b.bottom + 1))) {
                problems.push(`text cut off: "${text.textContent.trim().slice(0, 40)}" in ${describe(clip)}`);
                break;
            }
        }
    }
    const inSentence = (e) => {
        if (getComputedStyle(e).display !== "inline") return false;
        let block = e.parentElement;
        while (getComputedStyle(block).display === "inline") block = block.parentElement;
        return block.innerText.trim() !== e.innerText.trim();
    };
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex='0']";
    for (const e of document.querySelectorAll(controls)) {
        const b = box(e);
        if (shown(e) && onScreen(b) && !inSentence(e) && (b.width < 24 || b.height < 24)) {
            problems.push(`target ${Math.round(b.width)} by ${Math.round(b.height)} px: ${describe(e)}`);
        }
    }
    return problems;
}"""


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
    return [f"{page.url} ({screenshot.name}): {problem}" for problem in page.evaluate(_LAYOUT_PROBLEMS)]


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
