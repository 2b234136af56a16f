"""Small pieces of page source shared by the generated pages: our words, paragraph links, duty tags."""

from __future__ import annotations

from html import escape

from checklist import load_guidance
from site_build.pages.guidance_text import GUIDANCE_PAGE, cross_reference_anchor

_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "*_`[]|\\"})


def words(text: str) -> str:
    """Our own words, safe in Markdown and in HTML: nothing in them becomes markup."""
    return escape(text).translate(_ENTITIES)


def paragraph_anchor(paragraph_id: str) -> str:
    """A paragraph's anchor on the guidance page (its summary's, for a referred paragraph)."""
    guidance = load_guidance()
    reference = guidance.referred(paragraph_id)
    return cross_reference_anchor(reference.id) if reference else guidance.paragraph(paragraph_id).anchor


def paragraph_link(paragraph_id: str, guidance_page: str = GUIDANCE_PAGE) -> str:
    """A Markdown link to a paragraph on the guidance page (its summary, for a referred paragraph).

    Markdown, not HTML, so the site generator resolves it and checks that it exists.
    """
    return f"[{paragraph_id}]({guidance_page}#{paragraph_anchor(paragraph_id)})"


def paragraph_links(paragraph_ids: tuple[str, ...] | list[str], guidance_page: str = GUIDANCE_PAGE) -> str:
    return ", ".join(paragraph_link(paragraph_id, guidance_page) for paragraph_id in paragraph_ids)


def duty_tag(strength: str) -> str:
    """The must / should tag, styled by shape and weight as well as colour."""
    return f'<span class="duty-tag duty-tag--{strength}">{strength.capitalize()}</span>'
