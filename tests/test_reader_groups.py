"""The reader on forms of input groups, tabbed text areas, marked tables and tear-off stubs.

A prenatal intake prints every field as a box with its label in a shaded tab, its section
titles with a rule run on to the margin, its history as a numbered table answered with an
``X`` under ``Yes`` or ``No`` (or a ``+`` / ``O`` code a legend keys); its prescription ends in
an appointment reminder the patient tears off, whose date and provider are not the order's.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.parsing.ocrtext import TextStyle, clean_text, ends_dotted
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import CHAR_W, layout

# The history table: two halves, each with a row number, the condition and its answers.
HALVES = ((160, 220, 900), (1300, 1360, 2040))  # number, condition, first answer column
ANSWER_STEP = 100


def history_table(answers: list[tuple[str, bool]], *, keyed: bool, image: np.ndarray) -> list:
    """The table under its question, two conditions a row; ``keyed``: codes under a legend.

    Without a legend an ``X`` stands under the half's ``Yes`` or ``No`` head; with one, the
    code (``+`` yes, ``O`` no) stands in one column, each code in a ruled cell (cells that
    look like check boxes to a tick list's reader).
    """
    rows = [(1000, 160, "Tell us about your health:" if keyed else "Have you ever had")]
    if keyed:
        rows.append((1000, 700, "Mark each row: + = yes (positive), O = no (negative)."))
    heads = ("+/O",) if keyed else ("Yes", "No")
    for number_x, _, answer_x in HALVES:
        rows.append((1060, number_x, "#"))
        rows.extend((1060, answer_x + i * ANSWER_STEP, head) for i, head in enumerate(heads))
    for index, (condition, yes) in enumerate(answers):
        number_x, condition_x, answer_x = HALVES[index % 2]
        y = 1120 + 60 * (index // 2)
        rows.append((y, number_x, str(index + 1)))
        rows.append((y, condition_x, condition))
        if keyed:
            rows.append((y, answer_x, "+" if yes else "O"))
            cv2.rectangle(image, (answer_x - 12, y - 10), (answer_x + 40, y + 46), 0, 3)
        else:
            rows.append((y, answer_x + (0 if yes else ANSWER_STEP) + 9, "X"))
    return layout(rows)


CONDITIONS = [
    ("Asthma", False),
    ("Anxiety", True),
    ("Diabetes", True),
    ("Anemia", False),
    ("Epilepsy", False),
    ("Gout", True),
]


def test_conditions_marked_under_yes_or_no_heads_are_the_yes_rows_down_each_half() -> None:
    """``1 Asthma  X  7 Anxiety  X``: the X under a half's Yes head chooses its condition."""
    image = blank()
    found = read(
        DocumentType.PATIENT_DETAILS, history_table(CONDITIONS, keyed=False, image=image), image
    )
    assert found["medical_problems"] == ["Diabetes", "Anxiety", "Gout"]


def test_a_table_answered_no_in_every_row_is_an_empty_list() -> None:
    image = blank()
    answers = [(condition, False) for condition, _ in CONDITIONS]
    found = read(
        DocumentType.PATIENT_DETAILS, history_table(answers, keyed=False, image=image), image
    )
    assert found["medical_problems"] == []


def test_codes_a_legend_keys_choose_the_rows_even_in_cells_like_check_boxes() -> None:
    """``+ = yes, O = no``: the rows coded ``+``; the cells round the codes are no tick list."""
    image = blank()
    found = read(
        DocumentType.PATIENT_DETAILS, history_table(CONDITIONS, keyed=True, image=image), image
    )
    assert found["medical_problems"] == ["Diabetes", "Anxiety", "Gout"]


def tabbed_box(image: np.ndarray, top: int, bottom: int, tab_right: int, tab_bottom: int) -> None:
    """A text area with its label's tab drawn in its top left corner."""
    cv2.rectangle(image, (172, top), (2380, bottom), 0, 3)
    cv2.line(image, (172, tab_bottom), (tab_right, tab_bottom), 0, 3)
    cv2.line(image, (tab_right, top), (tab_right, tab_bottom), 0, 3)


def test_directions_in_the_box_a_tab_opens_are_read_whole() -> None:
    """The tab is a cell of its own; the value fills the box under it, wider than the tab."""
    image = blank()
    tabbed_box(image, 1490, 1790, 520, 1546)
    lines = (
        "Doxycycline two capsules four times a day with food Take one capsule by mouth",
        "every 12 hours for 30 days",
    )
    words = layout(
        [
            (300, 160, "PRESCRIPTION"),
            (400, 160, "Name Olivia Morgan"),
            (900, 160, "Rx Doxycycline 100 mg cap"),
            (1500, 190, "Directions for use"),
            (1580, 200, lines[0]),
            (1650, 200, lines[1]),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["directions"] == " ".join(lines)


def heading_rule(image: np.ndarray, y: int, text: str, x: int = 160) -> None:
    """The rule a section's title runs on into, level with the title's middle."""
    start = x + CHAR_W * len(text) + 20
    cv2.line(image, (start, y + 18), (2380, y + 18), 0, 3)


def test_a_section_title_with_its_rule_ends_the_list_over_it_and_holds_no_value() -> None:
    """``PREGNANCY HISTORY ────`` is no medicine; ``ALLERGIES AND REACTIONS`` no allergy.

    (OCR glues the capitals of a title: ``PREGNANCYHISTORY``, ``ANDREACTIONS``.)
    """
    image = blank()
    titles = ((1200, "ALLERGIES ANDREACTIONS"), (1400, "CURRENT MEDICATIONS"))
    words = layout(
        [
            *((y, 160, text) for y, text in titles),
            (1280, 160, "Allergies"),
            (1280, 500, "Codeine, Morphine"),
            (1480, 160, "Medicines taken regularly"),
            (1480, 700, "Tramadol, Alprazolam, Montelukast"),
            (1540, 160, "PREGNANCYHISTORY"),
        ]
    )
    for y, text in (*titles, (1540, "PREGNANCYHISTORY")):
        heading_rule(image, y, text)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["regular_medication"] == ["Tramadol", "Alprazolam", "Montelukast"]
    assert found["allergies"] == ["Codeine", "Morphine"]


def test_a_tear_off_reminders_date_and_provider_are_not_the_prescriptions() -> None:
    """Under "Detach and keep this reminder" low on the page: the next visit, not the order."""
    image = blank()
    words = layout(
        [
            (300, 160, "PRESCRIPTION ORDER"),
            (400, 160, "Name Olivia Morgan"),
            (900, 160, "Rx Metronidazole 250 mg"),
            (2400, 160, "Detach and keep this reminder"),
            (2500, 160, "APPOINTMENT REMINDER"),
            (2580, 160, "Date 27/08/2020"),
            (2580, 900, "Provider Priya Thomas, CNM"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found.get("prescriber") is None
    assert found.get("date") is None


def test_a_label_in_title_case_after_a_value_in_capitals_ends_it() -> None:
    """``SOFIA H. ANDERSON Relation to you STEPMOTHER``: one segment, three groups' text."""
    image = blank()
    words = layout(
        [
            (800, 160, "Emergency contact SOFIA H. ANDERSON Relation to you STEPMOTHER Home phone"),
            (800, 1600, "(404) 555-0126"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_name"] == "SOFIA H. ANDERSON"
    assert found["emergency_contact_phone"] == "(404) 555-0126"


def test_a_row_of_labelled_values_is_no_heading_row_over_the_contacts_row() -> None:
    """ "Cell / home phone (602) 555-0146" over the contact's row heads no column of it.

    Taken for the heads of a table of people, its ``Cell`` would find the contact's row
    blank under it and keep the contact's telephone out.
    """
    image = blank()
    words = layout(
        [
            (500, 160, "Street 4490 ASPEN DR"),
            (500, 1200, "City / State / Zip PITTSBURGH, 15222"),
            (580, 160, "Country USA"),
            (580, 1050, "Cell / home phone (602) 555-0146"),
            (580, 1750, "Email address OLIVIA.HARRIS@EXAMPLE.ORG"),
            (660, 160, "Weight before pregnancy 181"),
            (660, 900, "Height 61"),
            (740, 160, "PARTNER AND EMERGENCY CONTACT"),
            (820, 160, "Partner's name THOMAS KOWALSKI"),
            (820, 1200, "Phone (512) 555-0143"),
            (900, 160, "Emergency contact PRIYA WALKER"),
            (900, 1300, "Relationship SISTER"),
            (900, 1750, "Home tel. (804) 555-0128"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_phone"] == "(804) 555-0128"


def test_a_question_with_its_options_in_the_order_area_is_no_medicine() -> None:
    """ "Currently pregnant?  Yes  No" between the patient's rows and the numbered medicines."""
    image = blank()
    words = layout(
        [
            (300, 160, "PRESCRIPTION"),
            (300, 1200, "Script no. 1890407"),
            (400, 160, "Name Emily Lopez"),
            (400, 1200, "DOB 6 March 1998"),
            (480, 160, "Patient address 7282 Lincoln Road, Albuquerque, NM"),
            (560, 160, "Phone 916 555 0149"),
            (560, 1200, "Date issued 23 September 2024"),
            (640, 160, "Currently pregnant? Yes No"),
            (640, 1200, "Breastfeeding? Yes No"),
            (720, 160, "Px 1. Loratadine 10 mg tab"),
            (720, 1800, "Qty #90"),
            (800, 230, "2. Clopidogrel 75 mg"),
            (800, 1800, "Qty #90"),
            (1000, 160, "Sig"),
            (1060, 160, "Take one tablet four times a day."),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Loratadine 10 mg tab", "Clopidogrel 75 mg"]


def test_an_address_ending_in_a_dotted_abbreviation_keeps_its_full_stop() -> None:
    """``U.S.A.`` is written so; a full stop after a street's last word is a speck."""
    assert ends_dotted("Little Rock, 72201, U.S.A.")
    assert not ends_dotted("12 Main St.")
    assert clean_text("139 Hill Ln, Minneapolis, MN 55401, U.S.A.", TextStyle.ADDRESS) == (
        "139 Hill Ln, Minneapolis, MN 55401, U.S.A."
    )
    assert clean_text("12 Main St.", TextStyle.ADDRESS) == "12 Main St"
    image = blank()
    words = layout(
        [
            (600, 160, "Street 7347 Jefferson Blvd"),
            (600, 1200, "City / State / Zip Little Rock, 72201"),
            (680, 160, "Country U.S.A."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "7347 Jefferson Blvd, Little Rock, 72201, U.S.A."


def test_a_list_asked_for_after_its_question_is_written_under_both() -> None:
    """ "Any medical conditions? Please list them:" asks for one list, written under the line."""
    image = blank()
    words = layout(
        [
            (900, 160, "MEDICAL CONDITIONS"),
            (960, 160, "Do you have any medical conditions? Please list them:"),
            (1020, 160, "Anemia, Hypertension, Psoriasis"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Anemia", "Hypertension", "Psoriasis"]


def test_a_none_option_left_empty_leaves_the_list_written_after_it_on_its_row() -> None:
    """``[ ] I have no allergies   Sulfa drugs``; ticked, the same option is the empty list."""
    for ticked, expected in ((False, ["Sulfa drugs"]), (True, [])):
        image = blank()
        check_box(image, 160, 1000, ticked=ticked)
        words = layout(
            [
                (900, 160, "Allergies"),
                (1000, 220, "I have no allergies"),
                *(() if ticked else ((1000, 900, "Sulfa drugs"),)),
            ]
        )
        found = read(DocumentType.PATIENT_DETAILS, words, image)
        assert found["allergies"] == expected, ticked
