"""axe-core from npm, run inside the page: the WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from .page_scripts import page_script

AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# axe-core has no "wcag22a" tag: WCAG 2.2 added no level A rule it can test.
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")


def axe_context(browser: Browser, **context_options: object) -> BrowserContext:
    """A browser context where every page gets axe-core before its own scripts.

    Injected as an init script, which the page's Content-Security-Policy does not
    govern, so the pages are tested exactly as they are served.
    """
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: run `npm ci` in the project directory"
    context = browser.new_context(**context_options)
    context.add_init_script(path=AXE_SCRIPT)
    return context


def axe_violations(page: Page) -> list[str]:
    """Every violation axe-core finds on the page as it is now, one line per rule with the elements it failed."""
    violations = page.evaluate(page_script("axe_violations"), list(TAGS))
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(" ".join(map(str, node["target"])) for node in v["nodes"])
        for v in violations
    ]


def open_every_disclosure(page: Page) -> None:
    """Open every ``<details>``, so what it hides is checked too."""
    page.evaluate(page_script("open_every_disclosure"))
