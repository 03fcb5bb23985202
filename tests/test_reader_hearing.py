"""The reader on an audiology centre's case history and a children's practice's prescription.

The history prints its patient's details in boxes, each value written on a rule drawn across
its box and captioned under it, or left in the box over its caption; two tables share one
line of heads; a row prints its own choices beside another question's; the emergency
contact's section opens with a sentence. The prescription lists the practice's doctors in
its letterhead, one ticked. The words are laid as OCR gives them (:mod:`tests.wordkit`) over
what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.cells import rule_over
from medreview.parsing.choices import option_spans
from medreview.parsing.coded import _grid_answer
from medreview.parsing.marks import PageMarks
from medreview.parsing.page import build_page
from tests.test_reader_discharge import ring
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page, row


def box_row(
    image: np.ndarray, top: int, bottom: int, sides: list[int], rules: list[tuple[int, int]]
) -> None:
    """A row of boxes between ``sides``, the writing rules ``(x0, x1)`` drawn across them."""
    cv2.line(image, (sides[0], top), (sides[-1], top), 0, 3)
    cv2.line(image, (sides[0], bottom), (sides[-1], bottom), 0, 3)
    for x in sides:
        cv2.line(image, (x, top), (x, bottom), 0, 3)
    for x0, x1 in rules:
        cv2.line(image, (x0, bottom - 54), (x1 - 12, bottom - 54), 0, 2)


def captioned_boxes(image: np.ndarray) -> list[Word]:
    """The history's first part: values written on rules in boxes, captions under the rules.

    Under the title, a sentence for the reader; the state's box has no rule drawn (a copy
    lost it), so its caption stands just past the town's rule.
    """
    cv2.line(image, (160, 360), (2390, 360), 0, 4)  # under the letterhead
    box_row(image, 600, 730, [160, 1780, 2390], [(160, 1780), (1780, 2390)])
    box_row(image, 730, 860, [160, 1200, 1790, 2040, 2390], [(160, 1200), (1200, 1790)])
    cv2.line(image, (2040, 806), (2378, 806), 0, 2)
    box_row(image, 860, 990, [160, 640, 1110, 2390], [(160, 640), (640, 1110), (1110, 2390)])
    return layout(
        [
            (120, 300, "Northgate Hearing Clinic"),
            (396, 860, "Audiology Case History"),
            (440, 860, "Please answer every question; ask the front desk if you need help."),
            (530, 160, "1) PERSONAL DETAILS"),
            (630, 180, "Priya Lopez"),
            (630, 1800, "1/24/1943"),
            (684, 180, "Full name (first, last)"),
            (684, 1800, "Birth date"),
            (760, 180, "9742 Magnolia Ave"),
            (760, 1220, "Atlanta"),
            (760, 1810, "GA"),
            (760, 2060, "30309"),
            (814, 180, "Home address"),
            (814, 1220, "City / town"),
            (814, 1794, "ST"),
            (814, 2060, "Zip code"),
            (890, 180, "167"),
            (890, 660, "96"),
            (890, 1130, "Teacher"),
            (944, 180, "Ht."),
            (944, 660, "Wt."),
            (944, 1130, "Occupation"),
            (1100, 160, "2) PERSON TO NOTIFY"),
            (1180, 160, "Name: Chloe Lopez"),
            (1400, 160, "Section 5: Medical history"),
            (1470, 160, "Check any condition you have now or have been treated for:"),
        ]
    )


def test_values_written_on_rules_across_boxes_are_read_over_their_captions() -> None:
    """Each caption closes a low strip under its box's rule; the value stands on the rule, in
    the box's upper part. The state's caption past the town's rule takes its own box's value;
    a sentence for the reader under the title is no caption of the title, nor is a part's
    heading the value of the list label under it."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, captioned_boxes(image), image)
    assert found["patient_name"] == "Priya Lopez"
    assert found["birth_date"] == "1943-01-24"
    assert found["address"] == "9742 Magnolia Ave, Atlanta, GA 30309"
    assert found["height"] == 167
    assert found["weight"] == 96
    assert "medical_problems" not in found


def test_a_table_heading_row_under_open_paper_takes_nothing_over_it() -> None:
    """A table's heading cell is a low cell under a rule too, but its sides start at the
    rule: the last row of the table over it is no value of it."""
    image = blank()
    box_row(image, 2390, 2450, [160, 700, 2390], [])
    box_row(image, 2500, 2560, [160, 300, 1500, 2390], [])
    box_row(image, 2560, 2620, [160, 300, 1500, 2390], [])
    words = layout(
        [
            (2200, 160, "C. Immunizations"),
            (2402, 180, "TB screening"),
            (2512, 180, "No."),
            (2512, 700, "Diagnosis / condition"),
            (2512, 1600, "ICD-10"),
            (2572, 200, "1"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found.get("medical_problems") != ["TB screening"]


def test_values_left_in_their_boxes_over_the_captions_make_an_address() -> None:
    """No rule drawn: each box holds its value with its caption at the box's foot; the parts
    join into the address."""
    image = blank()
    box_row(image, 714, 830, [160, 1030, 1520, 1730, 2020, 2390], [])
    cv2.line(image, (160, 600), (2390, 600), 0, 3)
    words = layout(
        [
            (500, 160, "1. Patient information"),
            (740, 180, "814 Washington Court"),
            (740, 1050, "Omaha"),
            (740, 1750, "68102"),
            (740, 2040, "United States"),
            (788, 180, "Mailing address"),
            (788, 1050, "City"),
            (788, 1540, "State"),
            (788, 1750, "ZIP code"),
            (788, 2040, "Country"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "814 Washington Court, Omaha, 68102, United States"


def test_a_label_with_a_colon_in_a_box_takes_nothing_printed_over_it() -> None:
    """ "Instructions:" halfway down the drugs' box labels what follows it: the drugs over it
    in the box are the medicines, not directions."""
    image = blank()
    box_row(image, 900, 1900, [150, 2390], [])
    words = layout(
        [
            (700, 150, "Patient: Priya Brown"),
            (950, 600, "Px Cyclobenzaprine 10 mg"),
            (1110, 780, "Atorvastatin 10 mg"),
            (1220, 780, "Allopurinol 100 mg"),
            (1490, 590, "Instructions:"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "Cyclobenzaprine 10 mg",
        "Atorvastatin 10 mg",
        "Allopurinol 100 mg",
    ]
    assert "directions" not in found


def test_two_tables_heads_on_one_line_each_answer_their_own_rows() -> None:
    """ "Disease  Immune  Not immune  Not sure | Vaccination history  Yes  No  Don't know": the
    diseases' answer columns are the heads over their own table's width, a misread head
    ("Immiune") among them."""
    image = blank()
    left = [160, 780, 960, 1110, 1250]
    right = [1310, 1960, 2110, 2250, 2390]
    for sides in (left, right):
        for top in (2060, 2110, 2170, 2230):
            box_row(image, top, top + 60 if top > 2060 else 2110, sides, [])
    for x, y in ((800, 2120), (980, 2180), (2130, 2120)):
        check_box(image, x + 40, y + 6, ticked=True)
    for x, y in ((800, 2180), (980, 2120), (1130, 2120), (1130, 2180), (1980, 2120)):
        check_box(image, x + 40, y + 6, ticked=False)
    words = layout(
        [
            (1990, 160, "4) INFECTIONS THAT CAN AFFECT HEARING"),
            (2066, 170, "Disease"),
            (2066, 800, "Immiune"),
            (2066, 960, "Not immune"),
            (2066, 1120, "Not sure"),
            (2066, 1320, "Vaccination history"),
            (2066, 2000, "Yes"),
            (2066, 2140, "No"),
            (2066, 2260, "Don't know"),
            (2124, 170, "Varicella (chickenpox)"),
            (2124, 1320, "Hepatitis B vaccine (series of 3)"),
            (2184, 170, "Measles (red measles)"),
            (2184, 1320, "Influenza vaccine this season"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "immune"
    assert found["measles"] == "not immune"
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_choice_printed_as_itself_outranks_another_questions_yes_and_no() -> None:
    """A row printing IMMUNE / NOT IMMUNE, then another question's YES / NO: the printed
    choices are the row's, the yes and no another's (they would stand for them otherwise)."""
    words = row(0, 0, "IMMUNE NOT IMMUNE NOT SURE Influenza vaccine YES NO UNSURE")
    spans = option_spans(words, ("immune", "not immune"))
    assert [(o.choice, o.start) for o in spans] == [("immune", 0), ("not immune", 1)]
    image = blank()
    words = row(2180, 172, "Chickenpox (varicella) IMMUNE NOT IMMUNE NOT SURE")
    words += row(2180, 1300, "Influenza vaccine this season YES NO UNSURE")
    ring(image, words[3:5])
    found = read(DocumentType.PATIENT_DETAILS, [*row(2080, 160, "Illness"), *words], image)
    assert found["chicken_pox"] == "not immune"


def test_a_list_written_under_another_questions_coded_heads_is_no_coded_answer() -> None:
    """ "Does your plan cover hearing aids?  YES  NO  UNSURE" over "Allergic to: Eggs, ...":
    words written under the heads are the allergies, not a ringed code."""
    image = blank()
    words = layout(
        [
            (1000, 160, "Does your plan cover hearing aids? YES NO UNSURE"),
            (1120, 160, "7) ALLERGIES"),
            (1190, 160, "Are you allergic to any medicines, latex, foods or adhesive tape?"),
            (1300, 160, "Allergic to: Eggs, Peanuts, Bee stings"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["allergies"] == ["Eggs", "Peanuts", "Bee stings"]


def test_a_sections_opening_sentence_is_no_row_of_a_contacts_table() -> None:
    """ "In case of emergency, please notify:" under a row of labelled fields is the section's
    heading, not the contact's row of a table headed by "Cell phone  E-mail"."""
    image = blank()
    words = layout(
        [
            (860, 170, "Telephone (home) 217.555.0115"),
            (860, 900, "Cell phone"),
            (860, 1400, "E-mail"),
            (1100, 190, "2) Person to notify"),
            (1180, 160, "In case of emergency, please notify:"),
            (1250, 160, "Contact's name: Samuel Bailey"),
            (1340, 160, "Home telephone: 801.555.0124"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_phone"] == "(801) 555-0124"


def test_the_doctor_ticked_in_the_letterhead_is_the_prescriber() -> None:
    """ "Our doctors" with a box before each name: the tick, drawn past its box's sides, marks
    the prescriber; the empty boxes' sides are every row's ink."""
    image = blank()
    names = ["Dr. Ana Torres, D.O.", "Naomi Allen, M.D.", "Arjun Cooper, MD"]
    words = row(60, 1700, "Our doctors")
    for index, name in enumerate(names):
        y = 120 + 56 * index
        cv2.rectangle(image, (1712, y + 4), (1742, y + 34), 0, 3)
        words += row(y, 1760, name)
    cv2.line(image, (1714, 196), (1728, 214), 0, 5)
    cv2.line(image, (1728, 214), (1760, 160), 0, 5)  # the tick runs out over the box's top
    words += layout(
        [
            (400, 1000, "Pediatric Prescription"),
            (480, 200, "Patient: Joseph Rossi"),
            (600, 200, "Rx Montelukast 4 mg chewable tab"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Naomi Allen, M.D."


def test_a_numbered_sections_word_is_no_label_of_its_own() -> None:
    """ "SECTION 1: ABOUT THE PATIENT" opens the patient's section ("Section" is no
    "Reactions" heading)."""
    words = layout(
        [
            (500, 160, "SECTION 1: ABOUT THE PATIENT"),
            (600, 160, "Name: Amara Green"),
            (1100, 160, "SECTION 2: EMERGENCY CONTACT"),
        ]
    )
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in doc.sections] == ["patient", "emergency"]


def test_a_box_ocr_read_as_a_glyph_before_a_doctors_name_is_found() -> None:
    """ "☐ Dr. Chloe Cox, MD": each box OCR read as a glyph is looked for a little round it."""
    image = blank()
    words: list[Word] = []
    for index, name in enumerate(["Dr. Chloe Cox, MD", "Dr Aisha Wilson, M.D"]):
        y = 250 + 56 * index
        check_box(image, 1650, y, ticked=index == 1)
        words += [Word("☐", 0.6, BBox(1660, y + 2, 1684, y + 34))]
        words += row(y, 1700, name)
    words += row(60, 1650, "Our doctors") + row(480, 200, "Patient (child): Kevin Davis")
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Dr Aisha Wilson, M.D"


def test_a_caption_starting_past_a_rules_end_is_not_that_rules_caption() -> None:
    """ "Town" under its rule; "ST" just past the rule's end (its own rule lost) is under none."""
    image = blank()
    cv2.line(image, (160, 806), (1000, 806), 0, 2)
    words = row(760, 180, "Atlanta") + row(814, 180, "Town") + row(814, 1020, "ST")
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [image])
    rules = {a.words[0].text: rule_over(doc, a) for a in doc.anchors}
    assert rules["Town"] is not None
    assert rules["ST"] is None


def test_an_abbreviation_opening_a_place_name_inside_a_line_is_no_label() -> None:
    """ "St." is a state's caption where it stands alone, but "St. John's" after a label is
    the town's name; "Ht. Wt." stay the height's and weight's labels."""
    words = layout(
        [
            (600, 160, "Street: 13 Hill Way"),
            (680, 160, "Town, prov., postal St. John's, NL A1C 5M2"),
            (900, 160, "Ht. Wt."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["address"] == "13 Hill Way, St. John's, NL A1C 5M2"
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert {"Ht.", "Wt."} <= {a.words[0].text for a in doc.anchors}


def test_a_list_stops_at_the_next_sections_heading() -> None:
    """ "Section E: Medications", a part the vocabulary has no name for, ends the allergies'
    table over it: its numbered medicines are no allergies."""
    words = layout(
        [
            (250, 200, "Section D: Allergies and reactions"),
            (400, 200, "Substance Reaction"),
            (470, 200, "Eggs"),
            (470, 900, "Hives"),
            (540, 200, "Section E: Medications"),
            (610, 200, "1. Metoprolol"),
            (680, 200, "2. Clindamycin"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["allergies"] == ["Eggs"]


class RingedAt(PageMarks):
    """A page that looks ringed left of x = 1000 only (round the first head's code)."""

    def ring_mark(self, box: BBox, *args: object, **kwargs: object) -> float:
        return 1.0 if box.x1 < 1000 else 0.0


def test_a_ringed_code_ocr_read_as_a_letter_is_no_written_value() -> None:
    """ "b) MEASLES  i" under "IMMUNE  NOT IMMUNE  DK": the ring hid the 1 and OCR read an
    ``i``; a lone letter under the heads is the code's remains, not an answer written."""
    words = [
        *row(2000, 150, "Are you immune to:"),
        *row(2000, 800, "IMMUNE NOT IMMUNE DK"),
        *row(2080, 200, "b) MEASLES"),
        Word("i", 0.5, BBox(860, 2080, 872, 2116)),
    ]
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    measles = next(a for a in doc.anchors if "field:measles" in a.keys)
    found = _grid_answer(doc, ("immune", "not immune"), measles, RingedAt(blank()))
    assert found is not None and found[0] == "immune"


def test_a_check_boxs_option_over_a_tables_heading_is_no_value_of_it() -> None:
    """ "[ ] NONE" in the box over "MEDICATION NAME" (the table's heading at the box's foot) is
    the list's printed option: the heading's column under it holds the medicine."""
    image = blank()
    box_row(image, 1116, 1172, [151, 2401], [])
    box_row(image, 1172, 1314, [151, 972, 2401], [])
    box_row(image, 1314, 1380, [151, 972, 2401], [])
    check_box(image, 170, 1186, ticked=False)
    words = [
        *row(1126, 170, "MEDICINES"),
        Word("□", 0.6, BBox(170, 1186, 206, 1222)),
        *row(1186, 220, "NONE"),
        *row(1262, 170, "MEDICATION NAME"),
        *row(1262, 990, "DOSE"),
        *row(1330, 170, "Quetiapine"),
        *row(1330, 990, "50 mg"),
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["regular_medication"] == ["Quetiapine"]


def test_another_fields_label_in_a_cell_heads_its_own_column_of_it() -> None:
    """One box holds "Name" and, far right of it, "Relationship to patient", the contact's
    name and relation under them: the relation is no part of the name."""
    image = blank()
    box_row(image, 1220, 1340, [160, 2390], [])
    words = layout(
        [
            (1100, 190, "2) Emergency contact"),
            (1232, 180, "Name"),
            (1232, 1500, "Relationship to patient"),
            (1282, 200, "Noah E. Rogers"),
            (1282, 1520, "Friend"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_name"] == "Noah E. Rogers"
