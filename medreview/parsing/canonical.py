"""Small pure coercers from OCR text to the contract's canonical forms.

Each coercer takes the raw text of a field (possibly noisy: ``O`` for ``0``,
``l`` for ``1``, stray punctuation) and returns the canonical value, or ``None``
when the text cannot be read as that kind. They are idempotent: a canonical
value coerces to itself. Used by the parsers and by what an analyst types
(:func:`medreview.validation.parse_user_input`).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from rapidfuzz import fuzz, process

from medreview.config import DateOrder

# Two-digit years at or below this are 20xx, above it 19xx.
TWO_DIGIT_YEAR_PIVOT = 40

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

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
    }
)
_LOOKALIKE_CHARS = "OoDQlIi|!LZzSsBGbgqTUu)]}°"

_NONE_WORDS = frozenset(
    {"", "na", "n a", "none", "nil", "no", "nothing", "null", "not applicable"}
    | {"wa", "nia", "nla", "n la", "n ia", "noone"}  # how OCR reads a handwritten N/A, None
)
_WS = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse any run of whitespace to one space and trim the ends."""
    return _WS.sub(" ", text).strip()


def clean_string(text: str) -> str | None:
    """A one-line string value, ``None`` when blank."""
    value = one_line(text).strip(" _|")
    return value or None


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


def _month_number(token: str) -> int | None:
    """Month number of a (possibly misspelt or abbreviated) month name."""
    word = token.lower().rstrip(".")
    if len(word) < 3 or not word.isalpha():
        return None
    for index, name in enumerate(MONTHS, start=1):
        if name.startswith(word) or (len(word) >= 4 and word.startswith(name[:4])):
            return index
    if word == "sept":
        return 9
    match = process.extractOne(word, MONTHS, scorer=fuzz.ratio, score_cutoff=75)
    if match is not None:
        return MONTHS.index(match[0]) + 1
    return None


def _year(token: str) -> int | None:
    if len(token) == 4:
        return int(token)
    if len(token) == 2:
        value = int(token)
        return 2000 + value if value <= TWO_DIGIT_YEAR_PIVOT else 1900 + value
    return None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_date(parts: list[str], order: DateOrder) -> str | None:
    """Three numeric parts: Y-M-D, or M-D-Y / D-M-Y by ``order`` unless impossible."""
    a, b, c = parts
    if len(a) == 4:
        return _iso(int(a), int(b), int(c))
    year = _year(c)
    first, second = int(a), int(b)
    if order is DateOrder.MONTH_FIRST:
        candidates = ((first, second), (second, first))
    else:
        candidates = ((second, first), (first, second))
    for month, day in candidates:
        result = _iso(year, month, day)
        if result is not None:
            return result
    return None


def parse_date(text: str, order: DateOrder = DateOrder.MONTH_FIRST) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from many printed forms, or ``None``.

    Accepts ``03/14/2023``, ``3-14-23``, ``14 Mar 2023``, ``March 14, 2023``,
    ``2023-03-14``, ``14.03.2023`` and compact ``20230314``, with OCR noise
    (``O3/l4/2O23``). Numeric dates are month first unless impossible (or day
    first when ``order`` says so).
    """
    raw = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.strip(), flags=re.IGNORECASE)
    tokens: list[str] = []
    for token in re.findall(r"[A-Za-z0-9|!)\]}°]+", raw):
        fixed = fix_digits(token)
        tokens.extend(re.findall(r"[A-Za-z|!]+|\d+", fixed))
    for i in range(len(tokens)):
        result = _date_at(tokens[i : i + 3], order)
        if result is not None:
            return result
    return _slash_misread(tokens, order)


def _slash_misread(tokens: list[str], order: DateOrder) -> str | None:
    """``11/2071971``: a date whose second ``/`` OCR read as ``1`` or ``7``."""
    numbers = [t for t in tokens if t.isdigit()]
    if len(numbers) != 2 or len(numbers[0]) > 2 or len(numbers[1]) not in (6, 7):
        return None
    tail = numbers[1]
    day_len = len(tail) - 5
    if tail[day_len] not in "17":
        return None
    return _numeric_date([numbers[0], tail[:day_len], tail[day_len + 1 :]], order)


def _date_at(window: list[str], order: DateOrder) -> str | None:
    """The date starting at the first token of ``window``, if there is one."""
    first = window[0]
    if first.isdigit() and len(first) == 8:
        if first[:2] in ("19", "20"):
            return _iso(int(first[:4]), int(first[4:6]), int(first[6:]))
        return _numeric_date([first[:2], first[2:4], first[4:]], order)
    if len(window) < 3:
        return None
    a, b, c = window
    if all(t.isdigit() for t in window):
        if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
            return _numeric_date(window, order)
        if len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):
            return _numeric_date(window, order)
        return None
    if a.isdigit() and c.isdigit() and len(a) <= 2 and len(c) in (2, 4):
        month = _month_number(b)  # "14 Mar 2023"
        return _iso(_year(c), month, int(a)) if month else None
    if b.isdigit() and c.isdigit() and len(b) <= 2 and len(c) in (2, 4):
        month = _month_number(a)  # "March 14, 2023"
        return _iso(_year(c), month, int(b)) if month else None
    return None


def _phone_digits(text: str) -> str:
    fixed = "".join(fix_digits(t) for t in re.split(r"([\s()\-./+]+)", text))
    return re.sub(r"\D", "", fixed)


def parse_phone(text: str) -> str | None:
    """``(NNN) NNN-NNNN`` for a NANP number, other numbers as written (one line)."""
    written = clean_string(text)
    if written is None:
        return None
    digits = _phone_digits(written)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10 and digits[0] in "23456789" and digits[3] in "23456789":
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    if len(digits) < 5:
        return None
    return written


def parse_refills(text: str) -> int | str | None:
    """Refills as an integer 0-11, or ``"PRN"``; ``None`` when unreadable."""
    value = one_line(text).strip(" _.:-")
    squashed = re.sub(r"[^A-Za-z0-9]", "", value).upper()
    if squashed in ("PRN", "PRM", "PRH", "PKN", "PBN"):
        return "PRN"
    words = {"ZERO": 0, "NONE": 0, "ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
    words |= {"SIX": 6, "SEVEN": 7, "EIGHT": 8, "NINE": 9, "TEN": 10, "ELEVEN": 11}
    value = value.replace("©", "0").replace("®", "0")
    tokens = [t for t in re.split(r"[\s_]+", value) if any(c.isalnum() for c in t)]
    first = tokens[0] if tokens else ""
    if first.upper() in words:
        return words[first.upper()]
    token = fix_digits(re.sub(r"[^A-Za-z0-9|!]", "", first))
    if token.isdigit() and 0 <= int(token) <= 11:
        return int(token)
    return None


def parse_number(text: str) -> int | float | None:
    """A positive measurement as printed without its unit: ``72`` or ``72.5``."""
    tokens = re.findall(r"[0-9OolISB|]+(?:[.,:][0-9OolISB]+)?", text)
    words = text.split()
    if words and not re.search(r"\d", text) and re.fullmatch(r"[OolIiL|]{2,3}", words[0]):
        tokens = [words[0].translate(_DIGIT_LOOKALIKES)]  # "Lil" for a handwritten 111
    for token in tokens:
        fixed = fix_digits(token.replace(",", ".").replace(":", "."))
        if not re.search(r"\d", token) and len(tokens) > 1:
            continue
        if not re.fullmatch(r"\d+(?:\.\d+)?", fixed):
            continue
        value = float(fixed)
        return int(value) if value.is_integer() else value
    return None


def _norm_words(text: str) -> str:
    return one_line(re.sub(r"[^a-z]+", " ", text.lower()))


# A checkbox mark before a choice: "[X] Yes", "[x]Yes", "X Yes", "☒ Yes", "(x) yes".
CHECKED = re.compile(r"(?:\[\s*[xXvV✓✔]+\s*\]|\(\s*[xXvV✓✔]+\s*\)|[☒☑✓✔■])\s*([A-Za-z ]+)")
UNCHECKED = re.compile(r"(?:\[[\s.,'`]*\]|\([\s.,'`]*\)|[☐□])\s*([A-Za-z ]+)")


def parse_choice(text: str, choices: tuple[str, ...]) -> str | None:
    """One of ``choices`` (lower case) from a word or a checkbox row.

    ``"[X] Yes [ ] No"`` gives ``yes``; a lone ``"NOT IMMUNE"`` gives
    ``not immune``. A row naming every choice without a mark is ambiguous and
    gives ``None``.
    """
    if not choices:
        return None
    checked = [_best_choice(m.group(1), choices) for m in CHECKED.finditer(text)]
    checked_set = {c for c in checked if c is not None}
    if len(checked_set) == 1:
        return checked_set.pop()
    unchecked = {_best_choice(m.group(1), choices) for m in UNCHECKED.finditer(text)}
    remaining = [c for c in choices if c not in unchecked]
    if unchecked - {None} and len(remaining) == 1:
        return remaining[0]
    return _best_choice(text, choices)


def _best_choice(text: str, choices: tuple[str, ...]) -> str | None:
    words = _norm_words(text.replace("0", "o"))
    if not words:
        return None
    exact = [c for c in choices if words == c]
    if exact:
        return exact[0]
    if set(choices) == {"immune", "not immune"}:
        return _immunity(words.split())
    present = {
        choice
        for choice in choices
        if any(fuzz.ratio(token, choice) >= 70 for token in words.split())
    }
    if len(present) == 1:
        return present.pop()
    match = process.extractOne(words, choices, scorer=fuzz.ratio, score_cutoff=70)
    return None if match is None or len(present) > 1 else str(match[0])


def _immunity(tokens: list[str]) -> str | None:
    """``IMMUNE`` or ``NOT IMMUNE`` as OCR may garble them (``NOT INMONE``)."""
    if not tokens or len(tokens) > 4:
        return None
    if sum(fuzz.ratio(t, "immune") >= 60 for t in tokens) > 1:
        return None  # both choices printed
    immune = fuzz.ratio(tokens[-1], "immune") >= 60
    negated = len(tokens) >= 2 and fuzz.ratio(tokens[-2], "not") >= 60
    if immune:
        return "not immune" if negated else "immune"
    return None


def parse_list(text: str) -> list[str]:
    """Items split on commas, semicolons and line breaks; ``[]`` for N/A or none."""
    if _norm_words(text) in _NONE_WORDS or _norm_words(text).replace(" ", "") in _NONE_WORDS:
        return []
    items = []
    for part in re.split(r"[,;\n]+|\.\s+", text):  # a comma may be read as a full stop
        item = clean_text(part, TextStyle.ITEM) or ""
        if item and _norm_words(item) not in _NONE_WORDS:
            items.append(item)
    return items


def parse_alnum(text: str) -> str | None:
    """Letters and digits only (policy numbers), ``None`` when nothing is left."""
    value = re.sub(r"[^A-Za-z0-9]", "", text)
    return value or None


class TextStyle(StrEnum):
    """What a free-text value is, which decides which OCR debris can go."""

    PLAIN = "plain"
    NAME = "name"
    ADDRESS = "address"
    PROSE = "prose"
    ITEM = "item"


# Marks OCR makes of specks, rules and box edges; never part of the printed values.
_DEBRIS = '‘’“”"[]{}|~_«»¢§*°^'


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
    words = [_strip_debris(w) for w in one_line(text.replace("_", " ")).split(" ")]
    words = [w for w in words if (w and any(c.isalnum() for c in w)) or w in ("&", "-")]
    if style is TextStyle.ADDRESS:
        # no colons in an address, and a full stop inside one is a comma misread
        words = [re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z]{2})", " ", w.replace(":", "")) for w in words]
        words = [p for w in words for p in w.split()]
        words = [w[:-1] + "," if _stop_for_comma(w) else w for w in words[:-1]] + words[-1:]
        words = ["Pl" + w[2:] if w in ("PI", "PI,", "PI.") else w for w in words]
        words = [_state_misread(_numeric_misread(w)) for w in words if w]
    elif style is TextStyle.NAME:
        # "!" is an I misread: "NAOM!", "WE! JOHNSON"
        words = [
            re.sub(r"(?<=[A-Za-z])!|!(?=[A-Za-z])", "I" if w.isupper() else "i", w) for w in words
        ]
        # a name starts with a capital: "lvanova" is "Ivanova"
        words = [re.sub(r"^l(?=[a-z]{2})", "I", w) for w in words]
        if words and _stray_stop(words[-1]):
            words[-1] = words[-1][:-1]
    elif style is TextStyle.PROSE:
        words = [re.sub(r"\.[:;,]+$", ".", w) for w in words]
        words = [p for w in words for p in re.sub(r"(?<=[a-z])\.(?=[a-z])", " ", w).split()]
        words = [
            w[:-1]
            if w.endswith(".") and nxt[:1].islower() and (len(w) > 2 or w[0].isdigit())
            else w
            for w, nxt in zip(words, [*words[1:], ""][: len(words)], strict=True)
        ]
    elif style is TextStyle.ITEM:
        words = [w if _is_number(w) else w.strip(".") for w in words]
        words = [w for w in words if w]
        # the strength before a unit is a number: "SO MG" is 50 mg
        words = [
            fix_digits(w) if nxt.lower() in _UNITS and len(w) <= 4 else w
            for w, nxt in zip(words, [*words[1:], ""][: len(words)], strict=True)
        ]
    value = " ".join(words).strip(" ,;:")
    if style in (TextStyle.ADDRESS, TextStyle.ITEM):
        value = value.rstrip(".")
    return value or None


def _stray_stop(word: str) -> bool:
    """A full stop after a surname ("Moore."), not one ending "M.D." or "Jr."."""
    letters = sum(c.isalpha() for c in word)
    return word.endswith(".") and letters >= 3 and not re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+", word)


def _state_misread(word: str) -> str:
    """``Hl`` for ``HI``: a state code whose I was read as a small l."""
    core = word.rstrip(",")
    if re.fullmatch(r"[A-Z][l1|]|[l1|][A-Z]", core):
        fixed = re.sub(r"[l1|]", "I", core)
        if fixed in US_STATES:
            return fixed + word[len(core) :]
    return word


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


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", word))
