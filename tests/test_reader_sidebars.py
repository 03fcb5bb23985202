"""The reader on an eye clinic's prescription blank and a school's athletics history form.

The blank prints the practice's doctors and offices down a sidebar fenced off by a drawn line,
level with the body's rows; the doctor who writes ticks the box before their name. Each drug's
rule ends with the eyes to ring (``OD OS OU``) under an ``Eye(s)`` heading. The history form
puts the athlete's name on its top row in parts (``Surname ... First name & initial``) before
its first heading, boxes its exam date beside running text, leaves blanks the writing runs up
to (``Country United States Cell``), and answers its immunity table with ticks in wide cells,
photographed askew. A government clinic's blank prints the doctor's name before the DEA number.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.layout import compact, glued_value
from medreview.parsing.marks import Cell, PageMarks
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout

SIDEBAR_EDGE = 700


def _eye_blank(image: np.ndarray, *, fenced: bool = True) -> list:
    """An eye clinic's blank: doctors with boxes in a sidebar, three drugs with ``OD OS OU``."""
    if fenced:
        cv2.line(image, (SIDEBAR_EDGE, 100), (SIDEBAR_EDGE, 3200), 0, 4)
    check_box(image, 100, 600, ticked=False)
    check_box(image, 100, 760, ticked=True)
    check_box(image, 100, 920, ticked=False)
    return layout(
        [
            (300, 120, "Horizon Eye Care"),
            (450, 120, "PHYSICIANS"),
            (600, 160, "Elena Richardson, MD"),
            (660, 160, "Lic. MD067802"),
            (760, 160, "Dr Patrick Walker"),
            (820, 160, "Lic. MD556790"),
            (920, 160, "Alan Turner, MD"),
            (980, 160, "Lic. MD476564"),
            (1300, 120, "LOCATIONS"),
            (1380, 120, "1852 Walnut Street"),
            (1520, 120, "Night Line: +1 512 555 0185"),
            (200, 800, "PRESCRIPTION BLANK"),
            (400, 800, "Patient Name Daniel K. Rogers"),
            (480, 800, "Patient Address 5 River Ln, Albuquerque, NM"),
            (560, 800, "Date Written December 15, 2020"),
            (700, 800, "Rx"),
            (720, 2200, "Eye(s)"),
            (800, 900, "Ketorolac 0.5% gtts"),
            (800, 2100, "OD OS OU"),
            (900, 900, "Difluprednate 0.05% gtts"),
            (900, 2100, "OD OS OU"),
            (1000, 900, "Brimonidine O.2%gtts"),
            (1000, 2100, "OD OS OU"),
            (1100, 2100, "OD OS OU"),
            (1300, 800, "Instructions Use 1 drop in the left eye twice daily"),
            (1380, 800, "Shake well before each use"),
            (1520, 800, "Refills 2 Times"),
        ]
    )


def test_a_sidebar_is_read_apart_from_the_body_beside_it() -> None:
    """The drawn edge keeps "Night Line: +1 512 555 0185" out of the directions level with
    it, and the ticked doctor of the sidebar's list is the prescriber."""
    image = blank()
    words = _eye_blank(image)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Dr Patrick Walker"
    directions = "Use 1 drop in the left eye twice daily Shake well before each use"
    assert found["directions"] == directions
    assert found["refills"] == 2


def test_the_eyes_printed_on_every_drugs_row_are_no_part_of_the_drug() -> None:
    """``OD OS OU`` at every rule's end and their ``Eye(s)`` heading are printed choices: the
    drugs are read without them, the empty row is no drug, and a strength OCR read with the
    letter O and glued to its form is mended (``O.2%gtts`` is ``0.2% gtts``)."""
    image = blank()
    words = _eye_blank(image)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "Ketorolac 0.5% gtts",
        "Difluprednate 0.05% gtts",
        "Brimonidine 0.2% gtts",
    ]


def test_a_panel_edge_is_an_upright_line_no_lying_line_crosses() -> None:
    """A sidebar's edge down the page is a panel's; a table's column line its rows cross, or
    a short line, is none."""
    image = blank()
    cv2.line(image, (SIDEBAR_EDGE, 100), (SIDEBAR_EDGE, 3200), 0, 4)
    assert [round(e.level / 10) for e in PageMarks(image).panel_edges()] == [SIDEBAR_EDGE // 10]
    table = blank()
    cv2.line(table, (1200, 100), (1200, 3200), 0, 4)
    for y in range(200, 3200, 400):
        cv2.line(table, (300, y), (2200, y), 0, 3)
    cv2.line(table, (1800, 100), (1800, 900), 0, 4)
    assert PageMarks(table).panel_edges() == []


def test_a_check_box_a_pixel_wider_than_tall_is_a_box() -> None:
    """A blurred scan draws the box 35 px wide and 34 tall; ticked, it is still found."""
    image = blank()
    cv2.rectangle(image, (100, 100), (134, 133), 0, 3)
    cv2.line(image, (101, 101), (133, 132), 0, 4)
    cv2.line(image, (133, 101), (101, 132), 0, 4)
    boxes = PageMarks(image).boxes(BBox(60, 80, 160, 160), 40)
    assert len(boxes) == 1
    assert boxes[0][1] > 0.1


def _history_form(city: str, country: str = "", contact_phone: str = "") -> list:
    return layout(
        [
            (100, 150, "Northbrook High School"),
            (160, 150, "Sports Medicine History Form"),
            (300, 150, "Surname Clark"),
            (300, 900, "First Name & Initial James"),
            (300, 1700, "Date of Exam 24 April 2020"),
            (380, 150, "Date of Birth 5 February 1999"),
            (380, 1100, "Age 21"),
            (500, 150, "Where you Live"),
            (580, 150, "Number & Street 806 Willow Drive"),
            (580, 1500, "Home Phone (608) 555-0193"),
            (660, 150, f"City, State, ZIP {city}"),
            (660, 1300, country or "Country"),
            (780, 150, "Parent / Guardian or Emergency Contact"),
            (860, 150, "Contact Name Helen Clark"),
            (940, 150, f"Home Tel. {contact_phone}".strip()),
            (940, 1300, "Work Phone"),
        ]
    )


def test_a_name_in_parts_over_the_first_heading_is_the_patients() -> None:
    """``Surname Clark   First Name & Initial James`` on the top row, before "Where you
    Live": the ampersand reads as "and", and the parts are the patient's name."""
    found = read(DocumentType.PATIENT_DETAILS, _history_form("Seattle, WA"), blank())
    assert found["patient_name"] == "James Clark"
    assert found["record_date"] == "2020-04-24"
    assert found["address"] == "806 Willow Drive, Seattle, WA"


def test_a_blank_telephones_label_ends_no_address() -> None:
    """``Country United States Cell`` with the cell phone left blank: the address ends with
    the country, and a telephone's label is no country (``Country cell +1 415 555 0127``)."""
    form = _history_form("Sacramento, CA", "Country United States Cell")
    found = read(DocumentType.PATIENT_DETAILS, form, blank())
    assert found["address"] == "806 Willow Drive, Sacramento, CA, United States"
    form = _history_form("Burlington, VT", "Country cell +1 415 555 0127")
    found = read(DocumentType.PATIENT_DETAILS, form, blank())
    assert found["address"] == "806 Willow Drive, Burlington, VT"


def test_a_contacts_blank_telephone_takes_no_telephone_over_its_section() -> None:
    """The athlete's cell phone over the emergency contact's heading is not the contact's when
    the contact's own "Home Tel." is left blank; written, it is read."""
    form = _history_form("Burlington, VT", "Cell +1 415 555 0127")
    found = read(DocumentType.PATIENT_DETAILS, form, blank())
    assert "emergency_contact_phone" not in found
    form = _history_form("Burlington, VT", "Cell +1 415 555 0127", "(402) 555-0152")
    found = read(DocumentType.PATIENT_DETAILS, form, blank())
    assert found["emergency_contact_phone"] == "(402) 555-0152"


def test_a_measure_glued_to_its_abbreviation_keeps_its_decimals() -> None:
    """``wt105.5``: the weight's abbreviation and a figure with a decimal part."""
    assert glued_value("wt105.5") == ("wt", "105.5")
    assert compact("Drug & other allergies") == compact("Drug and other allergies")


def _tilted_grid(image: np.ndarray, slope: float, ticks: dict[str, int]) -> list:
    """An immunity table drawn askew (a photographed page): wide answer cells, one tick a row.

    ``ticks`` maps a row's illness to the column (1, 2 or 3) its tick stands in.
    """
    left, right = 150, 2400
    columns = (150, 900, 1400, 1850, 2400)
    tops = (1300, 1370, 1440, 1510)

    def level(y: float, x: float) -> int:
        return round(y + slope * (x - left))

    for y in tops:
        cv2.line(image, (left, level(y, left)), (right, level(y, right)), 0, 3)
    for x in columns:
        cv2.line(image, (x, level(tops[0], x)), (x, level(tops[-1], x)), 0, 3)
    heads = ((170, "Illness"), (920, "Immune (had it or vaccinated)"), (1420, "Not immune"))
    rows = [(level(1312, x), x, text) for x, text in (*heads, (1870, "Unsure"))]
    for index, illness in enumerate(("Chickenpox (varicella)", "Measles (rubeola)")):
        y = tops[index + 1] + 28  # (printed low in its row)
        rows.append((level(y, 170), 170, illness))
        column = ticks[illness.split()[0]]
        middle = (columns[column] + columns[column + 1]) // 2
        base = level(tops[index + 1] + 52, middle)
        cv2.line(image, (middle - 16, base - 16), (middle, base), 0, 5)
        cv2.line(image, (middle, base), (middle + 30, base - 40), 0, 5)
    return layout([(300, 150, "Immunization Status"), *rows])


@pytest.mark.parametrize("slope", [0.03, -0.03])
def test_a_tick_in_a_wide_cell_of_a_tilted_table_is_read_along_its_lines(slope: float) -> None:
    """On a page photographed askew each row's band follows its drawn lines, and a tick that
    fills little of a wide answer cell still answers the row; the last row's cell is closed
    by the far side's line though the row climbs on its way there."""
    image = blank()
    words = _tilted_grid(image, slope, {"Chickenpox": 2, "Measles": 1})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def test_a_label_in_a_box_beside_running_text_is_found() -> None:
    """``... Circle questions you  [Date of physical 03/10/2025]``: the box's lines begin a
    segment however narrow the gap, so its label is read, not the physician's later date."""
    image = blank()
    cv2.rectangle(image, (1700, 320), (2400, 400), 0, 3)
    words = layout(
        [
            (340, 150, "Complete this form before your physical. Circle questions you"),
            (340, 1720, "Date of physical 03/10/2025"),
            (500, 150, "Athlete name Nora Oyelaran"),
            (2800, 150, "Name of physician Dr. James Green"),
            (2800, 1500, "Date 03/21/2025"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["record_date"] == "2025-03-10"
    assert glued_value("physical2025-06-30") == ("physical", "2025-06-30")
    assert glued_value("(home)602.555.0131") == ("(home)", "602.555.0131")


def test_a_tilted_rows_cell_is_closed_by_a_far_line_its_row_climbs_to() -> None:
    """Photographed askew, a row climbs on its way to the table's far side: the far line
    ends above the label's own height there, and still closes the label's cell."""
    image = blank()
    slope = -0.03

    def level(y: float, x: float) -> int:
        return round(y + slope * (x - 150))

    for y in (1370, 1440, 1510):
        cv2.line(image, (150, level(y, 150)), (2400, level(y, 2400)), 0, 3)
    for x in (150, 2400):
        cv2.line(image, (x, level(1370, x)), (x, level(1510, x)), 0, 3)
    assert PageMarks(image).cell_of(BBox(250, 1468, 700, 1500)) is None
    cell = PageMarks(image).cell_of(BBox(250, 1468, 700, 1500), along_tilt=True)
    assert cell is not None
    assert abs(cell.x0 - 150) <= 3 and abs(cell.x1 - 2400) <= 3


def test_a_doctors_name_before_the_stamps_number_is_the_prescriber() -> None:
    """A government clinic's blank prints ``7. PRESCRIBER``, the NPI under it, then the
    doctor's name with the DEA number after it on one line; a count in brackets closing a
    drug's line (``(30)``) is its quantity."""
    words = layout(
        [
            (100, 150, "COMMUNITY HEALTH SERVICE PRESCRIPTION"),
            (300, 150, "PATIENT NAME Michael Johnson"),
            (380, 150, "ADDRESS 947 Chestnut Avenue, Lansing, MI 48933"),
            (460, 150, "DATE WRITTEN 10/08/2019"),
            (600, 150, "Rx"),
            (680, 220, "Levothyroxine 50 mcg tab (30)"),
            (760, 220, "Valacyclovir 1000 mg tab (28)"),
            (900, 150, "SIGNA (Directions) Take 1 tablet every morning"),
            (1100, 150, "7. PRESCRIBER"),
            (1180, 150, "NPI 1804685100"),
            (1260, 150, "Joseph Perez, M.D."),
            (1260, 1200, "DEA NO. BB8219483"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["prescriber"] == "Joseph Perez, M.D."
    assert found["medicines"] == ["Levothyroxine 50 mcg tab", "Valacyclovir 1000 mg tab"]


def test_a_tilted_cell_holds_what_its_row_holds_across_it() -> None:
    """A cell found on a tilted page follows its lines: far along the row, a word higher
    than the label's own rectangle is still in it, and the row under it is not."""
    cell = Cell(100, 1000, 2400, 1070, slope=-0.03, origin=200.0)
    far_word = BBox(2000, 950, 2200, 990)  # the row has climbed 54 px by x = 2100
    assert cell.holds(far_word)
    assert cell.holds_written(far_word)
    assert not cell.holds(BBox(2000, 1020, 2200, 1060))  # the next row down, there
    assert not Cell(100, 1000, 2400, 1070).holds(far_word)


def test_a_drug_box_cut_short_by_its_first_rule_runs_on_into_the_drugs_under_it() -> None:
    """A government blank boxes ``4. INSCRIPTION (Drug, strength, form)`` with its first
    drug, the first writing rule closing the box; the drugs on the rules under it are the same
    list."""
    image = blank()
    cv2.rectangle(image, (100, 540), (2300, 770), 0, 3)
    for y in (850, 930, 1010):
        cv2.line(image, (200, y), (2200, y), 0, 2)
    words = layout(
        [
            (100, 150, "FEDERAL HEALTH SERVICE PRESCRIPTION"),
            (300, 150, "Marcus Green"),
            (380, 150, "25 Spring Ln, Sacramento, CA 95814"),
            (460, 150, "3. DATE 07/16/2025"),
            (560, 150, "4. INSCRIPTION (Drug, strength, form)"),
            (715, 300, "Sitagliptin 100 mg tab"),
            (800, 250, "Escitalopram 10 mg tab"),
            (880, 250, "Pravastatin 20 mg tab"),
            (1100, 150, "5. SIGNA (Directions) Take one tablet every 12 hours"),
        ]
    )
    words.append(Word("Px", 0.95, BBox(150, 615, 270, 705)))  # the pad's large ℞
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "Sitagliptin 100 mg tab",
        "Escitalopram 10 mg tab",
        "Pravastatin 20 mg tab",
    ]
