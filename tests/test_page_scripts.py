"""The page scripts under tests/js: each gives the source of one function, and some test runs it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .page_scripts import SCRIPTS, page_script

NAMES = sorted(path.stem for path in SCRIPTS.glob("*.mjs"))
KINDS = Path(__file__).resolve().parent / "script_kinds.mjs"


def test_each_script_is_the_source_of_a_function() -> None:
    sources = json.dumps({name: page_script(name) for name in NAMES})
    done = subprocess.run(["node", str(KINDS)], input=sources, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == dict.fromkeys(NAMES, "function")


def test_each_script_is_run_by_a_test() -> None:
    """By name, in a test module or helper; a script no test runs is not kept."""
    used = set()
    for module in SCRIPTS.parent.glob("*.py"):
        used |= set(re.findall(r"page_script\([\"'](\w+)[\"']\)", module.read_text(encoding="utf-8")))
    assert used == set(NAMES)
