"""The review form's one door to :mod:`medreview.validation`.

The form never validates by itself: what a valid date, phone or refill count is
belongs to the core. This adapter keeps the form's calls in one place.
"""

from __future__ import annotations

from datetime import date

from medreview import validation
from medreview.config import DateOrder
from medreview.documents import FieldSpec
from medreview.model import FieldData


def parse(spec: FieldSpec, text: str, order: DateOrder = DateOrder.MONTH_FIRST) -> FieldData:
    """The canonical value of what the analyst typed (``None`` for blank)."""
    return validation.parse_user_input(spec, text, order=order)


def problem(spec: FieldSpec, value: FieldData, *, today: date | None = None) -> str | None:
    """Why ``value`` is not acceptable for ``spec``, or ``None`` when it is."""
    return validation.validate_field(spec, value, today=today)


def problems(
    document_type: str, values: dict[str, FieldData], *, today: date | None = None
) -> dict[str, str]:
    """Every field's problem for a whole document (cross-field rules included)."""
    return validation.validate_document(document_type, values, today=today)
