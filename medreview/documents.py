"""The document types and their fields, as ``shared/spec/documents.md`` fixes them.

This is the one place the rest of the code (parsers, store, exports, the review
form) learns which fields a document type has, their kind and their order.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DocumentType(StrEnum):
    """The document types the pipeline recognises."""

    PRESCRIPTION = "prescription"
    PATIENT_DETAILS = "patient_details"
    UNKNOWN = "unknown"


class FieldKind(StrEnum):
    """How a field's canonical value is typed."""

    STRING = "string"
    DATE = "date"
    PHONE = "phone"
    INTEGER = "integer"
    NUMBER = "number"
    ENUM = "enum"
    LIST = "list"
    REFILLS = "refills"
    ALNUM = "alnum"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a document type: its name, kind, label and allowed values."""

    name: str
    kind: FieldKind
    label: str
    choices: tuple[str, ...] = ()
    required: bool = False


IMMUNITY = ("immune", "not immune")
YES_NO = ("yes", "no")

PRESCRIPTION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("prescriber", FieldKind.STRING, "Prescriber", required=True),
    FieldSpec("patient_name", FieldKind.STRING, "Patient name", required=True),
    FieldSpec("date", FieldKind.DATE, "Date", required=True),
    FieldSpec("patient_address", FieldKind.STRING, "Patient address"),
    FieldSpec("medicines", FieldKind.LIST, "Medicines", required=True),
    FieldSpec("directions", FieldKind.STRING, "Directions"),
    FieldSpec("refills", FieldKind.REFILLS, "Refills"),
)

PATIENT_DETAILS_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("record_date", FieldKind.DATE, "Record date", required=True),
    FieldSpec("patient_name", FieldKind.STRING, "Patient name", required=True),
    FieldSpec("phone", FieldKind.PHONE, "Phone"),
    FieldSpec("address", FieldKind.STRING, "Address"),
    FieldSpec("birth_date", FieldKind.DATE, "Birth date", required=True),
    FieldSpec("weight", FieldKind.NUMBER, "Weight"),
    FieldSpec("height", FieldKind.NUMBER, "Height"),
    FieldSpec("emergency_contact_name", FieldKind.STRING, "Emergency contact"),
    FieldSpec("emergency_contact_phone", FieldKind.PHONE, "Emergency phone"),
    FieldSpec("emergency_contact_address", FieldKind.STRING, "Emergency address"),
    FieldSpec("chicken_pox", FieldKind.ENUM, "Chicken pox", IMMUNITY),
    FieldSpec("measles", FieldKind.ENUM, "Measles", IMMUNITY),
    FieldSpec("hepatitis_b_vaccination", FieldKind.ENUM, "Hepatitis B vaccination", YES_NO),
    FieldSpec("medical_problems", FieldKind.LIST, "Medical problems"),
    FieldSpec("insurance_company", FieldKind.STRING, "Insurance company"),
    FieldSpec("policy_number", FieldKind.ALNUM, "Policy number"),
    FieldSpec("insurance_address", FieldKind.STRING, "Insurance address"),
    FieldSpec("insurance_expiry", FieldKind.DATE, "Insurance expiry"),
    FieldSpec("has_insurance", FieldKind.ENUM, "Has insurance", YES_NO),
    FieldSpec("allergies", FieldKind.LIST, "Allergies"),
    FieldSpec("regular_medication", FieldKind.LIST, "Regular medication"),
)

FIELDS: dict[DocumentType, tuple[FieldSpec, ...]] = {
    DocumentType.PRESCRIPTION: PRESCRIPTION_FIELDS,
    DocumentType.PATIENT_DETAILS: PATIENT_DETAILS_FIELDS,
    DocumentType.UNKNOWN: (),
}
# The document types that have fields to read, in the spec's order.
DOCUMENT_TYPES: tuple[DocumentType, ...] = tuple(kind for kind, specs in FIELDS.items() if specs)


def fields_of(document_type: str | None) -> tuple[FieldSpec, ...]:
    """The fields of a document type, in the spec's order (none for unknown)."""
    try:
        return FIELDS[DocumentType(document_type or DocumentType.UNKNOWN)]
    except ValueError:
        return ()
