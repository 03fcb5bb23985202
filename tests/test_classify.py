from __future__ import annotations

from dataclasses import replace

from medreview.documents import DocumentType
from medreview.parsing import classify
from tests.test_parse_patient_details import page_one, page_two
from tests.test_parse_prescription import printed
from tests.wordkit import layout, ocr_page


def test_prescription() -> None:
    kind, confidence = classify([ocr_page(printed([(600, 200, "Rx Amoxicillin 500 mg")]))])
    assert kind is DocumentType.PRESCRIPTION
    assert 0.5 < confidence <= 1.0


def test_patient_record_with_misread_keywords() -> None:
    words = [replace(w, text="Mcasles:") if w.text == "Measles:" else w for w in page_one()]
    kind, confidence = classify([ocr_page(words), ocr_page(page_two(), 1)])
    assert kind is DocumentType.PATIENT_DETAILS
    assert confidence > 0.8


def test_page_two_alone_is_still_a_record() -> None:
    kind, _ = classify([ocr_page(page_two())])
    assert kind is DocumentType.PATIENT_DETAILS


def test_unrelated_text_is_unknown() -> None:
    words = layout([(100, 100, "Quarterly sales report"), (200, 100, "Revenue grew in March")])
    kind, confidence = classify([ocr_page(words)])
    assert kind is DocumentType.UNKNOWN
    assert confidence > 0.5
    assert classify([]) == (DocumentType.UNKNOWN, 1.0)


def test_mixed_evidence_is_unknown() -> None:
    words = printed([(600, 200, "Amoxicillin")]) + [
        w for w in page_one() if 1950 <= w.bbox.y0 < 2300
    ]
    kind, _ = classify([ocr_page(words)])
    assert kind is DocumentType.UNKNOWN


def test_an_unfamiliar_title_is_told_by_its_fields_labels() -> None:
    # no "Prescription", "Directions" or "Refills": the fields' own labels tell the type
    words = layout(
        [
            (100, 200, "Treatment Order"),
            (300, 200, "Clinician Dr Joseph Smith, M.D"),
            (400, 200, "Patient . Naomi Tanaka"),
            (500, 200, "Residing at . 575 Juniper St, Atlanta, 30309"),
            (600, 200, "Preparation"),
            (700, 200, "1 Carvedilol 6.25 mg tab"),
            (800, 200, "How to take Carvedilol at bedtime"),
            (900, 200, "Repeat count. 2"),
        ]
    )
    assert classify([ocr_page(words)])[0] is DocumentType.PRESCRIPTION


def test_medicine_lines_tell_a_prescription_whatever_its_labels() -> None:
    words = layout(
        [
            (100, 200, "Order sheet"),
            (300, 200, "Amoxicillin 500 mg capsule"),
            (400, 200, "Ibuprofen 400 mg tablet"),
            (500, 200, "one by mouth daily"),
        ]
    )
    assert classify([ocr_page(words)])[0] is DocumentType.PRESCRIPTION
    # one strength alone is not enough
    assert classify([ocr_page(words[:7])])[0] is DocumentType.UNKNOWN
