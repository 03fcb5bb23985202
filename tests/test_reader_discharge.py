"""The reader on an allergy clinic's history and a hospital's discharge sheet.

The history prints its people as columns of a ruled matrix (the address over three rows),
asks its yes / no questions with the boxes and their ``Y`` / ``N`` heads *before* the
questions, ticks conditions and writes more on an "Other medical problems" rule, has a
sentence's statement struck or ringed ("I have / do not have medical insurance") and a
photocopy of the insurance card. The discharge sheet lists the home medicines to go on
with and those to stop beside the new prescriptions. The words are laid as OCR gives them
(:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields
from medreview.parsing.choices import (
    left_standing,
    option_spans,
    read_box_row,
    read_statements,
    row_choices,
    statement_options,
    underlined,
)
from medreview.parsing.coded import _grid_answer
from medreview.parsing.layout import group_lines
from medreview.parsing.marks import PageMarks
from medreview.parsing.page import build_page
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page, row


def strike(image: np.ndarray, words: list[Word]) -> None:
    """A pen line through words, across their middle."""
    box = BBox.union(w.bbox for w in words)
    middle = (box.y0 + box.y1) // 2
    cv2.line(image, (box.x0 - 4, middle), (box.x1 + 4, middle), 0, 4)


def ring(image: np.ndarray, words: list[Word]) -> None:
    """A hand-drawn ring round words."""
    box = BBox.union(w.bbox for w in words)
    centre = ((box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2)
    cv2.ellipse(image, centre, ((box.x1 - box.x0) // 2 + 24, 34), 0, 0, 360, 0, 4)


def insurance_sentence(image: np.ndarray, marked: str, how: str) -> list[Word]:
    """ "I have / do not have medical insurance." with one statement struck or ringed."""
    words = row(1400, 150, "I have / do not have medical insurance. (delete as appropriate)")
    have, negation = words[1:2], words[3:6]
    if how == "strike":
        strike(image, negation if marked == "have" else have)
    else:
        ring(image, have if marked == "have" else negation)
    return [*row(1300, 150, "F. Insurance"), *words]


@pytest.mark.parametrize("how", ["strike", "ring"])
@pytest.mark.parametrize(("marked", "answer"), [("have", "yes"), ("do not have", "no")])
def test_a_statement_struck_or_ringed_in_a_sentence_answers_yes_or_no(
    how: str, marked: str, answer: str
) -> None:
    """The statement left standing, or the one ringed, is the answer: "have" is yes."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, insurance_sentence(image, marked, how), image)
    assert found["has_insurance"] == answer


def test_a_sentence_with_nothing_marked_answers_nothing() -> None:
    image = blank()
    words = row(1400, 150, "I have / do not have medical insurance. (circle one)")
    assert "has_insurance" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_statements_verb_and_its_negation_are_found_as_printed() -> None:
    """``have`` / ``do not have``, ``am`` / ``am not``, and a struck negation OCR glued."""
    for text, expected in (
        ("I have / do not have", ("have", "do not have")),
        ("I am / am not", ("am", "am not")),
        ("I HAVE / -DO-NOTHAVE", ("HAVE", "-DO-NOTHAVE")),
        ("ILAVE DO NOT IIAVE", ("ILAVE", "DO NOT IIAVE")),
        ("Your dentist: I have / do not have", ("have", "do not have")),
    ):
        options = statement_options(row(0, 0, text))
        assert options is not None, text
        assert tuple(o.choice for o in options) == expected
    assert statement_options(row(0, 0, "Do you have any allergies")) is None
    assert statement_options(row(0, 0, "Do not take with food")) is None


def test_a_blurred_copys_standing_statement_is_read_beside_the_one_struck_right_through() -> None:
    """Blur runs a word's strokes together (under half a strike); the struck one still tells."""
    image = blank()
    words = row(1400, 150, "I have / do not have")
    strike(image, words[3:6])
    # the blur's smudge along "have": under half the strike, over what reads as unstruck
    box = words[1].bbox
    cv2.line(
        image, (box.x0, box.y0 + 18), (box.x0 + (box.x1 - box.x0) * 9 // 20, box.y0 + 18), 0, 4
    )
    options = statement_options(words)
    assert options is not None
    assert read_statements(words, options, PageMarks(image)) == "yes"
    assert left_standing(words, options, PageMarks(image)) == "have"


def yes_no_block(
    image: np.ndarray, answers: list[str], heads: str | None, measles: int = 1900
) -> list[Word]:
    """Questions with their Y and N boxes before them, the heads over the boxes; the measles
    row, at ``measles``, over them."""
    questions = [
        "Have you ever needed epinephrine for a reaction?",
        "Hepatitis B vaccine received?",
        "Do you smoke or vape?",
    ]
    words: list[Word] = row(measles, 150, "Measles: Immune / Not immune (circle one)")
    if heads == "Y N":
        words += [Word("Y", 0.95, BBox(158, 2000, 176, 2036))]
        words += [Word("N", 0.95, BBox(246, 2000, 264, 2036))]
    elif heads is not None:
        words += [Word(heads, 0.95, BBox(150, 2000, 285, 2036))]
    cv2.putText(image, "Y", (158, 2030), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.putText(image, "N", (246, 2030), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    for index, (question, answer) in enumerate(zip(questions, answers, strict=True)):
        y = 2060 + 64 * index
        check_box(image, 155, y, ticked=answer == "yes")
        check_box(image, 243, y, ticked=answer == "no")
        words += row(y, 340, question)
    return words


@pytest.mark.parametrize("heads", ["Y N", "Yes·No", "N", None])
@pytest.mark.parametrize("answer", ["yes", "no"])
def test_boxes_before_their_questions_are_read_under_their_heads(
    heads: str | None, answer: str
) -> None:
    """``Y N`` over the boxes before each question; OCR may read one head, or none of them,
    with the heads printed over the boxes all the same (then yes comes first)."""
    image = blank()
    if heads == "N":
        words = yes_no_block(image, ["no", answer, "yes"], None)
        words += [Word("N", 0.95, BBox(246, 2000, 264, 2036))]
    else:
        words = yes_no_block(image, ["no", answer, "yes"], heads)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["hepatitis_b_vaccination"] == answer


def test_boxes_before_questions_with_no_heads_printed_answer_nothing() -> None:
    """No heads over the columns, in the image or OCR's words: which box is yes is unknown."""
    image = blank()
    words = yes_no_block(image, ["no", "yes", "yes"], None)
    image[1990:2040, 140:300] = 255  # the heads' print taken away
    assert "hepatitis_b_vaccination" not in read(DocumentType.PATIENT_DETAILS, words, image)


def person_matrix(*, centred: bool) -> list[Word]:
    """People in columns: the address over a street row, a city row and a country row."""
    heads = (900, 1700) if centred else (620, 1500)
    return layout(
        [
            (500, 150, "A. About you"),
            (580, heads[0], "Patient"),
            (580, heads[1], "Emergency contact"),
            (650, 160, "Full name"),
            (650, 640, "Samuel Carter"),
            (650, 1520, "Mei Carter"),
            (720, 160, "Street address"),
            (720, 640, "96 Lincoln Court"),
            (720, 1520, "15 Willow Avenue"),
            (790, 160, "City / State / Zip"),
            (790, 640, "Dover, DE 19901"),
            (790, 1520, "San Francisco, CA 94110"),
            (860, 160, "Country"),
            (860, 640, "United States"),
            (930, 160, "Home telephone"),
            (930, 1520, "(415) 555-0159"),
            (1000, 160, "Work / cell phone"),
            (1000, 640, "(502) 555-0180"),
        ]
    )


@pytest.mark.parametrize("centred", [False, True])
def test_a_person_matrix_joins_an_address_over_its_street_city_and_country_rows(
    centred: bool,
) -> None:
    """Each person's column holds their address down three rows; headings may be centred
    over their columns, far right of the row labels; the work phone is no home phone."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, person_matrix(centred=centred), image)
    assert found["patient_name"] == "Samuel Carter"
    assert found["address"] == "96 Lincoln Court, Dover, DE 19901, United States"
    assert found["emergency_contact_name"] == "Mei Carter"
    assert found["emergency_contact_address"] == "15 Willow Avenue, San Francisco, CA 94110"
    assert found["emergency_contact_phone"] == "(415) 555-0159"
    assert "phone" not in found


def discharge_sheet(*, home_first: bool) -> list[Word]:
    """New prescriptions and the home medicines' tables, in either order."""
    new = [
        (0, 150, "NEW PRESCRIPTIONS (send to pharmacy)"),
        (70, 360, "Medicine Quantity"),
        (130, 170, "Rx"),
        (130, 360, "Prednisone 10 mg"),
        (130, 1900, "30"),
        (200, 360, "Ondansetron 4 mg tab"),
        (200, 1900, "20"),
        (300, 150, "Sig: Take one tablet twice a day."),
    ]
    home = [
        (0, 150, "CONTINUE THESE HOME MEDICINES"),
        (70, 160, "Medicine Instructions"),
        (130, 160, "Metoprolol 25 mg tab"),
        (130, 1000, "1 tab at night"),
        (260, 150, "STOP TAKING THESE MEDICINES"),
        (330, 160, "Medicine Why stopped"),
        (390, 160, "Warfarin 5 mg"),
        (390, 1000, "Bleeding"),
    ]
    first, second = (home, new) if home_first else (new, home)
    rows = [(300, 150, "Patient name: Emily Walker")]
    rows += [(600 + y, x, text) for y, x, text in first]
    rows += [(1200 + y, x, text) for y, x, text in second]
    rows += [(2000, 150, "Dr. Sarah Carter, MD"), (2060, 150, "Discharging physician (print)")]
    return layout(rows)


def signed_on_a_rule(image: np.ndarray) -> None:
    """The rule the physician prints his name on, over its caption."""
    cv2.line(image, (150, 2046), (1000, 2046), 0, 3)


@pytest.mark.parametrize("home_first", [False, True])
def test_a_discharge_sheets_home_medicines_are_none_of_its_prescriptions(home_first: bool) -> None:
    """The tables under "Continue these home medicines" and "Stop taking these medicines"
    head their columns like the new prescriptions' table; only the new ones are prescribed."""
    image = blank()
    signed_on_a_rule(image)
    found = read(DocumentType.PRESCRIPTION, discharge_sheet(home_first=home_first), image)
    assert found["medicines"] == ["Prednisone 10 mg", "Ondansetron 4 mg tab"]
    assert found["prescriber"] == "Dr. Sarah Carter, MD"


def insurance_card() -> list[Word]:
    """A card's front (issuer in big print) and back (claims address) copied side by side."""
    words = row(1500, 150, "Attach a copy of the front and back of your insurance card here")
    words += [Word("NORTHWIND", 0.95, BBox(240, 1620, 470, 1674))]
    words += [Word("MUTUAL", 0.95, BBox(490, 1620, 650, 1674))]
    words += row(1620, 1300, "SUBMIT CLAIMS TO:")
    words += row(1680, 240, "MEMBER NAME JOHN SMITH") + row(1680, 1300, "PO BOX 12456")
    words += row(1740, 240, "MEMBER ID BNC637447404") + row(1740, 1300, "PORTLAND, OR 97201")
    words += row(1800, 240, "GROUP NO. 40021") + row(1800, 1300, "MEMBER SERVICES 1-800-555-0199")
    return words


def test_a_copied_insurance_cards_issuer_and_claims_address_are_read() -> None:
    """The issuer is the card's biggest print on its first line, with no label; the back's
    claims address runs on past the front's labelled lines beside it."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, insurance_card(), image)
    assert found["insurance_company"] == "NORTHWIND MUTUAL"
    assert found["policy_number"] == "BNC637447404"
    assert found["insurance_address"] == "PO BOX 12456, PORTLAND, OR 97201"


def test_other_medical_problems_written_after_a_tick_list_go_on_it() -> None:
    """ "Other medical problems: Gout" under the ticked conditions: one list, ticks first."""
    image = blank()
    words = row(1700, 150, "Have you been diagnosed with any of the following?")
    for index, (x, entry) in enumerate(((200, "Asthma"), (800, "Eczema"), (1400, "Migraine"))):
        check_box(image, x, 1780, ticked=index != 1)
        words += row(1780, x + 60, entry)
    words += row(1880, 150, "Other medical problems: Gout")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Asthma", "Migraine", "Gout"]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_clinics_specialties_in_its_letterhead_are_no_allergies(ruled: bool) -> None:
    """ "Allergy and Immunology Associates" under the clinic's name, over the head's rule or
    at the page's top over its first labelled row, with no rule found (a photo's faint line)."""
    image = blank()
    words = layout(
        [
            (100, 300, "Summit Allergy Clinic"),
            (160, 300, "Allergy and Immunology Associates"),
            (420, 150, "Patient name: Ruth Cook"),
        ]
    )
    if ruled:
        cv2.line(image, (150, 240), (2400, 240), 0, 4)
    assert "allergies" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_parts_heading_takes_no_value_from_over_its_bar() -> None:
    """ "Part D — Known allergies" printed under its bar, the patient's name running over it: the
    name is no allergy (the "No known allergies" box under the heading may say none)."""
    image = blank()
    words = layout(
        [
            (1296, 700, "Noah Martin"),
            (1352, 177, "Part D — Known allergies"),
            (1421, 260, "No known allergies"),
        ]
    )
    cv2.line(image, (150, 1340), (2400, 1340), 0, 6)  # the heading's bar
    check_box(image, 200, 1421, ticked=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found.get("allergies") in (None, [])


def test_a_count_written_after_a_refill_rows_other_label_is_the_refills() -> None:
    """ "Refills: □0 □1 □2 □3 □4 □5 □PRN other: 6": no box ticked, six written after other
    (OCR reading the boxes and some entries as glyphs: ``□ 。 □ 2 □ ₄ □PRN``)."""
    image = blank()
    words = row(1600, 150, "Refills:")
    for index in range(7):
        check_box(image, 330 + 150 * index, 1600, ticked=False)
    for x, text in ((330, "□"), (380, "。"), (630, "□"), (680, "2"), (930, "□"), (980, "₄")):
        words += row(1600, x, text)
    words += row(1600, 1230, "□PRN")
    words += row(1600, 1450, "other: 6")
    assert read(DocumentType.PRESCRIPTION, words, image)["refills"] == 6


def test_a_ticked_box_ocr_read_inside_its_neighbours_word_is_still_found() -> None:
    """ "□ 0 ☒ 1" read as "□", "₀1" over the ticked box: a word far wider than its letters
    holds a box, no letter of its own."""
    image = blank()
    for index in range(7):
        check_box(image, 320 + 117 * index, 1602, ticked=index == 1)
    words = [
        Word("□", 0.9, BBox(320, 1600, 357, 1641)),
        Word("₀1", 0.9, BBox(368, 1598, 521, 1645)),
    ]
    for index, entry in enumerate(("□2", "□3", "□4", "□5")):
        x = 554 + 117 * index
        words.append(Word(entry, 0.9, BBox(x, 1598, x + 75, 1645)))
    words += [
        Word("□", 0.9, BBox(1022, 1600, 1059, 1641)),
        Word("PRN", 0.9, BBox(1073, 1600, 1157, 1645)),
    ]
    value, decided = read_box_row(words, row_choices(words), PageMarks(image))
    assert (value, decided) == ("1", True)


def test_the_top_of_a_ring_round_the_next_rows_answer_underlines_nothing() -> None:
    """ "Chickenpox: Immune / Not immune" unmarked over "Measles: (Immune) / Not immune": the
    ring's top runs under the chickenpox row's "Immune", and is no underline of it."""
    image = blank()
    upper = row(2250, 536, "Immune / Not immune")
    lower = row(2318, 536, "Immune / Not immune")
    ring(image, lower[:1])
    choices = ("immune", "not immune")
    assert underlined(upper, option_spans(upper, choices), PageMarks(image)) is None
    words = [*row(2250, 150, "Chickenpox:"), *upper, *row(2318, 150, "Measles:"), *lower]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "chicken_pox" not in found
    assert found["measles"] == "immune"


def test_a_colon_ocr_read_twice_keeps_the_value_on_its_labels_line() -> None:
    """The label's colon read again on its own, over the label's end, starts no line."""
    words = row(1262, 153, "Directions for the patient:")
    words += [Word(":", 0.6, BBox(499, 1249, 510, 1290))]
    words += row(1249, 545, "Take one tablet every 12 hours")
    lines = group_lines(words)
    assert len(lines) == 1
    assert lines[0].words[0].text == "Directions"


def test_a_choice_row_printing_its_options_reads_nothing_from_the_row_under_it() -> None:
    """ "Measles: Immune / Not immune" left unmarked over the ``Y N`` heads of the next block,
    a tick's overshoot under the ``N``: the heads are no answer written under the question."""
    image = blank()
    words = row(1950, 150, "Measles: Immune / Not immune (circle one)")
    heads = [
        Word("Y", 0.95, BBox(158, 2010, 176, 2046)),
        Word("N", 0.95, BBox(246, 2010, 264, 2046)),
    ]
    cv2.line(image, (244, 2052), (268, 2052), 0, 4)
    words += heads
    assert "measles" not in read(DocumentType.PATIENT_DETAILS, words, image)


class RingedEverywhere(PageMarks):
    """A page that looks ringed right of x = 500: under the first row's NOT IMMUNE."""

    def ring_mark(self, box: BBox, *args: object, **kwargs: object) -> float:
        return 1.0 if box.x0 > 500 else 0.0


def test_capital_choices_of_the_row_over_a_question_are_no_heads_when_it_prints_its_own() -> None:
    """ "Chickenpox: IMMUNE / NOT IMMUNE" over "Measles: IMMUNE / NOT IMMUNE": the rows are two
    questions, each answered in its own row, not a grid of codes headed by the first."""
    words = [
        *row(2017, 150, "Chickenpox: IMMUNE / NOT IMMUNE (circle one)"),
        *row(2103, 150, "Measles: IMMUNE / NOT IMMUNE (circle one)"),
    ]
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    measles = next(a for a in doc.anchors if "field:measles" in a.keys)
    marks = RingedEverywhere(blank())
    assert _grid_answer(doc, ("immune", "not immune"), measles, marks) is None


def test_a_choice_struck_so_hard_ocr_garbled_it_leaves_the_other_standing() -> None:
    """ "mane /. Not immune": OCR read the struck "Immune" as "mane"; "Not immune" stands."""
    image = blank()
    words = row(2169, 600, "mane /. Not immune (delete as appropriate)")
    strike(image, words[:1])
    words = [*row(2169, 150, "Chickenpox (varicella):"), *words]
    assert read(DocumentType.PATIENT_DETAILS, words, image)["chicken_pox"] == "not immune"


def test_a_list_label_joined_into_a_title_is_none_wherever_it_stands() -> None:
    """A later page's head repeats the form's title with no rule under it that a letterhead
    has: "Allergy & Asthma Health History" names the clinic's work, no allergies."""
    image = blank()
    words = layout(
        [
            (1206, 350, "Allergy & Asthma Health History — (continued)"),
            (1323, 317, "Patient name: Ruth Cook"),
        ]
    )
    assert "allergies" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_later_pages_list_at_its_top_is_read() -> None:
    """Only the first page's top is the clinic's head: page 2 may open on its allergies."""
    first = layout([(1000, 150, "Patient name: Ruth Cook")])
    second = layout([(284, 172, "Allergies"), (284, 700, "Codeine, Eggs")], page=1)
    pages = [ocr_page(first), ocr_page(second, 1)]
    outcome = parse_fields(DocumentType.PATIENT_DETAILS, pages, CONFIG, [blank(), blank()])
    assert outcome.fields["allergies"].value == ["Codeine", "Eggs"]


def test_a_family_doctors_column_in_a_person_table_is_no_section_over_the_page() -> None:
    """ "Your family doctor" heads the matrix's third column: the staff's measures under the
    table are the patient's, not the doctor's section's."""
    image = blank()
    words = person_matrix(centred=False)
    words += row(580, 2100, "Your family doctor")
    words += row(1100, 150, "Nurse to complete")
    words += row(1170, 160, "Ht: 69 in") + row(1170, 700, "Wt: 202 lb")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["height"] == 69
    assert found["weight"] == 202
