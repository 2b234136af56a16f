"""One comparison of two outcomes: a saved record on today's rules, and "what if one answer were different"."""

from __future__ import annotations

import pytest

from checklist import evaluate, load_checklist
from checklist.recheck import RecordError, recheck, what_if
from checklist.rules import decision_table_version

ANSWERS = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "refused"}
PLANTED = "Share the complete record now"


def test_a_record_of_todays_checklist_is_unchanged() -> None:
    record = evaluate({**ANSWERS, "public_interest": "no"}, timestamp="2026-05-01T09:00:00+01:00").to_dict()
    result = recheck(record)
    assert (result["same_version"], result["unchanged"], result["verdict"]["same"]) == (True, True, True)
    assert result["saved_version"] == result["current_version"] == decision_table_version()
    assert result["steps"] == {"added": [], "dropped": [], "changed": []}


def test_a_changed_record_shows_what_differs_in_todays_words_never_the_files() -> None:
    record = evaluate({**ANSWERS, "public_interest": "no"}).to_dict()
    record["rules_version"] = PLANTED
    record["verdict"] = {**record["verdict"], "id": "share-all", "title": PLANTED}
    record["actions"][1] = {**record["actions"][1], "text": PLANTED}
    record["actions"].append({"id": "no-such-step", "text": PLANTED, "strength": "must", "paragraphs": ["47"]})
    record["citations"].append({"paragraph": PLANTED})
    result = recheck(record)
    assert PLANTED not in str(result)
    assert (result["same_version"], result["saved_version"], result["unchanged"]) == (False, None, False)
    assert result["verdict"]["before"] == "An outcome this checklist no longer has"
    assert result["steps"]["dropped"][0]["text"] == "A step this checklist no longer gives"
    assert [s["text"] for s in result["steps"]["changed"]] == [
        evaluate({**ANSWERS, "public_interest": "no"}).actions[1].text
    ]


@pytest.mark.parametrize(
    ("saved", "words"),
    [
        ([], "it has no list of answers"),
        ({"answers": "request=court-order"}, "it has no list of answers"),
        ({"answers": [{"q": "request"}]}, "an answer is not readable"),
        ({"answers": [{"question": "request", "answer": PLANTED}]}, "its answer to “What kind of request is it?”"),
    ],
)
def test_a_file_that_is_not_a_record_is_refused_without_repeating_it(saved: object, words: str) -> None:
    with pytest.raises(RecordError) as raised:
        recheck(saved)
    assert words in str(raised.value) and PLANTED not in str(raised.value)


def test_what_if_compares_the_outcome_with_one_answer_changed() -> None:
    answers = {**ANSWERS, "public_interest": "no"}
    change = what_if(answers, "public_interest", "yes")
    before, after = evaluate(answers), evaluate({**answers, "public_interest": "yes"})
    titles = {v.id: v.title for v in load_checklist().verdicts}
    assert change["verdict"] == {
        "before": titles[before.verdict],
        "after": titles[after.verdict],
        "after_id": after.verdict,
        "same": False,
    }
    assert change["citations"]["after"] == list(after.citations)
    assert change["citations"]["added"] == [p for p in after.citations if p not in before.citations]
    assert change["citations"]["dropped"] == [p for p in before.citations if p not in after.citations]
    pending = what_if({"request": "court-order", "identity": "checked"}, "request", "formal-review")
    assert pending["verdict"]["after"].startswith("Not decided yet: the checklist would next ask")
