"""Glyph confusions repaired by context, and the words they must never touch."""

from __future__ import annotations

import pytest

from medreview.glyphs import repair, repair_text, state_of_zip
from medreview.model import BBox, Word


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("I2", "12"),
        ("3O", "30"),
        ("3O.", "30."),
        ("(l0)", "(10)"),
        ("ProSpect", "Prospect"),
        ("HouSe", "House"),
        ("'Take", "Take"),
        ("“Finish", "Finish"),
        ('6416"Willow', "6416 Willow"),
    ],
)
def test_confusions_are_repaired(read: str, meant: str) -> None:
    assert repair_text(read) == meant


@pytest.mark.parametrize(
    "kept",
    ["IO", "OK", "B1RMNKMY", "1OI7X", "McCoy", "McCarthy", "DeSantis", "MacOwan", "VanZandt",
     "O'Brien", '"quoted"', "Okafor", "2", "PRN", "mg."],
)  # fmt: skip
def test_names_codes_and_plain_words_are_left_alone(kept: str) -> None:
    assert repair_text(kept) == kept


def _line(*texts: str) -> list[Word]:
    return [Word(t, 0.9, BBox(i * 50, 0, i * 50 + 40, 20), line=1) for i, t in enumerate(texts)]


def test_a_state_code_one_letter_from_its_zip_codes_state_is_that_state() -> None:
    fixed = repair(_line("Trenton,", "NI", "08608"))
    assert [w.text for w in fixed] == ["Trenton,", "NJ", "08608"]
    assert fixed[1].corrected and not fixed[0].corrected
    assert [w.text for w in repair(_line("Cheyenne,", "W", "82001"))][1] == "WY"
    assert [w.text for w in repair(_line("Madison,", "WL,", "53703-1234"))][1] == "WI,"


def test_valid_or_distant_state_codes_and_split_lines_are_left_alone() -> None:
    assert repair(_line("NY", "08608"))[0].text == "NY"  # valid, though not the ZIP's
    assert repair(_line("QQ", "08608"))[0].text == "QQ"  # two letters from NJ
    split = [Word("NI", 0.9, BBox(0, 0, 20, 20), line=1), Word("08608", 0.9, BBox(0, 40, 9, 60))]
    assert repair(split)[0].text == "NI"


def test_zip_code_prefixes_name_their_state() -> None:
    assert state_of_zip("08608") == "NJ"
    assert state_of_zip("82001") == "WY"
    assert state_of_zip("97201") == "OR"
    assert state_of_zip("10001") == "NY"
    assert state_of_zip("00001") is None
