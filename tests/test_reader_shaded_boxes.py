"""The reader on forms that write every value in a shaded box captioned under it.

An occupational clinic's work status report puts the patient's name in capitals in a tinted box
(no band's title), numbers its sections (``2. Rx``), writes the directions in one tall box
that leaves room under them, and types the provider's name and credential over the NPI. The
words are laid as OCR gives them (:mod:`tests.wordkit`) over the boxes drawn the way the form
prints them; the smaller repairs are tested on their own.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.canonical import clean_text
from medreview.parsing.choices import is_refill_row
from medreview.parsing.labelled import _address_lines as address_lines
from medreview.parsing.layout import find_labels, page_lines, value_wrapped
from medreview.parsing.ocrtext import TextStyle
from medreview.parsing.page import Candidate, Relation
from medreview.parsing.reader import assign
from medreview.parsing.values import date_fit
from medreview.parsing.vocabulary import vocabulary
from tests.test_reader_grids import blank, read
from tests.wordkit import layout, ocr_page, row

TINT = 225  # a shaded box's gray


def shaded(image: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> None:
    """A box of pale gray paper, as the form prints its value boxes."""
    cv2.rectangle(image, (x0, y0), (x1, y1), TINT, -1)


def report_head(image: np.ndarray) -> list[Word]:
    """The report's case rows: name, birth date and visit date in boxes, captions under."""
    for x0, x1 in ((140, 1000), (1090, 1650), (1690, 2400)):
        shaded(image, x0, 280, x1, 350)
    return layout(
        [
            (300, 170, "KWAME PEREZ"),
            (370, 150, "INJURED WORKER"),
            (300, 1110, "17 JUNE 1966"),
            (370, 1090, "DATE OF BIRTH"),
            (300, 1710, "1 .DECEMBER 2019"),
            (370, 1690, "DATE OF VISIT"),
            (460, 170, "35 ORCHARD RD..OMAHA, NE"),
            (530, 150, "PATIENT ADDRESS"),
        ]
    )


def test_a_name_in_capitals_in_a_tinted_box_over_its_caption_is_the_value() -> None:
    """``KWAME PEREZ`` on a tint over ``INJURED WORKER``: a value, no tinted band's title."""
    image = blank()
    shaded(image, 140, 440, 1200, 510)
    found = read(DocumentType.PRESCRIPTION, report_head(image), image)
    assert found["patient_name"] == "KWAME PEREZ"
    assert found["date"] == "2019-12-01"
    assert found["patient_address"] == "35 ORCHARD RD, OMAHA, NE"


def test_a_numbered_title_reads_its_value_under_it_on_a_form_of_captions() -> None:
    """``2. Rx`` heads the medicines under it, not the restrictions' row over it."""
    image = blank()
    words = report_head(image) + layout(
        [
            (700, 170, "1. Work status"),
            (780, 240, "No work above shoulders"),
            (780, 1300, "No driving company vehicles"),
            (860, 170, "2. Rx"),
            (940, 330, "1. Meloxicam 7.5 mg - 1 tab at bedtime"),
            (1020, 330, "2. Ibuprofen 200 mg tab - 1 tab with food"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "Meloxicam 7.5 mg - 1 tab at bedtime",
        "Ibuprofen 200 mg tab - 1 tab with food",
    ]


def test_a_tall_box_s_writing_is_its_caption_s_however_much_room_is_left_under_it() -> None:
    """Two lines of directions in a box drawn for five, ``SIG`` under it: the directions.

    The medicine rows over the box stop where it begins: its lines stand closer together
    than the last row stands over them.
    """
    image = blank()
    for y in (930, 1015):
        shaded(image, 320, y, 1500, y + 50)
    shaded(image, 380, 1085, 2380, 1340)
    words = report_head(image) + layout(
        [
            (940, 170, "Rx"),
            (940, 330, "1. Cyclobenzaprine 10 mg tab"),
            (1025, 330, "2. Naproxen 500 mg"),
            (1100, 400, "Take one tablet by mouth four times a day for 3 days."),
            (1140, 400, "Return to clinic if symptoms persist after one week."),
            (1360, 385, "SIG"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Cyclobenzaprine 10 mg tab", "Naproxen 500 mg"]
    assert found["directions"] == (
        "Take one tablet by mouth four times a day for 3 days. Return to clinic if symptoms "
        "persist after one week."
    )


def test_an_empty_box_under_another_box_claims_none_of_its_lines() -> None:
    """The directions' box left empty: the last medicine row over it stays a medicine."""
    image = blank()
    for y in (930, 1010):
        shaded(image, 320, y, 1500, y + 60)
    shaded(image, 380, 1100, 2380, 1180)
    words = report_head(image) + layout(
        [
            (940, 170, "Rx"),
            (940, 330, "1. Cyclobenzaprine 10 mg tab"),
            (1020, 330, "2. Naproxen 500 mg"),
            (1200, 385, "SIG"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Cyclobenzaprine 10 mg tab", "Naproxen 500 mg"]
    assert "directions" not in found


def test_a_provider_typed_over_the_npi_with_a_credential_is_the_prescriber() -> None:
    """``Yuki Davis, PA-C`` over ``NPI/ Lic. 1579798856``, under the signature's caption."""
    words = layout(
        [
            (300, 150, "Patient name: Helen Reyes"),
            (2760, 240, "SIGNATURE"),
            (2810, 250, "Yuki Davis, PA-C"),
            (2860, 250, "NPI/ Lic. 1579798856"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["prescriber"] == "Yuki Davis, PA-C"


def test_an_address_box_over_its_caption_gives_all_its_lines() -> None:
    """``3358 Oak Blvd, Pittsburgh, PA`` over ``15222`` over ``Lives at``: the whole address."""
    image = blank()
    shaded(image, 140, 580, 1000, 720)
    words = layout(
        [
            (400, 150, "Sarah Walker"),
            (460, 150, "Patient name"),
            (400, 1100, "(402) 555-0163"),
            (460, 1100, "Primary phone"),
            (520, 150, "EMERGENCY CONTACT"),
            (600, 160, "3358 Oak Blvd, Pittsburgh, PA"),
            (662, 160, "15222"),
            (740, 150, "Lives at"),
            (820, 150, "(512) 555-0128"),
            (880, 150, "Telephone"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_address"] == "3358 Oak Blvd, Pittsburgh, PA 15222"


def test_a_zip_code_alone_on_the_line_under_its_state_follows_it_after_a_space() -> None:
    assert address_lines(["3358 Oak Blvd", "Pittsburgh, PA", "15222"]) == (
        "3358 Oak Blvd, Pittsburgh, PA 15222"
    )
    assert address_lines(["PO Box 15222", "Denver"]) == "PO Box 15222, Denver"


def test_a_speck_before_a_written_month_and_two_stops_in_an_address_are_read_through() -> None:
    assert date_fit("1 .DECEMBER 2019") == 1.0
    assert clean_text("35 ORCHARD RD..OMAHA, NE", TextStyle.ADDRESS) == "35 ORCHARD RD, OMAHA, NE"


def test_a_title_s_last_word_is_no_label_wrapping_onto_a_line_far_off_its_margin() -> None:
    """``Work Status Report / Rx`` at the right: the letterhead's line under it, far left, is
    no medicine wrapped onto the next line."""
    lines = page_lines(
        [
            ocr_page(
                layout(
                    [
                        (160, 1650, "Work Status Report / Rx"),
                        (225, 340, "Valley Work Injury Clinic"),
                    ]
                )
            )
        ]
    )
    labels = {"Rx": ("Rx",)}
    match = next(m for m in find_labels(lines, labels) if m.line == 0)
    assert value_wrapped(lines, match, [match]) == ()
    near = page_lines(
        [
            ocr_page(
                layout([(160, 340, "Take the medicines as listed, Rx"), (225, 340, "Ibuprofen")])
            )
        ]
    )
    near_match = next(m for m in find_labels(near, labels) if m.line == 0)
    assert [w.text for w in value_wrapped(near, near_match, [near_match])] == ["Ibuprofen"]
    assert vocabulary(DocumentType.PRESCRIPTION)  # (the vocabulary the reader uses loads)


def test_a_list_s_further_rows_complete_it_and_a_word_before_its_first_entry_does_not() -> None:
    """Scored alike, the ℞'s three rows win over the first row alone under a heading; an
    answer word read before the first allergy (``No Pollen``) makes no longer list of it."""
    row1 = Word("Lamotrigine", 0.9, BBox(330, 1526, 500, 1587))
    row2 = Word("Ondansetron", 0.9, BBox(330, 1617, 520, 1677))
    heading = Candidate("medicines", ["Lamotrigine"], (row1,), 0.95, Relation.BELOW)
    rx = Candidate("medicines", ["Lamotrigine", "Ondansetron"], (row1, row2), 0.95, Relation.RIGHT)
    assert assign([heading, rx])["medicines"][0] is rx
    pollen = Word("Pollen", 0.9, BBox(400, 500, 500, 540))
    answer = Word("No", 0.9, BBox(330, 500, 380, 540))
    alone = Candidate("allergies", ["Pollen"], (pollen,), 0.9, Relation.RIGHT)
    after = Candidate("allergies", ["No Pollen"], (answer, pollen), 0.9, Relation.RIGHT)
    assert assign([alone, after])["allergies"][0] is alone


def test_a_value_in_capitals_on_a_tinted_box_under_its_label_is_no_band_s_title() -> None:
    """Labels over their boxes: ``NOAH CARTER`` on a tint under ``Injured worker``."""
    image = blank()
    shaded(image, 180, 345, 1000, 405)
    shaded(image, 180, 495, 1400, 555)
    words = layout(
        [
            (300, 195, "Injured worker"),
            (300, 1100, "Birth date"),
            (355, 209, "NOAH CARTER"),
            (355, 1100, "24/12/1988"),
            (450, 188, "Patient address"),
            (505, 209, "355 CHURCH AVENUE, NASHVILLE, TN"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_name"] == "NOAH CARTER"
    assert found["patient_address"] == "355 CHURCH AVENUE, NASHVILLE, TN"


def test_a_lettered_title_heads_the_rows_under_it_past_a_tall_rx_read_alone() -> None:
    """``B. MEDICATIONS PRESCRIBED TODAY`` over the rows; the ℞ beside them read on a line of
    its own between the first two rows is no end of the list."""
    image = blank()
    words = report_head(image) + layout(
        [
            (700, 240, "No work above shoulders"),
            (700, 1300, "No driving company vehicles"),
            (790, 165, "B. MEDICATIONS PRESCRIBED TODAY"),
            (870, 410, "NAPROXEN 250 MG"),
            (900, 166, "Rx"),
            (960, 400, "ACETAMINOPHEN 500 MG TAB"),
            (1050, 410, "CEPHALEXIN 250 MG"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "NAPROXEN 250 MG",
        "ACETAMINOPHEN 500 MG TAB",
        "CEPHALEXIN 250 MG",
    ]


def test_a_title_in_a_letterhead_line_s_right_segment_wraps_onto_no_line() -> None:
    """``Harbor Medical Center      Work Status Report / Rx``: the services line under the
    clinic's name starts at the line's margin, far from the title's segment."""
    lines = page_lines(
        [
            ocr_page(
                layout(
                    [
                        (90, 386, "Harbor Medical Center"),
                        (90, 1650, "Work Status Report / Rx"),
                        (154, 374, "Injury care and Drug screening"),
                    ]
                )
            )
        ]
    )
    labels = {"Rx": ("Rx",)}
    match = next(m for m in find_labels(lines, labels) if m.line == 0)
    assert value_wrapped(lines, match, [match]) == ()


def test_an_address_box_in_capitals_under_its_label_runs_on_to_its_last_line() -> None:
    """``3799 CHESTNUT ROAD`` / ``COLUMBUS, OH 43215`` / ``UNITED STATES`` on a tint under
    ``HOME ADDRESS``: no line is a band's title, and a ZIP code is no refill row's entries."""
    image = blank()
    shaded(image, 160, 355, 1000, 540)
    words = layout(
        [
            (200, 165, "PATIENT NAME"),
            (250, 180, "HANNAH SMITH"),
            (310, 165, "HOME ADDRESS"),
            (365, 188, "3799 CHESTNUT ROAD"),
            (430, 178, "COLUMBUS, OH 43215"),
            (495, 185, "UNITED STATES"),
            (600, 165, "HEIGHT"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "3799 CHESTNUT ROAD, COLUMBUS, OH 43215, UNITED STATES"
    assert not is_refill_row(row(0, 0, "COLUMBUS, OH 43215"))
    assert is_refill_row(row(0, 0, "012345 PRN"))
