"""The reader on boxed forms of numbered blocks, and on answers a patient marks on the print.

A government prescription blank numbers its blocks ("5. SIG", "7. PRESCRIBED BY (Signature,
name, title)"), the block's wording in brackets after its title, its value written on rules
inside the block or printed under a signature. An intake form asks the patient to mark each
statement ("I am immune to measles.") true, false or unsure, to initial the blank after the
answer that applies, or to ring the conditions of a printed list that apply.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.parsing.canonical import yes_no_answers
from medreview.parsing.layout import after_wording, glued_value, split_glued
from medreview.parsing.page import build_page
from tests.test_reader_grids import blank, read
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()
LEFT, RIGHT = 140, 2400
DIRECTIONS = (
    "Rosuvastatin three times a day for 5 days. Lisinopril 2 tablets every 12",
    "hours with food. May cause drowsiness, do not drive.",
)


def block(image: np.ndarray, top: int, bottom: int) -> None:
    """A block of the form's frame: ruled across the page at its top and bottom."""
    for y in (top, bottom):
        cv2.line(image, (LEFT, y), (RIGHT, y), 0, 3)
    for x in (LEFT, RIGHT):
        cv2.line(image, (x, top), (x, bottom), 0, 3)


def writing_rule(image: np.ndarray, y: int, x0: int = LEFT + 45, x1: int = RIGHT - 40) -> None:
    """A rule to write on, drawn inside a block short of both its sides."""
    cv2.line(image, (x0, y), (x1, y), 0, 2)


def prescription_blank(image: np.ndarray, *, glued: bool) -> list:
    """Blocks 1, 4, 5 and 7 of the blank, filled in; ``glued``: OCR read "5.SIG" as one word."""
    block(image, 300, 620)
    block(image, 620, 1000)
    block(image, 1000, 1420)
    block(image, 1420, 1900)
    words = layout(
        [
            (320, 160, "1. FOR (Full name, address & phone number) (If under 12, give age)"),
            (400, 160, "Mei Williams"),
            (470, 160, "7950 Park Way, Honolulu, HI"),
            (540, 160, "(916) 555-0108"),
            (640, 160, "4. (Medication, strength, dosage form)"),
            (720, 160, "Rx"),
            (800, 260, "Rosuvastatin 10 mg"),
            (880, 260, "Lisinopril 5 mg"),
            (1020, 160, "5.SIG" if glued else "5. SIG"),
            (1100, 200, DIRECTIONS[0]),
            (1190, 200, DIRECTIONS[1]),
            (1440, 160, "7. PRESCRIBED BY (Signature, name, title)"),
            (1600, 1450, "NPI 1352169185"),
            (1720, 200, "Emily Smith, M.D."),
            (1720, 1450, "DEA"),
        ]
    )
    for y in (1145, 1235, 1325):  # the directions' three rules
        writing_rule(image, y)
    writing_rule(image, 1650, LEFT + 45, 1300)  # the signature's
    return words


def test_directions_written_on_rules_inside_a_numbered_block_are_read_whole() -> None:
    """The first rule closes a "cell" round the block's title; the text runs on under it."""
    for glued in (False, True):
        image = blank()
        found = read(DocumentType.PRESCRIPTION, prescription_blank(image, glued=glued), image)
        assert found["directions"] == " ".join(DIRECTIONS), glued


def test_the_prescriber_is_the_name_printed_under_the_blocks_signature() -> None:
    """Not the block's bracketed wording, its number, nor the NPI printed beside the name."""
    image = blank()
    found = read(DocumentType.PRESCRIPTION, prescription_blank(image, glued=False), image)
    assert found["prescriber"] == "Emily Smith, M.D."
    assert found["patient_name"] == "Mei Williams"


def test_an_open_block_lists_the_name_the_address_and_the_telephone_unlabelled() -> None:
    """ "1. PATIENT (Name, address and telephone)": the address between name and telephone.

    The facility's stamp beside the name and the next block's number stay out of it.
    """
    image = blank()
    block(image, 300, 620)
    words = layout(
        [
            (320, 160, "1. PATIENT (Name, address and telephone) (Age if under 12)"),
            (320, 1500, "2. MEDICAL FACILITY"),
            (400, 180, "Thomas Perez"),
            (400, 1520, "FORT ALDER ARMY HEALTH CLINIC"),
            (470, 180, "86 Mill Avenue, Portland, OR 97201"),
            (540, 180, "208.555.0116"),
            (640, 160, "4. INSCRIPTION (Drug, strength, form)"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_name"] == "Thomas Perez"
    assert found["patient_address"] == "86 Mill Avenue, Portland, OR 97201"


def test_no_label_starts_inside_a_labels_bracketed_wording() -> None:
    """ "name" in "(Signature, name, title)" or "(Full name, ...)" is the block's wording."""
    for text in (
        "7. PRESCRIBED BY (Signature, name, title)",
        "1. FOR (Full name, address & phone number)",
    ):
        page = build_page(DocumentType.PRESCRIPTION, [ocr_page(row(300, 160, text))], CONFIG, None)
        keys = [a.match.key.lower() for a in page.anchors]
        assert not any(key in ("name", "full name") for key in keys), (text, keys)


def test_a_bracket_its_labels_colon_closes_is_a_label_as_a_whole_only() -> None:
    """ "Camper (full name):" names the patient; "(medications, latex, foods):" no medicines."""
    words = layout(
        [
            (300, 160, "Camper (full name): Liam Torres"),
            (400, 160, "Allergies (medications, latex, foods): Penicillin"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Liam Torres"
    assert found["allergies"] == ["Penicillin"]
    assert "regular_medication" not in found


def test_a_label_glued_to_its_number_or_its_aside_is_split() -> None:
    assert [w.text for w in split_glued(row(0, 0, "5.SIG")[0])] == ["5.", "SIG"]
    assert [w.text for w in split_glued(row(0, 0, "7:PRESCRIBED")[0])] == ["7:", "PRESCRIBED"]
    assert [w.text for w in split_glued(row(0, 0, "BY·(Signature,")[0])] == [
        "BY",
        "(Signature,",
    ]
    assert glued_value("WT.120") == ("WT.", "120")
    assert [w.text for w in split_glued(row(0, 0, "Session(s):")[0])] == ["Session(s):"]


def test_asides_one_after_another_are_all_wording() -> None:
    words = row(0, 0, "(Full name, address) (If under 12, give age) Joseph Nelson")
    assert [w.text for w in after_wording(words)] == ["Joseph", "Nelson"]
    assert after_wording(row(0, 0, "(Signature, name, title)")) == []


def test_a_statement_is_answered_true_or_false() -> None:
    answers = yes_no_answers(("immune", "not immune"))
    assert (answers["t"], answers["true"]) == ("immune", "immune")
    assert (answers["f"], answers["false"]) == ("not immune", "not immune")
    assert yes_no_answers(("yes", "no"))["t"] == "yes"


STATEMENTS = (
    "I am immune to chickenpox (varicella).",
    "I am immune to measles (rubeola).",
    "I am immune to mumps.",
    "I have completed the hepatitis B vaccine series.",
)
T_X, F_X, UNSURE_X = 1500, 1700, 1900


def statement_table(image: np.ndarray, columns: dict[int, int]) -> list:
    """A ruled table of statements with T, F and ? columns; ``columns``: row -> marked column."""
    words = layout(
        [
            (300, 160, "IMMUNITY AND VACCINES"),
            (380, 160, "Put an X under T (true, yes) or F (false, no) for each statement."),
            (470, 170, "Statement"),
        ]
    )
    words += row(470, T_X, "T") + row(470, F_X, "F") + row(470, UNSURE_X, "?")
    top, step = 450, 80
    edges = (150, T_X - 80, F_X - 80, UNSURE_X - 80, 2000)
    for index in range(len(STATEMENTS) + 2):
        cv2.line(image, (edges[0], top + index * step), (edges[-1], top + index * step), 0, 2)
    for x in edges:
        cv2.line(image, (x, top), (x, top + (len(STATEMENTS) + 1) * step), 0, 2)
    for index, statement in enumerate(STATEMENTS):
        y = top + (index + 1) * step + 22
        words += row(y, 170, statement)
        if index in columns:
            x = (T_X, F_X, UNSURE_X)[columns[index]] + 5
            cv2.line(image, (x - 18, y - 2), (x + 18, y + 34), 0, 5)
            cv2.line(image, (x + 18, y - 2), (x - 18, y + 34), 0, 5)
    return words


def test_statements_marked_true_false_or_unsure_in_their_columns() -> None:
    """True to "I am immune" is immune, false not immune; a mark under "?" answers nothing."""
    image = blank()
    words = statement_table(image, {0: 0, 1: 1, 3: 2})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "immune"
    assert found["measles"] == "not immune"
    assert "hepatitis_b_vaccination" not in found


def test_a_ring_round_a_statements_question_mark_answers_nothing() -> None:
    image = blank()
    words = layout([(300, 160, "SHOTS AND IMMUNITY")])
    for index, statement in enumerate(STATEMENTS[:2]):
        y = 400 + index * 90
        words += row(y, 170, statement) + row(y, T_X, "T") + row(y, F_X, "F")
        words += row(y, UNSURE_X, "?")
        ringed = (T_X, UNSURE_X)[index] + 9
        cv2.ellipse(image, (ringed, y + 18), (34, 30), 0, 0, 360, 0, 4)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "immune"
    assert "measles" not in found


def test_initials_on_the_blank_after_an_answer_choose_it() -> None:
    """Initials after "Unsure" or "Not sure" answer nothing."""
    words = layout(
        [
            (300, 160, "SHOTS AND IMMUNITY"),
            (360, 160, "Write your initials on the line after the answer that applies to you."),
            (440, 160, "Chickenpox (varicella)"),
            (520, 160, "Measles"),
            (600, 160, "Hepatitis B vaccine series done?"),
        ]
    )
    answers = {440: ("Immune", "A.G.", "Not immune", "Unsure")}
    answers[520] = ("Immune", "Not immune", "Unsure", "A.G")
    answers[600] = ("Yes", "No", "A.G.", "Not sure")
    for y, texts in answers.items():
        x = 1000
        for text in texts:
            words += row(y, x, text)
            x += 260
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["chicken_pox"] == "immune"
    assert "measles" not in found
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_box_read_as_capitals_after_an_answer_is_no_initials() -> None:
    """ "LJ Yes MM No": the boxes OCR read as letters choose nothing by themselves."""
    words = layout([(300, 160, "Measles"), (300, 1000, "Immune MM Not immune LJ")])
    assert "measles" not in read(DocumentType.PATIENT_DETAILS, words, blank())


CONDITIONS = (
    ("Asthma", "Diabetes", "High blood pressure", "Heart disease"),
    ("Arthritis", "Osteoporosis", "Seizures", "Cancer"),
    ("Stroke", "Migraine", "Depression", "Back pain"),
)


def conditions_list(image: np.ndarray, ringed: set[str], other: str = "") -> list:
    """ "Please circle all that apply to you:" over a grid of printed conditions."""
    words = layout(
        [(300, 160, "HEALTH HISTORY"), (380, 160, "Please circle all that apply to you:")]
    )
    for line, names in enumerate(CONDITIONS):
        y = 460 + line * 80
        for column, name in enumerate(names):
            printed = row(y, 200 + column * 550, name)
            words += printed
            if name in ringed:
                x0, x1 = printed[0].bbox.x0, printed[-1].bbox.x1
                centre, half = ((x0 + x1) // 2, y + 18), ((x1 - x0) // 2 + 24, 32)
                cv2.ellipse(image, centre, half, 0, 0, 360, 0, 4)
    words += row(720, 200, "None of the above") + row(720, 750, "Other conditions:")
    if other:
        words += row(720, 1100, other)
    return words


def test_the_conditions_ringed_in_a_printed_list_then_those_written_after_it() -> None:
    image = blank()
    words = conditions_list(image, {"Migraine", "Diabetes"}, "Sleep apnea, Eczema")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Diabetes", "Migraine", "Sleep apnea", "Eczema"]


def test_a_printed_list_with_nothing_ringed_is_an_empty_list_not_its_items() -> None:
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, conditions_list(image, set()), image)
    assert found["medical_problems"] == []
