"""mkdocs hook: the site works offline after one visit, and can be installed as an app.

Thin adapter only: adds the web app manifest to the site, and at the end of the build
writes the service worker (see ``site_build.offline``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from site_build.offline.manifest import MANIFEST, THEME_COLOR, render_manifest
from site_build.offline.service_worker import write_service_worker


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give the templates the theme colour the manifest declares."""
    config.extra["theme_color"] = THEME_COLOR
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the web app manifest, so it is built, linked and precached like any other file."""
    files.append(File.generated(config, MANIFEST, content=render_manifest(config.site_name, config.site_description)))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Write the service worker last, when every file it must precache is in the site directory."""
    write_service_worker(Path(config.site_dir), directory_urls=config.use_directory_urls)
