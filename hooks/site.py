"""mkdocs hooks: generate the pages that come from the checklist package's data.

Thin adapter only: each page is a pure function of the data (see ``site_build.pages``), so moving
to another site generator means rewriting just this file.
A malformed data file raises here and fails the build with the loader's message.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from checklist import DataError, evaluate, load_checklist, load_guidance
from checklist.hazards import load_hazards
from checklist.rules import check_rules_against_words
from checklist.scenarios import load_scenarios
from site_build.pages.checklist_page import CHECKLIST_PAGE, ChecklistLinks, render_checklist_page
from site_build.pages.decision_page import DECISION_PAGE, render_decision_page
from site_build.pages.guidance_page import render_guidance_page
from site_build.pages.guidance_text import GUIDANCE_PAGE
from site_build.pages.hazard_page import HAZARD_PAGE, render_hazard_page
from site_build.pages.training_page import TRAINING_PAGE, render_training_page
from site_build.runtime import RuntimeUnavailable
from site_build.runtime.browser_runtime import browser_runtime
from site_build.runtime.worker_bundle import bundle_checklist_worker
from site_build.search.guidance_search import IndexChanged, with_paragraph_entries
from site_build.search.search_worker import ThemeChanged, with_waiting_search_worker


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the data once, failing the build on bad data, and expose edition facts to templates."""
    for loader in (load_guidance, load_checklist, load_scenarios, load_hazards):
        loader.cache_clear()  # `mkdocs serve` rebuilds in one process: reread edited data
    try:
        guidance = load_guidance()
        check_rules_against_words()
        load_scenarios()
        load_hazards()
    except DataError as error:
        raise PluginError(f"Invalid data: {error}") from None
    document = guidance.document
    config.extra["edition"] = {
        "title": document.title,
        "publisher": document.publisher,
        "year": document.year,
        "paragraphs": document.paragraphs,
        "note": document.edition_note,
        "current_url": document.current_guidance_url,
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages before the navigation is built."""
    pages = {
        GUIDANCE_PAGE: render_guidance_page(load_guidance()),
        CHECKLIST_PAGE: _checklist_page(files, config),
        DECISION_PAGE: render_decision_page(),
        TRAINING_PAGE: render_training_page(
            load_scenarios(), get_relative_url(_url(config, CHECKLIST_PAGE), _url(config, TRAINING_PAGE))
        ),
        HAZARD_PAGE: render_hazard_page(load_hazards()),
    }
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """On the checklist page, the theme's search index waits for Python's first answer."""
    if page.file.src_uri != CHECKLIST_PAGE:
        return output
    try:
        return with_waiting_search_worker(output)
    except ThemeChanged as error:
        raise PluginError(str(error)) from None


def on_post_build(config: MkDocsConfig) -> None:
    """Give each guidance paragraph an entry of its own in the theme's search index (see site_build.search).

    Runs after the theme's search has written the index, and before offline.py (after this file in mkdocs.yml)
    lists the built files. Also writes the checklist's worker as one file (see site_build.runtime.worker_bundle).
    """
    bundle_checklist_worker(Path(config.site_dir))
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return  # no search in this build
    try:
        index = with_paragraph_entries(
            json.loads(path.read_text(encoding="utf-8")), load_guidance(), _url(config, GUIDANCE_PAGE)
        )
    except IndexChanged as error:
        raise PluginError(str(error)) from None
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")


def _checklist_page(files: Files, config: MkDocsConfig) -> str:
    """Add the browser runtime (Pyodide and the checklist package) to the site; render the page that loads it."""
    try:
        runtime = browser_runtime(Path(config.config_file_path).parent)
    except RuntimeUnavailable as error:
        raise PluginError(str(error)) from None
    for path, source in runtime.files.items():
        if isinstance(source, bytes):
            files.append(File.generated(config, path, content=source))
        else:
            files.append(File.generated(config, path, abs_src_path=str(source)))
    page = _url(config, CHECKLIST_PAGE)
    links = ChecklistLinks(
        guidance=get_relative_url(_url(config, GUIDANCE_PAGE), page),
        pyodide_module=get_relative_url(runtime.pyodide_module, page),
        library=get_relative_url(runtime.library, page),
        library_gzip=get_relative_url(runtime.library_gzip, page),
        snapshot=get_relative_url(runtime.snapshot, page),
    )
    first_question = evaluate({}).next_question
    return render_checklist_page(load_checklist(), load_guidance(), first_question, links, runtime.lockfile)


def _url(config: MkDocsConfig, path: str) -> str:
    """Where a source path ends up in the built site, relative to its root."""
    return File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls).url
