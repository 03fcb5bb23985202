"""The reader on a village nursing station's face sheet and a marathon tent's prescription.

The face sheet names its sections up shaded strips at their left edge (OCR boxes the turned
words tall and narrow, or only in part) or as numbered titles naming the part twice
(``5. ALLERGIES / HOME MEDS``); it writes each value at a cell's left with its caption small
at the cell's right end, asks the immunities in a ruled table whose heads stand at their
cells' left over boxes centred in the cells (``Had it / immune  Never had  Don't know``), and
ticks "none" boxes under the written allergies. The tent's slip types the physician's name
under the signature's caption, with the race's medical director in its letterhead, and rings
its refills in a row of numbers OCR reads only in part. The words are laid as OCR gives them
(:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.canonical import parse_number
from medreview.parsing.page import build_page
from tests.test_reader_chiro import ruled
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page, row

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION


def word(text: str, x0: int, y0: int, x1: int, y1: int) -> Word:
    """One word with the box OCR gave it."""
    return Word(text, 0.95, BBox(x0, y0, x1, y1))


def immunity_table(image: np.ndarray, slope: float = 0.0) -> list[Word]:
    """A ruled table: heads at their cells' left, each row's boxes centred in the cells.

    ``slope`` tilts the page as a photo does: every word, box and rule falls across it (OCR
    reads each box as a glyph of its row; lines of prose across the page show the tilt).
    """

    def fall(x: int) -> int:
        return int(slope * (x - 180))

    note = "This face sheet is reviewed at every visit and corrections are initialled"
    words = layout(
        [
            (300, 170, "Name: Ana Cruz"),
            *((y, 180, note) for y in (500, 600, 700)),
            (1000, 180, "Childhood disease"),
            (1000, 1060, "Had it / immune"),
            (1000, 1500, "Never had"),
            (1000, 1940, "Don't know"),
        ]
    )
    for y, label, ticked in ((1080, "Chickenpox (varicella)", 1), (1150, "Measles", 0)):
        words += row(y, 180, label)
        for column, x in enumerate((1250, 1690, 2130)):
            check_box(image, x, y + fall(x), ticked=column == ticked)
            words.append(word("\u25a1", x, y, x + 36, y + 36))
    for y in (990, 1060, 1130, 1200):  # the rows' lines (their sides too faint to find)
        cv2.line(image, (170, y + fall(170)), (2380, y + fall(2380)), 0, 2)
    return [
        replace(
            w,
            bbox=BBox(
                w.bbox.x0, w.bbox.y0 + fall(w.bbox.x0), w.bbox.x1, w.bbox.y1 + fall(w.bbox.x0)
            ),
        )
        for w in words
    ]


@pytest.mark.parametrize("slope", [0.0, 0.035])
def test_an_immunity_table_s_heads_at_their_cells_left_answer_by_the_boxes_in_the_cells(
    slope: float,
) -> None:
    """Each box stands half a head right of its head, nearest it; ``Never had`` heads the
    not-immune column; on a tilted photo the row falls from the question to its last box as
    the table's lines do."""
    image = blank()
    found = read(RECORD, immunity_table(image, slope), image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def face_sheet_page_two(image: np.ndarray, none: str) -> list[Word]:
    """The allergies written after their label, a ticked "none" box for the medicines under."""
    check_box(image, 180, 590, ticked=True)
    return layout(
        [
            (300, 170, "Name: Ana Cruz"),
            (400, 170, "ALLERGIES & MEDICINES"),
            (500, 170, "Allergies: Milk, Codeine"),
            (590, 240, none),
            (700, 170, "Medicine taken at home"),
            (700, 1300, "How much"),
            (780, 170, "None"),
        ]
    )


@pytest.mark.parametrize("option", ["Takes no medicines", "Carries an EpiPen"])
def test_a_ticked_box_under_written_allergies_is_no_allergy(option: str) -> None:
    """``[X] Takes no medicines`` under ``Allergies: Milk, Codeine`` is the medicines' option,
    and ``[X] Carries an EpiPen`` an option of its own, not a third allergy."""
    image = blank()
    found = read(RECORD, face_sheet_page_two(image, option), image)
    assert found["allergies"] == ["Milk", "Codeine"]


def test_denying_allergies_is_none() -> None:
    """A ticked ``Denies allergies`` read as the list's value is the empty list."""
    image = blank()
    check_box(image, 180, 500, ticked=True)
    words = layout(
        [
            (300, 170, "Name: Ana Cruz"),
            (400, 170, "ALLERGIES"),
            (500, 240, "Denies allergies"),
            (600, 170, "Allergic to:"),
        ]
    )
    assert read(RECORD, words, image)["allergies"] == []


@pytest.mark.parametrize(
    ("title", "section"),
    [("5. ALLERGIES / OTHER NOTES", "allergies"), ("4. FUNDING / COVERAGE", "insurance")],
)
def test_a_numbered_title_naming_its_part_twice_heads_a_section(title: str, section: str) -> None:
    """``5. ALLERGIES / OTHER NOTES`` opens its section by its first name, though ``Allergies``
    is also a field's label; ``4. FUNDING / COVERAGE`` by its second, after the part's number."""
    words = layout([(300, 170, "Name: Ana Cruz"), (500, 170, title), (600, 170, "Plan: Aetna")])
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    assert (doc.line_of(words[3]), section) in doc.sections


def captioned(image: np.ndarray, rows: list[tuple[int, str, str]]) -> list[Word]:
    """Cells each written at the left on a rule, the caption small at the rule's right end."""
    return [w for y, value, label in rows for w in ruled(image, y, 290, 2390, value, label)]


def turned_strip(image: np.ndarray, top: int, bottom: int, words: list[Word]) -> list[Word]:
    """A shaded strip down the left edge from ``top`` to ``bottom`` with a title turned up it."""
    image[top:bottom, 150:260] = 236
    return words


@pytest.mark.parametrize(
    "title",
    [
        # each word boxed along the strip, OCR laying them on the line of their middle
        [
            ("NEXT", 195, 1340, 213, 1392),
            ("OF", 216, 1245, 225, 1490),
            ("KIN", 229, 1245, 242, 1490),
        ],
        # ... or only a part of the title boxed, in the strip's middle
        [("CONTACTS", 195, 1295, 240, 1335)],
    ],
)
def test_a_title_turned_up_a_strip_opens_its_section_at_the_strip_s_top(
    title: list[tuple[str, int, int, int, int]],
) -> None:
    """The contact's first row stands beside the strip's top, above the turned words' middle:
    the section opens there, so the row's ``next of kin`` caption names the contact."""
    image = blank()
    words = layout([(100, 170, "Bristol Coast Native Health Corporation"), (200, 170, "CLIENT")])
    words += captioned(image, [(300, "David Reed", "client's full name"), (400, "95", "weighs")])
    words += turned_strip(image, 1220, 1520, [word(*t) for t in title])
    contact = captioned(image, [(1250, "Helen Reed", "name")])
    words += [*contact, *captioned(image, [(1350, "916-555-0142", "home phone")])]
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [image])
    assert doc.in_section("emergency", doc.line_of(contact[0]))
    assert read(RECORD, words, image)["emergency_contact_name"] == "Helen Reed"


def tent_slip(image: np.ndarray) -> list[Word]:
    """The slip's letterhead with the race's medical director, the physician typed under the
    signature's caption."""
    words = layout(
        [
            (100, 170, "HARBOR LIGHTS MARATHON"),
            (180, 170, "Medical care provided by Summit Sports Medicine"),
            (180, 1900, "Race medical director:"),
            (230, 1900, "Dr Robert Haddad, M.D"),
            (400, 170, "Take-home prescription"),
            (500, 170, "Patient name: Lucas Campbell"),
            (500, 1500, "Date issued: 25.06.2021"),
            (700, 170, "Rx"),
            (700, 300, "Venlafaxine 150 mg"),
            (800, 170, "Directions: Take one capsule every morning"),
            (1100, 170, "Tent physician"),
            (1180, 170, "Dr Victor Thomas, MBBS"),
            (1270, 1900, "License # DO819009"),
        ]
    )
    cv2.line(image, (170, 1090), (900, 1090), 0, 2)
    return words


def test_the_physician_typed_under_the_signature_s_caption_prescribes() -> None:
    """Not the letterhead's doctor under ``Race medical director:`` (that label's value)."""
    image = blank()
    assert read(PRESCRIPTION, tent_slip(image), image)["prescriber"] == "Dr Victor Thomas, MBBS"


def test_a_caption_ending_a_row_of_captions_is_a_label_of_its_own() -> None:
    """``1911  bib no.  Chloe Lewis  name      age``: the runner's age left blank, its caption
    ends the line after a gap in the small print of the row's captions, no word of the name."""
    image = blank()
    words = layout([(100, 170, "OLD TOWN 26.2"), (300, 170, "Take-home prescription")])
    words += [
        word("1911", 227, 707, 318, 768),
        word("bib", 511, 728, 547, 765),
        word("no.", 566, 728, 602, 765),
        word("Chloe", 645, 698, 751, 757),
        word("Lewis", 755, 695, 871, 754),
        word("name", 1891, 701, 1976, 736),
        word("age", 2255, 693, 2310, 730),
    ]
    words += layout([(900, 170, "Rx Atorvastatin 10 mg"), (1000, 170, "Directions: daily")])
    cv2.rectangle(image, (200, 680), (2380, 790), 0, 2)  # the row's cells
    cv2.line(image, (620, 680), (620, 790), 0, 2)
    assert read(PRESCRIPTION, words, image)["patient_name"] == "Chloe Lewis"


@pytest.mark.parametrize(("at", "gap", "drift"), [(400, 8, 4), (400, 40, 0), (1000, 8, 4)])
def test_a_value_s_rule_broken_in_pieces_still_holds_all_of_it(
    at: int, gap: int, drift: int
) -> None:
    """The rule under ``52 Oak St, Albuquerque, NM 87102  ... address`` is found in two pieces:
    a photo's tilted line broken into steps, or a rule parted under the writing; the caption
    closes the whole value, not only what stands on the piece under its last word, and a
    step just past the value still runs the rule on to the caption."""
    image = blank()
    words = layout([(100, 170, "OLD TOWN 26.2"), (300, 170, "Take-home prescription")])
    words += [*row(600, 200, "52 Oak St,"), *row(600, 395, "Albuquerque, NM 87102")]
    words.append(word("address", 1539, 612, 1656, 636))
    cv2.line(image, (190, 640), (at, 640), 0, 2)
    cv2.line(image, (at + gap, 640 - drift), (1520, 640 - drift), 0, 2)
    words += layout([(900, 170, "Rx Atorvastatin 10 mg"), (1000, 170, "Directions: daily")])
    words += [word("name", 1891, 512, 1976, 536)]
    words += row(500, 200, "Chloe Lewis")
    cv2.line(image, (190, 540), (1880, 540), 0, 2)
    found = read(PRESCRIPTION, words, image)
    assert found["patient_address"] == "52 Oak St, Albuquerque, NM 87102"


def test_a_ring_round_an_entry_ocr_dropped_is_told_from_its_neighbours_by_both_its_ends() -> None:
    """``Refill: [0 (1) 2] 3 4 5 PRN more:`` with the first three entries dropped by OCR: the
    big ring round ``1`` reaches into its neighbours' places at one end only."""
    image = blank()
    words = layout(
        [
            (300, 170, "Patient name: Lucas Campbell"),
            (300, 1500, "Date: 25.06.2021"),
            (500, 170, "Rx Venlafaxine 150 mg"),
            (600, 170, "Directions: daily"),
        ]
    )
    words += [
        word("Refill:", 174, 860, 285, 912),
        word("3", 602, 868, 640, 905),
        word("4", 700, 860, 723, 917),
        word("5", 792, 860, 815, 917),
        word("PRN", 885, 860, 954, 917),
        word("more:", 1036, 868, 1134, 911),
    ]
    for digit, x in (("0", 330), ("1", 425), ("2", 515)):
        cv2.putText(image, digit, (x, 905), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 0, 3)
    cv2.ellipse(image, (440, 886), (64, 46), 0, 0, 360, 0, 4)
    assert read(PRESCRIPTION, words, image)["refills"] == 1


@pytest.mark.parametrize(("text", "value"), [("17616", 176), ("14916", 149), ("176", 176)])
def test_a_written_lb_read_as_16_after_a_weight_is_its_unit(text: str, value: int) -> None:
    """No measure of the body runs to five digits: ``17616`` is ``176 lb``."""
    assert parse_number(text) == value


def test_the_face_sheet_s_wording() -> None:
    """Captions after their values in the face sheet's own words: ``weighs``, ``stands``,
    ``phone at home``, the contact's ``next of kin`` (a heading of its own, on the row it
    opens), a question of coverage answered by a ringed ``NO``."""
    image = blank()
    words = layout([(100, 170, "Bristol Coast Native Health Corporation"), (200, 170, "CLIENT")])
    words += captioned(
        image,
        [
            (300, "Kwame Lewis", "client's full name"),
            (400, "95", "weighs"),
            (500, "188", "stands"),
            (600, "412-555-0112", "phone at home"),
        ],
    )
    words += captioned(image, [(700, "Clara Ivanova", "next of kin")])
    words += layout([(800, 170, "Covered by a private or employer plan?"), (800, 1100, "YES NO")])
    no = next(w for w in words if w.text == "NO")
    cv2.ellipse(image, ((no.bbox.x0 + no.bbox.x1) // 2, 818), (40, 30), 0, 0, 360, 0, 4)
    found = read(RECORD, words, image)
    assert found["patient_name"] == "Kwame Lewis"
    assert (found["weight"], found["height"]) == (95, 188)
    assert found["phone"] == "(412) 555-0112"
    assert found["has_insurance"] == "no"
    assert found["emergency_contact_name"] == "Clara Ivanova"


def test_a_check_list_s_head_under_its_question_is_no_entry() -> None:
    """``Do you have, or have you had:`` over ``N`` (its ``Y`` dropped by OCR) and rows of a Yes
    and a No box before each condition: the head is no entry written after the question (the
    rows under it are read as the check list they are)."""
    image = blank()
    words = layout([(300, 170, "Name: Ana Cruz"), (1100, 1694, "Do you have, or have you had:")])
    words += row(1175, 1757, "N")
    for index, condition in enumerate(("Asthma", "Diabetes", "Migraine", "Seizures")):
        y = 1230 + 52 * index
        check_box(image, 1700, y, ticked=condition == "Migraine")
        check_box(image, 1755, y, ticked=False)
        words += row(y, 1822, condition)
    assert "N" not in read(RECORD, words, image).get("medical_problems", [])


@pytest.mark.parametrize("first", ["option", "order"])
def test_a_check_list_under_its_label_s_option_or_order_is_read_row_by_row(first: str) -> None:
    """``Allergies  [ ] I have no allergies`` (a box before the option on the label's line, the
    order to check each under it) or ``Allergies  Check cach:`` (the order OCR damaged, closed
    by its colon): neither is an entry written after the label, so the rows of boxes under it
    are the list's."""
    image = blank()
    words = layout([(300, 170, "Name: Ana Cruz"), (1100, 170, "Allergies")])
    if first == "option":
        check_box(image, 600, 1100, ticked=False)
        words += [*row(1100, 650, "I have no allergies"), *row(1160, 580, "Check each:")]
    else:
        words += row(1100, 600, "Check cach:")
    top = 1230 if first == "option" else 1180
    for index, entries in enumerate((("Penicillin", "Sulfa"), ("Aspirin", "Codeine"))):
        y = top + 60 * index
        for x, entry in zip((600, 1210), entries, strict=True):
            check_box(image, x, y, ticked=entry in ("Aspirin", "Codeine"))
            words += row(y, x + 50, entry)
    assert read(RECORD, words, image)["allergies"] == ["Aspirin", "Codeine"]


def test_a_check_list_begun_on_its_label_s_line_runs_on_down_its_rows() -> None:
    """``Allergies: [X] Latex  [ ] Penicillin`` then ``[X] Sulfa  [ ] Iodine``: boxes stand among
    the words after the colon, so the rows under them are more of the check list."""
    image = blank()
    words = layout([(300, 170, "Name: Ana Cruz"), (1100, 170, "Allergies:")])
    for y, entries in ((1100, ("Latex", "Penicillin")), (1170, ("Sulfa", "Iodine"))):
        for x, entry in zip((420, 820), entries, strict=True):
            check_box(image, x, y, ticked=entry in ("Latex", "Sulfa"))
            words += row(y, x + 50, entry)
    assert read(RECORD, words, image)["allergies"] == ["Latex", "Sulfa"]


@pytest.mark.parametrize("before", ["caption", "margin"])
def test_only_words_of_the_value_s_size_on_its_row_s_rules_run_on_into_it(before: str) -> None:
    """``30170  bib ff  Sarah Ortiz ......... runner's name``: the bib's caption (OCR garbled
    ``bib #``) stands in small print on the cell's edge before the name's own rule, and a
    title printed in the margin just before the row stands on no rule: neither is the
    name's."""
    image = blank()
    words = layout([(100, 170, "OLD TOWN 26.2"), (300, 170, "Take-home prescription")])
    if before == "caption":
        words += [word("30170", 206, 720, 339, 780), word("bib", 522, 748, 561, 788)]
        words += [word("ff", 570, 748, 595, 788)]
    else:
        words += [word("RUNNER", 470, 720, 590, 780)]
    words += [word("Sarah", 638, 718, 751, 778), word("Ortiz", 777, 718, 871, 778)]
    words += [word("runner's", 1829, 750, 1933, 790), word("name", 1938, 750, 2008, 790)]
    cv2.line(image, (190 if before == "caption" else 610, 800), (2390, 800), 0, 2)  # its edge
    cv2.line(image, (620, 782), (1800, 782), 150, 2)  # the name's own pale rule in its cell
    words += layout([(900, 170, "Rx Atorvastatin 10 mg"), (1000, 170, "Directions: daily")])
    assert read(PRESCRIPTION, words, image)["patient_name"] == "Sarah Ortiz"


def test_a_title_turned_up_the_margin_is_no_role_opening_a_table_row() -> None:
    """``CLIENT`` turned up the margin, boxed by OCR on the row of the weight and the phone, is
    the section's title, not a contacts table's role column: the address under its own heads
    is still read."""
    image = blank()
    words = layout(
        [
            (540, 306, "Surname"),
            (540, 874, "First & middle"),
            (608, 325, "Mitchell"),
            (608, 893, "Mateo"),
            (707, 308, "Body weight"),
            (707, 827, "Stands"),
            (707, 1350, "Phone at home"),
            (775, 321, "81 lb"),
            (775, 848, "54 in"),
            (775, 1366, "615 555 0199"),
            (876, 306, "Mailing address"),
            (876, 1186, "City / state / zip"),
            (876, 1971, "Country"),
            (952, 325, "526 Elm Court"),
            (952, 1201, "Anchorage, AK"),
            (952, 1997, "USA"),
        ]
    )
    words.append(word("CLIENT", 190, 778, 240, 829))
    assert read(RECORD, words, image)["address"] == "526 Elm Court, Anchorage, AK, USA"
