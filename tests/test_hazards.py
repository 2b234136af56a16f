"""The clinical-safety hazard log: validated like the other data, guarded by tests that exist, shown on the site."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from checklist import DataError
from checklist.hazards import HIGHEST_ACCEPTABLE_RESIDUAL, LIKELIHOODS, SEVERITIES, Risk, load_hazards, risk_rating

from .bad_data import assert_rejected, edited_copy

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "checklist" / "data" / "hazards.toml"

# A well-formed log of one hazard, for the malformed variants below.
GOOD_LOG = """\
[log]
system = "A system."
standard = "A standard."
intended_use = "A use."
intended_users = ["Doctors."]
not_intended_use = ["Deciding for the doctor."]

[[hazards]]
id = "H01"
title = "A hazard"
cause = "A cause."
effect = "An effect."
harm = "A harm."
severity = "major"
likelihood = "medium"
controls = ["A control."]
tests = ["tests/test_rules.py::test_a_rule"]
residual_severity = "major"
residual_likelihood = "very-low"
residual_note = "A note."

[[hazards]]
id = "H03"
title = "Another hazard"
cause = "A cause."
effect = "An effect."
harm = "A harm."
severity = "minor"
likelihood = "low"
controls = ["A control."]
tests = ["tests/test_rules.py::TestRules::test_a_rule"]
residual_severity = "minor"
residual_likelihood = "very-low"
residual_note = "A note."
"""

BAD_LOGS = [
    ("bad severity", 'severity = "minor"', 'severity = "bad"', "hazard H03", "severity", "'bad' is not one of minor"),
    (
        "bad likelihood",
        'likelihood = "medium"',
        'likelihood = "often"',
        "hazard H01",
        "likelihood",
        "'often' is not one of very-low, low",
    ),
    (
        "bad residual severity",
        'residual_severity = "minor"',
        'residual_severity = "Minor"',
        "hazard H03",
        "residual_severity",
        "is not one of",
    ),
    (
        "bad residual likelihood",
        'residual_likelihood = "very-low"\nresidual_note = "A note."\n\n[[hazards]]',
        'residual_likelihood = 1\nresidual_note = "A note."\n\n[[hazards]]',
        "hazard H01",
        "residual_likelihood",
        "must be text",
    ),
    (
        "no tests",
        'tests = ["tests/test_rules.py::test_a_rule"]',
        "tests = []",
        "hazard H01",
        "tests",
        "at least one test",
    ),
    (
        "tests missing",
        'tests = ["tests/test_rules.py::test_a_rule"]\n',
        "",
        "hazard H01",
        "tests",
        "is missing",
    ),
    (
        "test id not a pytest id",
        '"tests/test_rules.py::test_a_rule"',
        '"test_rules.py::test_a_rule"',
        "hazard H01",
        "tests[0]",
        "must look like tests/test_<file>.py::test_<name>",
    ),
    (
        "test id with parameters",
        '"tests/test_rules.py::test_a_rule"',
        '"tests/test_rules.py::test_a_rule[court-order]"',
        "hazard H01",
        "tests[0]",
        "without its [parameters]",
    ),
    (
        "test named twice",
        '"tests/test_rules.py::test_a_rule"',
        '"tests/test_rules.py::test_a_rule", "tests/test_rules.py::test_a_rule"',
        "hazard H01",
        "tests[1]",
        "named twice",
    ),
    ("no controls", 'controls = ["A control."]', "controls = []", "hazard H01", "controls", "at least one entry"),
    ("unknown key", 'title = "A hazard"', 'title = "A hazard"\nrating = 3', "hazard H01", "rating", "unknown key"),
    ("bad id", 'id = "H03"', 'id = "H3"', "hazard H3", "id", "must be H followed by two digits"),
    ("duplicate id", 'id = "H03"', 'id = "H01"', "hazard H01", "id", "duplicate id 'H01'"),
    ("empty harm", 'harm = "A harm."', 'harm = " "', "hazard H01", "harm", "must not be empty"),
    ("unknown log key", 'system = "A system."', 'system = "A system."\nversion = 2', "log", "version", "unknown key"),
    ("log without users", 'intended_users = ["Doctors."]', "intended_users = []", "log", "intended_users", "at least"),
    ("unknown top-level key", "[log]", "owner = 'someone'\n[log]", "file", "owner", "unknown key"),
]


@pytest.mark.parametrize(("case", "old", "new", "item", "field", "words"), BAD_LOGS, ids=[c[0] for c in BAD_LOGS])
def test_bad_hazard_logs_are_rejected_naming_file_hazard_and_field(
    tmp_path: Path, case: str, old: str, new: str, item: str, field: str, words: str
) -> None:
    assert_rejected(load_hazards, edited_copy(GOOD_LOG, old, new, tmp_path / "hazards.toml"), item, field, words)


def test_the_good_log_loads_and_the_real_log_names_its_own_file(tmp_path: Path) -> None:
    good = tmp_path / "hazards.toml"
    good.write_text(GOOD_LOG, encoding="utf-8")
    assert [hazard.id for hazard in load_hazards(good).hazards] == ["H01", "H03"]
    broken = tmp_path / "broken.toml"
    broken.write_text(
        DATA_FILE.read_text(encoding="utf-8").replace('severity = "major"', 'severity = "bad"', 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_hazards(broken)
    assert str(caught.value).startswith(f"{broken}: hazard H01, field 'severity': 'bad' is not one of minor, ")
    assert load_hazards().hazards[0].id == "H01"  # the package's own file, read as the build reads it


def test_ratings_follow_the_dcb0129_matrix() -> None:
    # Likelihood rows from very high to very low; severity columns from minor to catastrophic.
    expected = [[3, 4, 4, 5, 5], [2, 3, 3, 4, 5], [2, 2, 3, 3, 4], [1, 2, 2, 3, 4], [1, 1, 2, 2, 3]]
    assert [[risk_rating(s, k) for s in SEVERITIES] for k in reversed(LIKELIHOODS)] == expected


# The real log.


@cache
def _test_names(test_file: Path) -> frozenset[str]:
    """The tests a test file defines: ``name`` for a module-level test, ``Class::name`` for a test in a class."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"), filename=str(test_file))
    names: set[str] = set()
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    for node in tree.body:
        if isinstance(node, functions) and node.name.startswith("test"):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names |= {f"{node.name}::{f.name}" for f in node.body if isinstance(f, functions)}
    return frozenset(names)


def _exists(test_id: str) -> bool:
    path, _, name = test_id.partition("::")
    test_file = ROOT / path
    return test_file.is_file() and name in _test_names(test_file)


def test_every_test_the_log_names_exists() -> None:
    missing = [
        f"{hazard.id}: {test}" for hazard in load_hazards().hazards for test in hazard.tests if not _exists(test)
    ]
    assert missing == [], "tests the hazard log names that do not exist:\n" + "\n".join(missing)


def test_every_hazard_names_a_test_and_the_log_covers_the_known_hazards() -> None:
    hazards = load_hazards().hazards
    assert [hazard for hazard in hazards if not hazard.tests] == []
    assert {f"H{number:02}" for number in range(1, 11)} <= {hazard.id for hazard in hazards}


def test_no_residual_risk_is_higher_than_initial_or_unacceptable() -> None:
    problems = []
    for hazard in load_hazards().hazards:
        initial, residual = hazard.initial, hazard.residual
        if residual.rating > initial.rating:
            problems.append(f"{hazard.id}: residual rating {residual.rating} is above initial {initial.rating}")
        if residual.rating > HIGHEST_ACCEPTABLE_RESIDUAL:
            problems.append(f"{hazard.id}: residual rating {residual.rating} is {residual.acceptability}")
        if SEVERITIES.index(residual.severity) > SEVERITIES.index(initial.severity):
            problems.append(f"{hazard.id}: residual severity {residual.severity} is above {initial.severity}")
        if LIKELIHOODS.index(residual.likelihood) > LIKELIHOODS.index(initial.likelihood):
            problems.append(f"{hazard.id}: residual likelihood {residual.likelihood} is above {initial.likelihood}")
    assert problems == [], "\n".join(problems)


# The page.


@pytest.fixture(scope="module")
def hazard_page(built_site: Path) -> BeautifulSoup:
    return BeautifulSoup(
        (built_site / "safety" / "hazard-log" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def _shown(rating: Tag, risk: Risk) -> bool:
    text = f"{risk.rating} {risk.rating_name} ({risk.acceptability})"
    return rating["data-rating"] == str(risk.rating) and rating.get_text() == text


def test_the_page_shows_every_hazard_with_its_computed_ratings(hazard_page: BeautifulSoup) -> None:
    log = load_hazards()
    rows = hazard_page.select("table tr:has(a[href^='#hazard-'])")
    assert [row.select_one("td").get_text().split()[0] for row in rows] == [hazard.id for hazard in log.hazards]
    sections = hazard_page.select("section.hazard")
    assert [section["data-hazard"] for section in sections] == [hazard.id for hazard in log.hazards]
    for hazard, row, section in zip(log.hazards, rows, sections, strict=True):
        link = row.select_one("a")
        assert (link.get_text(), link["href"]) == (hazard.title, f"#{hazard.anchor}")
        assert section.select_one(f"h3#{hazard.anchor}").get_text().startswith(f"{hazard.id}. {hazard.title}")
        for place in (row, section):
            assert _shown(place.select_one("[data-risk='initial']"), hazard.initial), hazard.id
            assert _shown(place.select_one("[data-risk='residual']"), hazard.residual), hazard.id
        assert [code.get_text() for code in section.select("li > code")] == list(hazard.tests)
        text = section.get_text(" ")
        for words in (hazard.cause, hazard.effect, hazard.harm, hazard.residual_note, *hazard.controls):
            assert " ".join(words.split()) in " ".join(text.split()), hazard.id


def test_the_page_shows_the_risk_matrix_and_the_intended_use(hazard_page: BeautifulSoup) -> None:
    matrix = hazard_page.find("h2", id="risk-matrix").find_next("table")
    cells = [[td.get_text() for td in tr.select("td")[1:]] for tr in matrix.select("tbody tr")]
    assert [[int(cell.split()[0]) for cell in row] for row in cells] == [
        [risk_rating(s, k) for s in SEVERITIES] for k in reversed(LIKELIHOODS)
    ]
    text = " ".join(hazard_page.get_text(" ").split())
    assert " ".join(load_hazards().intended_use.split()) in text
    assert "never replaces" in text
