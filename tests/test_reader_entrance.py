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
from medreview.model import Word
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
