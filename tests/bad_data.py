"""What the tests that a loader rejects bad data share: a copy of good data with one edit, and how it is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checklist import DataError


def edited_copy(original: str, old: str, new: str, path: Path) -> Path:
    """``original`` with its first ``old`` replaced by ``new``, written to ``path``. A case whose ``old`` the data
    no longer has fails, rather than test the good data."""
    assert old in original, f"test case no longer matches the data: {old!r}"
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return path


def assert_rejected(load: Callable[[Path], object], path: Path, item: str, field: str, words: str | None) -> None:
    """``load`` refuses the file at ``path`` with a DataError that names the file, the item and the field, and whose
    problem says ``words`` (when given)."""
    with pytest.raises(DataError) as caught:
        load(path)
    error = caught.value
    assert (error.file, error.item, error.field) == (str(path), item, field), str(error)
    assert str(error).startswith(f"{path}: {item}, field '{field}': ")
    assert words is None or words in error.problem, str(error)
