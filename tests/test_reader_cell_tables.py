"""The reader on forms of ruled two-column tables and two-panel prescriptions.

A questionnaire prints each label in a cell of its own, small and wrapped over two lines when
long, and its history as a table in halves (items, then their Yes and No boxes); a prescription
puts the patient in a narrow panel (the address over two rules), numbers its medicine rules with
a count mark at their ends and signs with a rubber stamp. The words are laid as OCR gives them
(:mod:`tests.wordkit`) over the lines and boxes drawn the way the form prints them.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import YES_NO, DocumentType
from medreview.model import BBox, Word
from medreview.parsing.cells import row_slope
from medreview.parsing.choices import read_box_row
from medreview.parsing.layout import LabelMatch, Line, value_above
from medreview.parsing.marks import PageMarks
from medreview.parsing.page import build_page
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page, row


def test_a_table_in_halves_ticks_each_item_by_the_boxes_after_it() -> None:
    """``Have you ever had  Y  N  Have you ever had  Y  N`` over rows of two items.

    Each item is answered by the pair of boxes right of it: a mark in its ``Y`` box lists
    it, one in its ``N`` box does not; the items are no list of their own.
    """
    image = blank()
    rows = (
        ("Hypertension", "Y", "Diabetes", ""),
        ("Asthma", "N", "COPD", "N"),
        ("Depression", "", "Anxiety", "Y"),
    )
    words = layout(
        [
            (900, 150, "Medical history"),
            (960, 150, "Have you ever had"),
            (960, 900, "Y"),
            (960, 1000, "N"),
            (960, 1250, "Have you ever had"),
            (960, 2000, "Y"),
            (960, 2100, "N"),
        ]
    )
    for index, (left, left_mark, right, right_mark) in enumerate(rows):
        y = 1030 + 70 * index
        words += row(y, 150, left) + row(y, 1250, right)
        for x, column in ((891, "Y"), (991, "N"), (1991, "Y"), (2091, "N")):
            mark = left_mark if x < 1200 else right_mark
            check_box(image, x, y, ticked=mark == column)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Hypertension", "Anxiety"]


def test_a_label_wrapped_small_in_its_cell_is_read_whole() -> None:
    """``Best number to`` over ``reach you:``, ``First & middle`` over ``initial:``.

    Set tight in their cells, the two lines of each label are one label: the telephone
    written beside the lower line is the patient's, and the given names join the surname.
    """
    words = layout(
        [
            (400, 150, "About you"),
            (470, 150, "Family name: Brown"),
            (470, 1270, "First & middle"),
            (508, 1270, "initial:"),
            (492, 1600, "Marcus J."),
            (600, 150, "DOB: July 16, 1977"),
            (700, 150, "Best number to"),
            (700, 1270, "Other phone:"),
            (738, 150, "reach you: 503.555.0148"),
            (860, 150, "Contact phone: 614.555.0154"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Marcus J. Brown"
    assert found["phone"] == "(503) 555-0148"


def test_a_sections_heading_over_its_first_row_stays_a_heading() -> None:
    """``PATIENT`` set close over ``NAME: Emily Martinez`` spells "Patient name" too.

    The heading still opens the patient's section (and the name is still read at its label).
    """
    words = layout(
        [
            (500, 150, "PATIENT"),
            (538, 150, "NAME: Emily Martinez"),
            (640, 150, "TELEPHONE: (612)555-0175"),
            (740, 150, "EMERGENCY CONTACT"),
            (810, 150, "CONTACT NAME: Henry Martinez"),
        ]
    )
    page = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in page.sections] == ["patient", "emergency"]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Emily Martinez"


@pytest.mark.parametrize(
    ("first_row", "second_row"),
    [
        ((470, 1270, "Referral source: Dr. Linda Nelson"), None),
        ((470, 1270, "Referred by Dr. Linda Nelson"), None),
        ((452, 1270, "REFERRAL"), (490, 1270, "SOURCE: Dr. Linda Nelson")),
    ],
)
def test_a_rows_second_label_is_no_section_heading(
    first_row: tuple[int, int, str], second_row: tuple[int, int, str] | None
) -> None:
    """``Date of visit: ...   Referral source: Dr. Linda Nelson`` on the patient's first row.

    "Referral source" heads a referral section on other forms; after a label and its value
    on a row, with its colon or its own value after it, and wrapped in its cell or not, it is
    the row's second label, and the patient's section goes on past it.
    """
    rows = [
        (400, 150, "About you"),
        (470, 150, "Date of visit: April 13, 2024"),
        first_row,
        (560, 150, "Family name: Brown"),
        (560, 1270, "Given name(s): Marcus"),
        (650, 150, "Telephone: 503.555.0148"),
        (760, 150, "In case of emergency"),
        (830, 150, "Contact name: Clara Roberts"),
        (900, 150, "Contact phone: 614.555.0154"),
    ]
    words = layout([*rows, *([second_row] if second_row else [])])
    page = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in page.sections] == ["patient", "emergency"]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["phone"] == "(503) 555-0148"
    assert found["patient_name"] == "Marcus Brown"


def test_a_sentence_wrapped_onto_a_line_of_its_own_is_no_label() -> None:
    """ "... with your insurance card and a list of your" / "medicines." over an office box.

    The sentence's last word is no "Medicines" label: the office box's study under it is no
    medicine.
    """
    words = layout(
        [
            (300, 150, "Please complete this questionnaire and bring it to your appointment with"),
            (340, 150, "your insurance card and a list of your"),
            (380, 150, "medicines."),
            (450, 150, "Study ordered PSG HST MSLT"),
            (600, 150, "Patient name: Chloe Carter"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert "regular_medication" not in found


def outreach_panel(image_rules: bool = True) -> tuple[list[Word], object]:
    """A two-panel outreach prescription: patient panel left, order panel right, a stamp."""
    image = blank()
    words = layout(
        [
            (130, 160, "Mobile Medical Unit"),
            (210, 160, "Sponsored by Northgate Community Health"),
            (290, 160, "Physician director: Noah Mitchell, MD"),
            (440, 150, "Patient name"),
            (490, 160, "Thomas Bell"),
            (760, 150, "Address"),
            (805, 160, "3163 Cedar Street Apt 26, Louisville,"),
            (900, 160, "KY 40202"),
            (1010, 150, "Contact phone"),
            (1060, 160, "(206)555-0176"),
            (1180, 150, "Wt"),
            (1330, 150, "Allergies"),
            (1380, 160, "Codeine"),
            (1500, 150, "Program ID"),
            (640, 1130, "1. Pantoprazole 40 mg tab #: #20"),
            (760, 1130, "2. Cetirizine 10 mg tab #: 28 (twenty-eight)"),
            (880, 1130, "3. #:"),
            (2760, 1760, "Date written"),
        ]
    )
    if image_rules:
        for y in (845, 940, 1100):
            cv2.line(image, (150, y), (950, y), 0, 3)
        cv2.line(image, (1000, 400), (1000, 2800), 0, 3)
        # the prescriber's stamp: a framed block, the name and credential first
        cv2.rectangle(image, (150, 2440), (950, 2620), 0, 4)
        cv2.rectangle(image, (160, 2450), (940, 2610), 0, 2)
    words.append(Word("Rx", 0.9, BBox(1060, 440, 1220, 560)))  # the large printed mark
    words += row(2500, 190, "Helen Schmidt, APRN")
    # the signature's flourish over the left rule (OCR reads it "8.8", its caption not at
    # all), the date written large on a paler rule beside it
    cv2.line(image, (1130, 2755), (1700, 2755), 0, 3)
    cv2.line(image, (1760, 2755), (2400, 2755), 205, 3)
    words.append(Word("8.8", 0.5, BBox(1208, 2656, 1396, 2761)))
    for text, x0, x1 in (("27", 1778, 1840), ("Sep", 1870, 1950), ("2023", 1980, 2085)):
        words.append(Word(text, 0.9, BBox(x0, 2673, x1, 2758)))
    return words, image


def test_a_stamp_in_its_frame_names_the_prescriber() -> None:
    """A framed stamp at the panel's foot, no label at it: the prescriber, credential kept.

    The programme's medical director printed in the head, after "Physician director:", is
    no prescriber: "Physician" there is the start of a longer label.
    """
    words, image = outreach_panel()
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Helen Schmidt, APRN"


def test_no_frame_round_a_clinicians_name_makes_no_stamp() -> None:
    """The same name with no frame drawn round it is no stamp (and no director stands in)."""
    words, image = outreach_panel(image_rules=False)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert "prescriber" not in found


def test_an_address_run_on_to_its_next_rule_and_medicines_without_their_count() -> None:
    """The address's state and ZIP code on the rule under its street and town; each medicine
    rule ends with the count's printed mark (``#:``) and the count, no part of the medicine.
    """
    words, image = outreach_panel()
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_address"] == "3163 Cedar Street Apt 26, Louisville, KY 40202"
    assert found["medicines"] == ["Pantoprazole 40 mg tab", "Cetirizine 10 mg tab"]


def test_a_date_on_a_pale_rule_over_its_caption_is_the_prescriptions() -> None:
    """ "Date written" under a rule paler than the page's others, the date written on it.

    The signature's flourish reaches down into the captions' line; the date over its caption
    is still read, and no birth date stands in for it.
    """
    words, image = outreach_panel()
    words += layout([(600, 150, "DOB"), (650, 160, "12.07.1989")])
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["date"] == "2023-09-27"


def test_the_value_over_a_caption_is_the_nearest_line_above_it_on_the_page() -> None:
    """A signature's flourish drawn tall may put the caption's line before the value's.

    The value over the caption is the nearest line above it by where it stands on the page,
    not by the order the lines come in.
    """
    flourish = Word("8.8", 0.5, BBox(1208, 2656, 1396, 2761))
    caption = Line((flourish, *row(2760, 1760, "Date written")), 0)
    written = Line(tuple(row(2700, 1771, "27.09.2023")), 0)
    match = LabelMatch(line=0, start=1, end=3, score=100.0, key="Date written", label="Date")
    found = value_above([caption, written], match, [match], (1750.0, 2400.0, 2755.0))
    assert [w.text for w in found] == ["27.09.2023"]


def history_table(
    image: np.ndarray, head: str, ticked: dict[str, str], *, ruled: bool = False
) -> list[Word]:
    """A history table in halves under ``head`` columns, each item's Y and N boxes after it.

    ``ruled`` draws a line across the table between its rows.
    """
    items = (("Hypertension", "Diabetes"), ("Asthma", "COPD"), ("Depression", "Anxiety"))
    words = layout(
        [
            (900, 150, "3. MEDICAL HISTORY"),
            (960, 150, head),
            (960, 900, "Y"),
            (960, 1000, "N"),
            (960, 1250, head),
            (960, 2000, "Y"),
            (960, 2100, "N"),
        ]
    )
    for index, (left, right) in enumerate(items):
        y = 1030 + 70 * index
        words += row(y, 150, left) + row(y, 1250, right)
        for x, item, column in ((891, left, "Y"), (991, left, "N"), (1991, right, "Y")):
            check_box(image, x, y, ticked=ticked.get(item) == column)
        check_box(image, 2091, y, ticked=ticked.get(right) == "N")
        if ruled:
            cv2.line(image, (140, y - 17), (2150, y - 17), 0, 2)
    return words


@pytest.mark.parametrize(
    ("ruled", "expected"), [(True, ["Diabetes", "Asthma"]), (False, ["Asthma", "Diabetes"])]
)
def test_a_table_ruled_across_its_rows_is_read_along_them(ruled: bool, expected: list[str]) -> None:
    """Rows parted by lines across both halves are a table's, read as text is; halves with no
    line across are two lists side by side, read one after the other."""
    image = blank()
    words = history_table(image, "CONDITION", {"Diabetes": "Y", "Asthma": "Y"}, ruled=ruled)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == expected


def test_an_other_row_wrapped_in_its_cell_adds_what_is_written_on_it() -> None:
    """``ANYTHING`` over ``ELSE: Osteoporosis`` under a table headed ``CONDITION``.

    The table's column head names the list in the history section; the wrapped "Other" row's
    entries follow the ticked items.
    """
    image = blank()
    words = history_table(image, "CONDITION", {"Asthma": "Y", "COPD": "N"})
    words += layout([(1260, 150, "ANYTHING"), (1298, 150, "ELSE: Osteoporosis")])
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Asthma", "Osteoporosis"]


@pytest.mark.parametrize("numbered", [True, False])
def test_an_other_row_left_blank_takes_no_section_title_under_it(numbered: bool) -> None:
    """``ANYTHING ELSE:`` blank, then the next section's title: nothing ticked, no entry.

    The title is numbered (``4. VACCINES AND IMMUNITY``) or has its rule run on from it.
    """
    image = blank()
    words = history_table(image, "DIAGNOSIS", {"Asthma": "N"})
    title = "4. VACCINES AND IMMUNITY" if numbered else "VACCINES AND IMMUNITY"
    words += layout([(1260, 150, "ANYTHING ELSE:"), (1360, 150, title)])
    if not numbered:
        cv2.line(image, (545, 1378), (2350, 1378), 0, 3)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == []


def test_a_town_label_wrapped_in_its_cell_reads_the_address_in_parts() -> None:
    """``TOWN, STATE,`` over ``ZIP Lansing, MI 48933``: the address's second part."""
    words = layout(
        [
            (400, 150, "1. PATIENT"),
            (470, 150, "PATIENT NAME Daniel Morris"),
            (560, 150, "ADDRESS 1085 Church Dr"),
            (640, 150, "TOWN, STATE,"),
            (678, 150, "ZIP"),
            (660, 520, "Lansing, MI 48933"),
            (660, 1300, "COUNTRY United States"),
            (780, 150, "TELEPHONE (415) 555-0186"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["address"] == "1085 Church Dr, Lansing, MI 48933, United States"


def test_the_closest_reading_of_wrapped_labels_sharing_a_line_wins() -> None:
    """``Best number to reach`` / ``you`` / ``Family physician``, each set tight under the last.

    "you" ends the telephone's label; joined with the next row's label it would spell "Your
    family physician" less closely, and takes nothing from it.
    """
    words = layout(
        [
            (400, 150, "About you"),
            (470, 150, "Surname Turner"),
            (470, 1270, "Given name(s) Kwame"),
            (600, 150, "Best number to reach"),
            (638, 150, "you"),
            (620, 520, "+1 412 555 0100"),
            (676, 150, "Family physician"),
            (676, 520, "Dr. Omar Carter"),
        ]
    )
    page = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in page.sections] == ["patient"]  # no doctor's section at "you"
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["phone"] == "(412) 555-0100"


def test_a_row_led_by_its_label_votes_for_no_captions_after_values() -> None:
    """``Ht 153  Wt 93`` and ``Home phone +1 404 555 0145  Daytime phone`` (left blank).

    The left labels stand in cells of their own (a photo shows the right column's cells
    open). A line opening with a label leads its values: the number before "Wt" is the
    height's and the telephone before "Daytime phone" the home one's, no values their
    captions close.
    """
    image = blank()
    for top in (440, 560):
        cv2.rectangle(image, (130, top), (480, top + 120), 0, 3)
    words = layout(
        [
            (380, 150, "About you"),
            (480, 150, "Ht"),
            (480, 520, "153"),
            (480, 1270, "Wt 93"),
            (600, 150, "Home phone"),
            (600, 520, "+1 404 555 0145"),
            (600, 1270, "Daytime phone"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["height"] == 153
    assert found["weight"] == 93


def test_a_rows_slope_follows_its_words_feet_when_their_sizes_differ() -> None:
    """A small printed label beside a taller written value on one baseline: no slope."""
    label = Word("CONDITIONS:", 0.9, BBox(165, 2528, 344, 2569))
    written = Word("Osteoporosis", 0.9, BBox(513, 2501, 814, 2569))
    assert abs(row_slope(Line((label, written), 0))) < 1e-9


def test_a_labels_number_read_glued_to_it_is_no_value_over_the_next_label() -> None:
    """``Home phone  10Mobile`` over ``Estimated dry weight  Height`` on a grid's pale rules.

    The form's item number OCR glued to "Mobile" stands over the height's caption; it is that
    label's number, and the height stays absent.
    """
    image = blank()
    cv2.line(image, (150, 1436), (650, 1436), 200, 2)
    cv2.line(image, (700, 1436), (1100, 1436), 200, 2)
    words = layout(
        [
            (400, 150, "Patient"),
            (470, 150, "Patient's full name"),
            (530, 150, "Samuel Reyes"),
            (1380, 150, "Home phone"),
            (1380, 712, "10Mobile"),
            (1458, 150, "Estimated dry weight"),
            (1458, 760, "Height"),
            (1526, 150, "173 lbs"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "height" not in found


def test_a_labels_gloss_is_no_street_its_address_runs_on_from() -> None:
    """``Address / where staying`` over the address: the gloss after the slash holds no house
    number, so the address under it is read alone, not run on from the gloss."""
    words = layout(
        [
            (410, 230, "Name"),
            (460, 240, "Daniel Williams"),
            (715, 215, "Address / where staying"),
            (761, 220, "4594 Oak St, Honolulu, 96813"),
            (953, 203, "Phone (if any)"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["patient_address"] == "4594 Oak St, Honolulu, 96813"


def test_a_value_after_a_labels_colon_is_no_label_it_resembles() -> None:
    """``Health plan: Pioneer•Health Insurance``: the insurer's name (a speck glued into it) is
    the plan's value, not a loose reading of "I have health insurance" and its answer."""
    image = blank()
    words = layout(
        [
            (350, 175, "5. Insurance"),
            (420, 173, "Do you have medical insurance?"),
            (420, 1560, "Yes"),
            (420, 1700, "No"),
            (520, 168, "Health plan:"),
            (520, 520, "Pioneer•Health Insurance"),
            (520, 1300, "Insurer's phone: (614)555-0111"),
            (620, 171, "Policy #: A29V T8AU"),
        ]
    )
    for x, ticked in ((1510, True), (1650, False)):
        check_box(image, x, 420, ticked=ticked)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["insurance_company"] == "Pioneer Health Insurance"
    assert found["has_insurance"] == "yes"


def test_a_printed_answer_is_no_damaged_label() -> None:
    """``Unsure`` printed among a question's answers is no badly read "Insured" label, and no
    insurance question is answered from its cell."""
    image = blank()
    words = layout(
        [
            (400, 150, "Immunizations"),
            (480, 150, "Hepatitis B vaccination completed?"),
            (480, 1600, "Yes"),
            (480, 1800, "No"),
            (480, 2000, "Unsure"),
        ]
    )
    for x, ticked in ((1550, True), (1750, False), (1950, False)):
        check_box(image, x, 480, ticked=ticked)
    page = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [image])
    assert not [a for a in page.weak_anchors if "field:has_insurance" in a.keys]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["hepatitis_b_vaccination"] == "yes"
    assert "has_insurance" not in found


def test_a_refill_count_written_after_other_glued_to_prn() -> None:
    """``Refill: [ ] 0 ... [ ] PRNOther: 6``: OCR glued the row's last option to "Other:"."""
    image = blank()
    words = layout(
        [
            (300, 150, "Patient name: Thomas Bell"),
            (1600, 1056, "Refill: 0 1 2 3 4 5"),
            (1600, 1500, "PRNOther: 6"),
        ]
    )
    for index in range(7):
        cv2.rectangle(image, (1150 + 55 * index, 1600), (1180 + 55 * index, 1630), 0, 2)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 6


def test_the_primary_care_doctor_wrapped_in_its_cell_is_no_emergency_contact() -> None:
    """``Primary care`` over ``doctor  Dr. Helen Carter``: the doctor's label and section, not a
    loose "Primary caregiver" heading the emergency section early."""
    words = layout(
        [
            (600, 170, "Patient"),
            (680, 169, "Patient name Patrick Bell"),
            (780, 164, "Telephone (505) 555-0170"),
            (900, 170, "Primary care"),
            (938, 170, "doctor"),
            (920, 520, "Dr. Helen Carter"),
            (1060, 170, "Emergency contact"),
            (1140, 165, "Contact name Chloe Bell"),
            (1140, 1200, "Relationship Mother"),
        ]
    )
    page = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in page.sections] == ["patient", "doctor", "emergency"]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Chloe Bell"


def test_a_none_option_ocr_misread_is_still_the_none_option() -> None:
    """``Check all that apply: [ ] Norie``: the unticked "None" OCR read with its n as "ri" is
    the list's none option, no condition; the conditions are written under it."""
    image = blank()
    words = layout(
        [
            (1670, 170, "Conditions"),
            (1670, 600, "Check all that apply:"),
            (1670, 1060, "Norie"),
            (1790, 600, "Eczema, Osteoporosis"),
        ]
    )
    check_box(image, 1010, 1670, ticked=False)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Eczema", "Osteoporosis"]


@pytest.mark.parametrize("band", [True, False])
def test_a_questions_column_ends_at_the_next_question_or_section(band: bool) -> None:
    """``304. Which conditions?`` over its answer cell, then the next section's band across the
    table (``D. BODY MEASUREMENTS``) or straight the next question (``401. MEASURE ...``).

    The list is what is written in the question's own column down to either (after the band
    the next question's number is misread, "Di."); the next question's instruction in
    capitals is no entry.
    """
    image = blank()
    bottom = 2800
    for y in (2340, 2400, 2520, *((2600, 2660) if band else ()), bottom):
        cv2.line(image, (171, y), (2381, y), 0, 3)
    for x in (171, 283, 1302, 2381):
        spans = ((2340, 2600), (2660, bottom)) if band else ((2340, bottom),)
        for y0, y1 in spans:
            cv2.line(image, (x, y0), (x, y1), 0, 3)
    if band:  # the band's own sides, the table's outer edges
        for x in (171, 2381):
            cv2.line(image, (x, 2600), (x, 2660), 0, 3)
    words = layout(
        [
            (2050, 190, "3. HEALTH HISTORY"),
            (2354, 190, "304."),
            (2354, 300, "Which conditions?"),
            (2440, 300, "Asthma, Migraine"),
            (2680, 190, "Di." if band else "401."),
            (2680, 300, "MEASURE THE PARTICIPANT'S WEIGHT AND HEIGHT AND"),
            (2730, 300, "RECORD."),
        ]
    )
    if band:
        words += layout([(2612, 190, "D. BODY MEASUREMENTS")])
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Asthma", "Migraine"]


def test_a_tick_overshooting_its_box_still_answers_the_row() -> None:
    """``DO YOU HAVE HEALTH INSURANCE?  [✓] YES  [ ] NO``: the tick runs up out of its box, and
    OCR gives the answers' words twice the question's letters' height; the boxes are sized by
    the question's letters (or found at the smaller size boxes are looked for at when none as
    big as the words are), and the marked one decides the row."""
    image = blank()
    words = layout([(420, 170, "DO YOU HAVE HEALTH INSURANCE?")])
    answers = [
        Word(text, 0.9, BBox(x, 404, x + 18 * len(text), 488))
        for text, x in (("YES", 1557), ("NO", 1707))
    ]
    for x, ticked in ((1500, True), (1652, False)):
        cv2.rectangle(image, (x, 438), (x + 33, 471), 0, 3)
        if ticked:
            cv2.line(image, (x + 4, 452), (x + 14, 468), 0, 5)
            cv2.line(image, (x + 14, 468), (x + 40, 410), 0, 5)
    marks = PageMarks(image)
    assert read_box_row(answers, YES_NO, marks) == ("yes", True)  # (at the smaller size)
    assert read_box_row(answers, YES_NO, marks, letters=36.0) == ("yes", True)
    found = read(DocumentType.PATIENT_DETAILS, [*words, *answers], image)
    assert found["has_insurance"] == "yes"


def test_a_section_heading_again_at_a_panels_start_continues_the_section() -> None:
    """An office box's ``IDENTIFICATION`` beside the letterhead heads the patient's section;
    the questions' grid, fenced off by its numbers' column rule, opens with ``1. ABOUT THE
    PARTICIPANT``: the same section goes on into it, and the name in parts there is read
    rather than the letterhead's organisation."""
    image = blank()
    cv2.line(image, (283, 520), (283, 3000), 0, 3)
    words = layout(
        [
            (90, 1434, "IDENTIFICATION"),
            (143, 446, "Westbrook Research Institute"),
            (189, 437, "Clinical Research Operations"),
            (223, 434, "2 Sunset Blvd, Minneapolis, MN 55401"),
            (269, 1434, "CLINIC SITE 02"),
            (542, 312, "1. ABOUT THE PARTICIPANT"),
            (600, 310, "101. ENTER THE DATE OF THIS INTERVIEW. 2025-12-05"),
            (666, 310, "102. What is your name?"),
            (666, 1340, "FIRST/ M.I. Fatima"),
            (735, 1340, "FAMILY NAME Martinez"),
            (900, 312, "2. PERSON TO CONTACT"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["patient_name"] == "Fatima Martinez"
