"""Learned layouts and choices: a printed word is no answer, a marked row is the image's."""

from __future__ import annotations

from medreview.config import PipelineConfig
from medreview.layouts import LayoutSet, apply_layouts, learn
from medreview.model import ExtractionResult, FieldResult, OcrPage
from tests import wordkit

# a form that answers by striking out what does not apply; its header prints "Reyes"
PRINTED = [
    (150, 200, "St Luke Outpatient Clinic"),
    (220, 200, "Dr Anna Reyes Director"),
    (400, 200, "PERSONAL HEALTH SUMMARY"),
    (600, 200, "Name -"),
    (800, 200, "Known to be immune to chickenpox"),
    (900, 200, "Measles immunity -"),
    (1000, 200, "HBV vaccine series done?"),
    (1200, 200, "strike out what does not apply"),
    (1400, 200, "Signature of patient"),
]
ROWS = {"chicken_pox": 800, "measles": 900, "hepatitis_b_vaccination": 1000}
TWO = {"chicken_pox": ("IMMUNE", "NOT IMMUNE"), "measles": ("IMMUNE", "NOT IMMUNE")}
VALUES = {
    "patient_name": "Omar Kim",
    "chicken_pox": "immune",
    "measles": "not immune",
    "hepatitis_b_vaccination": "yes",
}


def page() -> OcrPage:
    """The form's words: every copy prints both options of each row, whatever is struck."""
    rows = [*PRINTED, (600, 500, "Omar Kim")]
    for name, y in ROWS.items():
        first, second = TWO.get(name, ("YES", "NO"))
        rows.append((y, 1500, f"{first} / {second}*"))
    return wordkit.ocr_page(wordkit.layout(rows))


def test_a_printed_word_that_reads_like_a_choice_teaches_no_place() -> None:
    layout = learn("strike", "patient_details", [page()], {"hepatitis_b_vaccination": "yes"})
    (region,) = layout.fields
    # not "Reyes" in the header, nor the question: the printed options' row, read by a mark
    assert region.choice
    assert 0.29 < region.box[1] < 0.31  # the row at y 1000 of 3300
    assert region.box[0] > 0.5


def test_a_question_word_is_not_the_answer() -> None:
    bare = wordkit.ocr_page(wordkit.layout([*PRINTED, (600, 500, "Omar Kim")]))
    values = {"patient_name": "Omar Kim", "chicken_pox": "immune"}
    layout = learn("q", "patient_details", [bare], values)
    assert [r.name for r in layout.fields] == ["patient_name"]  # "immune to" is printed text


def test_a_row_answered_by_striking_out_reads_the_other_option() -> None:
    # on the teaching copy the generic reader named the struck options: the form strikes
    evidence = {
        "chicken_pox": FieldResult("not immune", 0.9),
        "measles": FieldResult("immune", 0.9),
        "hepatitis_b_vaccination": FieldResult("yes", 0.9),  # (read right: no strike-out)
    }
    layout = learn("strike", "patient_details", [page()], VALUES, evidence=evidence)
    struck = {r.name: r.struck for r in layout.fields if r.choice}
    assert struck == {"chicken_pox": True, "measles": True, "hepatitis_b_vaccination": False}
    generic = {
        "chicken_pox": FieldResult("immune", 0.9),
        "measles": FieldResult("not immune", 0.9),
        "hepatitis_b_vaccination": FieldResult("no", 0.9),
    }
    result = ExtractionResult("scan.png", document_type="patient_details", fields=dict(generic))
    apply_layouts(result, [page()], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == "strike"
    assert {name: result.fields[name].value for name in generic} == {
        "chicken_pox": "not immune",
        "measles": "immune",
        "hepatitis_b_vaccination": "no",
    }


# a check list of conditions: every copy prints them all, a box before each is ticked or not
CHECK_LIST = [
    (150, 200, "Camp Pinewood Camper Health Form"),
    (300, 200, "Name of camper:"),
    (500, 200, "HEALTH HISTORY"),
    (560, 200, "Check Yes or No for each condition, past or present:"),
    (640, 300, "Asthma"),
    (640, 1400, "Bedwetting"),
    (700, 300, "ADHD"),
    (700, 1400, "Eczema"),
    (760, 300, "Migraine"),
    (760, 1400, "Anxiety"),
    (820, 300, "Seizures"),
    (820, 1400, "Allergic rhinitis"),
    (1000, 200, "Signature of parent / guardian"),
]


def test_a_check_list_read_from_its_marks_is_not_the_teaching_copys_ticked_option() -> None:
    """The layout's region holds the option its teaching copy had ticked; this copy ticks another.

    The generic reader read the marks beside the printed options: its reading is kept.
    """
    copy = wordkit.ocr_page(wordkit.layout([*CHECK_LIST, (300, 600, "Daniel Kim")]))
    values = {"patient_name": "Daniel Kim", "medical_problems": ["Allergic rhinitis"]}
    layout = learn("camp", "patient_details", [copy], values)
    assert "medical_problems" in {r.name for r in layout.fields}
    anxiety = next(w for w in copy.words if w.text == "Anxiety")
    generic = {
        "patient_name": FieldResult("Daniel Kim", 0.9),
        "medical_problems": FieldResult(["Anxiety"], 0.9, page=0, boxes=(anxiety.bbox,)),
    }
    result = ExtractionResult("scan.png", document_type="patient_details", fields=dict(generic))
    apply_layouts(result, [copy], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == "camp"
    assert result.fields["medical_problems"].value == ["Anxiety"]
