"""FHIR export: one transaction Bundle per verified document, NDJSON (a Bundle a line).

Mapping (FHIR R4 structure, validated with ``fhir.resources``' R4B models, whose
resources used here are unchanged from R4):

- ``Patient``: name, birth date, phone, address, emergency contact.
- prescription: one ``MedicationRequest`` per medicine (date, prescriber,
  directions, refills; ``PRN`` refills as a note).
- patient_details: ``Immunization`` (hepatitis B, CVX 45), ``Condition`` per
  medical problem, ``AllergyIntolerance`` per allergy, ``MedicationStatement``
  per regular medication, ``Coverage`` with the insurer as an ``Organization``,
  vital-sign ``Observation`` for weight and height.
- ``DocumentReference`` to the stored scan (SHA-256 identifier, SHA-1 hash).
- Any other field with a value (immunity answers, "has insurance", a value that
  is not a valid date) becomes an ``Observation`` with the field's label, so no
  verified value is lost.

Resource ids are UUIDs derived from the scan's hash: re-exports are identical.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from medreview.documents import DocumentType, fields_of
from medreview.errors import InternalError
from medreview.export.values import as_text
from medreview.model import FieldData
from medreview.progress import Progress
from medreview.store.records import DocumentRecord

NAMESPACE = uuid.UUID("5b3c1f0e-8d8a-4b53-9a55-3f1f0c6c2e11")
CVX = "http://hl7.org/fhir/sid/cvx"
LOINC = "http://loinc.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
SHA256_SYSTEM = "urn:medreview:source-sha256"
VITALS: dict[str, tuple[str, str]] = {
    "weight": ("29463-7", "Body weight"),
    "height": ("8302-2", "Body height"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


def _valid_date(value: FieldData) -> str | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _items(value: FieldData) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value if str(item).strip()]
    return [] if value in (None, "") else [str(value)]


class _BundleBuilder:
    """Collects the resources of one document and which fields they carry."""

    def __init__(self, record: DocumentRecord) -> None:
        self.record = record
        self.values = record.final_values()
        self.used: set[str] = set()
        self.entries: list[dict[str, Any]] = []
        self.patient_ref = {"reference": self._url("Patient", 0)}

    def _url(self, kind: str, index: int) -> str:
        name = f"{self.record.sha256}:{self.record.id}:{kind}:{index}"
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"

    def take(self, name: str) -> FieldData:
        """A field's value, marking it as carried by a resource."""
        value = self.values.get(name)
        if value is not None:
            self.used.add(name)
        return value

    def add(self, resource: dict[str, Any], index: int = 0) -> None:
        kind = resource["resourceType"]
        self.entries.append(
            {
                "fullUrl": self._url(kind, index),
                "resource": resource,
                "request": {"method": "POST", "url": kind},
            }
        )

    def subject(self) -> dict[str, str]:
        return dict(self.patient_ref)


def _patient(b: _BundleBuilder) -> None:
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if (name := b.take("patient_name")) is not None:
        patient["name"] = [{"text": as_text(name)}]
    birth = _valid_date(b.values.get("birth_date"))
    if birth is not None:
        patient["birthDate"] = b.take("birth_date")
    if (phone := b.take("phone")) is not None:
        patient["telecom"] = [{"system": "phone", "value": as_text(phone)}]
    address_field = "address" if "address" in b.values else "patient_address"
    if (address := b.take(address_field)) is not None:
        patient["address"] = [{"text": as_text(address)}]
    contact: dict[str, Any] = {}
    if (contact_name := b.take("emergency_contact_name")) is not None:
        contact["name"] = {"text": as_text(contact_name)}
    if (contact_phone := b.take("emergency_contact_phone")) is not None:
        contact["telecom"] = [{"system": "phone", "value": as_text(contact_phone)}]
    if (contact_address := b.take("emergency_contact_address")) is not None:
        contact["address"] = {"text": as_text(contact_address)}
    if contact:
        contact["relationship"] = [{"text": "emergency contact"}]
        patient["contact"] = [contact]
    b.add(patient)


def _prescription(b: _BundleBuilder) -> None:
    medicines = _items(b.take("medicines"))
    authored = _valid_date(b.values.get("date"))
    prescriber = b.values.get("prescriber")
    directions = b.values.get("directions")
    refills = b.values.get("refills")
    for index, medicine in enumerate(medicines):
        request: dict[str, Any] = {
            "resourceType": "MedicationRequest",
            "status": "active",
            "intent": "order",
            "medicationCodeableConcept": {"text": medicine},
            "subject": b.subject(),
        }
        if authored is not None:
            request["authoredOn"] = b.take("date")
        if prescriber is not None:
            request["requester"] = {"display": as_text(b.take("prescriber"))}
        if directions is not None:
            request["dosageInstruction"] = [{"text": as_text(b.take("directions"))}]
        if isinstance(refills, int) and not isinstance(refills, bool):
            b.take("refills")
            request["dispenseRequest"] = {"numberOfRepeatsAllowed": refills}
        elif refills is not None:
            request["note"] = [{"text": f"Refills: {as_text(b.take('refills'))}"}]
        b.add(request, index)


def _immunization(b: _BundleBuilder) -> None:
    answer = b.values.get("hepatitis_b_vaccination")
    if answer not in ("yes", "no"):
        return
    b.take("hepatitis_b_vaccination")
    immunization: dict[str, Any] = {
        "resourceType": "Immunization",
        "status": "completed" if answer == "yes" else "not-done",
        "vaccineCode": {
            "coding": [{"system": CVX, "code": "45", "display": "Hep B, unspecified formulation"}],
            "text": "Hepatitis B vaccine",
        },
        "patient": b.subject(),
        "occurrenceString": "reported on the patient record form; date unknown",
        "primarySource": False,
        "note": [{"text": f"Have you had the Hepatitis B vaccination? {answer}"}],
    }
    b.add(immunization)


def _clinical_lists(b: _BundleBuilder) -> None:
    recorded = _valid_date(b.values.get("record_date"))
    for index, problem in enumerate(_items(b.take("medical_problems"))):
        condition: dict[str, Any] = {
            "resourceType": "Condition",
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "code": {"text": problem},
            "subject": b.subject(),
        }
        if recorded is not None:
            condition["recordedDate"] = recorded
        b.add(condition, index)
    for index, allergy in enumerate(_items(b.take("allergies"))):
        intolerance: dict[str, Any] = {
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": {"coding": [{"system": ALLERGY_CLINICAL, "code": "active"}]},
            "code": {"text": allergy},
            "patient": b.subject(),
        }
        if recorded is not None:
            intolerance["recordedDate"] = recorded
        b.add(intolerance, index)
    for index, medication in enumerate(_items(b.take("regular_medication"))):
        b.add(
            {
                "resourceType": "MedicationStatement",
                "status": "active",
                "medicationCodeableConcept": {"text": medication},
                "subject": b.subject(),
            },
            index,
        )


def _coverage(b: _BundleBuilder) -> None:
    names = ("insurance_company", "policy_number", "insurance_expiry", "insurance_address")
    if all(b.values.get(name) is None for name in names):
        return
    organization: dict[str, Any] = {"resourceType": "Organization"}
    if (company := b.take("insurance_company")) is not None:
        organization["name"] = as_text(company)
    if (address := b.take("insurance_address")) is not None:
        organization["address"] = [{"text": as_text(address)}]
    b.add(organization)
    coverage: dict[str, Any] = {
        "resourceType": "Coverage",
        "status": "active",
        "beneficiary": b.subject(),
        "payor": [{"reference": b._url("Organization", 0)}],
    }
    if (policy := b.take("policy_number")) is not None:
        coverage["subscriberId"] = as_text(policy)
        coverage["identifier"] = [{"value": as_text(policy)}]
    expiry = _valid_date(b.values.get("insurance_expiry"))
    if expiry is not None:
        b.take("insurance_expiry")
        coverage["period"] = {"end": expiry}
    b.add(coverage)


def _vitals(b: _BundleBuilder) -> None:
    recorded = _valid_date(b.values.get("record_date"))
    for index, (name, (code, display)) in enumerate(VITALS.items()):
        value = b.values.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        b.take(name)
        observation: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "vital-signs"}]}],
            "code": {"coding": [{"system": LOINC, "code": code, "display": display}]},
            "subject": b.subject(),
            "valueQuantity": {"value": value},
        }
        if recorded is not None:
            observation["effectiveDateTime"] = recorded
        b.add(observation, 100 + index)


def _remaining(b: _BundleBuilder) -> None:
    labels = {spec.name: spec.label for spec in fields_of(b.record.document_type)}
    for index, (name, value) in enumerate(b.values.items()):
        if name in b.used or not _items(value):
            continue
        b.used.add(name)
        b.add(
            {
                "resourceType": "Observation",
                "status": "final",
                "code": {"text": labels.get(name, name)},
                "subject": b.subject(),
                "valueString": as_text(value),
            },
            200 + index,
        )


def _document_reference(b: _BundleBuilder) -> None:
    record = b.record
    source = record.source_path
    attachment: dict[str, Any] = {
        "contentType": _CONTENT_TYPES.get(source.suffix.lower(), "application/octet-stream"),
        "url": source.resolve().as_uri(),
        "title": record.source_name,
    }
    if source.exists():
        data = source.read_bytes()
        attachment["size"] = len(data)
        # FHIR R4's Attachment.hash is defined as the base64 of a SHA-1 digest.
        attachment["hash"] = base64.b64encode(hashlib.sha1(data).digest()).decode()
    reference: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "status": "current",
        "docStatus": "final",
        "identifier": [{"system": SHA256_SYSTEM, "value": record.sha256}],
        "type": {"text": record.document_type or DocumentType.UNKNOWN.value},
        "subject": b.subject(),
        "content": [{"attachment": attachment}],
    }
    if record.verified_at is not None:
        reference["date"] = record.verified_at.isoformat()
    period_start = _valid_date(b.values.get("record_date")) or _valid_date(b.values.get("date"))
    if period_start is not None:
        reference["context"] = {"period": {"start": period_start}}
    b.add(reference)


def bundle_for(record: DocumentRecord) -> dict[str, Any]:
    """The transaction Bundle of one verified document (as plain JSON)."""
    b = _BundleBuilder(record)
    _patient(b)
    if record.document_type == DocumentType.PRESCRIPTION.value:
        _prescription(b)
    else:
        _immunization(b)
        _clinical_lists(b)
        _coverage(b)
        _vitals(b)
    _remaining(b)
    _document_reference(b)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(NAMESPACE, f"{record.sha256}:{record.id}:Bundle")),
        "type": "transaction",
        "entry": b.entries,
    }


def validated_json(record: DocumentRecord) -> str:
    """The Bundle validated against the FHIR structure, as compact JSON.

    A Bundle that does not validate is a mapping bug; the validator's message
    quotes values, so only the document id is reported.
    """
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        bundle = Bundle.model_validate(bundle_for(record))
    except ValidationError as exc:
        raise InternalError(
            f"the FHIR bundle of document {record.id} does not validate "
            f"({exc.error_count()} problem(s))"
        ) from None
    text: str = bundle.model_dump_json()
    return text


def write_fhir(records: Sequence[DocumentRecord], out: IO[str], progress: Progress) -> None:
    """Write one validated Bundle per line."""
    progress.begin(len(records), "Exporting FHIR")
    try:
        for record in records:
            out.write(validated_json(record))
            out.write("\n")
            progress.advance()
    finally:
        progress.end()
