"""The decision table's outcomes: the contract other code relies on, realistic requests with the steps and
paragraphs each outcome gives, and what every outcome must carry (act quickly, the doctor's own concern)."""

from __future__ import annotations

from checklist import QUESTIONS, evaluate, load_checklist, load_guidance
from checklist.rules import RULES

from .answer_sets import CHECKED, FULL_ANSWER_SETS


def action_ids(answers: dict[str, str]) -> list[str]:
    return [action.id for action in evaluate(answers).actions]


# The contract other code relies on.


def test_question_ids_values_and_order_are_fixed() -> None:
    assert [(q.id, q.values) for q in QUESTIONS] == [
        (
            "request",
            (
                "court-order",
                "required-by-law",
                "formal-review",
                "public-protection",
                "child-protection",
                "other-purpose",
            ),
        ),
        ("identity", ("checked", "not-checked")),
        ("purpose", ("understood", "unclear")),
        ("consent", ("given", "refused", "not-asked", "cannot-ask")),
        ("public_interest", ("yes", "no", "unsure")),
    ]


def test_rules_decide_in_the_order_of_the_decision_table() -> None:
    """The table's order is the data's, which test_questions_data.py names."""
    assert [rule.verdict for rule in RULES] == [verdict.id for verdict in load_checklist().verdicts]


def test_questions_are_plain_words_with_hints_and_paragraphs() -> None:
    for question in QUESTIONS:
        assert question.text.endswith("?")
        assert question.hint and question.paragraphs
        assert all(option.label and option.hint for option in question.options)


# Realistic requests.


def test_unknown_caller_saying_they_are_police_is_checked_first_on_a_number_found_independently() -> None:
    answers = {"request": "child-protection", "identity": "not-checked"}
    result = evaluate(answers)
    assert result.verdict == "verify-identity"
    assert result.next_question is None
    assert action_ids(answers) == ["act-quickly", "check-identity", "own-concern"]
    call_back = load_checklist().action("check-identity").text
    assert "a number you have found yourself" in call_back and "not on a number the caller gives you" in call_back
    assert result.citations == ("46", "48", "48a", "32")


def test_court_order_is_answered_fully_with_irrelevant_demands_objected_to_and_a_record() -> None:
    asked = evaluate({"request": "court-order"})
    assert asked.next_question == "identity"
    result = evaluate({"request": "court-order", "identity": "checked"})
    assert result.verdict == "respond-fully"
    assert [(a.id, a.strength) for a in result.actions] == [
        ("act-quickly", "should"),
        ("respond-to-court-order", "must"),
        ("object-to-irrelevant", "should"),
        ("record-disclosure", "should"),
    ]
    assert result.actions[1].clauses == ("47.1", "Confidentiality 21.1")
    assert result.citations == ("46", "47", "31", "38", "Confidentiality 21")


def test_a_legal_requirement_that_is_not_a_court_order_is_disclosed_without_asking_consent() -> None:
    result = evaluate({"request": "required-by-law", "identity": "checked"})
    assert result.verdict == "respond-fully"
    assert action_ids({"request": "required-by-law", "identity": "checked"}) == [
        "act-quickly",
        "disclose-what-the-law-requires",
        "record-disclosure",
    ]
    assert "31" in result.citations and "47" not in result.citations


def test_a_court_order_or_notice_of_doubtful_origin_is_checked_before_it_is_obeyed() -> None:
    for request, step in (("court-order", "check-court-order"), ("required-by-law", "check-legal-notice")):
        result = evaluate({"request": request, "identity": "not-checked"})
        assert result.verdict == "verify-identity"
        assert [a.id for a in result.actions] == ["act-quickly", step, "own-concern"]


def test_a_request_not_for_child_protection_is_outside_the_guidance_and_cites_no_paragraph_of_it() -> None:
    result = evaluate({"request": "other-purpose"})
    assert result.verdict == "outside-scope"
    assert [a.id for a in result.actions] == ["outside-scope-consent", "own-concern"]
    assert result.citations == ("31", "32", "34")
    assert not set(result.citations) & {p.id for p in load_guidance().paragraphs}


def test_social_worker_with_consent_shares_what_is_relevant() -> None:
    answers = {"request": "child-protection", **CHECKED, "consent": "given"}
    result = evaluate(answers)
    assert result.verdict == "share-relevant"
    assert action_ids(answers) == ["act-quickly", "basis-consent", "share-relevant-only", "not-complete-records"]
    assert "38" not in result.citations
    assert result.citations == ("46", "48c", "49", "31")


def test_nobody_asked_for_consent_means_ask_first_saying_whom_and_what_to_explain() -> None:
    answers = {"request": "child-protection", **CHECKED, "consent": "not-asked"}
    result = evaluate(answers)
    assert result.verdict == "ask-consent"
    assert action_ids(answers) == ["act-quickly", "ask-for-consent", "whom-to-ask", "own-concern"]
    assert result.citations == ("46", "32", "34", "35")
    whom = load_checklist().action("whom-to-ask")
    assert whom.clauses == ("35.1", "35.2", "35.3") and whom.strength == "should"


def test_a_formal_review_still_asks_for_consent_first_and_says_the_duty_to_cooperate_is_a_must() -> None:
    answers = {"request": "formal-review", **CHECKED, "consent": "not-asked"}
    result = evaluate(answers)
    assert result.verdict == "ask-consent"
    assert (result.actions[1].id, result.actions[1].strength) == ("cooperate-formal-review", "must")


def test_police_asking_without_saying_why_are_asked_to_clarify() -> None:
    answers = {"request": "child-protection", "identity": "checked", "purpose": "unclear"}
    result = evaluate(answers)
    assert result.verdict == "clarify-request"
    assert [a.id for a in result.actions] == ["act-quickly", "clarify-purpose", "own-concern"]
    assert result.citations == ("46", "48", "48b", "32")


def test_mappa_request_without_a_basis_needs_advice_a_should_cooperate_and_a_question_about_legal_power() -> None:
    answers = {"request": "public-protection", **CHECKED, "consent": "refused", "public_interest": "no"}
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    cooperate = result.actions[1]
    assert (cooperate.id, cooperate.strength, cooperate.clauses) == ("cooperate-public-protection", "should", ("47.4",))
    assert [a.id for a in result.actions][2:] == [
        "ask-about-legal-power",
        "no-condition-yet",
        "discuss-concerns",
        "discuss-without-naming",
        "own-concern",
        "record-decision",
    ]
    assert "duty to cooperate" not in load_checklist().verdict("seek-advice").text


def test_mappa_request_where_sharing_is_in_the_public_interest_tells_the_person_the_information_is_about() -> None:
    answers = {"request": "public-protection", **CHECKED, "consent": "cannot-ask", "public_interest": "yes"}
    result = evaluate(answers)
    assert result.verdict == "share-relevant"
    assert action_ids(answers) == [
        "act-quickly",
        "cooperate-public-protection",
        "basis-public-interest",
        "share-relevant-only",
        "not-complete-records",
        "tell-after-sharing",
        "record-sharing",
    ]
    assert result.citations == ("46", "47", "48c", "49", "31", "38")
    tell = load_checklist().action("tell-after-sharing").text
    assert "the person the information is about" in tell
    assert "parental responsibility" not in tell


def test_formal_review_without_a_basis_needs_advice_and_a_must_cooperate() -> None:
    answers = {"request": "formal-review", **CHECKED, "consent": "cannot-ask", "public_interest": "no"}
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    cooperate = result.actions[1]
    assert (cooperate.id, cooperate.strength) == ("cooperate-formal-review", "must")
    assert "47.2" in cooperate.clauses


def test_doctor_unsure_about_the_benefits_discusses_without_naming_and_may_share_limited_information() -> None:
    answers = {"request": "child-protection", **CHECKED, "consent": "refused", "public_interest": "unsure"}
    result = evaluate(answers)
    assert result.verdict == "seek-advice"
    assert [(a.id, a.strength) for a in result.actions] == [
        ("act-quickly", "should"),
        ("no-condition-yet", "should"),
        ("discuss-concerns", "should"),
        ("discuss-without-naming", "should"),
        ("share-limited-to-judge", "should"),
        ("consent-for-limited-sharing", "must"),
        ("own-concern", "must"),
        ("record-decision", "should"),
    ]
    assert result.citations == ("46", "48c", "50", "31", "32", "38", "43", "44")


def test_a_doctor_who_does_not_judge_the_risk_serious_can_still_share_in_the_public_interest() -> None:
    question = load_checklist().question("public_interest")
    words = f"{question.text} {question.hint}".lower()
    assert "serious harm" not in words
    assert "outweigh" in words and "need to be certain" in words
    answers = {"request": "child-protection", **CHECKED, "consent": "refused", "public_interest": "yes"}
    assert evaluate(answers).verdict == "share-relevant"


def test_no_condition_for_sharing_means_do_not_share_for_now_with_a_record_review_and_the_concern_duty() -> None:
    answers = {"request": "child-protection", **CHECKED, "consent": "refused", "public_interest": "no"}
    result = evaluate(answers)
    assert result.verdict == "do-not-share"
    assert [(a.id, a.strength) for a in result.actions] == [
        ("act-quickly", "should"),
        ("tell-requester-no-basis", "should"),
        ("own-concern", "must"),
        ("record-decision", "should"),
        ("keep-under-review", "should"),
        ("tell-agency-if-concerned-later", "must"),
        ("discuss-if-unsure", "should"),
    ]
    assert result.citations == ("46", "48c", "50", "31", "32", "38", "45")


def test_a_parents_consent_never_overrides_a_competent_childs_refusal() -> None:
    consent = load_checklist().question("consent")
    assert "does not count if the child or young person has capacity" in consent.option("given").hint
    assert "stands, even if a parent agrees" in consent.option("refused").hint
    point = load_guidance().referred("31").points[1]
    assert point.id == "31b" and "does not take the place of the consent of a child or young person" in point.text


# Every outcome that does not share tells the doctor what to do about their own concern (paragraph 32, must).

NOT_SHARING = {"outside-scope", "verify-identity", "clarify-request", "ask-consent", "seek-advice", "do-not-share"}


def test_every_outcome_that_does_not_share_carries_the_must_of_paragraph_32() -> None:
    for answers in FULL_ANSWER_SETS:
        result = evaluate(answers)
        if result.verdict in NOT_SHARING:
            own = [a for a in result.actions if a.id == "own-concern"]
            assert own and own[0].strength == "must" and own[0].clauses == ("32.1",), answers
            assert "32" in result.citations


def test_every_outcome_but_outside_scope_cites_46_and_says_act_quickly_first() -> None:
    for answers in FULL_ANSWER_SETS:
        result = evaluate(answers)
        if result.verdict == "outside-scope":
            assert "46" not in result.citations and "act-quickly" not in action_ids(answers)
        else:
            assert result.citations[0] == "46" and result.actions[0].id == "act-quickly", answers
