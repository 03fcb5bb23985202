"""Learned layouts: the OCR slips a layout's reading repairs, and what learning keeps out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from medreview.config import DateOrder, PipelineConfig
from medreview.documents import fields_of
from medreview.layouts import LayoutSet, apply_layouts, learn
from medreview.layouts.reading import _typed_value, coerce
from medreview.model import ExtractionResult, FieldResult
from medreview.parsing.ocrtext import TextStyle, repair_words
from tests import wordkit
from tests.layoutkit import FORM_A_PRINTED, FORM_A_VALUES, SAMPLE_VALUES, synthetic_page
from tests.test_layouts import OTHER_VALUES, form_a, values_read


@pytest.mark.parametrize(
    ("text", "style", "repaired"),
    [
        ("Carlos.Morgan", TextStyle.NAME, "Carlos Morgan"),
        ("Blue CroSS Blue Shield", TextStyle.NAME, "Blue Cross Blue Shield"),
        ("9 Elm Rd, Baton Rouge, LiA 70802", TextStyle.ADDRESS, "9 Elm Rd, Baton Rouge, LA 70802"),
        ("419.Harbor Place, Portland, OR", TextStyle.ADDRESS, "419 Harbor Place, Portland, OR"),
        ("720 Lake Rd, Atlanta, GA30309", TextStyle.ADDRESS, "720 Lake Rd, Atlanta, GA 30309"),
        ("PO Box 12, XY12345", TextStyle.ADDRESS, "PO Box 12, XY12345"),  # no state's code
        # a Canadian postal code's lookalikes, read by their place in the code
        ("Halifax, NS B3J 159", TextStyle.ADDRESS, "Halifax, NS B3J 1S9"),
        ("Calgary, AB T2P IJ9, Canada", TextStyle.ADDRESS, "Calgary, AB T2P 1J9, Canada"),
        ("Winnipeg, MB R3C OV8", TextStyle.ADDRESS, "Winnipeg, MB R3C 0V8"),
        ("Toronto, ON M5V 276", TextStyle.ADDRESS, "Toronto, ON M5V 2T6"),
        ("Ottawa, ON K1N5T1", TextStyle.ADDRESS, "Ottawa, ON K1N 5T1"),
        ("Toronto, ON M5V 2 T6, CANADA", TextStyle.ADDRESS, "Toronto, ON M5V 2T6, CANADA"),
        ("KINGSTON, ON, CANADA", TextStyle.ADDRESS, "KINGSTON, ON, CANADA"),  # no code
        ("CoPD", TextStyle.ITEM, "COPD"),
        ("Arjun RoSSi", TextStyle.NAME, "Arjun Rossi"),
        ("16 Elm Drive, Hartford, C'T", TextStyle.ADDRESS, "16 Elm Drive, Hartford, CT"),
        # left alone: initials, a name's own capital, a state the ZIP code is not in
        ("J.Smith", TextStyle.NAME, "J.Smith"),
        ("Ann McCarthy", TextStyle.NAME, "Ann McCarthy"),
        ("12 Oak St, Salem, OiR 70802", TextStyle.ADDRESS, "12 Oak St, Salem, OiR 70802"),
        ("Take.Twice daily", TextStyle.PROSE, "Take.Twice daily"),
        ("Cozaar 50 mg", TextStyle.ITEM, "Cozaar 50 mg"),
        ("5.5 Main St", TextStyle.ADDRESS, "5.5 Main St"),
    ],
)  # fmt: skip
def test_repair_words_undoes_what_the_cleaning_leaves(
    text: str, style: TextStyle, repaired: str
) -> None:
    assert repair_words(text, style) == repaired


def test_a_layouts_name_is_read_repaired_and_the_generic_reading_agrees() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    page = form_a({**OTHER_VALUES, "patient_name": "Samuel.Ortiz"})
    assert values_read(layout, page)["patient_name"] == "Samuel Ortiz"
    word = next(w for w in page.words if w.text == "Samuel.Ortiz")
    generic = {"patient_name": FieldResult.from_words("Samuel.Ortiz", [word])}
    result = ExtractionResult("scan.png", document_type="prescription", fields=generic)
    apply_layouts(result, [page], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.fields["patient_name"].value == "Samuel Ortiz"
    assert not result.warnings  # the same name once repaired: no doubt


def test_a_speck_inside_a_dates_year_is_taken_out() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    page = form_a(OTHER_VALUES)
    specked = tuple(
        replace(w, text="08/02/2.021", ocr_text="08/02/2.021") if w.text == "08/02/2021" else w
        for w in page.words
    )
    assert values_read(layout, replace(page, words=specked))["date"] == "2021-08-02"


def test_a_phone_is_its_ten_digits_not_a_neighbours_number_run_into_it() -> None:
    spec = next(s for s in fields_of("patient_details") if s.name == "phone")
    words = [*wordkit.row(100, 100, "173"), *wordkit.row(100, 300, "801.555.0193")]
    xs = [w.bbox.x0 / 2000 for w in words]
    ys = [0.05 for _ in words]
    found = _typed_value(spec, words, xs, ys, 3000, " ", DateOrder.MONTH_FIRST)
    assert found is not None
    assert found[0] == "(801) 555-0193"
    assert found[1] == [1]
    # a number written as is, alone in its region, is still read as written
    assert coerce(spec, "44 20 7946 0958") == "44 20 7946 0958"


def test_a_printed_nil_known_is_not_a_blank_lists_place() -> None:
    page = synthetic_page(
        (*FORM_A_PRINTED, ("Nil known", 1500, 1000)),
        FORM_A_VALUES,
        {**SAMPLE_VALUES, "medicines": []},
    )
    layout = learn("clinic", "prescription", [page], {**SAMPLE_VALUES, "medicines": []})
    assert "medicines" not in {f.name for f in layout.fields}
    # a "None" written after its label (with or without a colon) is the blank list's place
    page = synthetic_page(
        (*FORM_A_PRINTED, ("Meds", 240, 1000)),
        FORM_A_VALUES,
        {**SAMPLE_VALUES, "medicines": ["None"]},
    )
    layout = learn("clinic", "prescription", [page], {**SAMPLE_VALUES, "medicines": []})
    assert "medicines" in {f.name for f in layout.fields}


def test_a_generic_list_item_gets_the_layouts_repairs_too() -> None:
    values = {**OTHER_VALUES, "medicines": ["COPD inhaler"]}
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    page = form_a({**values, "medicines": ["CoPD inhaler"]})
    words = [w for w in page.words if w.text in ("CoPD", "inhaler")]
    generic = {"medicines": FieldResult.from_words(["CoPD inhaler"], words)}
    result = ExtractionResult("scan.png", document_type="prescription", fields=generic)
    apply_layouts(result, [page], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.fields["medicines"].value == ["COPD inhaler"]
    assert not result.warnings
