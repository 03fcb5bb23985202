"""Page layout from word boxes: visual lines, column gaps, labels and their values.

OCR engines number lines and blocks, but on skewed photos and two-column forms
those numbers split or merge what a reader sees as one line. Here lines are
rebuilt from the boxes alone, so a label and its value are found on the line a
person would read them on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

from rapidfuzz import fuzz

from medreview.model import BBox, OcrPage, Word

# Two words are on one line when their vertical centres differ by less than this
# share of the typical word height.
LINE_TOLERANCE = 0.55
# A horizontal gap wider than this many word heights separates two columns.
COLUMN_GAP = 1.8
# A label a drawn box begins (no gap before it) must match this closely.
BOXED_LABEL = 97.0
# A label printed right after another (no colon, no gap) must match this closely.
BACK_TO_BACK = 90.0
# One printed word matches a label of three words or more only this closely (lost spaces).
ONE_WORD_PHRASE = 90.0
# How far below a label (in line heights) its value may sit.
BELOW_REACH = 3.5


@dataclass(frozen=True, slots=True)
class Line:
    """Words a reader sees as one line, left to right."""

    words: tuple[Word, ...]
    page: int

    @property
    def text(self) -> str:
        """The line's words joined by single spaces."""
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        """Union of the word boxes."""
        return BBox.union(w.bbox for w in self.words)

    @property
    def height(self) -> float:
        """Typical height of the line's words (specks and marks left out when there are words)."""
        real = [w.bbox.height for w in self.words if any(c.isalnum() for c in w.text)]
        return float(median(real or [w.bbox.height for w in self.words]))

    @property
    def center_y(self) -> float:
        """Mean vertical centre of the words."""
        return sum(w.bbox.center_y for w in self.words) / len(self.words)


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """Where a label was found: line index, word span ``[start, end)`` and its key."""

    line: int
    start: int
    end: int
    score: float
    key: str
    label: str = ""
    # other keys whose labels the words match exactly as well (``eight`` is Weight or Height)
    ties: tuple[str, ...] = ()


# A section's or a row's number printed before it: ``1.``, ``2)``, ``(3)``, ``B.``, ``IV.``, a
# question's number within its part (``A2``, ``B13``, ``c3``), or an item's number and letter
# within its row (``1.a.``, ``4b)``).
ENUMERATION = re.compile(
    r"^(?:\(?\d{1,2}[.):]|[A-H][.)]|[IVX]{1,4}\.|[A-Ha-h]\d{1,2}[.):]?|\d{1,2}(?:\.[a-h][.)]?|[a-h][.)]))$"
)
# A section's letter or number printed before its title ("G  INSURANCE", "4. Payment") ...
SECTION_MARK = re.compile(r"[A-Z][.):]?|\d{1,2}[.):·•]?|[IVX]{1,4}[.)]")
# ... and the word a form may print before it ("PART B", "Section 2").
SECTION_WORD = re.compile(r"part|section|sección|parte", re.IGNORECASE)
# The part's word that opens its heading, maybe with its number glued on ("Section.4") or
# without the number OCR lost in a badge ("Part  Other health conditions").
PART_OPENER = re.compile(rf"(?:{SECTION_WORD.pattern})(?:[.·]?\d{{1,2}}[.:]?)?", re.IGNORECASE)
# The same number glued to the word after it (``2.Next``, ``5.SIG``, ``1·PATIENT``).
_GLUED_NUMBER = re.compile(r"^(\(?\d{1,2}[.):·•]|[A-H][.)])([A-Za-z][a-z]{2,}\S*|[A-Z]{3,}\S*)$")
# A word glued to a number after it, with no colon between (``DATE06/29/2025``,
# ``PHONE(303)555-0121``): a label and its value.
_GLUED_VALUE = re.compile(r"^([A-Z][A-Za-z]{3,})(\(?\d[\d/().,\-]*)$")
# A label in capitals glued to a capitalised word after it (``NAMEEmma``).
_GLUED_WORD = re.compile(r"^([A-Z]{4,})([A-Z][a-z]{2,})$")
# A label glued to the bracketed aside after it (``BY·(Signature,``).
_GLUED_ASIDE = re.compile(r"^([A-Za-z]{2,}:?)[\u00b7.]?(\([A-Za-z]{2,}\S*)$")
# A sentence's verb glued to the number written after it (``is502.555.0103``).
_GLUED_VERB = re.compile(r"^(is|are)([+(]?\d\S*)$")


def split_glued(word: Word) -> list[Word]:
    """Split ``Name:Helen``, ``vaccination?Yes``, ``2.Next``, ``DATE06/29/2025``, ``NAMEEmma``.

    And a sentence's verb from its number: ``is502.555.0103``. The two boxes share the word's
    box in proportion to their lengths.
    """
    match = re.match(r"^([A-Za-z][A-Za-z/ .#()]*[:?])(\S+)$", word.text)
    if match is None:
        match = (
            _GLUED_NUMBER.match(word.text)
            or _GLUED_VALUE.match(word.text)
            or _GLUED_WORD.match(word.text)
            or _GLUED_ASIDE.match(word.text)
            or _GLUED_VERB.match(word.text)
        )
    if match is None:
        return [word]
    return split_word(word, [match.group(1), match.group(2)])


# A label's last word with its value glued on: "refilled6", "permitted:1", "Disp:#7",
# "phone(617)555-0144", "nameVictor" (split only where the vocabulary has a label ending in
# that word: the reader knows).
_GLUED_COUNT = re.compile(r"^([A-Za-z][A-Za-z.]{1,}[:;]?)(#?\d+(?:\.\d+)?|\(\d{3}\)\S*)$")
_GLUED_CAPITAL = re.compile(r"^([A-Za-z]*?[a-z]{2,}[:;]?)([A-Z]\S*)$")
# ... or a label in capitals before it ("ZIPLansing").
_GLUED_IN_CAPITALS = re.compile(r"^([A-Z]{2,}[:;]?)([A-Z][a-z]{2,}\S*)$")
# ... or after the label's own mark, a colon, a dash or a full stop: "WGT-83", "HT.-183",
# "D/0/B:12/10/1961", "WT.120"
_GLUED_AFTER_MARK = re.compile(r"^([A-Za-z][A-Za-z0-9/.]*?(?:\.?-|:|\.))(\(?\d\S*)$")
# ... or after a label's bracketed last word: "(home)602.555.0131", "(cell)+1 415"
_GLUED_BRACKETED = re.compile(r"^(\([A-Za-z]{2,}\):?)([+(]?\d\S*)$")
# ... or a date: "physical2025-06-30", "exam06/29/2025"
_GLUED_DATE = re.compile(r"^([A-Za-z]{2,}[:;]?)(\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})$")
# ... or after an abbreviation's full stop, a code with a digit: "no.BX-8909-4918"
_GLUED_AFTER_STOP = re.compile(r"^([A-Za-z]{2,}\.)((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})$")


def glued_value(text: str) -> tuple[str, str] | None:
    """A word's first letters and the value OCR glued after them, ``None`` for a plain word."""
    match = _GLUED_COUNT.match(text) or _GLUED_CAPITAL.match(text) or _GLUED_IN_CAPITALS.match(text)
    # (two letters only before a figure: a measure's abbreviation, "Wt62", "Ht150", "wt105.5")
    figure = match is not None and re.fullmatch(r"\d+(?:\.\d+)?", match.group(2)) is not None
    least = 2 if figure else 3
    if match is not None and sum(c.isalpha() for c in match.group(1)) >= least:
        return match.group(1), match.group(2)
    match = (
        _GLUED_DATE.match(text)
        or _GLUED_BRACKETED.match(text)
        or _GLUED_AFTER_STOP.match(text)
        or _GLUED_AFTER_MARK.match(text)
    )
    if match is None or sum(c.isalpha() for c in match.group(1)) < 2:
        return None
    return match.group(1), match.group(2)


def split_word(word: Word, pieces: Sequence[str]) -> list[Word]:
    """A word cut into consecutive ``pieces`` of its text, its box shared by their lengths."""
    box, total = word.bbox, max(1, sum(len(p) for p in pieces))
    parts: list[Word] = []
    start, done = box.x0, 0
    for index, piece in enumerate(pieces):
        done += len(piece)
        last = index == len(pieces) - 1
        cut = box.x1 if last else box.x0 + round(box.width * done / total)
        parts.append(
            Word(
                piece,
                word.confidence,
                BBox(start, box.y0, cut, box.y1),
                word.page,
                word.block,
                word.line,
                ocr_text=piece if word.ocr_text == word.text else word.ocr_text,
                corrected=word.corrected,
            )
        )
        start = min(cut + 1, box.x1)
    return parts


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into visual lines, top to bottom, each left to right.

    Words are taken left to right and each joins the line whose last word it
    continues (vertical centres close), so a slightly skewed line stays whole.
    When the lines found share a clear slope (a page photographed askew and
    not fully straightened), words are grouped again along that slope, so a
    label and a value far to its right still meet.
    """
    items = [piece for w in words if w.text.strip() for piece in split_glued(w)]
    if not items:
        return []
    typical = float(median(w.bbox.height for w in items)) or 1.0
    slope = 0.0
    chains = _chain(items, typical, slope)
    for _ in range(2):  # the straightened lines are longer and tell the slope better
        found = _common_slope(chains, typical, slope)
        if abs(found - slope) <= MIN_SLOPE:
            break
        slope = found
        chains = _chain(items, typical, slope)
    lines = [Line(tuple(ws), ws[0].page) for ws in chains]
    return sorted(
        lines,
        key=lambda ln: (ln.page, round(_level(ln.words[0], slope)), ln.bbox.x0),
    )


# Slopes (dy/dx) below this are left alone (about 0.25 degrees).
MIN_SLOPE = 0.0045


def _level(word: Word, slope: float) -> float:
    """A word's vertical centre with the page's slope taken out."""
    return word.bbox.center_y - slope * (word.bbox.x0 + word.bbox.x1) / 2


def _chain(items: list[Word], typical: float, slope: float) -> list[list[Word]]:
    open_lines: list[list[Word]] = []
    # each open line's reference levels (see _references), updated as it grows
    references: list[tuple[float, float]] = []
    for word in sorted(items, key=lambda w: (w.bbox.x0, w.bbox.y0)):
        best = -1
        best_distance = LINE_TOLERANCE * typical
        level = _level(word, slope)
        base = word.bbox.y1 - slope * (word.bbox.x0 + word.bbox.x1) / 2
        for index, line in enumerate(open_lines):
            last = line[-1]
            if last.page != word.page or last.bbox.x0 > word.bbox.x0:
                continue
            if _side_by_side(last.bbox, word.bbox) < -0.5 and any(c.isalnum() for c in word.text):
                # stacked, not side by side: a value written over a small label (a colon OCR
                # read twice, once into the word, once alone, still stands on its line)
                continue
            height = min(max(last.bbox.height, word.bbox.height), 2 * typical)
            centre_ref, base_ref = references[index]
            distance = min(abs(centre_ref - level), abs(base_ref - base))
            if distance < min(best_distance, LINE_TOLERANCE * height) or (
                distance < best_distance and _overlap(last.bbox, word.bbox) > 0.6
            ):
                best, best_distance = index, distance
        if best < 0:
            open_lines.append([word])
            references.append(_references(open_lines[-1], slope))
        else:
            open_lines[best].append(word)
            references[best] = _references(open_lines[best], slope)
    return open_lines


def _references(line: list[Word], slope: float) -> tuple[float, float]:
    """A line's centre and baseline levels: medians over its last three words.

    Medians over the last few words, and baselines as well as centres, keep
    one tall box (a descender, a speck above) from splitting the line; a word
    joins the line whose centre or baseline it is closer to.
    """
    recent = line[-3:]
    centre = median(_level(w, slope) for w in recent)
    base = median(w.bbox.y1 - slope * (w.bbox.x0 + w.bbox.x1) / 2 for w in recent)
    return float(centre), float(base)


def _common_slope(chains: list[list[Word]], typical: float, current: float) -> float:
    """The median slope of the longer lines, ``current`` when too few lines show one."""
    slopes: list[float] = []
    for chain in chains:
        first, last = chain[0], chain[-1]
        span = (last.bbox.x0 + last.bbox.x1 - first.bbox.x0 - first.bbox.x1) / 2
        if len(chain) >= 3 and span >= 5 * typical:
            slopes.append((last.bbox.center_y - first.bbox.center_y) / span)
    if len(slopes) < 3:
        return current
    return float(median(slopes))


def _side_by_side(left: BBox, right: BBox) -> float:
    """The gap between two boxes across, as a share of the narrower (below 0: they overlap)."""
    narrower = max(1, min(left.width, right.width))
    return (right.x0 - left.x1) / narrower


def _overlap(a: BBox, b: BBox) -> float:
    """Vertical overlap as a share of the shorter box's height."""
    inter = min(a.y1, b.y1) - max(a.y0, b.y0)
    shorter = max(1, min(a.height, b.height))
    return max(0.0, inter / shorter)


def page_lines(pages: Sequence[OcrPage]) -> list[Line]:
    """The visual lines of every page, page by page, in reading order.

    Classification and each parsing pass ask for the same pages' lines; they
    are grouped once per page (pages and lines are immutable).
    """
    lines: list[Line] = []
    for page in sorted(pages, key=lambda p: p.index):
        lines.extend(_lines_of(page))
    return lines


@lru_cache(maxsize=32)
def _lines_of(page: OcrPage) -> tuple[Line, ...]:
    words = [w if w.page == page.index else _on_page(w, page.index) for w in page.words]
    return tuple(group_lines(words))


def _on_page(word: Word, page: int) -> Word:
    return Word(
        word.text,
        word.confidence,
        word.bbox,
        page,
        word.block,
        word.line,
        word.ocr_text,
        word.corrected,
    )


def segments(line: Line, gap: float = COLUMN_GAP) -> list[tuple[Word, ...]]:
    """Split a line at horizontal gaps wider than ``gap`` word heights (columns)."""
    if not line.words:
        return []
    limit = gap * line.height
    parts: list[list[Word]] = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:], strict=False):
        if word.bbox.x0 - prev.bbox.x1 > limit:
            parts.append([word])
        else:
            parts[-1].append(word)
    return [tuple(p) for p in parts]


# OCR confusions normalised away before comparing a label with the page.
_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("vv", "w"),
    ("0", "o"),
    ("1", "l"),
    ("i", "l"),
    ("|", "l"),
    ("!", "l"),
    ("5", "s"),
    ("$", "s"),
    ("γ", "y"),
)


# The first words of an interviewer's instruction, printed in capitals as an order or an
# aside ("RECORD ALL MENTIONED.", "SEE BACK OF CARD.", "WHERE WE CAN SEND STUDY MAIL.").
ORDER_WORDS = frozenset(
    {
        "record",
        "probe",
        "ask",
        "read",
        "copy",
        "circle",
        "enter",
        "write",
        "see",
        "where",
    }
)


def in_capitals(words: Sequence[Word]) -> bool:
    """Whether words are a title in capitals: four letters or more, every one a capital."""
    letters = [c for w in words for c in w.text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def is_order(words: Sequence[Word]) -> bool:
    """Whether a line is an instruction printed to the interviewer: capitals, an order, a stop."""
    if not words or not words[-1].text.endswith("."):
        return False
    text = " ".join(w.text for w in words)
    first = words[0].text.strip(".,;:()").lower()
    return first in ORDER_WORDS and text.isupper() and not any(c.isdigit() for c in text)


def compact(text: str) -> str:
    """Lower-case letters and digits only, accents dropped, common OCR confusions undone.

    OCR keeps a printed accent on one page and drops it on the next (``Teléfono``,
    ``Telefono``): both compare as ``telefono``. An ampersand is the word it stands for
    (``First name & initial`` is ``First name and initial``).
    """
    value = text.lower().replace("&", "and")
    if not value.isascii():
        value = "".join(
            c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
        ).replace("ı", "i")  # a dotless i OCR read for a capital I ("sıG")
    for wrong, right in _CONFUSIONS:
        value = value.replace(wrong, right)
    return re.sub(r"[^a-z0-9]", "", value)


def _threshold(label: str, colon: bool) -> float:
    """How close a match must be: closer for short labels and without a colon."""
    size = len(label)
    if colon:
        return 75.0 if size <= 4 else 70.0 if size <= 8 else 68.0
    return 88.0 if size <= 4 else 86.0 if size <= 12 else 80.0


# Dashes a form may end its labels with ("Wgt –", "Ph.-").
LABEL_DASHES = ("-", "\u2013", "\u2014")


def _ends_label(text: str) -> bool:
    """Whether a word ends like a label: a colon, a question mark, or a dash after letters."""
    text = text.rstrip(" .")
    if text.endswith((":", ";", "?")):
        return True
    return text.endswith(LABEL_DASHES) and any(c.isalpha() for c in text)


def _label_ends(words: Sequence[Word]) -> list[bool]:
    """Per word, whether it ends like a label, or a lone dash follows it ("notify –")."""
    ends = [_ends_label(w.text) for w in words]
    for index in range(len(words) - 1):
        if words[index + 1].text.strip() in LABEL_DASHES and any(
            c.isalpha() for c in words[index].text
        ):
            ends[index] = True
    return ends


# A label of several words read whole matches only when its last word does at least this well.
LAST_WORD = 55.0


def _match(
    pieces: Sequence[str], colons: Sequence[bool], start: int, target: str, slack: float = 0.0
) -> tuple[int, float, bool] | None:
    """The best ``(end, score, colon)`` of a label at ``pieces[start]``, if it matches.

    ``pieces`` are the line's words compacted, ``colons`` whether each ends
    like a label (``:``, ``?``); the score includes a small bonus for that.
    """
    if not target:
        return None
    best: tuple[int, float, bool] | None = None
    text = ""
    for end in range(start + 1, len(pieces) + 1):
        text += pieces[end - 1]
        if len(text) > len(target) * 1.3 + 2:
            break
        if not text:
            continue
        score = float(fuzz.ratio(text, target))
        if (
            end == start + 1
            and len(text) > len(target)
            and text[0].isalpha()  # (a number glued before a label is parted later: "29Date:")
            and text[:2] != target[:2]
            and fuzz.ratio(text[1:], target) < LEAD_DROPPED
        ):
            continue  # a longer word beginning otherwise: "Isabel" is no "Label" ("Wweight" is)
        if end == start + 2 and not _starts_label(pieces[start], target):
            break  # a stray word before the label: let the label start after it
        colon = colons[end - 1]
        last = pieces[end - 1]
        whole = len(text) >= len(target) - len(last) // 2  # not a prefix of a longer label
        if (
            end > start + 1
            and whole
            and score < 100
            and fuzz.ratio(last, target[-len(last) :]) < LAST_WORD
        ):
            continue  # the last word differs ("Are you immune?" is not "Are you insured?")
        if score >= _threshold(target, colon) - slack:
            bonus = score + (3.0 if colon else 0.0)
            if best is None or bonus > best[1]:
                best = (end, bonus, colon)
    return best


# A longer word beginning otherwise than a label is the label when, its first letter dropped
# (a speck, a letter doubled), it matches this closely.
LEAD_DROPPED = 90.0


def _short_of(pieces: Sequence[str], label: str) -> bool:
    """Whether matched words lack a whole word of their label ("completed" for "Completed by").

    A word's ending OCR lost or the form inflected ("enfermedad?" for "Enfermedades") is
    still the label.
    """
    words = label.split()
    return len(pieces) < len(words) and sum(map(len, pieces)) < len(compact(label)) - 1


def _starts_label(first: str, target: str) -> bool:
    """Whether a word (compacted) can be the beginning of a label."""
    return bool(first) and fuzz.ratio(first, target[: len(first)]) >= 60


def _better(
    new: LabelMatch, old: LabelMatch, colons: Sequence[bool], pieces: Sequence[str]
) -> bool:
    """Whether ``new`` beats ``old`` at the same place: a closer match, then a longer one.

    A longer label read exactly beats a shorter one that ends at a colon inside it.

    A longer label ending in a colon beats a shorter one without it if it
    matches fairly well: ``Policy Nuniber:`` is the ``Policy Number`` label,
    not ``Policy`` followed by a value.
    """
    if _past_colon(new, old, colons, pieces):
        return True  # a whole label read exactly runs on past a colon ("Rx: drug, strength")
    if _past_colon(old, new, colons, pieces):
        return False
    if new.end > old.end and colons[new.end - 1] and not colons[old.end - 1]:
        return new.score >= 83.0
    if old.end > new.end and colons[old.end - 1] and not colons[new.end - 1]:
        return old.score < 83.0 and (new.score, new.end) > (old.score, old.end)
    return (new.score, new.end) > (old.score, old.end)


def _past_colon(
    longer: LabelMatch, shorter: LabelMatch, colons: Sequence[bool], pieces: Sequence[str]
) -> bool:
    """Whether a label read exactly runs on past the colon ending a shorter one, over words.

    ``Refill: © times`` is the ``Refill`` label and its value, not ``Refill times``.
    """
    if longer.end <= shorter.end or not colons[shorter.end - 1] or longer.score < 97.0:
        return False
    return all(len(pieces[i]) >= 2 for i in range(shorter.end, longer.end))


def segment_starts(line: Line, gap: float = COLUMN_GAP) -> set[int]:
    """Indices of the words that begin a segment of the line."""
    limit = gap * line.height
    starts = {0}
    for i in range(1, len(line.words)):
        if line.words[i].bbox.x0 - line.words[i - 1].bbox.x1 > limit:
            starts.add(i)
    # a segment starting with specks or rule marks ("_ Name:") or with a number ("1. Personal
    # details") starts after them too
    words = line.words
    for start in sorted(starts):
        i = start
        if lettered_part(words, i):
            i += 2  # "PART A Personal details": the title after its part's letter
            starts.add(i)
        while i + 1 < len(words) and (
            not any(c.isalnum() for c in words[i].text) or ENUMERATION.match(words[i].text)
        ):
            i += 1
            starts.add(i)
    return starts


def lettered_part(words: Sequence[Word], at: int = 0) -> bool:
    """Whether words begin, at ``at``, with a part's word and letter and more ("PART B ...")."""
    return (
        at + 2 < len(words)
        and SECTION_WORD.fullmatch(words[at].text) is not None
        and SECTION_MARK.fullmatch(words[at + 1].text) is not None
    )


# A place's or a person's name word: a capital, then small letters ("John's", "Louis,").
_NAME_WORD = re.compile(r"[A-Z][a-z'’]+,?")


def _capital_label(text: str) -> bool:
    """A word printed in capitals, as form labels often are (``DATE``, ``ADDRESS``)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_word(text: str) -> bool:
    """A word in title case (``Relation``), as a label after a value in capitals is."""
    return len(text) >= 3 and text[0].isupper() and text[1:].isalpha() and text[1:].islower()


# A unit or a note in brackets printed after a label: ``Weight (kg):``, ``Allergies (if any)``.
_QUALIFIER = re.compile(r"^\(?[A-Za-z]{1,6}(?: [a-z]{1,4})?\)[:.]?$")


def _with_qualifier(match: LabelMatch, words: Sequence[Word]) -> LabelMatch:
    """The label with a bracketed unit after it taken in (``Wt`` + ``(kg):``), never a value."""
    end = match.end
    if end < len(words) and words[end].text.startswith("(") and _QUALIFIER.match(words[end].text):
        return replace(match, end=end + 1)
    return match


def _same_place(a: LabelMatch, b: LabelMatch) -> bool:
    """Whether two matches cover the same words equally well (a damaged label, two readings)."""
    return a.end == b.end and abs(a.score - b.score) < 0.5


def smaller(words: Sequence[Word], index: int) -> bool:
    """Whether a word is printed smaller than the word before it (a caption after a value)."""
    return index > 0 and words[index].bbox.height <= SMALLER_LABEL * words[index - 1].bbox.height


def smaller_than_values(words: Sequence[Word], index: int) -> bool:
    """Whether a word is printed smaller than the biggest word before it on its line."""
    before = max((w.bbox.height for w in words[:index]), default=0)
    return words[index].bbox.height <= SMALLER_LABEL * before


def _lowered(printed: str, label: str) -> bool:
    """Whether a word is in lower case where the label starts with a capital.

    A word OCR read in mixed case ("conTacT") is not lowered.
    """
    return printed.islower() and label[:1].isupper()


def _longer_word(printed: str, target: str) -> bool:
    """Whether a word is the label's word with letters of a longer word after it."""
    rest = printed[len(target) :] if printed.startswith(target) else ""
    return len(rest) >= 2 and rest.isalpha()


def _abbreviation(label: str) -> bool:
    """Whether a label is an abbreviation with no vowel ("Wt", "Ht", "Dx"): no word of prose."""
    letters = [c for c in label.lower() if c.isalpha()]
    return bool(letters) and not set(letters) & set("aeiouy")


# A capitals word this much smaller than the capitals before it is printed, not written.
SMALLER_LABEL = 0.85
# How closely a label inside running text, after a comma, must match.
CLAUSE_LABEL = 93.0
# How closely a label printed again after a slash, in a second language, must match.
TRANSLATION = 90.0
# Marks printed between a label and its translation, or between choices ("YES / NO").
SLASHES = frozenset({"/", "|"})


# A label of this many letters or fewer printed right after another must match this closely.
SHORT_WORD = 6
SHORT_BACK_TO_BACK = 97.0
# How closely a label right after a number must match.
AFTER_NUMBER = 95.0
# ... or right after a question's printed answers ("Measles  Immune  Not immune  Not sure
# Hepatitis B vaccine  Yes  No  Not sure": two questions a row)
AFTER_ANSWERS = 95.0
ANSWER_WORDS = frozenset({"yes", "no", "sure", "immune", "unknown", "unsure", "know"})
# A bracketed caption after a value is a label only when its words spell one this closely.
BRACKETED_CAPTION = 95.0
# How closely a label of two words or more after a segment's lead words must match.
LEAD_LABEL = 95.0
# ... or among the words a form prints between the blanks of a sentence
PRINTED_LABEL = 95.0
# A label with no colon of its own right after another's colon, where that one's value is
# written, must match this closely.
VALUE_SLOT = 95.0


def _after_lead_words(words: Sequence[Word], starts: set[int]) -> set[int]:
    """Where a label may begin after a word or two of wording the vocabulary lacks.

    "Best phone number", "Your full name": a capitalised word, then small letters.
    """
    found: set[int] = set()
    for first in starts:
        for count in (1, 2):
            lead = words[first : first + count]
            if first + count >= len(words) or len(lead) < count:
                break
            if not all(w.text.isalpha() for w in lead) or not lead[0].text[:1].isupper():
                break
            if not all(w.text.islower() for w in lead[1:]):
                break
            found.add(first + count)
    return found


# A label of this many words at most, alone before a gap, keeps a stray stop after it
# ("date of birth.   20/11/1955", "forenames.   George"); a longer one so ended, or one word
# matching less than this well ("imedicines."), is a sentence's end.
SHORT_SENTENCE = 3
EXACT_WORD = 97.0


def _closes_sentence(words: Sequence[Word], label: str) -> bool:
    """Whether words in small letters end a sentence with its full stop ("your medicines.").

    A label's abbreviation keeps its stop ("wt."): only words longer than one are running text.
    """
    return (
        words[-1].text.endswith(".")
        and not label.endswith(".")
        and all(w.text[:1].islower() for w in words)
        and len(words[-1].text.rstrip(".")) > 4
    )


# Words a sentence never ends on: a line ending in one breaks its sentence off mid-clause (no
# answer's "No", no part's letter "A").
# fmt: off
SENTENCE_GOES_ON = frozenset({
    "an", "the", "to", "of", "your", "my", "his", "her", "their", "our", "and", "or", "if",
    "with", "for", "at", "in", "on", "by", "not",
})
# fmt: on
# A line of running text has at least this many words.
SENTENCE_WORDS = 4


def _carries_on(lines: Sequence[Line], index: int) -> bool:
    """Whether a line carries on the sentence the line over it broke off mid-clause.

    ``... DO NOT STOP WITHOUT TALKING TO YOUR`` over ``DOCTOR NITROFURANTOIN AS NEEDED``: the
    wrapped paragraph's next word starts the line (under the line over it, maybe under its
    value after a label), whatever label it looks like. The word over is the sentence's when it
    is in small letters or the whole line in capitals: an address's state (``Portland, OR``)
    ends no clause.
    """
    if index == 0 or not lines[index - 1].words or not lines[index].words:
        return False
    above, line = lines[index - 1], lines[index]
    first, last = line.words[0].bbox, above.words[-1]
    running = last.text.islower() or not any(c.islower() for c in above.text)
    return (
        above.page == line.page
        and len(above.words) >= SENTENCE_WORDS
        and goes_on(last.text)
        and running
        and above.words[0].bbox.x0 - 2 * line.height <= first.x0 <= last.bbox.x0
        and first.y0 - above.bbox.y1 <= 1.5 * line.height
    )


def goes_on(text: str) -> bool:
    """Whether a word is one a sentence never ends on, unpunctuated ("to", "YOUR")."""
    return compact(text) in SENTENCE_GOES_ON and text[-1:].isalpha()


def find_labels(
    lines: Sequence[Line],
    labels: Mapping[str, Sequence[str]],
    slack: float = 0.0,
    fenced: Mapping[int, set[int]] | None = None,
    printed: Mapping[int, set[int]] | None = None,
) -> list[LabelMatch]:
    """Every place a label occurs, as ``key -> variants`` resolved per place.

    All labels compete at each word position and the best (then longest) wins,
    so ``Phone`` is not found inside ``Home Phone`` and ``Date`` not inside
    ``Birth Date``. A label must begin a segment of its line, or else end with
    a colon and match closely: a value such as ``Main Street`` or ``Chloe
    Wright`` is not taken for the ``Street:`` or ``Weight:`` label.
    A label in capitals after a word that is not in capitals may also stand
    inside a segment when it matches closely. ``slack`` lowers every bar by
    that many points (labels OCR damaged badly). ``fenced`` gives, per line, the words a
    drawn line stands just before (a box round "Date of physical" beside running text): a
    label matching closely may begin there however narrow the gap (a value in a box,
    "Isabel", still is no "Label"). ``printed`` gives, per line, the words printed between the
    blanks values are written on (a form worded as sentences): a label matching closely may
    begin anywhere among them ("tall and I weigh ____").
    """
    targets = [(key, label, compact(label)) for key, vs in labels.items() for label in vs]
    found: list[LabelMatch] = []
    for index, line in enumerate(lines):
        words = line.words
        pieces = [compact(w.text) for w in words]
        colons = _label_ends(words)
        starts = segment_starts(line)
        boxed = (fenced or {}).get(index, set())
        wording = (printed or {}).get(index, set())
        after_value = {i + 1 for i, w in enumerate(words) if w.text.endswith((":", "?"))}
        # a clause of running text may begin with a label ("Mateo Reyes, born 1938-12-08";
        # "...; valid through 17/03/2024")
        clauses = {i + 1 for i, w in enumerate(words) if w.text.endswith((",", ";"))}
        # ... as may a sentence's after a blank's value ("... (country). You can telephone me on")
        clauses |= {i + 1 for i, w in enumerate(words) if w.text.endswith(").")}
        # a bilingual form prints the label again after a slash ("Date of birth / Fecha de
        # nacimiento")
        translations = {i + 1 for i, w in enumerate(words) if w.text in SLASHES}
        leads = _after_lead_words(words, starts)
        # a capitalised label right after a number that ends a value ("DOB 25 Apr 1970 Date
        # written 23 Sep 2019")
        numbers = {i + 1 for i, w in enumerate(words) if w.text.rstrip(".,;").isdigit()}
        answered = {i + 1 for i, piece in enumerate(pieces) if piece in ANSWER_WORDS}
        # a part's title after its letter or number, first on its line ("C  How to take"; no
        # sentence's "I have ...")
        titled = len(words) > 1 and words[1].text[:1].isupper()
        # (or after the part's word, its number lost in a badge OCR did not read: "Part  Other
        # health conditions")
        opener = SECTION_MARK.fullmatch(words[0].text) or PART_OPENER.fullmatch(words[0].text)
        marked = {1} if titled and opener else set()
        carried = _carries_on(lines, index)
        # a label printed in capitals after a value that is not (``... 85701 DATE ...``)
        # or printed smaller than the capitals written before it ("... MORGAN PHONE 916..."),
        # or a label in title case after a value written in capitals ("ANDERSON Relation")
        capitals = [
            (
                _capital_label(w.text)
                and (i == 0 or not _capital_label(words[i - 1].text) or smaller(words, i))
            )
            or (i > 0 and _title_word(w.text) and _capital_label(words[i - 1].text))
            for i, w in enumerate(words)
        ]
        asides = _in_brackets(words, starts)
        captions = _bracketed_captions(words, asides)
        start = 0
        # where a label without a colon ended: a caption row may print the next label
        # right after it, with no column gap between ("RELATION TO PATIENT THEIR MOBILE")
        follows = -1
        while start < len(words):
            best: LabelMatch | None = None
            ties: list[str] = []
            # (a bracket right after a label is its gloss: "SIGNA (Directions)")
            caption = captions.get(start) if start != follows else None
            aside = asides.get(start, 0) is None and caption is None
            if not any(c.isalpha() for c in words[start].text) or aside:
                # a number or a mark never begins a label ("51" is no "Si..."), nor does a
                # word inside a label's bracketed aside ("(Signature, name, title)")
                start += 1
                continue
            if lettered_part(words, start):
                start += 2  # "SECTION 1:" numbers a part: no label ("Reactions") of its own
                continue
            # a label stays within its segment: it never runs on into the next column
            edge = min((s for s in starts if s > start), default=len(words))
            for key, label, target in targets:
                hit = _match(pieces[:edge], colons, start, target, slack)
                if hit is None:
                    continue
                end, score, colon = hit
                if start in asides and end != (caption or asides[start]):
                    continue  # a bracket's entry, not the bracket as a whole
                if start == 0 and marked and end > 1:
                    continue  # a part's letter and its title's first word ("B In ..." no "BIN")
                if label.endswith(":") and not colon:
                    continue  # a label the vocabulary writes with its colon needs it ("Use:")
                one_word = end == start + 1
                if start == 0 and carried and one_word and not colon:
                    continue  # a wrapped sentence's next word ("TO YOUR" / "DOCTOR ...")
                in_capitals = capitals[start] and start not in starts
                joined = in_capitals and one_word and not colon and start > 0
                if joined and goes_on(words[start - 1].text):
                    continue  # running on in capitals after "TO" ("RETURN TO CLINIC IF ...")
                if end == start + 1 and len(label.split()) >= 3 and score < ONE_WORD_PHRASE:
                    continue  # one word for a phrase of three ("OUTPATIENT", "About the patient")
                if end == start + 1 and _longer_word(pieces[start], target):
                    continue  # "OCCUPATIONAL" is another word than "Occupation"
                if (
                    end == start + 1
                    and not colon
                    and end < edge
                    and pieces[start] == target + "s"
                    and words[end].text[:1].isalpha()
                ):
                    continue  # a label's plural running on into words: "TIMES A DAY" no "Time"
                running = end < edge and words[end].text[:1].islower()
                if not colon and score < 97.0 and running:
                    continue  # a word like a label, running on in lower case ("Allergic rhinitis")
                short = _short_of(pieces[start:end], label)
                rest = target[len("".join(pieces[start:end])) :]
                if (
                    not colon
                    and short
                    and end == start + 1
                    and end < edge
                    and words[end].text[:1].isalpha()
                    and not pieces[end].startswith(rest[:2])
                ):
                    continue  # a label's first word before another word ("ALLERGIC RHINITIS")
                if not colon and len(target) <= 2 and running and words[end].text.isalpha():
                    continue  # an abbreviation opening a sentence ("Rx void if ...")
                if (
                    not colon
                    and len(target) <= 2
                    and start not in starts
                    and end < edge
                    and _NAME_WORD.fullmatch(words[end].text)
                ):
                    continue  # inside a line, the abbreviation opening a name ("St. John's")
                # (a word standing alone before a gap or an arrow is a label in any case:
                # "name  ▶ Helen Okafor", "date of birth.   20/11/1955")
                alone = {start, end} <= starts | boxed and end < len(words)
                # (... and so is the line's last word after a gap, in smaller print than a
                # value before it: a caption after its value, "61 in      ht.", or after the
                # row's other captions, "Chloe Lewis  name      age")
                alone = alone or (
                    end == len(words) and start in starts and smaller_than_values(words, start)
                )
                words_long = end - start
                short_label = alone and words_long <= SHORT_SENTENCE
                short_label = short_label and (words_long >= 2 or score >= EXACT_WORD)
                if not colon and not short_label and _closes_sentence(words[start:end], label):
                    continue  # a sentence's last words wrapped onto the line ("medicines.")
                # (the wording between a sentence's blanks is running text too)
                clause = (start in clauses or start in wording) and score >= CLAUSE_LABEL
                if label[:1].islower() and not clause:
                    continue  # running-text wording ("of", "born") only where a clause begins
                figure = end < len(words) and words[end].text[:1].isdigit()
                if (
                    len(target) <= 4
                    and not colon
                    and not clause
                    and not alone
                    and _lowered(words[start].text, label)
                    and not (figure and _abbreviation(label))  # "wt 101", read in lower case
                ):
                    continue  # "for pain" running on is no "For" label
                if start in after_value and not colon and score < VALUE_SLOT:
                    continue  # the value's place after a label's colon ("Health plan: Pioneer")
                free = start in starts or (start in after_value and colon) or clause
                free = free or start in marked
                # (a short word must match outright: "Isabel" after "PATIENT" is no "Label")
                back = BACK_TO_BACK if len(target) > SHORT_WORD else SHORT_BACK_TO_BACK
                # (... unless it is the question's last word: "Hepatitis B shots completed?")
                asked = words[end - 1].text.endswith("?") and not label.endswith("?")
                free = free or (start == follows and score >= back and not asked)
                free = free or (start in boxed and score >= BOXED_LABEL)
                free = free or (start in wording and score >= PRINTED_LABEL)
                free = free or (start in translations and score >= TRANSLATION)
                # a caption in brackets after its value ("Des Moines (Town / state / ZIP)")
                free = free or (caption == end and score >= BRACKETED_CAPTION)
                # ... and only with its value after it ("Pioneer Health Insurance" is one value)
                lead = start in leads and score >= LEAD_LABEL and end < edge
                free = free or (lead and len(label.split()) >= 2)
                after_number = start in numbers and words[start].text[:1].isupper()
                free = free or (after_number and score >= AFTER_NUMBER)
                after_answers = start in answered and words[start].text[:1].isupper()
                free = free or (after_answers and score >= AFTER_ANSWERS and end - start >= 2)
                if not free and not (colon and score >= 93.0) and not capitals[start]:
                    continue
                # inside a segment, the words must spell the whole label: a question's last
                # word ("... course completed?") is no "Completed by"
                if not free and not capitals[start] and short:
                    continue
                if capitals[start] and not free and score < 95.0:
                    continue
                candidate = LabelMatch(index, start, end, score, key, label)
                if best is None or _better(candidate, best, colons, pieces):
                    tied = best is not None and _same_place(best, candidate)
                    ties = [*ties, best.key] if best is not None and tied else []
                    best = candidate
                elif _same_place(best, candidate):
                    ties.append(key)
            if best is not None:
                best = replace(best, ties=tuple(dict.fromkeys(t for t in ties if t != best.key)))
                best = _with_qualifier(best, words)
                found.append(best)
                start = best.end
                follows = -1 if colons[best.end - 1] else best.end
            else:
                start += 1
    return found


def _bracketed_captions(words: Sequence[Word], asides: dict[int, int | None]) -> dict[int, int]:
    """The bracketed asides that may be captions of their own, each with where it ends.

    An aside no colon closes may be a caption printed after its value ("7 Jan 2002 (Date of
    birth)") when its words spell a label whole, from its opening bracket to its closing one.
    """
    found: dict[int, int] = {}
    for index, word in enumerate(words):
        if asides.get(index, 0) is None and word.text.startswith("("):
            end = index + 1
            while (
                end < len(words)
                and asides.get(end, 0) is None
                and not words[end].text.startswith("(")
            ):
                end += 1
            if words[end - 1].text.endswith(")"):
                found[index] = end
    return found


def _in_brackets(words: Sequence[Word], starts: set[int]) -> dict[int, int | None]:
    """The words of bracketed asides, each with where a label starting there must end.

    ``FOR (Full name, address & phone number)`` is one label and its aside: no label starts
    inside it (``None``). A bracket that opens a segment (a caption ``(Name)``) is a label of
    its own. A bracket its label's colon closes (``Camper (full name):``) may name the field
    as a whole: a label may start in it only to end with it, not at one of its entries
    (``Allergies (medications, latex, foods):``).
    """
    inside: dict[int, int | None] = {}
    group: list[int] = []
    depth = 0
    for index, word in enumerate(words):
        if depth > 0 or (word.text.startswith("(") and index not in starts):
            group.append(index)
        depth = max(0, depth + word.text.count("(") - word.text.count(")"))
        if depth == 0 and group:
            after = words[index + 1].text if index + 1 < len(words) else ""
            closed = word.text.endswith(":") or after.startswith(":")
            inside.update(dict.fromkeys(group, index + 1 if closed else None))
            group = []
    inside.update(dict.fromkeys(group))
    return inside


def value_right(
    lines: Sequence[Line],
    match: LabelMatch,
    stops: Sequence[LabelMatch],
) -> tuple[Word, ...]:
    """Words right of a label on its line, up to the next label or a column gap."""
    line = lines[match.line]
    limit = COLUMN_GAP * line.height
    next_stop = min(
        (s.start for s in stops if s.line == match.line and s.start >= match.end),
        default=len(line.words),
    )
    if (
        match.end < next_stop < len(line.words)
        and _item_number(line.words[next_stop - 1].text)
        and _hugs_next(line.words, next_stop - 1, next_stop)
    ):
        # "1. Surname   2. First name", "ZIP  6 Country" (its dot unread): the next item's
        # number, not the end of this value ("Apt 17.  Height:")
        next_stop -= 1
    words = after_wording(
        _after_translation(_after_qualifier(list(line.words[match.end : next_stop])))
    )
    if words and lettered_item(words[0].text):
        return ()  # the next item on the row ("6.b. Wt.  6.c. Eyes"): this one's box is below
    blank_end: int | None = None
    while words and not any(c.isalnum() or c in BOX_GLYPHS for c in words[0].text):
        popped = words.pop(0)  # a blank's underscores or a speck before the value
        if popped.bbox.width >= 1.5 * line.height:
            blank_end = popped.bbox.x1
    if words and blank_end is not None and words[0].bbox.x0 - blank_end > limit:
        return ()  # the blank drawn for the value is empty; what follows is another column
    if (
        len(words) > 1
        and len(words[0].text) <= 2
        and words[1].bbox.x0 - words[0].bbox.x1 > limit
        and not _short_number(words[0], line.height)
    ):
        words.pop(0)  # a lone speck read as "7" or "i", set apart from the value
    taken: list[Word] = []
    for word in words:
        if taken and word.bbox.x0 - taken[-1].bbox.x1 > limit:
            break
        taken.append(word)
    return _unfilled(taken)


def lettered_item(text: str) -> bool:
    """An item's number and letter ("6.c.", "4b)"): the next item's, never a value."""
    return _item_number(text) and any(c.isalpha() for c in text)


def _hugs_next(words: Sequence[Word], index: int, label: int) -> bool:
    """Whether a word stands against the next label and well apart from what precedes it."""
    word = words[index]
    before = word.bbox.x0 - words[index - 1].bbox.x1 if index > 0 else float("inf")
    after = words[label].bbox.x0 - word.bbox.x1
    return after < word.bbox.height and before > 2 * max(after, 0)


def numbers_only(words: Sequence[Word]) -> bool:
    """Whether words are items' numbers and nothing else: a numbered list's rules left blank."""
    return bool(words) and all(_item_number(w.text) for w in words)


def _item_number(text: str) -> bool:
    """An item's number: "2.", "(14)", "6" with its dot unread.

    A letter ("H.") may be a middle initial, so only numbers count.
    """
    if text.isdigit():
        return len(text) <= 2
    return ENUMERATION.match(text) is not None and any(c.isdigit() for c in text)


# Check boxes as OCR reads them, ticked or empty: the first of a row of choices is kept.
BOX_GLYPHS = "☑☒✓✔■☐□"


def _short_number(word: Word, height: float) -> bool:
    """A number of two digits written full height ("63" in its cell), not a speck."""
    text = word.text
    return len(text) == 2 and text.isdigit() and word.bbox.height >= SHORT_NUMBER_HEIGHT * height


# A two-digit word at least this share of its line's height is a value, not a speck.
SHORT_NUMBER_HEIGHT = 0.8


def _after_qualifier(words: list[Word]) -> list[Word]:
    """The words after a label's own bracketed words: its examples or its unit.

    "List any Medical Problems (asthma, seizures, headaches):" leaves nothing to read right
    of the label; a bracket with no letters ("(415) 555-0185") is a value's.
    """
    if not words or not words[0].text.startswith("("):
        return words
    if ")" in words[0].text.rstrip(":)"):
        return words  # the bracket closed inside the word: "(816)555-0124"
    for index, word in enumerate(words):
        if word.text.endswith((")", "):")):
            inside = "".join(w.text for w in words[: index + 1])
            # the label's own note is in small letters: "(first, middle, last)", "(please print)"
            note = not any(c.isupper() or c.isdigit() for c in inside)
            if sum(c.isalpha() for c in inside) >= 3 and (
                word.text.endswith(":") or index == len(words) - 1 or note
            ):
                return words[index + 1 :]
            return words
    return words


def _after_translation(words: list[Word]) -> list[Word]:
    """The words after a label's translation the vocabulary lacks, printed after a slash.

    "Where you live / Donde vive 484 Pine Terrace": a phrase in sentence case (a capital, then
    small letters) or a question ("¿A quien llamamos?") right after the slash is the label's
    second language, and the value starts after it. One capitalised word alone after the slash
    ("/ Mother") may be the value, and is kept.
    """
    if not words or not words[0].text.startswith(tuple(SLASHES)):
        return words
    glued = words[0].text.lstrip("/|.")
    rest = [replace(words[0], text=glued), *words[1:]] if glued else words[1:]
    if not rest or not rest[0].text.lstrip("¿¡")[:1].isupper():
        return words
    end = 1
    while end < len(rest) and not rest[end - 1].text.endswith(("?", ":")):
        if not rest[end].text.rstrip(".,?:").isalpha() or not rest[end].text.islower():
            break
        end += 1
    question = rest[end - 1].text.endswith(("?", ":"))
    if (end < 2 and not question) or end == len(rest):
        return words
    return rest[end:]


# Words that carry a label's wording on past the vocabulary's variant ("Name of traveler",
# "ALLERGIES AND REACTIONS", "Medical conditions we should know about:"); no value starts so.
# fmt: off
WORDING_GOES_ON = frozenset({
    "and", "or", "of", "for", "to", "we", "you", "your", "&", "the", "that", "which", "with",
    "by", "if", "in", "at", "while",
})
# fmt: on


# A label's sentence goes on with its verb before the value: "My last name is Moore", "Their
# address is ...", "my first name and initial are ...". No value starts so.
COPULAS = frozenset({"is", "are", "was", "were"})

# A question's examples in brackets are its wording: "(e.g. diabetes, asthma)", "(such as ...".
_EXAMPLES = re.compile(r"^\((?:e\.?\s?g|i\.?\s?e|such|for|incl)", re.IGNORECASE)
_ASIDE = re.compile(r"^\([A-Za-z]")


def after_wording(words: list[Word]) -> list[Word]:
    """The words after a label's wording that runs on past the vocabulary's variant.

    Wording that begins with a joining word or a bracket of examples goes on to its colon or
    question mark, and the value follows; with neither, the whole segment is wording and no
    value is right of it. A bracketed aside ends at its closing bracket too. A label written as
    a sentence's subject leaves its verb ("is") before the value.
    """
    if words and words[0].text.lower() in COPULAS:
        words = words[1:]  # (the verb alone: "is:" or "is," would be no sentence's)
    if not words:
        return words
    aside = False
    while words and _ASIDE.match(words[0].text) and not _EXAMPLES.match(words[0].text):
        # a bracketed aside ("(medicines, foods, other):") ends at its colon or its bracket,
        # and another may follow it ("(Full name, address) (If under 12, give age)"); left
        # open, a label cut it short and it is wording to the end
        ends = [i for i, w in enumerate(words) if w.text.endswith((":", "?")) or ")" in w.text]
        if not ends:
            return []
        words, aside = words[ends[0] + 1 :], True
    if aside or not words:
        return words
    if words[0].text.strip(",.").lower() not in WORDING_GOES_ON and not _EXAMPLES.match(
        words[0].text
    ):
        return words
    for index, word in enumerate(words):
        if word.text.endswith((":", "?")):
            return words[index + 1 :]
    return []


def value_beside(
    lines: Sequence[Line],
    match: LabelMatch,
    stops: Sequence[LabelMatch],
) -> tuple[Word, ...]:
    """A value that a skewed photo put on a neighbouring line, right of its label.

    It is a segment of the line just above or below, starting right of the
    label (before the label's next label), with its centre within one line
    height of the label's, nothing of that line over the label's column, and
    no label of its own at its start.
    """
    line = lines[match.line]
    label_words = line.words[match.start : match.end]
    left, right = label_words[0].bbox.x0, label_words[-1].bbox.x1
    centre = sum(w.bbox.center_y for w in label_words) / len(label_words)
    height = float(median(w.bbox.height for w in label_words))
    later = [s.start for s in stops if s.line == match.line and s.start >= match.end]
    limit = line.words[min(later)].bbox.x0 if later else 10**9
    for index in (match.line - 1, match.line + 1):
        if not 0 <= index < len(lines) or lines[index].page != line.page:
            continue
        near = lines[index]
        labelled = {s.start for s in stops if s.line == index}
        for part in segments(near):
            first = near.words.index(part[0])
            if first in labelled or not right < part[0].bbox.x0 < limit:
                continue
            if any(w.bbox.x1 > left for w in near.words[:first]):
                continue
            if abs(part[0].bbox.center_y - centre) < height:
                return tuple(w for w in part if w.bbox.x0 < limit and not _is_filler(w.text))
    return ()


def value_wrapped(
    lines: Sequence[Line],
    match: LabelMatch,
    stops: Sequence[LabelMatch],
) -> tuple[Word, ...]:
    """A value that running text wrapped onto the next line, after a label ending its line.

    "..., born 1938-12-08, address" / "3979 Magnolia St, Atlanta, 30309, as follows:": the
    label must end a line of text and the next line begin left of it and close under it, with
    no label at its start; the value runs to the next label on that line.
    """
    line = lines[match.line]
    # a label starting its column is no clause of running text, unless a clause's mark
    # stands before it ("GeoBlue  ; member / policy no.")
    clause = match.start > 0 and line.words[match.start - 1].text in (";", ",")
    if (match.start in segment_starts(line) and not clause) or match.end < len(line.words):
        return ()
    if match.line + 1 >= len(lines):
        return ()
    below = lines[match.line + 1]
    label_x = line.words[match.start].bbox.x0
    if below.page != line.page or below.words[0].bbox.x0 >= label_x:
        return ()
    height = max(line.height, below.height)
    if below.center_y - line.center_y > BELOW_REACH * height:
        return ()
    # text wraps back to its own margin, where the label's segment (or, for a clause, its
    # line) begins: a line starting far off it is another's (a title's "... / Rx" at the
    # right of a letterhead's line)
    segment = 0 if clause else max(s for s in segment_starts(line) if s <= match.start)
    if abs(below.words[0].bbox.x0 - line.words[segment].bbox.x0) > WRAP_MARGIN * height:
        return ()
    line_stops = sorted(s.start for s in stops if s.line == match.line + 1)
    if line_stops and line_stops[0] == 0:
        return ()
    end = line_stops[0] if line_stops else len(below.words)
    return _unfilled(list(below.words[:end]))


# Running text wraps to a next line starting within this many line heights of its own start.
WRAP_MARGIN = 3.0


def column_end(line: Line, match: LabelMatch, stops: Sequence[LabelMatch]) -> float:
    """Where a label's column ends: at the next label on its line, or that label's number."""
    later = [s.start for s in stops if s.line == match.line and s.start >= match.end]
    if not later:
        return 10**9
    end = min(later)
    while end > match.end and ENUMERATION.match(line.words[end - 1].text):
        end -= 1  # "A3 First name   A4 Date of birth": the column ends at "A4"
    return float(line.words[end].bbox.x0)


def value_below(
    lines: Sequence[Line],
    match: LabelMatch,
    stops: Sequence[LabelMatch],
    reach: float = BELOW_REACH,
    right: float | None = None,
    *,
    numbered: bool = False,
) -> tuple[Word, ...]:
    """Words under a label: the next line's words in the label's column, if close.

    They must begin a segment of that line: the end of a long value to the
    left (an address's zip code under a right-hand label) is not this label's, unless
    ``numbered`` rows (a table's drugs) print only their number left of it.
    ``reach`` is how far down, in line heights; ``right`` where the column ends (by default
    at the label's next label).
    """
    line = lines[match.line]
    start = match.start
    if (
        start > 0
        and _item_number(line.words[start - 1].text)
        and _hugs_next(line.words, start - 1, start)
    ):
        start -= 1  # "10. Dry weight": the item's column begins at its number
    if numbered and _asks(lines, match):
        # a list's rows stand under the whole question, not under its words that match the
        # label ("Please list any medical conditions you are treated for:")
        start = max((s for s in segment_starts(line) if s <= start), default=start)
    x0 = line.words[start].bbox.x0 - line.height
    x1 = column_end(line, match, stops)
    x1 = x1 if right is None else min(x1, right)
    label_end = line.words[match.end - 1].bbox.x1 + COLUMN_GAP * line.height
    for index in range(match.line + 1, len(lines)):
        below = lines[index]
        if below.page != line.page:
            break
        # a small label over a larger value: reach by the larger of the two
        if below.center_y - line.center_y > reach * max(line.height, below.height):
            break
        if numbered and index == match.line + 1 and _question_tail(line, below):
            continue  # the question's last words, wrapped: "diabetes):"
        column = [w for w in below.words if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < x1]
        on_line = {s.start: s for s in stops if s.line == index}
        line_stops = set(on_line)
        if not column and _row_of_labels(below, stops, index, x0):
            break  # the next row of labels: the box under this one was left blank
        if not column:
            continue
        first = below.words.index(column[0])
        while first + 1 < len(below.words) and ENUMERATION.match(below.words[first].text):
            first += 1  # "2." numbering the heading below
        lead = [w.text.rstrip(".)") for w in below.words[:first]]
        row_number = numbered and len(lead) == 1 and lead[0].isdigit() and len(lead[0]) <= 2
        if (
            first in line_stops
            and below.words[first].bbox.x0 > label_end
            and on_line[first].end < len(below.words)
        ):
            continue  # another column's label and value, far right, printed a little lower
        if first in line_stops or (first not in segment_starts(below) and not row_number):
            return ()  # a label, or the tail of a longer value that starts further left
        end = min((s for s in line_stops if s > first), default=len(below.words))
        while end - 1 > first and end in line_stops and _item_number(below.words[end - 1].text):
            end -= 1  # the next label's number ("(813) 555-0177  2.b. Work phone")
        taken = [w for w in below.words[first:end] if w in column]
        return _unfilled(_nearer_next(line, match, stops, below, taken))
    return ()


def _asks(lines: Sequence[Line], match: LabelMatch) -> bool:
    """Whether a label stands in a question closed by a colon or a question mark.

    On its line or on the next, wrapped ("... you are treated for:"); a clinic's name ("Street
    Medicine Program") asks nothing.
    """
    line = lines[match.line]
    ends = sorted(s for s in segment_starts(line) if s > match.start)
    last = line.words[(ends[0] if ends else len(line.words)) - 1]
    if last.text.endswith((":", "?")):
        return True
    below = lines[match.line + 1] if match.line + 1 < len(lines) else None
    return below is not None and below.page == line.page and _question_tail(line, below)


def _question_tail(line: Line, below: Line) -> bool:
    """Whether the line under a question is its last few words, wrapped, closed by a colon."""
    return (
        not line.words[-1].text.endswith((":", "?"))
        and below.words[-1].text.endswith(":")
        and len(below.words) <= QUESTION_TAIL
    )


# A question wrapped onto the next line leaves this many words there at most.
QUESTION_TAIL = 4


def _nearer_next(
    line: Line, match: LabelMatch, stops: Sequence[LabelMatch], below: Line, taken: list[Word]
) -> list[Word]:
    """The words under a label up to a segment that stands nearer the next label's middle.

    A row of labels over values centred under them (``Height   wt`` over ``61 in   114 lbs``):
    the second value starts left of its label, in the first one's column, but nearer its own.
    """
    after = [s for s in stops if s.line == match.line and s.start >= match.end]
    if not after or len(taken) < 2:
        return taken
    nearest = min(after, key=lambda s: s.start)

    def middle(first: Word, last: Word) -> float:
        return (first.bbox.x0 + last.bbox.x1) / 2

    own = middle(line.words[match.start], line.words[match.end - 1])
    other = middle(line.words[nearest.start], line.words[nearest.end - 1])
    starts = segment_starts(below)
    for i, word in enumerate(taken[1:], 1):
        here = middle(word, word)
        if below.words.index(word) in starts and abs(here - other) < abs(here - own):
            return taken[:i]
    return taken


def labelled_words(stops: Sequence[LabelMatch], index: int) -> set[int]:
    """The words of a line that labels cover."""
    return {i for s in stops if s.line == index for i in range(s.start, s.end)}


def _row_of_labels(below: Line, stops: Sequence[LabelMatch], index: int, x0: float) -> bool:
    """Whether a line prints labels only (and items' numbers) on to a column at ``x0``.

    That is the next row's labels; a side title's last word, far left, is no such row.
    """
    labelled = labelled_words(stops, index)
    reach = max((below.words[i].bbox.x1 for i in labelled), default=-1.0)
    return reach >= x0 - 2 * below.height and all(
        i in labelled or ENUMERATION.match(w.text) for i, w in enumerate(below.words)
    )


def value_above(
    lines: Sequence[Line],
    match: LabelMatch,
    stops: Sequence[LabelMatch],
    rule: tuple[float, float, float] | None = None,
    within: range | None = None,
) -> tuple[Word, ...]:
    """Words over a label: a caption printed under the rule its value is written on.

    ``rule`` is the drawn line right over the label (``x0, x1, y``): the value is the
    nearest line's words written on it, across the rule's length (a caption is often
    centred under a long rule). Without a rule, the words must begin a segment in the
    label's column, as under a label. ``within``: the lines of the label's panel (a column of
    the page read apart), where the value is looked for.
    """
    line = lines[match.line]
    label_words = line.words[match.start : match.end]
    if rule is not None:
        x0, x1, floor = rule
    else:
        x0 = label_words[0].bbox.x0 - line.height
        x1 = column_end(line, match, stops)
        floor = label_words[0].bbox.y0
    # nearest first, by height on the page: a signature's flourish may draw the caption's line
    # up over the value written beside it
    middle = (label_words[0].bbox.y0 + label_words[0].bbox.y1) / 2
    order = sorted(
        (
            i
            for i, other in enumerate(lines)
            if i != match.line
            and other.page == line.page
            and other.center_y < middle
            and (within is None or i in within)
        ),
        key=lambda i: -lines[i].center_y,
    )
    for index in order:
        above = lines[index]
        if line.center_y - above.center_y > BELOW_REACH * max(line.height, above.height):
            break
        if floor - above.bbox.y1 > 2.0 * max(line.height, above.height):
            break  # nothing written on the rule: the line further up is another row's
        column = [w for w in above.words if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < x1]
        if not any(any(c.isalnum() for c in w.text) for w in column):
            continue
        line_stops = {s.start for s in stops if s.line == index}
        first = above.words.index(column[0])
        if first in line_stops or (rule is None and first not in segment_starts(above)):
            return ()  # another label, or the tail of a longer value that starts further left
        end = min((s for s in line_stops if s > first), default=len(above.words))
        return _unfilled([w for w in above.words[first:end] if w in column])
    return ()


def _unfilled(words: Sequence[Word]) -> tuple[Word, ...]:
    """A value's words without blanks' fillers; a dash between words stays (``5 mg - 2 tabs``)."""
    kept = [
        w
        for i, w in enumerate(words)
        if not _is_filler(w.text) or (w.text in _DASHES and 0 < i < len(words) - 1)
    ]
    while kept and _is_filler(kept[-1].text):
        kept.pop()
    return tuple(kept)


_DASHES = frozenset({"-", "–", "—"})


def _is_filler(text: str) -> bool:
    """Underscores, dots and rules printed as blanks to write on."""
    return not re.sub(r"[_.\-—–|:·•=~]", "", text).strip()


# A printed column of choices repeats on at least this many rows ...
REPEATED_ROWS = 3
# ... each segment overlapping the first's span by this share of the shorter, its rows at
# most this many text heights apart, and read alike (OCR damages ringed choices) this closely.
REPEATED_OVERLAP = 0.5
REPEATED_STEP = 7.0
REPEATED_LIKE = 60.0
# A repeated segment holds at most this many words.
REPEATED_WORDS = 4


def repeated_columns(lines: Sequence[Line]) -> set[tuple[int, int, int, int, int]]:
    """Words of a column the form prints alike on row after row, with its heading.

    A prescription's rows each end with the eyes to ring (``OD OS OU``), under an ``Eye(s)``
    heading: printed choices, never part of the medicine written on the row. A column counts
    when a lettered segment without digits stands over one place on three rows or more in a
    run, read alike; the lone short segment just over its top is its heading. Words are
    given as ``(page, x0, y0, x1, y1)``.
    """
    found: set[tuple[int, int, int, int, int]] = set()
    pieces = [
        (index, part)
        for index, line in enumerate(lines)
        for part in segments(line)
        if len(part) <= REPEATED_WORDS
        and any(c.isalpha() for w in part for c in w.text)
        and not any(c.isdigit() for w in part for c in w.text)
    ]
    used: set[int] = set()
    for first, (index, part) in enumerate(pieces):
        if first in used:
            continue
        height = max(w.bbox.height for w in part)
        text = compact(" ".join(w.text for w in part))
        run = [(index, part)]
        for later, (other, more) in enumerate(pieces[first + 1 :], first + 1):
            last_index, last = run[-1]
            if lines[other].page != lines[index].page or other == last_index:
                continue
            step = more[0].bbox.center_y - last[0].bbox.center_y
            if step > REPEATED_STEP * height:
                break
            # (a ringed choice OCR lost shortens its row's segment: "OS OU" under "OD OS OU")
            if min(more[-1].bbox.x1, part[-1].bbox.x1) - max(more[0].bbox.x0, part[0].bbox.x0) < (
                REPEATED_OVERLAP
                * min(more[-1].bbox.x1 - more[0].bbox.x0, part[-1].bbox.x1 - part[0].bbox.x0)
            ):
                continue
            if fuzz.ratio(text, compact(" ".join(w.text for w in more))) >= REPEATED_LIKE:
                run.append((other, more))
                used.add(later)
        if len(run) < REPEATED_ROWS:
            continue
        column = [w for _, words in run for w in words] + _column_glued(lines, run)
        found.update(_box_key(w) for w in column)
        top = min(column, key=lambda w: w.bbox.y0)
        index = next(i for i, ln in enumerate(lines) if any(w is top for w in ln.words))
        head = _column_head(
            lines,
            index,
            sorted((w for w in column if w in lines[index].words), key=lambda w: w.bbox.x0),
        )
        found.update(_box_key(w) for w in head)
    return found


def _column_glued(lines: Sequence[Line], run: Sequence[tuple[int, tuple[Word, ...]]]) -> list[Word]:
    """The column's words on rows where the writing ran up to it (one segment with the drug).

    Within the column's span and its rows' reach, a word made of the column's own words
    (``OD``, ``OU``, or ``ODOS`` run together) is the column's.
    """
    words = [w for _, part in run for w in part]
    height = max(w.bbox.height for w in words)
    x0, x1 = min(w.bbox.x0 for w in words) - height, max(w.bbox.x1 for w in words) + height
    top = min(w.bbox.y0 for w in words) - REPEATED_STEP * height
    bottom = max(w.bbox.y1 for w in words) + REPEATED_STEP * height
    tokens = sorted({compact(w.text) for w in words} - {""}, key=len, reverse=True)
    made_of = re.compile("(?:" + "|".join(map(re.escape, tokens)) + ")+")
    page = lines[run[0][0]].page
    return [
        w
        for line in lines
        if line.page == page and top <= line.center_y <= bottom
        for w in line.words
        if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= x1 and made_of.fullmatch(compact(w.text))
    ]


def _column_head(lines: Sequence[Line], index: int, top: Sequence[Word]) -> tuple[Word, ...]:
    """The one short segment over a column's top row, on the line just over it.

    The line may hold more at its left: a big ``Rx`` read on the heading's line.
    """
    if index == 0 or lines[index - 1].page != lines[index].page:
        return ()
    above = segments(lines[index - 1])
    height = max(w.bbox.height for w in top)
    if top[0].bbox.y0 - lines[index - 1].bbox.y1 > 2 * height:
        return ()
    x0, x1 = top[0].bbox.x0, top[-1].bbox.x1
    over = [p for p in above if p[0].bbox.x0 < x1 and p[-1].bbox.x1 > x0]
    if len(over) == 1 and len(over[0]) <= 2 and over[0][-1] is above[-1][-1]:
        return over[0]
    return ()


def _box_key(word: Word) -> tuple[int, int, int, int, int]:
    box = word.bbox
    return (word.page, box.x0, box.y0, box.x1, box.y1)
