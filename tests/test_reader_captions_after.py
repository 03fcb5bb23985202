"""The reader on forms whose labels do not lead their values.

A student health form may print each label after its value, right-aligned at the end of the
value's rule in small type ("Kevin Phillips ______ (Full legal name)"), or print only a small
ringed number at each rule and name the numbers in a key under the rows, like footnotes.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from tests.test_reader_grids import blank, read
from tests.wordkit import layout, row


def _rule(image: np.ndarray, y: int, x0: int, x1: int) -> None:
    cv2.line(image, (x0, y), (x1, y), 0, 2)


def _trailing(*, brackets: bool, contact: str = "") -> tuple[list[Word], np.ndarray]:
    """A form of values on rules, each rule closed by its caption."""
    image = blank()

    def cap(text: str) -> str:
        return f"({text})" if brackets else text

    cells = [
        # (y, rule start, caption start, value, caption)
        (700, 170, 820, "Kevin Phillips", "Full legal name"),
        (700, 1240, 1980, "7 Jan 2002", "Date of birth"),
        (820, 170, 820, "kevin.phillips@student.edu", "University e-mail"),
        (820, 1240, 2000, "+1 860 555 0147", "Cell phone"),
        (940, 170, 700, "Carver Hall, Room 210", "Residence hall & room"),
        (940, 1240, 1500, "61 in", "Ht."),
        (940, 1700, 2050, "225 lb", "Wt."),
        (1180, 170, 1000, contact, "Contact person"),
        (1180, 1240, 1950, "Uncle", "Relationship"),
    ]
    rows = [(300, 170, "New Student Health Form"), (560, 170, "1. ABOUT THE STUDENT")]
    rows.append((1080, 170, "2. PERSON TO NOTIFY"))
    for y, start, caption_at, value, caption in cells:
        _rule(image, y + 44, start, caption_at - 30)
        if value:
            rows.append((y, start + 12, value))
        rows.append((y, caption_at, cap(caption)))
    return layout(rows), image


def test_captions_after_their_values_close_the_values_before_them() -> None:
    """Each value is the one written on the rule its caption closes, not the one after it."""
    words, image = _trailing(brackets=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["patient_name"] == "Kevin Phillips"
    assert found["birth_date"] == "2002-01-07"
    assert found["phone"] == "(860) 555-0147"
    assert found["height"] == 61
    assert found["weight"] == 225


def test_captions_after_values_are_read_without_brackets_too() -> None:
    words, image = _trailing(brackets=False)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["birth_date"] == "2002-01-07"
    assert found["height"] == 61
    assert found["weight"] == 225


def test_a_caption_after_an_empty_rule_leaves_its_field_out() -> None:
    """The contact's name left blank: the relationship after the caption is no name."""
    words, image = _trailing(brackets=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "emergency_contact_name" not in found
    words, image = _trailing(brackets=True, contact="Mei Nguyen")
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_name"] == "Mei Nguyen"


def test_a_bracketed_caption_right_after_its_value_is_a_label_of_its_own() -> None:
    """Captions set close after their values still close them: an address in three parts."""
    words, image = _trailing(brackets=True)
    words += row(
        1060,
        170,
        "283 Pine Street (Home street address) Des Moines, 50309 (Town / state / postal code)"
        " United States (Nation)",
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["address"] == "283 Pine Street, Des Moines, 50309, United States"


def test_a_value_its_caption_closes_runs_on_over_no_other_line() -> None:
    """A wide address closed by its caption ends on its rule: the hall under it is another's."""
    image = blank()
    cells = [
        (700, 170, 1500, "891 Main Blvd, Atlanta, GA, USA", "Home address, permanent"),
        (820, 170, 1000, "Hamilton Hall, Room 493", "Campus / local address"),
        (940, 170, 820, "7 Jan 2002", "Date of birth"),
        (940, 1240, 2000, "+1 860 555 0147", "Cell phone"),
    ]
    rows = [(300, 170, "New Student Health Form")]  # (no heading: no unlabelled place)
    for y, start, caption_at, value, caption in cells:
        _rule(image, y + 44, start, caption_at - 30)
        rows += [(y, start + 12, value), (y, caption_at, caption)]
    found = read(DocumentType.PATIENT_DETAILS, layout(rows), image)
    assert found["address"] == "891 Main Blvd, Atlanta, GA, USA"


def _keyed(*, first_entry: bool = True) -> tuple[list[Word], np.ndarray]:
    """Rules marked with ringed numbers, the key under them naming each number."""
    image = blank()
    fields = [
        # (y, ring x, rule end, value)
        (600, 180, 800, "Cooper"),
        (600, 900, 1500, "Kevin"),
        (600, 1600, 2380, "12/01/2003"),
        (720, 180, 1400, "kevin.cooper@mail.campus.edu"),
        (720, 1500, 2380, "615.555.0145"),
        (840, 180, 1100, "Meadow Hall, Room 387"),
    ]
    rows = [(300, 170, "Student Health Clearance Form"), (480, 170, "1. STUDENT INFORMATION")]
    for number, (y, ring, end, value) in enumerate(fields, start=1):
        cv2.circle(image, (ring + 20, y + 22), 13, 0, 2)
        _rule(image, y + 44, ring + 44, end)
        rows.append((y, ring + 56, value))
        rows.append((y + 4, ring + 5, chr(0x2460 + number - 1)))
    words = layout(rows)
    x = 190
    entries = ["Family name", "Given name(s)", "D.O.B.", "Student e-mail", "Mobile number"]
    for number, label in enumerate(entries if first_entry else entries[1:], start=1):
        words.extend(row(960, x, chr(0x2460 + number - 1)))
        words.extend(row(960, x + 44, label))
        x += 44 + 32 * len(label) + 46
    words.extend(row(1010, 190, chr(0x2465)))
    words.extend(row(1010, 234, "Campus / local address"))
    return words, image


def _glued(words: list[Word], first: str, second: str) -> list[Word]:
    """The words with two neighbours read as one, as OCR reads a small ring into a word."""
    one = next(w for w in words if w.text == first)
    two = min(
        (w for w in words if w.text == second and w.bbox.x0 >= one.bbox.x1),
        key=lambda w: abs(w.bbox.y0 - one.bbox.y0) + w.bbox.x0 - one.bbox.x1,
    )
    merged = Word(f"{first}{second}", 0.9, BBox.union([one.bbox, two.bbox]))
    return [merged, *(w for w in words if w is not one and w is not two)]


def test_numbered_rules_are_read_by_the_key_under_them() -> None:
    """The key's entries and the numbered rules pair in reading order."""
    words, image = _keyed()
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["patient_name"] == "Kevin Cooper"
    assert found["birth_date"] == "2003-12-01"
    assert found["phone"] == "(615) 555-0145"


def test_ring_numbers_read_into_words_still_part_the_key_and_leave_the_values() -> None:
    """ "③12/01/2003" is the date; "e-mail⑤" parts the two entries it joins."""
    words, image = _keyed()
    words = _glued(words, chr(0x2462), "12/01/2003")
    words = _glued(words, "e-mail", chr(0x2464))
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["birth_date"] == "2003-12-01"
    assert found["phone"] == "(615) 555-0145"
    assert found["patient_name"] == "Kevin Cooper"


def test_a_rings_number_read_in_plain_digits_into_a_value_is_taken_off() -> None:
    """The ring before "Cooper" read as "1" glued to it: "1Cooper" is Cooper."""
    words, image = _keyed()
    ring = next(w for w in words if w.text == chr(0x2460) and w.bbox.y0 < 700)
    words = _glued(words, chr(0x2460), "Cooper")
    words = [replace(w, text="1Cooper") if w.text == chr(0x2460) + "Cooper" else w for w in words]
    assert any(w.text == "1Cooper" and w.bbox.x0 == ring.bbox.x0 for w in words)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["patient_name"] == "Kevin Cooper"


def test_a_key_counting_fewer_entries_than_numbered_rules_pairs_none() -> None:
    """One entry missing from the key: no entry is paired with another's value."""
    words, image = _keyed(first_entry=False)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "patient_name" not in found
