"""GMC 2012 guidance on responding to requests for information about a child at risk.

The guidance text as validated data, and the checklist that applies it. Pure
standard library, so the same code runs in CPython and in the browser (Pyodide).
"""

from .guidance import load_guidance
from .model import Guidance, Paragraph, paragraph_text, plain_text
from .validation import DataError

__all__ = ["DataError", "Guidance", "Paragraph", "load_guidance", "paragraph_text", "plain_text"]
