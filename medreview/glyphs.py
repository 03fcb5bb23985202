"""Glyph confusions an OCR engine makes that the word itself, or its neighbour, undoes.

Handwriting fonts give PP-OCR a few confusions no lexicon can fix, because the words are
numbers, codes or names. Each repair here is decided by context, never by a guess:

* **short numbers**: a token of two or three characters with a digit, whose other characters
  are letters shaped like digits (``I2``, ``3O``, ``l0``), is that number;
* **letters whose two cases share a shape** (c, o, s, v, w, x, z) capitalised in the middle of
  a lower-case word (``ProSpect``) are lower case, unless the word reads as a surname with a
  prefix (``McCoy``, ``DeSantis``, ``MacOwan``, ``VanZandt``);
* **stray quote marks**: a leading ``'`` or ``"`` with no closing one (``'Take``), and a ``"``
  wedged between a number and a word (``6416"Willow``), are a pen's entry stroke or a speck;
* **US state codes**: a one- or two-letter token before a ZIP code that is no state's code
  but one letter from the state the ZIP code belongs to (``NI 08608``, ``W 82001``) is that
  state's code. A valid code is never changed, even when it disagrees with the ZIP code.

The engine's reading stays in ``Word.ocr_text``; repaired words are marked ``corrected``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from medreview.model import Word

_DIGIT_SHAPED = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_SHORT_NUMBER = re.compile(r"^([(\[]?)([0-9OoIl|]{2,3})([.,;:)\]]?)$")
# two lower-case letters before it: "DeSantis" and "McCoy" are names, "ProSpect" is not
_SAME_SHAPE_CAPITAL = re.compile(r"(?<=[a-z]{2})[COSVWXZ](?=[a-z])")
_SURNAME_PREFIX = re.compile(r"^(Mac|Van|Von|Ver|Del|Della|Dos|Das)[A-Z]")
_LOWER_WORD = re.compile(r"^[A-Z]?[a-zA-Z]+[.,;:]?$")
_LEADING_QUOTE = re.compile(r"^['\"‘“](?=[A-Za-z0-9])")
_QUOTE_AFTER_NUMBER = re.compile(r"(?<=\d)\"(?=[A-Za-z])")
_STATE_TOKEN = re.compile(r"^([A-Z]{1,2})(,?)$")
_ZIP = re.compile(r"^(\d{5})(?:-\d{4})?[.,]?$")

# USPS state codes by the first three digits of a ZIP code (ranges, inclusive).
_ZIP3_STATES: tuple[tuple[int, int, str], ...] = (
    (5, 5, "NY"), (6, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"),
    (39, 49, "ME"), (50, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"), (100, 149, "NY"),
    (150, 196, "PA"), (197, 199, "DE"), (200, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),
    (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 349, "FL"),
    (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"),
    (430, 458, "OH"), (460, 479, "IN"), (480, 499, "MI"), (500, 528, "IA"), (530, 549, "WI"),
    (550, 567, "MN"), (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"),
    (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"), (700, 714, "LA"), (716, 729, "AR"),
    (730, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"), (832, 838, "ID"),
    (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"), (889, 898, "NV"),
    (900, 961, "CA"), (967, 968, "HI"), (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK"),
)  # fmt: skip
_STATES = frozenset(state for _, _, state in _ZIP3_STATES) | {"AS", "GU", "MP", "VI"}


def state_of_zip(zip_code: str) -> str | None:
    """The USPS code of the state a five-digit ZIP code belongs to, if known."""
    prefix = int(zip_code[:3])
    return next((state for low, high, state in _ZIP3_STATES if low <= prefix <= high), None)


def repair_text(text: str) -> str:
    """One token with its glyph confusions repaired (see the module docstring)."""
    number = _SHORT_NUMBER.match(text)
    if number and any(c.isdigit() for c in number.group(2)):
        lead, core, trail = number.groups()
        return f"{lead}{core.translate(_DIGIT_SHAPED)}{trail}"
    if _LOWER_WORD.match(text) and not _SURNAME_PREFIX.match(text):
        text = _SAME_SHAPE_CAPITAL.sub(lambda m: m.group(0).lower(), text)
    quotes = sum(text.count(q) for q in "'\"‘’“”")
    if quotes == 1:
        text = _LEADING_QUOTE.sub("", text)
    return _QUOTE_AFTER_NUMBER.sub(" ", text)


def _state_before_zip(words: Sequence[Word], index: int) -> str | None:
    """The state code ``words[index]`` should be, when it is a near miss before a ZIP code."""
    token = _STATE_TOKEN.match(words[index].text)
    if token is None or token.group(1) in _STATES or index + 1 >= len(words):
        return None
    after = words[index + 1]
    zip_code = _ZIP.match(after.text)
    if zip_code is None or (after.page, after.line) != (words[index].page, words[index].line):
        return None
    state = state_of_zip(zip_code.group(1))
    if state is None or Levenshtein.distance(token.group(1), state) > 1:
        return None
    return state + token.group(2)


def repair(words: Sequence[Word]) -> list[Word]:
    """The words with glyph confusions repaired; the others returned as given."""
    out: list[Word] = []
    for index, word in enumerate(words):
        text = _state_before_zip(words, index) or repair_text(word.text)
        out.append(word if text == word.text else replace(word, text=text, corrected=True))
    return out
