"""The checklist in a terminal: one question at a time, then the decision record; or a saved record re-checked.

    python -m checklist                      # asks the questions, prints the record
    python -m checklist --answer request=court-order --answer identity=checked --json
    python -m checklist --text               # the record for clinical notes, in plain text
    python -m checklist check record.json    # a saved record's answers on today's rules

With ``--answer`` in a terminal, the questions still unanswered are asked; otherwise
nothing is asked, and the record shows the outcome or the next question to answer.
The terminal is the caller, so it supplies the record's time stamp (the current time,
unless ``--timestamp`` gives one in ISO 8601).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from . import QUESTIONS, AnswerError, Result, evaluate, load_checklist, load_guidance
from .questions import Question
from .recheck import RecordError, recheck


def main(argv: list[str] | None = None) -> int:
    """Run the checklist; the exit status is 0 with a record, 1 if stopped early, 2 for bad arguments."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["check"]:
            return _check(argv[1:])
        return _checklist(argv)
    except BrokenPipeError:
        # The reader stopped reading (``| head``): end quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _checklist(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    timestamp = args.timestamp or datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        datetime.fromisoformat(timestamp)
    except ValueError:
        parser.error(
            f"--timestamp must be a date and time in ISO 8601, such as 2026-05-01T14:30+01:00, not {timestamp!r}"
        )
    prompts = sys.stdout if args.format == "markdown" else sys.stderr
    try:
        given = _answers(parser, args.answer or [])
        if args.answer and not sys.stdin.isatty():
            result = evaluate(given, timestamp=timestamp)
        else:
            result = _interview(given, sys.stdin, prompts, timestamp)
    except AnswerError as error:
        parser.error(str(error))
    except (EOFError, KeyboardInterrupt):
        print("\nStopped before an outcome; nothing was recorded.", file=sys.stderr)
        return 1
    print(_formatted(result, args.format), end="")
    sys.stdout.flush()
    return 0


def _formatted(result: Result, form: str) -> str:
    if form == "json":
        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    return result.to_text() if form == "text" else result.to_markdown()


def _parser() -> argparse.ArgumentParser:
    questions = "; ".join(f"{q.id}: {', '.join(q.values)}" for q in QUESTIONS)
    parser = argparse.ArgumentParser(
        prog="python -m checklist",
        description="Responding to a request for information about a child: a checklist that applies "
        "paragraphs 46-50 of the GMC's 2012 guidance and prints a decision record. "
        "'python -m checklist check RECORD.json' checks a saved record against today's rules.",
        epilog=f"Questions and answers: {questions}.",
    )
    parser.add_argument(
        "--answer",
        action="append",
        metavar="QUESTION=VALUE",
        help="give an answer instead of being asked (repeat for several answers)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", dest="format", action="store_const", const="json", help="print the record as JSON")
    output.add_argument(
        "--markdown",
        dest="format",
        action="store_const",
        const="markdown",
        help="print the full record as Markdown (the default)",
    )
    output.add_argument(
        "--text",
        dest="format",
        action="store_const",
        const="text",
        help="print the record for clinical notes, in plain text",
    )
    parser.set_defaults(format="markdown")
    parser.add_argument("--timestamp", help="the time stamp to record, in ISO 8601 (default: now)")
    return parser


def _answers(parser: argparse.ArgumentParser, pairs: list[str]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for pair in pairs:
        question, separator, value = pair.partition("=")
        if not separator:
            parser.error(f"--answer {pair!r} must look like QUESTION=VALUE, for example request=court-order")
        if question in answers:
            parser.error(f"question {question!r} is answered twice")
        answers[question] = value
    return answers


def _interview(given: dict[str, str], stdin: TextIO, out: TextIO, timestamp: str) -> Result:
    """Ask the next question not already answered until there is an outcome."""
    document = load_guidance().document
    _say(
        f"Responding to a request for information about a child. Applies paragraphs {document.paragraphs} of the "
        f"{document.publisher}'s “{document.title}” ({document.year}). {document.edition_note}",
        out,
    )
    print(file=out)
    answers = dict(given)
    result = evaluate(answers, timestamp=timestamp)
    while result.next_question is not None:
        question = load_checklist().question(result.next_question)
        answers[question.id] = _ask(question, stdin, out)
        result = evaluate(answers, timestamp=timestamp)
    return result


def _say(text: str, out: TextIO, indent: str = "") -> None:
    """Text wrapped at word boundaries to the terminal's width."""
    width = min(shutil.get_terminal_size().columns, 100)
    print(textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent + "  "), file=out)


def _ask(question: Question, stdin: TextIO, out: TextIO) -> str:
    """Show a question with its options; accept an option's number or value."""
    _say(question.text, out)
    _say(question.hint, out, indent="  ")
    for number, option in enumerate(question.options, start=1):
        _say(f"{number}. {option.label} ({option.hint})", out, indent="  ")
    choices = {str(number): option.value for number, option in enumerate(question.options, start=1)}
    choices.update({value: value for value in question.values})
    while True:
        print(f"Your answer (1-{len(question.options)}): ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            raise EOFError
        answer = choices.get(line.strip().lower())
        if answer is not None:
            print(file=out)
            return answer
        print(f"  Please type a number from 1 to {len(question.options)}.", file=out)


def _check(argv: list[str]) -> int:
    """``check RECORD.json``: a saved record's answers on today's rules, and what has changed."""
    parser = argparse.ArgumentParser(
        prog="python -m checklist check",
        description="Check a saved decision record (JSON) against today's rules: the outcome, steps and "
        "paragraphs cited, then and now.",
    )
    parser.add_argument("record", type=Path, help="a decision record saved as JSON")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    args = parser.parse_args(argv)
    try:
        saved = json.loads(args.record.read_text(encoding="utf-8"))
        comparison = recheck(saved)
    except OSError as error:
        parser.error(f"cannot read {args.record}: {error.strerror}")
    except (ValueError, RecordError) as error:
        message = str(error) if isinstance(error, RecordError) else "it is not JSON"
        parser.error(f"{args.record} cannot be checked: {message}")
    print(json.dumps(comparison, indent=2, ensure_ascii=False) if args.json else _comparison_text(comparison))
    return 0


def _comparison_text(comparison: dict[str, Any]) -> str:
    verdict, cited = comparison["verdict"], comparison["citations"]
    lines = [
        "Today's checklist gives the same outcome, steps and paragraphs."
        if comparison["unchanged"]
        else "Today's checklist would advise differently.",
        "The record was made with this version of the checklist."
        if comparison["same_version"]
        else f"The record was made with {comparison['saved_version'] or 'an unknown version'} of the decision table; "
        f"today's is {comparison['current_version']}.",
        f"Outcome then: {verdict['before']}",
        f"Outcome now:  {verdict['after']}",
        f"Paragraphs then: {cited['words']['before']}",
        f"Paragraphs now:  {cited['words']['after']}",
    ]
    for title, key in (("Steps added", "added"), ("Steps no longer given", "dropped"), ("Steps reworded", "changed")):
        if comparison["steps"][key]:
            lines += [f"{title}:", *(f"- {step['text']}" for step in comparison["steps"][key])]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
