"""How Python starts in the browser: only the files it uses, and from a memory snapshot only when it is sound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Request, Route, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY, open_checklist, route_to_each_verdict
from .conftest import ROOT
from .devtools_connection import DevToolsConnection
from .page_scripts import page_script
from .python_browser import (
    SNAPSHOT_CACHE_PREFIX,
    evaluate_in_browser,
    in_cpython,
    started_from,
    stored_snapshots,
)

TIMESTAMP = "2024-05-01T14:30:00+01:00"
CALLS = [{"answers": dict(route), "timestamp": TIMESTAMP} for route in route_to_each_verdict().values()] + [
    {"answers": {"request": "phone-call"}, "timestamp": TIMESTAMP}
]

SPOILED = ("damaged", "longer than Python's memory", "for another runtime", "too large")
WORKER_MODULES = ROOT / "docs/assets/checklist"


def test_a_bad_snapshot_is_deleted_and_python_starts_in_full_with_the_same_answers(
    browser: Browser, site_url: str
) -> None:
    """Damaged bytes, a snapshot longer than Python's memory, one of another runtime build, one too large:
    each time a full start, the same answers as CPython, the snapshot gone, and a sound one made again for the
    next visit."""
    context, page = open_checklist(browser, site_url)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    expected = [in_cpython(call) for call in CALLS]
    for how in SPOILED:
        (key,) = stored_snapshots(page, wait=True)
        assert page.evaluate(page_script("spoil_snapshot"), [SNAPSHOT_CACHE_PREFIX, how]) == key
        page.reload()
        assert started_from(page) == "bytecode", how
        assert stored_snapshots(page) == [], how
        assert evaluate_in_browser(page, CALLS) == expected, how
        expect(page.locator(".cl-status")).to_have_text(READY)
    assert errors == []
    stored_snapshots(page, wait=True)
    page.reload()
    assert started_from(page) == "snapshot"
    assert evaluate_in_browser(page, CALLS) == expected
    context.close()


def in_own_worker(page: Page, site_url: str, module: str, source: str) -> Any:
    """What the function of this source (a page script's) gives in a worker of the test's own (in_own_worker.mjs),
    with the address of one of the checklist worker's modules. The site ships the worker's modules in one file
    (worker.mjs): the page is given them as written."""

    def as_written(route: Route) -> None:
        route.fulfill(path=WORKER_MODULES / route.request.url.rsplit("/", 1)[-1], content_type="text/javascript")

    for name in ("snapshot_pages.mjs", "library_archive.mjs", "pyodide_loading.mjs"):
        page.context.route(f"{site_url}/assets/checklist/{name}", as_written)
    return page.evaluate(page_script("in_own_worker"), [f"{site_url}/assets/checklist/{module}", source])


def test_the_kept_pages_restore_python_memory_exactly_as_pyodide_restores_the_whole_snapshot(
    browser: Browser, site_url: str
) -> None:
    """The worker writes only the pages it keeps; every other byte must end as Pyodide's own restore leaves it."""
    context, page = open_checklist(browser, site_url, service_workers="block", bypass_csp=True)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    compared = in_own_worker(page, site_url, "snapshot_pages.mjs", page_script("compare_restores"))
    context.close()
    assert compared["length"][0] == compared["length"][1] > 0
    assert 0 < compared["kept"] < compared["pages"]
    assert compared["scribbledZeroed"]
    assert compared["differing"] == 0


def test_a_full_start_imports_from_the_folder_it_unpacks_the_library_into(browser: Browser, site_url: str) -> None:
    """Python's own start-up modules and the package alike, ahead of the library's zip on Python's path."""
    context, page = open_checklist(browser, site_url, service_workers="block", bypass_csp=True)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    started = in_own_worker(page, site_url, "library_archive.mjs", page_script("full_start"))
    context.close()
    folder = "/lib/python-library"
    assert started["path"].index(folder) < started["path"].index("/lib/python314.zip")
    assert started["files"] == [
        f"{folder}/encodings/__init__.pyc",
        f"{folder}/asyncio/__init__.pyc",
        f"{folder}/checklist/__init__.pyc",
        f"{folder}/checklist/browser.pyc",
    ]


def array_buffers_kept_by_the_checklist_worker(devtools_port: int) -> int:
    """Bytes of the array buffers the page's one checklist worker still holds once garbage is collected."""
    with DevToolsConnection.to_browser(devtools_port) as devtools:
        (worker,) = [
            target
            for target in devtools.call("Target.getTargets")["targetInfos"]
            if target["type"] == "worker" and target["url"].endswith("/assets/checklist/worker.mjs")
        ]
        session = devtools.call("Target.attachToTarget", {"targetId": worker["targetId"], "flatten": True})
        devtools.call("HeapProfiler.collectGarbage", session_id=session["sessionId"])
        return devtools.call("Runtime.getHeapUsage", session_id=session["sessionId"])["backingStorageSize"]


def test_once_python_is_restored_the_worker_lets_the_snapshot_bytes_go(
    browser: Browser, site_url: str, devtools_port: int
) -> None:
    """Python's memory holds the snapshot now: the stored bytes it was restored from (about 12 MB) are not kept
    for as long as the page stays open."""
    context, page = open_checklist(browser, site_url)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    stored_snapshots(page, wait=True)
    stored = page.evaluate(page_script("stored_size"), SNAPSHOT_CACHE_PREFIX)
    page.reload()
    assert started_from(page) == "snapshot"
    kept = array_buffers_kept_by_the_checklist_worker(devtools_port)
    context.close()
    assert stored > 2**20
    assert kept < stored / 2


def test_the_page_requests_exactly_the_runtime_files_the_site_ships(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    """No lock file, no source standard library: nothing shipped goes unused, nothing used goes unshipped. A first
    visit takes the library in the form a full start unpacks; a start from the snapshot takes its zip
    (test_offline)."""
    context = browser.new_context(service_workers="block")  # the page's own requests, not the offline copy's
    requested: set[str] = set()

    def note(request: Request) -> None:
        if "/assets/pyodide/" in request.url or "/assets/checklist/python/" in request.url:
            requested.add(request.url.removeprefix(site_url + "/"))

    context.on("request", note)
    page = context.new_page()
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    page.goto(f"{site_url}/checklist/")
    assert started_from(page) == "bytecode"
    context.close()
    shipped = {
        path.relative_to(built_site).as_posix()
        for directory in ("assets/pyodide", "assets/checklist/python")
        for path in (built_site / directory).rglob("*")
        if path.is_file()
    }
    (zip_form,) = [path for path in shipped if path.endswith("/python_library.zip")]
    assert requested == shipped - {zip_form}


def test_the_worker_answers_a_message_it_does_not_know_with_an_error(browser: Browser, site_url: str) -> None:
    """Every message is {type, ...}: one of a type the worker does not know, or with no type, is not ignored."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{site_url}/")
    messages = [{"type": "describe", "id": 1}, {"start": {}}]
    answers = page.evaluate(page_script("answers_to"), [f"{site_url}/assets/checklist/worker.mjs", messages])
    context.close()
    assert answers == [
        {"type": "error", "id": None, "error": 'A message of unknown type: "describe"'},
        {"type": "error", "id": None, "error": "A message of unknown type: undefined"},
    ]
