"""Every internal link and anchor in the built site resolves; nothing loads from elsewhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

_SITE_ROOT = "http://site.invalid/"
_RESOURCE_ATTRIBUTES = (("script", "src"), ("img", "src"), ("link", "href"), ("source", "src"), ("iframe", "src"))


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _target_file(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal ``href`` on ``page`` points at, or None if external."""
    page_url = urljoin(_SITE_ROOT, str(page.relative_to(site)))
    url = urlsplit(urljoin(page_url, href))
    if f"{url.scheme}://{url.netloc}/" != _SITE_ROOT:
        return None
    target = site / unquote(url.path).lstrip("/")
    if url.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(url.fragment)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    checked = 0
    for page in _pages(built_site):
        for anchor in _soup(page).select("a[href]"):
            href = anchor["href"]
            if href.startswith(("mailto:", "tel:")):
                continue
            resolved = _target_file(built_site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {href} (no file)")
            elif fragment and target.suffix == ".html" and not _soup(target).find(id=fragment):
                broken.append(f"{page.relative_to(built_site)}: {href} (no anchor #{fragment})")
    assert checked > 50
    assert broken == []


def test_every_resource_is_served_from_the_site_itself(built_site: Path) -> None:
    external = []
    for page in _pages(built_site):
        soup = _soup(page)
        for tag, attribute in _RESOURCE_ATTRIBUTES:
            for element in soup.select(f"{tag}[{attribute}]"):
                value = element[attribute]
                if tag == "link" and not {"stylesheet", "icon", "manifest", "preload", "modulepreload"} & set(
                    element.get("rel", [])
                ):
                    continue
                resolved = _target_file(built_site, page, value)
                if resolved is None:
                    external.append(f"{page.relative_to(built_site)}: <{tag} {attribute}={value}>")
                elif not resolved[0].exists():
                    external.append(f"{page.relative_to(built_site)}: <{tag} {attribute}={value}> missing")
    assert external == []
