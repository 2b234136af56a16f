"""The terminal checklist: answers from the command line for scripts, or one question at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checklist import evaluate

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        encoding="utf-8",
    )


def test_answers_on_the_command_line_give_the_json_record_evaluate_gives() -> None:
    done = run("--answer", "request=court-order", "--answer", "identity=checked", "--json", "--timestamp", "T1")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record == evaluate({"request": "court-order", "identity": "checked"}, timestamp="T1").to_dict()
    assert record["verdict"]["id"] == "respond-fully"


def test_incomplete_answers_give_a_record_naming_the_next_question() -> None:
    done = run("--answer", "request=formal-review", "--answer", "identity=checked", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["verdict"] is None
    assert record["next_question"]["id"] == "purpose"
    assert record["timestamp"], "the terminal supplies the current time when none is given"


def test_markdown_is_the_default_and_can_be_asked_for() -> None:
    args = ("--answer", "request=child-protection", "--answer", "identity=not-checked", "--timestamp", "T2")
    default, markdown = run(*args), run(*args, "--markdown")
    assert default.returncode == markdown.returncode == 0
    assert default.stdout == markdown.stdout
    assert "## Outcome: Check who is asking before you share" in default.stdout
    assert "Time stamp: T2" in default.stdout


def test_a_bad_answer_is_refused_with_the_allowed_values() -> None:
    done = run("--answer", "request=police")
    assert done.returncode == 2
    assert "'police' is not an answer to 'request'" in done.stderr
    allowed = "court-order, required-by-law, formal-review, public-protection, child-protection, other-purpose"
    assert allowed in done.stderr
    assert done.stdout == ""


def test_malformed_and_repeated_answers_are_refused() -> None:
    malformed = run("--answer", "request")
    assert malformed.returncode == 2
    assert "QUESTION=VALUE" in malformed.stderr
    repeated = run("--answer", "request=court-order", "--answer", "request=formal-review")
    assert repeated.returncode == 2
    assert "answered twice" in repeated.stderr
    unknown = run("--answer", "urgency=high")
    assert unknown.returncode == 2
    assert "unknown question 'urgency'" in unknown.stderr


def test_interactive_checklist_asks_one_question_at_a_time_then_prints_the_record() -> None:
    # Social worker, identity checked, purpose understood, parental consent given.
    done = run("--timestamp", "T3", stdin="5\n1\nunderstood\n1\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    questions = ["What kind of request is it?", "Have you checked who is asking?", "Is the request valid"]
    positions = [out.index(question) for question in [*questions, "Has consent to share been given?"]]
    assert positions == sorted(positions)
    assert "Would the benefits" not in out, "no question after the outcome is known"
    record = out[out.index("# Decision record") :]
    expected = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    assert record.strip() == evaluate(expected, timestamp="T3").to_markdown().strip()


def test_interactive_checklist_asks_again_after_an_answer_it_cannot_use() -> None:
    done = run("--json", "--timestamp", "T4", stdin="court order\n9\n1\n2\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Please type a number from 1 to 6") == 2
    record = json.loads(done.stdout)
    assert record == evaluate({"request": "court-order", "identity": "not-checked"}, timestamp="T4").to_dict()


def test_interactive_checklist_stopped_early_records_nothing() -> None:
    done = run("--json", stdin="2\n")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Stopped before an outcome" in done.stderr
