"""The reader on person tables: people in columns (the patient, the person to notify, the next
of kin, a policy's principal member), their details in rows under one column of row labels."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from tests.test_reader_tables import HEIGHT, WIDTH, read
from tests.wordkit import layout


def ruled(top: int, rows: list[int], columns: list[int]) -> np.ndarray:
    """A table ruled at ``columns``' edges, its rows ``rows`` pixels high under ``top``."""
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    levels = [top]
    for height in rows:
        levels.append(levels[-1] + height)
    for y in levels:
        cv2.line(image, (columns[0], y), (columns[-1], y), 0, 3)
    for x in columns:
        cv2.line(image, (x, top), (x, levels[-1]), 0, 3)
    return image


def registration(*, contact_phone: bool = True) -> list[Word]:
    """A registration form's person table: the patient, the next of kin, the person to notify."""
    return layout(
        [
            (300, 170, "PATIENT REGISTRATION FORM"),
            (420, 170, "PERSONAL PARTICULARS"),
            (515, 620, "PATIENT (SELF)"),
            (515, 1220, "NEXT OF KIN"),
            (515, 1820, "EMERGENCY CONTACT"),
            (595, 180, "FULL NAME"),
            (595, 630, "Samuel Chen"),
            (595, 1230, "Mei Chen"),
            (595, 1830, "Lucia Martin"),
            (675, 180, "RELATIONSHIP"),
            (675, 630, "Self"),
            (675, 1230, "Wife"),
            (675, 1830, "Friend"),
            (755, 180, "HOME ADDRESS"),
            (755, 630, "35 Church Close"),
            (755, 1230, "35 Church Close"),
            (755, 1830, "49 Cotton Tree Road"),
            (805, 630, "Kingstown"),
            (805, 1230, "Kingstown"),
            (805, 1830, "Nassau, Bahamas"),
            (895, 180, "HOME TELEPHONE"),
            (895, 630, "784 555 0127"),
            (895, 1230, "784 555 0133"),
            *([(895, 1830, "242 555 0130")] if contact_phone else []),
        ]
    )


def registration_image() -> np.ndarray:
    return ruled(500, [60, 80, 80, 140, 80], [170, 610, 1210, 1810, 2400])


def test_each_persons_details_are_read_from_their_own_column() -> None:
    found = read(DocumentType.PATIENT_DETAILS, registration(), registration_image())
    assert found["patient_name"] == "Samuel Chen"
    assert found["address"] == "35 Church Close, Kingstown"
    assert found["phone"] == "(784) 555-0127"
    assert found["emergency_contact_name"] == "Lucia Martin"
    assert found["emergency_contact_address"] == "49 Cotton Tree Road, Nassau, Bahamas"
    assert found["emergency_contact_phone"] == "(242) 555-0130"


def test_a_person_table_is_read_where_no_ruled_cell_was_found() -> None:
    """A photo whose lines were not found: the rows reach halfway to their neighbours."""
    found = read(DocumentType.PATIENT_DETAILS, registration())
    assert found["emergency_contact_name"] == "Lucia Martin"
    assert found["emergency_contact_address"] == "49 Cotton Tree Road, Nassau, Bahamas"
    assert found["phone"] == "(784) 555-0127"


def test_a_blank_cell_of_the_person_to_notify_reads_no_other_persons_value() -> None:
    found = read(
        DocumentType.PATIENT_DETAILS, registration(contact_phone=False), registration_image()
    )
    assert found["phone"] == "(784) 555-0127"
    assert "emergency_contact_phone" not in found


def test_the_next_of_kin_is_the_person_to_notify_when_no_column_names_one() -> None:
    words = layout(
        [
            (420, 170, "PERSONAL PARTICULARS"),
            (515, 620, "THE PATIENT"),
            (515, 1220, "NEAREST RELATIVE"),
            (595, 180, "NAME IN FULL"),
            (595, 630, "Lucas Morgan"),
            (595, 1230, "Thomas Morgan"),
            (675, 180, "RELATION"),
            (675, 1230, "Father"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["patient_name"] == "Lucas Morgan"
    assert found["emergency_contact_name"] == "Thomas Morgan"


def test_a_claim_forms_patient_column_gives_the_patient_not_the_member() -> None:
    words = layout(
        [
            (200, 170, "PRESCRIPTION CLAIM FORM"),
            (330, 170, "Section A: Member / Patient Details"),
            (415, 620, "PRINCIPAL MEMBER"),
            (415, 1420, "PATIENT (IF DEPENDANT)"),
            (495, 180, "Name"),
            (495, 630, "Rosa Carter"),
            (495, 1430, "Noah Carter"),
            (575, 180, "Certificate No."),
            (575, 630, "M9113184-04"),
            (655, 180, "Relationship"),
            (655, 630, "Self"),
            (655, 1430, "Son"),
            (735, 180, "Mailing address"),
            (735, 1430, "16 Queen Rd, Scarborough, Tobago"),
            (835, 170, "Part B - Prescription"),
            (915, 180, "Date of prescription"),
            (915, 630, "March 14, 2019"),
            (995, 180, "Rx"),
            (995, 330, "Topiramate 50 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words)
    assert found["patient_name"] == "Noah Carter"
    assert found["patient_address"] == "16 Queen Rd, Scarborough, Tobago"
    # the table ends at the next part: its date is no cell of the patient's column
    assert found["date"] == "2019-03-14"


def tilted(words: list[Word], slope: float) -> list[Word]:
    """The words of a page photographed askew: each falls ``slope`` pixels per pixel across."""
    return [
        replace(
            w,
            bbox=BBox(
                w.bbox.x0,
                w.bbox.y0 + round(slope * w.bbox.x0),
                w.bbox.x1,
                w.bbox.y1 + round(slope * w.bbox.x0),
            ),
        )
        for w in words
    ]


def test_a_tilted_tables_rows_fall_across_the_page_with_its_lines() -> None:
    """Askew, the contact's cell of a row stands lower than its label by more than half a row."""
    found = read(DocumentType.PATIENT_DETAILS, tilted(registration(), 0.035))
    assert found["emergency_contact_name"] == "Lucia Martin"
    assert found["emergency_contact_phone"] == "(242) 555-0130"
    assert found["phone"] == "(784) 555-0127"
