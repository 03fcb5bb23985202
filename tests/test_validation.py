from __future__ import annotations

from datetime import date

import pytest

from medreview.config import DateOrder
from medreview.documents import FIELDS, DocumentType, FieldSpec
from medreview.model import FieldData
from medreview.validation import parse_user_input, validate_document, validate_field

TODAY = date(2024, 1, 10)
SPECS = {s.name: s for specs in FIELDS.values() for s in specs}


def spec(name: str) -> FieldSpec:
    return SPECS[name]


@pytest.mark.parametrize(
    ("name", "value", "ok"),
    [
        ("record_date", "2023-03-14", True),
        ("record_date", "2024-01-10", True),
        ("record_date", "2024-01-11", False),  # future
        ("record_date", "2023-02-30", False),  # not real
        ("record_date", "03/14/2023", False),  # not canonical
        ("record_date", "1850-01-01", False),
        ("insurance_expiry", "2026-06-30", True),  # expiry may lie ahead
        ("insurance_expiry", "2026-02-30", False),
        ("phone", "(415) 555-0182", True),
        ("phone", "+44 20 7946 0958", True),
        ("phone", "415-555-0182", False),  # NANP not canonical
        ("phone", "555-01", False),
        ("phone", "call me", False),
        ("refills", 0, True),
        ("refills", 11, True),
        ("refills", "PRN", True),
        ("refills", 12, False),
        ("refills", -1, False),
        ("refills", "2", False),
        ("policy_number", "NW4820193375", True),
        ("policy_number", "NW-48", False),
        ("chicken_pox", "immune", True),
        ("chicken_pox", "yes", False),
        ("has_insurance", "no", True),
        ("weight", 72, True),
        ("weight", 72.5, True),
        ("weight", 0, False),
        ("weight", 5000, False),
        ("height", 178, True),
        ("height", 1780, False),
        ("weight", "72", False),
        ("allergies", [], True),
        ("allergies", ["Penicillin"], True),
        ("allergies", ["Penicillin", " "], False),
        ("allergies", "Penicillin", False),
        ("patient_name", "Helen Okafor", True),
        ("patient_name", "Helen  Okafor", False),
        ("patient_name", None, False),  # required
        ("phone", None, True),  # optional and absent
    ],
)
def test_validate_field(name: str, value: FieldData, ok: bool) -> None:
    message = validate_field(spec(name), value, today=TODAY)
    assert (message is None) == ok
    if message is not None and isinstance(value, str) and len(value) > 3:
        assert value not in message  # messages never echo values


def test_validate_document_birth_after_record() -> None:
    values: dict[str, FieldData] = {
        "record_date": "2021-08-02",
        "birth_date": "2022-01-01",
        "patient_name": "Samuel Ortiz",
    }
    problems = validate_document(DocumentType.PATIENT_DETAILS, values, today=TODAY)
    assert set(problems) == {"birth_date"}
    values["birth_date"] = "1984-11-23"
    assert validate_document(DocumentType.PATIENT_DETAILS, values, today=TODAY) == {}


def test_validate_document_prescription_required_and_unknown() -> None:
    problems = validate_document("prescription", {"prescriber": "Dr A"}, today=TODAY)
    assert set(problems) == {"patient_name", "date", "medicines"}
    assert validate_document("unknown", {"x": 1}) == {}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("record_date", "3/14/23", "2023-03-14"),
        ("record_date", "March 14, 2023", "2023-03-14"),
        ("record_date", "not a date", "not a date"),
        ("phone", "415 555 0182", "(415) 555-0182"),
        ("refills", " prn ", "PRN"),
        ("refills", "3", 3),
        ("weight", "72.5 kg", 72.5),
        ("weight", "72", 72),
        ("weight", "seventy", "seventy"),
        ("chicken_pox", "Not Immune", "not immune"),
        ("has_insurance", "Y", "yes"),  # a written Y answers yes, as on paper
        ("has_insurance", "maybe", "maybe"),
        ("has_insurance", "yes", "yes"),
        ("policy_number", "nw-4820 19", "nw482019"),
        ("allergies", "Penicillin, Latex", ["Penicillin", "Latex"]),
        ("allergies", "N/A", []),
        ("allergies", "", []),
        ("patient_name", "  Helen   Okafor ", "Helen Okafor"),
        ("patient_name", "   ", None),
    ],
)
def test_parse_user_input(name: str, text: str, expected: FieldData) -> None:
    assert parse_user_input(spec(name), text) == expected


def test_parse_user_input_day_first() -> None:
    assert parse_user_input(spec("birth_date"), "03/04/1990", order=DateOrder.DAY_FIRST) == (
        "1990-04-03"
    )


def test_parsed_input_validates() -> None:
    for name, text in [("record_date", "1/2/2020"), ("phone", "(212)555-0100"), ("refills", "PRN")]:
        value = parse_user_input(spec(name), text)
        assert validate_field(spec(name), value, today=TODAY) is None
