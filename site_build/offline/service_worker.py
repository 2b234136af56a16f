"""The service worker, ``sw.js`` at the site root: the list of every built file (and its hash) in front of the
static logic in ``service_worker.js``.

The version is a hash of that list and of the logic, so the same site gives the same bytes, and any change
gives a new version that browsers download as a whole. The checklist's Python runtime is kept only for readers
who use the checklist: the worker is told which folders hold it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from pathlib import Path

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("service_worker.js")
# Source maps are read only by developer tools, and sitemaps only by search engines: not worth a download
# on a poor connection. Sitemaps also carry the build date, which would make each day's build a new version.
_SOURCE_MAP = ".map"
_NOT_PRECACHED = {"sitemap.xml", "sitemap.xml.gz", SERVICE_WORKER}
# The checklist's Python runtime (Pyodide, and the Python library with the checklist package): about 13 MB that
# a reader of the guidance alone never needs, so it is kept offline only once the checklist has been opened.
CHECKLIST_RUNTIME = ("assets/pyodide/", "assets/checklist/python/")


def write_service_worker(site: Path, *, directory_urls: bool = True) -> None:
    """Write the service worker into the built ``site``, last, when every file it must precache is there."""
    entries = precache_entries(site, directory_urls=directory_urls)
    decoded = decoded_integrity(site, entries)
    (site / SERVICE_WORKER).write_text(render_service_worker(entries, decoded), encoding="utf-8")


def precache_entries(site: Path, *, directory_urls: bool = True) -> list[tuple[str, str]]:
    """Every file of the built site as (URL relative to the site root, Subresource Integrity hash), sorted.

    A page is listed under the URL the site links to (``guidance/``, ``./`` for the
    home page), so the cached copy is found for exactly the request a link makes.
    The service worker checks each download against its hash, so a cache can only
    ever hold the bytes of this one build.
    """
    entries = []
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative in _NOT_PRECACHED or relative.endswith(_SOURCE_MAP):
            continue
        if directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
            relative = relative.removesuffix("index.html") or "./"
        entries.append((relative, integrity(path.read_bytes())))
    return sorted(entries)


def integrity(data: bytes) -> str:
    """The Subresource Integrity form of the bytes' SHA-256, as the service worker computes it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def decoded_integrity(site: Path, entries: list[tuple[str, str]]) -> dict[str, str]:
    """For each gzip file among the entries, the hash of its content: a host may send such a file with
    ``Content-Encoding: gzip``, and the browser then gives the service worker the content, not the file."""
    return {path: integrity(gzip.decompress((site / path).read_bytes())) for path, _ in entries if path.endswith(".gz")}


def render_service_worker(entries: list[tuple[str, str]], decoded: dict[str, str] | None = None) -> str:
    """The service worker for these files: their list, the hashes of the gzip files' content, the folders of the
    checklist's runtime and the version; then the static logic."""
    version = json.dumps(precache_version(entries))
    files = "".join(f"    {json.dumps(list(entry))},\n" for entry in entries)
    header = (
        f"const PRECACHE = {{\n  version: {version},\n  files: [\n{files}  ],\n"
        f"  decoded: {json.dumps(decoded or {}, sort_keys=True)},\n"
        f"  checklist: {json.dumps(list(CHECKLIST_RUNTIME))},\n}};\n\n"
    )
    return header + TEMPLATE.read_text(encoding="utf-8")


def precache_version(entries: list[tuple[str, str]]) -> str:
    """A short hash of the files and of the worker's logic: it changes when either changes, and only then."""
    listed = json.dumps([entries, CHECKLIST_RUNTIME])
    return hashlib.sha256((listed + TEMPLATE.read_text(encoding="utf-8")).encode()).hexdigest()[:16]
