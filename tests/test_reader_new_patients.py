"""The reader on a practice's numbered new-patient questionnaire and a hospice's order sheet.

A practice's new-patient questionnaire numbers each question within its part (``A2 Family
name``), under parts lettered ``PART A.``; questions stand two to a row with the answers on the
rule under them, or in a ruled column at the right. Answers are ticked boxes drawn smaller than
the words, and a measure is written after its abbreviation (``Ht 150  Wt 62``). The order sheet
lists drugs in a table with route, quantity and indication columns, and writes a refill count
the row has no box for after ``Other``.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.parsing.choices import read_box_row
from medreview.parsing.layout import find_labels, page_lines, segment_starts
from medreview.parsing.marks import PageMarks
from tests.test_reader_grids import blank, read
from tests.wordkit import layout, ocr_page


def test_questions_numbered_within_their_part_are_read() -> None:
    """``A2 Family Name Thomas``: the question's number begins the row, the label after it."""
    words = layout(
        [
            (100, 160, "Summit Dental Associates"),
            (300, 160, "PART A. ABOUT YOU"),
            (380, 160, "A1 Date"),
            (380, 1300, "2 December 2024"),
            (460, 160, "A2 Family Name"),
            (460, 1300, "Thomas"),
            (540, 160, "A3 Given Name(s)"),
            (540, 1300, "Kevin"),
            (620, 160, "A4 When were you born?"),
            (620, 1300, "3 October 1991"),
            (700, 160, "A9 Home Phone"),
            (700, 1300, "(813)555-0104"),
            (800, 160, "PART B. IN CASE OF EMERGENCY"),
            (880, 160, "B1 Contact's Name"),
            (880, 1300, "Priya Morris"),
            (960, 160, "B3 Contact's Home Phone"),
            (960, 1300, "(916)555-0114"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Kevin Thomas"
    assert found["birth_date"] == "1991-10-03"
    assert found["phone"] == "(813) 555-0104"
    assert found["emergency_contact_name"] == "Priya Morris"
    assert found["emergency_contact_phone"] == "(916) 555-0114"


def test_the_next_questions_number_is_no_value() -> None:
    """``E2 Name of insurance carrier   E3 Policy number``, both left blank: ``E3`` is the
    second question's number, not the carrier's name."""
    words = layout(
        [
            (300, 160, "SECTION E. INSURANCE"),
            (380, 160, "E2 Name of insurance carrier"),
            (380, 1300, "E3 Policy number"),
            (500, 160, "E4 Group number"),
            (500, 1300, "E5 Name of insured"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert "insurance_company" not in found


def test_a_parts_title_after_its_letter_heads_its_section() -> None:
    """``PART B Next of kin / emergency contact``: the title after the part's letter is a
    heading, so the contact's name is the one under it, not the signer's name at the foot."""
    words = layout(
        [
            (300, 160, "PART A Personal details"),
            (380, 160, "FAMILY NAME: Cooper"),
            (380, 1300, "FORENAME(S): Michael"),
            (500, 160, "PART B Next of kin / emergency contact"),
            (580, 160, "FULL NAME: Hassan Bell"),
            (580, 1300, "RELATIONSHIP TO YOU: Husband"),
            (660, 160, "HOME PHONE: (916) 555-0199"),
            (800, 160, "PART C Declaration"),
            (880, 160, "NAME (CAPITALS): Michael Cooper"),
            (880, 1300, "DATE: 2019-10-13"),
        ]
    )
    line = page_lines([ocr_page(words)])[0]
    assert 2 in segment_starts(line)
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Hassan Bell"


def test_a_label_is_not_the_start_of_a_longer_word() -> None:
    """``OCCUPATIONAL HEALTH ONLY`` is no ``Occupation`` label."""
    lines = page_lines([ocr_page(layout([(300, 160, "OCCUPATIONAL HEALTH ONLY")]))])
    assert find_labels(lines, {"occupation": ("Occupation",)}) == []


def test_a_measure_glued_to_its_abbreviation_is_read() -> None:
    """``Height and weight   Ht 150   Wt62``: OCR ran the weight into its tag."""
    words = layout(
        [(300, 160, "19. Height and weight"), (300, 1300, "Ht 150"), (300, 1800, "Wt62")]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["height"] == 150
    assert found["weight"] == 62


def test_a_measures_tag_read_in_lower_case_is_still_its_label() -> None:
    """``wt 29 kg``: OCR lowered the tag; an abbreviation before a figure is no prose."""
    words = layout(
        [(300, 160, "Height / weight"), (380, 1300, "Ht 122 cm"), (380, 1800, "wt 29 kg")]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["weight"] == 29


def answer_row(image: np.ndarray, y: int, ticked: int | None, *, side: int = 24) -> list:
    """``Chickenpox (varicella)  [ ] Had it / immune  [ ] Not immune  [ ] Unsure`` with boxes
    drawn ``side`` px (the words are 36 px high), the ``ticked`` one with a tick over it."""
    entries = [(1300, "Had it / immune"), (1700, "Not immune"), (2050, "Unsure")]
    for index, (x, _) in enumerate(entries):
        cv2.rectangle(image, (x - 16 - side, y + 30 - side), (x - 16, y + 30), 0, 2)
        if index == ticked:
            cv2.line(image, (x - 32, y + 20), (x - 26, y + 28), 0, 3)
            cv2.line(image, (x - 26, y + 28), (x - 10, y - 4), 0, 3)  # over the box's top
    return layout([(y, 160, "Chickenpox (varicella)"), *((y, x, text) for x, text in entries)])


def test_a_box_drawn_smaller_than_the_words_is_read() -> None:
    """The ticked box is found first; the row's other boxes are looked for at its size."""
    image = blank()
    words = answer_row(image, 400, 0, side=18)[2:]
    assert read_box_row(words, ("immune", "not immune"), PageMarks(image)) == ("immune", True)


def test_no_box_ticked_leaves_the_answer_out() -> None:
    """A box for each answer, ``Unsure`` too, none ticked: the question is unanswered."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, answer_row(image, 400, None), image)
    assert "chicken_pox" not in found


def test_refills_written_after_other() -> None:
    """``No. of Refills  [ ]0 [ ]1 ... [ ]PRN  Other: 6``: no box ticked, the count written."""
    image = blank()
    entries = ["0", "1", "2", "3", "4", "5", "PRN"]
    read_as = [(1400, 160, "No. of Refills")]
    x = 500
    for entry in entries:
        cv2.rectangle(image, (x, 1400), (x + 34, 1434), 0, 3)
        read_as.append((1400, x + 44, entry))
        x += 44 + 18 * len(entry) + 40
    read_as += [(1400, x, "Other:"), (1400, x + 140, "6")]
    words = layout(
        [(300, 160, "Patient Name Clara Jackson"), (600, 160, "Sertraline 50 mg"), *read_as]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 6


def test_an_order_tables_drugs_are_its_medication_column() -> None:
    """``Medication and Strength | Route | Dispense | Indication``, ruled: the drug is its cell
    alone, and ``Directions / Comments`` is one label."""
    image = blank()
    for x in (150, 230, 1430, 1730, 1980, 2400):
        cv2.line(image, (x, 565), (x, 815), 0, 3)
    for y in (565, 645, 725, 815):
        cv2.line(image, (150, y), (2400, y), 0, 3)
    words = layout(
        [
            (100, 160, "Serenity Hospice of the Valley"),
            (100, 1400, "Physician's Orders: Medications"),
            (300, 160, "Patient Name Clara Jackson"),
            (500, 160, "ORDERS"),
            (580, 160, "#"),
            (580, 240, "Medication and Strength"),
            (580, 1450, "Route"),
            (580, 1750, "Dispense"),
            (580, 2000, "Indication"),
            (660, 160, "1"),
            (660, 240, "Omeprazole 40 mg"),
            (660, 1450, "PO"),
            (660, 1750, "#60"),
            (660, 2000, "reflux"),
            (740, 160, "2"),
            (740, 240, "Tamsulosin 0.4 mg cap"),
            (740, 1450, "SL"),
            (740, 1750, "60"),
            (740, 2000, "anxiety"),
            (900, 160, "Directions / Comments Take one capsule by mouth every 12 hours."),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Omeprazole 40 mg", "Tamsulosin 0.4 mg cap"]
    assert found["directions"] == "Take one capsule by mouth every 12 hours."


def test_the_rest_of_a_question_is_no_answer() -> None:
    """``List the medicines you take regularly:`` where the vocabulary knows ``List the
    medicines you take``: ``regularly:`` ends the question, it is no medicine."""
    words = layout(
        [
            (300, 160, "Name: Ana Lopez"),
            (500, 160, "List the medicines you take regularly:"),
            (500, 1400, "Allergies: none"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found.get("regular_medication") != ["regularly"]


def test_a_stacked_questions_column_ends_at_the_next_questions_number() -> None:
    """``A3 First name and initial   A4 Date of birth`` over ``Yuki   7 March 1941``: the date's
    ``7`` stands under ``A4``, left of ``Date``, and is no part of the first name."""
    words = layout(
        [
            (300, 160, "SECTION A. PATIENT INFORMATION"),
            (380, 160, "A2 Family name"),
            (440, 180, "Martin"),
            (520, 160, "A3 First name and initial"),
            (520, 1320, "A4 Date of birth"),
            (580, 180, "Yuki"),
            (580, 1330, "7 March 1941"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Yuki Martin"
    assert found["birth_date"] == "1941-03-07"


def test_an_unruled_order_tables_drugs_are_read_under_their_column_heading() -> None:
    """``MEDICATIONS ORDERED`` over ``# Drug / Strength  Route  Qty  For`` and numbered rows
    with no rules drawn: the column's heading reads the drugs alone, past each row's number."""
    words = layout(
        [
            (300, 160, "Patient Name Clara Jackson"),
            (500, 160, "MEDICATIONS ORDERED"),
            (580, 150, "#"),
            (580, 240, "Drug / Strength"),
            (580, 1450, "Route"),
            (580, 1750, "Qty"),
            (580, 2000, "For"),
            (660, 150, "1"),
            (660, 250, "Atorvastatin 20 mg"),
            (660, 1450, "PO"),
            (660, 1750, "#10"),
            (660, 2000, "infection"),
            (740, 150, "2"),
            (740, 250, "Pravastatin 40 mg"),
            (740, 1450, "PO"),
            (740, 1750, "30"),
            (740, 2000, "reflux"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Atorvastatin 20 mg", "Pravastatin 40 mg"]
