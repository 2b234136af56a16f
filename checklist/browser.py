"""The checklist page's entry point into the rules, when this package runs in the browser (Pyodide).

Text in, text out: a JSON string crosses the JavaScript boundary unchanged, so the
page receives exactly what the package builds. Calls come in batches so that many
answers cost one message between the page and its Web Worker.
"""

from __future__ import annotations

import json
from typing import Any

from .decision import AnswerError
from .evaluation import evaluate
from .links import read_link
from .recheck import RecordError, recheck, what_if
from .record import DetailError
from .screens import outcome_screen


def evaluate_json(calls: str) -> str:
    """Answer a JSON list of calls; return a JSON list of their outcomes, in the same order.

    A call is either an evaluation, ``{"answers": {...}, "timestamp": "...", "details": {...}}``,
    whose outcome is ``{"record": ..., "markdown": ..., "text": ..., "screen": ...}`` (the record as
    data, in full for audit, for clinical notes, and its steps and citations worded for the screen),
    or ``{"error": ...}`` naming the question or detail that cannot be used; a link's query,
    ``{"link": [[key, value], ...]}``, whose outcome is ``{"link": {"answers": {...}, "problems": [...]}}``;
    a saved record to check on today's rules, ``{"recheck": {...}}``, giving ``{"recheck": ...}`` or
    ``{"error": ...}``; or one answer changed, ``{"what_if": {"answers": {...}, "question": ..., "value": ...}}``,
    giving ``{"what_if": ...}``.
    """
    return json.dumps([_outcome(call) for call in json.loads(calls)], ensure_ascii=False)


def _outcome(call: dict[str, Any]) -> dict[str, Any]:
    if "link" in call:
        return {"link": read_link((str(key), str(value)) for key, value in call["link"]).to_dict()}
    if "recheck" in call:
        try:
            return {"recheck": recheck(call["recheck"])}
        except RecordError as error:
            return {"error": str(error)}
    if "what_if" in call:
        change = call["what_if"]
        return {"what_if": what_if(change["answers"], change["question"], change["value"])}
    try:
        result = evaluate(call["answers"], timestamp=call.get("timestamp"))
        details = call.get("details")
        record = result.to_dict(details)
        return {
            "record": record,
            "markdown": result.to_markdown(details),
            "text": result.to_text(details),
            "screen": outcome_screen(record),
        }
    except (AnswerError, DetailError) as error:
        return {"error": str(error)}
