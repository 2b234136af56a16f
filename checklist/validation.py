"""Reading TOML data strictly, with errors that name the file, the item and the field.

A malformed data file must stop the build with a message a person can act on,
never produce a silently wrong page or checklist.
"""

from __future__ import annotations

import pkgutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn


class DataError(ValueError):
    """A data file is malformed. The message names the file, the item and the field."""

    def __init__(self, file: str, item: str, field: str, problem: str) -> None:
        self.file, self.item, self.field, self.problem = file, item, field, problem
        super().__init__(f"{file}: {item}, field '{field}': {problem}")


@dataclass(frozen=True)
class Source:
    """A data file's name (for messages) and its parsed contents."""

    name: str
    data: dict[str, Any]


def read_source(path: str | Path | None, default_name: str) -> Source:
    """Parse a TOML file: ``path`` if given, otherwise the package's own data file."""
    if path is None:
        name = f"checklist/data/{default_name}"
        # Through the package's own loader, whether the package is in a directory or (in the browser) in the
        # library archive, which the loader has indexed already.
        raw = pkgutil.get_data("checklist", f"data/{default_name}").decode("utf-8")
    else:
        name = str(path)
        raw = Path(path).read_text(encoding="utf-8")
    try:
        return Source(name, tomllib.loads(raw))
    except tomllib.TOMLDecodeError as error:
        raise DataError(name, "file", "(syntax)", str(error)) from None


_TYPE_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "a table", bool: "true or false"}


class Table:
    """One TOML table being read: every access is checked and located for messages."""

    def __init__(self, source: Source, item: str, data: object, prefix: str = "") -> None:
        self.source, self.item, self.prefix = source, item, prefix
        if not isinstance(data, dict):
            self.fail("", "must be a table")
        self.data: dict[str, Any] = data

    def fail(self, field: str, problem: str) -> NoReturn:
        located = f"{self.prefix}{field}".removesuffix(".")
        raise DataError(self.source.name, self.item, located or "(whole item)", problem)

    def only(self, *allowed: str) -> None:
        """Reject keys this table does not define, so a typo never goes unnoticed."""
        for key in self.data:
            if key not in allowed:
                self.fail(key, f"unknown key; allowed keys are {', '.join(allowed)}")

    def get(self, field: str, kind: type, *, default: object = ..., nonempty: bool = True) -> Any:
        """The value of ``field``, checked to be of ``kind`` (and not empty text)."""
        if field not in self.data:
            if default is ...:
                self.fail(field, "is missing")
            return default
        value = self.data[field]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(field, f"must be {_TYPE_NAMES[kind]}, not {type(value).__name__} {value!r}")
        if nonempty and kind is str and not value.strip():
            self.fail(field, "must not be empty")
        return value

    def text_list(self, field: str, *, default: object = ...) -> tuple[str, ...]:
        """A list of non-empty strings."""
        values = self.get(field, list, default=default)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{field}[{index}]", f"must be non-empty text, not {value!r}")
        return tuple(values)

    def tables(self, field: str, item_name: str, key: str | None = None) -> list[Table]:
        """The tables of an array such as ``[[paragraphs]]``, each named by ``key`` for messages."""
        values = self.get(field, list)
        tables = []
        for index, value in enumerate(values):
            label = f"{item_name} #{index + 1}"
            if key is not None and isinstance(value, dict) and isinstance(value.get(key), str | int):
                label = f"{item_name} {value[key]}"
            tables.append(Table(self.source, label, value))
        return tables

    def nested(self, field: str, index: int, value: object) -> Table:
        """A table inside this one, e.g. ``clauses[2]``; messages keep this item's name."""
        return Table(self.source, self.item, value, prefix=f"{self.prefix}{field}[{index}].")


def root(source: Source) -> Table:
    """The top-level table of a data file."""
    return Table(source, "file", source.data)


def unique(tables: list[Table], key: str, kind: type = str) -> None:
    """Reject a second item with the same ``key``."""
    seen: set[object] = set()
    for table in tables:
        value = table.get(key, kind)
        if value in seen:
            table.fail(key, f"duplicate {key} {value!r}")
        seen.add(value)
