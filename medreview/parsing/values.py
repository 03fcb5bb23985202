"""The value-type registry: what a date, a phone, a policy number ... is, in one place.

Each :class:`ValueType` holds its search pattern (to spot the value in a line
of text), its coercion to the contract's canonical form (the coercers of
:mod:`medreview.parsing.canonical`), its validation (:mod:`medreview.validation`),
how much a text looks like the type when no label says what it is, and the
editor's hint. The reader, the validator and the window all ask here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from medreview import validation
from medreview.config import DateOrder
from medreview.documents import FieldKind, FieldSpec
from medreview.lexicon import get_lexicon
from medreview.model import FieldData
from medreview.parsing import canonical
from medreview.parsing.canonical import TextStyle
from medreview.parsing.ocrtext import DOSE_FORMS, repair_words, run_together

Reader = Callable[[str, DateOrder, tuple[str, ...]], FieldData]
Fit = Callable[[str], float]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_PATTERN = re.compile(
    r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s*{_MONTH},?\s+\d{{2,4}}\b"
    rf"|\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})\b")
PHONE_PATTERN = re.compile(r"(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}\b")
_UNIT = r"(?:kg|kgs|lb|lbs|pounds|cm|in|inch|inches|m|ft|\"|')"
NUMBER_PATTERN = re.compile(rf"^\s*[0-9OolI]{{1,3}}(?:[.,][0-9]{{1,2}})?\s*{_UNIT}?\.?\s*$", re.I)
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9\-/ ]{3,24}$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'\-]*\.?,?|[A-Z]\.|(?:Dr|Mr|Mrs|Ms|Jr|Sr)\.?,?)$")
_NAME_SUFFIX = re.compile(
    r"^(?:M\.?D\.?|D\.?O\.?|M\.?B\.?B\.?S\.?|PhD|D\.?D\.?S\.?|D\.?M\.?D\.?|D\.?M\.?|NP|PA|RN)[.,]?$",
    re.IGNORECASE,
)


def _date(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    return canonical.parse_date(text, order)


def _first_of_kinds(text: str) -> str:
    """The first of several phones each followed by its kind ("... (home) ... (work)")."""
    numbers = list(PHONE_PATTERN.finditer(text))
    if len(numbers) > 1:
        kind = PHONE_KIND_AFTER.match(text, numbers[0].end())
        if kind is not None:
            return text[: kind.end()]
    return text


def _phone(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    text = _first_of_kinds(text)
    if len(PHONE_PATTERN.findall(text)) > 1:
        return None  # two numbers (a letterhead's "Tel ... Fax ..."): neither is the value
    return canonical.parse_phone(text)


def _number(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    return canonical.parse_number(text)


def _code(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    """A policy-like code; a word of letters alone ("Suscriptor") is wording, not a code."""
    if not any(c.isdigit() for c in text):
        return None
    return canonical.parse_alnum(text)


# An initial OCR glued to the name after it: "R.Morgan".
GLUED_INITIAL = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")
# Two names OCR read with a dot for the space between them: "SARAH.ROSSI" (no title's dot).
GLUED_NAMES = re.compile(
    r"\b(?!(?:Dr|Mr|Mrs|Ms|Jr|Sr|St)\.)([A-Z][A-Za-z]{2,})[.·](?=[A-Z][A-Za-z]{2})"
)


# A sentence's speaker before the blank a name is written in: "I, ____, date of birth ...".
SPEAKER = re.compile(r"^\s*I\s*,\s*")


def _person_name(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    """A person's name as written, names OCR ran together apart (``CarlosKowalski``).

    The speaker of the sentence it is written in ("I, David Roberts, ...") is no part of it.
    """
    cleaned = canonical.clean_text(SPEAKER.sub("", GLUED_NAMES.sub(r"\1 ", text)), TextStyle.NAME)
    if not cleaned or _letters(cleaned) < 2:
        return None  # "9070969" is a licence number, nobody's name
    cleaned = repair_words(GLUED_INITIAL.sub(r"\1. ", cleaned), TextStyle.NAME)
    return " ".join(part for word in cleaned.split() for part in run_together(word))


def _styled(style: TextStyle) -> Reader:
    def read(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
        return canonical.clean_text(text, style)

    return read


def _list(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    return [repair_words(item, TextStyle.ITEM) for item in canonical.parse_list(text)]


# A word of running text in small letters ("the", ",the", "following:").
_RUNNING_WORD = re.compile(r"[,.;:]*[a-z]*[,.;:]*")
# Where an address ends: its ZIP code or its state's two capitals.
_ADDRESS_END = re.compile(r"\d{4,}|[A-Z]{2}")


# A bracketed caption printed after an address's part in a sentence's blank: "(street)",
# "(town, state, ZIP)", "(country)"; its closing bracket may be lost where the line wraps.
_PART_WORD = r"(?:street|town|city|state|zip|code|postcode|postal|country|province|suburb)"
_PART_CAPTION = re.compile(rf"\s*\((?:[\s,/]*{_PART_WORD}\b)+[\s,/]*\)?[,;]?", re.IGNORECASE)


def _without_part_captions(text: str) -> str:
    """The address without the bracketed captions naming its parts, its parts comma-joined."""
    if not _PART_CAPTION.search(text):
        return text
    joined = re.sub(r"(?:\s*,)+", ",", _PART_CAPTION.sub(",", text)).strip(" ,.")
    return re.sub(r",(?=\S)", ", ", joined)


def _address(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    """An address as written, without the sentence it runs on into after its ZIP or state.

    "... Charleston, 29401, the following:" ends at 29401. Captions naming its parts in
    brackets ("96 River Street (street), Boston (town, state, ZIP)") are left out.
    """
    text = _without_part_captions(text)
    tokens = text.split()
    end = len(tokens)
    while end > 1 and _RUNNING_WORD.fullmatch(tokens[end - 1]):
        end -= 1
    if end < len(tokens) and _ADDRESS_END.fullmatch(tokens[end - 1].strip(",.;:")):
        text = " ".join(tokens[:end])
    cleaned = canonical.clean_text(text, TextStyle.ADDRESS)
    return repair_words(cleaned, TextStyle.ADDRESS) if cleaned else cleaned


def _medicines(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    """One entry per line, as written (inline dosing kept), strengths' misreadings mended.

    An entry's printed number before its drug ("(1) Metformin", "2 Bupropion", "1Atorvastatin",
    a number in a small ring) is left out.
    """
    lines = [strengths_mended(line) for line in text.split("\n")]
    items = [canonical.clean_text(line, TextStyle.ITEM) for line in lines]
    found = [_unnumbered(item) for item in items if item]
    return found or None


# An entry's number before its drug: "1", "(2)", "3.", or glued to the drug ("1Atorvastatin").
_ENTRY_NUMBER = re.compile(r"\(?\d{1,2}[.)]?\s*(?=([A-Za-z][A-Za-z-]{2,}))")


def _unnumbered(line: str) -> str:
    """A medicine line without the entry's number before a drug the lexicon knows."""
    found = _ENTRY_NUMBER.match(line.strip())
    word = found.group(1).lower() if found is not None else ""
    if found is None or not get_lexicon().is_term(word) or word in NO_DRUG_TERMS | DOSE_FORMS:
        return line  # ("2 tablets daily": a count)
    return line.strip()[found.end() :]


# A strength's number OCR read with a letter O for a zero ("O.2%", "O.O5%", "10O mg").
_O_NUMBER = re.compile(r"[0-9Oo]*[.,]?[0-9Oo]+%?")
STRENGTH_UNITS = frozenset({"mg", "mcg", "ml", "g", "%", "units", "iu"})


def strengths_mended(line: str) -> str:
    """A medicine line with its strengths read right: zeros not letters O, apart, units mended."""
    # a strength glued to its form ("0.2%gtts")
    tokens = _GLUED_PERCENT.sub(r"\1 ", line).split(" ")
    for i, token in enumerate(tokens):
        if "o" not in token.lower() or not _O_NUMBER.fullmatch(token):
            continue
        unit = token.endswith("%") or (
            i + 1 < len(tokens) and tokens[i + 1].lower().strip(".,;") in STRENGTH_UNITS
        )
        if unit and (any(c.isdigit() for c in token) or "." in token):
            tokens[i] = token.replace("O", "0").replace("o", "0")
    for i in range(1, len(tokens)):
        # a unit OCR misread after its number ("300 ma"): the unit it stands for
        meant = _UNIT_MISREADS.get(tokens[i].lower())
        if meant is not None and _NUMBER.fullmatch(tokens[i - 1]):
            tokens[i] = meant.upper() if tokens[i].isupper() else meant
    return " ".join(tokens)


# How OCR misreads a strength's unit after its number.
_UNIT_MISREADS = {"ma": "mg", "mq": "mg", "rng": "mg", "m9": "mg", "mcq": "mcg", "rnl": "ml"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


_GLUED_PERCENT = re.compile(r"(\d%)(?=[A-Za-z])")


def _choice(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    return canonical.parse_choice(text, choices)


def _refills(text: str, order: DateOrder, choices: tuple[str, ...]) -> FieldData:
    return canonical.parse_refills(text)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def date_fit(text: str) -> float:
    """1 when the text is a date and little else.

    A speck OCR read between a day and its written month (``1 .DECEMBER 2019``) is none of it,
    nor is one beside a separator (``10/10./2024``).
    """
    text = re.sub(r"(?<=\d) ?[.,·](?=[A-Za-z]{3})", " ", text)
    text = re.sub(r"(?<=\d)([/.\-])[.,·](?=\d)|(?<=\d)[.,·]([/\-])(?=\d)", r"\1\2", text)
    match = DATE_PATTERN.search(text)
    if match is None or canonical.parse_date(match.group(0)) is None:
        return 0.0
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,.:;_-")
    return 1.0 if len(rest) <= 2 else 0.5


# The kind of a phone written after it: "(816) 555-0196 (home)".
_KIND = r"[\s,;]*[(\[]?\b(?:home|work|office|mobile|cell|day|eve|evening|h|w|m|c)\b[)\]]?"
PHONE_KIND = re.compile(_KIND + r"\W*$", re.IGNORECASE)
PHONE_KIND_AFTER = re.compile(_KIND, re.IGNORECASE)


def phone_fit(text: str) -> float:
    """1 for a North American number alone (its kind may follow), less for other digit runs."""
    text = PHONE_KIND.sub("", _first_of_kinds(text))
    digits = sum(c.isdigit() for c in text)
    if _letters(text) > 3 or digits < 7:
        return 0.0
    value = canonical.parse_phone(text)
    if value is None:
        return 0.0
    return 1.0 if value.startswith("(") else 0.5


def number_fit(text: str) -> float:
    """1 for a short number, with or without a unit."""
    return 1.0 if NUMBER_PATTERN.match(text) else 0.0


def code_fit(text: str) -> float:
    """A policy-like code: letters and digits, mostly digits."""
    squashed = re.sub(r"[^A-Za-z0-9]", "", text)
    digits = sum(c.isdigit() for c in squashed)
    if not CODE_PATTERN.match(text.strip()) or len(squashed) < 5 or digits < 3:
        return 0.0
    return 1.0 if len(text.split()) <= 2 else 0.5


_SPECKS = '•·*°_~|"“”[]{}'


# Words that make a name an organisation's ("St. Luke's Outpatient Clinic").
# fmt: off
ORGANISATION_WORDS = frozenset({
    "clinic", "hospital", "health", "medical", "centre", "center", "group", "practice",
    "services", "doctors", "physicians", "polyclinic", "pharmacy", "surgery", "healthcare",
    "outpatient", "infirmary", "associates", "insurance", "community", "institute",
})
# Words of a form's own titles and headings, never of a person's name ("ORDER FORM",
# "PRESCRIBER INFORMATION").
FORM_WORDS = frozenset({
    "form", "order", "information", "details", "section", "history", "questionnaire", "record",
    "sheet", "initial", "signature", "date", "name", "phone", "address", "number", "contact",
    "male", "female", "your", "you", "our", "trip", "prescription", "discharge", "admission",
})
# fmt: on
_NOT_NAME_WORDS = ORGANISATION_WORDS | FORM_WORDS


def name_fit(text: str) -> float:
    """A person's name: two to five capitalised words, no digits, no clinic's words."""
    # specks and bullets stuck to a word ("Okafor•") are no part of the name
    text = GLUED_NAMES.sub(r"\1 ", text)
    words = [w.strip(_SPECKS).lstrip("'`") for w in text.replace(",", ", ").split()]
    words = [w for w in words if w]
    if any(c.isdigit() for c in text) or not 2 <= len(words) <= 6:
        return 0.0
    if any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words):
        return 0.0
    core = [w for w in words if not _NAME_SUFFIX.match(w)]
    if not core or any(not _NAME_WORD.match(w) for w in core):
        return 0.3 if all(w[:1].isalpha() for w in core) else 0.0
    return 1.0 if _letters(text) >= 5 else 0.5


def organisation_fit(text: str) -> float:
    """An organisation's name: words with letters, few digits."""
    if _letters(text) < 3 or sum(c.isdigit() for c in text) > 2:
        return 0.0
    return 1.0 if text[:1].isupper() else 0.6


# Words naming a street's kind (after a house number they make a sentence an address).
# fmt: off
STREET_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard",
    "blvd", "court", "ct", "place", "pl", "way", "terrace", "ter", "circle", "cir", "parkway",
    "pkwy", "highway", "hwy", "square", "sq", "trail", "crescent", "close", "row", "apt",
    "suite", "unit",
})
# fmt: on


def address_fit(text: str) -> float:
    """An address line: a house number and words, or a town with a zip code."""
    if _letters(text) < 3:
        return 0.0
    words = text.split()
    if len(words) >= 2 and re.match(r"^\d{1,6}[A-Za-z]?$", words[0]):
        street = [w.strip(",.").lower() for w in words[1:7]]
        if len(words) <= 6 or "," in text or any(w in STREET_WORDS for w in street):
            return 1.0
        return 0.3  # a number before a sentence ("1 declare these details are true ...")
    if re.search(r"\b\d{5}(?:-\d{4})?\b", text) or re.search(r"\bP\.?\s?O\.?\s+Box\b", text, re.I):
        return 0.9
    return 0.0


def text_fit(text: str) -> float:
    """Any text with letters in it."""
    return 1.0 if _letters(text) >= 3 else 0.0


def list_fit(text: str) -> float:
    """Entries with letters in them, or a written "none" however short ("N/A", "Nil")."""
    letters = _letters(text)
    if letters >= 3:
        return 1.0
    return 1.0 if letters and canonical.parse_list(text) == [] else 0.0  # (no number: "7")


# A medicine's strength ("10 mg", "0.5ml", "25 mcg").
STRENGTH = re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|g|iu|units?)\b", re.IGNORECASE)


# Words the lexicon knows that name no drug: a table heading's ("Medication & dose").
# fmt: off
NO_DRUG_TERMS = frozenset({
    "dose", "doses", "dosage", "tablet", "tablets", "tab", "tabs", "capsule", "capsules",
    "medication", "medications", "medicine", "medicines", "drug", "drugs", "refill", "refills",
    "directions",
})
# fmt: on


def medicine_fit(text: str) -> float:
    """A medicine names a drug the lexicon knows or gives a strength ("RX ORDER" does neither)."""
    if STRENGTH.search(text):
        return 1.0
    lexicon = get_lexicon()
    words = (w.strip(".,;:()&") for w in text.split())
    named = (w for w in words if len(w) >= 4 and w.lower() not in NO_DRUG_TERMS)
    return 1.0 if any(lexicon.is_term(w) for w in named) else 0.0


def _never(text: str) -> float:
    return 0.0


@dataclass(frozen=True, slots=True)
class ValueType:
    """Everything medreview knows of one kind of value."""

    name: str
    kind: FieldKind
    hint: str
    read: Reader
    fit: Fit
    pattern: re.Pattern[str] | None = None
    style: TextStyle = TextStyle.PLAIN
    multiline: bool = False

    def coerce(
        self, text: str, order: DateOrder = DateOrder.MONTH_FIRST, choices: tuple[str, ...] = ()
    ) -> FieldData:
        """The canonical value of ``text``, ``None`` when it is not of this type."""
        return self.read(text, order, choices)

    def problem(self, spec: FieldSpec, value: FieldData, today: date | None = None) -> str | None:
        """What is wrong with a canonical value, ``None`` when it is fine (the validator's word)."""
        return validation.validate_field(spec, value, today=today)

    def search(self, text: str) -> list[str]:
        """Every stretch of ``text`` that looks like a value of this type."""
        if self.pattern is None:
            return []
        return [m.group(0) for m in self.pattern.finditer(text)]


VALUE_TYPES: dict[str, ValueType] = {
    t.name: t
    for t in (
        ValueType("date", FieldKind.DATE, "a date, e.g. 2023-03-14", _date, date_fit, DATE_PATTERN),
        ValueType("phone", FieldKind.PHONE, "(NNN) NNN-NNNN", _phone, phone_fit, PHONE_PATTERN),
        ValueType("number", FieldKind.NUMBER, "a number, no unit", _number, number_fit),
        ValueType("code", FieldKind.ALNUM, "letters and digits only", _code, code_fit),
        ValueType(
            "name",
            FieldKind.STRING,
            "as written",
            _person_name,
            name_fit,
            style=TextStyle.NAME,
        ),
        ValueType(
            "organisation",
            FieldKind.STRING,
            "as printed",
            _styled(TextStyle.NAME),
            organisation_fit,
            style=TextStyle.NAME,
        ),
        ValueType(
            "address",
            FieldKind.STRING,
            "one line",
            _address,
            address_fit,
            style=TextStyle.ADDRESS,
            multiline=True,
        ),
        ValueType("text", FieldKind.STRING, "one line", _styled(TextStyle.PLAIN), text_fit),
        ValueType(
            "prose",
            FieldKind.STRING,
            "the whole text",
            _styled(TextStyle.PROSE),
            text_fit,
            style=TextStyle.PROSE,
            multiline=True,
        ),
        ValueType(
            "list",
            FieldKind.LIST,
            "entries separated by commas",
            _list,
            list_fit,
            style=TextStyle.ITEM,
            multiline=True,
        ),
        ValueType(
            "medicines",
            FieldKind.LIST,
            "one medicine per line",
            _medicines,
            medicine_fit,
            style=TextStyle.ITEM,
            multiline=True,
        ),
        ValueType("choice", FieldKind.ENUM, "one of the choices", _choice, _never),
        ValueType("refills", FieldKind.REFILLS, "0 to 11, or PRN", _refills, _never),
    )
}

# The value type of each contract kind, for a field the vocabulary does not describe.
KIND_TYPES: dict[FieldKind, str] = {
    FieldKind.DATE: "date",
    FieldKind.PHONE: "phone",
    FieldKind.NUMBER: "number",
    FieldKind.INTEGER: "number",
    FieldKind.ALNUM: "code",
    FieldKind.STRING: "text",
    FieldKind.LIST: "list",
    FieldKind.ENUM: "choice",
    FieldKind.REFILLS: "refills",
}


def value_type(name: str) -> ValueType:
    """A value type by name."""
    return VALUE_TYPES[name]


def hint(spec: FieldSpec) -> str:
    """The editor's hint for a field: its choices, or its kind's usual form."""
    if spec.choices:
        return " / ".join(spec.choices)
    return VALUE_TYPES[KIND_TYPES[spec.kind]].hint


def infer_date_order(texts: list[str], default: DateOrder) -> DateOrder:
    """Day or month first, from the document's own numeric dates that can only be read one way.

    ``17/12/2020`` votes day first, ``12/17/2020`` month first; with no vote,
    or votes both ways, the configured order stands.
    """
    day_first = month_first = 0
    for text in texts:
        for match in NUMERIC_DATE.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            if 12 < first <= 31 and 1 <= second <= 12:
                day_first += 1
            elif 12 < second <= 31 and 1 <= first <= 12:
                month_first += 1
    if day_first and not month_first:
        return DateOrder.DAY_FIRST
    if month_first and not day_first:
        return DateOrder.MONTH_FIRST
    return default
