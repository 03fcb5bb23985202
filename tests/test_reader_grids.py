"""The generic reader on printed grids: drug check lists, choice matrices and role rows.

Each test draws the page's lines and boxes the way a form prints them and lays OCR words
over them (:mod:`tests.wordkit`), then reads the page as ``medreview extract`` would.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields
from medreview.parsing.choices import option_spans
from medreview.parsing.page import build_page
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()
WIDTH, HEIGHT = 2550, 3300


def read(document_type: DocumentType, words: list[Word], image: np.ndarray) -> dict[str, object]:
    outcome = parse_fields(document_type, [ocr_page(words)], CONFIG, [image])
    return {name: result.value for name, result in outcome.fields.items()}


def blank() -> np.ndarray:
    return np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)


def check_box(image: np.ndarray, x: int, y: int, *, ticked: bool) -> None:
    """A printed 36 px box at ``(x, y)``, crossed when ``ticked``."""
    cv2.rectangle(image, (x, y), (x + 36, y + 36), 0, 3)
    if ticked:
        cv2.line(image, (x + 6, y + 6), (x + 30, y + 30), 0, 5)
        cv2.line(image, (x + 30, y + 6), (x + 6, y + 30), 0, 5)


def test_a_drug_check_list_in_two_columns_is_read_down_each_column_then_its_other_rules() -> None:
    """A discharge form's printed drugs: the ticked ones, left column first, then "Other Rx:".

    The big "Rx" beside the first row is taller than the list's words; the boxes are still
    measured against the list's own text size.
    """
    image = blank()
    drugs = (
        ("Amlodipine 10 mg", True, "Omeprazole 20 mg", True),
        ("Cephalexin 250 mg", False, "Tramadol 50 mg", False),
        ("Lisinopril 20 mg tab", True, "Sertraline 25 mg", False),
    )
    words = layout([(400, 150, "Patient name: John Smith"), (480, 150, "Date: 03/14/2024")])
    words.append(Word("Rx", 0.95, BBox(150, 590, 270, 690)))
    for index, (left, left_ticked, right, right_ticked) in enumerate(drugs):
        y = 620 + 80 * index
        check_box(image, 340, y, ticked=left_ticked)
        check_box(image, 1370, y, ticked=right_ticked)
        words += row(y, 400, left) + row(y, 1430, right)
    words += layout(
        [
            (900, 340, "Other Rx:"),
            (900, 520, "Metformin 500 mg"),
            (980, 340, "Other Rx:"),
            (1100, 150, "Instructions for patient: Take one tablet daily"),
        ]
    )
    medicines = read(DocumentType.PRESCRIPTION, words, image)["medicines"]
    assert medicines == [
        "Amlodipine 10 mg",
        "Lisinopril 20 mg tab",
        "Omeprazole 20 mg",
        "Metformin 500 mg",
    ]


DISEASES = ("Chicken pox", "Measles", "Mumps", "Rubella")


def immunity_matrix(image: np.ndarray, marks: dict[str, int], *, ruled: bool = True) -> list[Word]:
    """Diseases across, answers down; ``marks`` ticks a disease's column in row 0, 1 or 2.

    Without ``ruled`` the table's lines are left out, as where pale ink hid them from the
    page's line finder; the ticks are drawn all the same.
    """
    columns = [150, 700, 1150, 1600, 2050, 2400]  # the answers' column, one per disease
    top, heading, pitch = 1000, 60, 70
    if ruled:
        for y in [top, top + heading, *(top + heading + pitch * (i + 1) for i in range(3))]:
            cv2.line(image, (columns[0], y), (columns[-1], y), 0, 3)
        for x in columns:
            cv2.line(image, (x, top), (x, top + heading + 3 * pitch), 0, 3)
    words = row(top + 12, 200, "Status")
    for x, disease in zip(columns[1:], DISEASES, strict=False):
        words += row(top + 12, x + 120, disease)
    for index, answer in enumerate(("Immune", "Not immune (susceptible)", "Unknown")):
        words += row(top + heading + pitch * index + 17, 170, answer)
    for disease, index in marks.items():
        x = columns[1 + DISEASES.index(disease)] + 200
        y = top + heading + pitch * index + 15
        cv2.line(image, (x, y + 20), (x + 12, y + 38), 0, 6)  # a tick
        cv2.line(image, (x + 12, y + 38), (x + 40, y), 0, 6)
    return words


@pytest.mark.parametrize("ruled", [True, False])
def test_an_immunity_matrix_answers_each_disease_by_the_row_its_mark_stands_in(ruled: bool) -> None:
    image = blank()
    marks = {"Chicken pox": 1, "Measles": 0, "Mumps": 2, "Rubella": 0}
    words = [*row(900, 150, "IMMUNITY AND VACCINES"), *immunity_matrix(image, marks, ruled=ruled)]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def test_a_mark_in_a_matrix_row_that_is_no_answer_answers_nothing() -> None:
    """ "Unknown" is no choice of the field: a tick there leaves the field absent."""
    image = blank()
    words = immunity_matrix(image, {"Chicken pox": 2, "Measles": 1})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "chicken_pox" not in found
    assert found["measles"] == "not immune"


def test_a_list_under_its_heading_cell_takes_every_row_and_not_the_next_heading() -> None:
    """A numbered table of diagnoses: the entries are the column under "Active problem".

    The next heading cell ("Dx code") is no entry, and a word written high in the first row,
    touching the heading's bottom rule, is still in the column.
    """
    image = blank()
    columns, top, heading, pitch = [150, 280, 1050, 1450], 2470, 50, 64
    lines = [top, top + heading, *(top + heading + pitch * (i + 1) for i in range(4))]
    for y in lines:
        cv2.line(image, (columns[0], y), (columns[-1], y), 0, 3)
    for x in columns:
        cv2.line(image, (x, top), (x, lines[-1]), 0, 3)
    words = layout(
        [(2380, 150, "D DIAGNOSES"), (top + 7, 180, "No."), (top + 7, 520, "Active problem")]
    )
    words += row(top + 7, 1150, "Dx code")
    entries = (("Seizures", "R56.9"), ("Acid reflux", "K21.9"), ("Anemia", "D64.9"))
    for index, (condition, code) in enumerate(entries):
        y = top + heading + pitch * index + (-4 if index == 0 else 14)
        words += row(y, 190, str(index + 1)) + row(y, 300, condition) + row(y, 1080, code)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Seizures", "Acid reflux", "Anemia"]


def contacts_table(roles: tuple[str, str, str]) -> list[Word]:
    """A table of people, one row each with its role first and an address tag under it."""
    words = layout([(1100, 150, "B PERSONS TO NOTIFY"), (1180, 200, "Type")])
    words += row(1180, 800, "Full name") + row(1180, 1300, "Relationship")
    words += row(1180, 1700, "Home tel.") + row(1180, 2100, "Work / cell")
    people = (
        ("Daniel Lopez", "Husband", "(303) 555-0177", "27 Washington Ln, Hartford, CT"),
        ("Hassan Walker", "Brother", "(617) 555-0133", "22 Prospect Street, Columbus, OH 43215"),
        ("Maria Perez", "Niece", "(602) 555-0179", "14 Cherry Way, Atlanta, GA 30309"),
    )
    for index, (role, (name, relation, phone, address)) in enumerate(
        zip(roles, people, strict=True)
    ):
        y = 1260 + 160 * index
        words += row(y, 170, role) + row(y, 620, name) + row(y, 1300, relation)
        words += row(y, 1700, phone) + row(y + 75, 620, "Address:") + row(y + 75, 800, address)
    return words


def test_the_emergency_contact_is_the_row_whose_role_says_so() -> None:
    """Whichever row it is, the emergency role's row gives the contact, not the first row."""
    words = contacts_table(("Health care proxy", "Notify in emergency", "Alternate contact"))
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Hassan Walker"
    assert found["emergency_contact_phone"] == "(617) 555-0133"
    assert found["emergency_contact_address"] == "22 Prospect Street, Columbus, OH 43215"


def test_an_imprint_gives_the_name_over_its_id_line_and_the_address_under_the_birth_date() -> None:
    """An addressograph imprint: name, MRN line, DOB line, street, city; nothing labelled."""
    words = layout(
        [
            (300, 180, "Clara Moore"),
            (360, 180, "MRN 88825292 ACCT 39616174"),
            (420, 180, "DOB February 27, 1938 F"),
            (480, 180, "465 Hill St"),
            (540, 180, "Denver, Co 80203"),
            (300, 1300, "Date of visit: 01/15/2019"),
            (700, 150, "Rx Citalopram 20 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["patient_name"] == "Clara Moore"
    assert found["patient_address"] == "465 Hill St, Denver, CO 80203"


def test_a_blank_address_in_the_emergency_row_leaves_the_field_absent() -> None:
    """Another row's address is that person's: the contact's own row, left blank, gives none."""
    words = [
        w
        for w in contacts_table(("Health care proxy", "Notify in emergency", "Alternate contact"))
        if not (w.bbox.y0 == 1495 and w.bbox.x0 >= 800)  # the emergency row's address
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["emergency_contact_name"] == "Hassan Walker"
    assert "emergency_contact_address" not in found


def test_a_section_title_after_its_letter_opens_the_section() -> None:
    """ "G  INSURANCE" in a lettered form opens the insurance section like a title alone."""
    words = layout(
        [(300, 150, "B CONTACTS"), (900, 150, "G INSURANCE"), (980, 150, "Carrier: Aetna")]
    )
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, [blank()])
    assert [title for _, title in doc.sections] == ["emergency", "insurance"]


@pytest.mark.parametrize("answer", ["Immune", "Not immune"])
def test_the_one_printed_answer_a_pen_line_is_drawn_under_is_the_answer(answer: str) -> None:
    """ "Immune / Not immune / Unknown" with one answer underlined by hand, over a row's rule."""
    image = blank()
    words = [*row(900, 150, "Are you immune to:")]
    options = row(1000, 900, "Immune / Not immune / Unknown")
    words += [*row(1000, 150, "Chicken pox"), *options]
    bottom = max(w.bbox.y1 for w in options)
    cv2.line(image, (140, bottom + 30), (2300, bottom + 30), 0, 2)  # the table's rule
    chosen = [w.bbox for w in options if w.text in answer.split()]
    x0, x1 = min(b.x0 for b in chosen), max(b.x1 for b in chosen)
    waves = np.array([(x, bottom + 6 + 4 * (x // 12 % 2)) for x in range(x0, x1, 12)])
    cv2.polylines(image, [waves.astype(np.int32)], False, 0, 3)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == answer.lower()


def test_an_unsure_answer_underlined_leaves_the_field_out_and_the_next_disease_its_own() -> None:
    """ "Measles  Immune / Not immune / Unknown", Unknown underlined: no answer for measles.

    The mumps row under it is another disease's, and its underlined answer is not measles'.
    """
    image = blank()
    words = [*row(900, 150, "Are you immune to:")]
    for y, disease, answer in ((1000, "Measles", "Unknown"), (1100, "Mumps", "Immune")):
        options = row(y, 900, "Immune / Not immune / Unknown")
        words += [*row(y, 150, disease), *options]
        box = next(w.bbox for w in options if w.text == answer)
        cv2.line(image, (box.x0, box.y1 + 6), (box.x1, box.y1 + 6), 0, 3)
    assert "measles" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_printed_answer_read_with_one_letter_wrong_is_still_that_answer() -> None:
    """ "Not immmune", "NOTHIMMUNE": OCR misread a letter of a long answer; it is still one."""
    for text in ("Immune / Not immmune / Unsure", "IMMUNE / NOTHIMMUNE / UNSURE"):
        words = row(1000, 900, text)
        spans = option_spans(words, ("immune", "not immune"))
        assert [o.choice for o in spans] == ["immune", "not immune"]
    assert option_spans(row(1000, 900, "Yos / No"), ("yes", "no"))[0].choice == "no"
