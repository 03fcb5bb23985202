"""The generic reader on side-headed forms: titles in a narrow left column, wrapped or not,
answer boxes under a table's heads, grids of conditions and numbered medicine rows.

Each test draws what the form prints (rules, boxes, marks) and lays OCR words over it
(:mod:`tests.wordkit`), then reads the page as ``medreview extract`` would. The words are
laid as PP-OCR gives them: a word's box as tall as its whole line.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.values import VALUE_TYPES
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout, row

TITLES_X, FIELDS_X = 150, 600


def side_headed(rows: list[tuple[int, str, str]]) -> list[Word]:
    """Rows of ``(y, title part, fields)``: a side title's part at the left, fields right."""
    words: list[Word] = []
    for y, title, fields in rows:
        if title:
            words += row(y, TITLES_X, title)
        if fields:
            words += row(y, FIELDS_X, fields)
    return words


def test_a_title_wrapped_in_the_side_column_is_read_whole() -> None:
    """``Primary care`` over ``provider`` is the doctor's title: its name is no contact's.

    Read in parts, ``Primary care`` passes for a caregiver's label; ``Emergency`` over
    ``contact`` heads the contact's rows.
    """
    words = side_headed(
        [
            (300, "", "Patient name: Mei Scott"),
            (400, "", "Phone: (303) 555-0121"),
            (520, "Emergency", "Name: Wei Garcia"),
            (562, "contact", ""),
            (640, "", "Phone: (303) 555-0151"),
            (780, "Primary care", "Name: Dr. Emma Okafor"),
            (822, "provider", ""),
            (900, "", "Phone: (303) 555-0177"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Wei Garcia"
    assert found["emergency_contact_phone"] == "(303) 555-0151"


def test_a_heading_bar_over_a_cells_label_is_no_wrapped_title() -> None:
    """``EMERGENCY CONTACT`` over a ruled cell's ``NAME``: a drawn line parts them."""
    image = blank()
    words = side_headed(
        [
            (200, "", "Patient name: Mei Scott"),
            (280, "", "Home address: 4 Elm St, Boise, ID 83702"),
            (360, "", "E-mail: mei.scott@mail.com"),
            (500, "EMERGENCY CONTACT", ""),
            (548, "NAME", "Wei Garcia"),
            (640, "PHONE", "(303) 555-0151"),
        ]
    )
    cv2.line(image, (TITLES_X - 10, 542), (2300, 542), 0, 3)  # the cells' top line
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_name"] == "Wei Garcia"
    assert found["emergency_contact_phone"] == "(303) 555-0151"


def test_a_side_title_heads_the_grid_of_conditions_under_its_instruction() -> None:
    """``Medical`` over ``history``, then ``Check all that apply:`` and a grid of boxes.

    The grid, four boxes a row, is read along its rows; "None of these", unticked, answers
    nothing.
    """
    image = blank()
    words = side_headed(
        [
            (200, "", "Patient name: Mei Scott"),
            (280, "", "Phone: (303) 555-0121"),
            (360, "", "E-mail: mei.scott@mail.com"),
            (500, "Medical", "Check all that apply:"),
            (542, "history", ""),
        ]
    )
    words += row(500, 1500, "None of these")
    check_box(image, 1450, 500, ticked=False)
    grid = (
        ("Asthma", "Diabetes", "Hypertension", "High cholesterol"),
        ("Arthritis", "Depression", "Anxiety", "Epilepsy"),
    )
    ticked = {"High cholesterol", "Arthritis"}
    for index, entries in enumerate(grid):
        y = 600 + index * 60
        for column, entry in enumerate(entries):
            x = FIELDS_X + column * 420
            check_box(image, x - 60, y, ticked=entry in ticked)
            words += row(y, x, entry)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["High cholesterol", "Arthritis"]


def test_a_ticked_none_option_beside_the_grid_empties_the_list() -> None:
    """``[X] No conditions`` right of the instruction: no condition, the grid all empty."""
    image = blank()
    words = side_headed(
        [(300, "", "Patient name: Mei Scott"), (500, "", "Mark any condition you have:")]
    )
    words += row(500, 1500, "No conditions")
    check_box(image, 1450, 500, ticked=True)
    for column, entry in enumerate(("Asthma", "Diabetes", "Gout")):
        check_box(image, FIELDS_X + column * 420, 600, ticked=False)
        words += row(600, FIELDS_X + column * 420 + 60, entry)
    words += row(700, FIELDS_X, "Medical conditions (check all that apply):")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == []


def immunity_rows(image: np.ndarray, marked: dict[str, int]) -> list[Word]:
    """An immunity table with no lines between its columns: a box under each head a row."""
    heads = (("Immune", 1300), ("Not immune", 1550), ("Don't know", 1800))
    words = layout([(300, 150, "Name: Mei Scott"), (400, FIELDS_X, "Illness")])
    for head, x in heads:
        words += row(400, x, head)
    for index, (illness, column) in enumerate(marked.items()):
        y = 480 + index * 80
        cv2.line(image, (FIELDS_X, y - 20), (2300, y - 20), 0, 2)  # the rows' lines
        words += [
            Word(w.text, w.confidence, BBox(w.bbox.x0, y - 12, w.bbox.x1, y + 48))
            for w in row(y, FIELDS_X, illness)
        ]
        for place, (head, x) in enumerate(heads):
            centre = x + 9 * len(head)
            check_box(image, centre - 18, y, ticked=place == column)
    return words


def test_boxes_under_the_answer_heads_answer_each_row() -> None:
    """A tick under ``Not immune`` answers its row; one under ``Don't know`` leaves it out."""
    image = blank()
    words = immunity_rows(image, {"Varicella (chickenpox)": 1, "Measles (MMR)": 2})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert "measles" not in found


def test_a_ring_drawn_wide_round_a_choice_marks_it() -> None:
    """A ring round ``Not immune`` ends well past its letters, between the rows' lines."""
    image = blank()
    words = layout([(300, 150, "Name: Mei Scott")])
    for index, (illness, ringed) in enumerate((("Chickenpox (varicella)", 1), ("Measles", 0))):
        y = 500 + index * 72
        cv2.line(image, (FIELDS_X, y - 18), (2300, y - 18), 0, 2)
        cv2.line(image, (FIELDS_X, y + 54), (2300, y + 54), 0, 2)
        words += row(y, FIELDS_X, illness)
        options = row(y, 1300, "Immune") + row(y, 1500, "Not immune") + row(y, 1800, "Not sure")
        words += options
        chosen = [options[0]] if ringed == 0 else options[1:3]
        box = BBox.union(w.bbox for w in chosen)
        centre = ((box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2)
        axes = ((box.x1 - box.x0) // 2 + 45, 36)
        cv2.ellipse(image, centre, axes, 0, 0, 360, 0, 4)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def test_yes_and_no_read_as_one_word_are_two_boxed_options() -> None:
    """``[X] Y  [ ] N`` read as ``YN``: the box before Y holds the cross, the one between none."""
    image = blank()
    words = layout([(300, 150, "Name: Mei Scott")])
    words += [
        Word(w.text, w.confidence, BBox(w.bbox.x0, 500, w.bbox.x1, 563))
        for w in row(500, FIELDS_X, "Is a plan paying for your prescriptions?")
    ]
    # PP-OCR's word starts inside the crossed box and runs on over the empty one to the N
    check_box(image, 1760, 515, ticked=True)
    words.append(Word("YN", 0.9, BBox(1777, 500, 1988, 563)))
    check_box(image, 1887, 515, ticked=False)
    for letter, x in (("Y", 1822), ("N", 1950)):
        cv2.putText(image, letter, (x, 548), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["has_insurance"] == "yes"


def test_numbered_squares_before_medicine_lines_are_no_ticked_boxes() -> None:
    """Each medicine after a filled square holding its number; the quantity after its label.

    Squares all filled are the rows' numbers, not a drug check list's ticks: the quantity
    written after ``Qty:`` is no part of the medicine.
    """
    image = blank()
    words = layout([(300, 150, "Patient: Emily Parker"), (380, 150, "Date: 03/16/2019")])
    drugs = ("Quetiapine 50 mg", "Carvedilol 25 mg", "Ondansetron 8 mg")
    for index, drug in enumerate(drugs):
        y = 500 + index * 90
        cv2.rectangle(image, (200, y), (240, y + 40), 0, -1)
        cv2.putText(image, str(index + 1), (210, y + 32), cv2.FONT_HERSHEY_SIMPLEX, 1, 255, 2)
        words += row(y, 280, drug) + row(y, 1500, "Qty: 14 (fourteen)")
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == list(drugs)


def test_a_tables_medicine_column_runs_on_to_its_last_row() -> None:
    """Under ``Medication`` with its table's other heads beside it, every row is a medicine."""
    words = layout(
        [
            (300, 150, "Name: Mei Scott"),
            (500, FIELDS_X, "Medication"),
            (500, 1100, "Strength"),
            (500, 1500, "Frequency"),
            (500, 1900, "Prescriber"),
        ]
    )
    drugs = ("Topiramate", "Tramadol", "Naproxen")
    for index, drug in enumerate(drugs):
        y = 570 + index * 70
        words += row(y, FIELDS_X, drug) + row(y, 1100, "50 mg") + row(y, 1500, "Daily")
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["regular_medication"] == list(drugs)


def test_a_strengths_misread_unit_is_mended() -> None:
    """``300 ma`` is 300 mg; a word ``ma`` after no number stays."""
    medicines = VALUE_TYPES["medicines"]
    assert medicines.coerce("Bupropion 300 ma\nZinc ma") == [
        "Bupropion 300 mg",
        "Zinc ma",
    ]
