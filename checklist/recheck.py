"""Re-checking a saved decision record on today's rules, and comparing two outcomes side by side.

A doctor, or whoever audits the decision later, may want to know whether the checklist
would still say the same: the saved record's answers are evaluated again and the
outcome, steps and citations compared with what was saved. The same comparison serves
"what if one answer were different?", where the two outcomes come from the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .citing import cited_change, duty_label, listed
from .decision import AnswerError
from .evaluation import evaluate
from .guidance import load_guidance
from .questions import load_checklist
from .rules import decision_table_version


class RecordError(ValueError):
    """A file that is not a decision record of this checklist; the message says what is missing."""


def compare(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """How the record ``after`` differs from ``before`` (both as ``Result.to_dict`` gives them)."""
    then, now = before.get("verdict"), after.get("verdict")
    steps_then = {action["id"]: action for action in before.get("actions", [])}
    steps_now = {action["id"]: action for action in after.get("actions", [])}
    cited_then = [citation["paragraph"] for citation in before.get("citations", [])]
    cited_now = [citation["paragraph"] for citation in after.get("citations", [])]
    return {
        "verdict": {
            "before": _outcome_words(before),
            "after": _outcome_words(after),
            "after_id": (now or {}).get("id"),
            "same": (then or {}).get("id") == (now or {}).get("id") and then is not None,
        },
        "steps": {
            "added": [_step(action) for key, action in steps_now.items() if key not in steps_then],
            "dropped": [_step(action) for key, action in steps_then.items() if key not in steps_now],
            "changed": [
                _step(action)
                for key, action in steps_now.items()
                if key in steps_then
                and (action["text"], action["strength"]) != (steps_then[key]["text"], steps_then[key]["strength"])
            ],
        },
        "citations": {
            "before": cited_then,
            "after": cited_now,
            "added": [paragraph for paragraph in cited_now if paragraph not in cited_then],
            "dropped": [paragraph for paragraph in cited_then if paragraph not in cited_now],
            "words": {"before": listed(cited_then), "after": cited_change(cited_then, cited_now)},
        },
    }


def what_if(answers: Mapping[str, str], question: str, value: str) -> dict[str, Any]:
    """The outcome with one answer changed, compared with the outcome of the answers as given."""
    return compare(evaluate(answers).to_dict(), evaluate({**answers, question: value}).to_dict())


def recheck(saved: object) -> dict[str, Any]:
    """A saved record's answers evaluated on today's rules, compared with what it says; RecordError if unreadable."""
    if not isinstance(saved, Mapping) or not isinstance(saved.get("answers"), list):
        raise RecordError("this is not a decision record of this checklist: it has no list of answers")
    try:
        answers = {entry["question"]: entry["answer"] for entry in saved["answers"]}
        today = evaluate(answers, timestamp=saved.get("timestamp"))
    except (TypeError, KeyError) as error:
        raise RecordError("this is not a decision record of this checklist: an answer is not readable") from error
    except AnswerError as error:
        questions = {question.id: question.text for question in load_checklist().questions}
        asked = f"its answer to “{questions[error.question]}”" if error.question in questions else "one of its answers"
        raise RecordError(f"today's checklist cannot read {asked}: the question or its answers have changed") from None
    version = saved.get("rules_version")
    comparison = compare(_in_our_words(saved), today.to_dict())
    return {
        "saved_version": version if isinstance(version, str) and re.fullmatch(r"[0-9a-f]{12}", version) else None,
        "current_version": decision_table_version(),
        "same_version": version == decision_table_version(),
        "unchanged": comparison["verdict"]["same"]
        and not any(comparison["steps"].values())
        and not comparison["citations"]["added"]
        and not comparison["citations"]["dropped"],
        "answers": [
            {"question": load_checklist().question(q).text, "answer": load_checklist().question(q).option(v).label}
            for q, v in today.answers.items()
        ],
        **comparison,
    }


def _in_our_words(saved: Mapping[str, Any]) -> dict[str, Any]:
    """What a saved record says, told by ids in today's words: a file's own text is never shown as ours."""
    checklist = load_checklist()
    verdicts = {verdict.id: verdict for verdict in checklist.verdicts}
    actions = {action.id: action for action in checklist.actions}
    verdict = saved.get("verdict")
    verdict_id = verdict.get("id") if isinstance(verdict, Mapping) else None
    following = saved.get("next_question")
    following_id = following.get("id") if isinstance(following, Mapping) else None
    steps = []
    for entry in saved.get("actions") or []:
        action = actions.get(entry.get("id")) if isinstance(entry, Mapping) else None
        if action is None:
            steps.append(_GONE)
            continue
        same = entry.get("text") == action.text and entry.get("strength") == action.strength
        words = action.text if same else f"{action.text} (its words or strength were different then)"
        steps.append({"id": action.id, "text": words, "strength": action.strength, "paragraphs": action.paragraphs})
    citable = set(load_guidance().citable_paragraphs())
    return {
        "verdict": {"id": verdict_id, "title": verdicts[verdict_id].title}
        if verdict_id in verdicts
        else ({"id": None, "title": "An outcome this checklist no longer has"} if verdict else None),
        "next_question": {"text": checklist.question(following_id).text}
        if following_id in {q.id for q in checklist.questions}
        else None,
        "actions": steps,
        "citations": [
            {"paragraph": c["paragraph"]}
            for c in saved.get("citations") or []
            if isinstance(c, Mapping) and c.get("paragraph") in citable
        ],
    }


_GONE = {"id": None, "text": "A step this checklist no longer gives", "strength": None, "paragraphs": []}


def _outcome_words(record: Mapping[str, Any]) -> str:
    verdict = record.get("verdict")
    if isinstance(verdict, Mapping) and isinstance(verdict.get("title"), str):
        return verdict["title"]
    following = record.get("next_question")
    if isinstance(following, Mapping) and isinstance(following.get("text"), str):
        return f"Not decided yet: the checklist would next ask “{following['text']}”"
    return "No outcome"


def _step(action: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "text": action["text"],
        "strength": action["strength"],
        "duty": duty_label(action["strength"]),
        "paragraphs": list(action["paragraphs"]),
        "paragraph_list": listed(action["paragraphs"]),
    }
