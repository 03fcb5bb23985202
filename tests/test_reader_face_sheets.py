"""The reader on printed face sheets and faxed prescriptions of walk-in clinics.

A clinic's system prints its sheets as ``LABEL  value`` rows: the patient's name in parts
beside the employer's, vitals side by side, a problem list as a table, and on the
prescription a centred ``ORDERS`` bar over numbered drugs whose first number stands after the
℞ (read ``Px``), each drug over its quantity line, then the diagnosis code.
"""

from __future__ import annotations

from dataclasses import replace

import cv2

from medreview.documents import DocumentType
from medreview.parsing.canonical import parse_list
from tests.test_reader_grids import blank, read
from tests.wordkit import layout


def test_the_employers_name_is_not_the_patients() -> None:
    """``Employer name:`` is one letter from the ``Employee name`` label; the name is in parts."""
    words = layout(
        [
            (100, 160, "Sunrise Express Clinic Registration Face Sheet"),
            (300, 160, "PATIENT"),
            (380, 160, "Surname: Hill"),
            (380, 1300, "DOB: 05/24/1937"),
            (460, 160, "First name, MI: Jacob P."),
            (460, 1300, "Age: 87"),
            (540, 160, "Marital:"),
            (540, 600, "Employer name: State University"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Jacob P. Hill"


def test_a_clinics_services_line_holds_no_medication() -> None:
    """``occupational medicine`` runs on in lower case: a word of the letterhead, no label."""
    words = layout(
        [
            (100, 160, "Harbor Point Urgent Care Patient Face Sheet"),
            (160, 160, "Urgent care - occupational medicine - physicals"),
            (220, 160, "574 Maple Lane, Charleston, SC 29401"),
            (400, 160, "FULL NAME Henry Adams"),
            (400, 1300, "DOB 27 December 1977"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Henry Adams"
    assert "regular_medication" not in found


def test_a_temperature_beside_an_empty_height_is_no_height() -> None:
    """``Height:`` left blank, then ``Temp: 101.2 F``: the temperature has a label of its own."""
    words = layout(
        [
            (300, 160, "VITAL SIGNS"),
            (380, 160, "Height:"),
            (380, 700, "Temp: 101.2 F"),
            (460, 160, "Weight: 98"),
            (460, 700, "Blood pressure: 161/70"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert "height" not in found
    assert found["weight"] == 98


def test_a_problem_list_table_is_read_down_its_diagnosis_column() -> None:
    """``ALLERGIC RHINITIS`` is a diagnosis, not the ``Allergic to`` label cut short: the ruled
    table's ``Diagnosis`` column holds the problems."""
    words = layout(
        [
            (300, 160, "Problem list:"),
            (380, 160, "#"),
            (380, 300, "Diagnosis"),
            (380, 1100, "ICD-10"),
            (380, 1500, "Onset"),
            (460, 160, "1."),
            (460, 300, "ALLERGIC RHINITIS"),
            (460, 1100, "J30.9"),
            (460, 1500, "2001"),
            (540, 160, "2."),
            (540, 300, "PSORIASIS"),
            (540, 1100, "L40.9"),
        ]
    )
    image = blank()
    for y in (365, 445, 525, 605):
        cv2.line(image, (145, y), (1700, y), 0, 3)
    for x in (145, 285, 1085, 1485, 1700):
        cv2.line(image, (x, 365), (x, 605), 0, 3)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["ALLERGIC RHINITIS", "PSORIASIS"]
    assert "allergies" not in found


def test_no_known_drug_allergies_is_the_empty_list() -> None:
    assert parse_list("No known drug allergies") == []


def faxed_prescription(title: str, title_x: int) -> list:
    """A faxed prescription's prescriber and numbered drugs, each over its quantity line."""
    return layout(
        [
            (100, 160, "City MD Walk-In Medical Printed Prescription"),
            (300, 160, "PATIENT NAME: Lucas Anderson"),
            (300, 1300, "DATE OF BIRTH: 1981-01-16"),
            (400, 160, "PRESCRIBER"),
            (480, 160, "PROVIDER: Dr. Linda Turner, D.O."),
            (480, 1300, "NPI #: 1705899817"),
            (560, 160, "DATE: 2020-04-23"),
            (680, title_x, title),
            (760, 160, "Px"),
            (760, 330, "1. Metformin 1000 mg"),
            (840, 330, "QTY: 20 tablets"),
            (840, 900, "DAYS SUPPLY: 5"),
            (920, 330, "2. Losartan 25 mg"),
            (1000, 330, "QTY: 21 tablets"),
            (1000, 900, "DAYS SUPPLY: 90"),
            (1080, 160, "DX: J01.90"),
            (1200, 160, "DIRECTIONS: Take 1 tablet by mouth daily."),
        ]
    )


def test_numbered_drugs_after_the_rx_mark_are_all_read_without_the_diagnosis() -> None:
    """``Px 1. Metformin``: the rows begin at the number, the quantities are passed over, and
    ``DX:`` ends the list. ``PROVIDER:`` is the prescriber's label, though it begins the
    patient record's ``Provider address``."""
    found = read(DocumentType.PRESCRIPTION, faxed_prescription("MEDICATION(S)", 160), blank())
    assert found["medicines"] == ["Metformin 1000 mg", "Losartan 25 mg"]
    assert found["prescriber"] == "Dr. Linda Turner, D.O."


def test_a_title_centred_in_its_bar_heads_the_drugs_under_it() -> None:
    """``ORDERS`` centred over the rows, which begin at the margin left of it."""
    found = read(DocumentType.PRESCRIPTION, faxed_prescription("ORDERS", 1200), blank())
    assert found["medicines"] == ["Metformin 1000 mg", "Losartan 25 mg"]


def test_a_heading_naming_one_person_twice_is_no_table_of_two() -> None:
    """``EMERGENCY CONTACT / NEXT OF KIN`` centred in its bar names one person: its rows are
    the contact's, not the empty cells of a two-column table."""
    words = layout(
        [
            (300, 160, "NAME: Chloe Brown"),
            (300, 1300, "DOB: 11/03/1957"),
            (460, 800, "EMERGENCY CONTACT / NEXT OF KIN"),
            (540, 160, "NAME: Hannah Brown"),
            (540, 1100, "RELATION TO PATIENT: Roommate"),
            (620, 160, "PHONE (HOME): (518) 555-0113"),
            (620, 1100, "OTHER PHONE: (617) 555-0106"),
            (700, 160, "ADDRESS: 259 Church Lane, Louisville, KY 40202"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Hannah Brown"
    assert found["emergency_contact_phone"] == "(518) 555-0113"


def test_refills_are_the_entry_after_the_one_filled_bubble() -> None:
    """``REFILL: ○0 ○1 ○2 ○3 ○4 ◉5 ○PRN`` read by OCR as ``0 ○ 1 ○ 2 45PRN``: the bubbles are
    counted in the image, so the filled sixth one means 5 refills."""
    words = faxed_prescription("MEDICATION(S)", 160)
    image = blank()
    y = 1400
    entries = ["0", "1", "2", "3", "4", "5", "PRN"]
    x = 400
    places = []
    for entry in entries:
        cv2.circle(image, (x + 18, y + 18), 17, 0, 3)
        places.append((x + 50, entry))
        x += 50 + 18 * len(entry) + 60
    cv2.circle(image, (places[5][0] - 32, y + 18), 9, 0, -1)  # the dot inside the sixth
    read_as = [(y, 160, "REFILL:")]
    read_as += [(y, px, text) for px, text in places[:3]]
    read_as.append((y, places[4][0], "45PRN"))  # OCR ran the last three together
    glued = layout(read_as)
    glued[-1] = replace(glued[-1], bbox=replace(glued[-1].bbox, x1=places[6][0] + 3 * 18))
    found = read(DocumentType.PRESCRIPTION, words + glued, image)
    assert found["refills"] == 5
