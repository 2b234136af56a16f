"""The checklist in a terminal: one question at a time, then the decision record.

    python -m checklist                      # asks the questions, prints the record
    python -m checklist --answer request=court-order --answer identity=checked --json

With ``--answer`` nothing is asked: the record shows the outcome, or the next question
to answer. The terminal is the caller, so it supplies the record's time stamp (the
current time, unless ``--timestamp`` gives one).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TextIO

from . import QUESTIONS, AnswerError, Result, evaluate, load_checklist, load_guidance
from .questions import Question


def main(argv: list[str] | None = None) -> int:
    """Run the checklist; the exit status is 0 with a record, 1 if stopped early, 2 for bad arguments."""
    parser = _parser()
    args = parser.parse_args(argv)
    timestamp = args.timestamp or datetime.now().astimezone().isoformat(timespec="seconds")
    prompts = sys.stderr if args.json else sys.stdout
    try:
        if args.answer:
            result = evaluate(_answers(parser, args.answer), timestamp=timestamp)
        else:
            result = _interview(sys.stdin, prompts, timestamp)
    except AnswerError as error:
        parser.error(str(error))
    except (EOFError, KeyboardInterrupt):
        print("\nStopped before an outcome; nothing was recorded.", file=sys.stderr)
        return 1
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.json else result.to_markdown())
    return 0


def _parser() -> argparse.ArgumentParser:
    questions = "; ".join(f"{q.id}: {', '.join(q.values)}" for q in QUESTIONS)
    parser = argparse.ArgumentParser(
        prog="python -m checklist",
        description="Responding to a request for information about a child: a checklist that applies "
        "paragraphs 46-50 of the GMC's 2012 guidance and prints a decision record.",
        epilog=f"Questions and answers: {questions}.",
    )
    parser.add_argument(
        "--answer",
        action="append",
        metavar="QUESTION=VALUE",
        help="give an answer instead of being asked (repeat for several answers)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the record as JSON")
    output.add_argument("--markdown", action="store_true", help="print the record as Markdown (the default)")
    parser.add_argument("--timestamp", help="the time stamp to record (default: now)")
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


def _interview(stdin: TextIO, out: TextIO, timestamp: str) -> Result:
    """Ask the next question until there is an outcome."""
    document = load_guidance().document
    print(
        f"Responding to a request for information about a child\n"
        f"Applies paragraphs {document.paragraphs} of the {document.publisher}'s "
        f"\u201c{document.title}\u201d ({document.year}). {document.edition_note}\n",
        file=out,
    )
    answers: dict[str, str] = {}
    result = evaluate(answers, timestamp=timestamp)
    while result.next_question is not None:
        question = load_checklist().question(result.next_question)
        answers[question.id] = _ask(question, stdin, out)
        result = evaluate(answers, timestamp=timestamp)
    return result


def _ask(question: Question, stdin: TextIO, out: TextIO) -> str:
    """Show a question with its options; accept an option's number or value."""
    print(f"{question.text}\n  {question.hint}", file=out)
    for number, option in enumerate(question.options, start=1):
        print(f"  {number}. {option.label} ({option.hint})", file=out)
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


if __name__ == "__main__":
    sys.exit(main())
