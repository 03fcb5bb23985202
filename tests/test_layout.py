from __future__ import annotations

import random

from medreview.model import BBox, Word
from medreview.parsing.layout import (
    compact,
    find_labels,
    group_lines,
    page_lines,
    segments,
    split_glued,
    value_above,
    value_below,
    value_beside,
    value_right,
)
from tests.wordkit import layout, ocr_page, row

LABELS = {
    "name": ("Name",),
    "date": ("Date",),
    "birth": ("Birth Date",),
    "street": ("Street",),
    "weight": ("Weight",),
    "address": ("Address",),
    "directions": ("Directions",),
    "problems": ("List any Medical Problems",),
}


def texts(words: tuple[Word, ...]) -> str:
    return " ".join(w.text for w in words)


def test_lines_are_rebuilt_from_boxes_in_reading_order() -> None:
    words = layout([(100, 200, "second line here"), (40, 200, "first line")])
    random.Random(3).shuffle(words)
    lines = group_lines(words)
    assert [ln.text for ln in lines] == ["first line", "second line here"]


def test_skewed_line_stays_one_line() -> None:
    tilted = row(300, 100, "Take one tablet by mouth three times a day", dy_per_word=5)
    below = row(380, 100, "next line")
    lines = group_lines(tilted + below)
    assert [ln.text for ln in lines] == [
        "Take one tablet by mouth three times a day",
        "next line",
    ]


def test_engine_line_numbers_are_not_trusted() -> None:
    # the engine split one visual line into two blocks; boxes say it is one line
    left = [Word(w.text, w.confidence, w.bbox, block=1, line=1) for w in row(50, 100, "Name:")]
    right = [Word(w.text, w.confidence, w.bbox, block=7, line=9) for w in row(52, 300, "Helen")]
    assert [ln.text for ln in group_lines(left + right)] == ["Name: Helen"]


def test_big_gap_splits_a_line_into_segments() -> None:
    words = row(50, 100, "Name: Helen Okafor") + row(50, 1300, "Date: 03/14/2023")
    (line,) = group_lines(words)
    assert [texts(s) for s in segments(line)] == ["Name: Helen Okafor", "Date: 03/14/2023"]


def test_glued_label_is_split_with_proportional_boxes() -> None:
    word = Word("Name:Helen", 0.9, BBox(100, 10, 300, 40))
    head, tail = split_glued(word)
    assert (head.text, tail.text) == ("Name:", "Helen")
    assert head.bbox.x0 == 100 and tail.bbox.x1 == 300 and head.bbox.x1 < tail.bbox.x0
    assert split_glued(Word("03/14/2023", 0.9, BBox(0, 0, 10, 10)))[0].text == "03/14/2023"


def test_compact_undoes_ocr_confusions() -> None:
    assert compact("Narne:") == compact("Name")
    assert compact("Dircctions") != compact("Directions")  # fuzzy matching handles this one
    assert compact("C1ty/State") == compact("City / State")


def test_misread_labels_are_found() -> None:
    lines = page_lines(
        [
            ocr_page(
                layout(
                    [
                        (50, 100, "Narne: Helen Okafor"),
                        (120, 100, "Adress: 41 Orchard Lane"),
                        (190, 100, "Dircctions: one a day"),
                    ]
                )
            )
        ]
    )
    found = {(m.key, m.line, m.start, m.end) for m in find_labels(lines, LABELS)}
    assert found == {("name", 0, 0, 1), ("address", 1, 0, 1), ("directions", 2, 0, 1)}


def test_values_are_not_taken_for_labels() -> None:
    words = row(50, 100, "Street: 7332 Main Street") + row(50, 1300, "Weight: 72 kg")
    words += row(120, 100, "Name: Chloe Wright") + row(120, 1300, "Birth Date: 05/05/1955")
    lines = group_lines(words)
    found = [(m.key, m.line, m.start) for m in find_labels(lines, LABELS)]
    assert found == [("street", 0, 0), ("weight", 0, 4), ("name", 1, 0), ("birth", 1, 3)]


def test_value_right_stops_at_next_label_and_gap() -> None:
    words = row(50, 100, "Name: Helen Okafor Date: 03/14/2023")
    lines = group_lines(words)
    labels = find_labels(lines, LABELS)
    name = next(m for m in labels if m.key == "name")
    assert texts(value_right(lines, name, labels)) == "Helen Okafor"
    date = next(m for m in labels if m.key == "date")
    assert texts(value_right(lines, date, labels)) == "03/14/2023"


def test_value_right_skips_blank_fillers() -> None:
    lines = group_lines(row(50, 100, "Refill: _ 2 _ times ____"))
    hit = find_labels(lines, {"refill": ("Refill",)})[0]
    assert texts(value_right(lines, hit, [hit])) == "2 times"


def test_a_labels_bracketed_examples_are_not_its_value() -> None:
    lines = group_lines(row(50, 100, "List any Medical Problems (asthma, seizures, headaches):"))
    hit = find_labels(lines, LABELS)[0]
    assert value_right(lines, hit, [hit]) == ()
    lines = group_lines(row(50, 100, "List any Medical Problems (asthma, seizures): Gout"))
    hit = find_labels(lines, LABELS)[0]
    assert texts(value_right(lines, hit, [hit])) == "Gout"
    lines = group_lines(row(50, 100, "Name: (415) 555-0185"))
    hit = find_labels(lines, LABELS)[0]
    assert texts(value_right(lines, hit, [hit])) == "(415) 555-0185"


def test_value_below_a_label_with_nothing_right() -> None:
    words = layout(
        [
            (50, 100, "List any Medical Problems:"),
            (110, 140, "Asthma, Migraine"),
            (400, 100, "far away text"),
        ]
    )
    lines = group_lines(words)
    labels = find_labels(lines, LABELS)
    (hit,) = labels
    assert value_right(lines, hit, labels) == ()
    assert texts(value_below(lines, hit, labels)) == "Asthma, Migraine"


def test_value_below_is_not_taken_from_another_label_row_or_far_away() -> None:
    words = layout([(50, 100, "Address:"), (110, 100, "Directions: one a day")])
    lines = group_lines(words)
    labels = find_labels(lines, LABELS)
    assert value_below(lines, labels[0], labels) == ()
    far = group_lines(layout([(50, 100, "Address:"), (400, 100, "Rx")]))
    far_labels = find_labels(far, LABELS)
    assert value_below(far, far_labels[0], far_labels) == ()


def test_value_beside_on_a_neighbouring_line_of_a_skewed_photo() -> None:
    label = row(500, 100, "Measles:")
    value = row(470, 420, "NOT IMMUNE")
    lines = group_lines(label + value + row(380, 100, "Chicken Pox: IMMUNE"))
    labels = find_labels(lines, {"measles": ("Measles",)})
    (hit,) = labels
    assert value_right(lines, hit, labels) == ()
    assert texts(value_beside(lines, hit, labels)) == "NOT IMMUNE"


def test_tall_box_does_not_split_a_line() -> None:
    # "daily" has a descender box, "for" a speck above it: centres differ, baselines agree
    words = [
        Word("once", 0.9, BBox(596, 1644, 717, 1677)),
        Word("daily", 0.9, BBox(738, 1630, 879, 1704)),
        Word("for", 0.9, BBox(890, 1605, 965, 1677)),
        Word("10", 0.9, BBox(988, 1631, 1046, 1677)),
    ]
    words += row(1750, 596, "next line words")
    assert [ln.text for ln in group_lines(words)] == ["once daily for 10", "next line words"]


def test_strongly_skewed_page_keeps_label_and_far_value_together() -> None:
    # 3 degrees of tilt: a value 900 px right of its label sits 47 px lower
    slope = 0.052
    words: list[Word] = []
    for i, label in enumerate(["Name:", "Phone:", "Street:", "Country:"]):
        for w in row(100 + 110 * i, 100, label) + row(
            100 + 110 * i, 1000, f"value {i} is written here"
        ):
            drop = round(slope * w.bbox.x0)
            words.append(
                Word(w.text, 0.9, BBox(w.bbox.x0, w.bbox.y0 + drop, w.bbox.x1, w.bbox.y1 + drop))
            )
    lines = group_lines(words)
    assert [ln.text for ln in lines] == [
        "Name: value 0 is written here",
        "Phone: value 1 is written here",
        "Street: value 2 is written here",
        "Country: value 3 is written here",
    ]


def test_value_beside_is_a_segment_of_a_labelled_neighbour_line() -> None:
    # the Height value slid up onto the Street row, right of everything else there
    words = row(1009, 200, "Street: 79 Cedar Court") + row(1009, 1880, "69")
    words += row(1040, 1580, "Height:")
    lines = group_lines(words)
    table = {"street": ("Street",), "height": ("Height",)}
    labels = find_labels(lines, table)
    height = next(m for m in labels if m.key == "height")
    street = next(m for m in labels if m.key == "street")
    assert texts(value_beside(lines, height, labels)) == "69"
    assert texts(value_right(lines, street, labels)) == "79 Cedar Court"


def test_specks_before_a_label_do_not_hide_it() -> None:
    lines = group_lines(row(50, 100, "_ Nahe: Sofia Carter"))
    (hit,) = find_labels(lines, {"name": ("Name",)})
    assert (hit.start, texts(value_right(lines, hit, [hit]))) == (1, "Sofia Carter")


def test_longer_label_with_colon_wins_over_its_prefix() -> None:
    lines = group_lines(row(50, 100, "Policy Nuniber: DXX10C3P"))
    table = {"policy": ("Policy Number", "Policy")}
    (hit,) = find_labels(lines, table)
    assert (hit.end, texts(value_right(lines, hit, [hit]))) == (2, "DXX10C3P")


def test_lone_speck_set_apart_before_a_value_is_skipped() -> None:
    words = row(50, 100, "Name;") + row(50, 300, "7") + row(50, 600, "Diego N. Moore")
    lines = group_lines(words)
    (hit,) = find_labels(lines, {"name": ("Name",)})
    assert texts(value_right(lines, hit, [hit])) == "Diego N. Moore"


def test_perspective_tilted_header_stays_one_line() -> None:
    # a phone photo's header: each word higher than the last (slope about -0.065)
    boxes = [("Dr", 844, 280, 935, 340), ("Aisha", 954, 260, 1170, 331)]
    boxes += [("Bell,", 1201, 246, 1369, 323), ("M.D", 1400, 234, 1553, 299)]
    words = [Word(t, 0.9, BBox(x0, y0, x1, y1)) for t, x0, y0, x1, y1 in boxes]
    for i in range(6):  # body lines with the same tilt tell the slope
        words += [
            Word(
                f"w{i}{j}",
                0.9,
                BBox(200 + 220 * j, 600 + 120 * i - 14 * j, 400 + 220 * j, 650 + 120 * i - 14 * j),
            )
            for j in range(5)
        ]
    lines = group_lines(words)
    assert lines[0].text == "Dr Aisha Bell, M.D"
    assert len(lines) == 7


def test_tail_of_a_long_value_is_not_the_value_below_a_right_hand_label() -> None:
    words = row(100, 200, "Name: Benjamin Moore") + row(100, 1580, "Home Phone:")
    words += row(200, 200, "Address: 1447 Maple Court Apt 35, Sacramento, CA 95814")
    lines = group_lines(words)
    table = {"name": ("Name",), "phone": ("Home Phone",), "address": ("Address",)}
    labels = find_labels(lines, table)
    phone = next(m for m in labels if m.key == "phone")
    assert value_below(lines, phone, labels) == ()


def test_line_height_ignores_specks() -> None:
    words = [Word("'", 0.3, BBox(100, 100, 104, 104)), *row(90, 120, "Directions:")]
    (line,) = group_lines(words)
    assert line.height == 36


def test_numbered_heading_is_found_after_its_number() -> None:
    headings = {"personal": ("Personal details",), "kin": ("Next of kin",)}
    lines = page_lines(
        [ocr_page(layout([(100, 200, "1. Personal details"), (300, 200, "2.Next of kin")]))]
    )
    found = {m.key: (lines[m.line].words[m.start].text) for m in find_labels(lines, headings)}
    assert found == {"personal": "Personal", "kin": "Next"}


def test_a_short_label_is_not_a_word_of_running_text() -> None:
    labels = {"patient": ("For",), "tel": ("Tel",)}
    lines = page_lines(
        [ocr_page(layout([(100, 200, "for 7 days"), (200, 200, "For Helen Okafor")]))]
    )
    assert [(m.line, m.key) for m in find_labels(lines, labels)] == [(1, "patient")]
    lines = page_lines([ocr_page(row(100, 200, "tel: 415 555 0182"))])
    assert [m.key for m in find_labels(lines, labels)] == ["tel"]


def test_a_value_written_over_a_small_label_is_not_on_its_line() -> None:
    # a tall handwritten "50" (Weight's value) reaches down to the "Height" label under it
    words = [
        Word("Weight", 0.9, BBox(1396, 756, 1539, 829)),
        Word("50", 0.9, BBox(1408, 841, 1468, 933)),
        Word("Portland,", 0.9, BBox(214, 868, 455, 973)),
        Word("97201", 0.9, BBox(623, 871, 789, 975)),
        Word("Height", 0.9, BBox(1382, 932, 1531, 1006)),
    ]
    lines = [ln.text for ln in group_lines(words)]
    assert "50" in lines
    assert not any("50" in ln and "Height" in ln for ln in lines)


def test_label_glued_to_its_number_is_split() -> None:
    for glued, label, value in (
        ("DATE06/29/2025", "DATE", "06/29/2025"),
        ("PHONE(303)555-0121", "PHONE", "(303)555-0121"),
        ("NAMEEmma", "NAME", "Emma"),
    ):
        parts = split_glued(Word(glued, 0.9, BBox(100, 100, 100 + 20 * len(glued), 140)))
        assert [p.text for p in parts] == [label, value]
    # a code of letters and digits stays whole
    assert len(split_glued(Word("NL03889168", 0.9, BBox(0, 0, 200, 40)))) == 1
    assert len(split_glued(Word("McDonald", 0.9, BBox(0, 0, 200, 40)))) == 1


def test_one_word_is_no_label_of_three_unless_it_matches_closely() -> None:
    labels = {"patient": ("About the patient",)}
    assert find_labels(group_lines(row(50, 100, "OUTPATIENT REGISTRATION")), labels) == []
    assert find_labels(group_lines(row(50, 100, "Aboutthepatient")), labels) != []


def test_a_whole_label_read_exactly_runs_on_past_a_colon_inside_it() -> None:
    labels = {"rx": ("Rx",), "medicines": ("Rx: drug, strength, form",)}
    [hit] = find_labels(group_lines(row(50, 100, "Rx: drug, strength, form")), labels)
    assert hit.key == "medicines"
    [hit] = find_labels(group_lines(row(50, 100, "Rx: Amoxicillin 500 mg")), labels)
    assert hit.key == "rx"


def test_value_above_a_caption_on_the_rule_over_it() -> None:
    words = layout([(500, 220, "Omar Wright"), (562, 1050, "Forename(s) and surname")])
    lines = group_lines(words)
    [hit] = find_labels(lines, {"name": ("Forename(s) and surname",)})
    # the caption is centred under a long rule: without the rule it finds nothing over it
    assert value_above(lines, hit, [hit]) == ()
    assert texts(value_above(lines, hit, [hit], (200, 2300, 552))) == "Omar Wright"


def test_a_word_like_a_label_running_on_in_lower_case_is_no_label() -> None:
    labels = {"allergies": ("Allergy", "Allergic to")}
    assert find_labels(group_lines(row(50, 100, "Allergic rhinitis, Asthma")), labels) == []
    assert find_labels(group_lines(row(50, 100, "Allergy: penicillin")), labels) != []
