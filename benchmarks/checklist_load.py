"""How fast the checklist page gets going, against a bare Pyodide boot, in headless Chromium.

Builds the site, serves it on loopback and prints, as medians over a few cold loads
(each in a fresh browser context, so nothing is cached):

- time until the first question is visible on the checklist page;
- a bare Pyodide boot (``loadPyodide()`` then ``runPython("1")``) on a blank page;
- time until the first result computed by Python on the checklist page;
- ``evaluate`` round trips (page to Web Worker and back), p50 and p95 over 200 calls;
- bytes transferred for the checklist page and for a guidance page.

A first visit also registers the site's service worker, which downloads the whole site,
Pyodide included, for offline use. The figures above are taken with service workers
blocked, so they describe the checklist page itself; the first Python result and a
guidance page's bytes with that download running are printed after them.

Run: ``python benchmarks/checklist_load.py [--runs N]``. Needs ``npm ci`` and Chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ROUND_TRIPS = 200
TIMEOUT_MS = 120_000

# A blank page that boots the same Pyodide files the site ships, on the main thread, and nothing else.
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>Bare Pyodide boot</title>
<script type="module">
import { loadPyodide } from "{module}";
const python = await loadPyodide();
python.runPython("1");
performance.mark("bare-boot");
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
    """A real ``mkdocs build --strict`` of this checkout."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(destination)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_for_mark(page: Page, name: str) -> float:
    """When the page set the performance mark ``name``, in ms from navigation start."""
    return page.evaluate(
        """async ([name, timeout]) => {
            const started = performance.now();
            while (!performance.getEntriesByName(name).length) {
                if (performance.now() - started > timeout) throw new Error(`no ${name} mark: did the page fail?`);
                await new Promise((resolve) => setTimeout(resolve, 5));
            }
            return performance.getEntriesByName(name)[0].startTime;
        }""",
        [name, TIMEOUT_MS],
    )


def marks(browser: Browser, url: str, names: tuple[str, ...], offline_copy: str = "block") -> dict[str, float]:
    """Load ``url`` cold and return when each of its performance marks was set."""
    context = browser.new_context(service_workers=offline_copy)
    page = context.new_page()
    page.goto(url)
    found = {name: wait_for_mark(page, name) for name in names}
    context.close()
    return found


def transferred(
    browser: Browser, url: str, ready_mark: str | None = None, offline_copy: str = "block"
) -> tuple[int, int]:
    """Bytes on the wire (headers and bodies) to load ``url`` and all it starts, and how many were Pyodide's."""
    context = browser.new_context(service_workers=offline_copy)
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if ready_mark:
        wait_for_mark(page, ready_mark)
    if offline_copy == "allow":
        page.evaluate("navigator.serviceWorker.ready")
        page.wait_for_load_state("networkidle")
    total = runtime = 0
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if "/assets/pyodide/" in request.url or request.url.endswith(".whl"):
            runtime += size
    context.close()
    return total, runtime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads of each page (default 5)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="checklist-bench-") as work:
        site = Path(work) / "site"
        build(site)
        modules = list((site / "assets/pyodide").glob("*/pyodide.mjs"))
        (site / "bare.html").write_text(BARE_PAGE.replace("{module}", "/" + str(modules[0].relative_to(site))))
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            first_question, first_result, with_offline_copy, bare = [], [], [], []
            for _ in range(runs):
                bare.append(marks(browser, f"{base}/bare.html", ("bare-boot",))["bare-boot"])
                checklist = marks(browser, f"{base}/checklist/", ("checklist-first-question", "checklist-ready"))
                first_question.append(checklist["checklist-first-question"])
                first_result.append(checklist["checklist-ready"])
                first_visit = marks(browser, f"{base}/checklist/", ("checklist-ready",), offline_copy="allow")
                with_offline_copy.append(first_visit["checklist-ready"])
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(f"{base}/checklist/")
            times = sorted(page.evaluate(ROUND_TRIP_SCRIPT, [ROUND_TRIPS, ANSWER_SETS]))
            context.close()
            checklist_bytes, checklist_runtime = transferred(browser, f"{base}/checklist/", "checklist-ready")
            guidance_bytes, guidance_runtime = transferred(browser, f"{base}/guidance/")
            offline_bytes, offline_runtime = transferred(browser, f"{base}/guidance/", offline_copy="allow")
            browser.close()

    boot, question, result, offline = (
        statistics.median(values) for values in (bare, first_question, first_result, with_offline_copy)
    )
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
    runtime_note = "of which Pyodide and wheel: {:,}"
    rows = [
        ("First question visible", f"{question:.0f} ms", f"{question / boot:.3f}× bare boot", question <= 0.15 * boot),
        ("Bare Pyodide boot (blank page)", f"{boot:.0f} ms", "", None),
        ("First Python result", f"{result:.0f} ms", f"{result / boot:.3f}× bare boot", result <= 1.05 * boot),
        ("evaluate round trip p50", f"{p50:.2f} ms", f"over {ROUND_TRIPS} calls", None),
        ("evaluate round trip p95", f"{p95:.2f} ms", f"over {ROUND_TRIPS} calls", p95 <= 5),
        ("Checklist page, bytes", f"{checklist_bytes:,}", runtime_note.format(checklist_runtime), None),
        ("Guidance page, bytes", f"{guidance_bytes:,}", runtime_note.format(guidance_runtime), guidance_runtime == 0),
        ("With the offline copy downloading:", "", "", None),
        ("  First Python result", f"{offline:.0f} ms", f"{offline / boot:.3f}× bare boot", None),
        ("  Guidance page, bytes", f"{offline_bytes:,}", runtime_note.format(offline_runtime), None),
    ]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Median of {runs} cold loads each, headless Chromium, site served on loopback; load average {load}.")
    print("A first visit, without the service worker's download of the whole site for offline use unless stated.\n")
    for name, value, note, met in rows:
        verdict = "" if met is None else ("target met" if met else "TARGET MISSED")
        print(f"{name:<32} {value:>12}  {note:<36} {verdict}")


if __name__ == "__main__":
    main()
