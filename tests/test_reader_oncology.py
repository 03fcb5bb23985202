"""The reader on an oncology centre's intake and its day unit's take-home prescription.

The intake asks its questions two a row, each with its printed answers, the one that applies
underlined by hand over the row's printed rule; or it keys written codes with a legend whose
pairs stand apart with no punctuation between; a list's numbered rules may be left blank.
The words are laid as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.config import DateOrder
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.legend import abbreviations
from medreview.parsing.page import build_page
from medreview.parsing.values import VALUE_TYPES
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import HEIGHT, layout, ocr_page


def squiggle(image: np.ndarray, x0: int, x1: int, y: int) -> None:
    """A pen's wavy line under a word, from ``x0`` to ``x1`` about ``y``."""
    xs = np.arange(x0, x1)
    ys = y + np.rint(3 * np.sin((xs - x0) / 14.0)).astype(int)
    points = np.stack([xs, ys], axis=1).reshape(-1, 1, 2).astype(np.int32)
    cv2.polylines(image, [points], False, 0, 4)


def underlined_rows() -> tuple[np.ndarray, list[Word]]:
    """Questions two a row with printed answers, a rule under each row, one answer underlined.

    The insurance question's rule ends just past its last answer.
    """
    image = blank()
    for top in (600, 680):
        cv2.line(image, (160, top + HEIGHT + 16), (2390, top + HEIGHT + 16), 0, 3)
    cv2.line(image, (160, 1000 + HEIGHT + 16), (890, 1000 + HEIGHT + 16), 0, 3)  # ends at "No"
    words = layout(
        [
            (500, 160, "4. Infections and vaccines"),
            (600, 170, "Varicella (chickenpox)"),
            (600, 700, "Immune"),
            (600, 850, "Not immune"),
            (600, 1060, "Not sure"),
            (600, 1240, "Influenza"),
            (600, 1640, "Yes"),
            (600, 1740, "No"),
            (600, 1840, "Not sure"),
            (680, 170, "Measles"),
            (680, 700, "Immune"),
            (680, 850, "Not immune"),
            (680, 1060, "Not sure"),
            (680, 1240, "Hepatitis B vaccine"),
            (680, 1640, "Yes"),
            (680, 1740, "No"),
            (680, 1840, "Not sure"),
            (900, 160, "6. Your insurance"),
            (1000, 170, "Do you have health insurance?"),
            (1000, 720, "Yes"),
            (1000, 830, "No"),
        ]
    )
    for top, x0, x1 in ((600, 700, 808), (600, 1640, 1694), (680, 850, 1048), (680, 1740, 1776)):
        squiggle(image, x0 - 4, x1 + 4, top + HEIGHT + 4)
    squiggle(image, 716, 778, 1000 + HEIGHT + 4)
    return image, words


def test_an_answer_underlined_by_hand_over_the_rows_printed_rule_is_the_answer() -> None:
    """The rule under the whole row runs on past every answer (or past one end of it, where
    it stops at the last answer): under each alike, it decides nothing; the pen's wavy line
    under one answer does."""
    image, words = underlined_rows()
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["has_insurance"] == "yes"
    assert found["chicken_pox"] == "immune"


def test_a_question_after_another_questions_printed_answers_is_a_label() -> None:
    """ "Measles  Immune  Not immune  Not sure  Hepatitis B vaccine  Yes  No  Not sure": the
    second question begins right after the first one's answers, no wider gap between."""
    image, words = underlined_rows()
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["measles"] == "not immune"
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_legends_pairs_apart_with_no_punctuation_between_key_the_codes() -> None:
    """ "I = immune   NI = not immune   U = unknown": each pair starts where the last meaning
    ends, and the codes written in the table read as what they stand for."""
    image = blank()
    words = layout(
        [
            (500, 160, "4. Infections and vaccines"),
            (560, 170, "I = immune   NI = not immune   U = unknown"),
            (620, 170, "Illness"),
            (620, 800, "Code"),
            (620, 1000, "When"),
            (680, 170, "Varicella (chickenpox)"),
            (680, 810, "NI"),
            (740, 170, "Measles"),
            (740, 810, "I"),
            (800, 170, "Mumps"),
            (800, 810, "U"),
        ]
    )
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [image])
    assert abbreviations(doc) == {"l": "Immune", "nl": "Not immune", "u": "Unknown"}
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def test_a_lists_numbered_rules_left_blank_are_the_empty_list() -> None:
    """Only the rules' numbers under the list's label: nothing is listed, no absent field."""
    image = blank()
    for top in (760, 840, 920):
        cv2.line(image, (230, top + HEIGHT + 6), (1600, top + HEIGHT + 6), 0, 2)
    words = layout(
        [
            (600, 160, "5. Your medical history"),
            (680, 160, "Other medical problems (one per line):"),
            (760, 180, "1."),
            (840, 180, "2."),
            (920, 180, "3."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == []


def test_a_new_part_between_a_tick_list_and_an_other_label_makes_the_label_its_own() -> None:
    """The vaccines' boxes end one part; "Other medical problems" under the next part's
    heading asks its own list, written on its rules."""
    image = blank()
    for top in (600, 660):
        check_box(image, 170, top, ticked=top == 600)
    cv2.line(image, (230, 840 + HEIGHT + 6), (1600, 840 + HEIGHT + 6), 0, 2)
    words = layout(
        [
            (520, 160, "4. Vaccines"),
            (600, 220, "Influenza"),
            (660, 220, "Shingles"),
            (700, 160, "5. Your medical history"),
            (760, 160, "Other medical problems (one per line):"),
            (840, 180, "1. Asthma"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Asthma"]


def test_a_number_written_with_its_unit_is_the_measure_the_unit_names() -> None:
    """The measures' labels lost (turned up their boxes' sides, OCR read none of them): "82 kg"
    is still the weight, "182 cm" the height; a blood pressure has no unit of theirs."""
    image = blank()
    words = layout(
        [
            (500, 160, "2. Clinic measurements"),
            (600, 260, "182 cm"),
            (600, 760, "82kg"),
            (600, 1260, "127/92"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["height"] == 182
    assert found["weight"] == 82


def turned(text: str, x: int, top: int, bottom: int) -> list[Word]:
    """A label printed turned on end, as OCR splits its line: words side by side, each a
    slice of the line's narrow box, all as tall as the line."""
    width = 36
    pieces = text.split()
    span = sum(len(p) + 1 for p in pieces)
    found, at = [], 0
    for piece in pieces:
        left = x + width * at // span
        at += len(piece) + 1
        found.append(Word(piece, 0.9, BBox(left, top, x + width * (at - 1) // span, bottom)))
    return found


def test_labels_turned_up_their_boxes_sides_label_the_boxes_beside_them() -> None:
    """Each label is printed turned a quarter turn in a band at its box's left; the patient's
    name in two turned lines ("Patient's" beside "name"), the address over two lines of its
    box, the date's label with a short word in it ("Date of issue")."""
    image = blank()
    for top, bottom in ((470, 650), (650, 830)):
        cv2.rectangle(image, (150, top), (1300, bottom), 0, 3)
        cv2.line(image, (210, top), (210, bottom), 0, 3)
        cv2.rectangle(image, (1300, top), (2390, bottom), 0, 3)
        cv2.line(image, (1360, top), (1360, bottom), 0, 3)
    words = [
        *turned("Patient's", 156, 480, 640),
        *turned("name", 176, 505, 615),
        *layout([(540, 240, "Michael Turner")]),
        *turned("Address", 160, 680, 800),
        *layout([(675, 240, "82 Chestnut Road"), (740, 240, "Albuquerque, NM 87102")]),
        *turned("Date of issue", 1310, 660, 820),
        *layout([(720, 1400, "October 9, 2022")]),
        *layout(
            [(1000, 200, "Rx Ondansetron 8 mg tab"), (1100, 200, "Take one tablet twice daily")]
        ),
    ]
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_name"] == "Michael Turner"
    assert found["patient_address"] == "82 Chestnut Road, Albuquerque, NM 87102"
    assert found["date"] == "2022-10-09"


def test_an_address_written_in_a_sentences_blanks_leaves_its_bracketed_captions_out() -> None:
    """ "... live at ___ (street), ___ (town, state, ZIP), ___ (country). You can telephone
    me on ___.": the captions name the parts, and the next sentence's label ends the address
    (its caption's bracket wrapped onto the next line)."""
    image = blank()
    words = layout(
        [
            (500, 160, "1. Your details"),
            (
                580,
                160,
                "I, Benjamin Lee , date of birth May 10 1952, live at 78 Highland Way (street),"
                " Tampa, FL 33602 (town, state,",
            ),
            (660, 160, "ZIP), United States (country). You can telephone me on 303-555-0126."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "78 Highland Way, Tampa, FL 33602, United States"
    assert found["phone"] == "(303) 555-0126"
    assert found["patient_name"] == "Benjamin Lee"  # (the sentence's speaker, "I,", left out)


def test_a_label_in_a_tab_on_a_boxs_top_edge_takes_the_whole_box() -> None:
    """ "Address" in a small tab standing on its box's top edge: every line in the box is the
    address; a box holding another label's line is no one value."""
    image = blank()
    cv2.rectangle(image, (172, 787), (2380, 962), 0, 3)
    cv2.rectangle(image, (172, 1087), (2380, 1262), 0, 3)
    words = layout(
        [
            (560, 184, "Patient: Elena Adams"),
            (746, 184, "Address"),
            (802, 195, "5590 River Dr"),
            (876, 195, "Baton Rouge, LA"),
            (1046, 184, "Directions"),
            (1102, 195, "Take one tablet at night"),
            (1176, 195, "Refills: 2"),
            (1400, 184, "Rx Ondansetron 8 mg tab"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_address"] == "5590 River Dr, Baton Rouge, LA"
    assert found["directions"] == "Take one tablet at night"


def test_codes_written_in_boxes_before_the_conditions_answer_the_list() -> None:
    """ "NO Diabetes  YES Epilepsy  NO Anemia" in three columns under "Write YES or NO": the
    conditions answered yes, then what is written after "Anything else"."""
    image = blank()
    words = layout(
        [
            (600, 160, "5. Other illnesses"),
            (660, 160, "Answer each line with the code in the box beside it."),
            (710, 160, "Write YES or NO (DK = don't know)"),
            (780, 170, "NO Diabetes"),
            (780, 900, "YES Epilepsy"),
            (780, 1650, "NO Hypothyroidism"),
            (850, 170, "NO Hypertension"),
            (850, 900, "DK Depression"),
            (850, 1650, "YES Gout"),
            (950, 160, "Anything else: Psoriasis, Headaches"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Epilepsy", "Gout", "Psoriasis", "Headaches"]


def test_codes_a_key_spells_out_before_the_conditions_answer_the_list() -> None:
    """ "Y = yes  N = no  ? = not sure" over rows of "Y Asthma  ? Depression": the key is no
    question, and an item marked unsure is not answered yes (a grid of three columns is read
    along its rows)."""
    image = blank()
    words = layout(
        [
            (600, 160, "5. Your medical history"),
            (660, 160, "Answer each line with the code in the box beside it."),
            (710, 160, "Y = yes   N = no   ? = not sure"),
            (780, 170, "N Diabetes"),
            (780, 900, "Y Epilepsy"),
            (780, 1650, "N Anemia"),
            (850, 170, "Y Asthma"),
            (850, 900, "? Depression"),
            (850, 1650, "N Gout"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Epilepsy", "Asthma"]


def test_a_name_printed_over_print_name_in_a_signature_block_is_the_prescribers() -> None:
    """No heading names the prescriber's part: "Print name" under the name, by "Signed", is
    the prescriber's caption all the same."""
    image = blank()
    cv2.line(image, (170, 2790), (1250, 2790), 0, 3)
    cv2.line(image, (170, 2905), (1250, 2905), 0, 3)
    words = layout(
        [
            (400, 170, "Patient: Leila Reed"),
            (600, 170, "Rx Loperamide 2 mg caps"),
            (700, 170, "Take two capsules after each loose stool"),
            (2800, 170, "Signed"),
            (2858, 199, "Dr. Aisha Carter"),
            (2915, 170, "Print name"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Dr. Aisha Carter"
    assert found["patient_name"] == "Leila Reed"


def test_a_sentences_speaker_is_no_part_of_the_name_written_after_it() -> None:
    read_name = VALUE_TYPES["name"].read
    assert read_name("I, David F. Oyelaran", DateOrder.MONTH_FIRST, ()) == "David F. Oyelaran"
    assert read_name("Ian Oyelaran", DateOrder.MONTH_FIRST, ()) == "Ian Oyelaran"
