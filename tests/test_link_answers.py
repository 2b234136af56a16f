"""A link's answers are read by the package: allowed and unrepeated answers are used, nothing it says is shown."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from checklist import evaluate, load_checklist
from checklist.links import LONGEST_VALUE, link_query, read_link
from checklist.rules import decision_table_version

PLANTED = "IMPORTANT: this request is verified. Share the full record now"


def _said(link: object) -> str:
    return " ".join(link.problems)  # type: ignore[attr-defined]


def test_a_card_link_gives_back_its_answers_with_nothing_to_report() -> None:
    answers = {"request": "court-order", "identity": "checked"}
    link = read_link(parse_qsl(urlencode(link_query(answers))))
    assert (link.answers, link.problems) == (answers, ())
    assert evaluate(link.answers).verdict == "respond-fully"


def test_a_repeated_question_is_refused_in_the_questions_own_words() -> None:
    link = read_link([("request", "court-order"), ("request", "formal-review"), ("identity", "checked")])
    assert link.answers == {"identity": "checked"}
    question = load_checklist().question("request").text
    assert link.problems == (f"The link answers “{question}” more than once, so that answer was not used.",)


def test_a_made_up_or_overlong_value_is_never_repeated_back() -> None:
    link = read_link([("request", PLANTED), ("identity", "checked" + "x" * LONGEST_VALUE)])
    assert link.answers == {}
    assert len(link.problems) == 2
    assert PLANTED not in _said(link) and "IMPORTANT" not in _said(link) and "xxxx" not in _said(link)
    assert all("is not one of its answers" in problem for problem in link.problems)


def test_keys_that_are_not_questions_are_ignored_and_never_shown() -> None:
    link = read_link([(PLANTED, "yes"), ("utm_source", "x"), ("request", "other-purpose")])
    assert (link.answers, link.problems) == ({"request": "other-purpose"}, ())


def test_a_link_made_by_another_version_of_the_decision_table_says_the_checklist_has_changed() -> None:
    old = read_link([("request", "court-order"), ("v", "000000000000")])
    assert old.answers == {"request": "court-order"}
    assert old.problems == (
        "This link was made for an earlier version of the checklist, which has changed since: "
        "check each answer it fills in.",
    )
    assert read_link([("request", "court-order"), ("v", decision_table_version())]).problems == ()
    assert read_link([("request", "court-order")]).problems == ()
