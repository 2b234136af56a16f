"""The JavaScript the tests run in a page: each function is a module of its own under ``js/``, so Biome lints it.

A module there exports the function the test calls as its default, after any small functions of its own that it
uses; it imports nothing. The browsers take the source of one function, as Playwright's ``evaluate`` does
(engine_browsers.py too), not a module: the module's text becomes the body of a function that calls the default.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent / "js"
# A line that starts a module's import or export: only the one default export may.
_MODULE_LINE = re.compile(r"^(?:import|export)\b.*", re.MULTILINE)
_DEFAULT = "export default "


@functools.cache
def page_script(name: str) -> str:
    """The source of a function that calls what ``js/<name>.mjs`` exports as its default, with its arguments."""
    path = SCRIPTS / f"{name}.mjs"
    text = path.read_text(encoding="utf-8")
    lines = list(_MODULE_LINE.finditer(text))
    if len(lines) != 1 or not lines[0].group().startswith(_DEFAULT):
        raise ValueError(f"{path} must export one function as its default, and import nothing")
    start = lines[0].start()
    body = f"{text[:start]}const called = {text[start + len(_DEFAULT) :]}"
    return f"(...given) => {{\n{body}\nreturn called(...given);\n}}"
