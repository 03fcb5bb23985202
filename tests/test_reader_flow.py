"""The reader on forms set in columns of shaded boxes with their captions under them.

An occupational clinic's intake runs its sections down three columns with only white between
them (no drawn line), each value in a box captioned under it; its questions still print their
answers under them. Its work status report numbers the medicines beside a tall ℞ and puts the
directions in one tall box captioned under it. The words are laid as OCR gives them
(:mod:`tests.wordkit`) over the lines and boxes drawn the way the form prints them.
"""

from __future__ import annotations

import cv2

from medreview.documents import DocumentType
from medreview.parsing.flow import flow_edges
from medreview.parsing.labelled import _holds_boxes as holds_boxes
from medreview.parsing.layout import find_labels, page_lines
from medreview.parsing.marks import BOX_SCALES, PageMarks
from medreview.parsing.page import build_page
from medreview.parsing.vocabulary import vocabulary
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page

# the three columns' left edges
ONE, TWO, THREE = 150, 925, 1700


def intake(*, headed: bool = True) -> list:
    """An intake's first page: patient, person to notify, then the injury, in three columns.

    Rows of the three columns stand level (boxes of one height), so a line across the page
    joins a patient's value with the contact's and the claim's.
    """
    rows = [
        (560, ONE, "PATIENT INFORMATION"),
        (640, ONE, "Grace Roberts"),
        (700, ONE, "Patient name"),
        (780, ONE, "(816) 555-0171"),
        (840, ONE, "Primary phone"),
        (920, ONE, "(515) 555-0124"),
        (980, ONE, "Cell phone"),
        (1060, ONE, "600 Sunset Place"),
        (1120, ONE, "Address (street)"),
        (1200, ONE, "Springfield, IL 62704"),
        (1260, ONE, "Town, state, zip code"),
        (1340, ONE, "05/10/1961"),
        (1400, ONE, "DOB"),
        (640, TWO, "Naomi Perez"),
        (700, TWO, "Notify"),
        (780, TWO, "(303) 555-0184"),
        (840, TWO, "Telephone"),
        (920, TWO, "(816) 555-0151"),
        (980, TWO, "Work / other phone"),
        (1180, TWO, "Metro Transit Authority"),
        (1240, TWO, "Employer"),
        (1320, TWO, "(515) 555-0171"),
        (1380, TWO, "Employer phone"),
        (640, THREE, "C-4471902"),
        (700, THREE, "WC claim #"),
        (780, THREE, "Travelers"),
        (840, THREE, "WC insurance company"),
        (920, THREE, "Fell from a ladder"),
        (980, THREE, "Describe the injury"),
        (1060, THREE, "06/09/2021"),
        (1120, THREE, "Date of injury"),
        (1200, THREE, "Forklift operator"),
        (1260, THREE, "Position"),
        (
            1600,
            ONE,
            "I certify that the answers on this page are true and complete to my knowledge",
        ),
        (1700, ONE, "Signature of patient"),
        (1640, 1500, "09/16/2021"),
        (1700, 1500, "Today's date"),
    ]
    if headed:
        rows += [(560, TWO, "PERSON TO NOTIFY"), (1100, TWO, "EMPLOYER AND INJURY")]
    return layout(rows)


def test_sections_set_in_columns_with_white_between_are_read_column_by_column() -> None:
    """The patient's phone is the first column's, the contact's the second's, level with it.

    Read as lines across the page, ``(816) 555-0171 (303) 555-0184 Travelers`` would join
    them; the second column's headings, with the white beside them running down the page,
    part the columns, and a third column no heading opens is found level with the others.
    """
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(intake())], CONFIG, [blank()])
    texts = [line.text for line in doc.lines]
    assert "(816) 555-0171" in texts and "(303) 555-0184" in texts and "Travelers" in texts
    found = read(DocumentType.PATIENT_DETAILS, intake(), blank())
    assert found["patient_name"] == "Grace Roberts"
    assert found["phone"] == "(816) 555-0171"
    assert found["emergency_contact_name"] == "Naomi Perez"
    assert found["emergency_contact_phone"] == "(303) 555-0184"
    assert found["record_date"] == "2021-09-16"


def test_a_caption_s_value_is_looked_for_in_its_own_column() -> None:
    """``Given name`` in the first column: the line over it is the first column's.

    The third column's claim number stands a little lower on the page than the name; read
    by height alone it would be the nearest line over the caption.
    """
    rows = [
        (560, ONE, "PATIENT INFORMATION"),
        (640, ONE, "Roberts"),
        (640, 500, "Grace"),
        (700, ONE, "Last name"),
        (700, 500, "Given name"),
        (780, ONE, "(816) 555-0171"),
        (840, ONE, "Primary phone"),
        *((840 + 100 * i, ONE, f"see note {i} overleaf") for i in range(1, 5)),
        (560, TWO, "PERSON TO NOTIFY"),
        (640, TWO, "Naomi Perez"),
        (700, TWO, "Notify"),
        (1000, TWO, "EMPLOYER AND INJURY"),
        *((1000 + 80 * i, TWO, f"see note {i} overleaf") for i in range(1, 6)),
        (560, THREE, "MEDICAL HISTORY"),
        (660, THREE, "C-4471902"),
        (710, THREE, "WC claim #"),
        *((710 + 100 * i, THREE, f"see note {i} overleaf") for i in range(1, 7)),
        (
            1500,
            ONE,
            "I certify that the answers on this page are true and complete to my knowledge",
        ),
    ]
    found = read(DocumentType.PATIENT_DETAILS, layout(rows), blank())
    assert found["patient_name"] == "Grace Roberts"


def headings() -> dict[str, tuple[str, ...]]:
    owners = vocabulary(DocumentType.PATIENT_DETAILS).label_owners()
    return {
        label: (label,)
        for label, keys in owners.items()
        if any(k.startswith("section:") for k in keys)
    }


def test_the_gutters_run_between_the_columns_and_stop_at_the_line_across() -> None:
    """Two gutters, left of the second and third columns, from the headings to the last row."""
    edges = flow_edges(ocr_page(intake()), headings(), None)
    assert [round(e.level) for e in edges] == [TWO - 1, THREE - 1]
    assert all(e.start == 560 and e.end == 1436 for e in edges)


def test_columns_with_one_heading_each_are_no_flow_of_sections() -> None:
    """A table's columns each under one heading (no section runs on down a column) stay whole."""
    assert flow_edges(ocr_page(intake(headed=False)), headings(), None) == []


def test_a_rule_across_the_gutter_ends_the_columns() -> None:
    """A section's rule drawn across the page under the columns: the rows under it are whole."""
    image = blank()
    cv2.line(image, (140, 1300), (2400, 1300), 0, 3)
    lines = page_lines([ocr_page(intake())])
    assert find_labels(lines, headings())  # (the headings are found)
    edges = flow_edges(ocr_page(intake()), headings(), PageMarks(image))
    assert edges and all(e.end < 1320 for e in edges)  # (the last row over the rule)


def test_a_question_over_its_answers_is_no_caption_of_the_answers_above_it() -> None:
    """On a form of captions under values, each disease still heads its row of answers.

    ``Measles`` stands under chickenpox's ``Immune  Not immune  Unsure``: read as that row's
    caption it would answer measles with chickenpox's mark.
    """
    image = blank()
    words = layout(
        [
            (400, 150, "Grace Roberts"),
            (460, 150, "Patient name"),
            (540, 150, "(816) 555-0171"),
            (600, 150, "Primary phone"),
            (680, 150, "05/10/1961"),
            (740, 150, "DOB"),
            (840, 150, "IMMUNITY"),
            (900, 150, "Varicella / chickenpox"),
            (960, 200, "Immune"),
            (960, 450, "Not immune"),
            (960, 800, "Unsure"),
            (1030, 150, "Measles"),
            (1090, 200, "Immune"),
            (1090, 450, "Not immune"),
            (1090, 800, "Unsure"),
            (1160, 150, "Have you had the hepatitis B vaccine series?"),
            (1220, 200, "Yes"),
            (1220, 450, "No"),
            (1220, 800, "Not sure"),
        ]
    )
    for y, ticked in ((960, 200), (1090, 450), (1220, 200)):
        for x in (200, 450, 800):
            check_box(image, x - 50, y, ticked=x == ticked)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "immune"
    assert found["measles"] == "not immune"
    assert found["hepatitis_b_vaccination"] == "yes"


def test_a_check_list_of_boxes_smaller_than_its_words_runs_on_to_its_last_row() -> None:
    """Boxes drawn at half the line OCR gives the items still lead the list's rows."""
    image = blank()
    items = ("Asthma", "Hypertension", "Back pain", "Depression", "Migraine", "Acid reflux")
    rows = [(900, 150, "MEDICAL HISTORY"), (960, 150, "Mark any you have been told you have:")]
    for index, item in enumerate(items):
        y = 1030 + 54 * index
        rows.append((y, 200, item))
        cv2.rectangle(image, (165, y + 10), (180, y + 25), 0, 2)
        if item in ("Back pain", "Acid reflux"):
            cv2.line(image, (168, y + 13), (177, y + 22), 0, 2)
            cv2.line(image, (177, y + 13), (168, y + 22), 0, 2)
    found = read(DocumentType.PATIENT_DETAILS, layout(rows), image)
    assert found["medical_problems"] == ["Back pain", "Acid reflux"]
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(layout(rows))], CONFIG, [image])
    hypertension = next(line for line in doc.lines if line.text == "Hypertension")
    assert holds_boxes(doc, hypertension, BOX_SCALES)
    assert not holds_boxes(doc, hypertension)  # (looked for only as big as the words)


def test_the_rows_numbered_before_a_tall_rx_start_the_medicines() -> None:
    """``1. Gabapentin`` over ``Rx 2. Ibuprofen``: the ℞ read on the second row's line."""
    words = layout(
        [
            (300, 150, "Employee / patient: Sarah J. Edwards"),
            (1500, 330, "1. Gabapentin 100 mg"),
            (1560, 200, "Rx"),
            (1560, 330, "2. Ibuprofen 400 mg tab"),
            (1620, 330, "3. Cyclobenzaprine 5 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["medicines"] == [
        "Gabapentin 100 mg",
        "Ibuprofen 400 mg tab",
        "Cyclobenzaprine 5 mg",
    ]


def test_the_directions_box_captioned_under_it_ends_the_medicines_over_it() -> None:
    """On a form of captions, the tall box over ``Instructions`` is the directions'.

    The medicine rows beside the ℞ run on down the page; they stop where the directions'
    box begins, whose caption stands under it.
    """
    words = layout(
        [
            (300, 150, "Sarah J. Edwards"),
            (360, 150, "Employee / patient"),
            (300, 1100, "16/8/1976"),
            (360, 1100, "Date of birth"),
            (300, 1700, "16/12/19"),
            (360, 1700, "Date of visit"),
            (1500, 200, "Rx"),
            (1500, 330, "1. Gabapentin 100 mg"),
            (1580, 330, "2. Ibuprofen 400 mg tab"),
            (1680, 350, "Take 1 capsule by mouth once daily for 10 days"),
            (1742, 350, "Ibuprofen 2 tablets four times a day after meals"),
            (1830, 330, "Instructions"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Gabapentin 100 mg", "Ibuprofen 400 mg tab"]
    assert found["directions"] == (
        "Take 1 capsule by mouth once daily for 10 days Ibuprofen 2 tablets four times a day "
        "after meals"
    )
