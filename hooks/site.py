"""mkdocs hooks: generate the pages that come from the checklist package's data.

Thin adapter only: each page is a pure function of the data (see the ``*_page``
modules), so moving to another site generator means rewriting just this file.
A malformed data file raises here and fails the build with the loader's message.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guidance_html import GUIDANCE_PAGE
from guidance_page import render_guidance_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from checklist import DataError, load_guidance


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the data once, failing the build on bad data, and expose edition facts to templates."""
    load_guidance.cache_clear()  # `mkdocs serve` rebuilds in one process: reread edited data
    try:
        guidance = load_guidance()
    except DataError as error:
        raise PluginError(f"Invalid guidance data: {error}") from None
    document = guidance.document
    config.extra["edition"] = {
        "title": document.title,
        "publisher": document.publisher,
        "year": document.year,
        "note": document.edition_note,
        "current_url": document.current_guidance_url,
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages before the navigation is built."""
    pages = {GUIDANCE_PAGE: render_guidance_page(load_guidance())}
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files
