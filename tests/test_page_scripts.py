"""The page scripts under tests/js: each exports a function and gives the source of one, and some test runs it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .page_scripts import SCRIPTS, page_script

NAMES = sorted(path.stem for path in SCRIPTS.glob("*.mjs"))
KINDS = Path(__file__).resolve().parent / "script_kinds.mjs"


def test_each_script_exports_a_function_and_gives_the_source_of_one() -> None:
    scripts = json.dumps({name: [str(SCRIPTS / f"{name}.mjs"), page_script(name)] for name in NAMES})
    done = subprocess.run(["node", str(KINDS)], input=scripts, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == {name: ["function", "function"] for name in NAMES}


def test_each_script_is_run_by_a_test() -> None:
    """By name, in a test module or helper; a script no test runs is not kept."""
    used = set()
    for module in SCRIPTS.parent.glob("*.py"):
        used |= set(re.findall(r"page_script\([\"'](\w+)[\"']\)", module.read_text(encoding="utf-8")))
    assert used == set(NAMES)
