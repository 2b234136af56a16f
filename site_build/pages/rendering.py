"""The pages' Jinja environment: made here, from this package's own templates, not borrowed from the theme.

So a page stays a pure function of the data, whichever site generator shows it (see
``docs/decisions/0007-page-templates.md``). Python passes plain data; the templates hold the markup.
Every value is HTML-escaped unless a template says otherwise; our own words go through ``words``.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from checklist.citing import SUMMARY_NOTE, cited_data, duty_label, listed, listed_paragraphs, named_paragraphs
from site_build.pages.page_markup import paragraph_anchor, words

_ENVIRONMENT = Environment(
    loader=PackageLoader("site_build.pages", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html", "md", "svg"), default=True),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
# tojson, as the page's script reads it: every character as it is, keys in a stable order.
_ENVIRONMENT.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
_ENVIRONMENT.filters["words"] = lambda text: Markup(words(str(text)))
_ENVIRONMENT.filters["paragraph_anchor"] = paragraph_anchor
# How a citation is worded is the package's (``checklist.citing``): the templates only add the links.
_ENVIRONMENT.filters["duty_label"] = duty_label
_ENVIRONMENT.filters["listed"] = listed
_ENVIRONMENT.filters["paragraph_list"] = lambda ids: cited_data(listed_paragraphs(ids))
_ENVIRONMENT.filters["named_paragraphs"] = lambda ids: cited_data(named_paragraphs(ids))
_ENVIRONMENT.globals["summary_note"] = SUMMARY_NOTE
# A number as SVG coordinates are written: 135, not 135.0.
_ENVIRONMENT.filters["number"] = lambda value: format(value, "g")


def render(template: str, **data: object) -> str:
    """The page source the template ``template`` makes of ``data``."""
    return _ENVIRONMENT.get_template(template).render(**data)
