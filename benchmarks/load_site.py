"""The site the load benchmark measures: a real build of this checkout, with two blank pages beside it, served on
loopback by a server that can be stopped (a warm visit is made with no server)."""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, QuietHandler, build_site
from tests.conftest import serve as serve_with

PYODIDE = ROOT / "node_modules" / "pyodide"

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


def build(destination: Path) -> None:
    """A real ``mkdocs build --strict`` of this checkout; the bare boot page beside it at ``bare/``, and the
    blank page that starts the checklist's Python at ``runtime-only/``."""
    built = build_site(ROOT, destination)
    if built.returncode:
        raise SystemExit(f"The site did not build:\n{built.stderr}")
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


class _Handler(QuietHandler):
    def handle(self) -> None:
        """A browser closed while a download was under way: not worth a traceback."""
        with contextlib.suppress(ConnectionError):
            super().handle()


def serve(directory: Path) -> contextlib.AbstractContextManager[str]:
    """Serve the directory on loopback, on a free port, until the block ends; the base URL."""
    return serve_with(functools.partial(_Handler, directory=str(directory)))
