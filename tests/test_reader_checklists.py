"""The generic reader on rows of boxes: Yes / No check lists, refill options, none options.

Each test draws the page's boxes the way a form prints them and lays OCR words over them
(:mod:`tests.wordkit`), then reads the page as ``medreview extract`` would.
"""

from __future__ import annotations

import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout, row

CONDITIONS = (
    ("Asthma", "Bedwetting"),
    ("ADHD", "Eczema"),
    ("Diabetes", "Motion sickness"),
    ("Seizures", "Anxiety"),
)


def yes_no_list(image: object, yes: set[str], *, other: str = "") -> list[Word]:
    """A history check list in two columns: a Yes box and a No box before each condition."""
    words = layout(
        [
            (400, 150, "Name of camper: Daniel Kim"),
            (900, 150, "HEALTH HISTORY"),
            (980, 150, "Check Yes or No for each condition, past or present:"),
        ]
    )
    for x in (160, 1290):  # the heads over each column's two boxes
        words += row(1060, x, "Yes") + row(1060, x + 90, "No")
    for index, pair in enumerate(CONDITIONS):
        y = 1130 + 62 * index
        for x, condition in zip((160, 1290), pair, strict=True):
            check_box(image, x, y, ticked=condition in yes)  # type: ignore[arg-type]
            check_box(image, x + 90, y, ticked=condition not in yes)  # type: ignore[arg-type]
            words += row(y, x + 170, condition)
    words += row(1130 + 62 * len(CONDITIONS) + 40, 150, f"Other conditions: {other}".strip())
    return words


def test_a_yes_no_check_list_lists_the_conditions_ticked_yes_down_each_column() -> None:
    """A tick in a "No" box is no condition; the "Yes" ones are read down the left column first."""
    image = blank()
    words = yes_no_list(image, {"Eczema", "Diabetes", "Anxiety"}, other="Psoriasis")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Diabetes", "Eczema", "Anxiety", "Psoriasis"]


def test_a_yes_no_check_list_answered_no_throughout_is_an_empty_list() -> None:
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, yes_no_list(image, set()), image)
    assert found["medical_problems"] == []


def test_what_ocr_reads_of_a_box_is_no_condition() -> None:
    """OCR reads a ticked box as a letter ("c") beside it: not an entry of the list."""
    image = blank()
    words = yes_no_list(image, {"Seizures"})
    seizures = next(w for w in words if w.text == "Seizures")
    words.append(Word("c", 0.6, BBox(162, seizures.bbox.y0, 194, seizures.bbox.y1)))
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Seizures"]


def refill_row(image: object, ticked: int | None, count: str) -> list[Word]:
    """A dental pad's refill row: "[ ] Do not refill   Refill _N_ times   [ ] Refill PRN"."""
    words = layout(
        [
            (300, 150, "Name: Robert Bell"),
            (300, 1400, "Date: 4/7/24"),
            (500, 150, "1. Amoxicillin 500 mg cap"),
            (700, 150, "Sig: one capsule three times a day"),
        ]
    )
    y = 900
    for index, x in enumerate((150, 880)):
        check_box(image, x, y, ticked=ticked == index)  # type: ignore[arg-type]
    words += row(y, 210, "Do not refill")
    words += row(y, 460, f"Refill {count} times".replace("  ", " "))
    words += row(y, 940, "Refill PRN")
    return words


@pytest.mark.parametrize(
    ("ticked", "count", "refills"), [(None, "2", 2), (0, "", 0), (1, "", "PRN"), (None, "", None)]
)
def test_a_row_of_boxed_refill_options_is_read_by_its_ticked_box_or_its_written_count(
    ticked: int | None, count: str, refills: object
) -> None:
    """The printed "PRN" after an empty box is no answer; the count written before "times" is."""
    image = blank()
    found = read(DocumentType.PRESCRIPTION, refill_row(image, ticked, count), image)
    assert found.get("refills") == refills


@pytest.mark.parametrize("quantity", ["Qty:", "Dispense:"])
def test_numbered_medicines_end_at_their_quantity_label_and_a_footer_is_no_patient_row(
    quantity: str,
) -> None:
    """ "1. Amoxicillin 875 mg cap   Qty: 10": the medicine is the words before "Qty:".

    The footer's "For dental use only" under the signature is no "For:" row over the list.
    """
    image = blank()
    words = layout(
        [
            (300, 150, "Name: Robert Bell"),
            (300, 1400, "Date: 4/7/24"),
            (380, 150, "Age: 25"),
            (480, 150, "Rx"),
            (560, 200, "1. Amoxicillin 875 mg cap"),
            (560, 1400, f"{quantity} 10"),
            (640, 200, "2. Valacyclovir 500 mg"),
            (640, 1400, f"{quantity} #10 (ten)"),
            (800, 150, "Sig: one capsule three times a day"),
            (1500, 1000, "Prescriber's signature"),
            (1600, 150, "For dental use only. Call the office with any questions."),
            (1700, 150, "F677-3 rev. 5/21"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["medicines"] == ["Amoxicillin 875 mg cap", "Valacyclovir 500 mg"]


@pytest.mark.parametrize("ticked", [True, False])
def test_a_ticked_no_known_allergies_box_is_the_empty_list_and_an_empty_one_no_answer(
    ticked: bool,
) -> None:
    """ "[X] No known allergies  [ ] EpiPen prescribed" under the heading is ``[]``.

    Left unticked, the row of options is no reading of the list at all.
    """
    image = blank()
    words = layout([(400, 150, "Name: Daniel Kim"), (900, 150, "ALLERGIES")])
    check_box(image, 150, 1000, ticked=ticked)
    check_box(image, 1100, 1000, ticked=False)
    words += row(1000, 210, "No known allergies") + row(1000, 1160, "EpiPen prescribed")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    if ticked:
        assert found["allergies"] == []
    else:
        assert "allergies" not in found


def test_the_ticked_dentist_of_a_letterheads_right_column_is_the_prescriber() -> None:
    """The practice's dentists listed right of its address, one box each; a D.M.D. is a doctor."""
    image = blank()
    words = layout(
        [
            (150, 150, "Riverbend Dental Arts"),
            (150, 1500, "Prescribing dentist:"),
            (220, 150, "3241 Ridge Dr, Tucson, AZ 85701"),
            (220, 1560, "Dr Yuki Allen, D.M.D."),
            (290, 150, "Tel 206-555-0146"),
            (290, 1560, "Dr David Evans, D.M.D."),
            (400, 150, "For: Julia Martin"),
            (400, 1500, "Date: 6 Nov 2023"),
            (600, 150, "Rx"),
            (680, 200, "1. Amoxicillin 500 mg cap"),
        ]
    )
    check_box(image, 1505, 220, ticked=False)
    check_box(image, 1505, 290, ticked=True)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["prescriber"] == "Dr David Evans, D.M.D."
