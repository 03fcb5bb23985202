"""Layouts as data: the file form, learning, matching and reading on synthetic OCR words."""

from __future__ import annotations

import pickle
import time
from dataclasses import replace

import pytest

from medreview.config import DateOrder, PipelineConfig
from medreview.layouts import (
    LayoutError,
    LayoutSet,
    apply_layouts,
    dumps,
    find_layout,
    learn,
    loads,
    refine,
    shipped_layouts,
    teach,
)
from medreview.layouts.reading import DOUBTFUL_CONFIDENCE, document_date_order, read_fields
from medreview.model import BBox, ExtractionResult, FieldResult
from tests.layoutkit import (
    FORM_A_PRINTED,
    FORM_A_VALUES,
    FORM_B_PRINTED,
    FORM_B_VALUES,
    SAMPLE_VALUES,
    photo_matrix,
    synthetic_page,
)

OTHER_VALUES = {
    "prescriber": "Dr Maria Chen",
    "patient_name": "Samuel Ortiz",
    "date": "2021-08-02",
    "patient_address": "77 Birch Rd, Portland, OR",
    "medicines": ["Metformin 850 mg", "Lisinopril 10 mg", "Atorvastatin 20 mg"],
    "directions": "Metformin twice a day with meals",
    "refills": 5,
}


def form_a(values=SAMPLE_VALUES, **moves):  # type: ignore[no-untyped-def]
    matrix = photo_matrix(**moves) if moves else None
    return synthetic_page(FORM_A_PRINTED, FORM_A_VALUES, values, matrix=matrix)


def form_b(values=SAMPLE_VALUES, **moves):  # type: ignore[no-untyped-def]
    matrix = photo_matrix(**moves) if moves else None
    return synthetic_page(FORM_B_PRINTED, FORM_B_VALUES, values, matrix=matrix)


def values_read(layout, page):  # type: ignore[no-untyped-def]
    match = find_layout([page], LayoutSet.of([layout]))
    assert match is not None
    return {
        name: r.result.value for name, r in read_fields(match, PipelineConfig().date_order).items()
    }


@pytest.mark.parametrize("form", [form_a, form_b])
def test_learned_layout_reads_another_document_of_its_form(form) -> None:  # type: ignore[no-untyped-def]
    layout = learn("clinic", "prescription", [form()], SAMPLE_VALUES)
    assert {f.name for f in layout.fields} == set(SAMPLE_VALUES)
    assert values_read(layout, form(OTHER_VALUES)) == OTHER_VALUES


@pytest.mark.parametrize(
    "moves",
    [
        {"degrees": 3.0},
        {"degrees": -4.0, "scale": 0.85},
        {"scale": 1.1, "perspective": 0.06},
        {"degrees": 2.0, "scale": 0.9, "perspective": -0.05},
    ],
)
def test_reading_survives_tilt_scale_and_perspective(moves: dict[str, float]) -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    assert values_read(layout, form_a(OTHER_VALUES, **moves)) == OTHER_VALUES


def test_learning_from_a_tilted_page_reads_an_upright_one() -> None:
    layout = learn("clinic", "prescription", [form_a(degrees=-3.0)], SAMPLE_VALUES)
    assert values_read(layout, form_a(OTHER_VALUES)) == OTHER_VALUES


def test_layout_keeps_no_value_and_round_trips_through_toml() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    text = dumps(layout)
    for word in ("Helen", "Okafor", "Amoxicillin", "Orchard", "Reyes", "03/14/2023", "Ibuprofen"):
        assert word not in text
    assert "Directions:" in text
    assert loads(text) == layout
    assert dumps(loads(text)) == text


def test_no_match_on_another_form_or_document_type() -> None:
    layout_a = learn("form-a", "prescription", [form_a()], SAMPLE_VALUES)
    assert find_layout([form_b(OTHER_VALUES)], LayoutSet.of([layout_a])) is None
    layout_b = learn("form-b", "prescription", [form_b()], SAMPLE_VALUES)
    both = LayoutSet.of([layout_a, layout_b])
    match = find_layout([form_b(OTHER_VALUES, degrees=2.0)], both)
    assert match is not None and match.layout.name == "form-b"
    match = find_layout([form_a(OTHER_VALUES, scale=0.9)], both)
    assert match is not None and match.layout.name == "form-a"
    assert find_layout([form_a()], both, document_type="patient_details") is None


def test_a_learned_layout_outranks_a_shipped_one_of_its_form() -> None:
    learned = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    shipped = replace(learned, name="shipped", any_case=True)
    for order in ([shipped, learned], [learned, shipped]):
        match = find_layout([form_a(OTHER_VALUES, degrees=2.0)], LayoutSet.of(order))
        assert match is not None and match.layout.name == "clinic"


def test_a_form_printing_its_labels_in_another_case_is_another_form() -> None:
    learned = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    shouting = [(text.upper(), x, y) for text, x, y in FORM_A_PRINTED]
    page = synthetic_page(shouting, FORM_A_VALUES, OTHER_VALUES)
    assert find_layout([page], LayoutSet.of([learned])) is None
    family = replace(learned, any_case=True)  # a layout for every printing of the family
    assert find_layout([page], LayoutSet.of([family])) is not None


def test_the_same_labels_printed_in_a_wider_font_are_another_printing() -> None:
    learned = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    page = form_a(OTHER_VALUES)
    wider = replace(
        page,
        words=tuple(
            replace(
                w,
                bbox=BBox(
                    w.bbox.x0 - w.bbox.width // 6,
                    w.bbox.y0,
                    w.bbox.x1 + w.bbox.width // 6,
                    w.bbox.y1,
                ),
            )
            for w in page.words
        ),
    )
    assert find_layout([page], LayoutSet.of([learned])) is not None
    assert find_layout([wider], LayoutSet.of([learned])) is None
    assert find_layout([wider], LayoutSet.of([replace(learned, any_case=True)])) is not None


def test_a_date_the_ocr_misread_still_teaches_its_place() -> None:
    page = form_a()
    misread = tuple(
        replace(w, text=w.text.replace("/", "1", 1), ocr_text=w.ocr_text.replace("/", "1", 1))
        if w.text.count("/") == 2
        else w
        for w in page.words
    )
    layout = learn("clinic", "prescription", [replace(page, words=misread)], SAMPLE_VALUES)
    assert "date" in {f.name for f in layout.fields}
    assert values_read(layout, form_a(OTHER_VALUES))["date"] == OTHER_VALUES["date"]


def test_a_blank_field_stays_absent_and_a_blank_list_is_empty() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    blank = {k: v for k, v in OTHER_VALUES.items() if k not in ("medicines", "patient_address")}
    page = form_a(blank)
    label = next(w for w in page.words if w.text == "Address:")
    generic = {"patient_address": FieldResult.from_words("Address:", [label])}
    result = ExtractionResult("scan.png", document_type="prescription", fields=generic)
    apply_layouts(result, [page], PipelineConfig(layouts=LayoutSet.of([layout])))
    values = result.values()
    assert "patient_address" not in values  # the generic reader read the label: blank
    assert values["medicines"] == []  # the spec's [] for a list left blank
    assert {k: v for k, v in values.items() if k != "medicines"} == blank


def test_disagreement_with_the_generic_reader_makes_the_field_doubtful() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    page = form_a(OTHER_VALUES)
    generic = {
        "patient_name": FieldResult("Someone Else", 0.9),
        "date": FieldResult("2021-08-02", 0.9),
    }
    result = ExtractionResult("scan.png", document_type="prescription", fields=dict(generic))
    apply_layouts(result, [page], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == "clinic"
    assert result.fields["patient_name"].value == "Samuel Ortiz"
    assert result.fields["patient_name"].confidence <= DOUBTFUL_CONFIDENCE
    assert result.fields["patient_name"].agreement is False  # the generic reading beside it
    assert result.fields["patient_name"].second_reading == "Someone Else"
    assert result.fields["date"].confidence > DOUBTFUL_CONFIDENCE
    assert result.fields["date"].agreement is None
    assert result.warnings == [
        "patient_name: the layout's reading differs from the generic reader's"
    ]
    assert result.values() == OTHER_VALUES


def test_unrecognised_document_takes_the_type_of_the_layout_it_matches() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    result = ExtractionResult("scan.png", document_type="unknown")
    result.warnings.append("document type not recognised; no fields extracted")
    apply_layouts(result, [form_a(OTHER_VALUES)], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.document_type == "prescription"
    assert result.layout == "clinic"
    assert "document type not recognised; no fields extracted" not in result.warnings


def test_no_layouts_leaves_the_result_alone() -> None:
    result = ExtractionResult("scan.png", document_type="prescription")
    apply_layouts(result, [form_a()], PipelineConfig())
    apply_layouts(result, [form_a()], PipelineConfig(layouts=LayoutSet()))
    assert result.layout is None and result.fields == {}


def test_refining_counts_documents_and_widens_regions() -> None:
    first = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    longer = {**OTHER_VALUES, "patient_name": "Bartholomew Richardson Smythe"}
    second = learn("other", "prescription", [form_a(longer, degrees=1.0)], longer)
    refined = refine(first, second)
    assert refined is not None and refined.name == "clinic" and refined.documents == 2
    name = next(f for f in refined.fields if f.name == "patient_name")
    old = next(f for f in first.fields if f.name == "patient_name")
    assert name.box[0] <= old.box[0] and name.box[2] >= old.box[2]
    assert all(a.seen == 2 for a in refined.pages[0].anchors if a.key == "directions")
    assert refine(first, learn("b", "prescription", [form_b()], SAMPLE_VALUES)) is None


def test_teach_refines_the_layout_a_document_matches_else_learns_one() -> None:
    known = [learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)]
    layout, new = teach(known, "prescription", [form_a(OTHER_VALUES)], OTHER_VALUES, new_name="x")
    assert (layout.name, new, layout.documents) == ("clinic", False, 2)
    layout, new = teach(known, "prescription", [form_b()], SAMPLE_VALUES, new_name="x")
    assert (layout.name, new) == ("x", True)


def test_a_page_with_too_few_printed_words_teaches_nothing() -> None:
    page = synthetic_page((), FORM_A_VALUES, SAMPLE_VALUES)
    with pytest.raises(LayoutError, match="too few printed words"):
        learn("empty", "prescription", [page], SAMPLE_VALUES)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "x"\ndocument_type = "invoice"\n', "unknown document_type"),
        ('name = "x"\ndocument_type = "prescription"\n', "at least one page"),
        (
            'name = "x"\ndocument_type = "prescription"\n[[pages]]\nanchors = []\n'
            '[[fields]]\nname = "colour"\nbox = [0, 0, 1, 1]\n',
            "has no field 'colour'",
        ),
        (
            'name = "x"\ndocument_type = "prescription"\n[[pages]]\nanchors = []\n'
            '[[fields]]\nname = "date"\nbox = [0.5, 0, 0.2, 1]\n',
            "0 <= x0 < x1 <= 1",
        ),
        (
            'name = "x"\ndocument_type = "prescription"\n[[pages]]\nanchors = []\n'
            '[[fields]]\nname = "date"\nbox = [0, 0, 1, 1]\nanchors = [3]\n',
            "not an index",
        ),
        (
            'name = "x"\ndocument_type = "prescription"\n[[pages]]\nanchors = []\n'
            '[[fields]]\nname = "date"\nkind = "string"\nbox = [0, 0, 1, 1]\n',
            "of kind date",
        ),
        ("name = ", "not valid TOML"),
    ],
)
def test_bad_layout_files_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(LayoutError, match=problem):
        loads(text, "bad.toml")


def test_shipped_layouts_load_and_have_unique_names() -> None:
    layouts = shipped_layouts()
    assert len({layout.name for layout in layouts}) == len(layouts)
    for layout in layouts:
        assert layout.fields and layout.anchor_count >= 8


def test_layout_set_is_compared_and_hashed_by_content() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    again = loads(dumps(layout))
    assert LayoutSet.of([layout]) == LayoutSet.of([again])
    assert hash(LayoutSet.of([layout])) == hash(LayoutSet.of([again]))
    assert LayoutSet.of([layout]) != LayoutSet.of([replace(layout, name="other")])
    assert LayoutSet.of([layout, replace(layout, documents=3)]).layouts[0].documents == 3


def test_matching_two_hundred_layouts_is_fast() -> None:
    layouts = [learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)]
    for n in range(199):
        shifted = tuple((f"{text} {n}", x + n, y) for text, x, y in FORM_B_PRINTED)
        layouts.append(
            learn(
                f"form-{n}",
                "prescription",
                [synthetic_page(shifted, FORM_B_VALUES, SAMPLE_VALUES)],
                SAMPLE_VALUES,
            )
        )
    everything = LayoutSet.of(layouts)
    page = form_a(OTHER_VALUES, degrees=2.0)
    find_layout([page], everything)  # index built once per process
    start = time.perf_counter()
    match = find_layout([page], everything)
    assert time.perf_counter() - start < 0.05
    assert match is not None and match.layout.name == "clinic"


def test_layouts_reach_worker_processes_as_plain_data() -> None:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    config = PipelineConfig(layouts=LayoutSet.of([layout]))
    again = pickle.loads(pickle.dumps(config))
    assert again == config and hash(again) == hash(config)
    assert again.layouts is not None and again.layouts.layouts == (layout,)


def test_the_documents_own_dates_tell_their_day_order() -> None:
    assert document_date_order(["17/12/2020", "03/04/2021"]) is DateOrder.DAY_FIRST
    assert document_date_order(["12/17/2020", "5-30-21"]) is DateOrder.MONTH_FIRST
    assert document_date_order(["03/04/2021", "March 3, 2021"]) is None
    assert document_date_order(["17/12/2020", "12/17/2020"]) is None
