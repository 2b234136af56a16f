"""Byte-compiled Python for the browser: built by Pyodide's own Python, reproducible, cached, complete."""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import shutil
import struct
import sys
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from site_build.runtime import RuntimeUnavailable
from site_build.runtime.browser_runtime import (
    PACKAGE_OPTIMIZATION,
    PYODIDE_PACKAGE,
    STDLIB,
    byte_compile,
    complete_library,
    pyodide_version,
    used_entries,
)
from site_build.runtime.library_zip import BUILD_TIME_DATA, only_used, unpacked_library, with_package
from site_build.runtime.pyc_archive import compile_archive
from site_build.runtime.wheel import build_wheel

from .conftest import ROOT, build_site

PAGE_URL = "http://site.invalid/checklist/"
# A .pyc header: magic number, flags, then (for hash-based files) the source hash.
UNCHECKED_HASH = 0b01
PACKAGE = {
    "demo/__init__.py": b"from .core import answer\n",
    "demo/core.py": b"def answer():\n    return 42\n",
    "demo/data/table.toml": b"x = 1\n",
    "demo-1.0.dist-info/METADATA": b"Name: demo\nVersion: 1.0\n",
    "demo-1.0.dist-info/RECORD": b"demo/__init__.py,,\n",
}


def runtime_file(built_site: Path, attribute: str) -> Path:
    """A file of the browser runtime, as the checklist page names it."""
    page = BeautifulSoup((built_site / "checklist/index.html").read_text(encoding="utf-8"), "html.parser")
    relative = page.find("script", attrs={"data-pyodide": True})[attribute]
    return built_site / urlsplit(urljoin(PAGE_URL, relative)).path.lstrip("/")


def zip_of(files: dict[str, bytes], directories: tuple[str, ...] = ()) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name in directories:
            archive.writestr(name, b"")
        for name, content in files.items():
            archive.writestr(name, content)
    return data.getvalue()


def project_without_cache(tmp_path: Path) -> Path:
    """A project with this one's Pyodide and nothing built or cached: what a build does there is done afresh."""
    project = tmp_path / "project"
    (project / PYODIDE_PACKAGE).parent.mkdir(parents=True)
    (project / PYODIDE_PACKAGE).symlink_to(ROOT / PYODIDE_PACKAGE)
    return project


def compiled(tmp_path: Path, source: bytes, name: str = "out.zip", optimize: int = 0) -> bytes:
    (tmp_path / "in.zip").write_bytes(source)
    compile_archive(str(tmp_path / "in.zip"), str(tmp_path / name), optimize)
    return (tmp_path / name).read_bytes()


def test_every_module_becomes_unchecked_bytecode_in_its_place(tmp_path: Path) -> None:
    """Checked here with the host's Python; the build runs the same code in Pyodide's."""
    with zipfile.ZipFile(io.BytesIO(compiled(tmp_path, zip_of(PACKAGE, ("demo/",))))) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert not [name for name in names if name.endswith(".py")]
        assert "demo/__init__.pyc" in names and "demo/core.pyc" in names and "demo/" in names
        assert archive.read("demo/data/table.toml") == PACKAGE["demo/data/table.toml"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        magic, flags, source_hash = struct.unpack("<4sI8s", archive.read("demo/core.pyc")[:16])
        assert magic == importlib.util.MAGIC_NUMBER and flags == UNCHECKED_HASH
        assert source_hash == importlib.util.source_hash(PACKAGE["demo/core.py"])


def test_the_same_archive_gives_the_same_bytes(tmp_path: Path) -> None:
    source = zip_of(PACKAGE)
    assert compiled(tmp_path, source, "a.zip") == compiled(tmp_path, source, "b.zip")


def test_level_two_leaves_out_docstrings_and_assertions_and_level_zero_keeps_them(tmp_path: Path) -> None:
    module = {"demo.py": b'"""Module text."""\ndef f(x):\n    """Function text."""\n    assert x, "assertion text"\n'}
    with zipfile.ZipFile(io.BytesIO(compiled(tmp_path, zip_of(module), "plain.zip"))) as plain:
        kept = plain.read("demo.pyc")
    with zipfile.ZipFile(io.BytesIO(compiled(tmp_path, zip_of(module), "lean.zip", optimize=2))) as lean:
        left = lean.read("demo.pyc")
    for text in (b"Module text.", b"Function text.", b"assertion text"):
        assert text in kept and text not in left


def test_a_module_that_does_not_compile_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="some modules do not compile"):
        compiled(tmp_path, zip_of({"broken.py": b"def (:\n"}))


def test_the_shipped_library_is_what_the_checklist_uses_of_the_standard_library_and_the_package_as_bytecode(
    built_site: Path,
) -> None:
    with zipfile.ZipFile(ROOT / PYODIDE_PACKAGE / STDLIB) as source:
        sources = {name + "c" if name.endswith(".py") else name for name in source.namelist()}
        assert b"JSON (JavaScript Object Notation)" in source.read("json/__init__.py")
    with zipfile.ZipFile(io.BytesIO(build_wheel(ROOT))) as wheel:
        files = [name for name in wheel.namelist() if ".dist-info/" not in name]
    package = {name + "c" if name.endswith(".py") else name for name in files}
    with zipfile.ZipFile(runtime_file(built_site, "data-library")) as shipped:
        names = shipped.namelist()
        magic = shipped.read("json/__init__.pyc")[:4]
        modules = [name for name in names if name.endswith(".pyc")]
        assert {shipped.read(name)[:4] for name in modules} == {magic}
        # The standard library without its docstrings; the package as written.
        assert b"JSON (JavaScript Object Notation)" not in shipped.read("json/__init__.pyc")
        assert b"The decision table: paragraphs" in shipped.read("checklist/rules.pyc")
    assert set(names) <= sources | package and len(names) == len(set(names))
    data = {name for name in package if not name.endswith((".pyc", "/"))}
    assert data and data - BUILD_TIME_DATA <= set(names)
    assert {"checklist/data/questions.toml", "checklist/data/guidance.toml"} <= set(names)
    assert not {"checklist/data/scenarios.toml", "checklist/data/hazards.toml"} & set(names), "for the build only"
    # What Pyodide starts with and the page's entry point are in; what neither imports is not.
    assert {"encodings/__init__.pyc", "pyodide/__init__.pyc", "checklist/browser.pyc"} <= set(names)
    assert not {"unittest/__init__.pyc", "tkinter/__init__.pyc", "checklist/__main__.pyc"} & set(names)
    # Written by Pyodide's Python 3.14, not by the Python running these tests.
    assert magic != importlib.util.MAGIC_NUMBER and magic[2:] == b"\r\n"


def test_the_modules_shipped_are_those_a_fresh_run_of_the_checklist_in_pyodide_imports(
    built_site: Path, tmp_path: Path
) -> None:
    """Found again with nothing cached, from the complete library: the same modules as the site ships."""
    project = project_without_cache(tmp_path)
    version = pyodide_version(ROOT / PYODIDE_PACKAGE)
    used = used_entries(project, version, complete_library(ROOT, version))
    assert "checklist/rules.pyc" in used and "asyncio/__init__.pyc" in used  # Pyodide's event loop
    with zipfile.ZipFile(runtime_file(built_site, "data-library")) as shipped:
        assert sorted(name for name in shipped.namelist() if name.endswith(".pyc")) == used


def test_a_compiled_package_is_reproducible_and_kept_for_the_next_build(built_site: Path, tmp_path: Path) -> None:
    """Compiled again, with nothing cached, by a separate run of Pyodide: the very bytes the site ships."""
    project = project_without_cache(tmp_path)
    version = pyodide_version(ROOT / PYODIDE_PACKAGE)
    (compiled_wheel,) = byte_compile(project, version, [(build_wheel(ROOT), PACKAGE_OPTIMIZATION)])
    (cached,) = (project / ".cache" / "bytecode").iterdir()
    assert cached.read_bytes() == compiled_wheel
    with (
        zipfile.ZipFile(io.BytesIO(compiled_wheel)) as wheel,
        zipfile.ZipFile(runtime_file(built_site, "data-library")) as shipped,
    ):
        package = [name for name in wheel.namelist() if name in shipped.namelist()]
        assert "checklist/rules.pyc" in package
        assert [wheel.read(name) for name in package] == [shipped.read(name) for name in package]


def test_the_package_joins_the_standard_library_entry_for_entry_without_its_metadata() -> None:
    stdlib = zip_of({"json/__init__.pyc": b"stdlib"}, ("json/",))
    library = with_package(stdlib, zip_of(PACKAGE, ("demo/",)))
    assert library.startswith(stdlib[: stdlib.index(b"PK\x01\x02")])  # the standard library's entries, unchanged
    with zipfile.ZipFile(io.BytesIO(library)) as archive:
        package = [name for name in PACKAGE if "dist-info" not in name]
        assert archive.namelist() == ["json/", "json/__init__.pyc", "demo/", *package]
        assert archive.read("demo/core.py") == PACKAGE["demo/core.py"]
    assert with_package(stdlib, zip_of(PACKAGE)) == with_package(stdlib, zip_of(PACKAGE))
    with pytest.raises(RuntimeUnavailable, match=r"json/__init__\.pyc is in the standard library already"):
        with_package(stdlib, zip_of({"json/__init__.pyc": b"package"}))


def test_only_the_used_entries_the_package_data_and_their_folders_are_kept_as_they_were() -> None:
    files = {
        "json/__init__.pyc": b"json",
        "json/decoder.pyc": b"decoder",
        "unittest/__init__.pyc": b"unused",
        "checklist/__init__.pyc": b"package",
        "checklist/__main__.pyc": b"command line",
        "checklist/data/questions.toml": b"x = 1",
    }
    library = zip_of(files, ("json/", "unittest/", "checklist/", "checklist/data/"))
    trimmed = only_used(library, ["checklist/__init__.pyc", "json/decoder.pyc"])
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert archive.namelist() == [
            "json/",
            "checklist/",
            "checklist/data/",
            "json/decoder.pyc",
            "checklist/__init__.pyc",
            "checklist/data/questions.toml",
        ]
        assert [archive.read(name) for name in archive.namelist() if not name.endswith("/")] == [
            b"decoder",
            b"package",
            b"x = 1",
        ]
    assert only_used(library, ["json/decoder.pyc"]) == only_used(library, ["json/decoder.pyc"])
    with pytest.raises(RuntimeUnavailable, match=r"not in its library: json/missing\.pyc"):
        only_used(library, ["json/missing.pyc"])


def test_the_form_a_full_start_unpacks_holds_the_zips_entries_stored_and_compressed_whole() -> None:
    library = zip_of({"json/__init__.pyc": b"json" * 100, "checklist/data/questions.toml": b"x = 1"}, ("json/",))
    unpacked = unpacked_library(library)
    assert unpacked == unpacked_library(library)  # no time stamp in the gzip header: same library, same bytes
    stored = io.BytesIO(gzip.decompress(unpacked))
    with zipfile.ZipFile(io.BytesIO(library)) as zipped, zipfile.ZipFile(stored) as whole:
        assert [(entry.filename, entry.date_time) for entry in whole.infolist()] == [
            (entry.filename, entry.date_time) for entry in zipped.infolist()
        ]
        assert [whole.read(name) for name in whole.namelist()] == [zipped.read(name) for name in zipped.namelist()]
        assert {entry.compress_type for entry in whole.infolist()} == {zipfile.ZIP_STORED}


def test_the_site_ships_the_library_in_both_forms_with_the_same_files(built_site: Path) -> None:
    zipped = runtime_file(built_site, "data-library").read_bytes()
    unpacked = runtime_file(built_site, "data-library-gzip")
    assert unpacked == runtime_file(built_site, "data-library").with_name("python_library.zip.gz")
    assert unpacked.read_bytes() == unpacked_library(zipped)
    assert len(unpacked.read_bytes()) < len(zipped)


def test_without_node_the_build_stops_and_says_so(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".*", "node_modules", "build", "site", "*.egg-info", "__pycache__")
    )
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    python = Path(sys.executable).parent
    result = build_site(project, tmp_path / "site", env={**os.environ, "PATH": str(python)})
    assert shutil.which("node", path=str(python)) is None
    assert result.returncode != 0
    assert "Node.js is not installed" in result.stderr, result.stderr
