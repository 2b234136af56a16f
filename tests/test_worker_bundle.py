"""The checklist's worker is shipped as one file: a first visit waits for no imports before Python loads."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from site_build.runtime.worker_bundle import WORKER, BundleError, bundle_checklist_worker

from .conftest import ROOT

# Modules in the form the worker's are written in, as files Biome lints: a module used by two others, one kept
# state, an export of the same name as another module's private function; and a module of the page that imports
# one of them.
MODULES_FOLDER = Path(__file__).resolve().parent / "bundled_modules"
MODULES = {path.name: path.read_text(encoding="utf-8") for path in MODULES_FOLDER.glob("*.mjs")}


def run_module(path: Path) -> str:
    return subprocess.run(["node", str(path)], capture_output=True, text=True, check=True).stdout


def site_with(tmp_path: Path, modules: dict[str, str]) -> Path:
    folder = tmp_path / WORKER.parent
    folder.mkdir(parents=True)
    for name, code in modules.items():
        (folder / name).write_text(code, encoding="utf-8")
    return tmp_path


def test_the_bundled_worker_runs_as_its_modules_do_and_imports_nothing(tmp_path: Path) -> None:
    site = site_with(tmp_path, MODULES)
    as_modules = run_module(site / WORKER)
    bundle_checklist_worker(site)
    bundled = (site / WORKER).read_text(encoding="utf-8")
    assert not re.search(r"^(import|export)\s", bundled, re.MULTILINE)
    assert run_module(site / WORKER) == as_modules == '[1,2,3,"names",["a"]]\n'
    assert sorted(path.name for path in (site / WORKER).parent.iterdir()) == ["names.mjs", "page.mjs", "worker.mjs"]
    bundle_checklist_worker(site)
    assert (site / WORKER).read_text(encoding="utf-8") == bundled


@pytest.mark.parametrize(
    "code",
    ['import * as counter from "./counter.mjs";\n', 'export { next } from "./counter.mjs";\n', "export let x = 1;\n"],
)
def test_a_form_the_bundle_does_not_support_stops_the_build(tmp_path: Path, code: str) -> None:
    site = site_with(tmp_path, {**MODULES, "worker.mjs": code + MODULES["worker.mjs"]})
    with pytest.raises(BundleError):
        bundle_checklist_worker(site)


def test_the_site_s_worker_imports_nothing_a_browser_fetches_before_python_starts(built_site: Path) -> None:
    """Each module the worker's source imports is in the built worker, which has no static import left; the
    page's start script finds the one module it shares with the worker."""
    built = (built_site / WORKER).read_text(encoding="utf-8")
    source = (ROOT / "docs" / WORKER).read_text(encoding="utf-8")
    imported = re.findall(r'^import .* from "\./(.+)";$', source, re.MULTILINE)
    assert imported
    assert not re.search(r"^(import|export)\s", built, re.MULTILINE)
    assert all(f"\n// {name}\n" in built for name in imported)
    assert (built_site / WORKER.parent / "worker_protocol.mjs").is_file()
