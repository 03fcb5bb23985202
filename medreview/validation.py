"""Checks of field values and the turning of typed text into canonical values.

Used by the review window (to flag a value the analyst should look at, and to
read what they type) and by the store's auto-verify. Messages describe the
problem only, never the value, so they can be logged and shown anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from medreview.config import DateOrder
from medreview.documents import DocumentType, FieldKind, FieldSpec, fields_of
from medreview.model import FieldData
from medreview.parsing import canonical

MAX_REFILLS = 11
# Plausible upper bounds of printed measurements whose unit is unknown
# (kilograms or pounds; centimetres or inches).
PLAUSIBLE_MAXIMUM: dict[str, float] = {"weight": 700.0, "height": 280.0}
DEFAULT_MAXIMUM = 100_000.0
EARLIEST_DATE = date(1900, 1, 1)
# Dates that are normally in the future (an insurance policy's expiry).
FUTURE_DATES = frozenset({"insurance_expiry"})

_NANP = re.compile(r"\([2-9]\d{2}\) [2-9]\d{2}-\d{4}")
_PHONE_CHARS = re.compile(r"[0-9+()\-. /x]+", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_date(value: FieldData, today: date, *, future_ok: bool = False) -> str | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return "Not a date in the form YYYY-MM-DD"
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return "Not a real calendar date"
    if parsed > today and not future_ok:
        return "Date is in the future"
    if parsed < EARLIEST_DATE:
        return "Date is implausibly old"
    return None


def _check_phone(value: FieldData) -> str | None:
    if not isinstance(value, str):
        return "Phone number must be text"
    if _NANP.fullmatch(value):
        return None
    digits = re.sub(r"\D", "", value)
    if not _PHONE_CHARS.fullmatch(value) or not 7 <= len(digits) <= 15:
        return "Not a well-formed phone number"
    if len(digits) == 10 or (len(digits) == 11 and digits[0] == "1"):
        return "North American number not in the form (NNN) NNN-NNNN"
    return None


def _check_refills(value: FieldData) -> str | None:
    if value == "PRN":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return "Refills must be a whole number from 0 to 11, or PRN"
    if not 0 <= value <= MAX_REFILLS:
        return "Refills must be from 0 to 11"
    return None


def _check_number(name: str, value: FieldData) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "Not a number"
    if value <= 0:
        return "Must be a positive number"
    if value > PLAUSIBLE_MAXIMUM.get(name, DEFAULT_MAXIMUM):
        return "Number is implausibly large"
    return None


def _check_integer(value: FieldData) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "Not a whole number"
    return None if value >= 0 else "Must not be negative"


def _check_enum(spec: FieldSpec, value: FieldData) -> str | None:
    if value not in spec.choices:
        return "Must be one of: " + ", ".join(spec.choices)
    return None


def _check_list(value: FieldData) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "Must be a list of entries"
    if any(not v.strip() for v in value):
        return "List has an empty entry"
    return None


def _check_alnum(value: FieldData) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9]+", value):
        return "Must contain letters and digits only"
    return None


def _check_string(value: FieldData) -> str | None:
    if not isinstance(value, str):
        return "Must be text"
    if value != canonical.one_line(value):
        return "Must be one line with single spaces"
    return None


def validate_field(spec: FieldSpec, value: FieldData, *, today: date | None = None) -> str | None:
    """A human message saying what is wrong with ``value``, or ``None`` if it is fine.

    An absent value is fine unless the field is required. Dates must be real and
    not in the future (except an insurance expiry).
    """
    if value is None or value == "":
        return "Required field is empty" if spec.required else None
    today = today or date.today()
    match spec.kind:
        case FieldKind.DATE:
            return _check_date(value, today, future_ok=spec.name in FUTURE_DATES)
        case FieldKind.PHONE:
            return _check_phone(value)
        case FieldKind.REFILLS:
            return _check_refills(value)
        case FieldKind.NUMBER:
            return _check_number(spec.name, value)
        case FieldKind.INTEGER:
            return _check_integer(value)
        case FieldKind.ENUM:
            return _check_enum(spec, value)
        case FieldKind.LIST:
            return _check_list(value)
        case FieldKind.ALNUM:
            return _check_alnum(value)
        case _:
            return _check_string(value)


# Pairs (earlier, later) of date fields whose order the document implies.
_DATE_ORDER: dict[DocumentType, tuple[tuple[str, str], ...]] = {
    DocumentType.PATIENT_DETAILS: (("birth_date", "record_date"),),
}


def validate_document(
    document_type: DocumentType | str,
    values: Mapping[str, FieldData],
    *,
    today: date | None = None,
) -> dict[str, str]:
    """Field name to message for every field that fails, including cross-field checks."""
    problems: dict[str, str] = {}
    for spec in fields_of(str(document_type)):
        message = validate_field(spec, values.get(spec.name), today=today)
        if message is not None:
            problems[spec.name] = message
    try:
        pairs = _DATE_ORDER.get(DocumentType(str(document_type)), ())
    except ValueError:
        pairs = ()
    for earlier, later in pairs:
        first, second = values.get(earlier), values.get(later)
        if earlier in problems or later in problems:
            continue
        if isinstance(first, str) and isinstance(second, str) and first > second:
            problems[earlier] = "Birth date is after the record date"
    return problems


def parse_user_input(
    spec: FieldSpec, text: str, *, order: DateOrder = DateOrder.MONTH_FIRST
) -> FieldData:
    """What an analyst typed, as the field's canonical value.

    Text that cannot be read as the field's kind is returned cleaned but
    unconverted, so :func:`validate_field` reports it rather than it being lost.
    Blank text gives ``None`` (a list field gives ``[]``).
    """
    cleaned = canonical.one_line(text)
    if spec.kind is FieldKind.LIST:
        return canonical.parse_list(text)
    if not cleaned:
        return None
    value: FieldData
    match spec.kind:
        case FieldKind.DATE:
            value = canonical.parse_date(cleaned, order)
        case FieldKind.PHONE:
            value = canonical.parse_phone(cleaned)
        case FieldKind.REFILLS:
            value = canonical.parse_refills(cleaned)
        case FieldKind.NUMBER:
            value = _strict_number(cleaned)
        case FieldKind.INTEGER:
            value = int(cleaned) if re.fullmatch(r"\d+", cleaned) else None
        case FieldKind.ENUM:
            value = canonical.parse_choice(cleaned, spec.choices)
        case FieldKind.ALNUM:
            value = canonical.parse_alnum(cleaned)
        case _:
            value = cleaned
    return cleaned if value is None else value


def _strict_number(text: str) -> int | float | None:
    """A number typed by a person: digits with an optional decimal part and unit."""
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*[A-Za-z\"']*", text)
    if match is None:
        return None
    return canonical.parse_number(match.group(1))
