"""A browser short of storage: the offline copy keeps what fits, the guidance, and the footer says the checklist is not
kept; the checklist's runtime is not downloaded again on the next pages only to be refused again, no memory snapshot
is made while the runtime is not kept, and one the browser refused is not made again on the next visit; the checklist
still works online. A reader who
presses "Keep the checklist available offline" has it tried at once, and the browser asked to keep the storage."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY
from .offline_browser import (
    BOTH_KEPT,
    DOWNLOADING,
    INSTALL_TIMEOUT_MS,
    KEEP_CHECKLIST,
    OFFLINE_CACHE_PREFIX,
    cached_urls,
    copy_downloads,
    expect_kept,
    precached_urls,
    record_status,
    runtime_requests,
)
from .page_scripts import page_script

# Room for the guidance (about 3 MB), not for the checklist's runtime (about 13 MB) nor its snapshot (about 12 MB).
QUOTA_BYTES = 8_000_000
# Room for the guidance and the runtime, not for the snapshot too.
ROOM_FOR_RUNTIME_BYTES = 22_000_000
SHORT_OF_STORAGE = (
    "The guidance is available offline. This browser is short of storage space, so the checklist is not kept for "
    "offline use; it still works while you are online."
)
# The records the site keeps as names of empty caches (service_worker.js, start.mjs), by their names' start.
RUNTIME_REFUSED = "offline copy short of storage "
SNAPSHOT_REFUSED = "python snapshot not stored "


def _expect_ready(page: Page) -> None:
    expect(page.locator(".cl-status")).to_have_text(READY, timeout=PYTHON_TIMEOUT_MS)


def _short_of_storage(browser: Browser, site_url: str) -> tuple[BrowserContext, Page, list[Request]]:
    """A context whose page has room for QUOTA_BYTES of storage on the site, its requests for persistent storage and
    its Python workers counted (count_persist_requests.mjs, count_python_workers.mjs), and the requests for the
    checklist's runtime made in it."""
    context = browser.new_context()
    context.add_init_script(f"({page_script('count_persist_requests')})();")
    context.add_init_script(f"({page_script('count_python_workers')})();")
    runtime = runtime_requests(context)
    page = context.new_page()
    # The override lasts while this session is attached: Playwright keeps it until the context closes.
    context.new_cdp_session(page).send("Storage.overrideQuotaForOrigin", {"origin": site_url, "quotaSize": QUOTA_BYTES})
    return context, page, runtime


def _records(page: Page, prefix: str) -> list[str]:
    return [name for name in cached_urls(page) if name.startswith(prefix)]


def _first_visit_refuses_the_runtime(page: Page, runtime: list[Request], site_url: str, built_site: Path) -> str:
    """The runtime is downloaded for the copy and refused; no snapshot is made from another download. Returns the
    name of the refusal's record."""
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    expect_kept(page, SHORT_OF_STORAGE)
    assert copy_downloads(runtime)
    assert page.evaluate(page_script("python_workers_once_settled")) == 1  # the checklist's only
    copy = {url for name, urls in cached_urls(page).items() if name.startswith(OFFLINE_CACHE_PREFIX) for url in urls}
    assert copy == precached_urls(built_site, site_url, checklist=False)
    (refusal,) = _records(page, RUNTIME_REFUSED)
    assert page.evaluate("window.persistRequests") == 0  # a plain visit asks nothing
    return refusal


def _next_pages_download_nothing(page: Page, runtime: list[Request], site_url: str, refusal: str) -> None:
    """Nothing downloaded for the copy, no snapshot made again; the checklist answers online."""
    runtime.clear()
    page.goto(f"{site_url}/guidance/")
    expect_kept(page, SHORT_OF_STORAGE)
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    expect_kept(page, SHORT_OF_STORAGE)
    assert page.evaluate(page_script("python_workers_once_settled")) == 1
    assert copy_downloads(runtime) == []
    assert _records(page, RUNTIME_REFUSED) == [refusal]
    assert page.evaluate("window.persistRequests") == 0


def _the_readers_press_tries_at_once(page: Page, runtime: list[Request]) -> None:
    """The press downloads the runtime again at once and asks the browser to keep the site's storage."""
    record_status(page)
    page.get_by_role("button", name=KEEP_CHECKLIST).click()
    page.evaluate(page_script("wait_until_footer_said"), [DOWNLOADING, SHORT_OF_STORAGE, INSTALL_TIMEOUT_MS])
    assert copy_downloads(runtime)
    assert page.evaluate("window.persistRequests") == 1
    expect(page.get_by_role("button", name=KEEP_CHECKLIST)).to_be_visible()


def _the_snapshot_refused_is_not_made_again(context: BrowserContext, page: Page, site_url: str) -> None:
    """With room for the runtime, not its snapshot: the snapshot is made once the runtime is kept, refused, noted,
    and not made again on the next visit."""
    quota = {"origin": site_url, "quotaSize": ROOM_FOR_RUNTIME_BYTES}
    context.new_cdp_session(page).send("Storage.overrideQuotaForOrigin", quota)
    page.get_by_role("button", name=KEEP_CHECKLIST).click()
    expect_kept(page, BOTH_KEPT)
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    page.evaluate(page_script("wait_until_noted"), [SNAPSHOT_REFUSED, PYTHON_TIMEOUT_MS])
    page.goto(f"{site_url}/checklist/")
    _expect_ready(page)
    assert page.evaluate(page_script("python_workers_once_settled")) == 1


def test_short_of_storage_the_copy_keeps_the_guidance_and_backs_off(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    """With room for the guidance only: the first visit's download of the runtime for the copy and its snapshot are
    refused, and no snapshot is made without it; the next pages download nothing again, the checklist answers online,
    and the reader's press tries the download at once and asks for persistent storage, which a plain visit never does.
    With room for the runtime alone, the snapshot is made once, refused and not made again."""
    context, page, runtime = _short_of_storage(browser, site_url)
    refusal = _first_visit_refuses_the_runtime(page, runtime, site_url, built_site)
    _next_pages_download_nothing(page, runtime, site_url, refusal)
    _the_readers_press_tries_at_once(page, runtime)
    _the_snapshot_refused_is_not_made_again(context, page, site_url)
    context.close()
