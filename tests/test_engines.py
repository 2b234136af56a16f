"""The site in Firefox and in WebKit (Safari's engine), not only in Chromium: a flow clicked to its outcome, Python's
answers in the page the same as CPython's, a warm start from the memory snapshot, a new version offered and taken,
and, after one visit, the guidance and the checklist with no server.

Each engine gets a fresh browser and its own server of the built site, shared by its tests, which run in this
file's order: the first visit starts Python with nothing stored (slow in WebKit, so done once), the warm start
needs the offline copy and the snapshot that visit leaves, and the last test stops the server. Each test still
opens what it needs, so any one of them also runs alone. Selected with ``-m engines``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checklist import evaluate
from checklist.flow import answer_sets

from .checklist_browser import route_to_each_verdict
from .conftest import SECOND_VERSION_ID, QuietHandler, serve
from .engine_browsers import EnginePage, Firefox, WebKit
from .offline_browser import UPDATE_OFFERED, SwitchableSite, wait_until_offline_ready
from .python_browser import differing, started_from, stored_snapshots

pytestmark = pytest.mark.engines

ENGINES: dict[str, Callable[[], EnginePage]] = {"firefox": Firefox, "webkit": WebKit}
ROUTES = route_to_each_verdict()
# The longest route, clicked on a first visit; another, clicked with no server.
ROUTE = max(ROUTES.values(), key=len)
OFFLINE_ROUTE = ROUTES["share-relevant"]
TIMESTAMP = "2024-05-01T14:30:00+01:00"
DETAILS = {"requester": "DS Okafor, 0161 000 0000", "reasons": "Neglect suspected.\nShared in the public interest."}
# One combination of answers in 12, every route's answers, the doctor's details, a link's answers and calls the
# rules refuse: every kind of call the page makes (Chromium's tests make every combination).
SAMPLE = [
    {"answers": answers, "timestamp": TIMESTAMP, **({"details": DETAILS} if index % 5 == 0 else {})}
    for index, answers in enumerate([*list(answer_sets())[::12], *(dict(route) for route in ROUTES.values())])
] + [
    {"link": [["request", "court-order"], ["identity", "checked"], ["v", "000000000000"]]},
    {"answers": {"request": "phone-call"}, "timestamp": TIMESTAMP},
    {"answers": {}, "timestamp": TIMESTAMP, "details": {"reasons": "x" * 2001}},
]
# A word of paragraph 49, as the guidance page shows it.
PARAGRAPH_49_WORD = "alcohol"
_TEXT = "(selector) => document.querySelector(selector)?.textContent ?? null"
_CONTROLLED = "() => Boolean(navigator.serviceWorker?.controller)"


@dataclass
class Engine:
    """One engine's browser page, the address of the built site it is served from, and how to stop that server."""

    page: EnginePage
    site_url: str
    stop_server: Callable[[], None]

    def open_checklist(self) -> None:
        """Open the checklist page, unless the page is on it already (whose Python has then started)."""
        if urlsplit(self.page.url()).path != urlsplit(f"{self.site_url}/checklist/").path:
            self.page.goto(f"{self.site_url}/checklist/")

    def visited(self) -> None:
        """The checklist page open, the site kept offline and the memory snapshot stored: one visit's outcome."""
        self.open_checklist()
        wait_until_offline_ready(self.page)
        stored_snapshots(self.page, wait=True)


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest, built_site: Path) -> Iterator[Engine]:
    with ExitStack() as browser, ExitStack() as server:
        page = ENGINES[request.param]()
        browser.callback(page.close)
        site_url = server.enter_context(serve(functools.partial(QuietHandler, directory=str(built_site))))
        yield Engine(page, site_url, server.close)


@pytest.fixture
def page(engine: Engine) -> EnginePage:
    """The engine's page (and, as a test with a ``page``, each of these is in the "browser" tier of conftest.py)."""
    return engine.page


def click_through(page: EnginePage, route: list[tuple[str, str]]) -> str:
    """Answer each question by clicking its answer's label then Continue, then See the outcome; the verdict shown."""
    for question_id, value in route:
        form = f'form[data-question="{question_id}"]'
        page.click(f'{form} .cl-radio:has(> input[value="{value}"]) > label')
        page.click(f'{form} button[type="submit"]')
    page.click(".cl-view > button.cl-button")  # See the outcome, on "Check your answers"
    page.wait_for(".cl-outcome")
    return page.attribute(".cl-outcome", "data-verdict")


def test_a_flow_clicked_to_its_outcome_ends_where_cpython_does(engine: Engine, page: EnginePage) -> None:
    """On a first visit. In Firefox the page reports no error either; WebKit's WebDriver cannot tell."""
    page.goto(f"{engine.site_url}/checklist/")
    assert click_through(page, ROUTE) == evaluate(dict(ROUTE)).verdict
    if isinstance(page, Firefox):
        assert page.errors() == []


def test_python_in_the_page_answers_as_cpython(engine: Engine, page: EnginePage) -> None:
    engine.open_checklist()
    assert differing(page, SAMPLE) == []


def test_a_later_visit_starts_python_from_the_memory_snapshot(engine: Engine, page: EnginePage) -> None:
    engine.visited()
    page.reload()
    assert started_from(page) == "snapshot"
    assert differing(page, SAMPLE[::4]) == []


def test_a_new_version_is_offered_and_taken_when_the_reader_reloads(
    page: EnginePage, built_site: Path, second_site: Path
) -> None:
    """On an origin of its own: until the reader chooses Reload, the page stays the version it was."""
    site = SwitchableSite({"first": built_site, "second": second_site})
    with serve(site) as url:
        page.goto(f"{url}/")
        wait_until_offline_ready(page)
        site.current = "second"
        page.reload()
        page.wait_for(".offline-notice button")
        notice = " ".join(page.evaluate(_TEXT, ".offline-notice").split())
        assert notice == UPDATE_OFFERED
        assert page.evaluate(_TEXT, f"#{SECOND_VERSION_ID}") is None
        page.click(".offline-notice button")
        page.wait_for(f"#{SECOND_VERSION_ID}")


def test_after_one_visit_the_guidance_and_the_checklist_work_with_no_server(engine: Engine, page: EnginePage) -> None:
    engine.visited()
    engine.stop_server()
    page.goto(f"{engine.site_url}/guidance/")
    assert page.evaluate(_CONTROLLED)  # the offline copy answered
    page.wait_for("#para-49")
    assert PARAGRAPH_49_WORD in page.evaluate(_TEXT, "#para-49")
    page.goto(f"{engine.site_url}/checklist/")
    assert page.evaluate(_CONTROLLED)
    assert started_from(page) == "snapshot"
    assert click_through(page, OFFLINE_ROUTE) == evaluate(dict(OFFLINE_ROUTE)).verdict
    assert differing(page, SAMPLE[::4]) == []
