"""How fast the checklist page gets to its first Python result, against a bare Pyodide boot, in three engines.

Builds the site, serves it on loopback and prints, as Markdown tables to paste into benchmarks/README.md, medians
over a few runs (each measured load starts once the browsers are idle: see ``load_measures.wait_until_idle``):

- in each engine (Chromium, Firefox ESR, WebKitGTK), a bare Pyodide boot (``loadPyodide()`` then
  ``runPython("1")``) on a blank page that loads Pyodide's files as npm ships them: cold (nothing stored) and warm
  (the page reloaded); and the checklist's first Python-computed result, cold and warm: a first visit with nothing
  stored, then, once the service worker has downloaded the site for offline use and the browser keeps a memory
  snapshot of the checklist's Python, a reload with the network off; each as a ratio to the bare boot in the same
  engine, cold to cold and warm to warm (with the range of each run's own ratio, since runs vary);
- in Chromium alone, which tells what each request transferred: the bytes of each visit, the time until the first
  question is visible, the first result with service workers blocked (the page alone) and on a blank page that
  starts the checklist's Python exactly as the checklist page does (the runtime alone), ``evaluate`` round trips
  (page to Web Worker and back, p50 and p95 over 200 calls) once the page has settled, and the bytes of a guidance
  page, without and with the offline copy downloading.

Run from the checkout: ``python -m benchmarks.checklist_load [--runs N] [--engines chromium,firefox,webkit]``.
Needs ``npm ci`` and the browsers the tests use; an engine that is not installed is reported as skipped.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import traceback
from pathlib import Path

from playwright.sync_api import sync_playwright

from . import chromium_load, engine_load
from .load_measures import ENGINE_HEADER, Run, engine_row
from .load_site import build, serve

ENGINES = ("chromium", *engine_load.ENGINES)


def engines_option(value: str) -> list[str]:
    chosen = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(ENGINES))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(ENGINES)}; not {', '.join(unknown) or 'none'}")
    return chosen


def chromium(site: Path, runs: int) -> tuple[str, list[Run], list[str]]:
    """Chromium's name and version, its runs, and the rows of the figures only Chromium gives."""
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_load.CHROMIUM, args=["--no-sandbox"])
        try:
            figures = chromium_load.measure(browser, base, runs)
            return f"Chromium {browser.version}", figures.runs, chromium_load.detail_rows(figures)
        finally:
            browser.close()


def engine_rows(engine: str, site: Path, runs: int) -> tuple[str, list[str]]:
    """The engine's row of the engines' table, and the rows of the figures only Chromium gives."""
    if engine == "chromium":
        name, measured, details = chromium(site, runs)
        return engine_row(name, measured), details
    name = engine_load.NAMES[engine]
    try:
        name, measured = engine_load.measure(engine, site, runs)
    except engine_load.EngineMissing as missing:
        return f"| {name} | skipped: {missing} |||||", []
    except Exception as failure:  # the other engines' figures are still worth printing
        traceback.print_exc()
        return f"| {name} | failed: {str(failure).splitlines()[0]} |||||", []
    return engine_row(name, measured), []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument(
        "--engines", type=engines_option, default=list(ENGINES), help=f"some of {','.join(ENGINES)} (default all)"
    )
    options = parser.parse_args()
    rows, details = [], []
    with tempfile.TemporaryDirectory(prefix="checklist-bench-") as work:
        site = Path(work) / "site"
        build(site)
        for engine in options.engines:
            row, more = engine_rows(engine, site, options.runs)
            rows.append(row)
            details += more
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Medians of {options.runs} runs, site served on loopback, {os.cpu_count()} cores; load average {load}.\n")
    print("\n".join([ENGINE_HEADER, *rows]))
    if details:
        print("\n| Figure (Chromium) | Measured | Target |\n|---|---|---|")
        print("\n".join(details))


if __name__ == "__main__":
    main()
