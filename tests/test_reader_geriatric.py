"""The reader on a day hospital's admission record and a house-call doctor's prescription.

These forms point from a label to its value with a printed arrow, or write the value on a rule
and print its label after it, in one part and not the next; they flow a part's lines in two
columns a short rule divides; they number their parts' headings in capitals under a rule.
The words are laid as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import Word
from medreview.parsing.values import VALUE_TYPES
from tests.test_reader_grids import blank, read
from tests.wordkit import HEIGHT, layout, row


def arrow(image: np.ndarray, x0: int, x1: int, top: int) -> list[Word]:
    """A printed arrow from ``x0`` to ``x1`` at mid-height of a row at ``top``; OCR reads its
    solid head as a letter ("V")."""
    middle = top + HEIGHT // 2
    cv2.line(image, (x0, middle), (x1 - 10, middle), 0, 3)
    head = np.array([[x1 - 24, middle - 12], [x1, middle], [x1 - 24, middle + 12]], np.int32)
    cv2.fillPoly(image, [head], 0)
    return row(top, x1 - 24, "V")


def rule_under(image: np.ndarray, x0: int, x1: int, top: int) -> None:
    """The rule a value is written on, under a row at ``top``."""
    cv2.line(image, (x0, top + HEIGHT + 6), (x1, top + HEIGHT + 6), 0, 3)


def test_a_short_rule_between_two_columns_reads_the_left_column_first() -> None:
    """The directions flow down the left column and on at the top of the right one; a rule
    stands between, no longer than the part (it starts below its first line's top)."""
    image = blank()
    cv2.line(image, (1300, 2010), (1300, 2210), 0, 3)
    words = layout(
        [
            (1900, 200, "3 Directions"),
            (2000, 200, "Take one capsule by mouth every 8"),
            (2080, 200, "hours for 14 days then two tablets"),
            (2160, 200, "twice daily after meals"),
            (2000, 1350, "Call the office if you notice a"),
            (2080, 1350, "rash or swelling"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["directions"] == (
        "Take one capsule by mouth every 8 hours for 14 days then two tablets twice daily "
        "after meals Call the office if you notice a rash or swelling"
    )


def test_an_arrow_from_a_short_label_in_small_letters_leads_its_value() -> None:
    """``name ───▶ Michael Ivanova``: a short word in small letters standing alone before the
    arrow is the label (no running text's "for"), and the arrow's head is no part of the value,
    read as a letter of its own or glued to the value ("▶Michael")."""
    image = blank()
    words = [
        *layout([(600, 160, "name"), (600, 456, "▶Michael Ivanova"), (700, 160, "date")]),
        *layout([(700, 480, "20/11/2022"), (800, 160, "address")]),
        *layout([(800, 480, "19 River Street, Trenton, NJ 08608")]),
        *arrow(image, 260, 460, 700),
        *arrow(image, 320, 460, 800),
    ]
    arrow(image, 260, 460, 600)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_name"] == "Michael Ivanova"
    assert found["date"] == "2022-11-20"
    assert found["patient_address"] == "19 River Street, Trenton, NJ 08608"


def captioned_part(image: np.ndarray) -> list[Word]:
    """The patient's part with captions after values; the admission date and the contact's
    part led by arrows (as many typed labels lead values as close them)."""
    rule_under(image, 190, 1900, 1200)
    rule_under(image, 190, 1000, 1300)
    rule_under(image, 1300, 2100, 1300)
    words = layout(
        [
            (1000, 1500, "date of admission"),
            (1000, 2000, "28/05/2021"),
            (1120, 160, "1 The patient"),
            (1200, 200, "Aisha Reed"),
            (1200, 1940, "name of patient"),
            (1300, 200, "4 December 1961"),
            (1300, 1040, "birth date"),
            (1300, 1310, "816.555.0196"),
            (1300, 2140, "phone"),
            (1500, 160, "2 Person to contact"),
            (1580, 160, "name"),
            (1580, 620, "Lucas Reed"),
            (1660, 160, "home telephone"),
            (1660, 620, "208.555.0104"),
        ]
    )
    arrows = [(280, 600, 1580), (440, 600, 1660), (1820, 1980, 1000)]
    return [*words, *(w for x0, x1, top in arrows for w in arrow(image, x0, x1, top))]


def test_captions_after_values_in_one_part_close_the_values_on_their_rules() -> None:
    """A line that begins with a value and ends with a caption is read value, caption: the
    words on the rule ending just before a caption are its value; the next part's labels,
    leading their values with arrows, still lead them."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, captioned_part(image), image)
    assert found["patient_name"] == "Aisha Reed"
    assert found["birth_date"] == "1961-12-04"
    assert found["phone"] == "(816) 555-0196"
    assert found["emergency_contact_name"] == "Lucas Reed"
    assert found["emergency_contact_phone"] == "(208) 555-0104"
    assert found["record_date"] == "2021-05-28"


def test_a_number_in_a_box_before_its_caption_is_its_value() -> None:
    """``[ 3 ] repeats``: the box closes just before the caption, a little apart."""
    image = blank()
    cv2.rectangle(image, (160, 1190), (345, 1250), 0, 3)
    words = layout(
        [
            (1000, 160, "Directions"),
            (1060, 160, "Take one tablet daily"),
            (1200, 300, "3"),
            (1200, 365, "repeats"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words, image)["refills"] == 3


def test_a_numbered_heading_in_capitals_under_a_rule_ends_the_part_before_it() -> None:
    """``B  BASELINE MEASUREMENTS`` (a heading the vocabulary does not know) under the rule
    across the page, after part ``A``: the country left blank over it takes nothing from it."""
    image = blank()
    cv2.line(image, (150, 488), (2350, 488), 0, 3)
    cv2.line(image, (150, 818), (2350, 818), 0, 3)
    cv2.line(image, (150, 874), (560, 874), 0, 6)
    words = layout(
        [
            (500, 160, "A PATIENT PARTICULARS"),
            (600, 160, "street address"),
            (600, 620, "346 Cherry Terrace"),
            (680, 160, "city, state, zip"),
            (680, 620, "Sacramento, CA"),
            (760, 160, "country"),
            (830, 160, "B BASELINE MEASUREMENTS"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "346 Cherry Terrace, Sacramento, CA"


def test_a_label_with_a_stray_stop_before_a_gap_is_still_a_label() -> None:
    """``date of birth.`` (a speck read as a stop) stands alone before its value: no
    sentence's last words."""
    image = blank()
    words = layout([(600, 160, "date of birth."), (600, 600, "November 20, 1955")])
    assert read(DocumentType.PATIENT_DETAILS, words, image)["birth_date"] == "1955-11-20"


def test_a_list_whose_rule_is_left_blank_before_its_caption_is_empty() -> None:
    """``________ allergic to`` on a form of captions after values: no allergies written."""
    image = blank()
    rule_under(image, 190, 2000, 1300)
    rule_under(image, 190, 1000, 1100)
    rule_under(image, 1300, 2100, 1100)
    words = layout(
        [
            (1100, 200, "4 December 1961"),
            (1100, 1040, "birth date"),
            (1100, 1310, "816.555.0196"),
            (1100, 2140, "phone"),
            (1200, 160, "G KNOWN ALLERGIES"),
            (1300, 2040, "allergic to"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words, image)["allergies"] == []


def test_a_medicines_entry_number_before_its_drug_is_left_out() -> None:
    """A number printed in a small ring before each medicine ("① Tramadol 50 mg") is the
    entry's, as is one glued to the drug; a count of tablets stays."""
    medicines = VALUE_TYPES["medicines"]
    assert medicines.coerce("1 Tramadol 50 mg\n2Omeprazole 20 mg") == [
        "Tramadol 50 mg",
        "Omeprazole 20 mg",
    ]
    assert medicines.coerce("2 tablets daily") == ["2 tablets daily"]


def test_an_address_part_is_read_at_its_label_after_the_part_before() -> None:
    """The day unit's name in the head, ``St. Agnes Day Unit``, is no city's label: the city
    is the part labelled after the street."""
    image = blank()
    words = layout(
        [
            (150, 160, "St. Agnes Geriatric Day Unit"),
            (1000, 160, "street address"),
            (1000, 620, "23 Spring Pl"),
            (1080, 160, "town / state / ZIP"),
            (1080, 620, "Charleston, SC 29401"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "23 Spring Pl, Charleston, SC 29401"


def test_a_quantity_label_in_small_letters_after_a_gap_ends_the_medicine() -> None:
    """``Duloxetine 60 mg      supply 28 tabs``: after the gap, "supply" is the quantity's
    label, no word of the medicine's phrase."""
    image = blank()
    words = layout(
        [
            (1000, 160, "Medication ordered"),
            (1080, 300, "Duloxetine 60 mg"),
            (1080, 1900, "supply 28 tabs"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words, image)["medicines"] == ["Duloxetine 60 mg"]


def test_a_lone_numbered_value_in_capitals_under_a_rule_is_no_part_heading() -> None:
    """``8 SUNSET RD`` written in a grid's row, between rules across the page, is the street:
    no part before or after it is numbered 7 or 9."""
    image = blank()
    for y in (990, 1050, 1120, 1180, 1250):
        cv2.line(image, (150, y), (2350, y), 0, 3)
    words = layout(
        [
            (1000, 170, "3. Street address"),
            (1070, 170, "8 SUNSET RD"),
            (1130, 170, "4.a. City"),
            (1130, 1000, "4.b. State"),
            (1190, 170, "SALT LAKE CITY"),
            (1190, 1000, "UT"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "8 SUNSET RD, SALT LAKE CITY, UT"


def test_a_parts_title_after_its_letter_labels_the_lines_under_it() -> None:
    """``C  How to take``: the directions' title after the part's letter, in small letters."""
    image = blank()
    words = layout(
        [
            (1000, 160, "C How to take"),
            (1080, 200, "Salbutamol 2 puffs every 4 to 6 hours"),
            (1160, 200, "as needed for wheezing"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["directions"] == "Salbutamol 2 puffs every 4 to 6 hours as needed for wheezing"


def test_medicines_run_on_past_a_large_rx_and_quantities_set_a_little_lower() -> None:
    """A large ℞ (read "Px") in the margin before the first drug; each quantity's value sits a
    little lower than its "supply" label, on a line of its own at the far right."""
    image = blank()
    words = layout(
        [
            (1000, 160, "B Medicines"),
            (1080, 200, "Px"),
            (1090, 530, "Salbutamol 100 mcg"),
            (1090, 2020, "supply"),
            (1125, 2190, "14"),
            (1190, 530, "Tamsulosin 0.4 mg"),
            (1190, 2020, "supply"),
            (1225, 2190, "30"),
            (1290, 455, "3 Lamotrigine 25 mg"),
            (1290, 2020, "supply 60"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Salbutamol 100 mcg", "Tamsulosin 0.4 mg", "Lamotrigine 25 mg"]


def test_a_value_under_its_label_is_no_value_of_a_caption_after_it() -> None:
    """``Last name`` over ``Scott ____  Given names`` over ``Liam``: the next column's label,
    read on the surname's line, leads its own value; the surname stays its label's."""
    image = blank()
    rule_under(image, 190, 1150, 1060)
    words = layout(
        [
            (1000, 200, "Last name"),
            (1060, 210, "Scott"),
            (1056, 1200, "Given names"),
            (1100, 1210, "Liam"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words, image)["patient_name"] == "Liam Scott"


def test_values_centred_under_a_row_of_labels_go_to_the_nearer_label() -> None:
    """``Height    wt`` over ``61 in    114 lbs`` (each value centred in a circle under its
    label): the weight starts left of its short label, in the height's column, but nearer
    its own label's middle."""
    image = blank()
    words = layout(
        [
            (1000, 335, "Height"),
            (1000, 824, "wt"),
            (1000, 1107, "Blood pressure"),
            (1120, 346, "61 in"),
            (1120, 768, "114 lbs"),
            (1120, 1202, "150/72"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["height"] == 61
    assert found["weight"] == 114


def test_numbered_current_problems_are_the_medical_problems() -> None:
    """``5 CURRENT PROBLEMS`` over numbered lines: the patient's medical problems."""
    words = layout(
        [
            (300, 170, "Name: Helen Okafor"),
            (2355, 189, "5 CURRENT PROBLEMS"),
            (2446, 206, "1. Hypertension"),
            (2529, 200, "2. Arthritis"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["medical_problems"] == ["Hypertension", "Arthritis"]
