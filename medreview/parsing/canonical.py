"""Small pure coercers from OCR text to the contract's canonical forms.

Each coercer takes the raw text of a field (possibly noisy: ``O`` for ``0``,
``l`` for ``1``, stray punctuation) and returns the canonical value, or ``None``
when the text cannot be read as that kind. They are idempotent: a canonical
value coerces to itself. Used by the parsers and by what an analyst types
(:func:`medreview.validation.parse_user_input`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from rapidfuzz import fuzz, process

from medreview.config import DateOrder
from medreview.parsing.ocrtext import (
    TextStyle,
    as_digits,
    clean_string,
    clean_text,
    fix_digits,
    one_line,
)

__all__ = [
    "CHECKED",
    "MONTHS",
    "TWO_DIGIT_YEAR_PIVOT",
    "UNCHECKED",
    "TextStyle",
    "clean_string",
    "clean_text",
    "fix_digits",
    "one_line",
    "parse_alnum",
    "parse_choice",
    "parse_date",
    "parse_list",
    "parse_number",
    "parse_phone",
    "parse_refills",
]

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

_NONE_WORDS = frozenset(
    {"", "na", "n a", "none", "nil", "no", "nothing", "null", "not applicable"}
    | {"nkda", "nka", "none known", "nil known", "no known allergies", "no known drug allergies"}
    | {"no medications", "no medication", "none taken", "i take no medications"}
    | {"no medicines", "i take no medicines", "i take no medicine", "takes no medicines"}
    | {"denies allergies", "denies any allergies", "no allergies"}
    | {"no regular medication", "no regular medications", "no regular medicines"}
    | {"i take no regular medicines", "i take no regular medication"}
    | {"wa", "nia", "nla", "n la", "n ia", "noone"}  # how OCR reads a handwritten N/A, None
)


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
    # a handwritten four-digit year read in two halves, "03/06/19.49": 1949, never 2019
    raw = re.sub(r"\b(\d{1,2}[/\-.]\d{1,2}[/\-.])(19|20)[.,](\d{2})\b", r"\1\2\3", raw)
    # a written month's day and year run together, "July 282019": the day, then the year
    raw = _GLUED_DAY_YEAR.sub(_day_from_year, raw)
    tokens: list[str] = []
    for token in re.findall(r"[A-Za-z0-9|!)\]}°\\]+", raw):
        token = _month_lettered(token)
        fixed = fix_digits(token.rstrip("°"))  # a speck after a number ("12°") is no digit
        tokens.extend(re.findall(r"[A-Za-z|!]+|\d+", fixed))
    found = _first_date(tokens, order)
    if found is None or found >= "2101":
        repaired = _first_date([_nine_for_zero(t) for t in tokens], order)
        # a date after 2100 is a misreading, never a value
        found = repaired if repaired is not None and repaired < "2101" else None
    if found is None:
        found = _slash_misread(tokens, order)
    return found if found is not None and found < "2101" else None


_GLUED_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})((?:19|20)\d{2})\b")


def _day_from_year(found: re.Match[str]) -> str:
    if found.group(1).lower()[:3] not in _MONTH_STARTS:
        return found.group(0)
    return f"{found.group(1)} {found.group(2)} {found.group(3)}"


_LETTERS_FOR_DIGITS = str.maketrans("015", "ols")
_MONTH_STARTS = frozenset(month[:3] for month in MONTHS)


def _month_lettered(token: str) -> str:
    """A written month with a letter OCR read as a digit ("0ct", "5ep", "Ju1"): the month."""
    if not (3 <= len(token) <= 9) or token.isdigit() or not any(c.isalpha() for c in token):
        return token
    lettered = token.lower().translate(_LETTERS_FOR_DIGITS)
    return lettered if lettered != token.lower() and lettered[:3] in _MONTH_STARTS else token


def _first_date(tokens: list[str], order: DateOrder) -> str | None:
    for i in range(len(tokens)):
        result = _date_at(tokens[i : i + 3], order)
        if result is not None:
            return result
    return None


def _nine_for_zero(token: str) -> str:
    """A handwritten 0 read as 9 where no date could have a 9: ``2925``, month ``93``."""
    if len(token) == 4 and token.startswith("29"):
        return "20" + token[2:]
    if len(token) == 2 and token.startswith("9") and int(token) > 31:
        return "0" + token[1]
    return token


def _slash_misread(tokens: list[str], order: DateOrder) -> str | None:
    """A date one of whose ``/`` OCR read as ``1`` or ``7``: ``11/2071971``, ``03108/2022``."""
    numbers = [t for t in tokens if t.isdigit()]
    if len(numbers) == 2 and len(numbers[0]) == 5 and len(numbers[1]) in (2, 4):
        head = numbers[0]
        if head[2] in "17":
            return _numeric_date([head[:2], head[3:], numbers[1]], order)
        return None
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
    if re.fullmatch(r"\d{2}[17]\d{2}[17](?:19|20)\d{2}", first):
        # "0313011968": 03/30/1968 with both slashes read as ones (or sevens)
        return _numeric_date([first[:2], first[3:5], first[6:]], order)
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


# A numeric date: day and month, then a four-digit year or after slashes a two-digit one.
_DATE_SHAPED = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d{2}")


def parse_phone(text: str) -> str | None:
    """``(NNN) NNN-NNNN`` for a NANP number, other numbers as written (one line)."""
    written = clean_string(text)
    if written is None or _DATE_SHAPED.fullmatch(written):
        return None  # "03/19/2025" is a date, however many digits it has
    digits = _phone_digits(written)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10 and digits[0] in "23456789" and digits[3] in "23456789":
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    if len(digits) < 5:
        return None
    return written


# What OCR makes of a written "PRN".
_PRN_READS = frozenset({"PRN", "PRM", "PRH", "PKN", "PBN"})


# The words a count of refills is written before: "lO times".
_COUNTED_AS = frozenset({"times", "time", "x", "refills", "refill", "repeats", "repeat"})


def parse_refills(text: str) -> int | str | None:
    """Refills as an integer 0-11, or ``"PRN"``; ``None`` when unreadable."""
    value = one_line(text).strip(" _.:-")
    squashed = re.sub(r"[^A-Za-z0-9]", "", value).upper()
    first = value.split()[0] if value.strip() else ""
    head = re.sub(r"[^A-Za-z0-9]", "", first).upper()
    if squashed in _PRN_READS or head in _PRN_READS:  # "PRN", "PRN  Do not substitute"
        return "PRN"
    if squashed in ("NR", "NOREFILLS", "NIL"):
        return 0  # "no refills"
    words = {"ZERO": 0, "NONE": 0, "ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
    words |= {"SIX": 6, "SEVEN": 7, "EIGHT": 8, "NINE": 9, "TEN": 10, "ELEVEN": 11}
    value = value.replace("©", "0").replace("®", "0")
    value = re.sub(r"^[xX×]\s?(?=\d)", "", value)  # "x2": two times
    # a count glued to the word after it: "0times", "2x"
    value = re.sub(r"^(\d{1,2})(?=(?:times|time|x|refills?)\b)", r"\1 ", value, flags=re.I)
    tokens = [t for t in re.split(r"[\s_]+", value) if any(c.isalnum() for c in t)]
    first = tokens[0] if tokens else ""
    if first.upper() in words:
        return words[first.upper()]
    following = tokens[1] if len(tokens) > 1 else ""
    if (
        not any(c.isdigit() for c in first)
        and following.isalpha()
        and following.islower()
        and following not in _COUNTED_AS
    ):
        return None  # a phrase's first word ("Do not substitute"), not a count read as one
    token = fix_digits(re.sub(r"[^A-Za-z0-9|!]", "", first))
    if token.isdigit() and len(token) <= 2 and int(token) <= 11:
        return int(token)  # (a count has a digit or two: "0000" is a signature's loops)
    return None


def parse_number(text: str) -> int | float | None:
    """A positive measurement as printed without its unit: ``72`` or ``72.5``.

    A written ``lbs`` OCR read as digits glued to the number (``10816s``; ``17616`` for ``176
    lb``, no measure of the body running to five digits), or as decimals after a whole weight
    (``249.16`` for ``249 lb``), is its unit.
    """
    text = _DOTTED_POUNDS.sub(r"\1 lb", _GLUED_POUNDS.sub(r"\1 lbs", text))
    text = _GLUED_POUND.sub(r"\1 lb", text)
    tokens = re.findall(r"[0-9OolISB|]+(?:[.,:][0-9OolISB]+)?", text)
    words = text.split()
    if not re.search(r"\d", text) and not all(re.fullmatch(r"[OolISBiL|]+[.,]?", w) for w in words):
        return None  # letters look like digits only in a text of nothing else: "START" is no 5
    if words and not re.search(r"\d", text) and re.fullmatch(r"[OolIiL|]{2,3}", words[0]):
        tokens = [as_digits(words[0])]  # "Lil" for a handwritten 111
    for token in tokens:
        fixed = fix_digits(token.replace(",", ".").replace(":", "."))
        if not re.search(r"\d", token) and len(tokens) > 1:
            continue
        if not re.fullmatch(r"\d+(?:\.\d+)?", fixed):
            continue
        value = float(fixed)
        return int(value) if value.is_integer() else value
    return None


# A handwritten "lbs" read as "16s" or "1bs" run into the number before it.
_GLUED_POUNDS = re.compile(r"(\d)[1lI][6b]s\b")
# ... or "lb" read as "16" after a number of three digits, making five: "17616" for "176 lb".
_GLUED_POUND = re.compile(r"\b(\d{3})[1lI][6b]\b")
# ... or read as two decimals after a number of two or three digits: "249.16" for "249 lb".
_DOTTED_POUNDS = re.compile(r"\b(\d{2,3})[.,][1lI][6b]\b")


def _norm_words(text: str) -> str:
    return one_line(re.sub(r"[^a-z]+", " ", text.lower()))


# A checkbox mark before a choice: "[X] Yes", "[x]Yes", "X Yes", "☒ Yes", "(x) yes".
# The word after a box: what the box answers (the next box may be missing).
CHECKED = re.compile(r"(?:\[\s*[xXvV✓✔]+\s*\]|\(\s*[xXvV✓✔]+\s*\)|[☒☑✓✔■])\s*([A-Za-z]+)")
UNCHECKED = re.compile(r"(?:\[[\s.,'`]*\]|\([\s.,'`]*\)|[☐□])\s*([A-Za-z]+)")


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
    answered = yes_no_answers(choices).get(words)
    if answered is not None:
        return answered
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


def yes_no_answers(choices: Sequence[str]) -> dict[str, str]:
    """The choice a written yes or no answers, for two choices one of which is negated.

    ``Y``/``Yes`` to "immune to measles?" is ``immune``, ``N``/``No`` is ``not immune``;
    ``Y`` and ``N`` also head a table's answer columns, and so may ``Never had``. A statement
    ("I am immune to measles.") is answered ``T``/``True`` or ``F``/``False`` the same way.
    Other choices: no answers.
    """
    if len(choices) != 2:
        return {}
    negated = [c for c in choices if c.split()[0] in ("not", "no")]
    if len(negated) != 1:
        return {}
    positive = next(c for c in choices if c not in negated)
    negative = negated[0]
    return {
        **dict.fromkeys(("y", "yes", "t", "true"), positive),
        **dict.fromkeys(("n", "no", "f", "false", "never had"), negative),
    }


def _like_immune(token: str) -> bool:
    """Whether a word reads as IMMUNE, handwritten misreads included (``IWNONE``)."""
    if fuzz.ratio(token, "immune") >= 60:
        return True
    folded = token.replace("w", "m").replace("nn", "mm").replace("o", "u")
    return len(token) >= 5 and fuzz.ratio(folded, "immune") >= 65


def _immunity(tokens: list[str]) -> str | None:
    """``IMMUNE`` or ``NOT IMMUNE`` as OCR may garble them (``NOT INMONE``)."""
    if not tokens or len(tokens) > 4:
        return None
    if sum(_like_immune(t) for t in tokens) > 1:
        return None  # both choices printed
    immune = _like_immune(tokens[-1])
    negated = len(tokens) >= 2 and fuzz.ratio(tokens[-2], "not") >= 60
    if immune:
        return "not immune" if negated else "immune"
    return None


def parse_list(text: str) -> list[str]:
    """Items split on commas, semicolons and line breaks; ``[]`` for N/A or none.

    A none word keeps its meaning with its spelling-out after it (``NKA (no known
    allergies)``) and beside its synonym (``NKDA / NKA``).
    """
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    if all(
        _norm_words(part) in _NONE_WORDS or _norm_words(part).replace(" ", "") in _NONE_WORDS
        for part in bare.split("/")
    ):
        return []
    numbers = [int(n) for n in _ITEM_NUMBER.findall(text)]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        text = _ITEM_NUMBER.sub("\n", text)  # "1. Gout  2.  3.": a numbered list on one line
    items = []
    for part in re.split(r"[,;\n]+|\.\s+", text):  # a comma may be read as a full stop
        item = clean_text(part, TextStyle.ITEM) or ""
        if item and _norm_words(item) not in _NONE_WORDS and not _RULE_READ.fullmatch(item):
            items.append(item)
    return items


# An item's printed number in a numbered list ("1.", "2)") where a line or a space begins.
_ITEM_NUMBER = re.compile(r"(?<!\S)(\d{1,2})[.)](?!\S)")
# A ruled line or a pen's scribble as OCR reads it: small humped letters and no vowel ("mmn").
_RULE_READ = re.compile(r"[mnwv]{3,}")


def parse_alnum(text: str) -> str | None:
    """Letters and digits only (policy numbers), ``None`` when nothing is left."""
    value = re.sub(r"[^A-Za-z0-9]", "", text)
    return value or None
