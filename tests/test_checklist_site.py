"""The built checklist page and the browser runtime shipped with it: generated from the data, complete, minimal."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from checklist import QUESTIONS, evaluate, load_guidance
from checklist.citing import cited_data, cited_paragraphs

from .conftest import ROOT, build_site

PAGE_URL = "http://site.invalid/checklist/"


@pytest.fixture(scope="module")
def checklist_page(built_site: Path) -> BeautifulSoup:
    return BeautifulSoup((built_site / "checklist/index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def island(checklist_page: BeautifulSoup) -> dict:
    return json.loads(checklist_page.find("script", id="checklist-data").string)


@pytest.fixture(scope="module")
def runtime(checklist_page: BeautifulSoup) -> dict[str, str]:
    """What the page's start module is told: where Pyodide and the Python library are, and more."""
    script = checklist_page.find("script", attrs={"data-pyodide": True})
    assert script["type"] == "module" and script.has_attr("async")
    return {name.removeprefix("data-"): value for name, value in script.attrs.items() if name.startswith("data-")}


def site_file(site: Path, relative_url: str) -> Path:
    """The built file a URL relative to the checklist page points at."""
    return site / urlsplit(urljoin(PAGE_URL, relative_url)).path.lstrip("/")


def test_the_page_carries_the_questions_and_where_python_starts(island: dict) -> None:
    assert island["first"] == evaluate({}).next_question
    assert [q["id"] for q in island["questions"]] == [q.id for q in QUESTIONS]
    for data, question in zip(island["questions"], QUESTIONS, strict=True):
        assert data["text"] == question.text and data["hint"] == question.hint
        assert data["cited"] == cited_data(cited_paragraphs(question.paragraphs))
        assert [(o["value"], o["label"], o["hint"]) for o in data["options"]] == [
            (o.value, o.label, o.hint) for o in question.options
        ]


def test_every_citable_paragraph_links_to_its_anchor_in_the_guidance(built_site: Path, island: dict) -> None:
    guidance = BeautifulSoup((built_site / "guidance/index.html").read_text(encoding="utf-8"), "html.parser")
    quoted = [paragraph.id for paragraph in load_guidance().paragraphs]
    summarised = {x.paragraph: x.id for x in load_guidance().cross_references if x.paragraph}
    assert {"31", "32", "34", "35", "38", "43", "44", "45", "Confidentiality 21"} == set(summarised)
    assert set(quoted) | set(summarised) == set(island["paragraphs"])
    for paragraph_id, href in island["paragraphs"].items():
        assert site_file(built_site, href) == built_site / "guidance/"
        anchor = urlsplit(href).fragment
        assert anchor == (f"para-{paragraph_id}" if paragraph_id in quoted else f"xref-{summarised[paragraph_id]}")
        assert guidance.find(id=anchor) is not None, href


def test_only_the_runtime_the_checklist_needs_is_shipped(built_site: Path, runtime: dict[str, str]) -> None:
    directory = site_file(built_site, runtime["pyodide"]).parent
    assert directory.parent == built_site / "assets/pyodide"
    package = json.loads((ROOT / "node_modules/pyodide/package.json").read_text(encoding="utf-8"))
    assert directory.name == package["version"] == "314.0.7"
    shipped = sorted(path.relative_to(directory).as_posix() for path in directory.rglob("*") if path.is_file())
    assert shipped == ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs"]
    for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs"):
        assert (directory / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()
    # The lock file is in the page, so Pyodide does not fetch it; the snapshot names no file at all.
    lockfile = json.loads(runtime["lockfile"])
    assert lockfile["packages"] == {}
    assert lockfile["info"]["python"].startswith("3.14")
    assert not site_file(built_site, runtime["snapshot"]).exists()


def test_the_memory_snapshot_is_used_only_with_the_pyodide_it_was_written_for(built_site: Path) -> None:
    """It relies on Pyodide's private snapshot options: a new Pyodide version turns it off until it is checked."""
    package = json.loads((ROOT / "node_modules/pyodide/package.json").read_text(encoding="utf-8"))
    worker = (built_site / "assets/checklist/worker.mjs").read_text(encoding="utf-8")
    assert f'const SNAPSHOT_PYODIDE = "{package["version"]}";' in worker


def test_the_library_holds_the_package_as_bytecode_under_a_content_hash(
    built_site: Path, runtime: dict[str, str]
) -> None:
    library = site_file(built_site, runtime["library"])
    assert library.name == "python_library.zip"
    assert library.parent.parent == built_site / "assets/checklist/python"
    assert library.parent.name == hashlib.sha256(library.read_bytes()).hexdigest()[:16]
    with zipfile.ZipFile(library) as archive:
        names = archive.namelist()
    assert "checklist/browser.pyc" in names and "checklist/data/questions.toml" in names
    assert not [name for name in names if name.endswith(".py") or "__pycache__" in name or ".dist-info/" in name]
    assert len(list((built_site / "assets/checklist/python").iterdir())) == 1


def test_the_same_sources_give_the_same_library(built_site: Path, runtime: dict[str, str], tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = build_site(ROOT, again)
    assert result.returncode == 0, result.stderr
    assert site_file(again, runtime["library"]).read_bytes() == site_file(built_site, runtime["library"]).read_bytes()


def test_other_pages_load_no_python(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        if page != built_site / "checklist/index.html":
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            scripts = [tag.get("src", "") for tag in soup.find_all("script")]
            scripts += [tag["href"] for tag in soup.find_all("link", rel=["modulepreload", "preload"])]
            assert not [url for url in scripts if "assets/checklist/" in url or "pyodide" in url.lower()], page


def test_without_pyodide_installed_the_build_stops_and_says_to_run_npm_ci(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for name in ("checklist", "site_build", "hooks", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Pyodide is not installed" in result.stderr and "Run `npm ci`" in result.stderr
