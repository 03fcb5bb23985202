"""The record's date on a form that logs its attempts: the completed one's.

An interview questionnaire keeps a strip of its visits or contact attempts: a ``DATE`` row
with one date a column, a ``RESULT`` row with a code under each, and a key to the codes
(``1 COMPLETED  2 NOT AT HOME ...``). The record is the interview that was completed, so its
date is the one over the code the key calls completed, not the first attempt's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medreview.documents import FieldSpec
from medreview.model import Word
from medreview.parsing.layout import Line, segments
from medreview.parsing.page import BASE_SCORE, Candidate, Page, Relation, text_of
from medreview.parsing.values import VALUE_TYPES
from medreview.parsing.vocabulary import FieldWords

# The strip's rows lead with these words; its key names the completed code.
_DATE_ROW = re.compile(r"(?i)^dates?:?$")
_RESULT_ROW = re.compile(r"(?i)^results?\b")
_COMPLETED = re.compile(r"(?i)\b(\d{1,2})\s*[=:-]?\s*completed?\b")
# The result row and the key stand within this many lines under the dates.
STRIP_REACH = 3
# The completed attempt's date counts a little more than the date right of the row's label.
COMPLETED_ATTEMPT = 1.02


def attempt_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The date of the attempt whose result code the strip's key calls completed."""
    if spec.name != "record_date":
        return []
    found: list[Candidate] = []
    for index, line in enumerate(doc.lines):
        if not _DATE_ROW.match(line.words[0].text):
            continue
        dates = _dates(doc, line)
        if len(dates) < 2:
            continue
        below = [
            ln for ln in doc.lines[index + 1 : index + 1 + STRIP_REACH] if ln.page == line.page
        ]
        codes = next((_codes(ln) for ln in below if _RESULT_ROW.match(ln.words[0].text)), None)
        key = next((m for ln in below if (m := _COMPLETED.search(ln.text))), None)
        if not codes or key is None:
            continue
        chosen = _over_code(dates, codes, key.group(1))
        if chosen is None:
            continue
        value, words = chosen
        score = BASE_SCORE[Relation.RIGHT] * COMPLETED_ATTEMPT
        found.append(Candidate(item.name, value, words, score, Relation.RIGHT, line.words[:1]))
    return found


def _dates(doc: Page, line: Line) -> list[tuple[str, tuple[Word, ...]]]:
    """The dates standing in a row's columns after its label, each with its words."""
    kind = VALUE_TYPES["date"]
    found = []
    for part in segments(line):
        words = tuple(w for w in part if not _DATE_ROW.match(w.text))
        value = kind.coerce(text_of(words), doc.order) if words else None
        if isinstance(value, str):
            found.append((value, words))
    return found


def _codes(line: Line) -> list[tuple[str, float]]:
    """The result codes of a row, each with the middle of its place across the page."""
    return [
        (w.text.strip("*."), (w.bbox.x0 + w.bbox.x1) / 2)
        for w in line.words[1:]
        if w.text.strip("*.").isdigit()
    ]


def _over_code(
    dates: Sequence[tuple[str, tuple[Word, ...]]], codes: Sequence[tuple[str, float]], code: str
) -> tuple[str, tuple[Word, ...]] | None:
    """The one date whose column holds the given code (the nearest code under each date)."""
    chosen = []
    for value, words in dates:
        middle = (words[0].bbox.x0 + words[-1].bbox.x1) / 2
        nearest = min(codes, key=lambda c: abs(c[1] - middle))
        if nearest[0] == code:
            chosen.append((value, words))
    return chosen[0] if len(chosen) == 1 else None
