"""Check a saved record: a downloaded record, read in the page and never uploaded, replayed on today's rules."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect

from checklist import evaluate
from checklist.rules import decision_table_version

from .checklist_browser import PYTHON_TIMEOUT_MS, open_checklist

ANSWERS = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
PLANTED = "SHARE THE COMPLETE RECORD NOW"


def _choose_file(page: Page, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#cl-recheck-file", path)


def _an_older_record_is_compared_in_todays_words(page: Page, section: Locator, record: dict, tmp_path: Path) -> None:
    """A record from another decision table, its outcome and last step planted with words of its own: the page says
    today's advice differs, names both versions, and shows none of the file's words as the checklist's."""
    older = {
        **record,
        "rules_version": "0123456789ab",
        "verdict": {**record["verdict"], "id": "share-everything", "title": PLANTED},
        "actions": [*record["actions"][:-1], {**record["actions"][-1], "text": PLANTED}],
    }
    _choose_file(page, tmp_path / "older.json", json.dumps(older))
    expect(section.locator(".cl-recheck-verdict")).to_have_text(
        "Today's checklist would advise differently", timeout=PYTHON_TIMEOUT_MS
    )
    expect(section).to_contain_text(
        f"another version of the checklist (decision table 0123456789ab); today's decision table is "
        f"{decision_table_version()}"
    )
    expect(section.locator("tbody tr").first.locator("td").first).to_have_text(
        "An outcome this checklist no longer has"
    )
    assert PLANTED not in section.inner_text(), "a file's words are never shown as the checklist's"


def test_a_saved_record_is_read_in_the_page_and_compared_with_todays_rules(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    context, page = open_checklist(browser, site_url)
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method != "GET" else None)
    record = evaluate(ANSWERS, timestamp="2026-05-01T09:00:00+01:00").to_dict()
    section = page.locator("#check-a-saved-record")
    expect(section).to_be_visible()
    _choose_file(page, tmp_path / "same.json", json.dumps(record))
    expect(section.locator(".cl-recheck-verdict")).to_have_text(
        "Today's checklist gives the same outcome, steps and paragraphs", timeout=PYTHON_TIMEOUT_MS
    )
    expect(section).to_contain_text("made with this version of the checklist")

    _an_older_record_is_compared_in_todays_words(page, section, record, tmp_path)

    _choose_file(page, tmp_path / "junk.json", "{not json")
    expect(section.locator(".cl-recheck-error")).to_have_text("This file is not a decision record: it is not JSON.")
    assert sent == [], "nothing is uploaded"
    context.close()
