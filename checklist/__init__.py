"""GMC 2012 guidance on responding to requests for information about a child at risk.

The guidance text as validated data, and the checklist that applies it. Pure
standard library, so the same code runs in CPython and in the browser (Pyodide).
"""

from .decision import AnswerError
from .evaluation import evaluate
from .guidance import load_guidance
from .model import Guidance, Paragraph, paragraph_text, plain_text
from .questions import Question, load_checklist
from .record import Result
from .validation import DataError
from .version import __version__


def __getattr__(name: str) -> tuple[Question, ...]:
    """``QUESTIONS``, read from the data on first use, so importing the package never fails on bad data:
    the error comes from the loader, naming the file, when the questions are first needed."""
    if name == "QUESTIONS":
        return load_checklist().questions
    raise AttributeError(f"module 'checklist' has no attribute {name!r}")


__all__ = [
    "QUESTIONS",
    "AnswerError",
    "DataError",
    "Guidance",
    "Paragraph",
    "Question",
    "Result",
    "__version__",
    "evaluate",
    "load_checklist",
    "load_guidance",
    "paragraph_text",
    "plain_text",
]
