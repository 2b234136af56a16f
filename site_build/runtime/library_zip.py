"""The Python library as zip archives: the standard library with the package added, trimmed to what the
checklist uses, and unpacked for a full start. Every result depends only on its inputs."""

from __future__ import annotations

import gzip
import io
import zipfile

from site_build.runtime import RuntimeUnavailable

# The package the checklist page runs: its data files are shipped, whether or not the exercise read them, but
# for those it holds for the site's build only (training cards, the hazard log), never read in the browser.
PACKAGE = "checklist"
BUILD_TIME_DATA = frozenset({f"{PACKAGE}/data/scenarios.toml", f"{PACKAGE}/data/hazards.toml"})


def with_package(stdlib: bytes, wheel: bytes) -> bytes:
    """The standard library's archive with the wheel's package added, for Python to import from the archive.

    The wheel's metadata (``*.dist-info``) is left out: nothing installs or inspects
    the package. Its files are appended, so the standard library's entries stay byte
    for byte as they are and the result depends only on the two inputs.
    """
    library = io.BytesIO(stdlib)
    with zipfile.ZipFile(io.BytesIO(wheel)) as package, zipfile.ZipFile(library, "a") as archive:
        present = set(archive.namelist())
        for entry in package.infolist():
            if entry.filename.split("/", 1)[0].endswith(".dist-info"):
                continue
            if entry.filename in present:
                raise RuntimeUnavailable(f"The checklist wheel's {entry.filename} is in the standard library already")
            archive.writestr(entry, package.read(entry))
    return library.getvalue()


def only_used(library: bytes, used: list[str]) -> bytes:
    """The zip ``library`` with only the ``used`` entries, the package's data files the checklist reads, and the
    folders that hold them.

    Entries keep their order, names, dates and contents, so the result depends only on the two inputs.
    """
    with zipfile.ZipFile(io.BytesIO(library)) as archive:
        names = set(archive.namelist())
        missing = sorted(set(used) - names)
        if missing:
            raise RuntimeUnavailable(f"Python used modules that are not in its library: {', '.join(missing)}")
        data = {
            name
            for name in names
            if name.startswith(f"{PACKAGE}/") and not name.endswith((".pyc", "/")) and name not in BUILD_TIME_DATA
        }
        files = set(used) | data
        kept = files | {folder for name in files for folder in _folders(name)}
        trimmed = io.BytesIO()
        with zipfile.ZipFile(trimmed, "w") as output:
            for entry in archive.infolist():
                if entry.filename in kept:
                    output.writestr(entry, archive.read(entry))
    return trimmed.getvalue()


def unpacked_library(library: bytes) -> bytes:
    """The zip ``library`` with its entries stored uncompressed, gzip-compressed whole.

    A full start, not from a memory snapshot, imports most of the library: the
    checklist's worker decompresses it in one go and writes its files into Python's
    file system, ahead of the zip on Python's path, because Python imports a module
    from a folder faster than from a zip. Compressed whole, it is a little smaller
    than the zip. Entries keep their order, names, dates and contents, and the gzip
    header no time, so the result depends only on ``library``.
    """
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(library)) as archive, zipfile.ZipFile(stored, "w") as output:
        for entry in archive.infolist():
            copy = zipfile.ZipInfo(entry.filename, entry.date_time)
            copy.external_attr = entry.external_attr
            output.writestr(copy, archive.read(entry), compress_type=zipfile.ZIP_STORED)
    return gzip.compress(stored.getvalue(), compresslevel=9, mtime=0)


def _folders(name: str) -> list[str]:
    """The folders above an entry: ``a/b/c.pyc`` is in ``a/`` and ``a/b/``."""
    parts = name.split("/")[:-1]
    return ["/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]
