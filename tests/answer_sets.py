"""The answer sets the rule tests walk: every partial set, every full set, and an identity and purpose checked."""

from __future__ import annotations

from checklist import flow

ANSWER_SETS = list(flow.answer_sets())
FULL_ANSWER_SETS = list(flow.answer_sets(partial=False))
CHECKED = {"identity": "checked", "purpose": "understood"}
