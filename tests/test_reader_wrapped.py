"""The reader on labels a form runs on over lines, and on addresses printed in parts.

A questionnaire's long question wraps under its number, its answer codes in a column at the
right; an interviewer writes the insurer's claims address in a street part and a town part,
as for the patient's own; a typed value runs over its cell's side. The words are laid as OCR
gives them (:mod:`tests.wordkit`).
"""

from __future__ import annotations

import cv2

from medreview.documents import DocumentType
from tests.test_reader_grids import blank, read
from tests.wordkit import layout


def test_a_question_wrapped_under_its_number_is_read_whole() -> None:
    """A question wrapped under its number: "Has a doctor ever told you that you have a" /
    "long-term health condition, such as asthma," / "diabetes or seizures?".

    No line holds the label; joined, the question's label stands over the conditions the
    interviewer wrote under it.
    """
    words = layout(
        [
            (200, 150, "1. PARTICIPANT INFORMATION"),
            (260, 150, "101. What is your name? Linda Murphy"),
            (400, 150, "3. HEALTH HISTORY"),
            (460, 150, "303. Has a doctor ever told you that you have a"),
            (460, 1800, "YES 1"),
            (502, 280, "long-term health condition, such as asthma,"),
            (502, 1800, "NO 2"),
            (544, 280, "diabetes or seizures?"),
            (610, 300, "Epilepsy, Depression"),
            (760, 150, "4. MEASUREMENTS"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["medical_problems"] == ["Epilepsy", "Depression"]


def test_an_insurers_address_in_parts_is_read_in_its_section_only() -> None:
    """The claims address's STREET and CITY, STATE, ZIP parts, under the insurance section.

    The patient's own parts, on page one, are the patient's; a state OCR misread ("M1") before
    its ZIP code ends no part, and a ZIP label glued to its town ("ZIPLansing") is split.
    """
    words = layout(
        [
            (200, 150, "1. PARTICIPANT INFORMATION"),
            (260, 150, "101. What is your home address? STREET 483 Main Drive"),
            (320, 1300, "TOWN / STATE / ZIP Nashville, TN 37203"),
            (500, 150, "5. HEALTH INSURANCE"),
            (560, 150, "501. What is the name of your insurance company? Aetna"),
            (640, 150, "506. What address are claims sent to? STREET / P.O. BOX 86 Cedar Road"),
            (700, 1300, "CITY, STATE, ZIPLansing, M1 48933"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["insurance_address"] == "86 Cedar Road, Lansing, MI 48933"
    assert found["address"] == "483 Main Drive, Nashville, TN 37203"


def test_an_insurers_parts_outside_any_insurance_section_are_not_read() -> None:
    """With no insurance section, a contact's address in parts is no insurer's."""
    words = layout(
        [
            (200, 150, "1. PARTICIPANT INFORMATION"),
            (260, 150, "Home address: 483 Main Drive, Nashville, TN 37203"),
            (400, 150, "2. ALTERNATE CONTACT"),
            (460, 150, "Name of contact: Joseph Murphy"),
            (520, 150, "Where does this person live? STREET 9 Hope St"),
            (580, 1300, "TOWN / STATE / ZIP Nashville, TN 37203"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert "insurance_address" not in found


def test_a_value_typed_past_its_cells_right_side_is_read_whole() -> None:
    """ "..., 97201, United States" runs over the cell's right line into the code column."""
    image = blank()
    for y in (980, 1170):  # the question's cell: lines over and under it ...
        cv2.line(image, (283, y), (2300, y), 0, 3)
    for x in (283, 1302, 2300):  # ... its sides, and the code column's
        cv2.line(image, (x, 980), (x, 1170), 0, 3)
    words = layout(
        [
            (200, 150, "1. PARTICIPANT INFORMATION"),
            (1000, 300, "103. What is your home address?"),
            (1110, 513, "261 Mill Lane Apt 38, Portland, OR 97201, United States"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "261 Mill Lane Apt 38, Portland, OR 97201, United States"
