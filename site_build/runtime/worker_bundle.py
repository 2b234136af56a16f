"""The checklist's worker as one file in the built site.

The worker is written as small modules (``docs/assets/checklist/worker.mjs`` and those it imports). A
browser discovers a module's imports only once it has the module, and a worker's cannot be preloaded, so
each level of imports would cost a first visit one more round trip before Python starts loading (on a
phone network, hundreds of milliseconds). The built ``worker.mjs`` holds the modules it imports, each in
a scope of its own that gives its importers only what it exports. A module the page imports too stays
beside it; the others are left out of the site.

Only what the worker's modules use is supported: one-line ``import { a, b } from "./x.mjs";`` and
``export`` before a ``function``, ``async function``, ``class`` or ``const`` of one name. Anything else
stops the build rather than ship a worker that does not start.
"""

from __future__ import annotations

import re
from pathlib import Path

WORKER = Path("assets/checklist/worker.mjs")
_IMPORT = re.compile(r'import \{ (?P<names>[\w, ]+) \} from "\./(?P<module>[\w-]+\.mjs)";')
_EXPORT = re.compile(r"export (?:async function|function|class|const) (?P<name>\w+)\b")


class BundleError(ValueError):
    """A worker module uses a form of import or export the bundle does not support."""


def bundle_checklist_worker(site: Path) -> None:
    """Replace the built site's checklist worker with one file holding the modules it imports."""
    entry = site / WORKER
    modules = _in_dependency_order(entry.parent, entry.name, [], set())
    if len(modules) == 1:
        return  # imports nothing (or is already bundled)
    parts = [_scoped(entry.parent / name) for name in modules[:-1]]
    body, _ = _without_imports_and_exports(entry)
    note = f"// {entry.name} with the modules it imports, each in a scope of its own.\n"
    entry.write_text(note + "".join(parts) + body, encoding="utf-8")
    others = [path.read_text(encoding="utf-8") for path in entry.parent.glob("*.mjs") if path.name not in modules]
    for name in modules[:-1]:
        if not any(f'"./{name}"' in code for code in others):
            (entry.parent / name).unlink()  # only the worker imports it, and holds it now


def _in_dependency_order(folder: Path, name: str, ordered: list[str], visiting: set[str]) -> list[str]:
    """The module and those it imports, each after every module it imports."""
    if name in ordered:
        return ordered
    if name in visiting:
        raise BundleError(f"{name} imports itself through another module")
    visiting.add(name)
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("import "):
            _in_dependency_order(folder, _parsed_import(name, line)["module"], ordered, visiting)
    ordered.append(name)
    return ordered


def _parsed_import(name: str, line: str) -> re.Match[str]:
    found = _IMPORT.fullmatch(line)
    if not found:
        raise BundleError(f"{name}: an import the bundle does not support: {line}")
    return found


def _without_imports_and_exports(path: Path) -> tuple[str, list[str]]:
    """The module's code with its imports left out and ``export`` taken off; the names it exports."""
    kept, exported = [], []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("import "):
            _parsed_import(path.name, line.rstrip("\n"))
            continue
        if line.startswith("export"):
            found = _EXPORT.match(line)
            if not found:
                raise BundleError(f"{path.name}: an export the bundle does not support: {line.strip()}")
            exported.append(found["name"])
            line = line.removeprefix("export ")
        kept.append(line)
    return "".join(kept), exported


def _scoped(path: Path) -> str:
    """The module as a function run once, its exports declared where every later module sees them."""
    body, exported = _without_imports_and_exports(path)
    names = ", ".join(exported)
    return f"const {{ {names} }} = (() => {{\n// {path.name}\n{body}\nreturn {{ {names} }};\n}})();\n\n"
