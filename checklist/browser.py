"""The checklist page's entry point into the rules, when this package runs in the browser (Pyodide).

Text in, text out: a JSON string crosses the JavaScript boundary unchanged, so the
page receives exactly the record ``to_dict`` builds. Calls come in batches so that
many answers cost one message between the page and its Web Worker.
"""

from __future__ import annotations

import json
from typing import Any

from .rules import AnswerError, evaluate


def evaluate_json(calls: str) -> str:
    """Evaluate a JSON list of ``{"answers": {...}, "timestamp": "..."}``; return a JSON list of outcomes.

    Each outcome is ``{"record": ..., "markdown": ...}``, or ``{"error": ...}`` with
    the ``AnswerError`` message when an answer is not allowed.
    """
    return json.dumps([_outcome(call) for call in json.loads(calls)], ensure_ascii=False)


def _outcome(call: dict[str, Any]) -> dict[str, Any]:
    try:
        result = evaluate(call["answers"], timestamp=call.get("timestamp"))
    except AnswerError as error:
        return {"error": str(error)}
    return {"record": result.to_dict(), "markdown": result.to_markdown()}
