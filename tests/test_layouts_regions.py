"""Learned regions that follow the form: columns, the next value's label, the lines a value took.

Synthetic words (:mod:`tests.wordkit`): each test teaches one copy and reads another
copy that writes its values differently.
"""

from __future__ import annotations

from medreview.config import PipelineConfig
from medreview.documents import fields_of
from medreview.layouts import LayoutSet, apply_layouts, find_layout, learn, read_fields
from medreview.layouts.format import Layout, dumps, loads
from medreview.layouts.reading import coerce
from medreview.model import BBox, ExtractionResult, FieldResult, OcrPage, Word
from tests import wordkit

HEADER = [
    (150, 200, "Old Mill Family Doctors"),
    (220, 200, "Harbor Avenue Honolulu"),
    (400, 900, "RX ORDER"),
    (600, 200, "Please fill for"),
    (3100, 200, "Valid for thirty days from the date written"),
]
NAME = (600, 520, "Clara Anderson")


def read(layout: Layout, page: OcrPage) -> dict[str, object]:
    match = find_layout([page], LayoutSet.of([layout]))
    assert match is not None
    return {k: r.result.value for k, r in read_fields(match, PipelineConfig().date_order).items()}


def combined(layout: Layout, page: OcrPage, generic: dict[str, FieldResult]) -> ExtractionResult:
    result = ExtractionResult("scan.png", document_type="prescription", fields=dict(generic))
    apply_layouts(result, [page], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == layout.name
    return result


def words_of(page: OcrPage, *texts: str) -> list[Word]:
    return [next(w for w in page.words if w.text == text) for text in texts]


# -- a list ends at the label of the value under it ------------------------------------


def listed(medicines: list[str]) -> OcrPage:
    """Numbered medicines, then ``Use:`` left of the directions, then refills."""
    rows = [*HEADER, NAME]
    y = 800
    for n, medicine in enumerate(medicines, 1):
        rows.append((y, 300, f"{n}. {medicine}"))
        y += 90
    rows += [(y + 40, 200, "Use:"), (y + 40, 340, "Take one tablet daily")]
    rows += [(y + 200, 200, "Refills permitted:"), (y + 200, 600, "2")]
    return wordkit.ocr_page(wordkit.layout(rows))


def test_a_list_ends_at_the_label_of_the_value_below_it() -> None:
    teacher = listed(["Propranolol 20 mg", "Tamsulosin 0.4 mg", "Levothyroxine 75 mcg"])
    values = {
        "patient_name": "Clara Anderson",
        "medicines": ["Propranolol 20 mg", "Tamsulosin 0.4 mg", "Levothyroxine 75 mcg"],
        "directions": "Take one tablet daily",
    }
    layout = learn("rx", "prescription", [teacher], values)
    region = next(r for r in layout.fields if r.name == "medicines")
    assert region.stop_below is not None
    assert layout.pages[0].anchors[region.stop_below].text == "Use:"
    # one medicine: the directions move up into the list's old place, and stay directions
    found = read(layout, listed(["Carvedilol 25 mg"]))
    assert found["medicines"] == ["Carvedilol 25 mg"]
    assert found["directions"] == "Take one tablet daily"


# -- a value under a column heading ends at the next column ------------------------------


def table(rows: list[tuple[str, str]]) -> OcrPage:
    """A medicines table: ``Medicine``, ``Dose`` and ``When`` headings, a side bar's title."""
    lines = [*HEADER, NAME, (760, 300, "Medicine"), (760, 1300, "Dose"), (760, 1900, "When")]
    lines.append((900, 150, "DRUGS"))  # (a side bar's title, left of the table)
    for n, (medicine, dose) in enumerate(rows):
        lines.append((840 + 90 * n, 310, medicine))
        if dose:
            lines.append((840 + 90 * n, 1310, dose))
    lines.append((1400, 200, "Signature of patient"))
    return wordkit.ocr_page(wordkit.layout(lines))


def test_a_value_under_a_heading_ends_where_the_next_column_begins() -> None:
    teacher = table([("Salbutamol", "")])  # nothing written beside it to end it
    layout = learn("rx", "prescription", [teacher], {"medicines": ["Salbutamol"]})
    region = next(r for r in layout.fields if r.name == "medicines")
    assert region.stop_right is not None
    assert layout.pages[0].anchors[region.stop_right].text == "Dose"
    assert region.box[0] > 190 / 2550  # ... and begins at its heading, not at the side bar
    found = read(layout, table([("Ciprofloxacin", "750 mg"), ("Fluoxetine", "10 mg")]))
    assert found["medicines"] == ["Ciprofloxacin", "Fluoxetine"]


def test_a_caption_under_the_value_is_no_column_heading() -> None:
    # captions under the values: the caption above is the row above's, its neighbour
    # on the right ("Policy number") heads no column of this value
    rows = [
        *HEADER,
        (700, 200, "Clara Anderson"),
        (750, 200, "Patient name"),
        (750, 900, "Policy number"),
        (850, 200, "12 Oak Street, Salem, OR 97301"),
        (900, 200, "Home address"),
    ]
    teacher = wordkit.ocr_page(wordkit.layout(rows))
    values = {"patient_name": "Clara Anderson", "patient_address": "12 Oak Street, Salem, OR 97301"}
    layout = learn("rx", "prescription", [teacher], values)
    region = next(r for r in layout.fields if r.name == "patient_address")
    assert region.box[2] > 0.9  # the address runs on to the margin


# -- the printed line above a value is not the value's ------------------------------------


def written_under(address: list[Word]) -> OcrPage:
    rows = [*HEADER[:3], (600, 200, "Please dispense to"), (600, 620, "Clara Anderson")]
    rows.append((900, 200, "Refills permitted: 2"))
    return wordkit.ocr_page([*wordkit.layout(rows), *address])


def tall(y: int, x: int, text: str, height: int) -> list[Word]:
    """Handwriting: words taller than the printed ones."""
    return [
        Word(w.text, w.confidence, BBox(w.bbox.x0, y, w.bbox.x1, y + height))
        for w in wordkit.row(y, x, text)
    ]


def test_the_printed_line_above_a_value_is_left_out_of_its_region() -> None:
    teacher = written_under(tall(650, 200, "12 Oak Street, Salem, OR", 100))
    values = {"patient_name": "Clara Anderson", "patient_address": "12 Oak Street, Salem, OR"}
    layout = learn("rx", "prescription", [teacher], values)
    region = next(r for r in layout.fields if r.name == "patient_address")
    assert region.box[1] > 618 / 3300  # below the middle of "Please dispense to"
    copy = written_under(wordkit.row(680, 200, "7 Elm Road, Dover, DE 19901"))
    assert read(layout, copy)["patient_address"] == "7 Elm Road, Dover, DE 19901"


# -- a value moves with the anchor above it when the one below was pushed --------------------


def signed(lines: list[str]) -> OcrPage:
    """A prescriber's name under ``Signed``, the lines under it, then ``Prov. no.``."""
    rows = [*HEADER, NAME, (2700, 1100, "Signed")]
    y = 2800
    for line in lines:
        rows.append((y, 1300, line))
        y += 45
    rows.append((y, 1300, "Prov. no. 4185755"))
    return wordkit.ocr_page(wordkit.layout(rows))


def test_a_name_stays_with_the_label_above_when_a_line_pushes_the_one_below() -> None:
    layout = learn("rx", "prescription", [signed(["Lucia Evans, MD"])], {
        "patient_name": "Clara Anderson",
        "prescriber": "Lucia Evans, MD",
    })  # fmt: skip
    region = next(r for r in layout.fields if r.name == "prescriber")
    references = [layout.pages[0].anchors[i].text for i in region.anchors]
    assert references == ["Prov.", "no.", "Signed"]  # under the name, then above it
    copy = signed(["Sofia Baker, M.D.", "Pediatrics"])
    assert read(layout, copy)["prescriber"] == "Sofia Baker, M.D."


# -- the lines a text took on the teaching copy ----------------------------------------------


def letterhead(name: list[tuple[int, int, str]], address: list[tuple[int, int, str]]) -> OcrPage:
    rows = [
        (400, 900, "RX ORDER"),
        (600, 200, "Please fill for"),
        (1000, 200, "Take as directed by your doctor"),
        (3100, 200, "Valid for thirty days from the date written"),
        NAME,
        *name,
        *address,
    ]
    return wordkit.ocr_page(wordkit.layout(rows))


def test_a_text_read_over_more_lines_than_taught_gives_way_to_the_generic_reading() -> None:
    values = {"patient_name": "Clara Anderson", "prescriber": "Ann Lee"}
    layout = learn("rx", "prescription", [letterhead([(150, 1150, "Ann Lee")], [])], values)
    assert next(r for r in layout.fields if r.name == "prescriber").lines == 1
    # a longer name written further left, a specialty close under it
    copy = letterhead([(150, 700, "Dr Ann Lee"), (175, 1150, "General Practice")], [])
    words = [w for w in copy.words if w.bbox.y0 == 150]
    generic = {"prescriber": FieldResult.from_words("Dr Ann Lee", words)}
    result = combined(layout, copy, generic)
    assert result.fields["prescriber"].value == "Dr Ann Lee"
    assert "General Practice" in str(result.fields["prescriber"].second_reading)


def test_a_text_taught_over_two_lines_is_read_over_both() -> None:
    two = [(700, 300, "12 Oak Street"), (760, 300, "Salem, OR 97301")]
    values = {"patient_name": "Clara Anderson", "patient_address": "12 Oak Street, Salem, OR 97301"}
    layout = learn("rx", "prescription", [letterhead([], two)], values)
    assert next(r for r in layout.fields if r.name == "patient_address").lines == 2
    copy = letterhead([], [(700, 300, "9 Elm Road"), (760, 300, "Dover, DE 19901")])
    first = words_of(copy, "9", "Elm", "Road")
    generic = {"patient_address": FieldResult.from_words("9 Elm Road", first)}
    result = combined(layout, copy, generic)
    assert result.fields["patient_address"].value == "9 Elm Road, Dover, DE 19901"
    # the count is kept in the layout file
    assert loads(dumps(layout), "rx.toml") == layout


# -- lists -------------------------------------------------------------------------------------


def test_an_item_the_generic_reader_dropped_from_the_same_words_is_kept() -> None:
    layout = learn("rx", "prescription", [listed(["Ibuprofen", "Latex", "Milk"])], {
        "patient_name": "Clara Anderson",
        "medicines": ["Ibuprofen", "Latex", "Milk"],
    })  # fmt: skip
    copy = listed(["Codeine", "Iodine", "Penicillin"])
    read_words = words_of(copy, "Codeine", "Iodine", "Penicillin")
    generic = {"medicines": FieldResult.from_words(["Codeine", "Penicillin"], read_words)}
    result = combined(layout, copy, generic)
    assert result.fields["medicines"].value == ["Codeine", "Iodine", "Penicillin"]


def test_a_list_item_without_a_word_of_three_letters_is_debris() -> None:
    spec = next(s for s in fields_of("patient_details") if s.name == "regular_medication")
    assert coerce(spec, "Salbutamol\n8 o") == ["Salbutamol"]
    assert coerce(spec, "8 o") == []
    assert coerce(spec, "Vitamin D 1000 IU\nB12") == ["Vitamin D 1000 IU"]


# -- choices -----------------------------------------------------------------------------------


def immunity(*options: tuple[int, str]) -> OcrPage:
    rows = [*HEADER, (700, 200, "Chicken pox:"), (800, 200, "Measles:")]
    rows += [(700, x, text) for x, text in options]
    return wordkit.ocr_page(wordkit.layout(rows))


def test_an_option_word_gives_way_to_the_generic_reading_of_its_whole_row() -> None:
    teacher = immunity((600, "IMMUNE"))
    layout = learn("record", "patient_details", [teacher], {"chicken_pox": "immune"})
    assert not next(r for r in layout.fields if r.name == "chicken_pox").choice
    # this copy prints the row of options, one struck out: the generic reader read the row
    # (a speck in the layout's region that the generic reader left out)
    copy = immunity((540, "-"), (600, "IMMUNE /"), (1100, "NOT IMMUNE"))
    row = [w for w in copy.words if w.bbox.y0 == 700 and w.bbox.x0 >= 600]
    generic = {"chicken_pox": FieldResult.from_words("not immune", row)}
    result = ExtractionResult("scan.png", document_type="patient_details", fields=generic)
    apply_layouts(result, [copy], PipelineConfig(layouts=LayoutSet.of([layout])))
    assert result.layout == "record"
    assert result.fields["chicken_pox"].value == "not immune"
