"""The clinical-safety hazard log page, for a clinical safety officer, from ``checklist/data/hazards.toml``.

Every rating on the page is computed by ``checklist.hazards`` from a severity and a
likelihood; the page only lays the log out: what the system is and is for, the risk
matrix, a summary, and one section per hazard with the tests that guard its controls.
"""

from __future__ import annotations

from checklist.hazards import LIKELIHOODS, RATING_NAMES, RISK_MATRIX, SEVERITIES, HazardLog
from site_build.pages.rendering import render

HAZARD_PAGE = "safety/hazard-log.md"

# What each category and rating means here, in our words, after DCB0129's definitions.
SEVERITY_MEANINGS = {
    "minor": "Inconvenience or minor upset to one child or family, from which they recover quickly.",
    "significant": "Harm or distress to one child from which they are expected to recover, or minor harm to several.",
    "considerable": "Severe harm or severe psychological trauma to one child, from which recovery is expected.",
    "major": "Death, or permanent or life-changing harm, to one child; or severe harm to several.",
    "catastrophic": "Death, or permanent or life-changing harm, to several children.",
}
LIKELIHOOD_MEANINGS = {
    "very-high": "Certain or almost certain to happen.",
    "high": "Not certain, but would be expected to happen in most cases.",
    "medium": "Could happen.",
    "low": "Could happen, but in the great majority of cases will not.",
    "very-low": "Negligible: not expected to happen at all.",
}
RATING_MEANINGS = {
    1: "Acceptable: no further action needed.",
    2: "Acceptable where reducing it further would cost more than it gains.",
    3: "Undesirable: acceptable only when reducing it further is not practicable.",
    4: "Unacceptable: it must be removed or controlled before the system is used.",
    5: "Unacceptable: the system must not be used while it stands.",
}


def render_hazard_page(log: HazardLog) -> str:
    """Markdown source of the hazard log page."""
    return render(
        "hazard_log.md",
        log=log,
        category=_category,
        severities=SEVERITIES,
        matrix=[(likelihood, RISK_MATRIX[likelihood]) for likelihood in reversed(LIKELIHOODS)],
        rating_names=RATING_NAMES,
        rating_meanings=sorted(RATING_MEANINGS.items()),
        severity_meanings=[(severity, SEVERITY_MEANINGS[severity]) for severity in reversed(SEVERITIES)],
        likelihood_meanings=[(likelihood, LIKELIHOOD_MEANINGS[likelihood]) for likelihood in reversed(LIKELIHOODS)],
    )


def _category(name: str) -> str:
    """``very-high`` as a reader writes it: Very high."""
    return name.replace("-", " ").capitalize()
