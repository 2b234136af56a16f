"""How Python starts in the browser: only the files it uses, and from a memory snapshot only when it is sound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Request, Route, expect

from .checklist_browser import PYTHON_TIMEOUT_MS, READY, open_checklist, route_to_each_verdict
from .conftest import ROOT
from .devtools_connection import DevToolsConnection
from .python_browser import EVALUATE_IN_BROWSER, SNAPSHOT_CACHE_PREFIX, in_cpython, started_from, stored_snapshots

TIMESTAMP = "2024-05-01T14:30:00+01:00"
CALLS = [{"answers": dict(route), "timestamp": TIMESTAMP} for route in route_to_each_verdict().values()] + [
    {"answers": {"request": "phone-call"}, "timestamp": TIMESTAMP}
]

# Spoils the stored snapshot the way ``how`` says, and returns its key. The stored form (snapshot_pages.mjs): the
# snapshot's length, the number of pages kept and their numbers (32-bit little-endian), then the pages, with
# their SHA-256 in a header; the snapshot itself begins with Pyodide's header, whose bytes 16 to 48 are the id
# of the runtime build it is for. Python's memory is as long as the snapshot, less that header.
SPOIL = """async ([prefix, how]) => {
    const [name] = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    const response = await cache.match(request);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    const headers = new Headers(response.headers);
    if (how === "damaged") {
        bytes[bytes.length >> 1] ^= 0xff;
    } else {
        if (how === "longer than Python's memory") view.setUint32(0, view.getUint32(0, true) + 65536, true);
        if (how === "for another runtime") bytes[4 * (2 + view.getUint32(4, true)) + 16] ^= 0xff;
        if (how === "too large") view.setUint32(0, 0xffffffff, true);
        const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
        headers.set("x-snapshot-sha256", Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""));
    }
    await cache.put(request, new Response(bytes, { headers }));
    return request.url;
}"""
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
        assert page.evaluate(SPOIL, [SNAPSHOT_CACHE_PREFIX, how]) == key
        page.reload()
        assert started_from(page) == "bytecode", how
        assert stored_snapshots(page) == [], how
        assert page.evaluate(EVALUATE_IN_BROWSER, CALLS) == expected, how
        expect(page.locator(".cl-status")).to_have_text(READY)
    assert errors == []
    stored_snapshots(page, wait=True)
    page.reload()
    assert started_from(page) == "snapshot"
    assert page.evaluate(EVALUATE_IN_BROWSER, CALLS) == expected
    context.close()


# Runs a module body in a worker of the test's own, on the checklist page, with `runtime` (as the page's start
# script is told it) and `checklistModule` (the address of one of the checklist worker's modules) in scope, and
# gives its first message. Such a worker runs from a blob, which the site's policy refuses: pages that use this
# bypass the policy.
IN_OWN_WORKER = """async ([checklistModule, body]) => {
    const script = document.querySelector("script[data-pyodide][data-library]");
    const address = (relative) => new URL(relative, document.baseURI).href;
    const { pyodide, library, libraryGzip, lockfile } = script.dataset;
    const runtime = { pyodide: address(pyodide), library: address(library), libraryGzip: address(libraryGzip),
                      lockfile };
    const code = `const checklistModule = ${JSON.stringify(checklistModule)};
                  const runtime = ${JSON.stringify(runtime)};
                  ${body}`;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), { type: "module" });
    return await new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => resolve(data);
        worker.onerror = (event) => reject(new Error(event.message || "the test's worker failed"));
    });
}"""


def in_own_worker(page: Page, site_url: str, module: str, body: str) -> Any:
    """The site ships the worker's modules in one file (worker.mjs): the page is given them as written."""

    def as_written(route: Route) -> None:
        route.fulfill(path=WORKER_MODULES / route.request.url.rsplit("/", 1)[-1], content_type="text/javascript")

    for name in ("snapshot_pages.mjs", "library_archive.mjs", "pyodide_loading.mjs"):
        page.context.route(f"{site_url}/assets/checklist/{name}", as_written)
    return page.evaluate(IN_OWN_WORKER, [f"{site_url}/assets/checklist/{module}", body])


# The checklist worker's restore from the kept pages (snapshot_pages.mjs) and Pyodide's restore from the whole
# snapshot, each in a start of its own, with a page the snapshot does not keep written on first, where memory may
# have been written before a restore. Python's memory just after each.
COMPARE_RESTORES = """
    const { keptPages, pack, restoreInto } = await import(checklistModule);
    const { loadPyodide } = await import(runtime.pyodide);
    const { default: createModule } = await import(new URL("pyodide.asm.mjs", runtime.pyodide).href);
    const options = { indexURL: new URL(".", runtime.pyodide).href, stdLibURL: runtime.library,
                      lockFileContents: runtime.lockfile };
    const python = await loadPyodide({ ...options, _makeSnapshot: true });
    python.pyimport("checklist.browser");
    const snapshot = python.makeMemorySnapshot();
    const kept = keptPages(pack(snapshot));
    const memoryAt = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
    async function memoryAfter(restore) {
        let memory, scribbled;
        await loadPyodide({ ...options, _loadSnapshot: snapshot, async createPyodideModule(settings) {
            const module = await createModule(settings);
            const restoreState = module.API.restoreSnapshot;
            module.API.restoreSnapshot = (whole) => {
                const top = module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2];
                const notKept = kept.pages.find(({ at }, index) => kept.pages[index + 1]?.at > at + 65536);
                scribbled = notKept.at + 65536 - memoryAt;
                if (scribbled + 4096 > top) throw new Error("no page left out below the heap's top");
                module.HEAPU8.fill(0xa5, scribbled, scribbled + 4096);
                const state = restore(module, restoreState, whole);
                memory = module.HEAPU8.slice();
                return state;
            };
            return module;
        } });
        return { memory, scribbled };
    }
    const pyodides = await memoryAfter((module, restoreState, whole) => restoreState(whole));
    const ours = await memoryAfter((module, restoreState) => restoreInto(module, restoreState, kept));
    let differing = 0;
    for (let i = 0; i < pyodides.memory.length; i++) if (pyodides.memory[i] !== ours.memory[i]) differing++;
    self.postMessage({
        length: [pyodides.memory.length, ours.memory.length],
        differing,
        scribbledZeroed: ours.memory.subarray(ours.scribbled, ours.scribbled + 4096).every((byte) => byte === 0),
        kept: kept.pages.length,
        pages: Math.ceil(snapshot.byteLength / 65536),
    });
"""


def test_the_kept_pages_restore_python_memory_exactly_as_pyodide_restores_the_whole_snapshot(
    browser: Browser, site_url: str
) -> None:
    """The worker writes only the pages it keeps; every other byte must end as Pyodide's own restore leaves it."""
    context, page = open_checklist(browser, site_url, service_workers="block", bypass_csp=True)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    compared = in_own_worker(page, site_url, "snapshot_pages.mjs", COMPARE_RESTORES)
    context.close()
    assert compared["length"][0] == compared["length"][1] > 0
    assert 0 < compared["kept"] < compared["pages"]
    assert compared["scribbledZeroed"]
    assert compared["differing"] == 0


# A full start with the checklist worker's options for it (library_archive.mjs): where Python looks for modules,
# and where it found some of those its start and the package import.
FULL_START = """
    const { unpackedLibrary } = await import(checklistModule);
    const { loadPyodide } = await import(runtime.pyodide);
    const python = await loadPyodide({ indexURL: new URL(".", runtime.pyodide).href, stdLibURL: runtime.library,
                                       lockFileContents: runtime.lockfile, ...unpackedLibrary(runtime) });
    self.postMessage(JSON.parse(python.runPython(
        "import json, sys, checklist.browser; json.dumps({'path': sys.path, 'files': " +
        "[sys.modules[name].__file__ for name in ('encodings', 'asyncio', 'checklist', 'checklist.browser')]})"
    )));
"""


def test_a_full_start_imports_from_the_folder_it_unpacks_the_library_into(browser: Browser, site_url: str) -> None:
    """Python's own start-up modules and the package alike, ahead of the library's zip on Python's path."""
    context, page = open_checklist(browser, site_url, service_workers="block", bypass_csp=True)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    started = in_own_worker(page, site_url, "library_archive.mjs", FULL_START)
    context.close()
    folder = "/lib/python-library"
    assert started["path"].index(folder) < started["path"].index("/lib/python314.zip")
    assert started["files"] == [
        f"{folder}/encodings/__init__.pyc",
        f"{folder}/asyncio/__init__.pyc",
        f"{folder}/checklist/__init__.pyc",
        f"{folder}/checklist/browser.pyc",
    ]


# The stored snapshot's size in bytes, as its response holds it.
STORED_SIZE = """async (prefix) => {
    const [name] = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    return (await (await cache.match(request)).arrayBuffer()).byteLength;
}"""


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
    stored = page.evaluate(STORED_SIZE, SNAPSHOT_CACHE_PREFIX)
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


# Gives the checklist worker each message, in a worker of its own, and its answer to each.
ANSWERS_TO = """async ([workerModule, messages]) => {
    const worker = new Worker(workerModule, { type: "module" });
    const answers = [];
    for (const message of messages) {
        const answer = new Promise((resolve) => { worker.onmessage = ({ data }) => resolve(data); });
        worker.postMessage(message);
        answers.push(await answer);
    }
    worker.terminate();
    return answers;
}"""


def test_the_worker_answers_a_message_it_does_not_know_with_an_error(browser: Browser, site_url: str) -> None:
    """Every message is {type, ...}: one of a type the worker does not know, or with no type, is not ignored."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{site_url}/")
    messages = [{"type": "describe", "id": 1}, {"start": {}}]
    answers = page.evaluate(ANSWERS_TO, [f"{site_url}/assets/checklist/worker.mjs", messages])
    context.close()
    assert answers == [
        {"type": "error", "id": None, "error": 'A message of unknown type: "describe"'},
        {"type": "error", "id": None, "error": "A message of unknown type: undefined"},
    ]
