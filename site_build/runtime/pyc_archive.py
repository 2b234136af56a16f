"""Byte-compile the Python modules in a zip archive: Pyodide's standard library, or the checklist's wheel.

Run at build time by Pyodide's own CPython (``compile_bytecode.mjs``), because
bytecode is only accepted by the Python version that wrote it. In the browser,
Python then loads modules without compiling them from source first, which is most
of its start-up time. Each ``x.py`` becomes ``x.pyc`` in its place, with no
source beside it, so tracebacks show file and line but not the line's text.

The output depends only on the input: entries in sorted order with a fixed time
stamp, and ``.pyc`` files tagged with the hash of their source rather than a
modification time, and never checked against a source file at import.

``optimize`` is CPython's ``-O`` level for the bytecode written: 0 keeps the code
as written, 2 leaves out docstrings and ``assert`` statements, as ``python -OO``.
"""

from __future__ import annotations

import compileall
import py_compile
import tempfile
import zipfile
from pathlib import Path

# The earliest time a zip file can record; a fixed time keeps the bytes reproducible.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644 << 16
_DIRECTORY_MODE = (0o755 << 16) | 0x10


def compile_archive(source: str, target: str, optimize: int) -> None:
    """Write to ``target`` the zip ``source`` with every ``.py`` module replaced by its ``.pyc``."""
    with zipfile.ZipFile(source) as archive, tempfile.TemporaryDirectory() as work:
        names = sorted(archive.namelist())
        archive.extractall(work)
        # ``ddir=""`` names each module by its path inside the archive in tracebacks, not by this work directory.
        compiled = compileall.compile_dir(
            work,
            ddir="",
            quiet=1,
            legacy=True,
            optimize=optimize,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        if not compiled:
            raise ValueError(f"{source}: some modules do not compile")
        contents = {}
        for name in names:
            path = Path(work, name)
            if name.endswith(".py"):
                contents[name + "c"] = path.with_suffix(".pyc").read_bytes()
            elif not name.endswith("/"):
                contents[name] = path.read_bytes()
            else:
                contents[name] = None
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as output:
        for name in sorted(contents):
            _write(output, name, contents[name])


def _write(output: zipfile.ZipFile, name: str, data: bytes | None) -> None:
    info = zipfile.ZipInfo(name, _ZIP_EPOCH)
    if data is None:
        info.external_attr = _DIRECTORY_MODE
        output.writestr(info, b"")
    else:
        info.external_attr = _FILE_MODE
        info.compress_type = zipfile.ZIP_DEFLATED
        output.writestr(info, data)
