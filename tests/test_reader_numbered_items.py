"""The reader on forms laid out like a government form: numbered items, boxes under labels.

An immigration civil surgeon's questionnaire numbers its items per row (``1.a.``, ``2.b.``),
prints each label over a box, answers its conditions in two halves of a ``Yes`` / ``No``
table and rings vaccine statuses in a ruled table; a teaching hospital's prescription prints
its refills ``0`` to ``6`` and runs its values on across boxes only a tint parts. The words are
laid as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import YES_NO, DocumentType
from medreview.model import BBox, Word
from medreview.parsing.canonical import parse_list
from medreview.parsing.choices import read_box_row, read_choice, row_choices
from medreview.parsing.labelled import _measure_words as measure_words
from medreview.parsing.layout import (
    ENUMERATION,
    find_labels,
    lettered_item,
    page_lines,
    value_below,
)
from medreview.parsing.marks import PageMarks
from medreview.parsing.vocabulary import vocabulary
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout, ocr_page, row


def boxes_under(image: np.ndarray, y: int, spans: list[tuple[int, int]]) -> None:
    """The boxes a row of values is written in, under its labels."""
    for x0, x1 in spans:
        cv2.rectangle(image, (x0, y - 8), (x1, y + 46), 0, 2)


def applicant(image: np.ndarray) -> list[Word]:
    """The applicant's part: numbered labels over their boxes, values written in them."""
    rows = [
        (200, 150, "A. Applicant Information"),
        (260, 150, "1.a. Surname / family name"),
        (260, 1300, "1.b. First name and middle initial"),
        (320, 170, "Adams"),
        (320, 1320, "Mei"),
        (400, 150, "2.a. Date of Birth"),
        (400, 800, "2.b. Gender"),
        (400, 1300, "2.c. Place of birth (country)"),
        (400, 1900, "2.d. Citizenship"),
        (460, 170, "June 27, 1953"),
        (460, 1320, "Brazil"),
        (460, 1920, "Colombia"),
        (540, 150, "3. Street Number and Name"),
        (600, 170, "96 Lincoln Pl"),
        (680, 150, "4.a. City or Town"),
        (680, 800, "4.b. State"),
        (680, 1100, "4.c. Zip"),
        (680, 1640, "4.d. Country of residence"),
        (720, 170, "Atlanta"),
        (720, 820, "GA"),
        (720, 1120, "30309"),
        (765, 150, "5.a. Telephone"),
        (765, 800, "5.b. Other phone"),
        (765, 1400, "5.c. E-mail"),
        (805, 170, "801 555 0190"),
        (805, 1520, "mei.adams@mail.com"),
        (960, 150, "6.a. Height"),
        (960, 700, "6.b. Wt."),
        (960, 1300, "6.c. Eye color"),
        (960, 1900, "6.d. Hair color"),
        (1020, 170, "64"),
        (1020, 720, "147"),
        (1020, 1320, "Gray"),
        (1020, 1920, "White"),
    ]
    for y, spans in (
        (320, [(150, 1250), (1300, 2400)]),
        (460, [(150, 750), (800, 1250), (1300, 1850), (1900, 2400)]),
        (600, [(150, 2400)]),
        (720, [(150, 750), (800, 1050), (1100, 1600), (1640, 2400)]),
        (805, [(150, 750), (800, 1350), (1400, 2400)]),
        (1020, [(150, 650), (700, 1250), (1300, 1850), (1900, 2400)]),
    ):
        boxes_under(image, y, spans)
    return layout(rows)


def test_labels_after_their_items_numbers_read_the_boxes_under_them() -> None:
    """``2.a. Date of Birth``: the label begins after its item's number and letter, and its
    value is the box under it; the next item's number on the row (``6.c.``) is no weight."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, applicant(image), image)
    assert found["patient_name"] == "Mei Adams"
    assert found["birth_date"] == "1953-06-27"
    assert found["phone"] == "(801) 555-0190"
    assert found["height"] == 64
    assert found["weight"] == 147


def test_a_box_left_blank_reads_nothing_from_the_next_row_of_labels() -> None:
    """``4.d. Country of residence`` is left blank: the e-mail written under the next row's
    labels, further down the same column, is no part of the address."""
    image = blank()
    words = applicant(image)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "96 Lincoln Pl, Atlanta, GA 30309"
    lines = page_lines([ocr_page(words)])
    table = {label: (label,) for label in vocabulary(DocumentType.PATIENT_DETAILS).label_owners()}
    stops = find_labels(lines, table)
    country = next(m for m in stops if m.key.startswith("Country of residence"))
    assert value_below(lines, country, stops) == ()


def test_items_numbers_and_letters_are_enumerations_never_values() -> None:
    """``1.a.``, ``4b)`` number an item; ``10b`` (an apartment) and ``2019.`` do not."""
    for text in ("1.a.", "2.b.", "4b)", "1.a", "12."):
        assert ENUMERATION.match(text), text
    for text in ("10b", "2019.", "1.5", "a."):
        assert not ENUMERATION.match(text), text
    assert lettered_item("6.c.") and not lettered_item("6.") and not lettered_item("A.")


def conditions(image: np.ndarray, ticked: set[str], *, heads: bool) -> list[Word]:
    """A question, then conditions in two halves, each with its Yes and No boxes after it."""
    halves = (
        ("Asthma", "Diabetes", "Hypertension", "Epilepsy"),
        ("Seizures", "Hepatitis", "Depression", "Kidney stones"),
    )
    words = row(1200, 150, "Have you ever been diagnosed with or treated for any of the following?")
    if heads:
        for x in (1050, 1150, 2200, 2300):
            words += row(1260, x, "Yes" if x in (1050, 2200) else "No")
    for index in range(4):
        y = 1320 + 60 * index
        for half, (text_x, box_x) in enumerate(((150, 1050), (1300, 2200))):
            entry = halves[half][index]
            words += row(y, text_x, entry)
            check_box(image, box_x, y, ticked=entry in ticked)
            check_box(image, box_x + 100, y, ticked=entry not in ticked)
    words += row(1600, 150, "1. Other conditions (please list)")
    words += row(1660, 170, "Acid reflux, Gout")
    return words


def test_conditions_in_halves_under_their_heads_alone_are_read_whole_rows() -> None:
    """The heads alone under the question: each row's items lead it, left half then right."""
    image = blank()
    words = conditions(image, {"Hypertension", "Epilepsy", "Depression"}, heads=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == [
        "Hypertension",
        "Epilepsy",
        "Depression",
        "Acid reflux",
        "Gout",
    ]


def test_conditions_whose_heads_were_not_read_go_on_down_their_columns_of_boxes() -> None:
    """The ``Y`` / ``N`` heads lost to speckle: the rows holding boxes in the first row's
    columns are still the table's, every one answered no; the "Other" box is the list."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, conditions(image, set(), heads=False), image)
    assert found["medical_problems"] == ["Acid reflux", "Gout"]


def test_a_ring_round_a_cells_first_choice_crossing_its_side_is_read() -> None:
    """``Immune`` ringed in a ruled cell: the ring runs over the row's rules and its left end
    out past the cell's side, and it still tells the choice from the others."""
    image = blank()
    words = row(1000, 1060, "Immune") + row(1000, 1250, "Not immune") + row(1000, 1520, "Unknown")
    cv2.line(image, (1040, 960), (1040, 1080), 0, 3)  # the cell's side
    for y in (972, 1064):
        cv2.line(image, (400, y), (2400, y), 0, 3)  # the row's rules
    left, right = words[0].bbox.x0, words[0].bbox.x1
    centre = ((left + right) // 2, 1018)
    cv2.ellipse(image, centre, ((right - left) // 2 + 29, 46), 0, 0, 360, 0, 4)
    value, sureness = read_choice(words, ("immune", "not immune"), PageMarks(image))
    assert (value, sureness) == ("immune", 0.9)


def test_a_refill_row_printing_up_to_six_reads_a_ring_round_six() -> None:
    """``No. of refills: 0 1 2 3 4 5 6 PRN other:``: the six is one of the row's entries."""
    image = blank()
    words = row(1800, 600, "No. of refills: 0 1 2 3 4 5 6 PRN other:")
    six = next(w for w in words if w.text == "6")
    cv2.ellipse(image, (six.bbox.x0 + 9, 1818), (40, 36), 0, 0, 360, 0, 4)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 6


def test_a_refill_rows_entries_run_to_its_last_number_read() -> None:
    """``0`` to ``5`` at least; on to ``6`` when printed, or when the ring dropped ``5``."""
    assert row_choices(row(0, 0, "0 1 2 3 4 5 PRN")) == ("0", "1", "2", "3", "4", "5", "PRN")
    assert row_choices(row(0, 0, "0 1 2 3 4 6 PRN"))[-2:] == ("6", "PRN")
    assert row_choices(row(0, 0, "0 1 2 3 4 5 PRN 43215")) == row_choices(row(0, 0, "0 1 PRN"))


def test_a_date_under_its_label_run_on_from_the_value_before_it() -> None:
    """``Attending  Date of issue`` over ``Dr Isabel Roberts 13.11.2023``: the boxes only a
    tint parts, no gap stands before the date; it is still written whole under its label."""
    words = layout(
        [
            (300, 150, "Mercy General Hospital Hospital Outpatient Prescription"),
            (500, 975, "Fatima Anderson"),
            (640, 150, "Age Date of birth"),
            (640, 1630, "Attending"),
            (640, 1960, "Date of issue"),
            (700, 500, "11.07.1944"),
            (700, 1640, "Dr Isabel Roberts"),
            (700, 1980, "13.11.2023"),
            (940, 600, "Rx Topiramate 25 mg tab"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["date"] == "2023-11-13"


def test_a_measures_evidence_is_its_number_and_unit() -> None:
    """``129 lbs`` of ``129 lbs  High cholesterol, Gout``: the next box's words are no weight's."""
    words = row(0, 0, "129 lbs High cholesterol, Gout")
    assert [w.text for w in measure_words(words)] == ["129", "lbs"]
    assert [w.text for w in measure_words(row(0, 0, "5 ft 6 in tall"))] == ["5", "ft", "6", "in"]


def test_no_regular_medication_is_none() -> None:
    """A form's none option for its medicine table, as written or ticked, is no medicine."""
    assert parse_list("No regular medication") == []
    assert parse_list("I take no regular medicines") == []


def test_a_ticked_box_well_under_tall_answers_answers_its_choice() -> None:
    """``[ ]Y  [X] N``: OCR glued the empty box to its ``Y`` and gave the answers' words twice
    the boxes' height; the marked box clear of the words still answers ``No``."""
    image = blank()
    words = row(400, 260, "1. Do you have medical insurance?")
    answers = [
        Word("□Y", 0.9, BBox(719, 397, 812, 455)),
        Word("N", 0.9, BBox(885, 396, 929, 455)),
    ]
    cv2.rectangle(image, (733, 415), (759, 441), 0, 3)
    cv2.rectangle(image, (853, 414), (879, 440), 0, 3)
    cv2.line(image, (857, 418), (875, 436), 0, 4)
    cv2.line(image, (875, 418), (857, 436), 0, 4)
    assert read_box_row(answers, YES_NO, PageMarks(image)) == ("no", True)
    found = read(DocumentType.PATIENT_DETAILS, [*words, *answers], image)
    assert found["has_insurance"] == "no"
