"""Properties of the rules by hypothesis over any set of answers, and bad input rejected with an error that
names the question and what it allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import QUESTIONS, AnswerError, evaluate

answer_sets = st.fixed_dictionaries({}, optional={q.id: st.sampled_from(q.values) for q in QUESTIONS})


# Properties.


@given(answer_sets)
def test_paragraph_46_is_cited_and_its_step_comes_first_unless_the_request_is_outside_the_guidance(
    answers: dict[str, str],
) -> None:
    result = evaluate(answers)
    if result.verdict == "outside-scope":
        return
    assert result.citations[0] == "46"
    assert result.actions[0].id == "act-quickly"
    assert result.actions[0].paragraphs == ("46",)


@given(answer_sets)
def test_the_person_is_told_exactly_when_sharing_without_consent(answers: dict[str, str]) -> None:
    result = evaluate(answers)
    sharing_without_consent = result.verdict == "share-relevant" and answers.get("consent") != "given"
    assert ("tell-after-sharing" in [a.id for a in result.actions]) == sharing_without_consent


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


@given(answer_sets)
def test_the_questions_asked_are_the_flows_path_and_its_answers_alone_give_the_same_outcome(
    answers: dict[str, str],
) -> None:
    result = evaluate(answers)
    order = [q.id for q in QUESTIONS]
    assert list(result.asked) == order[: len(result.asked)], "asked in order, none skipped"
    assert set(result.asked) <= set(answers) and result.next_question not in result.asked
    alone = evaluate({q: answers[q] for q in result.asked})
    assert (alone.verdict, alone.next_question, alone.actions) == (result.verdict, result.next_question, result.actions)


# Bad input.


@pytest.mark.parametrize(
    ("answers", "names"),
    [
        ({"reqest": "court-order"}, ["'reqest'", "request", "identity", "purpose", "consent", "public_interest"]),
        ({1: "court-order"}, ["unknown question 1", "request"]),
        ({"request": "court"}, ["'court'", "'request'", "court-order", "required-by-law", "other-purpose"]),
        ({"request": "Court-Order"}, ["'Court-Order'", "court-order"]),
        ({"identity": True}, ["'identity'", "bool", "checked, not-checked"]),
        ({"consent": None}, ["'consent'", "NoneType", "given, refused, not-asked, cannot-ask"]),
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
