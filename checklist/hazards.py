"""Load and validate the clinical-safety hazard log (``data/hazards.toml``).

The log follows the structure of DCB0129: each hazard has a cause, an effect, the
possible harm, an initial risk, the controls in the product, the automated tests that
guard those controls, and a residual risk. A risk's rating is computed here from its
severity and likelihood with the standard 5 × 5 matrix, never written by hand, so a
rating can never disagree with the assessment it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .validation import Table, read_source, root, unique

HAZARDS_FILE = "hazards.toml"

# DCB0129's categories, least to most.
SEVERITIES = ("minor", "significant", "considerable", "major", "catastrophic")
LIKELIHOODS = ("very-low", "low", "medium", "high", "very-high")

# The DCB0129 / DCB0160 risk matrix: for each likelihood, the rating for each severity, minor to catastrophic.
RISK_MATRIX: dict[str, tuple[int, int, int, int, int]] = {
    "very-high": (3, 4, 4, 5, 5),
    "high": (2, 3, 3, 4, 5),
    "medium": (2, 2, 3, 3, 4),
    "low": (1, 2, 2, 3, 4),
    "very-low": (1, 1, 2, 2, 3),
}
RATING_NAMES = {1: "very low", 2: "low", 3: "medium", 4: "high", 5: "very high"}
ACCEPTABILITY = {1: "acceptable", 2: "acceptable", 3: "undesirable", 4: "unacceptable", 5: "unacceptable"}
# The highest rating a residual risk may keep: 4 and 5 are unacceptable.
HIGHEST_ACCEPTABLE_RESIDUAL = 3

_HAZARD_ID = re.compile(r"H[0-9]{2}")
# A pytest node id without parameters: tests/<file>.py::<test> or tests/<file>.py::<Class>::<test>.
_TEST_ID = re.compile(r"tests/(?:[A-Za-z0-9_]+/)*test_[A-Za-z0-9_]+\.py::(?:Test[A-Za-z0-9_]*::)?test_[A-Za-z0-9_]*")


def risk_rating(severity: str, likelihood: str) -> int:
    """The matrix's rating (1 to 5) for a severity and a likelihood."""
    return RISK_MATRIX[likelihood][SEVERITIES.index(severity)]


@dataclass(frozen=True)
class Risk:
    """A severity and a likelihood; the rating follows from them."""

    severity: str
    likelihood: str

    @property
    def rating(self) -> int:
        return risk_rating(self.severity, self.likelihood)

    @property
    def rating_name(self) -> str:
        return RATING_NAMES[self.rating]

    @property
    def acceptability(self) -> str:
        return ACCEPTABILITY[self.rating]


@dataclass(frozen=True)
class Hazard:
    """One hazard: how it arises, what it could do, how the product controls it, and the risk before and after."""

    id: str
    title: str
    cause: str
    effect: str
    harm: str
    initial: Risk
    controls: tuple[str, ...]
    tests: tuple[str, ...]
    residual: Risk
    residual_note: str

    @property
    def anchor(self) -> str:
        return f"hazard-{self.id.lower()}"


@dataclass(frozen=True)
class HazardLog:
    """The system the log is about, its intended use, and its hazards in order."""

    system: str
    standard: str
    intended_use: str
    intended_users: tuple[str, ...]
    not_intended_use: tuple[str, ...]
    hazards: tuple[Hazard, ...]

    def hazard(self, hazard_id: str) -> Hazard:
        return next(hazard for hazard in self.hazards if hazard.id == hazard_id)


@cache
def load_hazards(path: str | Path | None = None) -> HazardLog:
    """The validated hazard log; raises ``DataError`` naming file, hazard and field."""
    top = root(read_source(path, HAZARDS_FILE))
    top.only("log", "hazards")
    log = Table(top.source, "log", top.get("log", dict))
    log.only("system", "standard", "intended_use", "intended_users", "not_intended_use")
    tables = top.tables("hazards", "hazard", key="id")
    if not tables:
        top.fail("hazards", "the log needs at least one hazard")
    unique(tables, "id")
    return HazardLog(
        system=log.get("system", str),
        standard=log.get("standard", str),
        intended_use=log.get("intended_use", str),
        intended_users=_nonempty_list(log, "intended_users"),
        not_intended_use=_nonempty_list(log, "not_intended_use"),
        hazards=tuple(_hazard(table) for table in tables),
    )


def _hazard(table: Table) -> Hazard:
    table.only(
        "id",
        "title",
        "cause",
        "effect",
        "harm",
        "severity",
        "likelihood",
        "controls",
        "tests",
        "residual_severity",
        "residual_likelihood",
        "residual_note",
    )
    hazard_id = table.get("id", str)
    if not _HAZARD_ID.fullmatch(hazard_id):
        table.fail("id", f"{hazard_id!r} must be H followed by two digits, such as 'H01'")
    return Hazard(
        id=hazard_id,
        title=table.get("title", str),
        cause=table.get("cause", str),
        effect=table.get("effect", str),
        harm=table.get("harm", str),
        initial=Risk(_one_of(table, "severity", SEVERITIES), _one_of(table, "likelihood", LIKELIHOODS)),
        controls=_nonempty_list(table, "controls"),
        tests=_tests(table),
        residual=Risk(
            _one_of(table, "residual_severity", SEVERITIES), _one_of(table, "residual_likelihood", LIKELIHOODS)
        ),
        residual_note=table.get("residual_note", str),
    )


def _one_of(table: Table, field: str, allowed: tuple[str, ...]) -> str:
    value = table.get(field, str)
    if value not in allowed:
        table.fail(field, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _nonempty_list(table: Table, field: str) -> tuple[str, ...]:
    values = table.text_list(field)
    if not values:
        table.fail(field, "must list at least one entry")
    return values


def _tests(table: Table) -> tuple[str, ...]:
    """The pytest ids of the tests that guard the hazard's controls: at least one, each once."""
    tests = table.text_list("tests")
    if not tests:
        table.fail("tests", "a hazard must name at least one test that guards its controls")
    for index, test in enumerate(tests):
        field = f"tests[{index}]"
        if "[" in test:
            table.fail(field, f"{test!r}: name a parametrized test without its [parameters]")
        if not _TEST_ID.fullmatch(test):
            table.fail(
                field,
                f"{test!r} must look like tests/test_<file>.py::test_<name> "
                "or tests/test_<file>.py::Test<Class>::test_<name>",
            )
        if test in tests[:index]:
            table.fail(field, f"{test!r} is named twice")
    return tests
