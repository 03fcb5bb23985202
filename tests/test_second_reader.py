"""The second reader: agreement rules, confidence, auto-verify, and Tesseract on real regions."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from medreview.config import PipelineConfig
from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.model import BBox, ExtractionResult, FieldResult
from medreview.second_reader import (
    DOUBTFUL_CAP,
    LOW_CONFIDENCE,
    combine,
    compare,
    second_reading,
    tokens,
    wanted,
)
from medreview.store.autoverify import auto_verify_failures

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CONFIG = PipelineConfig()
PHONE = FieldSpec("phone", FieldKind.PHONE, "Phone")
DATE = FieldSpec("birth_date", FieldKind.DATE, "Birth date")
NAME = FieldSpec("patient_name", FieldKind.STRING, "Patient name")
MEDICINES = FieldSpec("medicines", FieldKind.LIST, "Medicines")
MEASLES = FieldSpec("measles", FieldKind.ENUM, "Measles", ("immune", "not immune"))


@pytest.mark.parametrize(
    ("spec", "value", "reading", "agreement", "second"),
    [
        (PHONE, "(415) 555-0185", "415-555-0185", True, "(415) 555-0185"),
        (PHONE, "(415) 555-0185", "(415) 555-0186", False, "(415) 555-0186"),
        (DATE, "2021-04-04", "04/04/2021", True, "2021-04-04"),
        (DATE, "2021-04-04", "", False, None),
        (NAME, "Helen Okafor", "| Helen  OKAFOR", True, "| Helen OKAFOR"),
        (NAME, "Helen Okafor", "Helen Okafar", False, "Helen Okafar"),
        (NAME, '6416"Willow Street', "6416'Willow Street", False, "6416'Willow Street"),
        (NAME, "Helen Okafor", "Helen", False, "Helen"),
        (
            MEDICINES,
            ["Amoxicillin 500 mg", "Ibuprofen 200 mg"],
            "1. Amoxicillin 500 mg\n2. Ibuprofen 200 mg",
            True,
            ["Amoxicillin 500 mg", "Ibuprofen 200 mg"],
        ),
        (MEDICINES, ["Amoxicillin 500 mg"], "1. Amoxicilin 500 mg", False, ["Amoxicilin 500 mg"]),
        (MEASLES, "immune", "Immune", True, "immune"),
        (MEASLES, "not immune", "Immune", False, "immune"),
        (MEASLES, "immune", "LJ Immune M Not immune", None, None),
    ],
)
def test_agreement_rules(
    spec: FieldSpec, value: object, reading: str, agreement: bool | None, second: object
) -> None:
    found, second_value = compare(spec, value, reading, CONFIG)  # type: ignore[arg-type]
    assert found is agreement
    if spec.kind is not FieldKind.LIST:
        assert second_value == second
    else:
        assert (second_value is None) == (second is None)


def test_long_free_text_is_compared_as_words() -> None:
    directions = FieldSpec("directions", FieldKind.STRING, "Directions")
    value = "Take one tablet by mouth twice daily with food"
    assert compare(directions, value, "Take one tablet by mouth twice\ndaily with food.", CONFIG)[0]
    assert not compare(directions, value, "Take one tablet by mouth twice daily with fool", CONFIG)[
        0
    ]
    assert tokens("Tel: (415) 555-0185.") == ["tel", "415", "555-0185"]


def test_an_abbreviations_full_stop_is_part_of_the_name() -> None:
    prescriber = FieldSpec("prescriber", FieldKind.STRING, "Prescriber")
    value = "Robert Green, M.D"  # the last stop lost: both readers agreeing would hide it
    assert not compare(prescriber, value, "Robert Green, M.D.", CONFIG)[0]
    assert compare(prescriber, "Robert Green, M.D.", "Robert Green M.D.", CONFIG)[0]
    assert tokens("Take 1 tab. daily.") == ["take", "1", "tab", "daily"]


def field(value: object, confidence: float = 0.9) -> FieldResult:
    return FieldResult(value, confidence, 0, BBox(10, 10, 200, 50), boxes=(BBox(10, 10, 200, 50),))  # type: ignore[arg-type]


def test_confidence_combines_score_agreement_and_validation() -> None:
    agreed = combine(field("(415) 555-0185", 0.8), PHONE, True, "(415) 555-0185")
    assert agreed.confidence == pytest.approx(0.9) and agreed.agreement is True
    assert agreed.second_reading is None
    disagreed = combine(field("(415) 555-0185", 0.99), PHONE, False, "(415) 555-0186")
    assert disagreed.confidence == DOUBTFUL_CAP < LOW_CONFIDENCE
    assert disagreed.second_reading == "(415) 555-0186"
    assert disagreed.to_json()["second_reading"] == "(415) 555-0186"
    invalid = combine(field("2999-01-01", 0.99), DATE, True, "2999-01-01")  # in the future
    assert invalid.confidence == DOUBTFUL_CAP
    unchecked = combine(field("Helen", 0.7), NAME, None, None)
    assert unchecked.confidence == 0.7 and unchecked.agreement is None


def test_a_disagreeing_field_is_never_auto_verified() -> None:
    fields = {
        spec.name: FieldResult(value, 0.99)
        for spec, value in zip(
            fields_of("prescription"),
            ["Dr Ann Lee", "Helen Okafor", "2021-04-04", None, ["Amoxicillin 500 mg"], None, 1],
            strict=True,
        )
        if value is not None
    }
    result = ExtractionResult(source="x", document_type="prescription", fields=fields)
    assert auto_verify_failures(result, 0.9) == []
    result.fields["refills"] = FieldResult(1, 0.99, agreement=False, second_reading=7)
    assert auto_verify_failures(result, 0.9) == ["refills: the second reader disagrees"]


def page_with(lines: list[tuple[int, int, str]]) -> np.ndarray:
    image = Image.new("L", (1700, 600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    for x, y, text in lines:
        draw.text((x, y), text, font=font, fill=0)
    return np.asarray(image)


def test_tesseract_rereads_each_region_not_the_page() -> None:
    page = page_with(
        [
            (100, 100, "Phone:"),
            (400, 100, "415-555-0185"),
            (100, 300, "Name:"),
            (400, 300, "Helen Okafor"),
        ]
    )
    # what a first reader might have made of the page: one value right, one wrong
    fields = {
        "phone": FieldResult(
            "(415) 555-0185", 0.9, 0, BBox(395, 95, 700, 160), boxes=(BBox(395, 95, 700, 160),)
        ),
        "patient_name": FieldResult(
            "Helen Okafar", 0.97, 0, BBox(395, 295, 700, 360), boxes=(BBox(395, 295, 700, 360),)
        ),
        "address": FieldResult(None, 0.0),
    }
    checked = second_reading(fields, "patient_details", [page], CONFIG)
    assert checked["phone"].agreement is True
    assert checked["phone"].confidence > 0.9
    assert checked["patient_name"].agreement is False
    assert checked["patient_name"].second_reading == "Helen Okafor"
    assert checked["patient_name"].confidence < LOW_CONFIDENCE
    assert checked["address"].agreement is None


def test_a_field_already_contradicted_stays_doubtful() -> None:
    """A layout's reading that the generic reader contradicted is not made confident again."""
    page = page_with([(400, 100, "Helen Okafor")])
    box = BBox(395, 95, 700, 160)
    contradicted = FieldResult(
        "Helen Okafor", 0.45, 0, box, boxes=(box,), agreement=False, second_reading="Helen"
    )
    checked = second_reading({"patient_name": contradicted}, "patient_details", [page], CONFIG)
    assert checked["patient_name"] == contradicted


def test_no_second_reading_after_tesseract_or_when_switched_off() -> None:
    assert wanted(PipelineConfig())
    assert not wanted(PipelineConfig(engine="tesseract"))
    assert not wanted(PipelineConfig(second_reader=False))
    assert not wanted(PipelineConfig(), first_engine="tesserocr")
    fields = {"phone": field("(415) 555-0185")}
    page = page_with([])
    assert (
        second_reading(fields, "patient_details", [page], PipelineConfig(engine="tesseract"))
        == fields
    )
