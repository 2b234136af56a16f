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
