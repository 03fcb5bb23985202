"""Learned layouts on copies that write more than the teaching copy did, on synthetic words."""

from __future__ import annotations

from medreview.config import PipelineConfig
from medreview.layouts import LayoutSet, apply_layouts, find_layout, learn
from medreview.layouts.reading import (
    DOUBTFUL_CONFIDENCE,
    UNPLACED_BLANK,
    _form_words,
    _printed_boxes,
    _run_on,
    join_text,
    read_fields,
)
from medreview.model import BBox, ExtractionResult, FieldResult, OcrPage, Word
from tests import wordkit
from tests.layoutkit import FORM_A_PRINTED, FORM_A_VALUES, SAMPLE_VALUES, synthetic_page

HEADER = [
    (150, 200, "Old Mill Family Doctors"),
    (220, 200, "Harbor Avenue Honolulu"),
    (400, 900, "RX ORDER"),
    (600, 200, "Please fill for"),
    (3000, 200, "Signed by the prescriber"),
]


def prescription(medicines: list[str], refills: str, *, glued: bool = False) -> OcrPage:
    """A form printing ``Supply:`` under each medicine, then ``Mode of use:`` and refills."""
    rows = [*HEADER, (600, 520, "Clara Anderson")]
    y = 800
    for n, medicine in enumerate(medicines, 1):
        rows += [(y, 300, f"{n}. {medicine}"), (y + 70, 360, "Supply: #28")]
        y += 160
    rows += [(y + 40, 200, "Mode of use:"), (y + 40, 500, "Take one tablet daily")]
    words = wordkit.layout(rows)
    label = "refilled" + refills if glued else "refilled"
    words += wordkit.row(y + 200, 200, f"May be {label}")
    if not glued:
        words += wordkit.row(y + 200, 200 + 18 * 15 + 2 * 14 + 20, refills)
    words += wordkit.row(y + 200, 720, "x")
    return wordkit.ocr_page(words)


TEACHER = {
    "patient_name": "Clara Anderson",
    "medicines": ["Propranolol 20 mg", "Tamsulosin 0.4 mg"],
    "directions": "Take one tablet daily",
    "refills": 6,
}
LONGER = ["Carvedilol 25 mg", "Glipizide 10 mg", "Lamotrigine 100 mg", "Quetiapine 100 mg"]


def read(layout, page):  # type: ignore[no-untyped-def]
    match = find_layout([page], LayoutSet.of([layout]))
    assert match is not None
    return {k: r.result.value for k, r in read_fields(match, PipelineConfig().date_order).items()}


def test_a_label_run_together_with_its_number_still_teaches_the_number_s_place() -> None:
    teacher = prescription(TEACHER["medicines"], "6", glued=True)  # OCR read "refilled6"
    layout = learn("rx", "prescription", [teacher], TEACHER)
    assert "refills" in {r.name for r in layout.fields}
    assert "refilled" in {a.key for a in layout.pages[0].anchors}  # the label's part
    assert read(layout, prescription(TEACHER["medicines"], "5"))["refills"] == 5


def test_a_longer_list_reaches_past_the_label_repeated_under_each_item() -> None:
    layout = learn("rx", "prescription", [prescription(TEACHER["medicines"], "6")], TEACHER)
    values = read(layout, prescription(LONGER, "3"))
    assert values["medicines"] == LONGER  # no "Supply: #28" among them
    assert values["directions"] == "Take one tablet daily"  # not "of Take ..." (the label)
    assert values["refills"] == 3


def test_a_number_running_past_its_region_is_read_whole() -> None:
    words = [
        *wordkit.row(500, 300, "+1 502 555"),
        *wordkit.row(500, 300 + 18 * 8 + 3 * 14, "0101"),  # beyond the region's edge
        *wordkit.row(500, 900, "(work) 303"),  # further on: another value's
        *wordkit.row(560, 420, "77"),  # the line below
    ]
    inside = [0, 1, 2]
    assert _run_on(words, inside, set()) == [3]
    assert _run_on(words, inside, {3}) == []  # another region's, or printed


def test_a_sloping_line_is_joined_as_one_line() -> None:
    # a photo's line still rising to the right after the alignment, the next line below it
    first = ["Carvedilol", "as", "needed", "for", "pain"]
    second = ["every", "morning", "with", "food"]
    words, xs, ys = [], [], []
    for n, text in enumerate(first):
        words.append(Word(text, 0.9, BBox(100 * n, 0, 100 * n + 80, 30)))
        xs.append(0.1 + 0.1 * n)
        ys.append(0.500 + 0.004 * n)  # rising 0.016 over the line, more than a line's height
    for n, text in enumerate(second):
        words.append(Word(text, 0.9, BBox(100 * n, 40, 100 * n + 80, 70)))
        xs.append(0.1 + 0.1 * n)
        ys.append(0.512 + 0.004 * n)  # the next line starts above where this one ends
    text = join_text(words, xs, ys, 3300, " ")
    assert text == "Carvedilol as needed for pain every morning with food"


def test_a_list_blank_on_the_teaching_copy_and_unread_here_is_blank() -> None:
    teacher = prescription([], "6")  # no medicine written: the list has no region
    values = {**TEACHER, "medicines": []}
    layout = learn("rx", "prescription", [teacher], values)
    assert "medicines" not in {r.name for r in layout.fields}
    generic = {"patient_name": FieldResult("Clara Anderson", 0.9)}
    result = ExtractionResult("scan.png", document_type="prescription", fields=dict(generic))
    apply_layouts(result, [prescription([], "2")], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == "rx"
    assert result.fields["medicines"].value == []
    assert result.fields["medicines"].confidence == UNPLACED_BLANK < DOUBTFUL_CONFIDENCE
    # without a matching layout nothing is made up
    alone = ExtractionResult("scan.png", document_type="prescription", fields=dict(generic))
    apply_layouts(alone, [prescription([], "2")], PipelineConfig(layouts=LayoutSet.of([])))
    assert "medicines" not in alone.fields


def test_a_label_the_alignment_did_not_place_is_still_a_word_of_the_form() -> None:
    # (a generic reading that runs on into it, "Michael Oyelaran Rel.", is not "wider")
    layout = learn("clinic", "prescription", [form_page(SAMPLE_VALUES)], SAMPLE_VALUES)
    # this copy's "Date:" label sits further right than the alignment places it
    printed = [(t, x + 300, y) if t == "Date:" else (t, x, y) for t, x, y in FORM_A_PRINTED]
    page = synthetic_page(printed, FORM_A_VALUES, SAMPLE_VALUES)
    match = find_layout([page], LayoutSet.of([layout]))
    assert match is not None
    reading = read_fields(match, PipelineConfig().date_order)["patient_name"]
    label = next(w.bbox for w in page.words if w.text == "Date:")
    assert label not in _printed_boxes(match.pages[0])  # not found where the form has it
    assert _form_words({label}, reading)
    assert not _form_words(set(reading.result.boxes), reading)


def form_page(values):  # type: ignore[no-untyped-def]
    return synthetic_page(FORM_A_PRINTED, FORM_A_VALUES, values)
