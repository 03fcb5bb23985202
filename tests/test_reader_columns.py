"""The reader on forms split into columns by drawn lines, and on a boxed government blank.

A dialysis unit's admission record runs in two newspaper columns of numbered items split by a
pale gray rule, its foot across both; page 2 is a verification table whose rows add the staff's
initials and the date checked after each answer, and ends with a dated signature. A military
clinic's prescription boxes the drugs with a column for the pharmacy's use beside them, names
the classical parts of a prescription (``(Inscription)``, ``(Subscription)``, ``(Signa)``),
prints the refill choices with ``Other`` and a count written after it, and stamps the
prescriber's name over the corps and the clinic.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import Word
from medreview.parsing.choices import written_after_other
from medreview.parsing.layout import LabelMatch, page_lines, repeated_columns, value_right
from medreview.parsing.marks import PageMarks
from medreview.parsing.reader import read_document
from tests.test_reader_grids import CONFIG, blank, read
from tests.wordkit import layout, ocr_page, row

COLUMN_RULE = 1275
PALE = 213  # the darkest pixel of the thin gray rule a scan of the record shows


def _admission_record(image: np.ndarray) -> list[Word]:
    """Page 1 of the record: two columns of numbered items, a foot across both."""
    cv2.line(image, (COLUMN_RULE, 450), (COLUMN_RULE, 2800), PALE, 2)
    return layout(
        [
            (200, 150, "Stonegate Renal Care"),
            (350, 150, "Patient information"),
            (350, 1350, "Treatment plan"),
            (450, 150, "1. Last name"),
            (450, 600, "2. First name, M.I."),
            (450, 1350, "19. Nephrologist"),
            (510, 150, "Murphy"),
            (510, 600, "Sofia"),
            (510, 1350, "Dr. Yuki Scott"),
            (600, 150, "5. Street / apt."),
            (600, 1350, "21. Treatment days"),
            (660, 150, "5766 Lincoln Ave"),
            (660, 1350, "Mon Wed Fri"),
            (750, 150, "6. City / State / ZIP code"),
            (750, 800, "7. Country"),
            (750, 1350, "22. Access type"),
            (810, 150, "Hartford, CT 06103"),
            (810, 800, "U.S.A."),
            (810, 1350, "AV graft"),
            (900, 150, "10. Dry weight"),
            (900, 600, "11. Height"),
            (900, 1350, "23. Date dialysis began"),
            (960, 150, "105 kg"),
            (960, 600, "170 cm"),
            (960, 1350, "05/09/2019"),
            (1100, 1350, "Medical history"),
            (1200, 1350, "29. Diagnoses besides kidney failure"),
            (1260, 1350, "Epilepsy, Migraine"),
            (2900, 150, "33. Date completed"),
            (2960, 150, "8/23/22"),
        ]
    )


def test_a_pale_rule_between_two_columns_keeps_each_columns_items_apart() -> None:
    """Level rows of the two columns are read apart: the patient's name is not the
    nephrologist's item, and the foot under the rule is read across the page."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _admission_record(image), image)
    assert found["patient_name"] == "Sofia Murphy"
    assert found["address"] == "5766 Lincoln Ave, Hartford, CT 06103, U.S.A."
    assert found["weight"] == 105
    assert found["height"] == 170
    assert found["medical_problems"] == ["Epilepsy", "Migraine"]
    assert found["record_date"] == "2022-08-23"


def test_a_panel_edge_may_be_pale_but_not_a_tinted_band() -> None:
    """A thin light gray rule down the page fences a panel; a pale tint's wide band does not."""
    image = blank()
    cv2.line(image, (COLUMN_RULE, 450), (COLUMN_RULE, 2800), PALE, 2)
    assert [abs(e.level - COLUMN_RULE) <= 3 for e in PageMarks(image).panel_edges()] == [True]
    tinted = blank()
    cv2.rectangle(tinted, (1000, 300), (1400, 3000), 225, -1)
    assert PageMarks(tinted).panel_edges() == []


def test_a_box_column_joined_at_both_ends_is_a_panel_edge() -> None:
    """The line between a drug box and its pharmacy column meets the box's top and bottom
    lines at its ends; no line crosses it, so the column is a panel."""
    image = blank()
    for y in (700, 2500):
        cv2.line(image, (150, y), (2400, y), 0, 4)
    cv2.line(image, (1880, 700), (1880, 2500), 0, 4)
    assert [abs(e.level - 1880) <= 3 for e in PageMarks(image).panel_edges()] == [True]


def test_the_next_items_number_is_no_value_but_a_middle_initial_is() -> None:
    """``1. SURNAME  2. FIRST NAME``: nothing is written right of the surname's label;
    ``First name Sarah H.  Last name`` keeps the initial ``H.``."""
    words = layout([(300, 150, "1. SURNAME"), (300, 700, "2. FIRST NAME")])
    lines = page_lines([ocr_page(words)])
    surname = LabelMatch(0, 1, 2, 100.0, "surname")
    first = LabelMatch(0, 3, 5, 100.0, "given_names")
    assert value_right(lines, surname, [surname, first]) == ()
    words = layout([(300, 150, "First Sarah H."), (300, 700, "Last Parker")])
    lines = page_lines([ocr_page(words)])
    given = LabelMatch(0, 0, 1, 100.0, "given_names")
    last = LabelMatch(0, 3, 4, 100.0, "surname")
    assert [w.text for w in value_right(lines, given, [given, last])] == ["Sarah", "H."]


def _box(image: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> None:
    cv2.rectangle(image, (x0, y0), (x1, y1), 0, 3)


def _military_blank(image: np.ndarray) -> list[Word]:
    """A boxed prescription: the drug box with a pharmacy column, refills, a stamped name."""
    _box(image, 150, 100, 2400, 3150)
    for y in (250, 700, 2500, 2750):
        cv2.line(image, (150, y), (2400, y), 0, 3)
    cv2.line(image, (1880, 700), (1880, 2500), 0, 3)
    cv2.line(image, (1700, 2750), (1700, 3150), 0, 3)
    return layout(
        [
            (150, 170, "PRESCRIPTION"),
            (270, 170, "PATIENT NAME"),
            (330, 200, "Ruth Turner"),
            (450, 170, "ADDRESS"),
            (510, 200, "3491 Mill Ln, Omaha, NE 68102"),
            (720, 1900, "FOR PHARMACY USE"),
            (780, 170, "Rx (Superscription)"),
            (900, 170, "(Inscription) Clindamycin 300 mg"),
            (960, 170, "(Subscription)"),
            (960, 600, "Disp #10"),
            (1040, 450, "Albuterol 90 mcg"),
            (1040, 1900, "EXP DATE"),
            (1100, 600, "Disp #30"),
            (1300, 170, "SIG Clindamycin every 12 hours for 30 days."),
            (1360, 170, "May cause drowsiness, do not drive."),
            (1360, 1900, "LOT NO."),
            (2520, 170, "REFILLS"),
            (2600, 200, "0 1 2 3 4 5 PRN Other 6"),
            (2770, 170, "PRESCRIBER (Print or stamp name)"),
            (2770, 1720, "DATE"),
            (2850, 200, "Dr Emma Turner"),
            (2850, 1720, "14/04/2023"),
            (2910, 200, "MC, USCG"),
            (2970, 200, "Pediatrics"),
        ]
    )


def test_the_pharmacys_column_beside_the_drugs_is_read_apart() -> None:
    """``EXP DATE`` and ``LOT NO.`` level with a drug and a line of directions are the
    pharmacy's boxes; the parts' names and the quantities to dispense are no drugs."""
    image = blank()
    found = read(DocumentType.PRESCRIPTION, _military_blank(image), image)
    assert found["medicines"] == ["Clindamycin 300 mg", "Albuterol 90 mcg"]
    assert found["directions"] == (
        "Clindamycin every 12 hours for 30 days. May cause drowsiness, do not drive."
    )


def test_a_stamped_name_is_its_first_line() -> None:
    """The stamp's corps and clinic under the name are no part of the prescriber's name."""
    image = blank()
    found = read(DocumentType.PRESCRIPTION, _military_blank(image), image)
    assert found["prescriber"] == "Dr Emma Turner"
    assert found["refills"] == 6
    assert found["date"] == "2023-04-14"


def test_a_count_after_the_refill_rows_last_entry_is_written_there() -> None:
    """``0 1 2 3 4 5 PRN 6``: the row's ``Other`` was read as a label; its count stands after
    ``PRN``. A row ending at ``PRN``, or a count the row prints, is no such count."""
    assert written_after_other(row(100, 100, "0 1 2 3 4 5 PRN 6")) == "6"
    assert written_after_other(row(100, 100, "0 1 2 3 4 5 PRN Other 11")) == "11"
    assert written_after_other(row(100, 100, "0 1 2 3 4 5 PRN")) is None
    assert written_after_other(row(100, 100, "0 1 2 3 4 5 PRN 3")) is None


def _verification_page(image: np.ndarray) -> list[Word]:
    """Page 2: a ruled table of item, answer, initials and date checked; a dated signature."""
    top, height = 500, 100
    rows = 4
    for index in range(rows + 1):
        y = top + index * height
        cv2.line(image, (150, y), (2400, y), 0, 3)
    for x in (150, 900, 1850, 2050, 2400):
        cv2.line(image, (x, top), (x, top + rows * height), 0, 3)
    words = layout(
        [
            (200, 150, "Stonegate Renal Care Admission Record (continued)"),
            (400, 150, "Payer and allergy check"),
            (530, 170, "Item"),
            (530, 920, "Response"),
            (530, 1870, "Verified by"),
            (530, 2070, "Date"),
            (630, 170, "Primary insurance"),
            (630, 920, "Blue Cross Blue Shield"),
            (630, 1870, "NA"),
            (630, 2070, "10/08/2025"),
            (730, 170, "Payer mailing address"),
            (730, 920, "PO Box 83030, Atlanta, GA 30309"),
            (730, 1870, "NA"),
            (730, 2070, "10/08/2025"),
            (830, 170, "Allergies"),
            (830, 920, "Penicillin"),
            (830, 1870, "NA"),
            (830, 2070, "10/08/2025"),
            (2900, 150, "Patient or representative signature"),
            (3000, 150, "Date: 10/22/2025"),
        ],
        page=1,
    )
    return words


def test_a_tables_answer_stops_at_its_cell_and_the_first_pages_date_is_the_records() -> None:
    """The initials and the date checked after an answer are other columns'; the record's
    date is page 1's, not the date beside the signature on the last page."""
    first, second = blank(), blank()
    pages = [
        ocr_page(_admission_record(first)),
        ocr_page(_verification_page(second), index=1),
    ]
    outcome = read_document(DocumentType.PATIENT_DETAILS, pages, CONFIG, [first, second])
    found = {name: result.value for name, result in outcome.fields.items()}
    assert found["insurance_company"] == "Blue Cross Blue Shield"
    assert found["insurance_address"] == "PO Box 83030, Atlanta, GA 30309"
    assert found["allergies"] == ["Penicillin"]
    assert found["record_date"] == "2022-08-23"


def test_a_repeated_columns_heading_may_share_its_line_with_the_rx() -> None:
    """``Eye(s)`` over the rows' ``OD OS OU`` is the column's heading, though the big ``Rx``
    at the left was read on its line."""
    words = layout(
        [
            (700, 300, "Rx"),
            (705, 2150, "Eye(s)"),
            (800, 400, "Ketorolac 0.5% gtts"),
            (800, 2100, "OD OS OU"),
            (900, 400, "Timolol 0.5% gtts"),
            (900, 2100, "OD OS OU"),
            (1000, 2100, "OD OS OU"),
        ]
    )
    lines = page_lines([ocr_page(words)])
    heading = next(w for w in words if w.text == "Eye(s)")
    assert any(w is heading for w in lines[0].words)
    found = repeated_columns(lines)
    key = (heading.page, heading.bbox.x0, heading.bbox.y0, heading.bbox.x1, heading.bbox.y1)
    assert key in found


def test_a_section_ends_where_its_panel_column_does() -> None:
    """The emergency contact's items left blank at the foot of the left column: the name
    heading the right column's next section is no contact's."""
    image = blank()
    cv2.line(image, (COLUMN_RULE, 450), (COLUMN_RULE, 2800), PALE, 2)
    words = layout(
        [
            (350, 150, "Patient information"),
            (450, 150, "1. Patient's full name"),
            (510, 150, "Arjun Morris"),
            (700, 150, "Emergency contact"),
            (800, 150, "13. Contact's name"),
            (1000, 150, "15. Home phone"),
            (500, 1350, "Attending nephrologist"),
            (560, 1350, "Samuel Schmidt"),
            (900, 1350, "Kidney care"),
            (960, 1350, "Ingrid Morris"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["patient_name"] == "Arjun Morris"
    assert "emergency_contact_name" not in found


def test_a_name_ocr_lettered_like_a_label_is_no_label_and_a_dotless_i_is_an_i() -> None:
    """``Isabel`` (compared as ``lsabel``) is not the label ``Label``; ``sıG`` is ``SIG``;
    ``29Date:`` is still the date's label."""
    words = layout([(300, 150, "NAME OF PRESCRIBER"), (360, 150, "Isabel Nguyen, MD")])
    image = blank()
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Isabel Nguyen, MD"
    words = layout([(300, 150, "sıG Take one tablet by mouth daily")])
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["directions"] == "Take one tablet by mouth daily"
    # a number glued before a label is still parted from it
    words = layout([(300, 150, "Name: Nora Stewart Age: 29Date: 21 Jul 2021")])
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["date"] == "2021-07-21"


def test_a_lone_number_against_the_next_label_is_that_items_number() -> None:
    """``Town, state, ZIP  6 Country``: the white disc's number read without its dot is the
    country item's; the city is the line under the label."""
    words = layout([(300, 150, "Town, state, ZIP"), (300, 560, "0"), (300, 600, "Country")])
    words += layout([(360, 150, "Boston, 02118")])
    lines = page_lines([ocr_page(words)])
    town = LabelMatch(0, 0, 3, 100.0, "city_state_zip")
    country = LabelMatch(0, 4, 5, 100.0, "country")
    assert value_right(lines, town, [town, country]) == ()
    words = layout([(300, 150, "Age 12"), (300, 900, "Sex M")])
    lines = page_lines([ocr_page(words)])
    age = LabelMatch(0, 0, 1, 100.0, "age")
    sex = LabelMatch(0, 2, 3, 100.0, "sex")
    assert [w.text for w in value_right(lines, age, [age, sex])] == ["12"]


def test_an_apartments_number_before_the_next_label_stays_in_the_value() -> None:
    """``Street: 5010 Main Street Apt 17.  Height:``: the ``17.`` is the apartment's, set
    apart from the next label, not an item's number against it."""
    words = layout([(300, 150, "Street: 5010 Main Street Apt 17."), (300, 900, "Height: 171 cm")])
    lines = page_lines([ocr_page(words)])
    street = LabelMatch(0, 0, 1, 100.0, "street")
    height = LabelMatch(0, 6, 7, 100.0, "height")
    value = [w.text for w in value_right(lines, street, [street, height])]
    assert value == ["5010", "Main", "Street", "Apt", "17."]
