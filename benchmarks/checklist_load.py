"""How fast the checklist page gets to its first Python result, against a bare Pyodide boot, in headless Chromium.

Builds the site, serves it on loopback and prints, as medians over a few runs (each measured load starts
once the browser is idle: see ``wait_until_idle``):

- a bare Pyodide boot (``loadPyodide()`` then ``runPython("1")``) on a blank page that loads
  Pyodide's files as npm ships them: cold (a fresh browser context) and warm (the page reloaded);
- the checklist's first Python-computed result, cold and warm: a first visit in a fresh context,
  then, once the service worker has downloaded the site for offline use and the browser keeps a
  memory snapshot of the checklist's Python, a reload with the network off; each as a ratio to
  the bare boot, cold to cold and warm to warm (with the range of each run's own ratio, since
  runs vary); and the bytes transferred on each visit;
- the time until the first question is visible, and the first result with service workers
  blocked (the page alone, no offline copy, no snapshot);
- the same first result on a blank page that starts the checklist's Python exactly as the
  checklist page does, with nothing else: the runtime alone, without the theme's page;
- ``evaluate`` round trips (page to Web Worker and back), p50 and p95 over 200 calls, once the
  page has settled (the offline copy and the snapshot, made in the background, kept);
- bytes transferred for a guidance page, without and with the offline copy downloading.

Run: ``python benchmarks/checklist_load.py [--runs N]``. Needs ``npm ci`` and Chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PYODIDE = ROOT / "node_modules" / "pyodide"
ROUND_TRIPS = 200
TIMEOUT_MS = 120_000
# The browser counts as idle once all its processes together use at most this much processor time in
# each of a few consecutive intervals; it is given at most IDLE_WAIT_S to get there.
IDLE_INTERVAL_S = 0.1
IDLE_CPU_S = 0.02
IDLE_INTERVALS = 3
IDLE_WAIT_S = 10.0

# A blank page that boots Pyodide as npm ships it, on the main thread, and nothing else.
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>Bare Pyodide boot</title>
<script type="module">
import { loadPyodide } from "./pyodide.mjs";
const python = await loadPyodide();
python.runPython("1");
performance.mark("bare-boot");
</script>"""
BARE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

# A blank page with the checklist page's own start script (put in at {start}), asking Python its first question.
RUNTIME_ONLY_PAGE = """<!doctype html><meta charset="utf-8"><title>The checklist's Python alone</title>
{start}
<script type="module">
import {{ python }} from "../assets/checklist/start.mjs";
await python.evaluate([{{ answers: {{}}, timestamp: null }}]);
performance.mark("checklist-ready");
</script>"""

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

STARTED_FROM = """async () => {
    const { python } = await import(document.querySelector("script[data-pyodide]").src);
    return await python.startedFrom;
}"""

# Until the service worker serves the page and the browser keeps a memory snapshot of the checklist's Python.
OFFLINE_READY = """async (timeout) => {
    const started = performance.now();
    const { serviceWorker } = navigator;
    await new Promise((resolve) => {
        if (serviceWorker.controller) serviceWorker.ready.then(resolve);
        serviceWorker.addEventListener("controllerchange", resolve);
    });
    for (;;) {
        const names = (await caches.keys()).filter((name) => name.startsWith("python snapshot "));
        const kept = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).length));
        if (kept.some(Boolean)) return;
        if (performance.now() - started > timeout) throw new Error("no memory snapshot was kept");
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
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


def build(destination: Path) -> None:
    """A real ``mkdocs build --strict`` of this checkout; the bare boot page beside it at ``bare/``, and the
    blank page that starts the checklist's Python at ``runtime-only/``."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(destination)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    bare = destination / "bare"
    bare.mkdir()
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    for name in BARE_FILES:
        shutil.copy2(PYODIDE / name, bare / name)
    checklist = (destination / "checklist" / "index.html").read_text(encoding="utf-8")
    start = re.search(r'<script type="module" async src="[^"]*start\.mjs".*?</script>', checklist, re.DOTALL)
    runtime_only = destination / "runtime-only"
    runtime_only.mkdir()
    (runtime_only / "index.html").write_text(RUNTIME_ONLY_PAGE.format(start=start.group(0)), encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closed while a download was under way: not worth a traceback."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_until_idle(browser: Browser) -> None:
    """Returns once the browser's processes are idle, so that a measured visit does not share the processor
    with the browser's own work.

    Each new context opens a window, and Chromium then spends about 0.6 s of processor time in the next
    half second on its own interface (a renderer for the address bar's pop-up), work no visit to the site
    causes and a user's open browser has long finished. A visit started at once shares the processor with
    it, on a 2-core machine, and a load that takes 1 s loses a larger share to it than one that takes 2.5 s.
    A cold load also leaves compiling behind it that a reload started at once would share the processor with.
    """
    session = browser.new_browser_cdp_session()

    def processor_time() -> float:
        return sum(process["cpuTime"] for process in session.send("SystemInfo.getProcessInfo")["processInfo"])

    try:
        deadline = time.monotonic() + IDLE_WAIT_S
        quiet, last = 0, processor_time()
        while quiet < IDLE_INTERVALS and time.monotonic() < deadline:
            time.sleep(IDLE_INTERVAL_S)
            now = processor_time()
            quiet = quiet + 1 if now - last <= IDLE_CPU_S else 0
            last = now
    finally:
        session.detach()
    if quiet < IDLE_INTERVALS:
        print(f"The browser was still busy after {IDLE_WAIT_S:.0f} s; measuring anyway.", file=sys.stderr)


def fresh_page(browser: Browser, **options: object) -> tuple[BrowserContext, Page]:
    """A page in a new context (no cache, no storage), once the browser has set up the context's window."""
    context = browser.new_context(**options)
    page = context.new_page()
    wait_until_idle(browser)
    return context, page


def wait_for_mark(page: Page, name: str) -> float:
    """When the page set the performance mark ``name``, in ms from navigation start.

    Told by a performance observer, not by polling: a poll is a timer on the page's main thread every few
    milliseconds, work that would compete with the page being measured (and, for the bare boot, with
    Pyodide itself, which starts on the main thread).
    """
    return page.evaluate(
        """([name, timeout]) => new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                observer.disconnect();
                reject(new Error(`no ${name} mark: did the page fail?`));
            }, timeout);
            const observer = new PerformanceObserver((marks) => {
                const [mark] = marks.getEntriesByName(name);
                if (!mark) return;
                observer.disconnect();
                clearTimeout(timer);
                resolve(mark.startTime);
            });
            observer.observe({ type: "mark", buffered: true });
        })""",
        [name, TIMEOUT_MS],
    )


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


def bare_boot(browser: Browser, base: str) -> tuple[float, float]:
    """A bare Pyodide boot in a fresh context, then again on reloading the page."""
    context, page = fresh_page(browser, service_workers="block")
    page.goto(f"{base}/bare/")
    cold = wait_for_mark(page, "bare-boot")
    wait_until_idle(browser)
    page.reload()
    warm = wait_for_mark(page, "bare-boot")
    context.close()
    return cold, warm


@dataclass
class Visits:
    """A first visit to the checklist and a reload with the network off."""

    first_question: float
    cold: float
    cold_traffic: Traffic
    offline_copy: int
    warm: float
    warm_started_from: str
    warm_traffic: Traffic


def checklist_visits(browser: Browser, base: str) -> Visits:
    context, page = fresh_page(browser)
    traffic = Traffic()
    traffic.watch(context)
    page.goto(f"{base}/checklist/")
    question = wait_for_mark(page, "checklist-first-question")
    cold = wait_for_mark(page, "checklist-ready")
    cold_traffic = traffic.tally()
    page.evaluate(OFFLINE_READY, TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    offline_copy = cold_traffic.offline_copy + traffic.tally().offline_copy
    context.set_offline(True)
    wait_until_idle(browser)
    page.reload()
    warm = wait_for_mark(page, "checklist-ready")
    started_from = page.evaluate(STARTED_FROM)
    page.wait_for_load_state("networkidle")
    warm_traffic = traffic.tally()
    context.close()
    return Visits(question, cold, cold_traffic, offline_copy, warm, started_from, warm_traffic)


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
    page.evaluate(OFFLINE_READY, TIMEOUT_MS)
    times = sorted(page.evaluate(ROUND_TRIP_SCRIPT, [ROUND_TRIPS, ANSWER_SETS]))
    context.close()
    return times


def _spread(ratios: Iterator[float]) -> str:
    """The lowest and highest of each run's ratio to the bare boot of the same run: how far one run can stray."""
    ordered = sorted(ratios)
    return f"{ordered[0]:.2f}–{ordered[-1]:.2f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="checklist-bench-") as work:
        site = Path(work) / "site"
        build(site)
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            bare, visits, alone, runtime_only = [], [], [], []
            for _ in range(runs):
                bare.append(bare_boot(browser, base))
                visits.append(checklist_visits(browser, base))
                alone.append(page_alone(browser, base))
                runtime_only.append(page_alone(browser, base, "runtime-only/"))
            times = round_trips(browser, base)
            guidance, guidance_offline = (guidance_traffic(browser, base, how) for how in ("block", "allow"))
            browser.close()

    median = statistics.median
    bare_cold, bare_warm = median(cold for cold, _ in bare), median(warm for _, warm in bare)
    cold, warm = median(visit.cold for visit in visits), median(visit.warm for visit in visits)
    question, page_only = median(visit.first_question for visit in visits), median(alone)
    runtime = median(runtime_only)
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
    first, reload = visits[len(visits) // 2].cold_traffic, visits[len(visits) // 2].warm_traffic
    started = sorted({visit.warm_started_from for visit in visits})
    rows = [
        ("Bare Pyodide boot, cold", f"{bare_cold:.0f} ms", "fresh context", None),
        ("Bare Pyodide boot, warm", f"{bare_warm:.0f} ms", "page reloaded", None),
        ("First Python result, cold", f"{cold:.0f} ms", f"{cold / bare_cold:.3f}× bare cold", cold <= 0.5 * bare_cold),
        ("First Python result, warm", f"{warm:.0f} ms", f"{warm / bare_warm:.3f}× bare warm", warm <= 0.3 * bare_warm),
        ("  each run, cold", _spread(visit.cold / b for visit, (b, _) in zip(visits, bare, strict=True)), "", None),
        ("  each run, warm", _spread(visit.warm / b for visit, (_, b) in zip(visits, bare, strict=True)), "", None),
        ("  warm visits started from", ", ".join(started), "", None),
        ("Cold visit, bytes", f"{first.network:,}", f"Python runtime: {first.runtime:,}", None),
        ("  then the offline copy", f"{median(v.offline_copy for v in visits):,.0f}", "the whole site", None),
        ("Warm visit, bytes", f"{reload.network:,}", f"from the offline copy: {reload.from_service_worker:,}", None),
        (
            "First question visible",
            f"{question:.0f} ms",
            f"{question / bare_cold:.3f}× bare cold",
            question <= 0.15 * bare_cold,
        ),
        (
            "First result, page alone",
            f"{page_only:.0f} ms",
            f"{page_only / bare_cold:.3f}× bare cold",
            page_only <= 1.05 * bare_cold,
        ),
        ("  the runtime alone", f"{runtime:.0f} ms", f"{runtime / bare_cold:.3f}× bare cold", None),
        ("evaluate round trip p50", f"{p50:.2f} ms", f"over {ROUND_TRIPS} calls", None),
        ("evaluate round trip p95", f"{p95:.2f} ms", f"over {ROUND_TRIPS} calls", p95 <= 5),
        (
            "Guidance page, bytes",
            f"{guidance.network:,}",
            f"Python runtime: {guidance.runtime:,}",
            guidance.runtime == 0,
        ),
        ("  with the offline copy", f"{guidance_offline.network + guidance_offline.offline_copy:,}", "", None),
    ]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Median of {runs} runs, headless Chromium, site served on loopback; load average {load}.\n")
    for name, value, note, met in rows:
        verdict = "" if met is None else ("target met" if met else "TARGET MISSED")
        print(f"{name:<30} {value:>12}  {note:<36} {verdict}")


if __name__ == "__main__":
    main()
