"""The checklist page gives the theme a search worker that waits before it builds the search index.

The theme starts its search worker on every page, and the worker builds the index at once. On the
checklist page that work would compete with Python's start for the processor, so the theme's settings
on that page name ``search_when_wanted.js`` (beside the theme's worker) instead, which loads the theme's
worker once Python has answered or the reader opens the search.
"""

from __future__ import annotations

import json
import re

WAITING_WORKER = "search_when_wanted.js"
_THEME_SETTINGS = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
# As the theme writes them (Jinja's tojson): nothing in the JSON can end the script element.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


class ThemeChanged(Exception):
    """The page does not carry the theme's settings as this module expects."""


def with_waiting_search_worker(html: str) -> str:
    """The page ``html`` with the theme told to start the waiting search worker instead of its own."""
    found = _THEME_SETTINGS.search(html)
    if found is None:
        raise ThemeChanged("The page has no theme settings (script#__config): the search worker cannot wait.")
    settings = json.loads(found.group(1))
    folder, slash, theme_worker = str(settings.get("search", "")).rpartition("/")
    if not slash or not theme_worker.endswith(".js"):
        raise ThemeChanged(f"The theme's settings name no search worker script: {settings.get('search')!r}")
    settings["search"] = f"{folder}/{WAITING_WORKER}?theme={theme_worker}"
    text = json.dumps(settings, ensure_ascii=False, sort_keys=True).translate(_HTML_SAFE)
    return html[: found.start(1)] + text + html[found.end(1) :]
