"""The reader on a student entrance health record's immunization table and history.

The table answers each disease with short options, a box after each (``Imm ☐ Non ☒ Unk ☐``),
spelled out by a key line under the table; the hepatitis B row asks whether the series is
complete with a box after Yes, No and Not sure. A clinician's box follows the history, its
title in capitals on a tinted band.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.choices import _inside_word
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import CHAR_W, SPACE, layout

KEY = "Imm = immune (documented disease or positive titer); Non = not immune; Unk = unknown."


def _options(
    image: np.ndarray, y: int, x: int, options: list[str], ticked: int
) -> list[tuple[int, int, str]]:
    """Options each followed by its box, the ``ticked`` one crossed; their rows of words."""
    rows = []
    for index, option in enumerate(options):
        rows.append((y, x, option))
        end = x + CHAR_W * len(option) + SPACE * (len(option.split()) - 1)
        check_box(image, end + 16, y, ticked=index == ticked)
        x = end + 16 + 36 + 40
    return rows


def _record(*, key: bool = True, measles: int = 1, hep_b: int = 0) -> tuple[list[Word], np.ndarray]:
    image = blank()
    rows = [(300, 170, "New Student Health Form"), (500, 170, "3. VACCINATION HISTORY")]
    rows += [(600, 170, "Immunization"), (600, 800, "Dose 1"), (600, 1500, "Immunity")]
    rows += [(700, 170, "Measles (MMR)"), (700, 800, "1 Feb 2003")]
    rows += _options(image, 700, 1500, ["Imm", "Non", "Unk"], measles)
    rows += [(800, 170, "Hepatitis B series"), (800, 1500, "All doses received?")]
    rows += _options(image, 800, 1900, ["Yes", "No", "Not sure"], hep_b)
    if key:
        rows.append((900, 170, KEY))
    rows += [(1000, 170, "4. HEALTH HISTORY")]
    rows += [(1100, 170, "Medical conditions: Osteoporosis, Gout")]
    cv2.rectangle(image, (160, 1180), (2390, 1250), 215, -1)  # the clinician's box's band
    rows += [(1195, 180, "CLINICIAN ATTESTATION")]
    rows += [(1300, 180, "Doctor or nurse: Aisha Martin, NP")]
    return layout(rows), image


def test_short_options_are_read_by_the_key_that_spells_them_out() -> None:
    words, image = _record(measles=1)
    assert read(DocumentType.PATIENT_DETAILS, words, image)["measles"] == "not immune"
    words, image = _record(measles=0)
    assert read(DocumentType.PATIENT_DETAILS, words, image)["measles"] == "immune"


def test_without_their_key_short_options_answer_nothing() -> None:
    words, image = _record(key=False)
    assert "measles" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_boxes_after_yes_no_and_not_sure_answer_the_option_before_each() -> None:
    words, image = _record(hep_b=0)
    assert read(DocumentType.PATIENT_DETAILS, words, image)["hepatitis_b_vaccination"] == "yes"
    words, image = _record(hep_b=1)
    assert read(DocumentType.PATIENT_DETAILS, words, image)["hepatitis_b_vaccination"] == "no"
    words, image = _record(hep_b=2)
    assert "hepatitis_b_vaccination" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_title_on_a_tinted_band_ends_the_list_over_it() -> None:
    words, image = _record()
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Osteoporosis", "Gout"]


def _tinted_prescription() -> list[Word]:
    """A health service's prescription: the patient's panel beside a narrow column of panels."""
    return layout(
        [
            (142, 162, "Community Health Service"),
            (204, 160, "PRESCRIPTION"),
            (297, 177, "Dispenser's stamp"),
            (297, 911, "Age"),
            (297, 1320, "Title, forename, surname & address"),
            (377, 1344, "Ingrid Thomas"),
            (449, 911, "6"),
            (449, 1342, "94 Maple Pl"),
            (540, 911, "D.O.B"),
            (561, 1342, "San Francisco, 94110"),
            (703, 1319, "Patient ID no."),
            (897, 172, "Pharmacy use only"),
            (897, 2150, "No. of units"),
            (977, 666, "Loratadine 10 mg tab"),
            (977, 2200, "56"),
            (1487, 662, "Instructions for the patient:"),
            (1567, 693, "Take two tablets every 12 hours until finished"),
            (2371, 176, "Signature of prescriber"),
            (2371, 1650, "Date of issue"),
            (2442, 1674, "14.09.2022"),
        ]
    )


def test_the_address_under_the_name_passes_a_line_of_the_panel_beside_it() -> None:
    """ "D.O.B" in the next column, between the street and the town, is no end of the block."""
    found = read(DocumentType.PRESCRIPTION, _tinted_prescription(), blank())
    assert found["patient_name"] == "Ingrid Thomas"
    assert found["patient_address"] == "94 Maple Pl, San Francisco, 94110"


def test_an_unlabelled_medicine_block_leaves_out_a_line_naming_no_drug() -> None:
    found = read(DocumentType.PRESCRIPTION, _tinted_prescription(), blank())
    assert found["medicines"] == ["Loratadine 10 mg tab"]


def _page_two(*, no_allergies: bool) -> tuple[list[Word], np.ndarray]:
    """Allergies and medicines, each under a "none" option with its box after it."""
    image = blank()
    rows = [(300, 170, "New Student Health Form"), (500, 170, "6. ALLERGY INFORMATION")]
    rows += _options(image, 600, 170, ["I have no allergies"], 0 if no_allergies else -1)
    rows += [(700, 170, "Substance"), (700, 900, "Reaction")]
    if not no_allergies:
        rows += [(780, 170, "Penicillin"), (780, 900, "Hives")]
    rows += [(1000, 170, "7. MEDICINES TAKEN REGULARLY")]
    rows += _options(image, 1100, 170, ["None"], -1)
    rows += [(1200, 170, "Medicine"), (1200, 900, "Strength"), (1200, 1400, "Frequency")]
    rows += [(1280, 170, "Spironolactone"), (1280, 900, "50 mg"), (1280, 1400, "Every morning")]
    return layout(rows), image


def test_a_none_option_with_its_box_after_it_answers_the_list_when_ticked() -> None:
    words, image = _page_two(no_allergies=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["allergies"] == []
    assert found["regular_medication"] == ["Spironolactone"]
    words, image = _page_two(no_allergies=False)
    assert read(DocumentType.PATIENT_DETAILS, words, image)["allergies"] == ["Penicillin"]


def test_a_date_in_a_clinicians_row_is_not_the_records() -> None:
    """The clinician's date of verifying is theirs; the student's signed date is the record's."""
    words = layout(
        [
            (300, 170, "Student Health Clearance Form"),
            (500, 170, "1. STUDENT INFORMATION"),
            (600, 170, "Family name: Cooper"),
            (2700, 180, "Doctor or nurse: Victor Perez, MD"),
            (2700, 1900, "Date: 08/28/2020"),
            (3000, 1500, "Date: 01/27/2021"),
            (3100, 160, "Student's signature"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words, blank())["record_date"] == "2021-01-27"


def test_yes_and_no_read_as_one_word_still_gate_the_list_under_them() -> None:
    """OCR reads "Y [X] N [ ]" as "YN" (or "γn"); the list on the "If yes" row answers."""
    for glued in ("YN", "γn"):
        words = layout(
            [
                (300, 170, "New Student Health Form"),
                (500, 170, "4. HEALTH HISTORY"),
                (600, 170, "Are you being treated for any long-term medical condition?"),
                (600, 1500, glued),
                (700, 170, "If yes, please list: Hypertension"),
            ]
        )
        found = read(DocumentType.PATIENT_DETAILS, words, blank())
        assert found["medical_problems"] == ["Hypertension"]


def test_yes_and_no_read_as_one_word_with_no_list_row_after_them_are_no_list() -> None:
    words = layout(
        [
            (300, 170, "New Student Health Form"),
            (500, 170, "4. HEALTH HISTORY"),
            (600, 170, "Are you being treated for any long-term medical condition?"),
            (600, 1500, "YN"),
            (800, 170, "5. INSURANCE"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found.get("medical_problems") != ["YN"]


def test_a_box_past_a_words_letters_is_a_box_ocr_read_into_the_word() -> None:
    """A wide "N" holds its ticked box; a box-like letter inside a question is a letter."""
    size = 52.0
    glued = Word("N", 0.9, BBox(2020, 1000, 2105, 1052))
    assert not _inside_word(BBox(2076, 1010, 2110, 1044), glued, size)
    question = Word("received?", 0.9, BBox(1778, 1000, 1919, 1052))
    assert _inside_word(BBox(1833, 1010, 1867, 1044), question, size)
    assert not _inside_word(BBox(1890, 1010, 1924, 1044), question, size)


def test_a_ticked_none_option_whose_tick_ocr_read_as_a_letter_is_the_empty_list() -> None:
    """ "I take no regular medicines [X]" read with its cross as "X": no medicines."""
    image = blank()
    rows = [(300, 170, "New Student Health Form"), (1000, 170, "7. MEDICINES TAKEN REGULARLY")]
    rows += _options(image, 1100, 170, ["I take no regular medicines"], 0)
    option_end = 170 + CHAR_W * len("I take no regular medicines") + SPACE * 4
    rows += [(1100, option_end + 16, "X")]
    rows += [(1200, 170, "Medicine"), (1200, 900, "Strength"), (1200, 1400, "Frequency")]
    found = read(DocumentType.PATIENT_DETAILS, layout(rows), image)
    assert found["regular_medication"] == []


def test_a_title_in_capitals_ends_a_list_written_in_small_letters_over_it() -> None:
    """No band under "HEALTH CARE PROVIDER VERIFICATION": its capitals still end the list."""
    words = layout(
        [
            (300, 170, "New Student Health Form"),
            (1000, 170, "4. HEALTH HISTORY"),
            (1100, 170, "Medical conditions: Osteoporosis, Gout"),
            (1190, 180, "HEALTH CARE PROVIDER VERIFICATION"),
            (1300, 180, "The dates above are copied from official immunization records."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["medical_problems"] == ["Osteoporosis", "Gout"]
