"""The checklist's browser runtime as site files: Pyodide from ``node_modules`` and the ``checklist`` package.

The site serves everything the checklist page needs, so nothing is ever fetched
from another origin. Only the Pyodide files the checklist page requests are
shipped, under a versioned path. The standard library and the ``checklist``
package (the files of its wheel) are byte-compiled (see ``pyc_archive.py``) and
shipped as one archive under a content-hashed path: Python imports the package
from it as it imports the standard library, with no package to download and
install, and a changed rule module is never served stale. The archive holds only
the modules the checklist uses, found by running it (see ``library_use.py``),
and the package's data. It is shipped in two forms with the same files: a zip,
which Python imports from, and the same files as one gzip-compressed download,
which a full start writes into Python's file system (see ``library_zip``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_build.runtime import RuntimeUnavailable
from site_build.runtime.library_zip import only_used, unpacked_library, with_package
from site_build.runtime.wheel import build_wheel

PYODIDE_PACKAGE = Path("node_modules") / "pyodide"
# What the page loads as they are; the standard library is byte-compiled and the lock file passed inline.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB = "python_stdlib.zip"
# The byte-compiled standard library with the checklist package, as shipped, in its two forms.
LIBRARY = "python_library.zip"
LIBRARY_GZIP = "python_library.zip.gz"
LOCKFILE = "pyodide-lock.json"
# Compiling the standard library takes seconds: its output is kept here, named by everything it depends on.
BYTECODE_CACHE = Path(".cache") / "bytecode"
_COMPILER = Path(__file__).with_name("compile_bytecode.mjs")
_COMPILER_PYTHON = Path(__file__).with_name("pyc_archive.py")
_TRACER = Path(__file__).with_name("used_modules.mjs")
_TRACER_PYTHON = Path(__file__).with_name("library_use.py")
# Bytecode optimization levels (CPython's -O). The standard library is shipped without docstrings and
# assertions, as `python -OO` runs it: nothing the checklist does reads them, and they are a seventh of its
# bytes. The package keeps its code exactly as written and tested.
STDLIB_OPTIMIZATION = 2
PACKAGE_OPTIMIZATION = 0


@dataclass(frozen=True)
class BrowserRuntime:
    """Where the runtime lives in the built site, and what to write there."""

    pyodide_module: str
    """Site path of ``pyodide.mjs``; the rest of the runtime sits beside it."""
    library: str
    """Site path of the byte-compiled library: what the ``checklist`` package uses of the standard library, and it."""
    library_gzip: str
    """Site path of the same library for a full start: see ``library_zip.unpacked_library``."""
    lockfile: str
    """The lock file Pyodide is given inline (JSON), so it does not fetch one."""
    snapshot: str
    """Site path naming the browser's stored memory snapshot of this runtime; never a file."""
    files: dict[str, Path | bytes]
    """Site path to the file to copy, or to the content to write."""


def browser_runtime(project: Path) -> BrowserRuntime:
    """Assemble the runtime for a build of ``project``; fails with a clear message if a part is missing."""
    package = project / PYODIDE_PACKAGE
    version = pyodide_version(package)
    base = f"assets/pyodide/{version}/"
    files: dict[str, Path | bytes] = {base + name: package / name for name in RUNTIME_FILES}
    complete = complete_library(project, version)
    library = only_used(complete, used_entries(project, version, complete))
    content_hash = hashlib.sha256(library).hexdigest()[:16]
    library_path, gzip_path = (f"assets/checklist/python/{content_hash}/{name}" for name in (LIBRARY, LIBRARY_GZIP))
    files[library_path] = library
    files[gzip_path] = unpacked_library(library)
    return BrowserRuntime(
        pyodide_module=base + "pyodide.mjs",
        library=library_path,
        library_gzip=gzip_path,
        lockfile=index_only_lockfile((package / LOCKFILE).read_text(encoding="utf-8")),
        snapshot=f"{base}snapshots/{content_hash}",
        files=files,
    )


def complete_library(project: Path, version: str) -> bytes:
    """The whole standard library and the ``checklist`` package, each byte-compiled at its level, in one archive."""
    stdlib, wheel = byte_compile(
        project,
        version,
        [
            ((project / PYODIDE_PACKAGE / STDLIB).read_bytes(), STDLIB_OPTIMIZATION),
            (build_wheel(project), PACKAGE_OPTIMIZATION),
        ],
    )
    return with_package(stdlib, wheel)


def pyodide_version(package: Path) -> str:
    """The installed Pyodide's version, checked to be complete."""
    missing = [name for name in (*RUNTIME_FILES, STDLIB, LOCKFILE, "package.json") if not (package / name).is_file()]
    if missing:
        raise RuntimeUnavailable(
            f"Pyodide is not installed ({package} lacks {', '.join(missing)}). "
            "Run `npm ci` in the project directory, then build again."
        )
    return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]


def index_only_lockfile(lockfile: str) -> str:
    """Pyodide's lock file without its package index.

    The checklist loads no package from the Pyodide distribution: its own package
    is in the standard library's archive. The runtime still reads the lock file's
    ``info`` to check its ABI.
    """
    return json.dumps({"info": json.loads(lockfile)["info"], "packages": {}}, sort_keys=True)


def used_entries(project: Path, version: str, library: bytes) -> list[str]:
    """The entries of ``library`` the checklist's Python imports, found by running it in Pyodide (Node.js).

    Kept in ``BYTECODE_CACHE`` like the bytecode, under a hash of everything the answer depends on.
    """
    tracer = hashlib.sha256(_TRACER.read_bytes() + _TRACER_PYTHON.read_bytes()).hexdigest()
    key = hashlib.sha256(f"{version} {tracer} {hashlib.sha256(library).hexdigest()}".encode()).hexdigest()
    cache = project / BYTECODE_CACHE
    target = cache / f"{key}.used.json"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="tracing-", dir=cache) as work:
            (Path(work) / LIBRARY).write_bytes(library)
            used = _run_in_pyodide(project, _TRACER, [str(Path(work) / LIBRARY)], "Running the checklist in Pyodide")
            (Path(work) / target.name).write_text(used, encoding="utf-8")
            os.replace(Path(work) / target.name, target)
    return json.loads(target.read_text(encoding="utf-8"))


def byte_compile(project: Path, version: str, archives: list[tuple[bytes, int]]) -> list[bytes]:
    """Each zip archive, with its optimization level, byte-compiled by the vendored Pyodide, run in Node.js.

    Results are kept in ``BYTECODE_CACHE`` under a hash of the Pyodide version, the
    compiler, the archive and the level, so a rebuild compiles only what changed, and
    always to the same bytes.
    """
    cache = project / BYTECODE_CACHE
    compiler = hashlib.sha256(_COMPILER.read_bytes() + _COMPILER_PYTHON.read_bytes()).hexdigest()
    keys = [f"{hashlib.sha256(archive).hexdigest()} -O{level}" for archive, level in archives]
    targets = [cache / hashlib.sha256(f"{version} {compiler} {key}".encode()).hexdigest() for key in keys]
    missing = [(archive, target) for archive, target in zip(archives, targets, strict=True) if not target.is_file()]
    if missing:
        _run_compiler(project, cache, missing)
    return [target.read_bytes() for target in targets]


def _run_in_pyodide(project: Path, script: Path, arguments: list[str], doing: str) -> str:
    """What ``script`` prints, run with Node.js on the project's Pyodide; ``doing`` names it if it fails."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeUnavailable(
            "Node.js is not installed: the build runs Pyodide in Node.js to byte-compile the Python the "
            "checklist loads. Install Node.js (it comes with npm), then build again."
        )
    result = subprocess.run(
        [node, str(script), str((project / PYODIDE_PACKAGE).resolve()), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeUnavailable(f"{doing} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def _run_compiler(project: Path, cache: Path, archives: list[tuple[tuple[bytes, int], Path]]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    # Written beside the cache and moved into place whole, so a concurrent build never reads a half-written file.
    with tempfile.TemporaryDirectory(prefix="compiling-", dir=cache) as work:
        arguments = []
        for number, ((archive, level), target) in enumerate(archives):
            source = Path(work) / f"{number}.zip"
            source.write_bytes(archive)
            arguments += [str(source), str(Path(work) / target.name), str(level)]
        _run_in_pyodide(project, _COMPILER, arguments, "Byte-compiling Python with Pyodide")
        for _, target in archives:
            os.replace(Path(work) / target.name, target)
