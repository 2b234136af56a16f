"""The decision rules: realistic requests, every possible set of answers, properties, and bad input."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import QUESTIONS, AnswerError, evaluate, load_guidance
from checklist.questions import citable_paragraphs
from checklist.rules import RULES

UNANSWERED = None
ANSWER_SETS = [
    {q.id: v for q, v in zip(QUESTIONS, values, strict=True) if v is not UNANSWERED}
    for values in itertools.product(*[(*q.values, UNANSWERED) for q in QUESTIONS])
]
answer_sets = st.fixed_dictionaries({}, optional={q.id: st.sampled_from(q.values) for q in QUESTIONS})


def action_ids(answers: dict[str, str]) -> list[str]:
    return [action.id for action in evaluate(answers).actions]


# The contract other code relies on.


def test_question_ids_values_and_order_are_fixed() -> None:
    assert [(q.id, q.values) for q in QUESTIONS] == [
        ("request", ("court-order", "formal-review", "public-protection", "child-protection")),
        ("identity", ("checked", "not-checked")),
        ("purpose", ("understood", "unclear")),
        ("consent", ("given", "refused", "not-sought", "not-possible")),
        ("public_interest", ("yes", "no", "unsure")),
    ]


def test_rules_decide_in_the_order_of_the_decision_table() -> None:
    assert [rule.verdict for rule in RULES] == [
        "verify-identity",
        "clarify-request",
        "respond-fully",
        "share-relevant",
        "seek-advice",
        "do-not-share",
    ]


def test_questions_are_plain_words_with_hints_and_paragraphs() -> None:
    for question in QUESTIONS:
        assert question.text.endswith("?")
        assert question.hint and question.paragraphs
        assert all(option.label and option.hint for option in question.options)


# Realistic requests.


def test_unknown_caller_saying_they_are_police_is_checked_first() -> None:
    result = evaluate({"request": "child-protection", "identity": "not-checked"})
    assert result.verdict == "verify-identity"
    assert result.next_question is None
    assert action_ids({"request": "child-protection", "identity": "not-checked"}) == ["act-quickly", "check-identity"]
    assert result.citations == ("46", "48", "48a")


def test_court_order_is_answered_fully_without_asking_its_purpose() -> None:
    asked = evaluate({"request": "court-order"})
    assert asked.next_question == "identity"
    result = evaluate({"request": "court-order", "identity": "checked"})
    assert result.verdict == "respond-fully"
    assert [(a.id, a.strength) for a in result.actions] == [
        ("act-quickly", "should"),
        ("respond-to-court-order", "must"),
        ("basis-court-order", "should"),
    ]
    assert result.actions[1].clauses == ("47.1",)
    assert result.citations == ("46", "47", "48c", "31")


def test_a_court_order_of_doubtful_origin_is_checked_before_it_is_obeyed() -> None:
    result = evaluate({"request": "court-order", "identity": "not-checked"})
    assert result.verdict == "verify-identity"
    assert [a.id for a in result.actions] == ["act-quickly", "check-court-order"]


def test_social_worker_with_parental_consent_shares_what_is_relevant() -> None:
    answers = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    result = evaluate(answers)
    assert result.verdict == "share-relevant"
    assert action_ids(answers) == [
        "act-quickly",
        "basis-consent",
        "share-relevant-only",
        "not-complete-records",
    ]
    assert "38" not in result.citations
    assert result.citations == ("46", "48c", "49", "31")


def test_police_asking_without_saying_why_are_asked_to_clarify() -> None:
    result = evaluate({"request": "child-protection", "identity": "checked", "purpose": "unclear"})
    assert result.verdict == "clarify-request"
    assert [a.id for a in result.actions] == ["act-quickly", "clarify-purpose"]
    assert result.citations == ("46", "48", "48b")


def test_mappa_request_without_consent_or_clear_risk_needs_advice_and_a_should_cooperate() -> None:
    answers = {
        "request": "public-protection",
        "identity": "checked",
        "purpose": "understood",
        "consent": "refused",
        "public_interest": "no",
    }
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    cooperate = result.actions[1]
    assert (cooperate.id, cooperate.strength, cooperate.clauses) == ("cooperate-public-protection", "should", ("47.4",))
    assert [a.id for a in result.actions][2:] == ["no-condition-yet", "discuss-concerns"]
    assert "47" in result.citations and "38" not in result.citations


def test_mappa_request_where_not_sharing_risks_serious_harm_is_shared_and_the_person_told() -> None:
    answers = {
        "request": "public-protection",
        "identity": "checked",
        "purpose": "understood",
        "consent": "not-sought",
        "public_interest": "yes",
    }
    result = evaluate(answers)
    assert result.verdict == "share-relevant"
    assert action_ids(answers) == [
        "act-quickly",
        "cooperate-public-protection",
        "basis-public-interest",
        "share-relevant-only",
        "not-complete-records",
        "tell-after-sharing",
    ]
    assert result.citations == ("46", "47", "48c", "49", "31", "38")


def test_serious_case_review_without_consent_needs_advice_and_a_must_cooperate() -> None:
    answers = {
        "request": "formal-review",
        "identity": "checked",
        "purpose": "understood",
        "consent": "not-possible",
        "public_interest": "no",
    }
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    cooperate = result.actions[1]
    assert (cooperate.id, cooperate.strength) == ("cooperate-formal-review", "must")
    assert "47.2" in cooperate.clauses


def test_serious_case_review_with_consent_is_shared_without_asking_about_risk() -> None:
    answers = {"request": "formal-review", "identity": "checked", "purpose": "understood", "consent": "given"}
    result = evaluate(answers)
    assert result.verdict == "share-relevant"
    assert result.actions[1].id == "cooperate-formal-review"
    assert "38" not in result.citations


def test_doctor_unsure_about_the_risk_is_told_to_discuss_it() -> None:
    answers = {
        "request": "child-protection",
        "identity": "checked",
        "purpose": "understood",
        "consent": "not-sought",
        "public_interest": "unsure",
    }
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    assert [a.id for a in result.actions] == ["act-quickly", "no-condition-yet", "discuss-concerns"]
    assert result.citations == ("46", "48c", "50", "31")


def test_no_condition_for_sharing_means_do_not_share_with_advice_if_in_doubt() -> None:
    answers = {
        "request": "child-protection",
        "identity": "checked",
        "purpose": "understood",
        "consent": "refused",
        "public_interest": "no",
    }
    result = evaluate(answers)
    assert result.verdict == "do-not-share"
    assert [a.id for a in result.actions] == ["act-quickly", "no-condition-yet", "discuss-if-unsure"]


# The flow: one question at a time.


def test_questions_are_asked_in_order_and_skipped_once_the_outcome_is_known() -> None:
    steps = [
        ({}, "request"),
        ({"request": "child-protection"}, "identity"),
        ({"request": "child-protection", "identity": "checked"}, "purpose"),
        ({"request": "child-protection", "identity": "checked", "purpose": "understood"}, "consent"),
        (
            {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "refused"},
            "public_interest",
        ),
    ]
    for answers, expected in steps:
        result = evaluate(answers)
        assert (result.verdict, result.next_question) == (None, expected)
        assert result.citations == ("46",)
        assert [a.id for a in result.actions] == ["act-quickly"]


def test_an_answer_given_ahead_of_its_turn_waits_for_the_earlier_questions() -> None:
    result = evaluate({"identity": "not-checked"})
    assert (result.verdict, result.next_question) == (None, "request")


def test_answers_the_checklist_would_not_ask_are_accepted_but_change_nothing() -> None:
    court = {"request": "court-order", "identity": "checked"}
    with_extras = {**court, "purpose": "unclear", "consent": "refused", "public_interest": "no"}
    assert evaluate(with_extras).verdict == evaluate(court).verdict == "respond-fully"
    assert evaluate(with_extras).actions == evaluate(court).actions
    consented = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    assert evaluate({**consented, "public_interest": "no"}).citations == evaluate(consented).citations


# Exhaustive: every combination of answers, and every partial set, including those the flow never produces.


def test_every_combination_gives_a_verdict_or_a_next_question_and_cites_only_known_paragraphs() -> None:
    known = set(citable_paragraphs(load_guidance()))
    assert len(ANSWER_SETS) == 5 * 3 * 3 * 5 * 4
    verdicts = set()
    for answers in ANSWER_SETS:
        result = evaluate(answers)
        assert (result.verdict is None) != (result.next_question is None), answers
        assert result.next_question not in answers
        assert set(result.citations) <= known, answers
        verdicts.add(result.verdict)
    assert verdicts == {None, *(rule.verdict for rule in RULES)}


def test_every_full_set_of_answers_follows_the_decision_table() -> None:
    for values in itertools.product(*[q.values for q in QUESTIONS]):
        answers = dict(zip([q.id for q in QUESTIONS], values, strict=True))
        assert evaluate(answers).verdict == expected_verdict(answers), answers


def expected_verdict(a: dict[str, str]) -> str:
    """The decision table written out once more, plainly, as an independent check of the rules."""
    if a["identity"] == "not-checked":
        return "verify-identity"
    if a["purpose"] == "unclear" and a["request"] != "court-order":
        return "clarify-request"
    if a["request"] == "court-order":
        return "respond-fully"
    if a["consent"] == "given" or a["public_interest"] == "yes":
        return "share-relevant"
    if a["public_interest"] == "unsure" or a["request"] in ("formal-review", "public-protection"):
        return "seek-advice"
    return "do-not-share"


def test_every_prefix_the_flow_produces_is_asked_or_decided() -> None:
    def walk(answers: dict[str, str]) -> int:
        result = evaluate(answers)
        if result.next_question is None:
            assert result.verdict is not None
            return 1
        question = next(q for q in QUESTIONS if q.id == result.next_question)
        return sum(walk({**answers, question.id: value}) for value in question.values)

    assert walk({}) == 38


# Properties.


@given(answer_sets)
def test_paragraph_46_is_always_cited_and_its_step_comes_first(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    assert result.citations[0] == "46"
    assert result.actions[0].id == "act-quickly"
    assert result.actions[0].paragraphs == ("46",)


@given(answer_sets)
def test_paragraph_38_is_cited_exactly_when_sharing_without_consent(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    sharing_without_consent = result.verdict == "share-relevant" and answers.get("consent") != "given"
    assert ("38" in result.citations) == sharing_without_consent


@given(answer_sets)
def test_next_question_is_never_one_already_answered(answers: dict[str, str]) -> None:
    assert evaluate(answers).next_question not in answers


@given(answer_sets)
def test_answers_not_used_can_be_dropped_without_changing_the_outcome(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    used = {a["question"]: a["answer"] for a in result.to_dict()["answers"] if a["used"]}
    reduced = evaluate(used)
    assert (reduced.verdict, reduced.actions, reduced.citations) == (result.verdict, result.actions, result.citations)


@given(answer_sets)
def test_order_of_the_answers_does_not_matter(answers: dict[str, str]) -> None:
    reversed_answers = dict(reversed(list(answers.items())))
    assert evaluate(reversed_answers, timestamp="t") == evaluate(answers, timestamp="t")


@given(answer_sets)
def test_citations_are_exactly_the_paragraphs_of_the_actions(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    assert set(result.citations) == {p for action in result.actions for p in action.paragraphs}
    assert all(action.strength in ("must", "should") and action.clauses for action in result.actions)


# Bad input.


@pytest.mark.parametrize(
    ("answers", "names"),
    [
        ({"reqest": "court-order"}, ["'reqest'", "request", "identity", "purpose", "consent", "public_interest"]),
        ({1: "court-order"}, ["unknown question 1", "request"]),
        ({"request": "court"}, ["'court'", "'request'", "court-order", "formal-review", "child-protection"]),
        ({"request": "Court-Order"}, ["'Court-Order'", "court-order"]),
        ({"identity": True}, ["'identity'", "bool", "checked, not-checked"]),
        ({"consent": None}, ["'consent'", "NoneType", "given, refused, not-sought, not-possible"]),
        ({"public_interest": ["yes"]}, ["'public_interest'", "list", "yes, no, unsure"]),
        ({"purpose": ""}, ["'purpose'", "understood, unclear"]),
        ([("request", "court-order")], ["must map question ids", "list", "request"]),
        ("request=court-order", ["must map question ids", "str"]),
        (None, ["must map question ids", "NoneType"]),
    ],
)
def test_bad_answers_raise_answer_error_naming_the_question_and_what_is_allowed(
    answers: object, names: list[str]
) -> None:
    with pytest.raises(AnswerError) as raised:
        evaluate(answers)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)
    for name in names:
        assert name in str(raised.value)


def test_answer_error_carries_the_question_and_allowed_values() -> None:
    with pytest.raises(AnswerError) as raised:
        evaluate({"identity": "maybe"})
    assert raised.value.question == "identity"
    assert raised.value.allowed == ("checked", "not-checked")


def test_a_time_stamp_that_is_not_text_is_rejected() -> None:
    with pytest.raises(AnswerError, match="timestamp must be text"):
        evaluate({}, timestamp=1700000000)  # type: ignore[arg-type]
