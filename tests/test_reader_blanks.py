"""The reader on forms worded as sentences, each value written on a blank inside the line.

A counselling centre's intake packet asks "My last name is ____ and my first name and initial
are ____." and "I am ____ tall and I weigh ____."; each blank is a short pale rule or a pale
shaded strip, and the printed words go on right after it. Page 2 asks for the medicines with a
boxed "I take no medicines" beside a table whose column headings are no medicine. A
dermatology blank prints its medicines in a table with quantity and area columns, the refill
choices with ``Other`` on the line under them, and directions headed by each drug's name;
its refill row is a row of boxes of which OCR reads only some entries, or none but ``PRN``.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.blanks import on_blank, printed_between
from medreview.parsing.canonical import clean_text
from medreview.parsing.choices import is_partial_row
from medreview.parsing.layout import page_lines
from medreview.parsing.marks import PageMarks
from medreview.parsing.ocrtext import TextStyle
from medreview.parsing.page import build_page
from tests.test_reader_grids import CONFIG, blank, read
from tests.wordkit import CHAR_W, SPACE, layout, ocr_page, row

RULE_GRAY = 150  # a thin gray rule, paler than the text
STRIP_GRAY = 232  # a pale shaded strip


def _width(text: str) -> int:
    return sum(CHAR_W * len(t) for t in text.split()) + SPACE * (len(text.split()) - 1)


def _sentence(image: np.ndarray, y: int, parts: list[str], *, strips: bool = False) -> list[Word]:
    """One line of printed wording and blanks: ``[value]`` parts are written on a blank.

    A blank is 120 px wider than what is written on it, and ``[]`` is an empty one.
    """
    words: list[Word] = []
    x = 150
    for part in parts:
        if part.startswith("["):
            value = part[1:-1]
            width = max(_width(value), 180) + 120
            if strips:
                cv2.rectangle(image, (x, y - 14), (x + width, y + 50), STRIP_GRAY, -1)
            else:
                cv2.line(image, (x, y + 42), (x + width, y + 42), RULE_GRAY, 2)
            if value:
                words.extend(row(y, x + 20, value))
            x += width + 24
        else:
            words.extend(row(y, x, part))
            x += _width(part) + 24
    return words


def _intake(image: np.ndarray, *, strips: bool = False) -> list[Word]:
    lines = [
        (400, ["About you"]),
        (500, ["My last name is", "[Moore]", "and my first name and initial are", "[Amara]"]),
        (600, ["I was born on", "[18/02/1953]", "and I am", "[68]", "years old."]),
        (700, ["I am", "[169]", "tall and I weigh", "[90]", ". My job is", "[Chef]"]),
        (800, ["I live at", "[81 Oak Court]", ",", "[Omaha, NE]", ",", "[United States]"]),
        (1000, ["In case of emergency"]),
        (1100, ["The person to call in an emergency is", "[Isabel Moore]", ", my", "[Mother]"]),
        (1200, ["Their home phone is", "[916.555.0117]", "or", "[]"]),
    ]
    return [w for y, parts in lines for w in _sentence(image, y, parts, strips=strips)]


def test_values_on_rules_inside_sentences_are_read_apart_from_the_wording() -> None:
    """Each value is what is written on its blank: no "is" before it, no next clause after."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _intake(image), image)
    assert found["patient_name"] == "Amara Moore"
    assert found["birth_date"] == "1953-02-18"
    assert found["height"] == 169
    assert found["weight"] == 90
    assert found["address"] == "81 Oak Court, Omaha, NE, United States"
    assert found["emergency_contact_name"] == "Isabel Moore"
    assert found["emergency_contact_phone"] == "(916) 555-0117"


def test_values_in_pale_shaded_strips_are_read_as_on_rules() -> None:
    """The same sentences with a pale strip for each blank instead of a rule."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _intake(image, strips=True), image)
    assert found["patient_name"] == "Amara Moore"
    assert found["height"] == 169
    assert found["weight"] == 90
    assert found["address"] == "81 Oak Court, Omaha, NE, United States"
    assert found["emergency_contact_phone"] == "(916) 555-0117"


def test_strips_are_found_but_not_a_printed_word_on_white_paper() -> None:
    """A strip with writing inside is one strip; dark printed words alone make none."""
    image = blank()
    cv2.rectangle(image, (400, 500), (1000, 560), STRIP_GRAY, -1)
    cv2.putText(image, "Moore", (420, 545), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 4)
    cv2.putText(image, "Printed words", (1200, 545), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 4)
    strips = PageMarks(image).strips()
    assert [(abs(s.start - 400) <= 6, abs(s.end - 1000) <= 6) for s in strips] == [(True, True)]


def test_a_value_written_past_its_blanks_end_is_kept_whole() -> None:
    """A long name runs on past the rule drawn for it: the blank does not cut it, and a
    capitalised word after a blank is no sentence's wording."""
    image = blank()
    cv2.line(image, (400, 542), (700, 542), RULE_GRAY, 2)
    words = [*row(500, 150, "Name"), *row(500, 420, "George Cooper")]
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [image])
    anchor = next(a for a in doc.anchors if "field:patient_name" in a.keys)
    value = tuple(doc.lines[0].words[1:])
    assert [w.text for w in on_blank(doc, anchor, value)] == ["George", "Cooper"]


def test_labels_may_begin_only_between_a_lines_blanks() -> None:
    """The wording between two blanks is printed; after the last blank nothing is taken for
    a label's start (a question's wording running on after its answer)."""
    image = blank()
    words = _sentence(image, 700, ["I am", "[169]", "tall and I weigh", "[90]", "years old"])
    lines = page_lines([ocr_page(words)])
    between = printed_between(lines, {0: PageMarks(image)})
    texts = [lines[0].words[i].text for i in sorted(between[0])]
    assert texts == ["tall", "and", "I", "weigh"]


def test_no_medicines_ticked_and_table_headings_leave_the_list_empty() -> None:
    """ "Please list all medicines you take:" with "I take no medicines" ticked over a table of
    empty rows headed Medicine / Prescribed by / Reason is the empty list."""
    image = blank()
    cv2.rectangle(image, (1900, 300), (1936, 336), 0, 3)
    cv2.line(image, (1906, 306), (1930, 330), 0, 5)
    cv2.line(image, (1930, 306), (1906, 330), 0, 5)
    for y in (440, 520, 600, 680):
        cv2.line(image, (150, y), (2400, y), 0, 2)
    words = layout(
        [
            (200, 150, "Medicines & allergies"),
            (300, 150, "Please list all medicines you take:"),
            (300, 1960, "I take no medicines"),
            (390, 200, "Medicine"),
            (390, 1000, "Prescribed by"),
            (390, 1800, "Reason"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["regular_medication"] == []


def test_a_refill_row_with_ocr_dropped_entries_reads_the_count_written_at_other() -> None:
    """OCR kept ``4`` and ``PRN`` of the row and nothing is ticked: the count written after
    ``Other`` on the line under it is the refills."""
    image = blank()
    words = layout(
        [
            (300, 150, "Rx"),
            (400, 150, "Tacrolimus 0.03% ointment"),
            (600, 150, "Refill:"),
            (600, 760, "4"),
            (600, 980, "PRN"),
            (670, 190, "Other 6"),
        ]
    )
    assert is_partial_row(words[-4:-2])
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 6


def test_a_medicine_tables_quantity_and_area_columns_are_no_part_of_the_drug() -> None:
    """Under ``Qty`` and ``Apply to`` stand the amount and the body area, not the medicine."""
    image = blank()
    words = layout(
        [
            (300, 150, "Medication"),
            (300, 1300, "Qty"),
            (300, 1700, "Apply to"),
            (380, 150, "Rx"),
            (460, 150, "Mupirocin 2% ointment"),
            (460, 1300, "45 g"),
            (460, 1700, "back"),
            (540, 150, "Triamcinolone 0.1% cream"),
            (540, 1300, "30 g"),
            (540, 1700, "elbows and knees"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Mupirocin 2% ointment", "Triamcinolone 0.1% cream"]


def test_a_drugs_name_heading_its_directions_keeps_its_colon() -> None:
    """ "Tacrolimus: apply to chest" keeps the colon; a speck's full stop before a small
    letter still goes."""
    text = clean_text("Tacrolimus: apply to chest. once daily", TextStyle.PROSE)
    assert text == "Tacrolimus: apply to chest once daily"


def _box_row(image: np.ndarray, y: int, x: int, ticked: str, read: set[str]) -> list[Word]:
    """A printed refill row ``☐ 0 ☐ 1 ... ☐ PRN`` with ``ticked`` crossed; OCR read ``read``."""
    words: list[Word] = []
    for index, text in enumerate(("0", "1", "2", "3", "4", "5", "PRN")):
        left = x + 160 * index
        cv2.rectangle(image, (left, y - 5), (left + 46, y + 41), 0, 3)
        if text == ticked:
            cv2.line(image, (left + 6, y), (left + 40, y + 36), 0, 5)
            cv2.line(image, (left + 40, y), (left + 6, y + 36), 0, 5)
        if text in read:
            words += row(y, left + 66, text)
    return words


def test_a_crossed_box_reads_though_ocr_dropped_the_rows_first_entries() -> None:
    """OCR read ``3 4 5 PRN`` of a row whose ``1`` is crossed: the boxes go on at the same
    step back towards the label, and each box's place in the row names its entry."""
    image = blank()
    words = [
        *row(300, 150, "Rx"),
        *row(400, 150, "Clindamycin 1% gel"),
        *row(600, 150, "Refills:"),
        *_box_row(image, 600, 400, "1", {"3", "4", "5", "PRN"}),
    ]
    assert read(DocumentType.PRESCRIPTION, words, image)["refills"] == 1


def test_a_refill_row_read_as_prn_alone_is_read_from_its_boxes_back_to_its_label() -> None:
    """OCR read only ``PRN`` of the row: the boxes between the label and it are the row's."""
    image = blank()
    words = [
        *row(300, 150, "Rx"),
        *row(400, 150, "Clindamycin 1% gel"),
        *row(600, 150, "Refill:"),
        *_box_row(image, 600, 400, "5", {"PRN"}),
    ]
    assert read(DocumentType.PRESCRIPTION, words, image)["refills"] == 5


def test_the_box_of_the_question_after_a_refill_row_is_no_entry_of_it() -> None:
    """``Refill: ☐ 0 ☒ 1 ... ☐ PRN   ☒ Substitution permitted``: the row ends at PRN."""
    image = blank()
    words = [
        *row(300, 150, "Rx"),
        *row(400, 150, "Clindamycin 1% gel"),
        *row(600, 150, "Refill:"),
        *_box_row(image, 600, 400, "1", {"0", "2", "3", "4", "5", "PRN"}),
    ]
    assert "1" not in [w.text for w in words]  # (OCR dropped the crossed box's entry)
    cv2.rectangle(image, (1700, 595), (1746, 641), 0, 3)
    cv2.line(image, (1706, 600), (1740, 636), 0, 5)
    cv2.line(image, (1740, 600), (1706, 636), 0, 5)
    words += row(600, 1770, "Substitution permitted")
    assert read(DocumentType.PRESCRIPTION, words, image)["refills"] == 1


def test_a_quantity_written_close_under_its_heading_is_no_part_of_the_drug() -> None:
    """A hand writes the columns closer than print: under ``Qty`` and ``Area`` the amount
    and the body area are the columns' though only two heights from the drug, on every row
    of the block however far under the heading row."""
    image = blank()
    words = layout(
        [
            (200, 150, "Patient: Mateo Reyes"),
            (300, 400, "Medication"),
            (300, 850, "Disp."),
            (300, 1100, "Site"),
            (380, 150, "Rx"),
            (400, 400, "Cephalexin 500 mg"),
            (400, 850, "#28"),
            (500, 400, "Doxycycline 100 mg"),
            (500, 850, "#30"),
            (600, 400, "Hydroxyzine 10 mg tab"),
            (600, 850, "#14"),
            (700, 400, "Tretinoin 0.1% gel"),
            (700, 840, "30 g face"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == [
        "Cephalexin 500 mg",
        "Doxycycline 100 mg",
        "Hydroxyzine 10 mg tab",
        "Tretinoin 0.1% gel",
    ]


def test_wording_after_an_empty_blank_is_still_a_sentences_wording() -> None:
    """ "I am ____ tall and I weigh __81__": the height left blank, the weight is still read
    after its label in the wording between the blanks."""
    image = blank()
    words = [
        *_sentence(image, 500, ["My last name is", "[Moore]", "and my first name is", "[Amara]"]),
        *_sentence(image, 700, ["I am", "[]", "tall and I weigh", "[81]", ". My job is", "[Chef]"]),
    ]
    lines = page_lines([ocr_page(words)])
    between = printed_between(lines, {0: PageMarks(image)})
    assert [lines[1].words[i].text for i in sorted(between[1])][:5] == [
        "tall",
        "and",
        "I",
        "weigh",
        ".",
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["weight"] == 81
    assert "height" not in found


def test_an_address_in_captioned_parts_is_not_the_question_under_its_captions() -> None:
    """Parts read from the line under the captions ("May we leave a message?  Yes  No") do
    not look like an address together, and count less than the parts over the captions."""
    image = blank()
    words = [
        *_sentence(image, 500, ["My last name is", "[Davis]", "and my first name is", "[Carlos]"]),
        *_sentence(
            image,
            700,
            ["My home address is", "[79 Orchard Rd]", ",", "[Boston, MA 02118]", ",", "[US]"],
        ),
        *row(760, 520, "(street)"),
        *row(760, 1000, "(city, state, ZIP)"),
        *row(760, 1500, "(country)"),
        *_sentence(image, 860, ["My phone number is", "[(412)555-0192]", ". May we leave"]),
        *row(860, 1250, "a message?"),
        *row(860, 1520, "Yes"),
        *row(860, 1700, "No"),
        # typed values under their labels elsewhere: the form reads as labels over values
        *row(1000, 150, "Date of birth"),
        *row(1060, 150, "07/30/1993"),
        *row(1000, 900, "Phone (work)"),
        *row(1060, 900, "(412) 555-0199"),
        *row(1200, 150, "Date"),
        *row(1260, 150, "03/18/2022"),
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "79 Orchard Rd, Boston, MA 02118, US"


def test_a_claims_address_on_a_cards_back_keeps_its_town_line_and_no_number_after() -> None:
    """``Send claims to  PO Box 96219`` / ``Pittsburgh, PA 15222`` in the card's box: the
    cell's two lines, not the first alone, and not the payer's number under them."""
    image = blank()
    cv2.rectangle(image, (150, 560), (1200, 1000), 0, 3)
    cv2.rectangle(image, (1300, 560), (2400, 1000), 0, 3)
    words = layout(
        [
            (400, 150, "Insurance"),
            (480, 150, "Card front"),
            (480, 1300, "Card back"),
            (620, 200, "Health plan"),
            (620, 600, "Oscar Health"),
            (700, 200, "Member ID"),
            (700, 600, "9412028958"),
            (620, 1350, "Send claims to"),
            (620, 1800, "PO Box 96219"),
            (700, 1800, "Pittsburgh, PA 15222"),
            (780, 1800, "961406"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["insurance_address"] == "PO Box 96219, Pittsburgh, PA 15222"


def test_a_date_label_over_a_numbered_drug_is_no_column_heading() -> None:
    """``Date APRIL 23, 2021`` over ``Px 1. NAPROXEN 500 MG TAB``: the label stands over the
    row's number, left of where the drug begins, so the drug is not cut off as a column's."""
    image = blank()
    words = layout(
        [
            (300, 150, "Supervising physician DR. JULIA EDWARDS"),
            (400, 360, "Date APRIL 23, 2021"),
            (500, 150, "ORDERS"),
            (600, 150, "Px"),
            (600, 340, "1. NAPROXEN 500 MG TAB"),
            (700, 340, "2. FLUOXETINE 10 MG"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["NAPROXEN 500 MG TAB", "FLUOXETINE 10 MG"]


def test_a_whole_address_in_its_cell_is_not_run_on_into_the_name_under_it() -> None:
    """A patient box's ``Address: 68 Mill Ave, Seattle, WA 98109`` with the caregiver's name
    on the cell's next line: the address ends with its ZIP code's line."""
    image = blank()
    cv2.rectangle(image, (150, 380), (1400, 700), 0, 3)
    words = layout(
        [
            (300, 150, "Rx"),
            (420, 180, "Patient: Mateo Reyes"),
            (500, 180, "Address: 68 Mill Ave, Seattle, WA 98109"),
            (580, 350, "Helen Moore"),
            (800, 150, "Amoxicillin 500 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["patient_address"] == "68 Mill Ave, Seattle, WA 98109"


def test_a_word_over_a_break_in_a_ruled_lines_rule_is_part_of_the_value() -> None:
    """Handwritten directions on a rule that a word's tails broke: "for" begins at the first
    piece's end, yet the value goes on along the rule, so "for" is no printed wording (and
    no label of the patient's name)."""
    image = blank()
    y = 600
    cv2.line(image, (370, y + 40), (760, y + 40), RULE_GRAY, 2)
    cv2.line(image, (820, y + 40), (1500, y + 40), RULE_GRAY, 2)
    words = [
        *row(300, 150, "Rx"),
        *row(400, 150, "Cetirizine 10 mg"),
        *row(y, 150, "Directions"),
        *row(y, 380, "Cetirizine as needed"),
        Word("for", 0.95, BBox(764, y, 804, y + 36)),
        *row(y, 830, "pain, no more than 4 a day"),
    ]
    assert not printed_between(page_lines([ocr_page(words)]), {0: PageMarks(image)})
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["directions"] == "Cetirizine as needed for pain, no more than 4 a day"
