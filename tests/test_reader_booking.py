"""The reader on a jail's health screening at booking and a neurology practice's prescription.

The screening prints its labels in a shaded column with no line between them (``Claims mailing
address`` under ``Member ID``), asks its questions in a table whose one-letter heads ``Y`` and
``N`` OCR boxes past their columns' sides, rings a printed ``Yes`` or ``No`` on each question's
row, dates itself ``Screening date`` and may give a name OCR read with a dot for its space. The
prescription lists the practice's physicians in its letterhead and names the one who signs
under the signature; its refill row may be read as one word, or take a count written after
``more:``. The words are laid as OCR gives them (:mod:`tests.wordkit`) over what the form
draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import canonical
from medreview.parsing.values import name_fit
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION


def prescription(refills: list[Word]) -> list[Word]:
    """A practice's letterhead listing its physicians, the patient, one medicine, the refill
    row given, and the signer's name printed under the signature's caption beside an NPI."""
    return [
        *layout(
            [
                (100, 170, "Coastal Neurology Partners"),
                (160, 170, "Omar Bell, MD"),
                (160, 900, "Dr. Amara Baker"),
                (160, 1600, "Dr Kevin Davis"),
                (380, 170, "Patient: Sarah Thomas"),
                (380, 1500, "Date: 12/22/2022"),
                (520, 170, "Rx"),
                (520, 300, "Losartan 25 mg tab"),
                (700, 170, "Directions: Losartan once daily"),
                (1100, 170, "Signature"),
                (1180, 170, "Dr Elena Bailey, M.D"),
                (1180, 1700, "NPI: 1458059028"),
            ]
        ),
        *refills,
    ]


def test_the_signer_named_under_the_signature_outranks_the_letterhead_s_physicians() -> None:
    """The letterhead lists three physicians; the one named at the signature prescribes."""
    found = read(PRESCRIPTION, prescription([]), blank())
    assert found["prescriber"] == "Dr Elena Bailey, M.D"


def test_a_count_written_after_more_is_the_refills() -> None:
    """``Number of refills: ☐0 ☐1 ☐2 ☐3 ☐4 ☐5 ☐PRN more: 6``: the written count."""
    image = blank()
    row = layout([(900, 170, "Number of refills: 0 1 2 3 4 5 PRN more: 6")])
    for word in row[3:10]:
        check_box(image, word.bbox.x0 - 50, word.bbox.y0, ticked=False)
    assert read(PRESCRIPTION, prescription(row), image)["refills"] == 6


def test_a_refill_row_read_as_one_word_is_read_from_its_boxes() -> None:
    """OCR read the whole row as ``□0□1□2□3□4□5PRN``: the boxes drawn along it still say
    which entry is ticked."""
    image = blank()
    label = layout([(900, 170, "Refills:")])
    for index in range(7):
        check_box(image, 340 + 103 * index, 900, ticked=False)
    tick(image, 340 + 103 * 6, 900)
    glued = Word("□0□1□2□3□4□5PRN", 0.9, BBox(342, 880, 1082, 950))
    other = Word("other:", 0.9, BBox(1100, 880, 1211, 950))
    assert read(PRESCRIPTION, prescription([*label, glued, other]), image)["refills"] == "PRN"


def tick(image: np.ndarray, x: int, y: int) -> None:
    """A pen's tick in the box at ``(x, y)``, overshooting its top right corner."""
    stroke = np.array([[x, y + 16], [x + 14, y + 34], [x + 48, y - 14]])
    cv2.polylines(image, [stroke], False, 0, 7)


def question_table(image: np.ndarray, ringed: list[str]) -> list[Word]:
    """Ruled rows of questions, each printing ``Yes  No`` with one of them ringed by hand."""
    questions = [
        "Cough for more than 3 weeks or weight loss?",
        "Hepatitis B vaccination received?",
        "Thoughts of harming yourself now or in the past?",
    ]
    top, pitch = 1400, 80
    for index in range(len(questions) + 2):
        cv2.line(image, (170, top + index * pitch), (2300, top + index * pitch), 0, 3)
    for x in (170, 300, 1980, 2300):
        cv2.line(image, (x, top), (x, top + (len(questions) + 1) * pitch), 0, 3)
    rows = [
        (top + 22, 185, "Q"),
        (top + 22, 315, "Screening question"),
        (top + 22, 2000, "Yes / No"),
    ]
    for index, (question, answer) in enumerate(zip(questions, ringed, strict=True)):
        y = top + (index + 1) * pitch + 22
        rows += [(y, 185, f"{index + 1}."), (y, 315, question), (y, 2030, "Yes"), (y, 2150, "No")]
        x = 2057 if answer == "yes" else 2168
        cv2.ellipse(image, (x, y + 18), (60, 34), 0, 0, 360, 0, 3)
    return layout([(300, 170, "Name: Carlos Clark"), *rows])


def test_the_next_question_under_a_question_is_no_answer_of_it() -> None:
    """``Yes`` ringed on the vaccine's row; the question under it (``... now or in the
    past?``) is another's row, not a ``no`` in the vaccine's column."""
    image = blank()
    words = question_table(image, ["no", "yes", "no"])
    assert read(RECORD, words, image)["hepatitis_b_vaccination"] == "yes"


def yes_no_columns(image: np.ndarray, ticked: str) -> list[Word]:
    """A question table ticked under one-letter heads ``Y`` and ``N`` whose OCR boxes run a
    little past their columns' left sides."""
    top, pitch = 1400, 100
    for index in range(4):
        cv2.line(image, (170, top + index * pitch), (2300, top + index * pitch), 0, 3)
    for x in (170, 300, 1930, 2110, 2300):
        cv2.line(image, (x, top), (x, top + 3 * pitch), 0, 3)
    for index, answer in enumerate(("no", ticked)):
        y = top + (index + 1) * pitch + 32
        for x, choice in ((2002, "yes"), (2187, "no")):
            check_box(image, x, y, ticked=False)
            if answer == choice:
                tick(image, x, y)
    return [
        *layout(
            [
                (300, 170, "Name: Carlos Clark"),
                (top + 32, 185, "No."),
                (top + 32, 315, "Ask the detainee"),
                (top + pitch + 32, 185, "1."),
                (top + pitch + 32, 315, "Cough for more than 3 weeks?"),
                (top + 2 * pitch + 32, 185, "2."),
                (top + 2 * pitch + 32, 315, "Hepatitis B vaccination received?"),
            ]
        ),
        Word("Y", 0.95, BBox(1922, top + 29, 1966, top + 71)),
        Word("N", 0.95, BBox(2101, top + 29, 2147, top + 71)),
    ]


def test_one_letter_heads_boxed_past_their_columns_still_head_them() -> None:
    """``Y`` boxed from a little left of its column's side: still the column's head."""
    image = blank()
    assert read(RECORD, yes_no_columns(image, "no"), image)["hepatitis_b_vaccination"] == "no"
    image = blank()
    assert read(RECORD, yes_no_columns(image, "yes"), image)["hepatitis_b_vaccination"] == "yes"


def test_stacked_labels_in_one_shaded_column_each_read_their_own_row() -> None:
    """Labels stacked in a column with no line between them (the column's shading closed a
    little above the last row's foot), each value in a ruled cell right of its label: the
    claims address is the value on its own row, not the labels over it."""
    image = blank()
    cv2.rectangle(image, (170, 540), (2300, 830), 0, 3)
    cv2.line(image, (650, 540), (650, 830), 0, 3)
    cv2.line(image, (170, 780), (650, 780), 0, 3)
    for y in (620, 720):
        cv2.line(image, (650, y), (2300, y), 0, 3)
    words = layout(
        [
            (300, 170, "Name: Carlos Clark"),
            (560, 190, "Insurance carrier"),
            (560, 680, "Evergreen Assurance"),
            (650, 190, "Member ID"),
            (650, 680, "VD17 AD6R"),
            (750, 190, "Claims mailing address"),
            (750, 680, "PO Box 59727, Dover, DE 19901"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["insurance_address"] == "PO Box 59727, Dover, DE 19901"
    assert found["insurance_company"] == "Evergreen Assurance"


def test_a_screening_s_date_at_the_top_right_is_the_record_s() -> None:
    """``Screening date 3/20/20`` beside the medical unit's telephone: the record's date."""
    words = layout(
        [
            (150, 137, "Medical unit +1 412 555 0106"),
            (150, 1516, "Screening date 3/20/20"),
            (300, 170, "Name: Carlos Clark"),
            (400, 170, "DOB 05/02/1980"),
        ]
    )
    assert read(RECORD, words, blank())["record_date"] == "2020-03-20"


def test_a_last_known_address_is_the_patient_s() -> None:
    """``Last known address`` over the street, the town and country under their own labels:
    the patient's address, and ``Last`` no surname's label."""
    words = layout(
        [
            (1247, 182, "Last known address"),
            (1293, 201, "439 Spring Blvd"),
            (1363, 186, "City / State / ZIP"),
            (1363, 1287, "Country"),
            (1410, 209, "Nashville, 37203"),
            (1410, 1308, "United States"),
        ]
    )
    assert (
        read(RECORD, words, blank())["address"]
        == "439 Spring Blvd, Nashville, 37203, United States"
    )


def test_a_name_ocr_read_with_a_dot_for_its_space_is_still_a_name() -> None:
    """``SARAH.ROSSI`` under the contact table's ``Name`` head is the contact's name, the dot
    OCR read for the space between the names a space; a title's dot is no such space."""
    assert name_fit("SARAH.ROSSI") == name_fit("Sarah Rossi") == 1.0
    assert name_fit("Dr.Smith Jones") < 1.0
    words = layout(
        [
            (606, 184, "Name (first, last)"),
            (647, 212, "OMAR ALLEN"),
            (1478, 174, "Section B Emergency notification"),
            (1565, 186, "Name"),
            (1565, 912, "Relationship"),
            (1565, 1335, "Telephone"),
            (1625, 187, "SARAH.ROSSI"),
            (1625, 912, "Sister"),
            (1627, 1342, "(801) 555-0189"),
        ]
    )
    assert read(RECORD, words, blank())["emergency_contact_name"] == "SARAH ROSSI"


def test_the_address_of_the_insurer_is_the_insurance_address() -> None:
    """``Address of insurer`` in the coverage part's grid labels the insurer's address."""
    words = layout(
        [
            (300, 170, "Name: Carlos Clark"),
            (554, 186, "Insurance carrier"),
            (558, 586, "Evergreen Assurance"),
            (554, 1289, "Group #"),
            (651, 187, "Policy / member no."),
            (647, 593, "VD17 AD6R"),
            (647, 1289, "Medicaid no."),
            (740, 183, "Address of insurer"),
            (742, 583, "6037 Walnut Court, Denver, CO 80203"),
            (831, 186, "Coverage began"),
            (829, 1291, "Coverage ends"),
            (829, 1691, "14.03.2025"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["insurance_address"] == "6037 Walnut Court, Denver, CO 80203"


def test_pounds_written_after_a_weight_and_read_as_digits_are_its_unit() -> None:
    """A handwritten ``lbs`` read as ``16s`` run into ``108``, or ``lb`` as decimals after
    ``249``: the weights are 108 and 249; a child's height of ``1.16`` metres stays."""
    assert canonical.parse_number("10816s") == 108
    assert canonical.parse_number("1081bs") == 108
    assert canonical.parse_number("16s") == 16
    assert canonical.parse_number("249.16") == 249
    assert canonical.parse_number("1.16") == 1.16


def directions(lines: list[str]) -> list[Word]:
    """A prescription whose directions wrap over several lines under their label."""
    rows = [(300, 170, "Patient: Sarah Thomas"), (400, 170, "Rx Losartan 25 mg tab")]
    rows += [(600, 170, "How to take:")]
    rows += [(690 + 70 * index, 200, line) for index, line in enumerate(lines)]
    return layout([*rows, (1200, 170, "Dr Elena Bailey, M.D"), (1280, 170, "Signature")])


def test_a_wrapped_sentence_s_next_word_is_no_label() -> None:
    """``... TALKING TO YOUR`` over ``DOCTOR NITROFURANTOIN ...``: the sentence goes on, and
    ``DOCTOR`` is none of the prescriber's labels; nor is ``CLINIC`` after ``RETURN TO``."""
    lines = [
        "HYDROXYZINE FOR 14 DAYS. RETURN TO CLINIC IF SYMPTOMS PERSIST.",
        "DO NOT STOP WITHOUT TALKING TO YOUR",
        "DOCTOR NITROFURANTOIN AS NEEDED",
    ]
    found = read(PRESCRIPTION, directions(lines), blank())
    assert found["directions"] == " ".join(lines)
    assert found["prescriber"] == "Dr Elena Bailey, M.D"


def test_a_state_or_a_blank_s_joiner_at_a_line_s_end_carries_no_sentence_on() -> None:
    """``Portland, OR`` over ``Physician``: a state ends no clause; ``... we will call her at
    home on`` (its blank left empty) over ``Their address is ...``: a label of words is a
    label still."""
    prescription = layout(
        [
            (300, 170, "Patient: Sarah Thomas"),
            (400, 170, "Address: 4231 Church Terrace, Portland, OR"),
            (470, 170, "Physician Wei Lewis, MD"),
        ]
    )
    assert read(PRESCRIPTION, prescription, blank())["prescriber"] == "Wei Lewis, MD"
    record = layout(
        [
            (500, 176, "Name: Helen Okafor"),
            (900, 164, "If we cannot reach you, we will call Jacob Roberts at home on"),
            (990, 173, "Their address is 870 Jefferson Court, Albuquerque, NM 87102"),
        ]
    )
    found = read(RECORD, record, blank())
    assert found["emergency_contact_address"] == "870 Jefferson Court, Albuquerque, NM 87102"


def test_a_detainee_s_name_is_the_patient_s() -> None:
    """``Detainee name`` is the patient's; the contact's ``Name`` below and a medicine table's
    ``Last taken`` head are no part of it."""
    words = layout(
        [
            (528, 172, "Section A Detainee information"),
            (627, 187, "Detainee name"),
            (622, 596, "David Harris"),
            (721, 191, "Date of birth"),
            (713, 590, "06/17/1983"),
            (1300, 172, "Section B Person to notify"),
            (1410, 189, "Name"),
            (1404, 590, "Priya L. Harris"),
            (1408, 1293, "Relationship"),
            (1408, 1692, "Husband"),
            (1683, 190, "Medication"),
            (1683, 1017, "Strength"),
            (1683, 1413, "Frequency"),
            (1685, 1888, "Last taken"),
        ]
    )
    assert read(RECORD, words, blank())["patient_name"] == "David Harris"
