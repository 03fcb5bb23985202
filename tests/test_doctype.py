"""The document type when none is given: the printed words' verdict, checked by reading."""

from __future__ import annotations

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.parsing import UNRECOGNISED, classify, parse_fields, read_any_type
from medreview.parsing.classify import evidence
from medreview.parsing.doctype import own_fields
from tests.test_parse_patient_details import page_one, page_two
from tests.test_parse_prescription import printed
from tests.wordkit import layout, ocr_page

CONFIG = PipelineConfig()

# A pharmacy order that asks for the patient's measures, allergies, phones and insurance, as a
# record does, and words its medicines, directions and refills its own way.
ASKING_PAD = [
    (100, 200, "Riverside Outpatient Pharmacy Order"),
    (170, 1300, "Work Phone: (415) 555-0100"),
    (250, 200, "Patient Name: Helen Okafor"),
    (250, 1300, "Date of Birth: 03/04/1961"),
    (330, 200, "Weight: 72 kg"),
    (330, 1300, "Allergies: Penicillin"),
    (410, 200, "Insurance Company: Northwind Mutual"),
    (410, 1300, "Policy Number: 4820193375"),
    (490, 200, "Home Phone: (415) 555-0182"),
    (490, 1300, "Height: 168 cm"),
    (600, 200, "Amoxicillin 500 mg capsules"),
    (680, 200, "Ibuprofen 400 mg tablets"),
    (800, 200, "Sig: one capsule three times a day for 7 days"),
    (1000, 200, "Repeats: 2"),
]


def test_a_prescription_asking_what_a_record_asks_is_read_as_a_prescription() -> None:
    pages = [ocr_page(layout(ASKING_PAD))]
    # the printed words alone take it for a record ...
    assert classify(pages)[0] is DocumentType.PATIENT_DETAILS
    # ... its reading as each type shows what it holds
    kind, outcome = read_any_type(pages, CONFIG)
    assert kind is DocumentType.PRESCRIPTION
    values = {name: result.value for name, result in outcome.fields.items()}
    assert values["medicines"] == ["Amoxicillin 500 mg capsules", "Ibuprofen 400 mg tablets"]
    assert values["directions"] == "one capsule three times a day for 7 days"
    assert values["refills"] == 2
    assert values["patient_name"] == "Helen Okafor"


def test_another_types_labelled_fields_are_no_medicine_and_no_date() -> None:
    """Read as a prescription, the pad's allergy and insurance lines stay out of the medicines
    and its birth date is not the prescription's date."""
    outcome = parse_fields(DocumentType.PRESCRIPTION, [ocr_page(layout(ASKING_PAD))], CONFIG)
    assert outcome.fields["medicines"].value == [
        "Amoxicillin 500 mg capsules",
        "Ibuprofen 400 mg tablets",
    ]
    assert "date" not in outcome.fields


def test_a_record_is_read_as_a_record() -> None:
    kind, outcome = read_any_type([ocr_page(page_one()), ocr_page(page_two(), 1)], CONFIG)
    assert kind is DocumentType.PATIENT_DETAILS
    assert outcome.fields["chicken_pox"].value == "immune"


def test_a_prescription_is_read_as_a_prescription() -> None:
    words = printed([(600, 200, "Rx Amoxicillin 500 mg")])
    kind, outcome = read_any_type([ocr_page(words)], CONFIG)
    assert kind is DocumentType.PRESCRIPTION
    assert outcome.fields["medicines"].value == ["Amoxicillin 500 mg"]


def test_a_page_of_neither_type_reads_nothing() -> None:
    words = layout([(100, 100, "Quarterly sales report"), (200, 100, "Revenue grew in March")])
    kind, outcome = read_any_type([ocr_page(words)], CONFIG)
    assert kind is DocumentType.UNKNOWN
    assert outcome.fields == {}
    assert outcome.warnings == [UNRECOGNISED]
    assert read_any_type([], CONFIG)[0] is DocumentType.UNKNOWN


def test_the_fields_both_types_share_say_nothing_of_the_type() -> None:
    assert own_fields(DocumentType.PRESCRIPTION) == (
        "prescriber",
        "medicines",
        "directions",
        "refills",
    )
    record = own_fields(DocumentType.PATIENT_DETAILS)
    assert "patient_name" not in record and "birth_date" not in record
    assert "chicken_pox" in record and "policy_number" in record


def test_one_drug_word_never_overturns_a_records_printed_labels() -> None:
    """A record whose printed labels all say record, and one word a prescription prints
    (``OFFICIAL USE``'s office stamp, a drug-like line), stays a record though its reading as
    a prescription finds more of that type's own fields than the record's reading finds."""
    rows = [
        (100, 200, "Windward Private Hospital"),
        (100, 1500, "OFFICIAL USE"),
        (250, 200, "PATIENT INFORMATION AND MEDICAL HISTORY"),
        (250, 1500, "DATE COMPLETED 2019-02-09"),
        (400, 200, "FULL NAME Lucas T. Gittens"),
        (480, 200, "DATE OF BIRTH 2011-01-09"),
        (560, 200, "ADDRESS 42 Barbican Road, San Fernando"),
        (900, 200, "Sickle cell trait"),
        (1000, 200, "Rx 10 mg"),
    ]
    pages = [ocr_page(layout(rows))]
    scores = evidence(pages)
    assert scores[DocumentType.PRESCRIPTION] < 0.2 * scores[DocumentType.PATIENT_DETAILS]
    kind, outcome = read_any_type(pages, CONFIG)
    assert kind is DocumentType.PATIENT_DETAILS
    assert outcome.fields["patient_name"].value == "Lucas T. Gittens"
