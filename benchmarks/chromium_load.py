"""The load benchmark in Chromium, through Playwright, which tells what each request transferred: the runs that all
engines make, and the figures only Chromium gives (bytes, the page alone, round trips, the guidance page)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, Page, Request

from tests.python_browser import started_from

from .load_measures import Run, wait_for_mark, wait_until_idle, wait_until_kept

CHROMIUM = "/usr/bin/chromium"
ROUND_TRIPS = 200

# Round trips through the checklist page's own client and worker, once Python is ready.
ROUND_TRIP_SCRIPT = """async ([count, answerSets]) => {
    const { python } = await import(document.querySelector("script[data-pyodide]").src);
    await python.evaluate([{ answers: {}, timestamp: null }]);
    const times = [];
    for (let i = 0; i < count; i++) {
        const started = performance.now();
        await python.evaluate([{ answers: answerSets[i % answerSets.length], timestamp: new Date().toISOString() }]);
        times.push(performance.now() - started);
    }
    return times;
}"""

ANSWER_SETS = [
    {"request": "court-order", "identity": "checked"},
    {"request": "child-protection", "identity": "not-checked"},
    {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"},
    {"request": "formal-review", "identity": "checked", "purpose": "understood", "consent": "refused"},
    {
        "request": "child-protection",
        "identity": "checked",
        "purpose": "understood",
        "consent": "not-sought",
        "public_interest": "unsure",
    },
]


@dataclass
class Traffic:
    """Bytes (headers and bodies) of every finished request in a context, by where the response came from."""

    network: int = 0
    """Over the network, for the pages and their workers."""
    offline_copy: int = 0
    """Over the network, for the service worker's download of the whole site."""
    from_service_worker: int = 0
    """Answered by the service worker from the offline copy, without the network."""
    runtime: int = 0
    """Of ``network``, Pyodide's files and the Python library (the standard library and the checklist)."""
    requests: list[Request] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.on("requestfinished", lambda request: self.requests.append(request))

    def tally(self) -> Traffic:
        """The bytes of the requests finished since the last tally."""
        counted = Traffic()
        for request in self.requests:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            response = request.response()
            if request.service_worker is not None:
                counted.offline_copy += size
            elif response is not None and response.from_service_worker:
                counted.from_service_worker += int(response.headers.get("content-length", "0"))
            else:
                counted.network += size
                if "/assets/pyodide/" in request.url or "/assets/checklist/python/" in request.url:
                    counted.runtime += size
        self.requests.clear()
        return counted


def fresh_page(browser: Browser, **options: object) -> tuple[BrowserContext, Page]:
    """A page in a new context (no cache, no storage), once the browser has set up the context's window."""
    context = browser.new_context(**options)
    page = context.new_page()
    wait_until_idle()
    return context, page


def bare_boot(browser: Browser, base: str) -> tuple[float, float]:
    """A bare Pyodide boot in a fresh context, then again on reloading the page."""
    context, page = fresh_page(browser, service_workers="block")
    page.goto(f"{base}/bare/")
    cold = wait_for_mark(page, "bare-boot")
    wait_until_idle()
    page.reload()
    warm = wait_for_mark(page, "bare-boot")
    context.close()
    return cold, warm


@dataclass
class Visits:
    """A first visit to the checklist and a reload with the network off, with what each transferred."""

    run: Run
    cold_traffic: Traffic
    offline_copy: int
    warm_traffic: Traffic


def checklist_visits(browser: Browser, base: str, bare: tuple[float, float]) -> Visits:
    context, page = fresh_page(browser)
    traffic = Traffic()
    traffic.watch(context)
    page.goto(f"{base}/checklist/")
    question = wait_for_mark(page, "checklist-first-question")
    cold = wait_for_mark(page, "checklist-ready")
    cold_traffic = traffic.tally()
    wait_until_kept(page)
    page.wait_for_load_state("networkidle")
    offline_copy = cold_traffic.offline_copy + traffic.tally().offline_copy
    context.set_offline(True)
    wait_until_idle()
    page.reload()
    warm = wait_for_mark(page, "checklist-ready")
    run = Run(*bare, question, cold, warm, started_from(page))
    page.wait_for_load_state("networkidle")
    warm_traffic = traffic.tally()
    context.close()
    return Visits(run, cold_traffic, offline_copy, warm_traffic)


def page_alone(browser: Browser, base: str, path: str = "checklist/") -> float:
    """The first Python result on the page at ``path`` with service workers blocked: the page's own work only."""
    context, page = fresh_page(browser, service_workers="block")
    page.goto(f"{base}/{path}")
    ready = wait_for_mark(page, "checklist-ready")
    context.close()
    return ready


def guidance_traffic(browser: Browser, base: str, offline_copy: str) -> Traffic:
    """What a first visit to the guidance page transfers, with the offline copy blocked or downloading."""
    context = browser.new_context(service_workers=offline_copy)
    traffic = Traffic()
    traffic.watch(context)
    page = context.new_page()
    page.goto(f"{base}/guidance/", wait_until="networkidle")
    if offline_copy == "allow":
        page.evaluate("navigator.serviceWorker.ready")
        page.wait_for_load_state("networkidle")
    counted = traffic.tally()
    context.close()
    return counted


def round_trips(browser: Browser, base: str) -> list[float]:
    """Once the page has settled: its first visit's memory snapshot made (in a worker of its own) and kept."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/checklist/")
    wait_until_kept(page)
    times = sorted(page.evaluate(ROUND_TRIP_SCRIPT, [ROUND_TRIPS, ANSWER_SETS]))
    context.close()
    return times


@dataclass
class ChromiumFigures:
    """All that the runs in Chromium measured."""

    visits: list[Visits]
    alone: list[float]
    runtime_only: list[float]
    round_trips: list[float]
    guidance: Traffic
    guidance_offline: Traffic

    @property
    def runs(self) -> list[Run]:
        return [visit.run for visit in self.visits]


def measure(browser: Browser, base: str, runs: int) -> ChromiumFigures:
    visits, alone, runtime_only = [], [], []
    for _ in range(runs):
        visits.append(checklist_visits(browser, base, bare_boot(browser, base)))
        alone.append(page_alone(browser, base))
        runtime_only.append(page_alone(browser, base, "runtime-only/"))
    times = round_trips(browser, base)
    guidance, guidance_offline = (guidance_traffic(browser, base, how) for how in ("block", "allow"))
    return ChromiumFigures(visits, alone, runtime_only, times, guidance, guidance_offline)


def _target(met: bool, target: str) -> str:
    return f"{target} — {'met' if met else 'MISSED'}"


def detail_rows(figures: ChromiumFigures) -> list[str]:
    """The rows, in Markdown, of the figures only Chromium gives, with their targets."""
    median = statistics.median
    bare_cold = median(run.bare_cold for run in figures.runs)
    question = median(run.first_question for run in figures.runs)
    alone, runtime = median(figures.alone), median(figures.runtime_only)
    times = figures.round_trips
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
    middle = figures.visits[len(figures.visits) // 2]
    first, reload = middle.cold_traffic, middle.warm_traffic
    offline_copy = median(visit.offline_copy for visit in figures.visits)
    guidance, with_copy = figures.guidance, figures.guidance_offline
    cold = median(run.cold for run in figures.runs) / bare_cold
    warm = median(run.warm for run in figures.runs) / median(run.bare_warm for run in figures.runs)
    return [
        f"| First Python-computed result, cold (first visit) | {cold:.3f}× bare cold | "
        f"{_target(cold <= 0.5, '≤ 0.5×')} |",
        f"| First Python-computed result, warm (offline, from the snapshot) | {warm:.3f}× bare warm | "
        f"{_target(warm <= 0.3, '≤ 0.3×')} |",
        f"| Bytes transferred, cold visit until the first result | {first.network:,} (Python runtime: "
        f"{first.runtime:,}), then {offline_copy:,.0f} for the offline copy | — |",
        f"| Bytes transferred, warm visit | {reload.network:,} ({reload.from_service_worker:,} read from the "
        "offline copy) | — |",
        f"| First question visible | {question:.0f} ms ({question / bare_cold:.3f}× bare cold) | "
        f"{_target(question <= 0.15 * bare_cold, '≤ 0.15×')} |",
        f"| First result, service workers blocked (the page alone) | {alone:.0f} ms ({alone / bare_cold:.3f}× bare "
        f"cold) | {_target(alone <= 1.05 * bare_cold, '≤ 1.05×')} |",
        "| First result, the runtime alone (a blank page starting Python as the checklist page does) | "
        f"{runtime:.0f} ms ({runtime / bare_cold:.3f}× bare cold) | — |",
        f"| `evaluate` round trip, page → worker → page, {len(times)} calls | p50 {p50:.1f} ms, p95 {p95:.1f} ms | "
        f"{_target(p95 <= 5, 'p95 ≤ 5 ms')} |",
        f"| Guidance page, bytes transferred | {guidance.network:,} (Python runtime: {guidance.runtime:,}); "
        f"{with_copy.network + with_copy.offline_copy:,} with the offline copy | "
        f"{_target(guidance.runtime == 0, 'no Pyodide bytes')} |",
    ]
