"""The reader on a fertility clinic's intake questionnaire and a telehealth prescription.

These forms number their sections with a bullet or a middle dot after the number
(``SECTION 3 • FERTILITY HISTORY``, ``1·PATIENT``), rule their tables across with no lines
between the columns, wrap a long question over its answers' line, print a short order to
write below, write a date on a rule with its caption after it, and title a part with more
words than the field's label. Two more an oncology intake needs close the file: signs a legend
spells out, and short words kept beside a label turned up a cell's side. The words are laid
as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.legend import is_key_line
from medreview.parsing.page import UNNAMED_PART, build_page
from tests.test_reader_grids import CONFIG, blank, read
from tests.wordkit import layout, ocr_page

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION


def rules_across(image: np.ndarray, *tops: int) -> None:
    """A table ruled in rows only: rules across it at each of ``tops``, its two sides from the
    first to the last, and no line between its columns."""
    for top in tops:
        cv2.line(image, (150, top), (2400, top), 0, 3)
    for side in (150, 2400):
        cv2.line(image, (side, tops[0]), (side, tops[-1]), 0, 3)


def test_a_row_of_headings_undivided_gives_each_column_the_words_nearest_its_heading() -> None:
    """``Mobile  Ht.  Current weight  Job title`` over ``208 555 0141  168  102  Nurse``: the
    table rules its rows across and draws no line between the columns; each value is the
    run of words nearest its own heading, not the row's first number."""
    image = blank()
    rules_across(image, 1010, 1080, 1170)
    words = layout(
        [
            (1030, 190, "Mobile"),
            (1030, 950, "Ht."),
            (1030, 1350, "Current weight"),
            (1030, 1760, "Job title"),
            (1110, 200, "208 555 0141"),
            (1110, 960, "168"),
            (1110, 1365, "102"),
            (1110, 1780, "Nurse"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["phone"] == "(208) 555-0141"
    assert found["height"] == 168
    assert found["weight"] == 102


def test_a_table_column_ends_at_a_label_on_a_line_of_its_own_under_it() -> None:
    """A medicines table ruled across, then ``Refills: 3`` and ``Instructions (Sig)`` over the
    directions' box: the medicines column stops at the refills' label, and the directions
    stay the directions'."""
    image = blank()
    rules_across(image, 1300, 1380, 1480, 1580)
    cv2.rectangle(image, (160, 1790), (2390, 2000), 0, 3)
    words = layout(
        [
            (1320, 180, "#"),
            (1320, 320, "Medication and strength"),
            (1320, 1700, "Qty"),
            (1320, 2050, "Days"),
            (1410, 180, "1"),
            (1410, 330, "Trazodone 100 mg tab"),
            (1410, 1720, "30"),
            (1410, 2060, "14"),
            (1510, 180, "2"),
            (1510, 330, "Glipizide 10 mg tab"),
            (1510, 1720, "30"),
            (1510, 2060, "10"),
            (1620, 180, "Refills: 3"),
            (1720, 170, "Instructions (Sig)"),
            (1820, 200, "Trazodone at bedtime for 14 days. Glipizide two tablets twice daily"),
            (1900, 200, "with food."),
        ]
    )
    found = read(PRESCRIPTION, words, image)
    assert found["medicines"] == ["Trazodone 100 mg tab", "Glipizide 10 mg tab"]
    assert found["refills"] == 3
    assert found["directions"] == (
        "Trazodone at bedtime for 14 days. Glipizide two tablets twice daily with food."
    )


def test_a_list_stands_under_its_whole_question_not_under_the_words_of_its_label() -> None:
    """``Please list any medical conditions you are treated for (e.g. thyroid disease,``
    wrapped onto ``diabetes):``, the conditions written from the margin under it: the list is
    under the question's start, and the question's wrapped tail is no condition."""
    words = layout(
        [
            (2480, 190, "SECTION 5 • MEDICAL HISTORY"),
            (2560, 170, "Please list any medical conditions you are treated for (e.g. thyroid"),
            (2560, 1500, "disease, PCOS,"),
            (2604, 172, "diabetes):"),
            (2680, 195, "Seizures, High cholesterol"),
            (2840, 170, "Referring physician:"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["medical_problems"] == ["Seizures", "High cholesterol"]


def test_a_short_order_to_write_below_is_no_entry_of_the_list() -> None:
    """``Allergies: write "none" below`` over ``Penicillin``: the order is the form's."""
    words = layout(
        [
            (1250, 170, 'Allergies: write "none" below'),
            (1320, 190, "Penicillin"),
            (1500, 170, "Referring physician:"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["allergies"] == ["Penicillin"]


def test_a_date_on_the_rule_its_caption_closes_is_read_before_the_caption() -> None:
    """``2022-06-16 ________ Valid through      Subscriber, if not patient``: the coverage's end
    date is written on the rule that ends at its caption; the subscriber's blank, further right,
    is another cell's."""
    image = blank()
    cv2.line(image, (180, 1000), (900, 1000), 0, 3)
    words = layout(
        [
            (840, 180, "Claims address"),
            (900, 190, "621 Chestnut Terrace, Denver, CO 80203"),
            (960, 186, "2022-06-16"),
            (960, 940, "Valid through"),
            (960, 1980, "Subscriber, if not patient"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["insurance_expiry"] == "2022-06-16"


def test_a_label_s_own_mark_left_in_its_cell_is_no_value() -> None:
    """``Member ID / Policy #`` in a ruled heading cell, the number in the cell under it: the
    ``#`` OCR leaves outside the label is the label's, and the value is under it."""
    image = blank()
    cv2.rectangle(image, (1180, 560), (1980, 630), 0, 3)
    cv2.rectangle(image, (1180, 630), (1980, 730), 0, 3)
    words = layout(
        [
            (575, 1194, "Member ID / Policy #"),
            (660, 1204, "2652936451"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["policy_number"] == "2652936451"


def test_a_part_title_running_on_past_a_label_in_capitals_is_no_value() -> None:
    """``SECTION 8 • CURRENT MEDICATIONS, VITAMINS & SUPPLEMENTS``: "Current medications" is
    the title's, and the medicines are the table's rows under ``Name of medicine``."""
    image = blank()
    rules_across(image, 1850, 1930, 2020, 2110, 2200)
    words = layout(
        [
            (1700, 200, "SECTION 8 • CURRENT MEDICATIONS, VITAMINS & SUPPLEMENTS"),
            (1870, 195, "Name of medicine"),
            (1870, 1257, "Strength"),
            (1870, 1755, "Frequency"),
            (1960, 202, "Amoxicillin"),
            (1960, 1272, "875 mg"),
            (1960, 1773, "as needed"),
            (2050, 214, "Topiramate"),
            (2050, 1277, "25 mg"),
            (2050, 1766, "every morning"),
            (2300, 200, "SECTION 9 • ACKNOWLEDGEMENT"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["regular_medication"] == ["Amoxicillin", "Topiramate"]


def test_a_section_number_glued_to_its_title_by_a_middle_dot_still_opens_the_section() -> None:
    """``SECTION 1·PATIENT INFORMATION`` and ``SECTION 2· EMERGENCY CONTACT``: the patient's
    telephone and the contact's are told apart by their sections."""
    words = layout(
        [
            (570, 194, "SECTION 1·PATIENT INFORMATION"),
            (660, 185, "Full legal name"),
            (730, 204, "Linda T. Patel"),
            (1030, 195, "Mobile"),
            (1100, 195, "(617) 555-0147"),
            (1230, 188, "SECTION 2· EMERGENCY CONTACT"),
            (1320, 192, "Contact name"),
            (1320, 1346, "Home tel."),
            (1390, 218, "Thomas Richardson"),
            (1390, 1352, "(515) 555-0120"),
        ]
    )
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in doc.sections] == ["patient", "emergency"]
    found = read(RECORD, words, blank())
    assert found["phone"] == "(617) 555-0147"
    assert found["emergency_contact_phone"] == "(515) 555-0120"
    assert found["emergency_contact_name"] == "Thomas Richardson"


def test_a_numbered_section_with_a_bullet_ends_the_section_before_it() -> None:
    """``SECTION 3 • FERTILITY HISTORY`` under the partner's address: a part the vocabulary
    does not name still ends the partner's section, so its title is no more of the address.
    The partner's part is named twice, ``PARTNER / EMERGENCY CONTACT``: the second name, after
    the slash, opens the section."""
    image = blank()
    cv2.rectangle(image, (170, 1480), (2390, 1650), 0, 3)
    words = layout(
        [
            (1230, 194, "SECTION 2 • PARTNER / EMERGENCY CONTACT"),
            (1320, 190, "Partner's name"),
            (1400, 207, "Hannah Turner"),
            (1500, 183, "Address"),
            (1570, 200, "6732 Lake Pl, Raleigh, NC 27601"),
            (1680, 195, "SECTION 3 • FERTILITY HISTORY"),
            (1770, 175, "Time trying to conceive: 36 months"),
        ]
    )
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [image])
    assert [name for _, name in doc.sections] == ["emergency", UNNAMED_PART]
    found = read(RECORD, words, image)
    assert found["emergency_contact_name"] == "Hannah Turner"
    assert found["emergency_contact_address"] == "6732 Lake Pl, Raleigh, NC 27601"


def test_a_short_word_beside_its_line_is_kept_over_a_label_turned_up_a_cell() -> None:
    """``6. Your insurance`` and ``Do you have health insurance?`` over a cell whose label
    ``Insurer`` is turned up its side: the part's number and the question's first word stand
    flat on their lines, so they are no pieces of the turned text (which ``of``, standing on end
    by ``Name``, is)."""
    words = [
        *layout([(363, 197, "6. Your insurance"), (457, 170, "Do you have health insurance?")]),
        Word("Insurer", 0.95, BBox(179, 540, 223, 640)),
        *layout([(571, 264, "Aetna")]),
        Word("Name", 0.95, BBox(1295, 672, 1319, 788)),
        Word("of", 0.95, BBox(1325, 672, 1337, 788)),
        Word("insured", 0.95, BBox(1326, 684, 1361, 788)),
    ]
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    texts = [line.text for line in doc.lines]
    assert "6. Your insurance" in texts
    assert any(text.startswith("Do you have health insurance?") for text in texts)
    assert not any("of" in text.split() for text in texts)


def test_signs_a_legend_spells_out_answer_the_rows_they_are_written_in() -> None:
    """``+ immune (had it or vaccinated)   - not immune   ? don't know`` over a table whose
    answer column holds the signs, with the year of the illness beside: each sign is the
    answer it stands for, and "don't know" none."""
    words = layout(
        [
            (1600, 200, "Section 4 Infection screening"),
            (1713, 170, "+ immune (had it or vaccinated) - not immune ? don't know"),
            (1713, 1313, "Write YES or NO"),
            (1763, 182, "Infection"),
            (1763, 727, "Answer"),
            (1763, 899, "When"),
            (1815, 191, "Varicella (chickenpox)"),
            (1815, 780, "+"),
            (1815, 894, "last year"),
            (1880, 189, "Measles (rubeola)"),
            (1880, 780, "?"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["chicken_pox"] == "immune"
    assert "measles" not in found  # "don't know": no answer


def test_a_row_of_coded_answers_is_no_legend_of_signs() -> None:
    """``N Diabetes  N Epilepsy``: a letter written before each condition is an answer, and a
    legend's signs are ``+ - ?``, each printed once (``+`` before each is a tick)."""
    assert not is_key_line(layout([(2400, 180, "N Diabetes N Epilepsy")]))
    assert not is_key_line(layout([(2400, 180, "U Hepatitis B vaccine")]))
    assert not is_key_line(layout([(2400, 180, "+ Diabetes + Epilepsy")]))  # ticks
    assert is_key_line(layout([(2400, 180, "+ immune - not immune ? don't know")]))


def test_a_clinic_s_name_holding_a_label_s_word_heads_no_list() -> None:
    """``Street Medicine Program`` over the clinic's telephone line: its "Medicine" asks for
    nothing, so the line under it is no medicine; the medicines are the ℞'s rows."""
    words = [
        *layout(
            [
                (134, 161, "Street Medicine Program"),
                (212, 154, "Sponsored by Westbrook Community Health"),
                (255, 154, "Call (217) 555-0115 Fax (916) 555-0143"),
                (404, 156, "Name"),
                (447, 145, "Arjun Bell"),
                (612, 1097, "1. Atorvastatin 80 mg"),
                (612, 2072, "Disp.: #28"),
                (723, 1090, "2. Amlodipine 5 mg tab"),
                (723, 2070, "Disp.: 90"),
                (1117, 1092, "Directions for use:"),
                (1204, 1104, "Take 2 tablets by mouth every morning."),
            ]
        ),
        Word("Rx", 0.95, BBox(1097, 420, 1241, 531)),
    ]
    found = read(PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Atorvastatin 80 mg", "Amlodipine 5 mg tab"]
