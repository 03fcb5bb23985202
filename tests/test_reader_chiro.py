"""The reader on a chiropractic practice's intake and a ski resort clinic's prescription.

Both print each value on a rule with its caption small at the rule's far end, after the value
(``Rogers ________ surname``); a phone's area code stands in brackets before its caption. The
intake asks its immunities in a table headed ``IMMUNE  NOT IMMUNE  DON'T KNOW`` whose row rules
are too faint to find, then the hepatitis B question with a ringed answer; its page 2 boxes
the allergies and the medicines side by side, each with a "none" box, and dates the signature.
The words are laid as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, OcrPage, Word
from medreview.parsing import parse_fields
from medreview.parsing.page import build_page
from medreview.parsing.trailing import captions_after
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page, row

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION
# A caption's letters, smaller than the values written on its rule.
SMALL = 24


def caption(y: int, x_end: int, text: str) -> list[Word]:
    """A caption in small print, right-aligned to end at ``x_end``, standing on the rule."""
    width = sum(12 * len(t) for t in text.split()) + 8 * (len(text.split()) - 1)
    words, x = [], x_end - width
    for token in text.split():
        words.append(Word(token, 0.95, BBox(x, y + 12, x + 12 * len(token), y + 12 + SMALL)))
        x += 12 * len(token) + 8
    return words


def ruled(image: np.ndarray, y: int, x0: int, x1: int, value: str, label: str) -> list[Word]:
    """A rule from ``x0`` to ``x1`` under ``value`` written at its start, ``label`` at its end."""
    cv2.line(image, (x0, y + 40), (x1, y + 40), 0, 2)
    return [*row(y, x0 + 10, value), *caption(y, x1 - 6, label)]


def intake(image: np.ndarray) -> list[Word]:
    """The patient section in two columns of rules, each caption after its value."""
    left, right = (170, 1200), (1300, 2380)
    rows = [
        ("Rogers", "surname", "1986-10-08", "birthdate"),
        ("George", "given name", "", "gender"),
        ("856 Chestnut Terrace", "home street", "178 lbs", "weight"),
        ("Baton Rouge, 70802", "city-state-zip", "61 in", "ht."),
        ("USA", "country of residence", "Retired", "employer / job"),
        ("(303) 555-0115", "home / cell phone", "", ""),
    ]
    words = layout([(100, 170, "Align Spine & Wellness Center"), (100, 2100, "2025-04-12")])
    for index, (value, label, other, other_label) in enumerate(rows):
        y = 300 + 90 * index
        words += ruled(image, y, *left, value, label)
        if other_label:
            words += ruled(image, y, *right, other, other_label)
    return words


def test_captions_at_their_rules_far_end_close_the_values_written_before_them() -> None:
    """Every value stands at its rule's start and its caption small at the rule's end: the
    name from its two captioned parts, the street and town, the phone with its bracketed area
    code, and the weight and height whose captions follow a unit across a gap."""
    image = blank()
    words = intake(image)
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [image])
    # ("weight" after "lbs" is no word of a phrase; "ht." ends its line after a gap)
    assert {"field:weight", "field:height"} <= {k for a in doc.anchors for k in a.keys}
    found = read(RECORD, words, image)
    assert found["patient_name"] == "George Rogers"
    assert found["address"] == "856 Chestnut Terrace, Baton Rouge, 70802, USA"
    assert found["phone"] == "(303) 555-0115"
    assert found["birth_date"] == "1986-10-08"
    assert (found["weight"], found["height"]) == (178, 61)


def patient_box(image: np.ndarray) -> list[Word]:
    """A prescription's patient box: rules with untyped captions only after their values."""
    words = layout(
        [
            (100, 900, "Eagle Crest Slopeside Clinic"),
            (200, 170, "MEDICATION ORDER"),
            (900, 170, "Rx"),
            (900, 300, "Prednisone 5 mg"),
            (1100, 170, "Directions: Take one tablet every 8 hours"),
        ]
    )
    words += ruled(image, 400, 170, 1200, "Helen Ivanova", "patient")
    words += ruled(image, 400, 1300, 2300, "S2366169", "season pass no.")
    words += ruled(image, 490, 170, 2300, "70 Jefferson Ct, Atlanta, GA 30309", "home address")
    words += ruled(image, 580, 170, 1200, "Alpenglow Chalets, Room 241", "local lodging / room")
    words += ruled(image, 670, 170, 2300, "Bronchitis", "diagnosis")
    return words


def test_a_form_of_captions_after_values_is_told_by_its_rules_with_no_typed_caption() -> None:
    """No date, phone or number is captioned: the captions standing at their rules' far ends,
    the values at the rules' starts, still say the form closes its values with captions (the
    patient's line goes on with a pass number the vocabulary has no caption for)."""
    image = blank()
    words = patient_box(image)
    assert captions_after(build_page(PRESCRIPTION, [ocr_page(words)], CONFIG, [image]))
    found = read(PRESCRIPTION, words, image)
    assert found["patient_name"] == "Helen Ivanova"
    assert found["patient_address"] == "70 Jefferson Ct, Atlanta, GA 30309"


def test_a_part_s_number_before_its_title_on_a_bar_is_no_captioned_value() -> None:
    """``3 ....... How to take`` on a drawn bar: the part's title after its number, however
    far, is no caption closing the value ``3`` (the directions under it are read as usual)."""
    image = blank()
    words = layout(
        [
            (100, 170, "Patient: Grace Hill"),
            (100, 1500, "Date: 03/02/2024"),
            (400, 170, "1"),
            (400, 500, "Medicine"),
            (480, 500, "Naproxen 250 mg tab"),
            (700, 170, "3"),
            (700, 500, "How to take"),
            (780, 500, "Naproxen every 8 hours with food."),
        ]
    )
    for title in (w for w in words if w.text in ("Medicine", "take")):
        y = title.bbox.y1 + 4  # each part's short bar under its number and title
        cv2.line(image, (160, y), (title.bbox.x1 + 10, y), 0, 3)
    found = read(PRESCRIPTION, words, image)
    assert found["directions"] == "Naproxen every 8 hours with food."


def ring(image: np.ndarray, words: list[Word]) -> None:
    """A hand-drawn ring round words."""
    box = BBox.union(w.bbox for w in words)
    centre = ((box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2)
    cv2.ellipse(image, centre, ((box.x1 - box.x0) // 2 + 24, 34), 0, 0, 360, 0, 4)


def health_box(image: np.ndarray, conditions: str) -> list[Word]:
    """A framed health section: an immunity table with faint row rules, the hepatitis B
    question with ``NO`` ringed, and the conditions under their question."""
    cv2.rectangle(image, (150, 1000), (2380, 1600), 0, 3)
    words = layout(
        [
            (1030, 180, "Have you had or been vaccinated for:"),
            (1030, 940, "IMMUNE"),
            (1030, 1230, "NOT IMMUNE"),
            (1030, 1560, "DON'T KNOW"),
            (1110, 200, "Chicken pox"),
            (1180, 200, "Measles"),
            (1250, 200, "Mumps"),
            (1350, 180, "Received the hepatitis B vaccine series?"),
            (1350, 1000, "YES"),
            (1350, 1120, "NO"),
            (1350, 1230, "NOT SURE"),
            (1440, 180, "Other health problems we should know about:"),
            (1510, 190, conditions),
        ]
    )
    ring(image, [w for w in words if w.text == "NO" and w.bbox.y0 == 1350])
    for y, x in ((1110, 960), (1180, 1260), (1250, 1260)):
        check_box(image, x, y, ticked=True)
    return words


def test_a_question_leads_its_answer_on_a_form_of_captions_after_values() -> None:
    """On a form closing its values with captions, ``Received the hepatitis B vaccine series?``
    asks its question: its answer is the ringed ``NO`` after it, not ``Received the``."""
    image = blank()
    words = [*intake(image), *health_box(image, "Back pain, COPD")]
    found = read(RECORD, words, image)
    assert found["hepatitis_b_vaccination"] == "no"
    assert found["medical_problems"] == ["Back pain", "COPD"]


@pytest.mark.parametrize(
    "heads",
    [
        [(940, "IMMUNE"), (1230, "NOT IMMUNE"), (1560, "DON'T KNOW")],
        [(940, "Imriune Not immune Urisure")],  # close together, OCR-damaged: one entry
    ],
)
def test_an_immunity_table_s_answer_heads_are_no_medical_problems(
    heads: list[tuple[int, str]],
) -> None:
    """``Have you had or been vaccinated for:`` reads like the conditions' "Have you ever had";
    the immunity table's heads right of it (``IMMUNE``, or the three read as one entry) are no
    list of problems, and ``N/A`` written under the conditions' own question leaves them none."""
    image = blank()
    words = layout(
        [
            (300, 170, "Name: Ana Cruz"),
            (1030, 180, "Have you had or been vaccinated for:"),
            *((1030, x, text) for x, text in heads),
            (1110, 200, "Chicken pox"),
            (1180, 200, "Measles"),
            (1440, 180, "Medical conditions you are treated for:"),
            (1510, 190, "N/A"),
        ]
    )
    for y, x in ((1110, 960), (1180, 1260)):
        check_box(image, x, y, ticked=True)
    assert read(RECORD, words, image).get("medical_problems") in (None, [])


def test_a_choice_read_in_its_cell_stops_at_the_next_question() -> None:
    """The table's row rules are too faint to find, so the section's frame is every row's
    cell: ``Measles:`` unanswered takes nothing from the hepatitis question's ringed ``NO``
    under it (``NO`` would read as not immune)."""
    image = blank()
    cv2.rectangle(image, (150, 1000), (2380, 1500), 0, 3)
    words = layout(
        [
            (1030, 180, "Immunity"),
            (1110, 200, "Chicken pox: Immune"),
            (1180, 200, "Measles:"),
            (1350, 180, "Received the hepatitis B vaccine series?"),
            (1350, 1000, "YES"),
            (1350, 1120, "NO"),
        ]
    )
    ring(image, [w for w in words if w.text == "NO"])
    found = read(RECORD, [*layout([(300, 170, "Name: Ana Cruz")]), *words], image)
    assert found["chicken_pox"] == "immune"
    assert "measles" not in found
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_question_s_last_word_is_no_label_after_the_label_it_ends() -> None:
    """``Hepatitis B shots completed?``: ``completed?`` ends the question, it is no record date's
    ``Completed on`` (which would take the answer row as its value and leave the question none)."""
    image = blank()
    words = layout(
        [
            (300, 170, "Name: Ana Cruz"),
            (500, 170, "Hepatitis B shots completed?"),
            (500, 900, "YES"),
            (500, 1020, "NO"),
            (500, 1130, "NOT SURE"),
        ]
    )
    ring(image, [w for w in words if w.text == "YES"])
    assert read(RECORD, words, image)["hepatitis_b_vaccination"] == "yes"


def boxes_side_by_side(image: np.ndarray) -> list[Word]:
    """Allergies and medicines in two framed boxes, each a "none" box over numbered rules."""
    words = layout([(100, 170, "Patient: Clara Brown")], page=1)
    for x0, heading, none, entry in (
        (170, "Drug / food allergies", "No allergies", "N/A"),
        (1300, "Regular medicines", "\u25a1No medicines", "Metronidazole"),
    ):
        cv2.rectangle(image, (x0 - 20, 1250), (x0 + 1060, 1800), 0, 3)
        check_box(image, x0, 1360, ticked=none == "No allergies")
        words += layout(
            [
                (1270, x0, heading),
                (1360, x0 + 50, none),
                (1450, x0, f"1. {entry}"),
                (1540, x0, "2."),
            ],
            page=1,
        )
    consent = "I authorize this office to treat me and to bill my insurance carrier."
    return [*words, *layout([(1880, 170, consent), (1940, 170, consent)], page=1)]


def test_a_row_of_none_options_is_no_row_of_yes_no_heads() -> None:
    """``[X] No allergies   [ ] No medicines`` (OCR read the empty box into ``□No``): two
    options in small letters after ``No``, not two column heads over a table whose rows would
    be the consent's lines; the medicines are written on the rules under the empty box."""
    image = blank()
    words = boxes_side_by_side(image)
    first = layout([(100, 170, "Name: Clara Brown"), (300, 170, "Phone: (303) 555-0102")])
    found = read_two_pages(first, words, [blank(), image])
    assert found["regular_medication"] == ["Metronidazole"]
    assert found["allergies"] == []


def captioned_under(image: np.ndarray) -> list[Word]:
    """Page 1 of a form printing its captions under the rules its values are written on, and
    the visit's date alone at its top right."""
    words = layout(
        [
            (100, 170, "Align Spine & Wellness Center"),
            (100, 2150, "14/06/2023"),
            (400, 170, "Clara Brown"),
            (400, 1300, "03/04/1950"),
            (450, 170, "Full name"),
            (450, 1300, "Date of birth"),
            (560, 170, "(303) 555-0102"),
            (560, 1300, "(303) 555-0177"),
            (610, 170, "Home phone"),
            (610, 1300, "Work phone"),
        ]
    )
    for y in (445, 605):
        cv2.line(image, (160, y), (1200, y), 0, 2)
        cv2.line(image, (1290, y), (2300, y), 0, 2)
    return words


def read_two_pages(first: list[Word], last: list[Word], images: list[np.ndarray]) -> dict:
    """The fields of a two-page record."""
    pages = [ocr_page(first, 0), OcrPage(index=1, width=2550, height=3300, words=tuple(last))]
    outcome = parse_fields(RECORD, pages, CONFIG, images)
    return {name: result.value for name, result in outcome.fields.items()}


def test_a_date_beside_the_last_page_s_signature_yields_to_the_first_page_s_corner_date() -> None:
    """Page 1 shows the visit's date alone at its top right; page 2 dates the signature a day
    later, over its caption as the form writes every value: the record's date is the corner's."""
    first_image, last_image = blank(), blank()
    first = captioned_under(first_image)
    last = layout(
        [
            (2720, 1470, "15/06/2023"),
            (2790, 170, "Signature of patient or guardian"),
            (2790, 1450, "Date signed"),
        ],
        page=1,
    )
    cv2.line(last_image, (160, 2775), (1300, 2775), 0, 2)
    cv2.line(last_image, (1440, 2775), (2300, 2775), 0, 2)
    found = read_two_pages(first, last, [first_image, last_image])
    assert found["record_date"] == "2023-06-14"
    assert found["birth_date"] == "1950-04-03"


def test_a_label_with_its_colon_leads_what_is_written_under_it_in_its_box() -> None:
    """On a form printing its captions under its values, a box holds a question and then
    ``Other health problems we should know about:`` with the problems under it: the label
    with its colon leads them, it is no caption of the question's line over it."""
    image = blank()
    words = captioned_under(image)
    cv2.rectangle(image, (150, 900), (2380, 1300), 0, 3)
    words += layout(
        [
            (950, 180, "Health"),
            (1030, 180, "Received the hepatitis B vaccine series? YES NO NOT SURE"),
            (1120, 180, "Other health problems we should know about:"),
            (1190, 190, "Asthma, Gout"),
        ]
    )
    assert read(RECORD, words, image)["medical_problems"] == ["Asthma", "Gout"]


def test_a_blank_caption_s_field_stays_blank_when_the_next_caption_closes_what_follows() -> None:
    """``country .......... Retired .......... employer / job`` with the country's rule too faint
    to find: what follows the country's caption is the next caption's value, so the address
    has no country (not "Retired")."""
    image = blank()
    words = layout([(100, 170, "Align Spine & Wellness Center"), (100, 2100, "2025-04-12")])
    words += ruled(image, 300, 170, 1200, "Rogers", "surname")
    words += ruled(image, 300, 1300, 2380, "1986-10-08", "birthdate")
    words += ruled(image, 390, 170, 1200, "George", "given name")
    words += ruled(image, 480, 170, 1200, "856 Chestnut Terrace", "home street")
    words += ruled(image, 480, 1300, 2380, "178", "weight")
    words += ruled(image, 570, 170, 1200, "Baton Rouge, 70802", "city-state-zip")
    words += caption(660, 1194, "country")  # its rule faded away in the copy
    words += ruled(image, 660, 1300, 2380, "Retired", "employer / job")
    words += ruled(image, 750, 170, 1200, "(303) 555-0115", "home / cell phone")
    found = read(RECORD, words, image)
    assert found["address"] == "856 Chestnut Terrace, Baton Rouge, 70802"


def test_a_caption_s_first_word_before_its_bracketed_rest_is_no_part_of_the_value() -> None:
    """``2656 Magnolia Way, Albany, NY 12207 ...... home (street, city, state)``: the label the
    vocabulary knows is the bracket; ``home`` before it, in the caption's small print, is the
    caption's own word, not the address's last, and the caption still stands at its rule's far
    end (with the name's, enough to tell the form's captions follow their values)."""
    image = blank()
    words = layout([(100, 900, "Eagle Crest Slopeside Clinic"), (900, 170, "Rx Prednisone 5 mg")])
    words += ruled(image, 400, 170, 1200, "Elena A. Lewis", "guest name")
    words += ruled(image, 490, 170, 2300, "2656 Magnolia Way, Albany, NY 12207", "")
    words += caption(490, 2294, "home (street, city, state)")
    assert captions_after(build_page(PRESCRIPTION, [ocr_page(words)], CONFIG, [image]))
    found = read(PRESCRIPTION, words, image)
    assert found["patient_address"] == "2656 Magnolia Way, Albany, NY 12207"


def test_a_word_ocr_damaged_nearer_an_unsure_answer_than_a_label_is_no_weak_label() -> None:
    """``Urisure`` in an immunity table's heads is as near "Unsure" as "Insured": no damaged
    label of the insurance question, which would take the "Not immune" before it as its no."""
    words = layout(
        [
            (300, 170, "Name: Ana Cruz"),
            (1030, 180, "Have you had or been vaccinated for:"),
            (1030, 940, "Imriune"),
            (1030, 1230, "Not immune"),
            (1030, 1560, "Urisure"),
        ]
    )
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    assert not any(w.text == "Urisure" for a in doc.weak_anchors for w in a.words)


def test_a_word_like_a_label_written_with_its_colon_is_no_damaged_label() -> None:
    """``Days:`` after each medicine is as long as ``Today:``, a date's label the vocabulary
    writes with its colon; such a label is matched closely only, so no medicine line is taken
    for a damaged label's line."""
    words = layout(
        [
            (300, 220, "Patient name: Rosa Edwards"),
            (400, 220, "Address: 896 Meadow St, Louisville, KY"),
            (500, 220, "Phone: 614-555-0185"),
            (600, 220, "Allergies: Penicillin"),
            (700, 180, "R"),
            (800, 280, "Duloxetine 30 mg"),
            (800, 1520, "Dispense: #56"),
            (800, 2090, "Days: 10"),
            (900, 290, "Metronidazole 500 mg tab"),
            (900, 1520, "Dispense: 90"),
            (900, 2090, "Days: 14"),
            (1100, 190, "Directions for use:"),
            (1180, 250, "Duloxetine every 8 hours for 7 days."),
        ]
    )
    found = read(PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Duloxetine 30 mg", "Metronidazole 500 mg tab"]
