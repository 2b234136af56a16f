"""The rooms of the code: the checklist package stands alone, the build-time site code is a package of its own,
and the mkdocs hooks only adapt mkdocs' events to it; nothing finds its modules by editing ``sys.path``."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from .conftest import ROOT


def python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """The top-level names of the modules a file imports (relative imports excluded)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def edits_sys_path(path: Path) -> bool:
    """Whether the file changes ``sys.path``: calls a method of it, or assigns to it or to a slice of it."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            targets = [node.func.value]
        if any(ast.unparse(target).startswith("sys.path") for target in targets):
            return True
    return False


def test_the_checklist_package_imports_only_the_standard_library_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"checklist"}
    imports = [(path.relative_to(ROOT), name) for path in python_files("checklist") for name in imported_modules(path)]
    assert sorted(f"{path}: {name}" for path, name in imports if name not in allowed) == []


def test_the_site_build_package_never_imports_mkdocs_so_its_pages_are_pure_functions_of_the_data() -> None:
    files = list(python_files("site_build"))
    assert files, "no site_build package"
    assert [str(path.relative_to(ROOT)) for path in files if "mkdocs" in imported_modules(path)] == []


def test_the_hooks_folder_holds_only_the_entry_points_mkdocs_yml_names() -> None:
    named = set(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["hooks"])
    present = {path.relative_to(ROOT).as_posix() for path in (ROOT / "hooks").iterdir() if path.name != "__pycache__"}
    assert present == named


def test_no_code_finds_its_modules_by_editing_sys_path() -> None:
    editing = [str(path.relative_to(ROOT)) for path in python_files("hooks", "site_build", "tests", "checklist")]
    assert [path for path in editing if edits_sys_path(ROOT / path)] == []


CODE = ("checklist", "site_build", "hooks", "benchmarks", "docs/assets", "overrides", "tests")
CODE_SUFFIXES = {".py", ".mjs", ".js", ".css", ".html", ".svg"}


def code_files() -> Iterator[Path]:
    """The project's own code, styles and templates, its tests' included (not its data, prose or pictures)."""
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and "screenshots" not in path.parts:
                yield path
    yield from sorted((ROOT / "site_build").rglob("templates/*.md"))


def test_no_file_of_code_is_over_300_lines_so_each_holds_one_job() -> None:
    lengths = {str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines()) for path in code_files()}
    assert {path: length for path, length in lengths.items() if length > 300} == {}


def test_no_python_function_is_over_40_lines() -> None:
    """Tests included. JavaScript is held to the same by Biome (complexity/noExcessiveLinesPerFunction, biome.json)."""
    long = []
    for path in python_files("checklist", "site_build", "hooks", "benchmarks", "tests"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 40:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert long == []
