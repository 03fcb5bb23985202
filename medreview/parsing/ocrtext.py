"""What OCR makes of printed text, undone: lookalike digits and stray marks.

Pure helpers under the coercers of :mod:`medreview.parsing.canonical`: a ``0``
read as ``O``, a ``1`` read as ``l`` or a bracket, quotes and bars stuck to
words, a full stop read for a comma. Which debris a value may lose depends on
what it is (:class:`TextStyle`): a name, an address, prose or a list item.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

# Letters OCR commonly reads in place of digits.
_DIGIT_LOOKALIKES = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "!": "1",
        "L": "1",
        "Z": "2",
        "z": "2",
        "S": "5",
        "s": "5",
        "B": "8",
        "G": "6",
        "b": "6",
        "g": "9",
        "q": "9",
        "T": "7",
        "U": "4",
        "u": "4",
        ")": "1",
        "]": "1",
        "}": "1",
        "°": "0",
        "\\": "1",
    }
)
_LOOKALIKE_CHARS = "OoDQlIi|!LZzSsBGbgqTUu)]}°\\"

_WS = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse any run of whitespace to one space and trim the ends."""
    return _WS.sub(" ", text).strip()


def clean_string(text: str) -> str | None:
    """A one-line string value, ``None`` when blank."""
    value = one_line(text).strip(" _|")
    return value or None


def as_digits(token: str) -> str:
    """Every lookalike letter of ``token`` read as the digit it resembles."""
    return token.translate(_DIGIT_LOOKALIKES)


def fix_digits(token: str) -> str:
    """Turn a mostly-numeric token's lookalike letters into digits."""
    digits = sum(c.isdigit() for c in token)
    fixable = sum(c in _LOOKALIKE_CHARS for c in token)
    if digits and digits + fixable == len(token) and digits >= fixable:
        return token.translate(_DIGIT_LOOKALIKES)
    if (
        not digits
        and len(token) <= 2
        and fixable == len(token)
        and token not in ("I",)
        and not any(c in ")]}" for c in token)
    ):
        # "O" or "l" alone inside a numeric date, e.g. "O3/l/2023"
        return token.translate(_DIGIT_LOOKALIKES)
    return token


class TextStyle(StrEnum):
    """What a free-text value is, which decides which OCR debris can go."""

    PLAIN = "plain"
    NAME = "name"
    ADDRESS = "address"
    PROSE = "prose"
    ITEM = "item"


# Marks OCR makes of specks, rules and box edges; never part of the printed values.
_DEBRIS = '‘’“”"[]{}|~_«»¢§*°^•·'


def _strip_debris(word: str) -> str:
    return word.strip(_DEBRIS)


_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
US_STATES = frozenset(_STATE_CODES.split())


def clean_text(text: str, style: TextStyle) -> str | None:
    """A one-line value with OCR debris removed, as :class:`TextStyle` allows.

    Debris is quotes, brackets, bars and underscores stuck to words (a rule
    under handwriting reads as ``_``). Addresses also lose colons and read
    ``PI`` as ``Pl`` (Place); prose loses a full stop OCR put before a
    lower-case word; items lose stray dots around words.
    """
    if style is TextStyle.PLAIN:
        return clean_string(text)
    value: str | None = text
    for _ in range(4):  # until nothing more comes off (a few rounds at most)
        cleaned = _clean_once(value, style) if value else None
        if cleaned == value:
            break
        value = cleaned
    return value


def _clean_once(text: str, style: TextStyle) -> str | None:
    if style in (TextStyle.NAME, TextStyle.ADDRESS):
        # a space after a comma is often lost by OCR ("Williams,MD", "Boston,MA", "Moines,50309")
        text = re.sub(r",(?=[A-Za-z0-9])", ", ", text)
    if style is TextStyle.ADDRESS:
        # two full stops between words are a comma misread ("35 ORCHARD RD..OMAHA, NE")
        text = re.sub(r"(?<=[A-Za-z])\.{2,}(?=[A-Za-z])", ", ", text)
        # a speck between a house number and its street ('6416"Willow'), or no space at all
        # ("504MADISON"; "12B" and "3rd" keep theirs)
        text = re.sub(r"(?<=\d)[\"'](?=[A-Za-z])", " ", text)
        text = re.sub(r"\b(\d+)(?=[A-Za-z]{3,})(?!(?:st|nd|rd|th)\b)", r"\1 ", text)
    if style in (TextStyle.NAME, TextStyle.ADDRESS):
        # a middle dot for a space ("LUCIA·EDWARDS", "PO·Box 92506")
        text = re.sub(r"(?<=[A-Za-z])[·•](?=[A-Za-z])", " ", text)
    words = [_strip_debris(w) for w in one_line(text.replace("_", " ")).split(" ")]
    words = [w for w in words if (w and any(c.isalnum() for c in w)) or w in ("&", "-")]
    if style is TextStyle.ADDRESS:
        # no colons in an address, and a full stop inside one is a comma misread
        words = [
            re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z]{2}|\d)", " ", w.replace(":", "").replace(";", ","))
            for w in words
        ]
        words = [p for w in words for p in w.split()]
        words = [
            (w[:-1] if _state_before_zip(w, nxt) else w[:-1] + ",")
            if _stop_for_comma(w) and not _saint(before, w)
            else w
            for before, w, nxt in _triples(words)
        ]
        # a street's Pl read with a capital I or a one ("PI", "P1")
        words = [
            "Pl" + w[2:] if w in ("PI", "PI,", "PI.", "P1", "P1,", "P1.") else w for w in words
        ]
        words = [_inner_case(_shape_case(_state_misread(_numeric_misread(w)))) for w in words if w]
        words = [_state_for_zip(w, nxt) for w, nxt in pairwise([*words, ""])]
        words = [_state_case(w, before, nxt) for before, w, nxt in _triples(words)]
        # a state and its ZIP code printed on two lines are joined without a comma
        words = [
            w[:-1] if w[-1:] == "," and w[:-1] in US_STATES and ZIP_WORD.fullmatch(nxt) else w
            for w, nxt in pairwise([*words, ""])
        ]
        # a house number with a lookalike letter in it: "9O ASPEN DRIVE", "I57 FOREST COURT"
        if words and (house := re.fullmatch(r"(\d[0-9OoIl|]+|[Il|]\d+)(,?)", words[0])):
            words[0] = as_digits(house.group(1)) + house.group(2)
        # an l read as 1 inside a word: "Mi11" is Mill
        words = [_street_kind(_ells(w)) for w in words]
    elif style is TextStyle.NAME:
        # "!" is an I misread: "NAOM!", "WE! JOHNSON"
        words = [
            re.sub(r"(?<=[A-Za-z])!|!(?=[A-Za-z])", "I" if w.isupper() else "i", w) for w in words
        ]
        # no name begins or ends with an apostrophe: "'Thomas", "Alan'" carry a speck
        words = [w.strip("'`") or w for w in words]
        # a name starts with a capital: "lvanova" is "Ivanova"
        words = [_inner_case(_shape_case(re.sub(r"^l(?=[a-z]{2})", "I", w))) for w in words]
        # an O read as 0 in initials or a degree: "D.0." is D.O.
        words = [w.replace("0", "O") if re.fullmatch(r"(?:[A-Z0]\.)+,?", w) else w for w in words]
        # a full stop after a name word is a speck ("WEI. EDWARDS", "Moore.")
        words = [w[:-1] if _stray_stop(w) else w for w in words]
    elif style is TextStyle.PROSE:
        # a lone quote before a word, never closed, is a pen's entry stroke ("'Take")
        words = [
            w[1:] if w[:1] in "'‘\"“" and not re.search(r"['’\"”]", w[1:]) else w for w in words
        ]
        words = [_plain_letters(re.sub(r"\.[:;,]+$", ".", w)).lstrip("-") for w in words]
        words = [p for w in words for p in re.sub(r"(?<=[a-z])\.(?=[a-z])", " ", w).split()]
        # a speck after a word before a small letter; a capitalised word's colon is a heading's
        # ("Tacrolimus: apply to chest")
        words = [
            w[:-1]
            if w.endswith((".", ":", ";"))
            and nxt[:1].islower()
            and (len(w) > 2 or w[0].isdigit())
            and not _heading_colon(w)
            else w
            for w, nxt in zip(words, [*words[1:], ""][: len(words)], strict=True)
        ]
        # "drowSiness": a capital inside a lower-case word, of a letter OCR confuses by size
        words = [w.lower() if re.fullmatch(r"[a-z]+[CSOVWXZ][a-z]*[.,]?", w) else w for w in words]
        words = _counts(words)
    elif style is TextStyle.ITEM:
        words = [re.sub(r"(?<=\d)\.(?=[A-Za-z])", " ", _plain_letters(w)) for w in words]
        # a name glued to its strength ("Tamsulosin0.4"), or with a full stop for the space
        # between ("Clindamycin.300")
        words = [re.sub(r"(?<=[A-Za-z]{4})\.?(?=\d)", " ", w) for w in words]
        words = [p for w in words for p in w.split()]
        words = _counts(words)
        words = [w if _is_number(w) else _inner_case(w.strip(".")) for w in words]
        words = [w for w in words if w]
        # a strength with its digits read as letters: "lomg" is 10mg
        words = [
            as_digits(m.group(1)) + m.group(2)
            if (
                m := re.fullmatch(
                    r"([0-9OolI|]*[0-9][0-9OolI|]*|[lI][oO0]+)(mg|mcg|ml)", w, re.IGNORECASE
                )
            )
            else w
            for w in words
        ]
        # a dosing interval with a 1 read as a letter: "qi2h" is q12h
        words = [
            "q" + as_digits(m.group(1)) + "h" if (m := re.fullmatch(r"q([0-9il|]{1,2})h", w)) else w
            for w in words
        ]
        # a unit read with a capital ("Mg") in a line that is not all capitals; "mL" is how
        # millilitres are written
        words = [
            w.lower() if w.lower() in _UNITS and not w.isupper() and w != "mL" else w for w in words
        ]
        # the strength before a unit is a number: "SO MG" is 50 mg
        words = [
            _strength(w) if nxt.lower() in _UNITS and len(w) <= 4 else w
            for w, nxt in zip(words, [*words[1:], ""][: len(words)], strict=True)
        ]
    value = " ".join(words).strip(" ,;:")
    if style in (TextStyle.ADDRESS, TextStyle.ITEM) and not (
        style is TextStyle.ADDRESS and ends_dotted(value)
    ):
        value = value.rstrip(".")  # a speck after the value, not "U.S.A." or "D.C."
    return value or None


# An abbreviation dotted letter by letter ("U.S.A.", "D.C.") at the end of a text.
_DOTTED_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Za-z]\.){2,}$")


def ends_dotted(text: str) -> bool:
    """Whether a text ends in a dotted abbreviation, whose last full stop is no speck."""
    return _DOTTED_ABBREVIATION.search(text.rstrip(" ,;:")) is not None


def without_joint(part: str, joints: str) -> str:
    """A part of a value without the punctuation that joined it to the next part.

    A dotted abbreviation keeps its full stop (``U.S.A.``); a street's ``St.`` loses it.
    """
    return part.strip(joints) + ("." if ends_dotted(part) and "." in joints else "")


def _strength(word: str) -> str:
    """The number before a unit, lookalike letters read as digits: ``5OO``, ``O.4``, ``IOO``.

    A colon between its digits is a decimal point (``2:5``).
    """
    word = re.sub(r"^(\d+):(\d+)$", r"\1.\2", word)
    if re.fullmatch(r"[0-9OoIl|]+(?:[.,][0-9OoIl|]+)?", word):
        return as_digits(word)
    return fix_digits(word)


# Forms a count of doses is given in: "I TAB" is 1 tab.
DOSE_FORMS = frozenset(
    {"tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "puff", "puffs"}
    | {"drop", "drops", "pill", "pills", "spray", "sprays"}
)


def _stray_bar(word: str) -> str:
    """``IHydroxyzine``: a bar or rule OCR read as ``I`` or ``l`` before a capitalised word."""
    match = re.fullmatch(r"[Il|]([A-Z][a-z]{3,}\W*)", word)
    return match.group(1) if match else word


def _counts(words: list[str]) -> list[str]:
    """Numbers with digits read as letters: ``1O`` days, every ``I2`` hours, ``I`` tab.

    Words lose a bar OCR read before them first (``IHydroxyzine``).
    """
    fixed = []
    words = [_stray_bar(w) for w in words]
    for word, following in zip(words, [*words[1:], ""][: len(words)], strict=True):
        core = word.rstrip(".,;:")
        tail = word[len(core) :]
        digits = sum(c.isdigit() for c in core)
        if re.fullmatch(r"[0-9OoIl|]+", core) and digits and digits >= len(core) - digits:
            word = as_digits(core) + tail
        elif core in ("I", "l", "|") and following.lower().rstrip(".,") in DOSE_FORMS:
            word = "1" + tail
        fixed.append(word)
    return fixed


def _state_before_zip(word: str, following: str) -> bool:
    """``IL.`` before ``62704``: a state code whose full stop is a speck, not a comma."""
    return word[:-1].upper() in US_STATES and bool(re.fullmatch(r"\d{5}(?:-\d{4})?,?", following))


def _stray_stop(word: str) -> bool:
    """A full stop after a surname ("Moore."), not one ending "M.D." or "Jr."."""
    letters = sum(c.isalpha() for c in word)
    return word.endswith(".") and letters >= 3 and not re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+", word)


# USPS state codes by the first three digits of a ZIP code (inclusive ranges).
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


def state_of_zip(zip_code: str) -> str | None:
    """The USPS code of the state a five-digit ZIP code belongs to, if known."""
    prefix = int(zip_code[:3])
    return next((state for low, high, state in _ZIP3_STATES if low <= prefix <= high), None)


def _state_for_zip(word: str, following: str) -> str:
    """``NI`` before ``08608`` is NJ: a code that is no state's, one letter from the ZIP's.

    A letter read twice counts too (``IID 83702`` is ID). A valid code is never changed,
    even when it is not the ZIP code's state.
    """
    core = word.rstrip(",")
    zip_code = ZIP_WORD.fullmatch(following)
    if not re.fullmatch(r"[A-Z]{1,3}", core) or core in US_STATES or zip_code is None:
        return word
    state = state_of_zip(zip_code.group(1))
    if state is None or Levenshtein.distance(core, state) > 1:
        return word
    return state + word[len(core) :]


# A ZIP code as one word (its five digits the group).
ZIP_WORD = re.compile(r"(\d{5})(?:-\d{4})?[.,]?")


def run_together(word: str) -> list[str]:
    """Two capitalised names OCR ran together, apart: ``CarlosKowalski``.

    For a person's name only: an organisation may be one word (``UnitedHealthcare``).
    """
    match = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,}[.,]?)", word)
    if match is None or match.group(1) in _INNER_CAPITAL_PREFIXES:
        return [word]
    if match.group(2)[0] in "COSVWXZ":
        return [word]  # a letter that differs by size alone: "JohnSon" is one name misread
    return [match.group(1), match.group(2)]


def _triples(words: list[str]) -> list[tuple[str, str, str]]:
    """Each word with the one before and the one after it ("" at the ends)."""
    if not words:
        return []
    return list(zip(["", *words[:-1]], words, [*words[1:], ""], strict=True))


def _state_case(word: str, before: str, following: str) -> str:
    """``Co`` after ``Denver,`` and before a ZIP code or at the end is the state CO.

    A stamped or typed face OCR reads in small letters writes the state code so; it must
    follow the city's comma and end the address or stand before its ZIP code.
    """
    core = word.rstrip(",")
    if not (re.fullmatch(r"[A-Za-z]{2}", core) and not core.isupper()):
        return word
    if core.upper() not in US_STATES or not before.endswith(","):
        return word
    if following and not ZIP_WORD.fullmatch(following):
        return word
    return core.upper() + word[len(core) :]


def _state_misread(word: str) -> str:
    """``Hl`` for ``HI``, ``C0`` for ``CO``: a state code with a letter read as a lookalike.

    A speck read as a quote inside one (``C'T``) is dropped.
    """
    core = word.rstrip(",")
    if re.fullmatch(r"[A-Z]['’`\"][A-Z]", core) and core[0] + core[2] in US_STATES:
        return core[0] + core[2] + word[len(core) :]
    if re.fullmatch(r"[A-Z][0]|[0][A-Z]", core):
        fixed = core.replace("0", "O")
        if fixed in US_STATES:
            return fixed + word[len(core) :]
    if re.fullmatch(r"[A-Z][l1|]|[l1|][A-Z]", core):
        fixed = re.sub(r"[l1|]", "I", core)
        if fixed in US_STATES:
            return fixed + word[len(core) :]
    return word


def _saint(before: str, word: str) -> bool:
    """``St.`` opening a part of an address is a town's Saint (``..., St. John's``)."""
    return word in ("St.", "ST.", "Ste.", "Mt.", "MT.") and (not before or before.endswith(","))


def _stop_for_comma(word: str) -> bool:
    """A full stop ending an address word that should be a comma (not ``P.O.``)."""
    return word.endswith(".") and len(word) > 2 and not re.fullmatch(r"(?:[A-Za-z]\.)+", word)


_UNITS = frozenset({"mg", "mcg", "g", "ml", "iu", "units"})


def _numeric_misread(word: str) -> str:
    """A house number or zip code with lookalike letters in it: ``4O79``, ``1990)``."""
    core = word.rstrip(",")
    if sum(c.isdigit() for c in core) < 2:
        return word
    return fix_digits(core) + word[len(core) :]


# Letters whose capital and small forms differ only in size, so OCR confuses them.
_SIZE_ONLY = "cosvwxz"
# Small words that begin names and places in lower case.
_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "la", "le", "du", "of"})


def _shape_case(word: str) -> str:
    """A name or address word in the case its shape allows: ``wright`` is ``Wright``.

    Only letters OCR confuses by size alone are touched: a first letter
    read small, or a second letter read capital (``ASpen``).
    """
    if re.fullmatch(r"[a-z]+[.,]?", word) and word[0] in _SIZE_ONLY:
        return word if word.rstrip(".,") in _PARTICLES else word[0].upper() + word[1:]
    if re.fullmatch(r"[A-Z][CSOVWXZ]{1,2}[a-z]{1,}[.,]?", word) and len(word.rstrip(".,")) >= 4:
        return word[0] + word[1:].lower()
    return word


# A name word with one capital, or a run of them, of letters differing by size alone.
_SIZE_CAPITAL = re.compile(r"([A-Z][a-z]+)([CSOUVWXZ][a-z]*)([.,]?)")
_SIZE_CAPITALS = re.compile(r"([A-Z][a-z]+)([CSOUVWXZ]+[a-z]*)([.,]?)")
# Name beginnings after which a capital is written as such (McCarthy, MacLeod, DeLuca).
_INNER_CAPITAL_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"})


def _inner_case(word: str, *, several: bool = False) -> str:
    """A capital inside a word (``JohnSon``, ``GoUt``) of a letter differing by size alone.

    Handwriting makes OCR read such letters as capitals; they go small again. With
    ``several``, a run of them too (``CroSS``).
    """
    match = (_SIZE_CAPITALS if several else _SIZE_CAPITAL).fullmatch(word)
    if match is None or match.group(1) in _INNER_CAPITAL_PREFIXES:
        return word
    return match.group(1) + match.group(2).lower() + match.group(3)


# The kinds of street a street name ends with, long enough that one wrong letter shows.
_STREET_KINDS = ("Avenue", "Street", "Road", "Drive", "Crescent", "Boulevard", "Court", "Place")


def _street_kind(word: str) -> str:
    """``Avenve``: a kind of street read with one letter wrong, in the word's own case."""
    core = word.rstrip(",.")
    if len(core) < 5 or not core.isalpha():
        return word
    near = (
        kind
        for kind in _STREET_KINDS
        if core[0].lower() == kind[0].lower()
        and len(kind) == len(core)
        and Levenshtein.distance(core.lower(), kind.lower()) == 1
    )
    kind = next(near, None)
    if kind is None:
        return word
    return (kind.upper() if core.isupper() else kind) + word[len(core) :]


def _ells(word: str) -> str:
    """``Mi11``, ``Hil1``: small l's read as ones after a word's first letters are l's again."""
    if not re.fullmatch(r"[A-Z][a-z][a-z1|]*[,.]?", word):
        return word
    return re.sub(r"[1|]", "l", word)


def _heading_colon(word: str) -> bool:
    """A capitalised word of letters with its colon: an instruction's heading ("Tacrolimus:")."""
    return word.endswith(":") and len(word) > 4 and word[0].isupper() and word[1:-1].isalpha()


def _plain_letters(word: str) -> str:
    """Accents OCR put on English words ("tabléts") taken off."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", word))


# A circled digit next to a letter, inside a word of a name or an address.
_CIRCLED_O = re.compile(r"(?<=[A-Za-z])[\u2460\u24ea]|[\u2460\u24ea](?=[A-Za-z])")


def repair_words(text: str, style: TextStyle) -> str:
    """Slips of OCR the cleaning of :func:`clean_text` leaves, undone for a name or an address.

    A full stop read for the space between two name words (``Carlos.Morgan``), a name
    word whose later letters of size-only shape were read as capitals (``CroSS``), and
    in an address a state code read with a speck inside it before its ZIP code
    (``LiA 70802`` is LA, when 70802 is Louisiana's) or run into its ZIP code (``GA30309``)
    or a full stop for the space after the house number (``419.Harbor Place``), and an ``O``
    read as a circled one (``①rtiz``). In a list item, a capitals word with one letter of
    size-only shape read small (``CoPD``). Other styles are returned as they are.
    """
    if style is TextStyle.ITEM:
        return " ".join(_small_inside_capitals(w) for w in text.split(" "))
    if style not in (TextStyle.NAME, TextStyle.ADDRESS):
        return text
    # a round capital PP-OCR read as a circled one: "Maria ①rtiz", "Denver, C①"
    text = _CIRCLED_O.sub("O", text)
    text = re.sub(r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})", " ", text)
    if style is TextStyle.ADDRESS:  # a full stop for the space after a house number
        text = re.sub(r"^(\d+)\.(?=[A-Z][a-z]{2})", r"\1 ", text)
        # a state code run into its ZIP code: "Atlanta, GA30309"
        text = re.sub(r"\b([A-Z]{2})(\d{5}(?:-\d{4})?)\b", _state_zip, text)
        text = _POSTAL_CODE.sub(_postal_code, text)
    words = [_inner_case(w, several=True) for w in text.split(" ")]
    if style is TextStyle.ADDRESS:
        words = [_speck_state(w, nxt) for w, nxt in pairwise([*words, ""])]
    return " ".join(words)


PROVINCES = frozenset(
    {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}
)
_POSTAL_CODE = re.compile(
    r"\b(?P<province>" + "|".join(sorted(PROVINCES)) + r")(?P<gap>,? )"
    r"(?P<first>[A-Z0-9|]{3}) ?(?P<last>[A-Z0-9|] ?[A-Z0-9|]{2})\b"
)
_AS_POSTAL_LETTER = str.maketrans("5287", "SZBT")
_AS_POSTAL_DIGIT = {ord(c): _DIGIT_LOOKALIKES[ord(c)] for c in "Il|ODQSZBGT"}


def _postal_code(match: re.Match[str]) -> str:
    """A Canadian postal code after its province, lookalikes read by place: ``B3J 159``.

    A postal code alternates letter and digit (``B3J 1S9``), so a ``5`` where a letter
    belongs is an S and an ``I`` where a digit belongs is a 1; a space OCR put inside its
    second half (``M5V 2 T6``) is taken out. A code that still breaks the pattern is left
    as read.
    """
    chars = list(match.group("first") + match.group("last").replace(" ", ""))
    for place, char in enumerate(chars):
        table = _AS_POSTAL_DIGIT if place % 2 else _AS_POSTAL_LETTER
        chars[place] = char.translate(table)
    code = "".join(chars)
    if not re.fullmatch(r"(?:[A-Z]\d){3}", code):
        return match.group(0)
    return f"{match.group('province')}{match.group('gap')}{code[:3]} {code[3:]}"


def _state_zip(match: re.Match[str]) -> str:
    """``GA 30309`` for ``GA30309`` when the capitals are a state's code."""
    state, zip_code = match.group(1), match.group(2)
    return f"{state} {zip_code}" if state in US_STATES else match.group(0)


def _speck_state(word: str, following: str) -> str:
    """``LiA`` before ``70802``: the ZIP code's state with a speck OCR read inside it.

    A speck that is no letter (``C'T``) makes a state code wherever the address ends
    with it, or a ZIP code follows; one read as a letter only before the state's ZIP code.
    """
    core = word.rstrip(",")
    zip_code = ZIP_WORD.fullmatch(following)
    state = core[0] + core[-1] if len(core) in (3, 4) else ""
    if state not in US_STATES:
        return word
    if re.fullmatch(r"[A-Z][|.'`’]{1,2}[A-Z]", core) and (not following or zip_code):
        return state + word[len(core) :]
    if not re.fullmatch(r"[A-Z][a-z|.'`]{1,2}[A-Z]", core) or zip_code is None:
        return word
    if state_of_zip(zip_code.group(1)) != state:
        return word
    return state + word[len(core) :]


def _small_inside_capitals(word: str) -> str:
    """``CoPD``: a word of capitals with one letter differing by size alone read small."""
    if re.fullmatch(r"[A-Z]{1,}[cosvwxz][A-Z]{1,}[.,]?", word):
        return word.upper()
    return word
