"""On the checklist page the theme's search index is built once Python has answered, or when the reader
searches first; the search works the same either way, and on every other page as the theme ships it."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Worker, expect

from site_build.search.search_worker import WAITING_WORKER, ThemeChanged, with_waiting_search_worker

from .checklist_browser import PYTHON_TIMEOUT_MS, READY, open_checklist

# Long enough for the theme's worker to have built the index many times over, had it not waited.
WAITED_MS = 1500


def theme_settings(site: Path, page: str) -> dict:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return json.loads(soup.find("script", id="__config").string)


def test_only_the_checklist_page_names_the_waiting_worker_which_names_the_theme_worker(built_site: Path) -> None:
    theme_worker = theme_settings(built_site, "guidance")["search"]
    assert Path(theme_worker).name.startswith("search.")
    waiting = urlsplit(theme_settings(built_site, "checklist")["search"])
    assert waiting.path == str(Path(theme_worker).with_name(WAITING_WORKER))
    (named,) = parse_qs(waiting.query)["theme"]
    assert named == Path(theme_worker).name
    workers = built_site / "assets" / "javascripts" / "workers"
    assert (workers / WAITING_WORKER).is_file() and (workers / named).is_file()
    for page in ("", "training"):
        assert Path(theme_settings(built_site, page)["search"]).name == named


def test_a_page_without_the_theme_settings_fails_the_build() -> None:
    with pytest.raises(ThemeChanged, match="script#__config"):
        with_waiting_search_worker("<html><body>No settings</body></html>")
    with pytest.raises(ThemeChanged, match="no search worker"):
        with_waiting_search_worker('<script id="__config" type="application/json">{"search": null}</script>')


def search_worker(page: Page) -> Worker:
    (worker,) = [worker for worker in page.workers if WAITING_WORKER in worker.url]
    return worker


def theme_worker_loaded(page: Page) -> bool:
    """The theme's worker defines lunr, the search engine, as it loads."""
    return search_worker(page).evaluate("typeof lunr") == "function"


def search_finds_results(page: Page) -> None:
    page.keyboard.press("/")  # the theme's shortcut to the search
    page.get_by_role("textbox", name="Search").press_sequentially("consent")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_the_index_waits_for_python_unless_the_reader_searches(browser: Browser, site_url: str) -> None:
    """Python held back: the theme's worker is not loaded; the reader searches: it loads and finds results."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.route("**/python_library.zip.gz", lambda route: None)  # never answered: Python cannot start
    page.goto(f"{site_url}/checklist/")
    page.wait_for_timeout(WAITED_MS)
    assert not theme_worker_loaded(page)
    search_finds_results(page)
    assert theme_worker_loaded(page)
    context.close()


def test_the_index_is_built_once_python_has_answered(browser: Browser, site_url: str) -> None:
    context, page = open_checklist(browser, site_url, service_workers="block")
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    for _ in range(WAITED_MS // 50):  # well before the worker's own deadline
        if theme_worker_loaded(page):
            break
        page.wait_for_timeout(50)
    assert theme_worker_loaded(page)
    search_finds_results(page)
    context.close()
