"""The reader on a transplant centre's registration and a mission hospital's prescription card.

The registration heads its date strip with the referral's date beside the evaluation's, its
next-of-kin table with a home and a daytime number, ticks an immunity grid under column heads,
puts each part's number in a dark badge OCR may drop or glue (``Section.4``), and asks for other
conditions in a question the analyst answers ``N/A``. The prescription card prints a ``Lab:``
row of tests, the repeats in a sentence (``may be repeated 3 times``) over a signature's loops,
and a dispensary-use box beside the prescriber's caption. The words are laid as OCR gives them
(:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.parsing import canonical
from medreview.parsing.page import build_page
from medreview.parsing.values import VALUE_TYPES, date_fit
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION


def card(directions: list[str], *, tests_label: str = "Lab:") -> list:
    """A mission hospital's card: the patient, a row of laboratory tests, the medicines, the
    directions under ``How to take:``."""
    rows = [
        (620, 170, "Patient: Daniel Smith"),
        (740, 170, "Residence: 91 Highland Blvd, Cheyenne, 82001"),
        (860, 170, "Date of visit: 05/10/2021"),
        (1100, 170, f"{tests_label} Malaria RDT Hb Urinalysis Blood sugar Stool"),
        (1260, 390, "Drug, strength"),
        (1350, 460, "Omeprazole 40 mg"),
        (1750, 170, "How to take:"),
    ]
    rows += [(1840 + 90 * i, 220, line) for i, line in enumerate(directions)]
    return layout(rows)


def test_a_row_of_laboratory_tests_is_no_label_of_the_directions() -> None:
    """``Lab:`` over the tests is the laboratory's row, not a misread ``Label:``: the
    directions are the lines under ``How to take:``."""
    found = read(PRESCRIPTION, card(["Omeprazole twice daily for 14 days"]), blank())
    assert found["directions"] == "Omeprazole twice daily for 14 days"


def test_a_label_s_plural_running_on_in_capitals_is_no_label() -> None:
    """Directions written in capitals wrap at ``TIMES A DAY``: ``TIMES`` is no ``Time`` label
    ending them."""
    lines = ["FAMOTIDINE 20 MG THREE", "TIMES A DAY FOR 30 DAYS"]
    found = read(PRESCRIPTION, card(lines), blank())
    assert found["directions"] == "FAMOTIDINE 20 MG THREE TIMES A DAY FOR 30 DAYS"


def signing_block(image: np.ndarray, repeats: str) -> list:
    """The repeats in a sentence, the prescriber's signature (its loops read as ``0000``), name
    and caption on the left, a dispensary-use box on the right with its own ``Issued by``."""
    cv2.rectangle(image, (1400, 2360), (2380, 2760), 0, 3)
    cv2.line(image, (170, 2600), (720, 2600), 0, 2)  # the rule the name is written on
    return [
        *card(["Omeprazole twice daily for 14 days"]),
        *layout(
            [
                (2150, 170, f"This prescription may be repeated {repeats} times"),
                (2150, 1500, "Review date:"),
                (2380, 250, "0000000"),
                (2380, 1420, "DISPENSARY USE"),
                (2460, 170, "Signature of prescriber"),
                (2460, 1420, "Issued by: Emma Lee"),
                (2550, 195, "Ethan Green, MBBS"),
                (2550, 1420, "Date dispensed: 27 November 2020"),
                (2615, 171, "Prescriber (name & title)"),
                (2615, 1420, "Amount paid: 15.00"),
            ]
        ),
    ]


def test_an_issuer_in_the_dispensary_s_box_is_no_prescriber() -> None:
    """``Issued by: Emma Lee`` in the box ``DISPENSARY USE`` heads is the dispenser; the
    prescriber is the name over the caption left of the box, level with its rows."""
    image = blank()
    found = read(PRESCRIPTION, signing_block(image, "3"), image)
    assert found["prescriber"] == "Ethan Green, MBBS"


def test_repeats_written_in_a_sentence_are_the_refills() -> None:
    """``This prescription may be repeated 3 times``: the count in the sentence's blank."""
    image = blank()
    assert read(PRESCRIPTION, signing_block(image, "3"), image)["refills"] == 3


def test_a_signature_s_loops_read_as_zeros_are_no_refill_count() -> None:
    """The sentence's blank left empty, the signature's loops under it read as ``0000``: no
    count of repeats, however many zeros."""
    image = blank()
    assert "refills" not in read(PRESCRIPTION, signing_block(image, ""), image)
    assert canonical.parse_refills("0000") is None
    assert canonical.parse_refills("00") == 0


def date_strip(referral: str, seen: str) -> list:
    """A strip of cells, labels on top: the referral's date, then the evaluation's."""
    return layout(
        [
            (490, 190, "REFERRAL DATE"),
            (490, 650, "SEEN IN CLINIC ON"),
            (490, 1290, "REFERRING PHYSICIAN"),
            (545, 200, referral),
            (545, 660, seen),
            (545, 1300, "Dr Mei Perez, M.D"),
            (880, 390, "Last name Ward"),
            (970, 355, "Given names Diego"),
        ]
    )


def test_the_evaluation_s_date_is_the_record_s_beside_the_referral_s() -> None:
    """``REFERRAL DATE`` and ``SEEN IN CLINIC ON`` both hold a date: the visit's is the
    record's; the referral's date is the record's only where no other date is labelled."""
    found = read(RECORD, date_strip("05/04/2020", "06/30/2020"), blank())
    assert found["record_date"] == "2020-06-30"
    alone = read(RECORD, date_strip("05/04/2020", ""), blank())
    assert alone["record_date"] == "2020-05-04"


def kin_table(home: str, daytime: str) -> list:
    """The next of kin in a table: name, relation, a home and a daytime number."""
    return layout(
        [
            (880, 390, "Last name Ward"),
            (970, 355, "Given names Diego"),
            (1660, 190, "PART 2 Next of kin"),
            (1740, 190, "Contact name"),
            (1740, 900, "Relation"),
            (1740, 1290, "Home tel."),
            (1740, 1845, "Daytime no."),
            (1810, 191, "Elena Ward"),
            (1810, 899, "Sister"),
            (1810, 1296, home),
            (1810, 1850, daytime),
        ]
    )


def test_a_daytime_number_beside_the_home_number_is_not_the_contact_s() -> None:
    """``Home tel.`` and ``Daytime no.`` both filled: the home number is the contact's; alone,
    the daytime number is."""
    both = read(RECORD, kin_table("(502) 555-0170", "(608) 555-0143"), blank())
    assert both["emergency_contact_phone"] == "(502) 555-0170"
    alone = read(RECORD, kin_table("", "(608) 555-0143"), blank())
    assert alone["emergency_contact_phone"] == "(608) 555-0143"


def immunity_grid(image: np.ndarray, ticked: str) -> list:
    """Rows of check boxes under ``IMMUNE  NOT IMMUNE  UNKNOWN``; OCR read one row's tick as
    ``4``, and a blot lies beside the row's last box."""
    heads = {"immune": 1085, "not immune": 1570, "unknown": 2075}  # under the heads' middles
    for y in (2260, 2330):
        for name, x in heads.items():
            check_box(image, x, y, ticked=name == ticked and y == 2330)
    cv2.circle(image, (heads["unknown"] + 52, 2340), 12, 0, -1)  # a photocopy's blot
    return layout(
        [
            (2198, 185, "Screen"),
            (2198, 1049, "IMMUNE"),
            (2198, 1500, "NOT IMMUNE"),
            (2198, 2030, "UNKNOWN"),
            (2260, 194, "Measles"),
            (2330, 189, "Chicken pox / VZV"),
            (2330, heads[ticked], "4"),
        ]
    )


def test_a_grid_of_ticked_boxes_is_no_grid_of_ringed_codes() -> None:
    """A tick OCR read as ``4`` under ``IMMUNE``, empty boxes under the other heads: the boxes
    are no rings round codes (the blot beside the last is no ring); the ticked box answers."""
    image = blank()
    assert read(RECORD, immunity_grid(image, "immune"), image)["chicken_pox"] == "immune"
    image = blank()
    found = read(RECORD, immunity_grid(image, "not immune"), image)
    assert found["chicken_pox"] == "not immune"


def conditions_part(image: np.ndarray, heading: str, question: str, answer: str) -> list:
    """A ticked immunity table, then a part whose number sits in a dark badge, a question and
    the answer written under it."""
    for y in (2260, 2330):
        check_box(image, 1110, y, ticked=True)
        check_box(image, 1600, y, ticked=False)
    cv2.rectangle(image, (172, 2720), (270, 2756), 60, -1)  # the part's badge
    return layout(
        [
            (2198, 185, "Infection"),
            (2198, 1076, "Immune"),
            (2198, 1551, "Not immune"),
            (2260, 194, "Measles"),
            (2330, 192, "Rubella"),
            (2720, 190, heading),
            (2800, 175, question),
            (2873, 231, answer),
        ]
    )


def test_a_part_over_the_question_is_no_tick_list_over_other() -> None:
    """``PART 4 Other health conditions`` in its badge, under a ticked table: the question
    ``Any other medical conditions? Please list:`` is answered on the line under it."""
    image = blank()
    words = conditions_part(
        image,
        "PART 4 Other health conditions",
        "Any other medical conditions? Please list:",
        "Arthritis",
    )
    assert read(RECORD, words, image)["medical_problems"] == ["Arthritis"]


def test_a_part_whose_number_ocr_glued_or_lost_still_heads_its_question() -> None:
    """``Section.4`` glued, or ``Part`` with its number lost in the badge: still a part's
    heading (its title the field's label), no tick list's last row and no entry of the list
    under the question."""
    image = blank()
    words = conditions_part(
        image,
        "Section.4 Co-existing conditions",
        "Any other medical conditions? Please list",
        "EPILEPSY",
    )
    assert read(RECORD, words, image)["medical_problems"] == ["EPILEPSY"]
    image = blank()
    words = conditions_part(
        image,
        "Part Co-existing conditions",
        "List other illnesses (e.g. diabetes, asthma, epilepsy):",
        "N/A",
    )
    assert read(RECORD, words, image)["medical_problems"] == []
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [image])
    heading = next(i for i, line in enumerate(doc.lines) if line.words[0].text == "Part")
    assert any("field:medical_problems" in a.keys for a in doc.anchors_on(heading))


def test_a_short_written_none_answers_a_list() -> None:
    """``N/A`` under the question is the empty list, as sure as any written entry."""
    words = layout(
        [
            (2720, 190, "Other health conditions"),
            (2800, 175, "Other diagnoses under treatment:"),
            (2873, 231, "N/A"),
        ]
    )
    assert read(RECORD, words, blank())["medical_problems"] == []
    assert VALUE_TYPES["list"].fit("N/A") == VALUE_TYPES["list"].fit("Gout, Migraine") == 1.0
    assert VALUE_TYPES["list"].fit("ab") == VALUE_TYPES["list"].fit("7") == 0.0


def test_a_ticked_no_current_medication_box_is_the_empty_list() -> None:
    """``[X] No current medication`` (its tick read as ``A``) over an empty medicine table: no
    regular medicines, and no entry of the option's words."""
    image = blank()
    check_box(image, 168, 1500, ticked=True)
    words = layout(
        [
            (1400, 190, "PART Current medicines"),
            (1500, 170, "A No current medication"),
            (1600, 187, "Medicine"),
            (1600, 1179, "Dose"),
            (1600, 1910, "How often"),
        ]
    )
    assert read(RECORD, words, image)["regular_medication"] == []


def test_a_speck_beside_a_date_s_separator_leaves_it_a_date() -> None:
    """``10/10./2024`` is a date and nothing else."""
    assert date_fit("10/10./2024") == 1.0
    assert date_fit("10./10/2024") == 1.0


def test_a_date_in_a_clinic_s_office_box_is_still_the_record_s() -> None:
    """``Clinic use`` heads a box holding ``Date 11/06/2023`` and a ``Chart no.``: the office's
    box may date the visit itself, so its date is the record's."""
    image = blank()
    cv2.rectangle(image, (1536, 241), (2305, 459), 0, 3)
    words = layout(
        [
            (250, 1549, "Clinic use"),
            (320, 1560, "Date 11/06/2023"),
            (390, 1560, "Chart no. 48213"),
            (600, 170, "Name: Kevin Cooper"),
            (700, 170, "Date of birth: 03/14/1990"),
        ]
    )
    assert read(RECORD, words, image)["record_date"] == "2023-11-06"
