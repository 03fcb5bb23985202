"""The layout-independent reader on layouts it has no rules for: labels above values,
unlabelled names and addresses, pads with signatures, ruled grids, marks in the image."""

from __future__ import annotations

from datetime import date

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medreview.config import DateOrder, PipelineConfig
from medreview.documents import DocumentType, fields_of
from medreview.model import BBox, Word
from medreview.parsing import parse_fields, reader, values
from medreview.parsing.cells import captions_under
from medreview.parsing.choices import (
    REFILL_ROW,
    marked_by_image,
    option_spans,
    read_box_row,
    read_choice,
    split_slashes,
)
from medreview.parsing.layout import glued_value
from medreview.parsing.marks import PageMarks
from medreview.parsing.page import Candidate, Relation, build_page
from medreview.parsing.vocabulary import parse_vocabulary, vocabulary
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()
WIDTH, HEIGHT = 2550, 3300


def blank() -> np.ndarray:
    return np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)


def read(document_type: DocumentType, *pages: list[Word], images=None) -> dict[str, object]:
    ocr = [ocr_page(words, index) for index, words in enumerate(pages)]
    outcome = parse_fields(document_type, ocr, CONFIG, images)
    return {name: result.value for name, result in outcome.fields.items()}


# --- the real form: labels above values, unlabelled name and address ---------------------------


def labels_above_page_one() -> list[Word]:
    return layout(
        [
            (150, 2000, "17/12/2020"),
            (250, 900, "Patient Medical Record"),
            (400, 180, "Patient Information"),
            (470, 200, "Samuel Ortiz"),
            (470, 1500, "Birth Date"),
            (530, 200, "(415) 555-0182"),
            (530, 1500, "06/05/1972"),
            (590, 200, "77 Birch Rd"),
            (590, 1500, "Weight"),
            (650, 200, "Portland, 97201"),
            (650, 1500, "95"),
            (710, 200, "United States"),
            (710, 1500, "Height"),
            (770, 1500, "190"),
            (880, 180, "In Case of Emergency"),
            (950, 200, "Ana Ortiz"),
            (950, 1500, "12 Elm St, Salem, OR 97301"),
            (1010, 200, "Home phone"),
            (1010, 1500, "Work phone"),
            (1070, 200, "(503) 555-0199"),
            (1070, 1500, "(503) 555-0100"),
            (1180, 180, "General Medical History"),
            (1250, 200, "Chicken Pox (Varicella):"),
            (1310, 200, "IMMUNE"),
            (1370, 200, "Measles:"),
            (1430, 200, "NOT IMMUNE"),
            (1490, 200, "Have you had the Hepatitis B vaccination?"),
            (1550, 200, "No"),
            (1610, 200, "List any Medical Problems (asthma, seizures, headaches):"),
            (1670, 200, "Asthma, Migraine"),
        ]
    )


def labels_above_page_two() -> list[Word]:
    return layout(
        [
            (250, 900, "Patient Medical Record"),
            (400, 180, "Medical Insurance Details"),
            (470, 200, "Name of Insurance Company:"),
            (530, 200, "Northwind Mutual"),
            (590, 200, "Policy Number:"),
            (650, 200, "4820193375"),
            (710, 200, "500 Main St, Hartford, CT 06103"),
            (770, 200, "Expiry Date:"),
            (830, 200, "30 December 2020"),
            (890, 200, "Do you have medical insurance?"),
            (950, 200, "Yes"),
            (1010, 200, "List any allergies:"),
            (1070, 200, "Penicillin"),
            (1130, 200, "List any medication taken regularly:"),
            (1190, 200, "N/A"),
        ],
        page=1,
    )


def test_real_form_with_labels_above_and_unlabelled_values() -> None:
    values_read = read(
        DocumentType.PATIENT_DETAILS, labels_above_page_one(), labels_above_page_two()
    )
    assert values_read == {
        "record_date": "2020-12-17",
        "patient_name": "Samuel Ortiz",
        "phone": "(415) 555-0182",
        "address": "77 Birch Rd, Portland, 97201, United States",
        # day first: the document's own 17/12/2020 can only be read that way
        "birth_date": "1972-05-06",
        "weight": 95,
        "height": 190,
        "emergency_contact_name": "Ana Ortiz",
        "emergency_contact_phone": "(503) 555-0199",
        "emergency_contact_address": "12 Elm St, Salem, OR 97301",
        "chicken_pox": "immune",
        "measles": "not immune",
        "hepatitis_b_vaccination": "no",
        "medical_problems": ["Asthma", "Migraine"],
        "insurance_company": "Northwind Mutual",
        "policy_number": "4820193375",
        "insurance_address": "500 Main St, Hartford, CT 06103",
        "insurance_expiry": "2020-12-30",
        "has_insurance": "yes",
        "allergies": ["Penicillin"],
        "regular_medication": [],
    }


def test_fields_the_form_does_not_show_stay_absent() -> None:
    page = [w for w in labels_above_page_one() if w.bbox.y0 not in (530, 950, 1070)]
    values_read = read(DocumentType.PATIENT_DETAILS, page)
    for name in ("phone", "emergency_contact_name", "emergency_contact_phone"):
        assert name not in values_read, name
    assert values_read["patient_name"] == "Samuel Ortiz"
    # labels are never values
    assert all(v not in ("Home phone", "Work phone", "Birth Date") for v in values_read.values())


# --- a handwritten pad: NAME / ADDRESS on rules, inline dosing, circled refill, a signature --


def pad_words(refill_row: str = "0 1 2 3 4 5 PRN") -> list[Word]:
    return layout(
        [
            (120, 850, "Springfield Medical Clinic"),
            (180, 880, "12 Main St, Springfield, IL"),
            (400, 200, "NAME ____ Helen Okafor"),
            (400, 1400, "AGE 34"),
            (400, 1700, "DATE 03/14/2023"),
            (480, 200, "ADDRESS ____ 41 Orchard Lane, Springfield, IL"),
            (600, 200, "R"),
            (680, 300, "Betaloc 100mg - 1 tab BID"),
            (760, 300, "Dorzolamide 10 mg - 1 drop TID"),
            (1000, 200, f"REFILL {refill_row}"),
            (1500, 1500, "Dr. Steve Johnson"),
            (1580, 1500, "signature"),
            (1700, 200, "DEA# AH 02885739"),
            (1780, 200, "LIC # 901087"),
        ]
    )


def ring(image: np.ndarray, word: Word) -> None:
    box = word.bbox
    centre = ((box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2)
    axes = ((box.x1 - box.x0) // 2 + 22, (box.y1 - box.y0) // 2 + 12)
    cv2.ellipse(image, centre, axes, 0, 0, 360, 0, 5)


def test_pad_with_signed_prescriber_inline_dosing_and_circled_refill() -> None:
    words = pad_words()
    image = blank()
    two = next(w for w in words if w.text == "2" and w.bbox.y0 == 1000)
    ring(image, two)
    assert read(DocumentType.PRESCRIPTION, words, images=[image]) == {
        "prescriber": "Dr. Steve Johnson",
        "patient_name": "Helen Okafor",
        "date": "2023-03-14",
        "patient_address": "41 Orchard Lane, Springfield, IL",
        "medicines": ["Betaloc 100mg - 1 tab BID", "Dorzolamide 10 mg - 1 drop TID"],
        "refills": 2,
    }


def test_a_dea_number_is_never_the_prescriber() -> None:
    words = [w for w in pad_words() if w.bbox.y0 not in (120, 180, 1500)]
    assert "prescriber" not in read(DocumentType.PRESCRIPTION, words)


@pytest.mark.parametrize(
    ("line", "prescriber"),
    [("Signed: Dr Alan Reyes, M.D", "Dr Alan Reyes, M.D"), ("Signed: Alan Reyes", None)],
)
def test_a_doctor_signed_right_of_the_signature_label(line: str, prescriber: str | None) -> None:
    """``Signed: Dr ...`` names the signing doctor; a name without a doctor's mark there may
    be the patient's or a witness's, and is left alone."""
    words = [w for w in pad_words() if w.bbox.y0 not in (120, 180, 1500)] + layout(
        [(1300, 200, line)]
    )
    assert read(DocumentType.PRESCRIPTION, words).get("prescriber") == prescriber


def test_circled_refill_without_image_falls_back_to_the_words() -> None:
    assert read(DocumentType.PRESCRIPTION, pad_words("0 1 (3) 4 5 PRN"))["refills"] == 3


# --- a boxed grid: small labels in the cells' corners, check boxes --------------------------


def grid_image(cells: list[tuple[int, int, int, int]]) -> np.ndarray:
    image = blank()
    for x0, y0, x1, y1 in cells:
        cv2.rectangle(image, (x0, y0), (x1, y1), 0, 3)
    return image


def test_value_inside_the_ruled_cell_of_its_corner_label() -> None:
    cells = [(150, 300, 1200, 460), (1200, 300, 2400, 460), (150, 460, 2400, 620)]
    words = layout(
        [
            (130, 900, "Patient Medical Record"),
            (310, 170, "Policy #"),
            (310, 1220, "Valid until"),
            # values written lower in their cells, not under the labels' words
            (400, 600, "XZ-4820-1933"),
            (400, 1800, "06/30/2022"),
            (470, 170, "Name of Insurance Company"),
            (560, 1400, "Northwind Mutual"),
        ]
    )
    image = grid_image(cells)
    marks = PageMarks(image)
    label = next(w for w in words if w.text == "Policy")
    assert marks.cell_of(label.bbox) is not None
    values_read = read(DocumentType.PATIENT_DETAILS, words, images=[image])
    assert values_read["policy_number"] == "XZ48201933"
    assert values_read["insurance_expiry"] == "2022-06-30"
    assert values_read["insurance_company"] == "Northwind Mutual"


def test_a_blank_cell_takes_nothing_from_the_next_labelled_cell_down() -> None:
    """The next cell's corner label sits on the line between them.

    "Refills" reaches from y 1625 over a line at 1626: its cell is another field's, not the
    blank cell's column.
    """
    cells = [(150, 1279, 2390, 1626), (150, 1626, 2390, 1776)]
    words = layout(
        [
            (1280, 176, "Directions"),
            (1625, 179, "Refills"),
            (1700, 263, "0 5 PRN"),
        ]
    )
    values_read = read(DocumentType.PRESCRIPTION, words, images=[grid_image(cells)])
    assert "directions" not in values_read  # the refill row's "0 5 PRN" is not its value


def test_no_cell_without_vertical_lines() -> None:
    image = blank()
    cv2.line(image, (100, 500), (2400, 500), 0, 3)
    assert PageMarks(image).cell_of(BBox(200, 440, 400, 480)) is None


def boxes_row(ticked: str | None) -> tuple[list[Word], np.ndarray]:
    words = row(1000, 1100, "Yes") + row(1000, 1400, "No")
    image = blank()
    for word in words:
        x = word.bbox.x0 - 70
        cv2.rectangle(image, (x, 995), (x + 46, 1041), 0, 3)
        if word.text.lower() == ticked:
            cv2.line(image, (x + 6, 1018), (x + 20, 1036), 0, 7)
            cv2.line(image, (x + 20, 1036), (x + 58, 985), 0, 7)
    return words, image


@pytest.mark.parametrize("ticked", ["yes", "no", None])
def test_check_box_read_from_the_image(ticked: str | None) -> None:
    words, image = boxes_row(ticked)
    value, _ = read_choice(words, ("yes", "no"), PageMarks(image), start_x=900)
    assert value == ticked


def test_circled_choice_read_from_the_image() -> None:
    words = row(1000, 1100, "IMMUNE") + row(1000, 1500, "NOT IMMUNE")
    image = blank()
    ring(image, words[0])
    options = option_spans(words, ("immune", "not immune"))
    assert [o.choice for o in options] == ["immune", "not immune"]
    assert marked_by_image(words, options, PageMarks(image), start_x=900) == ("immune", True)


def test_ticked_box_answers_the_question_end_to_end() -> None:
    words, image = boxes_row("no")
    page = [
        *layout([(300, 200, "General Medical History")]),
        *row(1000, 200, "Hepatitis B vaccination:"),
        *words,
    ]
    assert (
        read(DocumentType.PATIENT_DETAILS, page, images=[image])["hepatitis_b_vaccination"] == "no"
    )


# --- candidates, anchors, assignment ----------------------------------------------------------


def test_label_synonyms_from_the_vocabulary() -> None:
    for text in ("DOB: 11/23/1984", "Date of Birth: 11/23/1984", "Birth Date 11/23/1984"):
        assert read(DocumentType.PATIENT_DETAILS, row(500, 200, text)) == {
            "birth_date": "1984-11-23"
        }, text
    assert read(DocumentType.PATIENT_DETAILS, row(500, 200, "Valid until: 30 Dec 2022")) == {
        "insurance_expiry": "2022-12-30"
    }


def test_ocr_damaged_labels_still_anchor() -> None:
    assert read(DocumentType.PATIENT_DETAILS, row(500, 200, "Telephnoe: 415.555.0182")) == {
        "phone": "(415) 555-0182"
    }


def test_a_word_serves_one_field() -> None:
    # "Date:" and "Birth Date:" compete for the same value; each gets its own
    words = layout([(150, 1900, "Date: 08/02/2021"), (500, 200, "Birth Date: 11/23/1984")])
    values_read = read(DocumentType.PATIENT_DETAILS, words)
    assert values_read == {"record_date": "2021-08-02", "birth_date": "1984-11-23"}


def test_assignment_keeps_the_best_consistent_set() -> None:
    shared = tuple(row(0, 0, "x"))
    other = tuple(row(100, 0, "y"))
    candidates = [
        Candidate("a", "x", shared, 0.9, Relation.RIGHT),
        Candidate("b", "x", shared, 0.8, Relation.BELOW),
        Candidate("b", "y", other, 0.5, Relation.SECTION),
        Candidate("a", "z", other, 0.3, Relation.SECTION),
    ]
    chosen = reader.assign(candidates)
    assert chosen["a"][0].value == "x"
    assert chosen["b"][0].value == "y"  # its best word was taken
    assert chosen["a"][1] == pytest.approx((0.9 - 0.3) / 0.9)


def test_confidence_falls_with_a_close_runner_up() -> None:
    clear = parse_fields(
        DocumentType.PATIENT_DETAILS, [ocr_page(row(500, 200, "Weight: 72 kg"))], CONFIG
    ).fields["weight"]
    assert 0.8 <= clear.confidence <= 1.0


def test_day_and_month_order_inferred_from_the_document() -> None:
    assert values.infer_date_order(["17/12/2020 and 05/06/1972"], DateOrder.MONTH_FIRST) == (
        DateOrder.DAY_FIRST
    )
    assert values.infer_date_order(["12/17/2020"], DateOrder.DAY_FIRST) is DateOrder.MONTH_FIRST
    assert values.infer_date_order(["05/06/1972"], DateOrder.DAY_FIRST) is DateOrder.DAY_FIRST
    assert values.infer_date_order(["17/12/2020 12/17/2020"], DateOrder.DAY_FIRST) is (
        DateOrder.DAY_FIRST
    )


@pytest.mark.parametrize(
    ("kind", "text", "fits"),
    [
        ("date", "May 6 1972", True),
        ("date", "17/12/20", True),
        ("date", "Samuel Ortiz", False),
        ("phone", "415.555.0182", True),
        ("phone", "95", False),
        ("number", "72.5 kg", True),
        ("number", "Main Street 12", False),
        ("code", "XZ-4820-1933", True),
        ("code", "Northwind", False),
        ("name", "Dr. Steve Johnson", True),
        ("name", "DEA# AH 02885739", False),
        ("name", "(FIRST, LAST)", False),
        ("address", "77 Birch Rd", True),
        ("address", "Portland, OR 97201", True),
        ("address", "Samuel Ortiz", False),
        ("address", "1 declare these details are true and complete", False),
        ("address", "4 Long Meadow Hill Farm Estate Road", True),
    ],
)
def test_value_types_recognise_their_values(kind: str, text: str, fits: bool) -> None:
    assert (values.VALUE_TYPES[kind].fit(text) >= 0.5) is fits


def test_every_field_has_a_value_type_and_a_hint() -> None:
    for document_type in (DocumentType.PRESCRIPTION, DocumentType.PATIENT_DETAILS):
        vocab = vocabulary(document_type)
        for spec in fields_of(document_type.value):
            kind = values.VALUE_TYPES[vocab.field(spec.name).value]
            assert kind.kind is spec.kind or spec.kind.value == "string", spec.name
            assert values.hint(spec)


def test_vocabulary_file_is_checked() -> None:
    with pytest.raises(ValueError, match="no table"):
        parse_vocabulary({}, frozenset(values.VALUE_TYPES))
    broken = {
        "prescription": {"fields": {"prescriber": {"value": "colour"}}},
        "patient_details": {},
    }
    with pytest.raises(ValueError, match="unknown value type"):
        parse_vocabulary(broken, frozenset(values.VALUE_TYPES))


@settings(max_examples=40, deadline=None)
@given(
    st.dates(min_value=date(1930, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(["%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%Y-%m-%d"]),
    st.sampled_from(["Date of Birth:", "DOB", "Birth Date"]),
    st.booleans(),
)
def test_any_date_form_under_or_beside_any_label(when, form, label, below) -> None:
    text = when.strftime(form)
    rows = [(500, 200, label), (560, 200, text)] if below else [(500, 200, f"{label} {text}")]
    assert read(DocumentType.PATIENT_DETAILS, layout(rows)).get("birth_date") == when.isoformat()


# --- what OCR damages: labels, circled words it drops, boxes it reads as letters ------------


def test_a_badly_read_label_counts_before_a_value_of_its_type() -> None:
    # "ADDRESS" read as "appress": believed, since an address follows it
    words = layout([(400, 200, "NAME Helen Okafor"), (480, 200, "appress 41 Orchard Lane")])
    assert read(DocumentType.PRESCRIPTION, words)["patient_address"] == "41 Orchard Lane"
    # but not before text of another kind
    words = layout([(400, 200, "NAME Helen Okafor"), (480, 200, "appress Helen")])
    assert "patient_address" not in read(DocumentType.PRESCRIPTION, words)


def test_a_capital_label_inside_a_line_of_values() -> None:
    words = layout([(480, 200, "ADDRESS 60 Washington St, Tucson, AZ 85701 DATE 09/04/2022")])
    values_read = read(DocumentType.PRESCRIPTION, words)
    assert values_read["patient_address"] == "60 Washington St, Tucson, AZ 85701"
    assert values_read["date"] == "2022-09-04"


def test_circled_choice_that_ocr_dropped() -> None:
    # the ring round "NO" hid it from OCR; only "YES" was read, with ink beside it
    words = row(1000, 200, "Hepatitis B vaccination?") + row(1000, 1100, "YES")
    image = blank()
    hidden = BBox(1300, 1000, 1360, 1036)
    cv2.putText(image, "NO", (1300, 1034), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    ring(image, Word("NO", 0.9, hidden))
    page = [*layout([(300, 200, "General Medical History")]), *words]
    assert (
        read(DocumentType.PATIENT_DETAILS, page, images=[image])["hepatitis_b_vaccination"] == "no"
    )


def test_refill_boxes_read_as_letters_are_found_in_the_image() -> None:
    # each box read glued to its entry, "3" read as "A3", "4" as "Lla"
    tokens = ["Lle", "Ll1", "L2", "A3", "Lla", "L5", "PRN"]
    words = row(1000, 200, "Refills")
    image = blank()
    for index, token in enumerate(tokens):
        x = 200 + index * 150
        words += row(1080, x + 50, token)
        cv2.rectangle(image, (x, 1075), (x + 40, 1115), 0, 3)
        if index == 3:
            cv2.line(image, (x + 5, 1095), (x + 18, 1110), 0, 6)
            cv2.line(image, (x + 18, 1110), (x + 50, 1060), 0, 6)
    page = [*layout([(300, 200, "Name: Helen Okafor")]), *words]
    assert read(DocumentType.PRESCRIPTION, page, images=[image])["refills"] == 3


def test_ring_round_a_refill_entry_ocr_dropped() -> None:
    tokens = ["0", "2", "3", "4", "5", "PRN"]
    xs = [400, 600, 700, 800, 900, 1000]
    entries = [w for t, x in zip(tokens, xs, strict=True) for w in row(1000, x, t)]
    words = row(1000, 200, "REFILL") + entries
    image = blank()
    ring(image, Word("1", 0.9, BBox(500, 1000, 518, 1036)))
    page = [*layout([(300, 200, "NAME Helen Okafor")]), *words]
    assert read(DocumentType.PRESCRIPTION, page, images=[image])["refills"] == 1
    # no ring anywhere and every entry read: no answer
    full = row(1000, 200, "REFILL") + row(1000, 400, "0 a 2 3 4 5 PRN")
    assert "refills" not in read(DocumentType.PRESCRIPTION, [*page[:3], *full], images=[blank()])


# --- tables, tilted grids, numbered forms, unfamiliar wording ----------------------------------


def tilted_grid(cells: list[tuple[int, int, int, int]], degrees: float) -> np.ndarray:
    """``grid_image`` turned by ``degrees`` round the page centre (a page scanned askew)."""
    turn = cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), degrees, 1.0)
    return cv2.warpAffine(grid_image(cells), turn, (WIDTH, HEIGHT), borderValue=255)


def turned(x: float, y: float, degrees: float) -> tuple[float, float]:
    """Where a point goes when the page turns by ``degrees`` round its centre."""
    turn = cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), degrees, 1.0)
    tx, ty = turn @ np.array([x, y, 1.0])
    return float(tx), float(ty)


@pytest.mark.parametrize("degrees", [0.0, 1.2, -1.2])
def test_cells_close_on_a_tilted_page(degrees: float) -> None:
    cells = [(150, 300, 1200, 460), (1200, 300, 2400, 460), (150, 460, 2400, 620)]
    marks = PageMarks(tilted_grid(cells, degrees))
    for x0, y0, x1, y1 in cells:
        cx, cy = turned(x0 + 140, y0 + 40, degrees)  # a label in the cell's corner
        cell = marks.cell_of(BBox(int(cx) - 100, int(cy) - 20, int(cx) + 100, int(cy) + 20))
        assert cell is not None, (x0, y0)
        # the cell's sides where the label is: the turned lines there
        assert abs(cell.y0 - turned(x0 + 140, y0, degrees)[1]) < 12
        assert abs(cell.y1 - turned(x0 + 140, y1, degrees)[1]) < 12
        assert abs(cell.x0 - turned(x0, y0 + 40, degrees)[0]) < 12
        assert abs(cell.x1 - turned(x1, y0 + 40, degrees)[0]) < 12


def test_value_in_the_next_cell_of_a_two_column_table() -> None:
    # labels in the left column's cells, answers in the right column's: one table row each
    cells = [(150, 300, 1150, 420), (1150, 300, 2400, 420)]
    cells += [(150, 420, 1150, 540), (1150, 420, 2400, 540)]
    cells += [(150, 540, 1150, 660), (1150, 540, 2400, 660)]
    words = layout(
        [
            (130, 900, "Patient Intake Sheet"),
            (350, 180, "Carrier:"),
            (350, 1180, "Oscar Health"),
            (470, 180, "Plan no."),
            (470, 1180, "NL-0388-9168"),
            (590, 180, "Covered by a plan:"),
            (590, 1180, "YES"),
        ]
    )
    values_read = read(DocumentType.PATIENT_DETAILS, words, images=[grid_image(cells)])
    assert values_read["insurance_company"] == "Oscar Health"
    assert values_read["policy_number"] == "NL03889168"
    assert values_read["has_insurance"] == "yes"


def test_a_neighbour_cell_with_its_own_label_is_not_a_value() -> None:
    # a grid: "Policy #" left blank, its neighbour cell holds another label and its value
    cells = [(150, 300, 1200, 460), (1200, 300, 2400, 460)]
    words = layout([(310, 170, "Policy #"), (310, 1220, "Valid until"), (400, 1800, "06/30/2022")])
    values_read = read(DocumentType.PATIENT_DETAILS, words, images=[grid_image(cells)])
    assert values_read == {"insurance_expiry": "2022-06-30"}


def test_numbered_form_with_dotted_leaders_and_units_in_labels() -> None:
    # what OCR keeps of "label ........ value" lines: the label, a few dots, the value
    words = layout(
        [
            (200, 190, "Clinical Registration Form"),
            (340, 1455, "Visit date: ."),
            (340, 1900, "10July 2022"),
            (500, 190, "1. Patient particulars"),
            (600, 200, "Name in full: ."),
            (600, 900, "George A. White"),
            (700, 200, "Wt (kg): .."),
            (700, 700, "60"),
            (700, 1300, "Stature (cm): ."),
            (820, 200, "Lives at:"),
            (820, 900, "19 Harbor Street, Boston, MA 02118"),
            (1000, 190, "2.Next of kin"),
            (1100, 200, "Full name:"),
            (1100, 900, "James Edwards"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words) == {
        "record_date": "2022-07-10",
        "patient_name": "George A. White",
        "weight": 60,
        "address": "19 Harbor Street, Boston, MA 02118",
        "emergency_contact_name": "James Edwards",
    }


def test_a_label_damaged_into_two_labels_anchors_both_fields() -> None:
    # "Height" read as "eight", as close to Weight as to Height: the values decide
    words = layout(
        [
            (300, 180, "Patient Information"),
            (400, 1400, "Weight"),
            (470, 1400, "103"),
            (560, 1400, "eight"),
            (630, 1400, "150"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words) == {"weight": 103, "height": 150}


def test_medicine_rows_numbered_in_a_table_and_dashes_kept() -> None:
    words = layout(
        [
            (300, 200, "Issued to: Naomi Tanaka"),
            (400, 200, "Medicine"),
            (480, 200, "1"),
            (480, 350, "Carvedilol 6.25 mg tab"),
            (560, 200, "2"),
            (560, 350, "Glipizide 5 mg - 2 tabs at night"),
            (700, 200, "How to take:"),
            (780, 220, "Carvedilol at bedtime"),
            (900, 200, "Repeat count: 0times"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words) == {
        "patient_name": "Naomi Tanaka",
        "medicines": ["Carvedilol 6.25 mg tab", "Glipizide 5 mg - 2 tabs at night"],
        "directions": "Carvedilol at bedtime",
        "refills": 0,
    }


def test_ring_round_an_entry_read_when_ocr_dropped_others() -> None:
    # OCR kept "2 3 4 PRN" of the row, the ringed 2 among them
    entries = [
        w for t, x in (("2", 600), ("3", 700), ("4", 800), ("PRN", 1000)) for w in row(1000, x, t)
    ]
    words = row(1000, 200, "REFILL") + entries
    image = blank()
    ring(image, entries[0])
    page = [*layout([(300, 200, "NAME Helen Okafor")]), *words]
    assert read(DocumentType.PRESCRIPTION, page, images=[image])["refills"] == 2
    assert "refills" not in read(DocumentType.PRESCRIPTION, page, images=[blank()])


@pytest.mark.parametrize("ticked", ["yes", "no"])
def test_check_box_read_under_a_photo_shadow(ticked: str) -> None:
    words, image = boxes_row(ticked)
    # a phone's shadow over the left of the page, the rest of it white
    shade = np.clip((np.arange(WIDTH, dtype=np.float64) - 1600) / 400, 0.0, 1.0) * 0.5 + 0.5
    shade = shade[np.newaxis, :]
    shadowed = np.asarray(image * shade, dtype=np.uint8)
    value, _ = read_choice(words, ("yes", "no"), PageMarks(shadowed), start_x=900)
    assert value == ticked


def test_faint_table_lines_still_close_cells() -> None:
    # thin gray lines (a blurred print) beside black text: long runs tell them from the text
    image = blank()
    for top in (1000, 1120, 1240):  # a two-column table of three rows
        cv2.rectangle(image, (200, top), (1150, top + 120), 185, 2)
        cv2.rectangle(image, (1150, top), (2350, top + 120), 185, 2)
    for y in range(300, 900, 60):
        cv2.putText(image, "Some printed words here", (200, y), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 4)
    marks = PageMarks(image)
    assert marks.cell_of(BBox(1200, 1030, 1400, 1090)) is not None
    # black text alone draws no cell
    assert marks.cell_of(BBox(220, 280, 500, 310)) is None


def test_refill_boxes_when_ocr_read_two_entries() -> None:
    # seven boxes drawn, the first ticked; OCR read the ticked box as one tall mark and PRN
    image = blank()
    for index in range(7):
        x = 200 + index * 200
        cv2.rectangle(image, (x, 1030), (x + 45, 1075), 0, 3)
    cv2.line(image, (205, 1050), (218, 1070), 0, 6)
    cv2.line(image, (218, 1070), (250, 1010), 0, 6)
    words = row(950, 180, "Refills")
    words += [
        Word("₀", 0.6, BBox(200, 1000, 290, 1088)),
        Word("PRN", 0.9, BBox(1460, 1025, 1550, 1086)),
    ]
    page = [*layout([(300, 200, "Name: Helen Okafor")]), *words]
    assert read(DocumentType.PRESCRIPTION, page, images=[image])["refills"] == 0


def test_ringed_entry_when_ocr_kept_three_entries_of_the_row() -> None:
    # the ring made OCR keep "0 3 PRN" of "0 1 2 3 4 5 PRN": the row, not a count of 0
    entries = [w for t, x in (("0", 400), ("3", 700), ("PRN", 1000)) for w in row(1000, x, t)]
    words = row(1000, 200, "REFILL") + entries
    image = blank()
    ring(image, entries[1])
    page = [*layout([(300, 200, "NAME Helen Okafor")]), *words]
    assert read(DocumentType.PRESCRIPTION, page, images=[image])["refills"] == 3
    assert "refills" not in read(DocumentType.PRESCRIPTION, page, images=[blank()])


# --- captions under the rules, tables with heading rows, answer columns -----------------------


def captions_form() -> tuple[list[Word], np.ndarray]:
    """Values written on rules, each rule's caption printed under it (some centred)."""
    image = blank()
    rules = [
        (200, 2300, 560),  # full name, its caption centred
        (200, 800, 700),
        (900, 1300, 700),
        (1400, 2300, 700),
        (200, 1100, 840),  # given names and surname, in parts
        (1200, 2300, 840),
    ]
    for x0, x1, y in rules:
        cv2.line(image, (x0, y), (x1, y), 0, 3)
    words = layout(
        [
            (140, 900, "Patient Registration"),
            (300, 180, "Patient identification"),
            (510, 220, "Omar Wright"),
            (572, 1050, "Forename(s) and surname"),
            (650, 220, "15.03.2005"),
            (650, 920, "52"),
            (650, 1420, "518.555.0155"),
            (712, 220, "Born"),
            (712, 920, "Wt."),
            (712, 1420, "Mobile"),
            (790, 220, "Omar"),
            (790, 1220, "Wright"),
            (852, 220, "Given name(s)"),
            (852, 1220, "Surname"),
        ]
    )
    return words, image


def test_values_written_over_their_captions() -> None:
    words, image = captions_form()
    values_read = read(DocumentType.PATIENT_DETAILS, words, images=[image])
    assert values_read["birth_date"] == "2005-03-15"
    assert values_read["weight"] == 52
    assert values_read["phone"] == "(518) 555-0155"
    assert values_read["patient_name"] == "Omar Wright"


def test_captions_are_told_from_labels_above_by_the_document() -> None:
    words, image = captions_form()
    ocr = [ocr_page(words)]
    doc = build_page(DocumentType.PATIENT_DETAILS, ocr, CONFIG, [image])
    assert captions_under(doc)
    above = [ocr_page(labels_above_page_one())]
    assert not captions_under(build_page(DocumentType.PATIENT_DETAILS, above, CONFIG, [blank()]))


def test_a_name_in_given_names_and_surname_parts() -> None:
    words, image = captions_form()
    # without the full name's rule, the parts are the name
    words = [w for w in words if w.bbox.y0 not in (510, 572)]
    assert read(DocumentType.PATIENT_DETAILS, words, images=[image])["patient_name"] == (
        "Omar Wright"
    )


def table_image(rows: list[int], columns: list[int], heading_divided: bool) -> np.ndarray:
    """A ruled table; the heading row (the first) may run across undivided."""
    image = blank()
    for y in rows:
        cv2.line(image, (columns[0], y), (columns[-1], y), 0, 3)
    for x in columns:
        top = rows[0] if heading_divided or x in (columns[0], columns[-1]) else rows[1]
        cv2.line(image, (x, top), (x, rows[-1]), 0, 3)
    return image


def test_medicines_read_down_their_table_column_without_the_quantity() -> None:
    image = table_image([1000, 1080, 1180, 1280, 1380], [180, 2050, 2370], heading_divided=False)
    words = layout(
        [
            (200, 900, "Outpatient Prescription"),
            (400, 200, "Patient name: Jacob Mensah"),
            (1020, 200, "Drug name & strength"),
            (1020, 2090, "Supply"),
            (1110, 200, "Ciprofloxacin 250 mg tab"),
            (1110, 2090, "21"),
            (1210, 200, "Alprazolam 1 mg"),
            (1210, 2090, "7"),
        ]
    )
    values_read = read(DocumentType.PRESCRIPTION, words, images=[image])
    assert values_read["medicines"] == ["Ciprofloxacin 250 mg tab", "Alprazolam 1 mg"]


def test_answers_ticked_in_the_y_and_n_columns_of_a_table() -> None:
    image = table_image([1900, 1980, 2080, 2180], [180, 1900, 2130, 2370], heading_divided=True)
    # a cross in the Y column of the first question, in the N column of the second
    for x, y in ((2000, 2010), (2230, 2110)):
        cv2.line(image, (x, y), (x + 40, y + 40), 0, 6)
        cv2.line(image, (x + 40, y), (x, y + 40), 0, 6)
    words = layout(
        [
            (200, 900, "Patient Registration"),
            (1800, 180, "Infection screening"),
            (1920, 200, "Please answer"),
            (1920, 2000, "Y"),
            (1920, 2240, "N"),
            (2010, 200, "Known to be immune to chickenpox?"),
            (2110, 200, "Measles (MMR) - immune?"),
        ]
    )
    values_read = read(DocumentType.PATIENT_DETAILS, words, images=[image])
    assert values_read["chicken_pox"] == "immune"
    assert values_read["measles"] == "not immune"


@pytest.mark.parametrize("ticked", ["yes", "no"])
def test_boxes_printed_after_their_choices(ticked: str) -> None:
    words = row(1000, 1100, "Y") + row(1000, 1400, "N")
    image = blank()
    for word in words:
        x = word.bbox.x1 + 30
        cv2.rectangle(image, (x, 995), (x + 46, 1041), 0, 3)
        if word.text.lower() == ticked[0]:
            cv2.line(image, (x + 4, 998), (x + 42, 1038), 0, 5)
            cv2.line(image, (x + 42, 998), (x + 4, 1038), 0, 5)
    value, _ = read_choice(words, ("yes", "no"), PageMarks(image), start_x=900)
    assert value == ticked


@pytest.mark.parametrize(
    ("written", "choices", "answer"),
    [
        ("Yes", ("immune", "not immune"), "immune"),
        ("N", ("immune", "not immune"), "not immune"),
        ("Y", ("yes", "no"), "yes"),
        ("Yes", ("male", "female"), None),
    ],
)
def test_a_written_yes_or_no_answers_a_question_of_two_choices(
    written: str, choices: tuple[str, ...], answer: str | None
) -> None:
    assert read_choice(row(1000, 1100, written), choices, None)[0] == answer


def test_ticked_entries_of_a_printed_tick_list() -> None:
    image = blank()
    entries = layout(
        [
            (1000, 260, "Asthma"),
            (1000, 860, "Diabetes"),
            (1000, 1460, "Epilepsy"),
            (1100, 260, "Migraine"),
            (1100, 860, "None of these"),
        ]
    )
    for word in entries:
        if word.text in ("Asthma", "Diabetes", "Epilepsy", "Migraine", "None"):
            x, y = word.bbox.x0 - 60, word.bbox.y0
            cv2.rectangle(image, (x, y), (x + 36, y + 36), 0, 3)
            if word.text in ("Diabetes", "Migraine"):
                cv2.line(image, (x + 4, y + 4), (x + 32, y + 32), 0, 5)
                cv2.line(image, (x + 32, y + 4), (x + 4, y + 32), 0, 5)
    page = [*row(900, 200, "Current medical conditions (tick all that apply)"), *entries]
    values_read = read(DocumentType.PATIENT_DETAILS, page, images=[image])
    assert values_read["medical_problems"] == ["Diabetes", "Migraine"]
    # what is written for "Other" follows the ticked entries
    page += row(1200, 200, "Other (please state): Gout, Acid reflux")
    values_read = read(DocumentType.PATIENT_DETAILS, page, images=[image])
    assert values_read["medical_problems"] == ["Diabetes", "Migraine", "Gout", "Acid reflux"]


def test_numbered_rows_run_on_past_the_fields_line_count() -> None:
    rows = [(1000, 200, "Regular medicines (name)")]
    rows += [(1080 + 80 * i, 200, f"{i + 1}. {d}") for i, d in enumerate(DRUGS)]
    values_read = read(DocumentType.PATIENT_DETAILS, layout(rows))
    assert values_read["regular_medication"] == list(DRUGS)


DRUGS = ("Omeprazole", "Rosuvastatin", "Cetirizine", "Metformin")


def test_a_quantity_column_and_what_follows_a_wider_gap_are_no_medicines() -> None:
    words = layout(
        [
            (200, 900, "Hospital Prescription"),
            (400, 200, "Patient name: Jacob Mensah"),
            (1000, 200, "Medicine (generic name)"),
            (1090, 200, "Gabapentin 300 mg"),
            (1090, 2100, "56"),
            (1180, 200, "Ibuprofen 400 mg"),
            (1180, 2100, "14"),
            (1270, 200, "Amoxicillin 500 mg"),
            (1270, 2100, "21"),
            (1560, 200, "Take 2 capsules by mouth once daily for 5 days"),
        ]
    )
    values_read = read(DocumentType.PRESCRIPTION, words)
    assert values_read["medicines"] == [
        "Gabapentin 300 mg",
        "Ibuprofen 400 mg",
        "Amoxicillin 500 mg",
    ]


def test_a_letterheads_telephone_and_fax_is_no_ones_phone() -> None:
    assert (
        read(DocumentType.PATIENT_DETAILS, row(300, 200, "Tel 502 555 0164 Fax 919 555 0194")) == {}
    )


def test_a_ticked_box_answers_though_ocr_missed_another_boxs_entry() -> None:
    entries = ("0", "1", "2", "3", "4", "PRN")
    image = blank()
    words = []
    for index, text in enumerate(entries):
        x = 400 + 200 * index
        cv2.rectangle(image, (x, 995), (x + 46, 1041), 0, 3)
        if text == "3":
            cv2.line(image, (x + 6, 1000), (x + 40, 1036), 0, 5)
            cv2.line(image, (x + 40, 1000), (x + 6, 1036), 0, 5)
        if text != "1":  # OCR did not read this entry
            words += row(1000, x + 70, text)
    value, _ = read_box_row(words, REFILL_ROW, PageMarks(image))
    assert value == "3"


def test_written_answers_under_one_y_n_heading_are_read_as_written() -> None:
    # one answer column headed "Y / N" (no line between Y and N): the written word decides
    image = table_image([1900, 1980, 2080], [180, 1900, 2370], heading_divided=True)
    words = layout(
        [
            (200, 900, "Patient Registration"),
            (1800, 180, "Infection screening"),
            (1920, 200, "Please answer"),
            (1920, 2100, "Y / N"),
            (2010, 200, "Measles (MMR) - immune?"),
            (2010, 2110, "No"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words, images=[image])["measles"] == "not immune"


def test_the_ticked_first_box_of_a_row_whose_entry_ocr_dropped() -> None:
    image = blank()
    words = []
    for index, text in enumerate(REFILL_ROW):
        x = 400 + 210 * index
        cv2.rectangle(image, (x, 995), (x + 46, 1041), 0, 3)
        if text == "0":
            cv2.line(image, (x + 6, 1000), (x + 40, 1036), 0, 5)
            cv2.line(image, (x + 40, 1000), (x + 6, 1036), 0, 5)
        elif text in ("1", "2", "5", "PRN"):  # what OCR read of the row
            words += row(1000, x + 70, text)
    value, _ = read_box_row(words, REFILL_ROW, PageMarks(image))
    assert value == "0"


@pytest.mark.parametrize(
    ("kind", "written", "value"),
    [
        ("name", "CarlosKowalski", "Carlos Kowalski"),
        ("name", "Ian McDonald", "Ian McDonald"),
        ("name", "Kevin JohnSon", "Kevin Johnson"),
        ("organisation", "UnitedHealthcare", "UnitedHealthcare"),
    ],
)
def test_person_names_run_together_are_parted(kind: str, written: str, value: str) -> None:
    assert values.VALUE_TYPES[kind].coerce(written) == value


# --- a letter's running text, a stamp, a sticker, struck-out answers ---------------------------


def letter_words() -> list[Word]:
    return layout(
        [
            (150, 240, "St. Luke's Outpatient Clinic"),
            (180, 1900, "Written: 2024-09-25"),
            (460, 1000, "RX ORDER"),
            (660, 300, "Dispense for Mateo Reyes, born 1938-12-08, address"),
            (740, 300, "3979 Magnolia St, Atlanta, 30309, as follows:"),
            (940, 400, "1. Cetirizine 10 mg tab"),
            (1020, 460, "Supply: #28"),
            (1100, 400, "2. Warfarin 5 mg"),
            (1180, 460, "Supply: #60"),
            (1400, 300, "Use: twice daily, do not stop without talking to your"),
            (1460, 340, "doctor"),
            (1700, 300, "Refills permitted: 5"),
            (2100, 1400, "Dr Kwame Johnson, MBBS"),
            (2170, 1400, "Pediatrics"),
            (2230, 1400, "Provider # 9070969"),
        ]
    )


def test_a_letter_names_its_values_inside_running_text() -> None:
    """Clauses after commas begin with labels; a label ending a line continues on the next."""
    assert read(DocumentType.PRESCRIPTION, letter_words()) == {
        "date": "2024-09-25",
        "patient_name": "Mateo Reyes",
        "patient_address": "3979 Magnolia St, Atlanta, 30309",
        "medicines": ["Cetirizine 10 mg tab", "Warfarin 5 mg"],
        "directions": "twice daily, do not stop without talking to your doctor",
        "refills": 5,
        "prescriber": "Dr Kwame Johnson, MBBS",
    }


def test_a_title_is_no_medicine_and_a_licence_number_nobody_s_name() -> None:
    words = [w for w in letter_words() if w.bbox.y0 not in (940, 1100, 2100)]
    values = read(DocumentType.PRESCRIPTION, words)
    assert "medicines" not in values  # "RX ORDER" names no drug and gives no strength
    assert "prescriber" not in values  # "Provider # 9070969" stamps no name


def test_a_label_written_with_its_colon_needs_one() -> None:
    """ "Use:" is the directions' label; "Isabel" or "use" in a sentence is not."""
    words = layout([(500, 200, "Isabel Walker, MD"), (700, 200, "Use: one tablet at night")])
    assert read(DocumentType.PRESCRIPTION, words)["directions"] == "one tablet at night"
    assert "directions" not in read(DocumentType.PRESCRIPTION, words[:3])


def test_a_sticker_s_name_over_its_birth_date_is_the_patient_s() -> None:
    words = layout(
        [
            (430, 1520, "Naomi Smith"),
            (520, 1515, "Date born: 03/19/1962"),
            (610, 1515, "Acct # 0209798"),
            (800, 640, "Wgt - 139"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words) == {
        "patient_name": "Naomi Smith",
        "birth_date": "1962-03-19",
        "weight": 139,
    }


def test_the_letterhead_phone_is_the_clinic_s_and_a_phone_s_kind_follows_it() -> None:
    words = layout(
        [
            (150, 240, "Old Mill Family Doctors"),
            (280, 240, "Phone (813) 555-0179"),
            (1030, 300, "Phone no. - (816) 555-0196 (home)"),
            (1400, 300, "Ph. - (617) 555-0186 (home) (303) 555-0111 (work)"),
        ]
    )
    image = blank()
    cv2.line(image, (240, 360), (2390, 360), 0, 4)  # the rule closing the letterhead
    values = read(DocumentType.PATIENT_DETAILS, words, images=[image])
    assert values["phone"] == "(816) 555-0196"
    assert values["emergency_contact_phone"] == "(617) 555-0186"
    assert read(DocumentType.PATIENT_DETAILS, words[:7], images=[image]) == {}


def test_no_known_allergies_is_an_empty_list() -> None:
    for text in ("NKDA", "NKA", "None known"):
        assert read(DocumentType.PATIENT_DETAILS, row(500, 200, f"Allergies: {text}")) == {
            "allergies": []
        }, text


def strike(image: np.ndarray, word: Word, slope: float = 0.0) -> None:
    box = word.bbox
    middle = (box.y0 + box.y1) // 2
    rise = int(slope * (box.x1 - box.x0) / 2)
    cv2.line(image, (box.x0 - 6, middle + rise), (box.x1 + 6, middle - rise), 0, 4)


@pytest.mark.parametrize("slope", [0.0, 0.05, -0.05])
def test_the_option_left_standing_when_the_other_is_struck_out(slope: float) -> None:
    words = row(1800, 1640, "IMMUNE") + row(1800, 1890, "/NOTIMMUNE*")
    image = blank()
    for word in words:  # the letters themselves: strokes, but no line across
        cv2.putText(image, word.text, (word.bbox.x0, word.bbox.y1), 0, 1.2, 0, 3)
    assert PageMarks(image).strike_mark(words[0].bbox) < 0.4
    strike(image, words[1], slope)
    marks = PageMarks(image)
    assert marks.strike_mark(words[1].bbox) > 0.8
    assert read_choice(words, ("immune", "not immune"), marks) == ("immune", 0.9)
    yes_no = row(2000, 1640, "YES") + row(2000, 1780, "/NO*")
    image = blank()
    strike(image, yes_no[0], slope)
    assert read_choice(yes_no, ("yes", "no"), PageMarks(image))[0] == "no"


def test_nothing_struck_leaves_the_choice_to_other_marks() -> None:
    words = row(1800, 1640, "IMMUNE") + row(1800, 1890, "NOT IMMUNE")
    image = blank()
    ring(image, words[0])
    assert read_choice(words, ("immune", "not immune"), PageMarks(image))[0] == "immune"


def test_labels_may_end_in_a_dash_and_share_a_line_far_apart() -> None:
    words = layout(
        [
            (1400, 440, "Person to notify – Maria Lee"),
            (1400, 1250, "Relation-. friend"),
            (1520, 700, "Wgt – 139"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["emergency_contact_name"] == "Maria Lee"
    assert values["weight"] == 139


def test_a_slash_ocr_glued_between_choices_parts_them() -> None:
    """ "IMMUNE/NOT IMMUNE" with the first struck out answers "not immune"."""
    words = row(2040, 1650, "IMMUNE/NOT IMMUNE")
    image = blank()
    first = words[0].bbox
    cv2.line(image, (first.x0, (first.y0 + first.y1) // 2), (first.x0 + 110, 2058), 0, 4)
    assert read_choice(words, ("immune", "not immune"), PageMarks(image))[0] == "not immune"


def test_the_slash_printed_between_choices_is_no_tick() -> None:
    words = row(2150, 1650, "YES / NO*")
    assert read_choice(words, ("yes", "no"), PageMarks(blank()))[0] is None
    assert read_choice(words, ("yes", "no"), None)[0] is None


def test_a_lower_case_word_is_no_address() -> None:
    words = layout([(600, 300, "Please dispense to Fatima Smith, of"), (604, 2250, "the")])
    assert "patient_address" not in read(DocumentType.PRESCRIPTION, words)


def test_a_number_glued_to_its_label_is_read_and_a_code_stays_whole() -> None:
    words = layout(
        [
            (700, 300, "1. Metoprolol 25 mg tab"),
            (990, 290, "May be refilled6 times"),
            (1300, 300, "Policy no: ABC123456"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words[:9])["refills"] == 6
    assert read(DocumentType.PATIENT_DETAILS, words[9:])["policy_number"] == "ABC123456"


def test_a_phone_in_brackets_is_no_qualifier_of_its_label() -> None:
    words = row(1296, 673, "TEL. NO.- (816)555-0124 (home)")
    assert read(DocumentType.PATIENT_DETAILS, words) == {"phone": "(816) 555-0124"}


def on_end(y: int, text: str) -> Word:
    """A word of a margin strip's title, turned on end."""
    return Word(text, 0.9, BBox(170, y, 224, y + 28 * len(text)))


def test_a_title_turned_on_end_in_the_margin_joins_no_line() -> None:
    """ "IN AN EMERGENCY" up the margin neither labels the lines it crosses nor ends a value."""
    words = [
        *layout(
            [
                (1040, 640, "Addr. - 87 Magnolia Way"),
                (1120, 776, "Tampa, 33602, United States"),
                (1274, 291, "Contact in emergency- Diego Nelson"),
                (1540, 288, "Addr.(contact)- 297 Madison Way, Kansas City, MO 64105"),
            ]
        ),
        Word("IN", 0.9, BBox(170, 1263, 224, 1306)),
        Word("AN", 0.9, BBox(170, 1326, 224, 1377)),
        on_end(1100, "PERSONAL"),
        on_end(1388, "EMERGENCY"),
    ]
    assert read(DocumentType.PATIENT_DETAILS, words) == {
        "address": "87 Magnolia Way, Tampa, 33602, United States",
        "emergency_contact_name": "Diego Nelson",
        "emergency_contact_address": "297 Madison Way, Kansas City, MO 64105",
    }


def test_a_long_title_on_end_is_not_laid_flat_beside_a_line() -> None:
    """ "CONTACT" up the margin beside the patient's phone joins no line (a box's short label
    turned up its side would, laid flat beside its value)."""
    words = [*layout([(1110, 291, "Phone: 415-555-0101")]), on_end(1030, "CONTACT")]
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], PipelineConfig(), [None])
    assert [line.text for line in doc.lines] == ["Phone: 415-555-0101"]


def test_a_label_ending_a_column_s_line_wraps_nothing() -> None:
    """ "Weight" printed right of an address line is no clause: the next line is not its value."""
    words = layout(
        [
            (756, 1397, "Weight"),
            (760, 211, "45 BIRCH PL"),
            (845, 1396, "104"),
            (850, 203, "PORTLAND, OR 97201"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words).get("weight") == 104


def test_a_shared_label_s_second_place_is_the_emergency_contact_s() -> None:
    """With no section heading read, the second "Tel. no." is the contact's; the first is blank."""
    words = layout(
        [
            (650, 300, "Client name - Nora Walker"),
            (1030, 300, "Tel. no. -"),
            (1270, 300, "Person to notify - Ian Ward"),
            (1410, 300, "Tel. no. - (602) 555-0117"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values.get("emergency_contact_phone") == "(602) 555-0117"
    assert "phone" not in values


def test_the_generic_reader_undoes_ocr_slips_in_names_addresses_and_lists() -> None:
    """The repairs learned layouts make (``repair_words``) serve the generic reader too."""
    words = layout(
        [
            (500, 200, "Name: HaSSan Davis"),
            (560, 200, "Address: 419.Harbor Place, Baton Rouge, LiA 70802"),
            (620, 200, "Medical Problems: CoPD, Asthma"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words) == {
        "patient_name": "Hassan Davis",
        "address": "419 Harbor Place, Baton Rouge, LA 70802",
        "medical_problems": ["COPD", "Asthma"],
    }


def test_a_small_printed_label_after_handwritten_capitals_is_a_label() -> None:
    """ "... MORGAN PHONE 916.555.0101": the label printed smaller than the capitals before it."""

    def word(text: str, x0: int, x1: int, height: int) -> Word:
        return Word(text, 0.9, BBox(x0, 1230, x1, 1230 + height))

    words = [
        word("EMERGENCY", 206, 500, 60),
        word("CONTACT", 520, 740, 60),
        word("SAMUEL", 867, 1102, 73),
        word("W.", 1144, 1218, 71),
        word("MORGAN", 1237, 1496, 72),
        word("PHONE", 1565, 1745, 59),
        word("916.555.0101", 1798, 2195, 76),
    ]
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["emergency_contact_name"] == "SAMUEL W. MORGAN"
    assert values["emergency_contact_phone"] == "(916) 555-0101"


@pytest.mark.parametrize(("slope", "width"), [(0.05, 1), (-0.05, 1), (0.07, 2), (-0.07, 3)])
def test_a_rule_on_a_page_tilted_3_or_4_degrees_is_one_line(slope: float, width: int) -> None:
    """A thin line stepping from row to row along a tilted page is still found whole."""
    image = blank()
    cv2.line(image, (200, 1500), (2400, int(1500 + 2200 * slope)), 0, width)
    rules = [r for r in PageMarks(image).rules()[0] if r.end - r.start > 1500]
    assert rules
    assert all(abs(r.slope - slope) < 0.01 for r in rules)


def test_handwriting_over_its_cell_s_bottom_line_is_the_cell_s() -> None:
    """ "ANEMIA, OSTEOPOROSIS" written low, over the line closing the label's cell."""
    cells = [(150, 1300, 2400, 1400), (150, 1400, 2400, 1500)]
    words = [
        *row(1310, 170, "MEDICAL PROBLEMS"),
        Word("ANEMIA,", 0.9, BBox(186, 1375, 420, 1445)),
        Word("OSTEOPOROSIS", 0.9, BBox(467, 1366, 900, 1436)),
    ]
    values = read(DocumentType.PATIENT_DETAILS, words, images=[grid_image(cells)])
    assert values["medical_problems"] == ["ANEMIA", "OSTEOPOROSIS"]


def test_a_question_s_answer_past_its_cell_when_no_answer_columns_take_it() -> None:
    """A photo's cell closes round the question; the circled answer beyond it still counts."""
    cells = [(150, 1800, 1500, 1900)]
    words = [*row(1830, 170, "Measles immune?"), *row(1830, 1700, "NOT IMMUNE")]
    values = read(DocumentType.PATIENT_DETAILS, words, images=[grid_image(cells)])
    assert values["measles"] == "not immune"


def test_running_text_wording_labels_only_where_a_clause_begins() -> None:
    """ "of" begins an address after a comma ("Fatima Smith, of 12 Elm St"), not a wrapped line."""
    words = layout(
        [
            (730, 200, "Name: Leila Collins"),
            (1010, 170, "R"),
            (1100, 400, "Atenolol 25 mg"),
            (1300, 200, "Directions:"),
            (1390, 250, "Atenolol one tablet every 8 hours with food Drink plenty"),
            (1490, 260, "of water and avoid alcohol Call the office if you notice"),
            (1600, 260, "a rash or swelling"),
            (1750, 190, "Refill: 3 times"),
        ]
    )
    values = read(DocumentType.PRESCRIPTION, words)
    assert values["medicines"] == ["Atenolol 25 mg"]
    assert "patient_address" not in values
    letter = row(600, 300, "Please fill for Fatima Smith, of 12 Elm St, Dover, DE 19901")
    address = read(DocumentType.PRESCRIPTION, letter)["patient_address"]
    assert address == "12 Elm St, Dover, DE 19901"


# --- bilingual forms, questions with their lists, names picked by a tick -----------------------


def test_a_label_printed_again_after_a_slash_in_spanish_anchors_its_value() -> None:
    """ "Date of birth / Fecha de nacimiento" is one label twice; OCR drops accents at will."""
    words = layout(
        [
            (500, 200, "Date of birth / Fecha de nacimiento March 14, 1968"),
            (600, 200, "Peso 63"),
            (600, 1400, "Teléfono (602) 555-0142"),
            (700, 200, "Telefono del contacto (415) 555-0110"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["birth_date"] == "1968-03-14"
    assert values["weight"] == 63  # two digits full height: a value, not a speck
    assert values["phone"] == "(602) 555-0142"


def test_a_translation_the_vocabulary_lacks_is_skipped_to_the_value() -> None:
    """After the slash, a phrase in sentence case or a question is the label's second
    language; one capitalised word alone there may be the value itself."""
    words = layout(
        [
            (500, 200, "Where you live / Donde vive 484 Pine Terrace, Austin, 78701"),
            (600, 200, "Who should we call? / ¿A quien llamamos? Hannah Hill"),
            (700, 200, "Insurance company / Aseguradora Aetna"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["address"] == "484 Pine Terrace, Austin, 78701"
    assert values["emergency_contact_name"] == "Hannah Hill"
    assert values["insurance_company"] == "Aetna"


def test_a_word_of_letters_alone_is_no_policy_number() -> None:
    words = row(700, 200, "Subscriber ID / Suscriptor")
    assert "policy_number" not in read(DocumentType.PATIENT_DETAILS, words)


def test_a_value_glued_to_its_label_s_colon_or_dash_is_read() -> None:
    """ "WGT-83", "HT.-183", "D/0/B:12/10/1961": OCR dropped the space after the label's mark."""
    words = layout(
        [
            (500, 1500, "D/0/B:12/10/1961"),
            (800, 700, "WGT-83 BODY HT.-183"),
            (900, 700, "HEALTH PROBLEMS- COVID-19"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["birth_date"] == "1961-12-10"
    assert values["weight"] == 83
    assert values["height"] == 183
    assert values["medical_problems"] == ["COVID-19"]


def test_a_letter_s_address_ends_before_its_sentence_runs_on() -> None:
    """ "who lives at ... 29401, the following:": the address ends at its ZIP, and the
    medicines are the lines after the sentence, not the address nor its lead-in."""
    words = layout(
        [
            (700, 350, "Dispense for Kwame Haddad, b. November 1, 1936, who lives at"),
            (785, 350, "8714 Cedar Street Apt 6, Charleston, 29401 ,the following:"),
            (907, 320, "Px 1. Famotidine 20 mg"),
            (1025, 580, "Qty: #10"),
            (1124, 510, "2. Sertraline 25 mg tab"),
            (1870, 350, "May be refilled 3 X"),
        ]
    )
    values = read(DocumentType.PRESCRIPTION, words)
    assert values["patient_address"] == "8714 Cedar Street Apt 6, Charleston, 29401"
    assert values["medicines"] == ["Famotidine 20 mg", "Sertraline 25 mg tab"]


def test_an_address_line_above_the_medicines_is_no_medicine() -> None:
    words = layout(
        [
            (400, 200, "Patient: Helen Okafor"),
            (480, 200, "41 Orchard Lane, Springfield, 62704"),
            (600, 200, "1 MELOXICAM I5 MG TAB"),
            (680, 200, "2 Famotidine 20 mg"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words)["medicines"] == [
        "MELOXICAM 15 MG TAB",
        "Famotidine 20 mg",
    ]


def test_another_types_label_with_a_value_of_its_type_is_no_medicine() -> None:
    """ "BIRTH DATE 2009-05-21" on a prescription has no colon, but its date tells it is a
    record's field; "Allergy relief" is a medicine however like "Allergies" it reads."""
    words = layout(
        [
            (400, 200, "Patient: Helen Okafor"),
            (480, 200, "BIRTH DATE 2009-05-21"),
            (600, 200, "Nitrofurantoin 100 mg cap"),
            (680, 200, "Allergy relief 10 mg"),
        ]
    )
    values = read(DocumentType.PRESCRIPTION, words)
    assert values["medicines"] == ["Nitrofurantoin 100 mg cap", "Allergy relief 10 mg"]
    assert "date" not in values


def test_labels_printed_together_are_label_text_when_ocr_reads_the_slash_as_a_digit() -> None:
    page = [ocr_page(row(100, 100, "CITY"))]
    doc = build_page(DocumentType.PATIENT_DETAILS, page, CONFIG, None)
    assert doc.is_label_text("STATE7ZIP") and doc.is_label_text("State/Zip")
    assert not doc.is_label_text("Hartford") and not doc.is_label_text("B7C")


def test_a_date_a_printed_label_introduces_is_nobody_else_s() -> None:
    """A letter's "born 19 Sep 1951" is the patient's birth, never the prescription's date."""
    words = layout(
        [
            (500, 290, "Please fill for Zara D. White , born 19 Sep 1951, who lives at"),
            (600, 320, "2 Spring Dr, Columbus, OH, as follows:"),
            (780, 380, "1. Montelukast 10 mg tab"),
        ]
    )
    assert "date" not in read(DocumentType.PRESCRIPTION, words)


def test_a_choice_printed_in_two_languages_counts_once() -> None:
    """ "Not immune / No inmune" is one option; the "No" of "No sé" is no answer."""
    words = row(1000, 300, "Immune / Inmune Not immune / No inmune Don't know / No sé")
    options = option_spans(words, ("immune", "not immune"))
    assert [(o.choice, words[o.start].text) for o in options] == [
        ("immune", "Immune"),
        ("not immune", "Not"),
    ]
    yes_no = option_spans(row(1000, 300, "Yes / Sí No Don't know / No sé"), ("yes", "no"))
    assert [o.choice for o in yes_no] == ["yes", "no"]


def bubbles(marked: int, texts: list[str]) -> tuple[list[Word], np.ndarray]:
    """A row of printed bubbles, each before its option; the ``marked`` one filled."""
    image = blank()
    words: list[Word] = []
    x = 700
    for index, text in enumerate(texts):
        cv2.circle(image, (x + 18, 1018), 16, 0, -1 if index == marked else 3)
        option = row(1000, x + 50, text)
        words += option
        x = option[-1].bbox.x1 + 90
    return words, image


@pytest.mark.parametrize("marked", [0, 1, 2])
def test_filled_bubbles_answer_and_a_marked_don_t_know_answers_nothing(marked: int) -> None:
    """A bubble beside the next option is no ring round the one before it."""
    words, image = bubbles(marked, ["Immune", "Not immune", "Don't know"])
    page = [*row(1000, 200, "Measles"), *words]
    values = read(DocumentType.PATIENT_DETAILS, page, images=[image])
    assert values.get("measles") == ["immune", "not immune", None][marked]


def test_choices_ocr_ran_together_are_taken_apart() -> None:
    """ "YesNo", "Yes.No" and a label with its value glued on ("nameVictor")."""
    glued = split_slashes(row(1000, 300, "YesNo Don't know"))
    assert [w.text for w in glued] == ["Yes", "No", "Don't", "know"]
    assert [w.text for w in split_slashes(row(1000, 300, "Yes.No"))] == ["Yes", "No"]
    assert glued_value("nameVictor") == ("name", "Victor")
    assert glued_value("phone(617)555-0144") == ("phone", "(617)555-0144")
    assert glued_value("McDonald") is None
    words = layout(
        [(500, 200, "Full legal nameVictor Richardson"), (600, 200, "Primary phone(617)555-0144")]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["patient_name"] == "Victor Richardson"
    assert values["phone"] == "(617) 555-0144"


def test_an_address_in_parts_along_one_line_and_its_country_under_it() -> None:
    """City, state and ZIP each under a label of their own; the country on the next row."""
    words = layout(
        [
            (400, 180, "Patient"),
            (500, 200, "Number and street 2243 Elm Ln Apt 40"),
            (600, 200, "City / town Cheyenne"),
            (600, 1200, "State WY"),
            (600, 1700, "Zip code 82001"),
            (700, 200, "Country USA"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["address"] == "2243 Elm Ln Apt 40, Cheyenne, WY 82001, USA"
    one = layout(
        [(500, 200, "Home address 2703 Mill Road, Denver, 80203"), (600, 200, "Country USA")]
    )
    assert (
        read(DocumentType.PATIENT_DETAILS, one)["address"] == "2703 Mill Road, Denver, 80203, USA"
    )


def test_a_label_s_note_in_small_letters_and_words_before_a_label() -> None:
    """ "Name (first, middle, last) Sofia Moore" and "Best phone number 614.555.0196"."""
    words = layout(
        [
            (500, 200, "Name (first, middle, last) Sofia Moore"),
            (600, 200, "Best phone number 614.555.0196"),
            (700, 200, "Insurance company Pioneer Health Insurance"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["patient_name"] == "Sofia Moore"
    assert values["phone"] == "(614) 555-0196"
    assert values["insurance_company"] == "Pioneer Health Insurance"  # no label inside a value


def question_row(y: int, question: str, ticked: str) -> tuple[list[Word], list[tuple[int, int]]]:
    """A yes/no question with a box before each answer; where the boxes are drawn."""
    words = row(y, 200, question)
    boxes: list[tuple[int, int]] = []
    x = words[-1].bbox.x1 + 120
    for answer in ("Yes", "No"):
        boxes.append((x, ticked == answer.lower()))
        words += row(y, x + 70, answer)
        x += 300
    return words, boxes


def draw_boxes(image: np.ndarray, y: int, boxes: list[tuple[int, int]]) -> None:
    for x, ticked in boxes:
        cv2.rectangle(image, (x, y - 5), (x + 46, y + 41), 0, 3)
        if ticked:
            cv2.line(image, (x + 6, y + 18), (x + 20, y + 36), 0, 7)
            cv2.line(image, (x + 20, y + 36), (x + 58, y - 15), 0, 7)


def test_a_list_asked_as_a_question_no_is_empty_and_yes_is_the_if_yes_row() -> None:
    image = blank()
    allergies, allergy_boxes = question_row(1000, "Do you have any allergies?", "no")
    problems, problem_boxes = question_row(1200, "Any medical conditions?", "yes")
    draw_boxes(image, 1000, allergy_boxes)
    draw_boxes(image, 1200, problem_boxes)
    words = [
        *allergies,
        *row(1100, 200, "If yes, list them"),
        *problems,
        *row(1300, 200, "If yes, list them Asthma, Migraine"),
    ]
    values = read(DocumentType.PATIENT_DETAILS, words, images=[image])
    assert values["allergies"] == []
    assert values["medical_problems"] == ["Asthma", "Migraine"]


def test_a_lexicon_drug_is_no_damaged_label() -> None:
    """ "Salbutamol" is close to "Sarampión" (measles) but is a value the lexicon knows."""
    words = row(500, 200, "Regular Medication: Salbutamol; Metformin")
    assert read(DocumentType.PATIENT_DETAILS, words)["regular_medication"] == [
        "Salbutamol",
        "Metformin",
    ]


def test_a_pad_s_footer_and_quantity_column_are_no_medicines() -> None:
    """ "Rx void if more than 4 ..." opens a sentence; "#14" stands in the quantity column."""
    words = layout(
        [
            (500, 200, "PATIENT Marcus Stewart"),
            (600, 200, "DATE 15.03.2024"),
            (700, 2100, "QTY"),
            (800, 300, "1. Rosuvastatin 5 mg tab"),
            (800, 2100, "#14"),
            (900, 300, "2. Metformin 500 mg"),
            (900, 2100, "#20"),
            (1100, 200, "SIG: one tablet daily"),
            (3000, 200, "Rx void if more than 4 prescriptions are written on this blank."),
        ]
    )
    values = read(DocumentType.PRESCRIPTION, words)
    assert values["medicines"] == ["Rosuvastatin 5 mg tab", "Metformin 500 mg"]


def test_refill_boxes_ocr_read_as_glyphs_after_their_entries() -> None:
    """ "0☐ 1☐ ... PRN☑": the ticked glyph answers; a lone box answers the entry before it."""
    page = [*row(300, 200, "NAME Helen Okafor"), *row(1000, 200, "Refill")]
    ticked = row(1000, 400, "0□ 1□ 2□ 3□ 4□ 5□ PRN☑")
    assert read(DocumentType.PRESCRIPTION, [*page, *ticked])["refills"] == "PRN"
    words = row(1000, 400, "0□ 1 2□ 3□ 4□ 5□ PRN□")
    image = blank()
    one = words[1].bbox
    draw_boxes(image, 1000, [(one.x1 + 12, True)])
    assert read(DocumentType.PRESCRIPTION, [*page, *words], images=[image])["refills"] == 1


def test_refill_boxes_ocr_read_as_glyphs_before_their_entries() -> None:
    """ "☐0 ☐1 ... ☑5 or ___": each box is its entry's, and "5 or" is the entry 5.

    The lone ticked box OCR did not read before "5" answers 5; a row of words under the
    row ("Do not substitute") is no count of refills.
    """
    page = [*row(300, 200, "NAME Helen Okafor"), *row(1000, 200, "No. of repeats")]
    ticked = row(1000, 600, "□0 □1 □2 □3 □4 ☑5 or")
    assert read(DocumentType.PRESCRIPTION, [*page, *ticked])["refills"] == 5
    words = row(1000, 600, "□0 □1 □2 □3 □4 5 or")
    image = blank()
    five = words[5].bbox
    draw_boxes(image, 1000, [(five.x0 - 50, True)])
    under = row(1100, 200, "Do not substitute")
    found = read(DocumentType.PRESCRIPTION, [*page, *words, *under], images=[image])
    assert found["refills"] == 5


def test_the_ticked_one_of_a_practice_s_doctors_is_the_prescriber() -> None:
    image = blank()
    words = row(200, 200, "Canyon View Medical Group") + row(300, 200, "CHECK PRESCRIBER:")
    for index, (name, ticked) in enumerate(
        [
            ("Dr Elena Davis, MBBS", False),
            ("Dr. Maria Evans, D.O.", False),
            ("Dr Jacob Turner", True),
        ]
    ):
        y = 400 + 80 * index
        words += row(y, 300, name)
        draw_boxes(image, y, [(220, ticked)])
    words += row(700, 200, "DATE ISSUED 4/7/22") + row(800, 200, "Patient Ana Mitchell")
    values = read(DocumentType.PRESCRIPTION, words, images=[image])
    assert values["prescriber"] == "Dr Jacob Turner"


def test_a_label_right_after_a_value_s_number_and_a_name_like_a_label() -> None:
    """ "DOB 25 Apr 1970 Date written 23 Sep 2019"; "PATIENT Isabel S. Oyelaran" (no "Label")."""
    words = layout(
        [
            (500, 200, "PATIENT Isabel S. Oyelaran"),
            (600, 200, "Date of birth 25 Apr 1970 Date written 23 Sep 2019"),
            (800, 300, "Rx1 Lisinopril 10 mg"),
            (1000, 200, "Refills 2"),
        ]
    )
    values = read(DocumentType.PRESCRIPTION, words)
    assert values["patient_name"] == "Isabel S. Oyelaran"
    assert values["date"] == "2019-09-23"
    assert values["medicines"] == ["Lisinopril 10 mg"]


def test_the_next_question_is_no_answer_below_a_choice_s_label() -> None:
    """The measles row's choices unread: "Were you sick ...? [X] Yes" under it is another's."""
    words = layout([(500, 200, "Measles"), (600, 200, "Were you sick this year? [X] Yes [ ] No")])
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert "measles" not in values
    assert [w.text for w in split_slashes(row(500, 300, "(rubeola)immune"))] == [
        "(rubeola)",
        "immune",
    ]


def test_a_value_cell_on_a_tilted_page_keeps_its_line_s_words() -> None:
    """A line drawn askew from the row above crosses the value: the value runs on past it."""
    cells = [(150, 1200, 420, 1300), (420, 1200, 1180, 1300), (150, 1000, 1180, 1200)]
    words = [
        *row(1230, 170, "Address"),
        Word("7", 0.9, BBox(455, 1224, 480, 1262)),
        Word("MADISON", 0.9, BBox(522, 1214, 780, 1252)),
        Word("COURT,", 0.9, BBox(812, 1207, 1030, 1245)),
        Word("PORTLAND,", 0.9, BBox(1058, 1201, 1380, 1239)),
        Word("OR", 0.9, BBox(1426, 1195, 1500, 1233)),
    ]
    values = read(DocumentType.PATIENT_DETAILS, words, images=[grid_image(cells)])
    assert values["address"] == "7 MADISON COURT, PORTLAND, OR"


def test_a_contact_s_name_ends_before_their_relation_and_number() -> None:
    """ "Emergency contact: Jane Doe (wife) 555-123-4567" names Jane Doe."""
    words = row(500, 200, "Emergency contact: Jane Doe (wife) 555-123-4567")
    assert read(DocumentType.PATIENT_DETAILS, words)["emergency_contact_name"] == "Jane Doe"


@pytest.mark.parametrize(("written", "refills"), [("NR", 0), ("x2", 2), ("two", 2), ("none", 0)])
def test_refills_written_as_words_or_marks(written: str, refills: int) -> None:
    words = layout([(500, 200, "Name: John Doe"), (700, 200, "Amoxicillin 500 mg")])
    words += row(800, 200, f"Refills: {written}")
    assert read(DocumentType.PRESCRIPTION, words)["refills"] == refills


def test_a_refill_row_ocr_ran_together_answers_by_its_crossed_box() -> None:
    page = [*row(300, 200, "NAME Helen Okafor"), *row(1000, 200, "Refill authorized")]
    glued = row(1000, 700, "0×1□2□3□4□5□PRN□")
    assert read(DocumentType.PRESCRIPTION, [*page, *glued])["refills"] == 0


def test_a_phone_among_other_words_right_of_its_label() -> None:
    """The second language's label and the phone's kinds around it; another phone is not it."""
    words = layout(
        [
            (500, 200, "Best phone number / Mejor numero +1 412 555 0143 Home / Casa O Cell"),
            (600, 200, "Main number (612) 555-0154"),
            (600, 1300, "Other phone (916) 555-0139"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words)["phone"] == "(412) 555-0143"


def test_a_list_under_its_column_heading_keeps_to_its_column() -> None:
    """ "Medication | Dose | Frequency": every row's first cell, not the row."""
    words = layout(
        [
            (500, 200, "Current Medications"),
            (560, 200, "Medication"),
            (560, 900, "Dose"),
            (560, 1400, "Frequency"),
            (620, 200, "Lisinopril"),
            (620, 900, "10 mg"),
            (620, 1400, "daily"),
            (680, 200, "Metformin"),
            (680, 900, "500 mg"),
            (680, 1400, "twice daily"),
        ]
    )
    values = read(DocumentType.PATIENT_DETAILS, words)
    assert values["regular_medication"] == ["Lisinopril", "Metformin"]


@pytest.mark.parametrize(
    "row_text",
    [
        "Medical conditions (check all that apply): ☑ Asthma ☐ Diabetes ☑ Hypertension",
        "Medical conditions: [x] Asthma [ ] Diabetes [x] Hypertension",
    ],
)
def test_a_tick_list_ocr_read_with_its_boxes_as_glyphs(row_text: str) -> None:
    values = read(DocumentType.PATIENT_DETAILS, row(500, 200, row_text))
    assert values["medical_problems"] == ["Asthma", "Hypertension"]
    none = read(
        DocumentType.PATIENT_DETAILS, row(500, 200, "Allergies: ☑ None ☐ Penicillin ☐ Sulfa")
    )
    assert none["allergies"] == []
