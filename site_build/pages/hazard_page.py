"""The clinical-safety hazard log page, for a clinical safety officer, from ``checklist/data/hazards.toml``.

Every rating on the page is computed by ``checklist.hazards`` from a severity and a
likelihood; the page only lays the log out: what the system is and is for, the risk
matrix, a summary, and one section per hazard with the tests that guard its controls.
"""

from __future__ import annotations

from html import escape

from checklist.hazards import LIKELIHOODS, RATING_NAMES, RISK_MATRIX, SEVERITIES, Hazard, HazardLog, Risk
from site_build.pages.page_markup import words

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
    return "\n".join(
        [
            "# Clinical safety: hazard log",
            "",
            '<p class="our-words-label">Our assessment, in our words, not GMC text</p>',
            "",
            _introduction(log),
            "",
            "## The risk matrix {#risk-matrix}",
            "",
            _risk_matrix(),
            "",
            "## Summary {#summary}",
            "",
            _summary(log),
            "",
            "## Hazards {#hazards}",
            "",
            *(_hazard(hazard) for hazard in log.hazards),
        ]
    )


def _introduction(log: HazardLog) -> str:
    return "\n".join(
        [
            words(
                "This is the clinical-safety hazard log of this site and its checklist, for the clinical safety "
                "officer who reviews it and for anyone deciding whether to use the checklist in their setting."
            ),
            "",
            "**The system.** " + words(log.system),
            "",
            "**Intended use.** " + words(log.intended_use),
            "",
            "**Intended users**",
            "",
            *(f"- {words(user)}" for user in log.intended_users),
            "",
            "**Limits of use**",
            "",
            *(f"- {words(use)}" for use in log.not_intended_use),
            "",
            "**The standard.** " + words(log.standard),
            "",
            "**How this log is kept.** "
            + words(
                "The log is kept with the code, as data that the site is built from: a malformed log stops the build. "
                "Each hazard names the automated tests that guard its controls, and those tests run with every change; "
                "a test of the log itself fails if a named test no longer exists, if a hazard names none, or if a "
                "residual risk is higher than the initial risk or unacceptable. Every risk rating below is computed "
                "from its severity and likelihood with the risk matrix, never written by hand."
            ),
        ]
    )


def _risk_label(rating: int) -> str:
    return f"{rating} {RATING_NAMES[rating]}"


def _risk_matrix() -> str:
    header = " | ".join(words(_category(severity)) for severity in SEVERITIES)
    rows = [
        f"| **{words(_category(likelihood))}** | "
        + " | ".join(_risk_label(rating) for rating in RISK_MATRIX[likelihood])
        + " |"
        for likelihood in reversed(LIKELIHOODS)
    ]
    ratings = [f"| {_risk_label(rating)} | {words(RATING_MEANINGS[rating])} |" for rating in sorted(RATING_MEANINGS)]
    severities = [f"| {words(_category(s))} | {words(SEVERITY_MEANINGS[s])} |" for s in reversed(SEVERITIES)]
    likelihoods = [f"| {words(_category(k))} | {words(LIKELIHOOD_MEANINGS[k])} |" for k in reversed(LIKELIHOODS)]
    return "\n".join(
        [
            words(
                "Each risk is rated from the severity of the harm it could cause and the likelihood of that harm, "
                "with the 5 × 5 risk matrix of the NHS clinical risk management standards: each row is a likelihood, "
                "each column a severity."
            ),
            "",
            f"| Likelihood | {header} |",
            "|---|" + "---|" * len(SEVERITIES),
            *rows,
            "",
            "| Rating | What it means |",
            "|---|---|",
            *ratings,
            "",
            "| Severity | Meaning here |",
            "|---|---|",
            *severities,
            "",
            "| Likelihood | Meaning |",
            "|---|---|",
            *likelihoods,
        ]
    )


def _category(name: str) -> str:
    """``very-high`` as a reader writes it: Very high."""
    return name.replace("-", " ").capitalize()


def _rating(risk: Risk, which: str) -> str:
    """A risk's computed rating, with its name and acceptability, marked for tests and styles."""
    return (
        f'<span class="hazard-rating" data-risk="{which}" data-rating="{risk.rating}">'
        f"{risk.rating} {escape(risk.rating_name)} ({escape(risk.acceptability)})</span>"
    )


def _summary(log: HazardLog) -> str:
    rows = [
        # The id stays outside the link, so the link is part of a line of text, not a small target of its own.
        f"| {hazard.id} [{words(hazard.title)}](#{hazard.anchor}) "
        f"| {_rating(hazard.initial, 'initial')} | {_rating(hazard.residual, 'residual')} |"
        for hazard in log.hazards
    ]
    return "\n".join(
        [
            "| Hazard | Initial risk | Residual risk |",
            "|---|---|---|",
            *rows,
        ]
    )


def _hazard(hazard: Hazard) -> str:
    controls = "\n".join(f"- {words(control)}" for control in hazard.controls)
    tests = "\n".join(f"- <code>{escape(test)}</code>" for test in hazard.tests)
    return "\n".join(
        [
            f'<section class="hazard" data-hazard="{hazard.id}" markdown>',
            "",
            f"### {hazard.id}. {words(hazard.title)} {{#{hazard.anchor}}}",
            "",
            "**Cause.** " + words(hazard.cause),
            "",
            "**Effect.** " + words(hazard.effect),
            "",
            "**Possible harm.** " + words(hazard.harm),
            "",
            "| Assessment | Severity | Likelihood | Risk rating |",
            "|---|---|---|---|",
            _assessment_row("Initial, before the controls", hazard.initial, "initial"),
            _assessment_row("Residual, with the controls", hazard.residual, "residual"),
            "",
            "**Controls in the product**",
            "",
            controls,
            "",
            "**Tests that guard the controls**",
            "",
            tests,
            "",
            "**Residual risk.** " + words(hazard.residual_note),
            "",
            "</section>",
            "",
        ]
    )


def _assessment_row(label: str, risk: Risk, which: str) -> str:
    return (
        f"| {words(label)} | {words(_category(risk.severity))} | {words(_category(risk.likelihood))} "
        f"| {_rating(risk, which)} |"
    )
