"""The checklist's words load from data, cite what exists, and bad data is rejected clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import DataError, load_checklist
from checklist.rules import RULES, check_rules_against_words

from .bad_data import assert_rejected, edited_copy

DATA_FILE = Path(__file__).resolve().parent.parent / "checklist" / "data" / "questions.toml"


def test_every_outcome_of_the_decision_table_has_words() -> None:
    checklist = load_checklist()
    assert [v.id for v in checklist.verdicts] == [
        "outside-scope",
        "verify-identity",
        "clarify-request",
        "respond-fully",
        "ask-consent",
        "share-relevant",
        "seek-advice",
        "do-not-share",
    ]
    assert all(v.title and v.text for v in checklist.verdicts)


def test_action_strength_comes_from_the_clauses_it_applies() -> None:
    checklist = load_checklist()
    assert checklist.action("respond-to-court-order").strength == "must"
    assert checklist.action("cooperate-formal-review").strength == "must"
    assert checklist.action("cooperate-public-protection").strength == "should"
    assert checklist.action("share-relevant-only").paragraphs == ("49",)
    assert checklist.action("tell-after-sharing").paragraphs == ("49", "38")
    assert checklist.action("own-concern").strength == "must"
    assert checklist.action("whom-to-ask").paragraphs == ("35",)
    assert checklist.action("respond-to-court-order").paragraphs == ("47", "Confidentiality 21", "31")


def test_our_words_never_contain_a_quotation_mark_of_the_guidance() -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    for quote in ("\u201c", "\u201d", "You must", "You should"):
        assert quote not in text


def _load_afresh(path: Path) -> None:
    """Load the data at ``path``, not from the loader's cache, and leave nothing of it there."""
    load_checklist.cache_clear()
    try:
        load_checklist(path)
    finally:
        load_checklist.cache_clear()


def load_with(tmp_path: Path, old: str, new: str) -> None:
    """Load a copy of the real data with one edit, which must exist in the original."""
    _load_afresh(_broken_copy(tmp_path, old, new))


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    return edited_copy(DATA_FILE.read_text(encoding="utf-8"), old, new, tmp_path / "questions.toml")


@pytest.mark.parametrize(
    ("old", "new", "item", "field", "problem"),
    [
        ('[[verdicts]]\nid = "verify-identity"', '[[verdict]]\nid = "verify-identity"', "file", "verdict", "unknown"),
        ('id = "identity"', 'id = "request"', "question request", "id", "duplicate"),
        ('id = "identity"', 'id = "Identity"', "question Identity", "id", "lower-case"),
        ('text = "Have you checked who is asking?"\n', "", "question identity", "text", "missing"),
        ('text = "Have you checked who is asking?"', 'text = "  "', "question identity", "text", "empty"),
        ('paragraphs = ["46", "47", "31"]', 'paragraphs = ["46", "51"]', "question request", "paragraphs[1]", "no"),
        ('paragraphs = ["46", "47", "31"]', 'paragraphs = ["47", "47"]', "question request", "paragraphs[1]", "twice"),
        ('paragraphs = ["46", "47", "31"]', 'paragraphs = "47"', "question request", "paragraphs", "must be a list"),
        ('value = "checked"', 'value = "not-checked"', "question identity", "options[1].value", "duplicate"),
        ('value = "checked"', 'value = "Checked"', "question identity", "options[0].value", "lower-case"),
        (
            '{ value = "yes", label = "Yes,',
            '{ value = "yes", lable = "Yes,',
            "question public_interest",
            "options[0].lable",
            "unknown key",
        ),
        ('id = "do-not-share"\ntitle', 'id = "seek-advice"\ntitle', "verdict seek-advice", "id", "duplicate"),
        ('title = "Get advice before you decide"', "title = 3", "verdict seek-advice", "title", "must be text"),
        ('clauses = ["47.4"]', 'clauses = ["47.9"]', "action cooperate-public-protection", "clauses[0]", "no clause"),
        ('clauses = ["47.4"]', "clauses = []", "action cooperate-public-protection", "clauses", "at least one"),
        (
            'clauses = ["47.4"]',
            'clauses = ["47.1", "47.4"]',
            "action cooperate-public-protection",
            "clauses",
            "found must and should",
        ),
        ('clauses = ["32.1"]', 'clauses = ["32.9"]', "action own-concern", "clauses[0]", "no clause or summary point"),
        (
            'recorded = "identity checked", rests_on = ["48a"]',
            'recorded = "identity checked", rests_on = ["48z"]',
            "question identity",
            "options[0].rests_on[0]",
            "no paragraph or summary point '48z'",
        ),
        ('clauses = ["32.1"]', 'clauses = ["34.1"]', "action own-concern", "text", "our 'must' stands on a must"),
        (
            'clauses = ["35.1", "35.2", "35.3"]',
            'clauses = ["35.1", "44.2"]',
            "action whom-to-ask",
            "clauses",
            "found must and should",
        ),
        (
            'clauses = ["47.2", "47.3"]',
            'clauses = ["47.3"]',
            "action cooperate-formal-review",
            "clauses",
            "found only context",
        ),
        (
            'clauses = ["47.1", "Confidentiality 21.1"]\nparagraphs = ["31"]',
            'clauses = ["47.1", "Confidentiality 21.1"]\nparagraphs = ["47"]',
            "action respond-to-court-order",
            "paragraphs[0]",
            "already cited",
        ),
        (
            'clauses = ["47.1", "Confidentiality 21.1"]\nparagraphs = ["31"]',
            'clauses = ["47.1", "Confidentiality 21.1"]\nparagraphs = ["0-18"]',
            "action respond-to-court-order",
            "paragraphs[0]",
            "no paragraph",
        ),
    ],
)
def test_bad_data_is_rejected_naming_file_item_and_field(
    tmp_path: Path, old: str, new: str, item: str, field: str, problem: str
) -> None:
    assert_rejected(_load_afresh, _broken_copy(tmp_path, old, new), item, field, problem)


def test_a_question_with_one_option_is_rejected(tmp_path: Path) -> None:
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    second_option = next(line for line in lines if 'value = "not-checked"' in line)
    with pytest.raises(DataError, match="question identity, field 'options': a question needs at least two options"):
        load_with(tmp_path, second_option, "")


def test_toml_syntax_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_with(tmp_path, 'id = "request"', 'id = "request')
    assert raised.value.field == "(syntax)"


def test_the_data_words_exactly_the_verdicts_and_actions_the_rules_use() -> None:
    check_rules_against_words()  # raises DataError naming the file and the id otherwise
    checklist = load_checklist()
    assert {rule.verdict for rule in RULES} == {verdict.id for verdict in checklist.verdicts}
