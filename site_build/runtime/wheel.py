"""The ``checklist`` package as a pure-Python wheel: exactly what of the checkout goes into the browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from site_build.runtime import RuntimeUnavailable

# Fixed zip timestamps make the wheel reproducible: same sources, same bytes, same hashed path.
_SOURCE_DATE_EPOCH = "315532800"
# What the wheel is built from; nothing else of the checkout goes into it.
_WHEEL_SOURCES = ("pyproject.toml", "README.md", "checklist")


def build_wheel(project: Path) -> bytes:
    """Build the pure-Python ``checklist`` wheel with ``python -m build --wheel``: what goes into the package.

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
        return wheel.read_bytes()


def _check_wheel(wheel: Path) -> None:
    """Only pure Python can join the library, and bytecode from another Python would be refused in the browser."""
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise RuntimeUnavailable(f"{wheel.name} is not a pure-Python (py3-none-any) wheel")
    with zipfile.ZipFile(wheel) as archive:
        compiled = [name for name in archive.namelist() if name.endswith(".pyc")]
    if compiled:
        raise RuntimeUnavailable(f"{wheel.name} contains compiled bytecode: {', '.join(compiled)}")
