"""File names as safe text: what messages, the store and the JSON output show.

POSIX file names are bytes; Python decodes the ones that are not UTF-8 with lone
surrogates (``surrogateescape``), which cannot be written as UTF-8 and break a
JSON document or a database insert. Everything that shows a name outside the
file system goes through :func:`display_name`, which puts U+FFFD where a byte was
not UTF-8, so the output is always valid UTF-8.
"""

from __future__ import annotations

from pathlib import Path


def safe_text(text: str) -> str:
    """``text`` with every lone surrogate replaced, so it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape" if _escaped_only(text) else "replace")
        return raw.decode("utf-8", "replace")
    return text


def display_name(path: Path | str) -> str:
    """The last component of ``path`` as safe text."""
    return safe_text(Path(path).name)


def display_path(path: Path | str) -> str:
    """The whole of ``path`` as safe text."""
    return safe_text(str(path))


def _escaped_only(text: str) -> bool:
    """True when every surrogate in ``text`` came from ``surrogateescape`` decoding."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)
