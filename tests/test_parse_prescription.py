from __future__ import annotations

from dataclasses import replace

import pytest

from medreview.config import DateOrder, PipelineConfig
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields
from medreview.parsing.choices import circled_refill
from tests.wordkit import HEIGHT, layout, ocr_page, row

CONFIG = PipelineConfig()

HEADER = [
    (100, 900, "Dr Alan Reyes, M.D"),
    (150, 950, "Family Medicine"),
    (200, 920, "12 Main Street"),
    (250, 900, "Springfield, IL 62704"),
    (300, 940, "Tel: (217) 555-0100"),
]


def parse(words: list[Word]) -> dict[str, object]:
    outcome = parse_fields(DocumentType.PRESCRIPTION, [ocr_page(words)], CONFIG)
    return {name: result.value for name, result in outcome.fields.items()}


def printed(rx_rows: list[tuple[int, int, str]], refill: str = "Refill: _2_ times") -> list[Word]:
    rows = [
        *HEADER,
        (420, 200, "Narne: Helen Okafor"),
        (420, 1300, "Date: O3/14/2023"),
        (490, 200, "Adress: 41 Orchard Lane, Springfield, IL"),
        *rx_rows,
        (800, 200, "Dircctions: Amoxicillin three times a day"),
        (860, 260, "for 7 days. Ibuprofen as needed"),
        (920, 260, "for pain."),
        (1000, 200, refill),
        (1300, 1500, "Signature"),
    ]
    return layout(rows)


def test_printed_prescription_with_misread_labels() -> None:
    words = printed([(600, 200, "K Amoxicillin 500 mg"), (660, 320, "Ibuprofen 400 mg tab")])
    assert parse(words) == {
        "prescriber": "Dr Alan Reyes, M.D",
        "patient_name": "Helen Okafor",
        "date": "2023-03-14",
        "patient_address": "41 Orchard Lane, Springfield, IL",
        "medicines": ["Amoxicillin 500 mg", "Ibuprofen 400 mg tab"],
        "directions": "Amoxicillin three times a day for 7 days. Ibuprofen as needed for pain.",
        "refills": 2,
    }


@pytest.mark.parametrize(
    "rx_rows",
    [
        [(600, 200, "KAmoxicillin 500 mg")],
        [(600, 200, "Rx: Amoxicillin 500 mg")],
        [(600, 200, "Rx:Amoxicillin 500 mg")],
        [(600, 200, "B/ Amoxicillin 500 mg")],
        [(600, 200, "R/Amoxicillin 500 mg")],
        [(600, 200, "R Amoxicillin 500 mg")],
        [(560, 200, "Rx"), (640, 320, "Amoxicillin 500 mg")],
        [(560, 200, "℞"), (640, 320, "1. Amoxicillin 500 mg")],
    ],
)
def test_rx_mark_noise_is_removed_from_the_first_medicine(
    rx_rows: list[tuple[int, int, str]],
) -> None:
    assert parse(printed(rx_rows))["medicines"] == ["Amoxicillin 500 mg"]


def test_tall_rx_blob_alone_on_its_line_is_dropped() -> None:
    blob = Word("%", 0.4, BBox(200, 560, 290, 560 + 3 * HEIGHT))
    words = [*printed([]), blob, *row(600, 330, "Ramipril 5 mg")]
    assert parse(words)["medicines"] == ["Ramipril 5 mg"]


def test_medicine_names_starting_like_rx_are_kept() -> None:
    rows = [(600, 200, "Ramipril 5 mg"), (660, 200, "Bisoprolol 5 mg")]
    assert parse(printed(rows))["medicines"] == ["Ramipril 5 mg", "Bisoprolol 5 mg"]


def test_prn_refills_and_absent_fields() -> None:
    words = list(printed([(600, 200, "Amoxicillin 500 mg")], "Refill: PRN"))
    words = [w for w in words if w.bbox.y0 != 490]  # no address row at all
    values = parse(words)
    assert values["refills"] == "PRN"
    assert "patient_address" not in values


def test_blank_refill_is_absent_not_guessed() -> None:
    values = parse(printed([(600, 200, "Amoxicillin 500 mg")], "Refill: ____ times"))
    assert "refills" not in values


def test_zero_read_as_copyright_sign() -> None:
    assert parse(printed([(600, 200, "Amoxicillin")], "Refill: © times"))["refills"] == 0


def pad_row(tokens: str) -> list[tuple[int, int, str]]:
    return [(1000, 200, "REFILL: " + tokens)]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("0 1 2 4 5 PRN", 3),  # the circled 3 was lost
        ("0 1 @ 3 4 5 PRN", 2),  # the circled 2 garbled
        ("0 1 2 3 4 5", "PRN"),
        ("0 1 2 3 4 5 PRN", None),  # nothing circled that boxes can show
    ],
)
def test_pad_refill_row(tokens: str, expected: int | str | None) -> None:
    words = printed([(600, 200, "Amoxicillin 500 mg")], refill="")
    words += layout(pad_row(tokens))
    assert parse(words).get("refills") == expected


def test_circled_refill_needs_one_missing_entry() -> None:
    assert circled_refill(row(0, 0, "0 1 3 5 PRN")) is None
    assert circled_refill(row(0, 0, "0 1 2 2 4 5 PRN")) == "3"  # the circled 3 read as a 2


def test_uppercase_pad_labels_and_age_between_name_and_date() -> None:
    rows = [
        (100, 900, "Dr. Maria Lopez, MD"),
        (420, 200, "NAME: Wei Chen"),
        (420, 1000, "AGE: 45"),
        (420, 1500, "DATE: March 14, 2023"),
        (490, 200, "ADDRESS: 9 Elm St, Boston, MA 02118"),
        (600, 200, "Rx Metformin 500 mg"),
        (800, 200, "DIRECTIONS:"),
        (860, 260, "Take 1 tablet twice daily"),
        (1500, 200, "DEA# AB1234567"),
    ]
    values = parse(layout(rows))
    assert values == {
        "prescriber": "Dr. Maria Lopez, MD",
        "patient_name": "Wei Chen",
        "date": "2023-03-14",
        "patient_address": "9 Elm St, Boston, MA 02118",
        "medicines": ["Metformin 500 mg"],
        "directions": "Take 1 tablet twice daily",
    }


def test_results_carry_evidence_and_warnings_name_fields_only() -> None:
    words = printed([(600, 200, "Amoxicillin 500 mg")])
    words = [replace(w, confidence=0.5) if w.text == "Okafor" else w for w in words]
    words = [w for w in words if not w.text.startswith("O3/")]  # the date is blank
    outcome = parse_fields(DocumentType.PRESCRIPTION, [ocr_page(words)], CONFIG)
    name = outcome.fields["patient_name"]
    assert name.page == 0 and name.bbox is not None and len(name.boxes) == 2
    assert name.ocr_text == "Helen Okafor"
    assert 0.3 < name.confidence <= 0.5
    assert outcome.warnings == ["date: required field not found"]


def test_names_use_what_the_engine_read_medicines_the_correction() -> None:
    words = printed([(600, 200, "Amoxicilin 500 mg")])
    fixed = [
        replace(w, text="Amoxicillin", ocr_text="Amoxicilin", corrected=True)
        if w.text == "Amoxicilin"
        else replace(w, text="Okafort", ocr_text="Okafor", corrected=True)
        if w.text == "Okafor"
        else w
        for w in words
    ]
    outcome = parse_fields(DocumentType.PRESCRIPTION, [ocr_page(fixed)], CONFIG)
    assert outcome.fields["patient_name"].value == "Helen Okafor"
    assert not outcome.fields["patient_name"].corrected
    medicines = outcome.fields["medicines"]
    assert medicines.value == ["Amoxicillin 500 mg"]
    assert medicines.corrected and medicines.ocr_text == "Amoxicilin 500 mg"


def test_unknown_type_gives_no_fields() -> None:
    outcome = parse_fields(DocumentType.UNKNOWN, [ocr_page(printed([]))], CONFIG)
    assert outcome.fields == {} and outcome.warnings


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("O 1 2 3 4 (5) PRN", 5),
        ("0 1 2 3 (4) s PRN", 4),
        ("0G) 2 3 4.5 PRN", 1),
        ("O 1 2 3 4 5 PRN", None),
        ("0 1(@)3 4 5 PRN", 2),
        ("O 1 2G)4 5 PRN", 3),
        ("0(4)2 3 4 5 PRN", 1),  # the bracket holds a misread 1: 4 is read clean elsewhere
        ("O: . 1 02.3 4 (s) PRN", 5),
        ("0 (a) 2 3 4 5 4=PRN", 1),
    ],
)
def test_circle_read_as_brackets_or_merged(tokens: str, expected: int | str | None) -> None:
    value = circled_refill(row(0, 0, tokens))
    assert value == (None if expected is None else str(expected))


def test_directions_continue_past_a_speck_and_refill_after_a_rule() -> None:
    words = printed([(600, 200, "Amoxicillin 500 mg")], refill="Refill: —-——— 6 times :")
    words.append(Word("*", 0.3, BBox(900, 890, 906, 896)))  # a speck between two lines
    values = parse(words)
    assert values["directions"] == (
        "Amoxicillin three times a day for 7 days. Ibuprofen as needed for pain."
    )
    assert values["refills"] == 6


def test_pad_refill_row_found_without_its_label() -> None:
    words = printed([(600, 200, "Amoxicillin 500 mg")], refill="Reril G. 1 2 3 (4) 5 PRN")
    values = parse(words)
    assert values["refills"] == 4
    assert values["directions"].endswith("for pain.")  # the row is not part of the directions


def test_date_order_comes_from_the_config() -> None:
    words = [replace(w, text="03/04/2023") if w.text == "O3/14/2023" else w for w in printed([])]
    day_first = replace(CONFIG, date_order=DateOrder.DAY_FIRST)
    outcome = parse_fields(DocumentType.PRESCRIPTION, [ocr_page(words)], day_first)
    assert outcome.fields["date"].value == "2023-04-03"
    assert parse(words)["date"] == "2023-03-04"


def test_directions_full_of_numbers_are_not_a_refill_row() -> None:
    rows = [
        *HEADER,
        (420, 200, "Name: Helen Okafor"),
        (420, 1300, "Date: 03/14/2023"),
        (600, 200, "Metoprolol 25 mg"),
        (800, 200, "Directions:"),
        (860, 260, "Metoprolol twice daily for 30 days. Lorazepam every 12 hours for 5 days."),
        (1000, 200, "Refill: 1 times"),
    ]
    values = parse(layout(rows))
    assert values["directions"].startswith("Metoprolol twice daily for 30 days.")
    assert values["refills"] == 1
