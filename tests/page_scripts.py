"""The JavaScript the tests run in a page: each function is a module of its own under ``js/``, so Biome lints it.

A module there exports one function as its default, preceded only by comments that say why it is written so. The
browsers take the function's source, as Playwright's ``evaluate`` does (engine_browsers.py too), not the module.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent / "js"
# A line that starts a module's import or export: only the one default export may.
_MODULE_LINE = re.compile(r"^(?:import|export)\b.*", re.MULTILINE)


@functools.cache
def page_script(name: str) -> str:
    """The source of the function that ``js/<name>.mjs`` exports as its default, for ``evaluate``."""
    path = SCRIPTS / f"{name}.mjs"
    text = path.read_text(encoding="utf-8")
    lines = list(_MODULE_LINE.finditer(text))
    if len(lines) != 1 or not lines[0].group().startswith("export default "):
        raise ValueError(f"{path} must export one function as its default, and import nothing")
    return text[lines[0].start() + len("export default ") :].strip().removesuffix(";")
