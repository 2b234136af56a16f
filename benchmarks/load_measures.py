"""How the load benchmark measures, in any engine: when a load starts (once the browsers are idle), when it ends
(a performance mark the page sets), and what one run of an engine gives."""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import tests.conftest  # noqa: F401  (puts the site's build code on the path, as for the tests)
from tests.offline_browser import wait_until_offline_ready
from tests.python_browser import stored_snapshots

TIMEOUT_MS = 120_000
# The browsers count as idle once all their processes together use at most this much processor time in each of a
# few consecutive intervals; they are given at most IDLE_WAIT_S to get there.
IDLE_INTERVAL_S = 0.1
IDLE_CPU_S = 0.02
IDLE_INTERVALS = 3
IDLE_WAIT_S = 10.0
_TICKS_PER_S = os.sysconf("SC_CLK_TCK")

# When the page set a performance mark, in ms from its navigation's start, told by a performance observer: a
# poll would be a timer on the page's main thread every few milliseconds, work that competes with the page
# being measured (and, for the bare boot, with Pyodide itself, which starts on the main thread).
_MARK = """([name, timeout]) => new Promise((resolve, reject) => {
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
})"""


class AnyPage(Protocol):
    """A Playwright page, or one of the tests' pages of the other engines: both evaluate a function's source."""

    def evaluate(self, source: str, argument: Any = None) -> Any: ...


def wait_for_mark(page: AnyPage, name: str) -> float:
    """When the page set the performance mark ``name``, in ms from its navigation's start."""
    return page.evaluate(_MARK, [name, TIMEOUT_MS])


def wait_until_kept(page: AnyPage) -> None:
    """Until the service worker serves the page and the browser keeps a memory snapshot of the checklist's Python.

    Asked every half second rather than waited for in the page as the tests do: on a busy machine WebKit may take
    longer to make the snapshot than the tests wait.
    """
    wait_until_offline_ready(page)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not stored_snapshots(page):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no memory snapshot was kept in {TIMEOUT_MS / 1000:.0f} s")
        time.sleep(0.5)


def _processor_time() -> float:
    """Processor seconds used so far by every process this one started, and theirs: the browsers and drivers."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process has ended
            continue
        fields = text[text.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        ticks[pid] = sum(int(field) for field in fields[11:15])  # its time and its ended children's
    ours, found = {os.getpid()}, True
    while found:
        found = {pid for pid, parent in parents.items() if parent in ours and pid not in ours}
        ours |= found
    return sum(ticks[pid] for pid in ours - {os.getpid()}) / _TICKS_PER_S


def wait_until_idle() -> None:
    """Returns once the browsers are idle, so that a measured load does not share the processor with their own work.

    A new window or browser sets itself up for a while after it opens (Chromium spends about 0.6 s of processor
    time on its address bar's pop-up; Firefox and WebKit start several processes), work no visit to the site causes
    and a reader's open browser has long finished; on a 2-core machine a load started at once would share the cores
    with it, and a load of 1 s loses a larger share to it than one of 2.5 s. A cold load also leaves compiling
    behind it, and a first visit the offline copy and the snapshot to finish.
    """
    deadline = time.monotonic() + IDLE_WAIT_S
    quiet, last = 0, _processor_time()
    while quiet < IDLE_INTERVALS and time.monotonic() < deadline:
        time.sleep(IDLE_INTERVAL_S)
        now = _processor_time()
        quiet = quiet + 1 if now - last <= IDLE_CPU_S else 0
        last = now
    if quiet < IDLE_INTERVALS:
        print(f"The browser was still busy after {IDLE_WAIT_S:.0f} s; measuring anyway.", file=sys.stderr)


@dataclass
class Run:
    """One run in one engine, in ms: the bare boot, and the checklist's first Python result on a first visit
    (cold) and on a visit with the offline copy and the memory snapshot kept and no server (warm)."""

    bare_cold: float
    bare_warm: float
    first_question: float
    cold: float
    warm: float
    warm_started_from: str


def _ratio(runs: list[Run], load: str, bare: str) -> str:
    """The median of a load, its ratio to the median bare boot, and the range of each run's own ratio."""
    median = statistics.median(getattr(run, load) for run in runs)
    ratio = median / statistics.median(getattr(run, bare) for run in runs)
    each = sorted(getattr(run, load) / getattr(run, bare) for run in runs)
    return f"{median:.0f} ms ({ratio:.2f}×; runs {each[0]:.2f}–{each[-1]:.2f}×)"


ENGINE_HEADER = (
    "| Engine | Bare boot, cold | Bare boot, warm | First result, cold | First result, warm | Warm start from |\n"
    "|---|---|---|---|---|---|"
)


def engine_row(engine: str, runs: list[Run]) -> str:
    """A row of the engines' table, in Markdown: medians, ratios to the bare boot cold to cold and warm to warm."""
    bare_cold = statistics.median(run.bare_cold for run in runs)
    bare_warm = statistics.median(run.bare_warm for run in runs)
    started = ", ".join(sorted({run.warm_started_from for run in runs}))
    cold, warm = _ratio(runs, "cold", "bare_cold"), _ratio(runs, "warm", "bare_warm")
    return f"| {engine} | {bare_cold:.0f} ms | {bare_warm:.0f} ms | {cold} | {warm} | {started} |"
