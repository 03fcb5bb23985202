from __future__ import annotations

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields
from medreview.parsing.choices import marked_by_text, option_spans
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()


def ticked(words: list[Word]) -> str | None:
    """The ticked yes/no option as the words alone show it."""
    return marked_by_text(words, option_spans(words, ("yes", "no")))


HEPATITIS = "Have you had the Hepatitis B vaccination?"


def page_one(hepatitis: str = "[X] Yes [ ] No", problems: str = "Asthma, Migraine") -> list[Word]:
    rows = [
        (240, 900, "Patient Medical Record"),
        (420, 1800, "Date: 08/02/2021"),
        (600, 180, "Patient Information"),
        (740, 200, "Name:"),
        (740, 600, "Samuel Ortiz"),
        (740, 1580, "Birth Date:"),
        (740, 1900, "11/23/1984"),
        (850, 200, "Phone:"),
        (850, 600, "415.555.0182"),
        (850, 1580, "Weight:"),
        (850, 1900, "72.5 kg"),
        (960, 200, "Street:"),
        (960, 600, "77 Birch Street"),
        (960, 1580, "Height:"),
        (960, 1900, "178 cm"),
        (1070, 200, "City/State/Zip:"),
        (1070, 600, "Portland, OR 97201"),
        (1180, 200, "Country:"),
        (1180, 600, "United States"),
        (1400, 180, "In Case of Emergency"),
        (1530, 200, "Name: Ana Ortiz"),
        (1530, 1580, "Home Phone: 503-555-0199"),
        (1640, 200, "Address: 9 Elm St, Boston, MA 02118"),
        (1750, 1580, "Work Phone: 503-555-0100"),
        (1950, 180, "General Medical History"),
        (2070, 200, "Chicken Pox (Varicella):"),
        (2070, 800, "IMMUNE"),
        (2190, 200, "Measles:"),
        (2190, 800, "NOT IMMUNE"),
        (2320, 200, f"{HEPATITIS} {hepatitis}"),
        (2450, 200, "List any Medical Problems (asthma, seizures, headaches):"),
        (2560, 240, problems),
        (3150, 1200, "Page 1 of 2"),
    ]
    return layout(rows)


def page_two(insured: str = "Yes", allergies: str = "N/A") -> list[Word]:
    rows = [
        (240, 900, "Patient Medical Record"),
        (520, 180, "Insurance Information"),
        (660, 200, f"Do you have medical insurance? {insured}"),
        (780, 200, "Insurance Company:"),
        (780, 700, "Northwind Mutal"),
        (900, 200, "Policy Number:"),
        (900, 700, "NW-4820 1933"),
        (1020, 200, "Insurance Address:"),
        (1020, 700, "PO Box 1200, Hartford, CT 06103"),
        (1140, 200, "Expiry Date:"),
        (1140, 700, "June 30, 2022"),
        (1400, 180, "Allergies and Medication"),
        (1530, 200, "Allergies:"),
        (1530, 700, allergies),
        (1660, 200, "Regular Medication:"),
        (1660, 700, "Salbutamol; Metformin"),
        (3000, 1500, "Patient Signature"),
    ]
    return layout(rows, page=1)


def parse(*pages: list[Word]) -> dict[str, object]:
    ocr = [ocr_page(words, index) for index, words in enumerate(pages)]
    outcome = parse_fields(DocumentType.PATIENT_DETAILS, ocr, CONFIG)
    return {name: result.value for name, result in outcome.fields.items()}


def test_two_page_record() -> None:
    assert parse(page_one(), page_two()) == {
        "record_date": "2021-08-02",
        "patient_name": "Samuel Ortiz",
        "phone": "(415) 555-0182",
        "address": "77 Birch Street, Portland, OR 97201, United States",
        "birth_date": "1984-11-23",
        "weight": 72.5,
        "height": 178,
        "emergency_contact_name": "Ana Ortiz",
        "emergency_contact_phone": "(503) 555-0199",
        "emergency_contact_address": "9 Elm St, Boston, MA 02118",
        "chicken_pox": "immune",
        "measles": "not immune",
        "hepatitis_b_vaccination": "yes",
        "medical_problems": ["Asthma", "Migraine"],
        "insurance_company": "Northwind Mutal",
        "policy_number": "NW48201933",
        "insurance_address": "PO Box 1200, Hartford, CT 06103",
        "insurance_expiry": "2022-06-30",
        "has_insurance": "yes",
        "allergies": [],
        "regular_medication": ["Salbutamol", "Metformin"],
    }


def test_page_one_only_has_no_page_two_fields() -> None:
    values = parse(page_one())
    assert "has_insurance" not in values and "allergies" not in values
    assert values["patient_name"] == "Samuel Ortiz"


def test_emergency_name_found_without_section_title() -> None:
    words = [w for w in page_one() if w.text not in ("Case", "Emergency")]
    values = parse(words)
    assert values["patient_name"] == "Samuel Ortiz"
    assert values["emergency_contact_name"] == "Ana Ortiz"


def test_blank_list_is_empty_and_blank_answers_absent() -> None:
    values = parse(page_one(hepatitis="", problems=""), page_two(insured="No"))
    assert values["medical_problems"] == []
    assert "hepatitis_b_vaccination" not in values
    assert values["has_insurance"] == "no"


def test_checkbox_answers() -> None:
    assert parse(page_one("[ ] Yes [X] No"))["hepatitis_b_vaccination"] == "no"
    assert parse(page_one("] Yes [X] No"))["hepatitis_b_vaccination"] == "no"
    assert "hepatitis_b_vaccination" not in parse(page_one("[ ] Yes [ ] No"))
    assert parse(page_one("No"))["hepatitis_b_vaccination"] == "no"


def test_tick_read_from_word_boxes() -> None:
    # drawn boxes read as "LJ" and "M"; the tick rises above the "No" box
    words = row(0, 100, "LJ Yes M No")
    no = words[-1]
    words[-1] = Word(no.text, no.confidence, BBox(no.bbox.x0, -20, no.bbox.x1, no.bbox.y1))
    assert ticked(words) == "no"
    assert ticked(row(0, 100, "LJ Yes LJ No")) is None
    line = [w for w in page_one(hepatitis="") if w.bbox.y0 != 2320]
    line += [
        *row(2320, 200, HEPATITIS),
        Word("L1]", 0.4, BBox(1200, 2310, 1240, 2356)),
        Word("Yes", 0.9, BBox(1260, 2320, 1330, 2356)),
        Word("MM", 0.6, BBox(1420, 2290, 1460, 2372)),
        Word("No", 0.9, BBox(1490, 2320, 1540, 2356)),
    ]
    assert parse(line)["hepatitis_b_vaccination"] == "no"


def test_ocr_noise_in_values() -> None:
    words = [
        Word("O8/O2/2O21", w.confidence, w.bbox) if w.text == "08/02/2021" else w
        for w in page_one()
    ]
    assert parse(words)["record_date"] == "2021-08-02"


def test_value_under_its_label() -> None:
    words = page_two(allergies="")
    words += row(1600, 260, "Penicillin, Latex", page=1)
    words = [w for w in words if w.bbox.y0 != 1660]  # no medication row
    values = parse(page_one(), words)
    assert values["allergies"] == ["Penicillin", "Latex"]
    assert "regular_medication" not in values


def test_empty_box_marks_the_other_option() -> None:
    def answer(*words: tuple[str, int, int]) -> str | None:
        return ticked([Word(text, 0.8, BBox(x, top, x + 60, 356)) for text, x, top in words])

    # the ticked box vanished, the empty one reads "LI"
    assert answer(("Yes", 1294, 320), ("LI", 1468, 310), ("No", 1538, 320)) == "yes"
    # boxes glued to their words: "MyYes" (a tick) and "(CINo" (an empty box)
    assert answer(("MyYes", 1048, 300), ("(CINo", 1302, 300)) == "yes"
    # both boxes empty, one glued: nothing ticked
    assert answer(("Ll]", 1402, 316), ("Yes", 1469, 318), ("LJNo", 1654, 310)) is None


def test_brackets_marked_with_several_strokes() -> None:
    assert parse(page_one("[XxX] Yes [.] No"))["hepatitis_b_vaccination"] == "yes"


def test_both_boxes_empty_is_no_answer_whatever_the_boxes_look_like() -> None:
    words = [w for w in page_one(hepatitis="") if w.bbox.y0 != 2320]
    words += [
        *row(2320, 200, HEPATITIS),
        Word("[", 0.9, BBox(1200, 2310, 1215, 2356)),
        Word("]", 0.9, BBox(1230, 2310, 1245, 2356)),
        Word("Yes", 0.9, BBox(1260, 2320, 1330, 2356)),
        Word("[", 0.9, BBox(1420, 2300, 1435, 2356)),
        Word("]No", 0.9, BBox(1450, 2290, 1540, 2356)),
    ]
    assert "hepatitis_b_vaccination" not in parse(words)


def test_tick_read_as_a_letter_beside_one_option() -> None:
    assert ticked(row(0, 100, "MYes No")) == "yes"
    assert ticked(row(0, 100, "Yes V No")) == "no"
