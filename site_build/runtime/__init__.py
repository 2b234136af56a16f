"""The checklist's browser runtime as site files: Pyodide, and the byte-compiled library it imports."""


class RuntimeUnavailable(Exception):
    """The browser runtime cannot be assembled; the message says what to do."""
