"""FHIR export: one transaction Bundle per verified document, NDJSON (a Bundle a line).

A receiver can post each line to its FHIR server's transaction endpoint as it is,
and post it again without creating anything twice: every resource carries a
stable identifier (system ``urn:medreview:resource``, value the UUID of the
entry's ``urn:uuid`` full URL, derived from the scan's SHA-256) and is sent as
a conditional update on it (``PUT Patient?identifier=...``): created the first
time, updated in place after (a later export with other values replaces them). The
insurer's ``Organization`` is keyed on its name, so documents of one insurer
share it.

Mapping (FHIR R4, validated with ``fhir.resources``' R4B models, whose resources
used here are unchanged from R4; the tests also validate against the R4
StructureDefinitions and post to a FHIR server):

- ``Patient``: name, birth date, phone, address, emergency contact.
- prescription: one ``MedicationRequest`` per medicine (date, prescriber,
  refills; ``PRN`` refills as a note). Directions go to the medicine they
  belong to: dosing written on the medicine's line (``Betaloc 100mg - 1 tab
  BID``), or the part of the directions text that names the medicine. When the
  directions cannot be told apart per medicine, each request carries them as a
  note marked as the whole prescription's directions, not as its dosage.
- patient_details: ``Immunization`` (hepatitis B, CVX 45); ``Condition`` per
  medical problem, coded in ICD-10-CM where the lexicon knows the name (text
  otherwise); ``AllergyIntolerance`` per allergy; ``MedicationStatement`` per
  regular medication (text: the lexicon has no RxNorm codes); ``Coverage``
  (policy number as member identifier) with the insurer as an
  ``Organization``; vital-sign ``Observation``s for weight (UCUM ``kg``) and
  height (UCUM ``cm``).
- ``DocumentReference``: the scan itself inside the Bundle (base64 attachment),
  or a link to ``scan_url/<sha256>`` when the export names a URL; SHA-256
  identifier, SHA-1 hash, the record date as the clinical period.
- The record date (or, failing it, the date the scan was received) dates every
  ``Observation``; it is not an Observation of its own.
- Any other field with a value (immunity answers, "has insurance", a value that
  is not a valid date) becomes an ``Observation`` with the field's label as text,
  so no verified value is lost.
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
from medreview.export import ExportOptions
from medreview.export.values import as_text
from medreview.lexicon.codes import icd10cm_for
from medreview.model import FieldData
from medreview.progress import Progress
from medreview.store.records import DocumentRecord

NAMESPACE = uuid.UUID("5b3c1f0e-8d8a-4b53-9a55-3f1f0c6c2e11")
# The system of every resource's stable identifier. Its value is the UUID of the
# entry's urn:uuid full URL without the "urn:uuid:" prefix: servers rewrite the
# full URL wherever it appears in a transaction, identifiers included.
RESOURCE_SYSTEM = "urn:medreview:resource"
CVX = "http://hl7.org/fhir/sid/cvx"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
SHA256_SYSTEM = "urn:medreview:source-sha256"
# LOINC code, display, UCUM unit: the form prints kilograms and centimetres.
VITALS: dict[str, tuple[str, str, str]] = {
    "weight": ("29463-7", "Body weight", "kg"),
    "height": ("8302-2", "Body height", "cm"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "Betaloc 100mg - 1 tab BID": the dosing written on a medicine's own line.
_LINE_DOSING = re.compile(r"^(?P<name>.+?\S)\s+[-–—:]\s+(?P<dosing>\S.*)$")
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


def split_line_dosing(line: str) -> tuple[str, str | None]:
    """A medicine line as (medicine, the dosing written after it on the line)."""
    match = _LINE_DOSING.match(line.strip())
    if match is None or not re.search(r"[A-Za-z0-9]", match.group("dosing")):
        return line.strip(), None
    return match.group("name"), match.group("dosing")


def directions_per_medicine(medicines: Sequence[str], directions: str) -> list[str] | None:
    """The directions text cut into each medicine's part, or None if it cannot be.

    A medicine's part starts where the directions name it (its first word) and
    runs to where the next medicine is named. Every medicine must be named,
    once each, and the text before the first one must be empty.
    """
    if len(medicines) == 1:
        return [directions]
    starts: list[tuple[int, int]] = []
    for index, medicine in enumerate(medicines):
        word = medicine.split()[0] if medicine.split() else ""
        if len(word) < 3:
            return None
        found = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", directions, re.I)]
        if len(found) != 1:
            return None
        starts.append((found[0], index))
    starts.sort()
    if directions[: starts[0][0]].strip(" .;,:"):
        return None
    parts: list[str] = [""] * len(medicines)
    for order, (start, index) in enumerate(starts):
        end = starts[order + 1][0] if order + 1 < len(starts) else len(directions)
        parts[index] = directions[start:end].strip(" .;,")
    return parts


class _BundleBuilder:
    """Collects the resources of one document and which fields they carry."""

    def __init__(self, record: DocumentRecord, options: ExportOptions) -> None:
        self.record = record
        self.options = options
        self.values = record.final_values()
        self.used: set[str] = set()
        self.entries: list[dict[str, Any]] = []
        self.patient_ref = {"reference": self.url("Patient", 0)}
        received = record.created_at.date().isoformat() if record.created_at else None
        self.record_date = _valid_date(self.values.get("record_date")) or _valid_date(
            self.values.get("date")
        )
        self.effective = self.record_date or received

    def url(self, kind: str, index: int | str) -> str:
        """The stable ``urn:uuid`` of one resource of this document."""
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{self.record.sha256}:{kind}:{index}')}"

    def take(self, name: str) -> FieldData:
        """A field's value, marking it as carried by a resource."""
        value = self.values.get(name)
        if value is not None:
            self.used.add(name)
        return value

    def add(self, resource: dict[str, Any], index: int | str = 0, *, url: str = "") -> str:
        """Add a resource keyed on its ``urn:uuid`` identifier; returns its full URL."""
        kind = resource["resourceType"]
        full_url = url or self.url(kind, index)
        identifier = {"system": RESOURCE_SYSTEM, "value": full_url.removeprefix("urn:uuid:")}
        resource["identifier"] = [identifier, *resource.get("identifier", [])]
        self.entries.append(
            {
                "fullUrl": full_url,
                "resource": resource,
                "request": {
                    "method": "PUT",
                    "url": f"{kind}?identifier={RESOURCE_SYSTEM}|{identifier['value']}",
                },
            }
        )
        return full_url

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
    lines = _items(b.take("medicines"))
    authored = _valid_date(b.values.get("date"))
    prescriber = b.values.get("prescriber")
    refills = b.values.get("refills")
    split = [split_line_dosing(line) for line in lines]
    names = [name for name, _ in split]
    directions = b.values.get("directions")
    per_medicine: list[str] | None = None
    if directions is not None and names:
        per_medicine = directions_per_medicine(names, as_text(directions))
        b.take("directions")
    for index, (medicine, dosing) in enumerate(split):
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
        instructions = [text for text in (dosing,) if text]
        notes: list[dict[str, str]] = []
        if per_medicine is not None:
            instructions.append(per_medicine[index])
        elif directions is not None:
            notes.append({"text": f"Directions for the whole prescription: {as_text(directions)}"})
        if instructions:
            request["dosageInstruction"] = [{"text": text} for text in instructions]
        if isinstance(refills, int) and not isinstance(refills, bool):
            b.take("refills")
            request["dispenseRequest"] = {"numberOfRepeatsAllowed": refills}
        elif refills is not None:
            notes.append({"text": f"Refills: {as_text(b.take('refills'))}"})
        if notes:
            request["note"] = notes
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
    if b.record_date is not None:
        immunization["recorded"] = b.record_date
    b.add(immunization)


def _condition_code(problem: str) -> dict[str, Any]:
    code = icd10cm_for(problem)
    concept: dict[str, Any] = {"text": problem}
    if code is not None:
        concept["coding"] = [{"system": code.system, "code": code.code, "display": code.display}]
    return concept


def _clinical_lists(b: _BundleBuilder) -> None:
    recorded = _valid_date(b.values.get("record_date"))
    if recorded is not None:
        b.take("record_date")
    for index, problem in enumerate(_items(b.take("medical_problems"))):
        condition: dict[str, Any] = {
            "resourceType": "Condition",
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "category": [{"coding": [{"system": CONDITION_CATEGORY, "code": "problem-list-item"}]}],
            "code": _condition_code(problem),
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
        statement: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": {"text": medication},
            "subject": b.subject(),
        }
        if recorded is not None:
            statement["dateAsserted"] = recorded
        b.add(statement, index)


def _coverage(b: _BundleBuilder) -> None:
    names = ("insurance_company", "policy_number", "insurance_expiry", "insurance_address")
    if all(b.values.get(name) is None for name in names):
        return
    organization: dict[str, Any] = {"resourceType": "Organization"}
    company = b.take("insurance_company")
    if company is not None:
        organization["name"] = as_text(company)
    if (address := b.take("insurance_address")) is not None:
        organization["address"] = [{"text": as_text(address)}]
    if company is not None:
        # One insurer, one Organization, whichever document names it.
        key = " ".join(as_text(company).lower().split())
        payor = b.add(organization, url=f"urn:uuid:{uuid.uuid5(NAMESPACE, f'insurer:{key}')}")
    else:
        payor = b.add(organization)
    coverage: dict[str, Any] = {
        "resourceType": "Coverage",
        "status": "active",
        "beneficiary": b.subject(),
        "payor": [{"reference": payor}],
    }
    if (policy := b.take("policy_number")) is not None:
        coverage["subscriberId"] = as_text(policy)
        coverage["identifier"] = [
            {
                "type": {"coding": [{"system": IDENTIFIER_TYPE, "code": "MB"}]},
                "value": as_text(policy),
            }
        ]
    expiry = _valid_date(b.values.get("insurance_expiry"))
    if expiry is not None:
        b.take("insurance_expiry")
        coverage["period"] = {"end": expiry}
    b.add(coverage)


def _observation(b: _BundleBuilder, body: dict[str, Any]) -> dict[str, Any]:
    observation: dict[str, Any] = {"resourceType": "Observation", "status": "final", **body}
    observation["subject"] = b.subject()
    if b.effective is not None:
        observation["effectiveDateTime"] = b.effective
    if b.record.verified_at is not None:
        observation["issued"] = b.record.verified_at.isoformat()
    return observation


def _vitals(b: _BundleBuilder) -> None:
    for name, (code, display, unit) in VITALS.items():
        value = b.values.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        b.take(name)
        category = [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "vital-signs"}]}]
        body = {
            "category": category,
            "code": {"coding": [{"system": LOINC, "code": code, "display": display}]},
            "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
        }
        b.add(_observation(b, body), name)


def _remaining(b: _BundleBuilder) -> None:
    labels = {spec.name: spec.label for spec in fields_of(b.record.document_type)}
    for name, value in b.values.items():
        if name in b.used or not _items(value):
            continue
        b.used.add(name)
        body = {
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]}],
            "code": {"text": labels.get(name, name)},
            "valueString": as_text(value),
        }
        b.add(_observation(b, body), f"field:{name}")


def _document_reference(b: _BundleBuilder) -> None:
    record = b.record
    source = record.source_path
    attachment: dict[str, Any] = {
        "contentType": _CONTENT_TYPES.get(source.suffix.lower(), "application/octet-stream"),
        "title": record.source_name,
    }
    if source.exists():
        data = record.seal.read(source)
        attachment["size"] = len(data)
        # FHIR R4's Attachment.hash is defined as the base64 of a SHA-1 digest.
        attachment["hash"] = base64.b64encode(hashlib.sha1(data).digest()).decode()
        if b.options.scan_url is None:
            attachment["data"] = base64.b64encode(data).decode("ascii")
    if b.options.scan_url is not None:
        attachment["url"] = f"{b.options.scan_url.rstrip('/')}/{record.sha256}"
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
    if b.record_date is not None:
        reference["context"] = {"period": {"start": b.record_date}}
    b.add(reference)


def bundle_for(record: DocumentRecord, options: ExportOptions | None = None) -> dict[str, Any]:
    """The transaction Bundle of one verified document (as plain JSON)."""
    b = _BundleBuilder(record, options or ExportOptions())
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
        "id": str(uuid.uuid5(NAMESPACE, f"{record.sha256}:Bundle")),
        "type": "transaction",
        "entry": b.entries,
    }


def validated_json(record: DocumentRecord, options: ExportOptions | None = None) -> str:
    """The Bundle validated against the FHIR structure, as compact JSON.

    A Bundle that does not validate is a mapping bug; the validator's message
    quotes values, so only the document id is reported.
    """
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        bundle = Bundle.model_validate(bundle_for(record, options))
    except ValidationError as exc:
        raise InternalError(
            f"the FHIR bundle of document {record.id} does not validate "
            f"({exc.error_count()} problem(s))"
        ) from None
    text: str = bundle.model_dump_json()
    return text


def write_fhir(
    records: Sequence[DocumentRecord],
    out: IO[bytes],
    progress: Progress,
    options: ExportOptions,
) -> None:
    """Write one validated Bundle per line (UTF-8)."""
    progress.begin(len(records), "Exporting FHIR")
    try:
        for record in records:
            out.write(validated_json(record, options).encode("utf-8"))
            out.write(b"\n")
            progress.advance()
    finally:
        progress.end()
