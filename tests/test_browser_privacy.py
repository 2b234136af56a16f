"""Security and privacy in a real browser: the Content-Security-Policy, no other origin, nothing kept or sent."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from checklist import QUESTIONS, evaluate

from .checklist_browser import (
    PYTHON_TIMEOUT_MS,
    READY,
    answer_by_clicking,
    open_checklist,
    route_to_each_verdict,
)
from .offline_browser import cached_urls, precached_urls
from .page_scripts import page_script
from .python_browser import SNAPSHOT_CACHE_PREFIX, stored_snapshots

# No page compiles WebAssembly: the checklist's Python runs in a worker, under a policy of its own
# (test_hosting_headers.py).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)
ROUTE = route_to_each_verdict()["share-relevant"]
DETAILS = {
    "requester": "DS Okafor, child abuse investigation unit, 0161 000 0000",
    "identity_check": "Called back through the police switchboard",
    "reasons": "Neglect suspected; the benefits of sharing outweigh confidentiality",
}
# The smallest valid WebAssembly module: the magic number and version 1.
EMPTY_WASM = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]


def complete_flow(page: Page) -> None:
    for question_id, value in ROUTE:
        answer_by_clicking(page, question_id, value)
    page.get_by_role("button", name="See the outcome").click()
    expect(page.locator(".cl-outcome")).to_be_visible(timeout=PYTHON_TIMEOUT_MS)


def test_every_page_sets_the_policy_before_anything_loads_and_has_no_inline_script_or_style(
    built_site: Path,
) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None and policy["content"] == POLICY, path
        assert not policy.find_all_previous(["script", "link", "style"]), f"{path}: policy comes too late"
        inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], f"{path}: inline script the policy would refuse"
        styles = [element.name for element in soup.find_all(lambda element: element.has_attr("style"))]
        assert soup.find_all("style") == [] and styles == [], f"{path}: inline style the policy would refuse"


def test_the_policy_is_enforced_and_the_checklist_works_under_it(browser: Browser, site_url: str) -> None:
    context, page = open_checklist(browser, site_url)
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)
    complete_flow(page)
    assert problems == []
    probe = page.evaluate(page_script("policy_probe"), EMPTY_WASM)
    assert probe == {"inline": False, "wasm": False}  # the policy is in force: neither inline script nor WebAssembly
    context.close()


def test_no_request_goes_to_any_other_origin(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    requests: list[str] = []
    from_pages: list[str] = []  # not the service worker's downloads of the whole site for offline use
    context.on("request", lambda request: requests.append(request.url))
    context.on("request", lambda request: None if request.service_worker else from_pages.append(request.url))
    page = context.new_page()
    for path in ("/", "/guidance/", "/how-the-checklist-decides/", "/training/"):
        page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in from_pages if "/assets/pyodide/" in url or "/assets/checklist/python/" in url]
    page.goto(f"{site_url}/checklist/")
    complete_flow(page)
    with page.expect_download():
        page.get_by_role("button", name="Download the full record (JSON)").click()
    page.wait_for_load_state("networkidle")
    elsewhere = [url for url in requests if not url.startswith((site_url + "/", "blob:" + site_url + "/"))]
    assert elsewhere == []
    assert any(url.endswith("/pyodide.asm.wasm") for url in from_pages)  # the worker's requests are seen too
    assert any(url.endswith("/python_library.zip.gz") for url in from_pages)
    context.close()


def test_the_record_is_cpythons_and_leaves_the_page_only_when_asked(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    context, page = open_checklist(browser, site_url, permissions=["clipboard-read", "clipboard-write"])
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method != "GET" else None)
    complete_flow(page)
    for detail_id, text in DETAILS.items():
        page.locator(f"#cl-detail-{detail_id}").fill(text)
    page.get_by_role("button", name="Copy for clinical notes").click()
    expect(page.locator(".cl-tool-status")).to_have_text("Copied the record for clinical notes, as plain text.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the full record (JSON)").click()
    record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", record["timestamp"]), "local time, with offset"
    expected = evaluate(dict(ROUTE), timestamp=record["timestamp"])
    assert record == expected.to_dict(DETAILS)
    assert download.value.suggested_filename.startswith("decision-record-")
    assert page.evaluate("navigator.clipboard.readText()") == expected.to_text(DETAILS)
    stored = page.evaluate(page_script("stored_by_page"))
    assert (stored["local"], stored["session"], stored["databases"]) == (0, 0, 0)
    for text in DETAILS.values():
        assert text not in stored["history"] and text.split()[0] not in stored["address"]
    # Cache Storage holds the site's own files for offline use and Python's memory as it was on starting, taken
    # in a worker of its own before any answer: nothing the reader entered.
    assert stored_snapshots(page, wait=True) == [page.evaluate(page_script("snapshot_key"))]
    site_files = {
        url for name, urls in cached_urls(page).items() if not name.startswith(SNAPSHOT_CACHE_PREFIX) for url in urls
    }
    assert site_files <= precached_urls(built_site, site_url)
    assert context.cookies() == []
    assert sent == []
    page.get_by_role("button", name="Start again").click()
    complete_flow(page)
    for detail_id in DETAILS:
        expect(page.locator(f"#cl-detail-{detail_id}")).to_have_value("")
    context.close()


def test_print_gives_the_full_record_with_answers_time_details_and_edition(browser: Browser, site_url: str) -> None:
    context, page = open_checklist(browser, site_url)
    complete_flow(page)
    page.locator("#cl-detail-reasons").fill(DETAILS["reasons"])
    page.locator("#cl-detail-reasons").blur()
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print the full record").click()
    page.wait_for_function("window.printed === true")
    page.emulate_media(media="print")
    printed = page.locator(".cl-print-record")
    expect(printed).to_be_visible()
    expect(page.locator(".cl-tools")).to_be_hidden()
    expect(page.locator(".cl-details")).to_be_hidden()
    text = printed.text_content()
    timestamp = re.search(r"Time stamp: (\S+)", text).group(1)
    assert text == evaluate(dict(ROUTE), timestamp=timestamp).to_markdown({"reasons": DETAILS["reasons"]})
    assert "(2012)" in text and "decision table" in text and DETAILS["reasons"] in text
    context.close()


def test_without_javascript_the_page_lists_every_question_for_print(browser: Browser, site_url: str) -> None:
    context, page = open_checklist(browser, site_url, java_script_enabled=False)
    expect(page.locator("#checklist-app")).to_be_hidden()
    printable = page.locator("#all-questions")
    expect(printable).to_be_visible()
    items = printable.locator(".cl-printed-question")
    expect(items.locator("h3")).to_have_text([f"{n}. {q.text}" for n, q in enumerate(QUESTIONS, 1)])
    for item, question in zip(items.all(), QUESTIONS, strict=True):
        expect(item.locator(".cl-hint")).to_have_text(question.hint)
        expect(item.locator(".cl-option-label")).to_have_text([option.label for option in question.options])
        expect(item.locator(".cl-option-hint")).to_have_text([option.hint for option in question.options])
        expect(item.locator(".cl-cites a")).to_have_text(list(question.paragraphs))
    expect(page.get_by_role("link", name="how the checklist decides", exact=True)).to_have_attribute(
        "href", "../how-the-checklist-decides/"
    )
    context.close()
