"""The checklist's version, recorded in every decision record so an outcome can be traced to its rules."""

__version__ = "0.1.0"
