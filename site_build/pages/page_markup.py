"""Our words' escaping and the paragraphs' anchors: the rules every generated page shares (see ``rendering``).

The duty tags and the links to paragraphs are macros of the templates, in ``templates/markup.md``.
"""

from __future__ import annotations

from html import escape

from checklist import load_guidance
from site_build.pages.guidance_text import cross_reference_anchor

_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "*_`[]|\\"})


def words(text: str) -> str:
    """Our own words, safe in Markdown and in HTML: nothing in them becomes markup."""
    return escape(text).translate(_ENTITIES)


def paragraph_anchor(paragraph_id: str) -> str:
    """A paragraph's anchor on the guidance page (its summary's, for a referred paragraph)."""
    guidance = load_guidance()
    reference = guidance.referred(paragraph_id)
    return cross_reference_anchor(reference.id) if reference else guidance.paragraph(paragraph_id).anchor
