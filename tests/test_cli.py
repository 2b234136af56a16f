"""The terminal checklist: answers from the command line for scripts, or one question at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checklist import evaluate, load_checklist
from checklist.citing import cited_change, listed

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
    done = run(
        "--answer",
        "request=court-order",
        "--answer",
        "identity=checked",
        "--json",
        "--timestamp",
        "2026-05-01T09:01:00+01:00",
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert (
        record
        == evaluate({"request": "court-order", "identity": "checked"}, timestamp="2026-05-01T09:01:00+01:00").to_dict()
    )
    assert record["verdict"]["id"] == "respond-fully"


def test_incomplete_answers_give_a_record_naming_the_next_question() -> None:
    done = run("--answer", "request=formal-review", "--answer", "identity=checked", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["verdict"] is None
    assert record["next_question"]["id"] == "purpose"
    assert record["timestamp"], "the terminal supplies the current time when none is given"


def test_markdown_is_the_default_and_can_be_asked_for() -> None:
    args = (
        "--answer",
        "request=child-protection",
        "--answer",
        "identity=not-checked",
        "--timestamp",
        "2026-05-01T09:02:00+01:00",
    )
    default, markdown = run(*args), run(*args, "--markdown")
    assert default.returncode == markdown.returncode == 0
    assert default.stdout == markdown.stdout
    assert "## Outcome: Check who is asking before you share" in default.stdout
    assert "Time stamp: 2026-05-01T09:02:00+01:00" in default.stdout


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
    done = run("--timestamp", "2026-05-01T09:03:00+01:00", stdin="5\n1\nunderstood\n1\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    questions = ["What kind of request is it?", "Have you checked who is asking?", "Is the request valid"]
    positions = [out.index(question) for question in [*questions, "Has consent to share been given?"]]
    assert positions == sorted(positions)
    assert "Would the benefits" not in out, "no question after the outcome is known"
    record = out[out.index("# Decision record") :]
    expected = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    assert record.strip() == evaluate(expected, timestamp="2026-05-01T09:03:00+01:00").to_markdown().strip()


def test_interactive_checklist_asks_again_after_an_answer_it_cannot_use() -> None:
    done = run("--json", "--timestamp", "2026-05-01T09:04:00+01:00", stdin="court order\n9\n1\n2\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Please type a number from 1 to 6") == 2
    record = json.loads(done.stdout)
    assert (
        record
        == evaluate(
            {"request": "court-order", "identity": "not-checked"}, timestamp="2026-05-01T09:04:00+01:00"
        ).to_dict()
    )


def test_interactive_checklist_stopped_early_records_nothing() -> None:
    done = run("--json", stdin="2\n")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Stopped before an outcome" in done.stderr


def test_the_notes_version_is_the_plain_text_record() -> None:
    stamp = "2026-05-01T09:05:00+01:00"
    done = run("--answer", "request=court-order", "--answer", "identity=checked", "--text", "--timestamp", stamp)
    assert done.returncode == 0, done.stderr
    assert done.stdout == evaluate({"request": "court-order", "identity": "checked"}, timestamp=stamp).to_text()
    assert "Date and time: 1 May 2026, 09:05 (UTC+01:00)" in done.stdout


def test_a_time_stamp_that_is_not_iso_8601_is_refused_clearly() -> None:
    done = run("--answer", "request=court-order", "--timestamp", "next Tuesday")
    assert done.returncode == 2
    assert "--timestamp must be a date and time in ISO 8601" in done.stderr and "'next Tuesday'" in done.stderr
    assert done.stdout == ""


def test_a_reader_that_stops_early_ends_the_checklist_quietly() -> None:
    # The reader (as `| head` does) has gone before the record is written: the pipe is closed.
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)
    reader.wait()
    args = ["--answer", "request=child-protection", "--answer", "identity=checked", "--answer", "purpose=unclear"]
    writer = subprocess.run(
        [sys.executable, "-m", "checklist", *args],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        check=False,
    )
    reader.stdin.close()
    assert (writer.returncode, writer.stderr) == (0, "")


def test_answers_given_in_a_terminal_are_kept_and_only_the_rest_is_asked() -> None:
    stamp = "2026-05-01T09:06:00+01:00"
    script = (
        "import sys, io; sys.stdin = io.TextIOWrapper(sys.stdin.buffer); sys.stdin.isatty = lambda: True; "
        "from checklist.__main__ import main; "
        f"sys.exit(main(['--answer', 'request=court-order', '--json', '--timestamp', '{stamp}']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input="1\n", capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "What kind of request is it?" not in done.stderr
    assert "Have you checked who is asking?" in done.stderr
    assert (
        json.loads(done.stdout)
        == evaluate({"request": "court-order", "identity": "checked"}, timestamp=stamp).to_dict()
    )


def test_prompts_wrap_at_word_boundaries_to_the_terminal() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checklist", "--json"],
        input="1\n1\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert max(len(line) for line in lines if not line.startswith("Your answer")) <= 60
    words = " ".join(line.strip() for line in lines)
    assert load_checklist().question("request").hint in words


def test_a_saved_record_is_checked_against_todays_rules(tmp_path: Path) -> None:
    answers = {"request": "child-protection", "identity": "checked", "purpose": "understood", "consent": "given"}
    record = evaluate(answers, timestamp="2026-05-01T09:07:00+01:00").to_dict()
    saved = tmp_path / "record.json"
    saved.write_text(json.dumps(record), encoding="utf-8")
    done = run("check", str(saved))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Today's checklist gives the same outcome, steps and paragraphs.")
    assert "made with this version of the checklist" in done.stdout
    older = {**record, "rules_version": "0123456789ab", "actions": record["actions"][:-1]}
    older["citations"] = record["citations"][:-1]
    saved.write_text(json.dumps(older), encoding="utf-8")
    cited = [citation["paragraph"] for citation in record["citations"]]
    told = run("check", str(saved)).stdout.splitlines()
    assert f"Paragraphs then: {listed(cited[:-1])}" in told
    assert f"Paragraphs now:  {cited_change(cited[:-1], cited)}" in told, "the change, as the checklist page says it"
    changed = run("check", str(saved), "--json")
    comparison = json.loads(changed.stdout)
    assert (comparison["same_version"], comparison["unchanged"]) == (False, False)
    assert [step["text"] for step in comparison["steps"]["added"]] == [record["actions"][-1]["text"]]
    saved.write_text("not json", encoding="utf-8")
    refused = run("check", str(saved))
    assert refused.returncode == 2 and "cannot be checked: it is not JSON" in refused.stderr
