"""The decision table walked in full: the flow asks one question at a time, and every combination of answers
(including partial sets the flow never produces) gives the verdict of an independent plain copy of the table."""

from __future__ import annotations

from checklist import QUESTIONS, evaluate, flow, load_guidance
from checklist.rules import RULES

from .answer_sets import ANSWER_SETS, CHECKED, FULL_ANSWER_SETS

# The flow: one question at a time.


def test_questions_are_asked_in_order_and_skipped_once_the_outcome_is_known() -> None:
    steps = [
        ({}, "request"),
        ({"request": "child-protection"}, "identity"),
        ({"request": "child-protection", "identity": "checked"}, "purpose"),
        ({"request": "child-protection", **CHECKED}, "consent"),
        ({"request": "child-protection", **CHECKED, "consent": "refused"}, "public_interest"),
    ]
    for answers, expected in steps:
        result = evaluate(answers)
        assert (result.verdict, result.next_question) == (None, expected)
        assert result.citations == ("46",)
        assert [a.id for a in result.actions] == ["act-quickly"]


def test_purpose_is_never_asked_for_a_court_order_or_a_legal_requirement() -> None:
    for request in ("court-order", "required-by-law"):
        assert evaluate({"request": request, "identity": "checked"}).verdict == "respond-fully"


def test_an_answer_given_ahead_of_its_turn_waits_for_the_earlier_questions() -> None:
    result = evaluate({"identity": "not-checked"})
    assert (result.verdict, result.next_question) == (None, "request")


def test_answers_the_checklist_would_not_ask_are_accepted_but_change_nothing() -> None:
    court = {"request": "court-order", "identity": "checked"}
    with_extras = {**court, "purpose": "unclear", "consent": "refused", "public_interest": "no"}
    assert evaluate(with_extras).verdict == evaluate(court).verdict == "respond-fully"
    assert evaluate(with_extras).actions == evaluate(court).actions
    consented = {"request": "child-protection", **CHECKED, "consent": "given"}
    assert evaluate({**consented, "public_interest": "no"}).citations == evaluate(consented).citations
    other = {"request": "other-purpose", "identity": "not-checked", "consent": "given"}
    assert evaluate(other).verdict == "outside-scope"


# Exhaustive: every combination of answers, and every partial set, including those the flow never produces.


def test_every_combination_gives_a_verdict_or_a_next_question_and_cites_only_known_paragraphs() -> None:
    known = set(load_guidance().citable_paragraphs())
    assert len(ANSWER_SETS) == 7 * 3 * 3 * 5 * 4
    verdicts = set()
    for answers in ANSWER_SETS:
        result = evaluate(answers)
        assert (result.verdict is None) != (result.next_question is None), answers
        assert result.next_question not in answers
        assert set(result.citations) <= known, answers
        verdicts.add(result.verdict)
    assert verdicts == {None, *(rule.verdict for rule in RULES)}


def test_every_full_set_of_answers_follows_the_decision_table() -> None:
    assert len(FULL_ANSWER_SETS) == 6 * 2 * 2 * 4 * 3
    for answers in FULL_ANSWER_SETS:
        assert evaluate(answers).verdict == expected_verdict(answers), answers


def test_every_partial_set_of_answers_follows_the_decision_table_or_asks_the_first_question_it_needs() -> None:
    for answers in ANSWER_SETS:
        result = evaluate(answers)
        completions = _completions(answers)
        verdicts = {expected_verdict(full) for full in completions}
        if result.verdict is not None:
            assert verdicts == {result.verdict}, answers
        else:
            assert len(verdicts) > 1 or _asks_before_deciding(answers, result.next_question), answers


def _completions(answers: dict[str, str]) -> list[dict[str, str]]:
    return [full for full in FULL_ANSWER_SETS if answers.items() <= full.items()]


def _asks_before_deciding(answers: dict[str, str], next_question: str | None) -> bool:
    """The flow stops at the first unanswered question in order, even if later answers already decide."""
    order = [q.id for q in QUESTIONS]
    return next_question is not None and all(q in answers for q in order[: order.index(next_question)])


def expected_verdict(a: dict[str, str]) -> str:
    """The decision table written out once more, plainly, as an independent check of the rules."""
    if a["request"] == "other-purpose":
        return "outside-scope"
    if a["identity"] == "not-checked":
        return "verify-identity"
    ordered = a["request"] in ("court-order", "required-by-law")
    if a["purpose"] == "unclear" and not ordered:
        return "clarify-request"
    if ordered:
        return "respond-fully"
    if a["consent"] == "not-asked":
        return "ask-consent"
    if a["consent"] == "given" or a["public_interest"] == "yes":
        return "share-relevant"
    if a["public_interest"] == "unsure" or a["request"] in ("formal-review", "public-protection"):
        return "seek-advice"
    return "do-not-share"


def test_every_prefix_the_flow_produces_is_asked_or_decided() -> None:
    every_path = flow.paths()
    assert len(every_path) == 35
    for path in every_path:
        assert path.result.verdict == expected_verdict(_completions(path.answers)[0]), path.answers
        assert flow.walk(_completions(path.answers)[0]) == path


def test_the_flow_model_enumerates_every_answer_set_once() -> None:
    assert len(ANSWER_SETS) == len({tuple(sorted(a.items())) for a in ANSWER_SETS}) == 7 * 3 * 3 * 5 * 4
    assert len(FULL_ANSWER_SETS) == 6 * 2 * 2 * 4 * 3
    assert all(list(a) == [q.id for q in QUESTIONS if q.id in a] for a in ANSWER_SETS), "in question order"
