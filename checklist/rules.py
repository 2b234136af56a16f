"""The decision table: paragraphs 46–50, and those they lean on, as rules that turn answers into an outcome.

Rules are small functions named after what they decide, each beside the clauses and
summary points it encodes. They are tried in order and the first that applies gives the
verdict, so the order is part of the table (``evaluation`` tries them).
"""

from __future__ import annotations

import hashlib
import json
import pkgutil
from functools import cache

from .decision import Reading, Rule, Step, condition, rule
from .guidance import GUIDANCE_FILE, load_guidance
from .questions import QUESTIONS_FILE, load_checklist
from .validation import DataError

# Conditions on the answers, shared by rules and steps.


@condition("the request is not for child-protection purposes")
def other_purpose(a: Reading) -> bool:
    return a.chose("request", "other-purpose")


@condition("the request is a court order")
def court_order(a: Reading) -> bool:
    return a.chose("request", "court-order")


@condition("the law requires the information")
def required_by_law(a: Reading) -> bool:
    return a.chose("request", "required-by-law")


@condition("the request is neither a court order nor a legal requirement")
def neither_order_nor_law(a: Reading) -> bool:
    return not court_order(a) and not required_by_law(a)


@condition("the request is for a formal review")
def formal_review(a: Reading) -> bool:
    return a.chose("request", "formal-review")


@condition("the request is from public-protection arrangements")
def public_protection(a: Reading) -> bool:
    return a.chose("request", "public-protection")


@condition("the request is for a formal review or from public-protection arrangements")
def review_or_protection(a: Reading) -> bool:
    return formal_review(a) or public_protection(a)


@condition("you are not sure whether the benefits of sharing outweigh confidentiality")
def benefits_unsure(a: Reading) -> bool:
    return a.chose("public_interest", "unsure")


@condition("consent was given")
def consent_given(a: Reading) -> bool:
    return a.chose("consent", "given")


@condition("you share without consent")
def without_consent(a: Reading) -> bool:
    return not consent_given(a)


# The decision table, in the order the rules are tried. Every outcome but the first starts with the step of
# paragraph 46 (act quickly); every outcome that does not share says what to do about the doctor's own concern
# (paragraph 32), which does not wait for the request.

ACT_QUICKLY = "act-quickly"
OWN_CONCERN = Step("own-concern")
_COOPERATE = (
    Step("cooperate-formal-review", formal_review),
    Step("cooperate-public-protection", public_protection),
)


@rule(
    "outside-scope",
    when="The request is not for child-protection purposes, so paragraphs 46–50 do not cover it.",
    encodes=("31a", "31b", "34.1", "32.1"),
    steps=(Step("outside-scope-consent"), OWN_CONCERN),
)
def not_for_child_protection(a: Reading) -> bool:
    return other_purpose(a)


@rule(
    "verify-identity",
    when="You have not checked who is asking (for a court order or a legal notice: that it is genuine).",
    encodes=("48.1", "48a.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("check-court-order", court_order),
        Step("check-legal-notice", required_by_law),
        Step("check-identity", neither_order_nor_law),
        OWN_CONCERN,
    ),
)
def identity_not_checked(a: Reading) -> bool:
    return a.chose("identity", "not-checked")


@rule(
    "clarify-request",
    when="You are not sure the request is valid, or do not fully understand why they ask, what they need or how "
    "they may use it (any request but a court order or a legal requirement, whose purpose is set for you).",
    encodes=("48.1", "48b.1"),
    steps=(Step(ACT_QUICKLY), Step("clarify-purpose"), OWN_CONCERN),
)
def request_unclear(a: Reading) -> bool:
    return neither_order_nor_law(a) and a.chose("purpose", "unclear")


@rule(
    "respond-fully",
    when="A court has ordered the information, or the law requires it: that is a condition for sharing on its own.",
    encodes=("47.1", "48c.1", "31a", "Confidentiality 21.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("respond-to-court-order", court_order),
        Step("disclose-what-the-law-requires", required_by_law),
        Step("object-to-irrelevant", court_order),
        Step("record-disclosure"),
    ),
    grounds=(("request", "court-order"), ("request", "required-by-law")),
)
def ordered_or_required_by_law(a: Reading) -> bool:
    return court_order(a) or required_by_law(a)


@rule(
    "ask-consent",
    when="Nobody has been asked for consent yet, and nothing stops you asking.",
    encodes=("34.1", "35.1", "35.2", "35.3"),
    steps=(Step(ACT_QUICKLY), *_COOPERATE, Step("ask-for-consent"), Step("whom-to-ask"), OWN_CONCERN),
)
def consent_not_asked(a: Reading) -> bool:
    return a.chose("consent", "not-asked")


@rule(
    "share-relevant",
    when="A condition for sharing is met: consent was given by whoever is entitled to give it, or you judge that "
    "the benefits to the child of sharing outweigh the interest in keeping the information confidential.",
    encodes=("48c.1", "31b", "31c", "49.1", "49.3", "49.4", "38.1"),
    steps=(
        Step(ACT_QUICKLY),
        *_COOPERATE,
        Step("basis-consent", consent_given),
        Step("basis-public-interest", without_consent),
        Step("share-relevant-only"),
        Step("not-complete-records"),
        Step("tell-after-sharing", without_consent),
        Step("record-sharing", without_consent),
    ),
    grounds=(("consent", "given"), ("public_interest", "yes")),
)
def condition_for_sharing_met(a: Reading) -> bool:
    return consent_given(a) or a.chose("public_interest", "yes")


@rule(
    "seek-advice",
    when="No condition for sharing is met yet, and you are not sure whether the benefits of sharing outweigh "
    "confidentiality, or the request is for a formal review or from public-protection arrangements, which you are "
    "asked to cooperate with.",
    encodes=("50.1", "47.2", "47.4", "43.1", "44.1", "44.2", "32.1"),
    steps=(
        Step(ACT_QUICKLY),
        *_COOPERATE,
        Step("ask-about-legal-power", review_or_protection),
        Step("no-condition-yet"),
        Step("discuss-concerns"),
        Step("discuss-without-naming"),
        Step("share-limited-to-judge", benefits_unsure),
        Step("consent-for-limited-sharing", benefits_unsure),
        OWN_CONCERN,
        Step("record-decision"),
    ),
)
def advice_needed(a: Reading) -> bool:
    return benefits_unsure(a) or review_or_protection(a)


@rule(
    "do-not-share",
    when="No condition for sharing is met: no court order or legal requirement, no consent, and you judge that "
    "the benefits of sharing do not outweigh the interest in keeping the information confidential.",
    encodes=("48c.1", "31a", "31b", "31c", "45.1", "45.2", "45.3", "32.1"),
    steps=(
        Step(ACT_QUICKLY),
        Step("tell-requester-no-basis"),
        OWN_CONCERN,
        Step("record-decision"),
        Step("keep-under-review"),
        Step("tell-agency-if-concerned-later"),
        Step("discuss-if-unsure"),
    ),
)
def no_condition_for_sharing(a: Reading) -> bool:
    return not consent_given(a) and a.chose("public_interest", "no") and a.chose("request", "child-protection")


RULES: tuple[Rule, ...] = (
    not_for_child_protection,
    identity_not_checked,
    request_unclear,
    ordered_or_required_by_law,
    consent_not_asked,
    condition_for_sharing_met,
    advice_needed,
    no_condition_for_sharing,
)


def check_rules_against_words() -> None:
    """The questions data must give words for exactly the verdicts and actions the rules use, and every clause
    or summary point a rule encodes must exist in the guidance data.

    Raises ``DataError`` naming the file and the verdict, action or rule, so a renamed id
    stops the build instead of failing when that outcome is first reached.
    """
    statements = {statement.id for statement in load_guidance().statements()}
    for candidate in RULES:
        if unknown := [clause for clause in candidate.clauses if clause not in statements]:
            raise DataError(
                "checklist/rules.py", f"rule {candidate.name}", "encodes", f"no clause or summary point {unknown[0]!r}"
            )
    checklist = load_checklist()
    data_file = f"checklist/data/{QUESTIONS_FILE}"
    for kind, used, worded in (
        ("verdict", {row.verdict for row in RULES}, {verdict.id for verdict in checklist.verdicts}),
        (
            "action",
            {step.action for row in RULES for step in row.steps},
            {action.id for action in checklist.actions},
        ),
    ):
        if missing := sorted(used - worded):
            raise DataError(data_file, f"{kind}s", "id", f"no {kind} {missing[0]!r}, which the rules use")
        if unused := sorted(worded - used):
            raise DataError(data_file, f"{kind} {unused[0]}", "id", f"no rule uses {kind} {unused[0]!r}")


@cache
def decision_table_version() -> str:
    """A short hash of the decision table and its words, so a saved record or link can tell it was made by another.

    It covers the rules (their order, conditions, clauses and steps) and the data files
    whose words and ids they use; it changes when any of them does, and only then.
    """
    table = [
        {
            "name": row.name,
            "verdict": row.verdict,
            "when": row.when,
            "encodes": row.clauses,
            "steps": [(step.action, step.when.words if step.when else None) for step in row.steps],
            "grounds": row.grounds,
        }
        for row in RULES
    ]
    digest = hashlib.sha256(json.dumps(table, ensure_ascii=False).encode("utf-8"))
    for name in (QUESTIONS_FILE, GUIDANCE_FILE):
        digest.update(pkgutil.get_data(__package__, f"data/{name}") or b"")
    return digest.hexdigest()[:12]
