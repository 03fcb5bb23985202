"""How final values are written as text in flat formats."""

from __future__ import annotations

from medreview.model import FieldData

LIST_SEPARATOR = "; "


def as_text(value: FieldData) -> str:
    """A value as one cell: lists joined by ``"; "``, absent as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)
