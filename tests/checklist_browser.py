"""What the browser tests of the checklist page share: the routes to each outcome, and how to drive the page."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from checklist import Result, flow, load_checklist

from .page_scripts import page_script

# Pyodide boots in a few seconds; allow for a busy machine.
PYTHON_TIMEOUT_MS = 60_000
READY = "The checklist is ready."


def walk(answers: dict[str, str]) -> tuple[list[tuple[str, str]], Result]:
    """The questions the checklist asks, in order, when these are the answers, and where it ends."""
    path = flow.walk(answers)
    return list(path.answers.items()), path.result


def route_to_each_verdict() -> dict[str, list[tuple[str, str]]]:
    """For every verdict the shortest route of answers that reaches it, computed by CPython."""
    routes: dict[str, list[tuple[str, str]]] = {}
    for path in flow.paths():
        route = list(path.answers.items())
        if path.result.verdict not in routes or len(route) < len(routes[path.result.verdict]):
            routes[path.result.verdict] = route
    assert sorted(routes) == sorted(verdict.id for verdict in load_checklist().verdicts)
    return routes


def option_label(question_id: str, value: str) -> str:
    return load_checklist().question(question_id).option(value).label


def question_text(question_id: str) -> str:
    return load_checklist().question(question_id).text


def open_checklist(browser: Browser, site_url: str, **context_options: object) -> tuple[BrowserContext, Page]:
    """A fresh context (no shared storage) with the checklist page open."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{site_url}/checklist/")
    return context, page


def heading(page: Page) -> Locator:
    """The heading of the checklist's current screen: a question, the check of the answers, or the outcome."""
    return page.locator("#checklist-app h2.cl-heading")


def expect_question(page: Page, question_id: str) -> None:
    """The question is shown, and the keyboard focus is on its heading."""
    expect(heading(page)).to_have_text(question_text(question_id), timeout=PYTHON_TIMEOUT_MS)
    expect(heading(page)).to_be_focused()


def answer_by_clicking(page: Page, question_id: str, value: str) -> None:
    page.get_by_label(option_label(question_id, value), exact=True).click()
    page.get_by_role("button", name="Continue").click()


def focused(page: Page) -> dict[str, str]:
    """The focused element: its tag, its type and value (for an input) and its text or label."""
    return page.evaluate(page_script("focused_element"))


def _rgba(css: str) -> tuple[float, float, float, float]:
    red, green, blue, *alpha = (float(n) for n in re.findall(r"[\d.]+", css))
    return red, green, blue, alpha[0] if alpha else 1.0


def _over(css: str, backdrop: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The colour as painted over the backdrop."""
    *colour, alpha = _rgba(css)
    return (*(alpha * c + (1 - alpha) * b for c, b in zip(colour, backdrop, strict=False)), 1.0)


def contrast(one: tuple[float, ...], other: tuple[float, ...]) -> float:
    """WCAG contrast ratio of two opaque sRGB colours (0-255 channels)."""

    def luminance(colour: tuple[float, ...]) -> float:
        linear = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _shadows(css: str) -> set[tuple[str, float, bool]]:
    """Each box-shadow as (colour, how far it reaches in px, inset)."""
    if css == "none":
        return set()
    shadows = set()
    for shadow in re.split(r",(?![^(]*\))", css):
        colour = re.search(r"rgba?\([^)]*\)", shadow).group()
        lengths = [abs(float(n)) for n in re.findall(r"(-?[\d.]+)px", shadow)]
        if _rgba(colour)[3] > 0:
            shadows.add((colour, max(lengths, default=0), "inset" in shadow))
    return shadows


def expect_visible_focus(page: Page) -> None:
    """The focused control is on screen and shows a focus indicator: an outline, a shadow or a background it
    lacks unfocused, of non-zero width, in a colour at least 3:1 against what surrounds it (WCAG 2.4.7, 2.4.13)."""
    look = page.evaluate(page_script("focus_look"))
    focused, unfocused = look["focused"], look["unfocused"]
    assert look["focusVisible"] and look["refocused"], look
    assert look["onScreen"], f"the focus is out of sight: {look}"
    backdrop = _over(look["backdrop"], (255, 255, 255, 1))
    own = _over(unfocused["background"], backdrop)
    parts: list[tuple[float, float]] = []  # (width in px, contrast)
    if focused["outline"] > unfocused["outline"] or focused["outlineColor"] != unfocused["outlineColor"]:
        parts.append((focused["outline"], contrast(_over(focused["outlineColor"], backdrop), backdrop)))
    for colour, reach, inset in _shadows(focused["shadows"]) - _shadows(unfocused["shadows"]):
        behind = own if inset else backdrop
        parts.append((reach, contrast(_over(colour, behind), behind)))
    if focused["background"] != unfocused["background"]:
        parts.append((1.0, contrast(_over(focused["background"], backdrop), own)))
    visible = [ratio for width, ratio in parts if width > 0]
    assert visible, f"no focus indicator: {look}"
    assert max(visible) >= 3, f"focus indicator contrast {max(visible):.2f} is under 3:1: {look}"


def tab_to(page: Page, wanted: Callable[[dict[str, str]], bool], what: str, limit: int = 40) -> None:
    """Press Tab until the focused element is the wanted one, checking that each control it stops on shows focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        expect_visible_focus(page)
        if wanted(focused(page)):
            return
    raise AssertionError(f"{what} cannot be reached with the Tab key")


def answer_by_keyboard(page: Page, question_id: str, value: str) -> None:
    """Tab into the radios, move to the answer with the arrow keys, select it, then Tab to Continue and press Enter."""
    tab_to(page, lambda element: element["type"] == "radio", "the answers")
    for _ in load_checklist().question(question_id).values:
        if focused(page)["value"] == value:
            break
        page.keyboard.press("ArrowDown")
        expect_visible_focus(page)
    page.keyboard.press("Space")
    expect(page.get_by_label(option_label(question_id, value), exact=True)).to_be_checked()
    tab_to(page, lambda element: element["text"] == "Continue", "Continue")
    page.keyboard.press("Enter")
