"""The checklist's browser runtime as site files: Pyodide from ``node_modules`` and the ``checklist`` wheel.

The site serves everything the checklist page needs, so nothing is ever fetched
from another origin. Only the Pyodide files the checklist uses are shipped, under a
versioned path; the wheel sits under a content-hashed path, so both can be cached
for ever and a changed rule module is never served stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

PYODIDE_PACKAGE = Path("node_modules") / "pyodide"
# The runtime proper; the lock file is rewritten (see ``index_only_lockfile``), the rest is not needed.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCKFILE = "pyodide-lock.json"
# Fixed zip timestamps make the wheel reproducible: same sources, same bytes, same hashed path.
_SOURCE_DATE_EPOCH = "315532800"
# What the wheel is built from; nothing else of the checkout goes into it.
_WHEEL_SOURCES = ("pyproject.toml", "README.md", "checklist")


class RuntimeUnavailable(Exception):
    """The browser runtime cannot be assembled; the message says what to do."""


@dataclass(frozen=True)
class BrowserRuntime:
    """Where the runtime lives in the built site, and what to write there."""

    pyodide_module: str
    """Site path of ``pyodide.mjs``; the rest of the runtime sits beside it."""
    wheel: str
    """Site path of the ``checklist`` wheel."""
    files: dict[str, Path | bytes]
    """Site path to the file to copy, or to the content to write."""


def browser_runtime(project: Path) -> BrowserRuntime:
    """Assemble the runtime for a build of ``project``; fails with a clear message if a part is missing."""
    package = project / PYODIDE_PACKAGE
    version = pyodide_version(package)
    base = f"assets/pyodide/{version}/"
    files: dict[str, Path | bytes] = {base + name: package / name for name in RUNTIME_FILES}
    files[base + LOCKFILE] = index_only_lockfile((package / LOCKFILE).read_text(encoding="utf-8")).encode()
    wheel_name, wheel = build_wheel(project)
    wheel_path = f"assets/checklist/wheels/{hashlib.sha256(wheel).hexdigest()[:16]}/{wheel_name}"
    files[wheel_path] = wheel
    return BrowserRuntime(pyodide_module=base + "pyodide.mjs", wheel=wheel_path, files=files)


def pyodide_version(package: Path) -> str:
    """The installed Pyodide's version, checked to be complete."""
    missing = [name for name in (*RUNTIME_FILES, LOCKFILE, "package.json") if not (package / name).is_file()]
    if missing:
        raise RuntimeUnavailable(
            f"Pyodide is not installed ({package} lacks {', '.join(missing)}). "
            "Run `npm ci` in the project directory, then build again."
        )
    return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]


def index_only_lockfile(lockfile: str) -> str:
    """Pyodide's lock file without its package index.

    The checklist loads no package from the Pyodide distribution, only its own
    wheel by URL; the runtime still reads the file's ``info`` to check its ABI.
    """
    return json.dumps({"info": json.loads(lockfile)["info"], "packages": {}}, sort_keys=True)


def build_wheel(project: Path) -> tuple[str, bytes]:
    """Build the pure-Python ``checklist`` wheel with ``python -m build --wheel``; return its name and bytes.

    It is built from a copy of the sources, so concurrent builds do not share
    setuptools' work directories and no stray bytecode can slip in.
    """
    with tempfile.TemporaryDirectory(prefix="checklist-wheel-") as work:
        source, dist = Path(work) / "source", Path(work) / "dist"
        source.mkdir()
        for name in _WHEEL_SOURCES:
            path = project / name
            if path.is_dir():
                shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif path.is_file():
                shutil.copy2(path, source / name)
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(source)],
            env={**os.environ, "SOURCE_DATE_EPOCH": _SOURCE_DATE_EPOCH},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeUnavailable(f"Building the checklist wheel failed:\n{result.stdout}\n{result.stderr}")
        (wheel,) = dist.glob("*.whl")
        _check_wheel(wheel)
        return wheel.name, wheel.read_bytes()


def _check_wheel(wheel: Path) -> None:
    """Pyodide installs only pure-Python wheels and rejects bytecode from another Python."""
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise RuntimeUnavailable(f"{wheel.name} is not a pure-Python (py3-none-any) wheel")
    with zipfile.ZipFile(wheel) as archive:
        compiled = [name for name in archive.namelist() if name.endswith(".pyc")]
    if compiled:
        raise RuntimeUnavailable(f"{wheel.name} contains compiled bytecode: {', '.join(compiled)}")
