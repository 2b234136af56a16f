"""What of its Python library the checklist uses in the browser: run inside Pyodide at build time.

``used_modules.mjs`` starts Pyodide in Node.js on the whole byte-compiled library,
as the browser does, runs this file and calls ``exercise``, then asks for
``used_entries``. The site then ships only those entries (and the package's data):
most of the standard library is never imported by the checklist, and every byte
left out is a byte a first visit does not download and a start does not read.

``exercise`` makes every call the checklist page can make: every combination of
answers (each question unanswered or given any of its values) with the doctor's
details, answers and details the rules refuse, a link to read, a "what if", a saved
record to check, and what the page's worker runs besides.
"""

from __future__ import annotations

import json
import random
import sys

# Dates as the page sends them, the doctor's details, a link's query, and values the rules must refuse.
TIMESTAMP = "2024-01-01T00:00:00+00:00"
DETAILS = {"requester": "A name", "reasons": "Some reasons"}
LINK = [["request", "court-order"], ["request", "formal-review"], ["identity", "x" * 100], ["v", "0"]]
REFUSED = ({"request": "no-such-option"}, {"no-such-question": "yes"})


def exercise() -> None:
    from checklist.browser import evaluate_json
    from checklist.flow import answer_sets as every_answer_set

    answer_sets = list(every_answer_set())
    calls = [{"answers": answers, "timestamp": TIMESTAMP, "details": DETAILS} for answers in answer_sets]
    calls += [{"answers": answers, "timestamp": None} for answers in REFUSED]
    calls += [{"answers": {}, "details": {"no-such-detail": ""}}, {"link": LINK}]
    calls += [{"what_if": {"answers": answer_sets[-1], "question": "request", "value": "court-order"}}]
    saved = json.loads(evaluate_json(json.dumps(calls[len(answer_sets) - 1 : len(answer_sets)])))[0]["record"]
    calls += [{"recheck": saved}, {"recheck": {**saved, "answers": [{"question": "request", "answer": "x"}]}}]
    evaluate_json(json.dumps(calls))
    random.seed()  # as the worker does after starting from a memory snapshot


def used_entries() -> list[str]:
    """The entries of the library (the zip archive on ``sys.path``) that the imported modules came from."""
    prefix = next(path for path in sys.path if path.endswith(".zip")) + "/"
    origins = {getattr(getattr(module, "__spec__", None), "origin", None) for module in list(sys.modules.values())}
    inside = [origin for origin in origins if isinstance(origin, str) and origin.startswith(prefix)]
    return sorted(origin.removeprefix(prefix) for origin in inside)
