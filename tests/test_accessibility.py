"""axe-core finds no WCAG 2.2 AA or best-practice violation on any page, checklist step, search, or without JS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from checklist import QUESTIONS

from .axe import AXE_SCRIPT, axe_context, axe_violations, open_every_disclosure
from .checklist_browser import PYTHON_TIMEOUT_MS, answer_by_clicking, heading, question_text, route_to_each_verdict

ROUTES = route_to_each_verdict()


def test_axe_is_not_part_of_the_site(built_site: Path) -> None:
    """axe-core is for the tests only: no file of the built site is it, is named after it or bundles it."""
    axe = AXE_SCRIPT.read_bytes()
    files = [path for path in built_site.rglob("*") if path.is_file()]
    assert [path for path in files if "axe" in path.name or path.read_bytes() == axe] == []
    scripts = [path for path in files if path.suffix in {".js", ".mjs"}]
    assert [path for path in scripts if b"axe-core" in path.read_bytes()] == []


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = axe_context(browser)
    yield context
    context.close()


def test_every_page_with_its_disclosures_open(context: BrowserContext, site_url: str, page_paths: list[str]) -> None:
    assert len(page_paths) >= 8
    page = context.new_page()
    violations = []
    for path in page_paths:
        page.goto(site_url + path)
        open_every_disclosure(page)
        violations += axe_violations(page)
    page.close()
    assert violations == []


def test_the_search_with_its_results(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/guidance/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")  # index loaded
    page.get_by_role("textbox", name="Search").press_sequentially("consent")  # the theme searches on key presses
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    violations = axe_violations(page)
    page.close()
    assert violations == []


def _scan_steps(page: Page, route: list[tuple[str, str]], scanned: set[str]) -> list[str]:
    """Answer the route by clicking, scanning each question not scanned before; end on the outcome, scanned."""
    violations = []
    for question_id, value in route:
        expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
        if question_id not in scanned:
            scanned.add(question_id)
            violations += axe_violations(page)
        answer_by_clicking(page, question_id, value)
    expect(heading(page)).to_have_text("Check your answers", timeout=PYTHON_TIMEOUT_MS)
    if "check your answers" not in scanned:
        scanned.add("check your answers")
        violations += axe_violations(page)
    page.get_by_role("button", name="See the outcome").click()
    expect(page.locator(".cl-outcome")).to_be_visible(timeout=PYTHON_TIMEOUT_MS)
    open_every_disclosure(page)
    return violations + axe_violations(page)


def test_every_checklist_step_the_error_the_check_and_every_outcome(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".cl-error-summary")).to_be_focused()
    violations = axe_violations(page)
    scanned: set[str] = set()
    for verdict in sorted(ROUTES):
        violations += _scan_steps(page, ROUTES[verdict], scanned)
        page.get_by_role("button", name="Start again").click()
    page.close()
    assert scanned == {question.id for question in QUESTIONS} | {"check your answers"}
    assert violations == []


def test_the_checklist_page_without_javascript(browser: Browser, site_url: str) -> None:
    """Every script of the page is refused, as in a browser without JavaScript; axe itself still runs."""
    context = axe_context(browser)
    context.route("**/*", lambda route: _refuse_scripts(route))
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    expect(page.locator("#checklist-app")).to_be_hidden()
    expect(page.locator("#all-questions .cl-printed-question")).to_have_count(len(QUESTIONS))
    violations = axe_violations(page)
    context.close()
    assert violations == []


def _refuse_scripts(route: Route) -> None:
    if route.request.resource_type == "script":
        route.abort()
    else:
        route.continue_()
