"""A copy of the project to build with a change of a test's own, as another version or configuration would be."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_build.runtime.browser_runtime import BYTECODE_CACHE

from .conftest import ROOT


def copy_project(directory: Path) -> Path:
    """The project's files copied into ``directory``/project, without what git ignores; ``node_modules`` and the
    compiled standard library (which takes minutes to make, and is the same) are the checkout's own, linked."""
    project = directory / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".*", "node_modules", "build", "site", "*.egg-info", "__pycache__")
    )
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (ROOT / BYTECODE_CACHE).mkdir(parents=True, exist_ok=True)
    (project / BYTECODE_CACHE).parent.mkdir()
    (project / BYTECODE_CACHE).symlink_to(ROOT / BYTECODE_CACHE)
    return project
