"""Abbreviations a form spells out in a key line: "Imm = immune; Non = not immune; Unk = unknown".

A table of answers may print short options in its rows (``Imm ☐ Non ☒ Unk ☐``, ``Pos``,
``Neg``, ``?``) and say under the table what each stands for. The page's key lines are read
once; a row's abbreviations are then read as the words they stand for, so the choices they
mean are found in them as if printed in full. What an abbreviation means is its meaning's
first clause, without a bracketed note ("immune (documented disease or positive titer)"), and
its first sense ("unknown or not tested").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from medreview.model import Word
from medreview.parsing.layout import compact
from medreview.parsing.page import Page

# "ABBR = meaning", the next pair after a semicolon, a comma or a space before the next "X ="
# ("I = immune  NI = not immune  U = unknown").
_PAIR = re.compile(
    r"(?:^|[;,.]\s*|\s+)(\S{1,6})\s*=\s*([^;=]+?)(?=\s*;|\s*[,.]?\s*\S{1,6}\s*=|\s*\.?$)"
)
# A meaning's bracketed note.
_NOTE = re.compile(r"\s*\([^)]*\)?")
# A key line holds at least this many pairs.
MIN_PAIRS = 2


def _pairs(text: str) -> list[tuple[str, str]]:
    """A key line's pairs of abbreviation and meaning (none when the line is no key)."""
    if text.count("=") < MIN_PAIRS:
        return []
    pairs: list[tuple[str, str]] = _PAIR.findall(text)
    return pairs if len(pairs) >= MIN_PAIRS else []


def is_key_line(words: Sequence[Word]) -> bool:
    """Whether words hold a key: what a form's abbreviations mean, no value.

    The words themselves, not their line: a question's answer stands on the line of the key
    printed after its box ("... series?  Y   Y = Yes  N = No  U = Not sure").
    """
    return bool(_pairs(" ".join(w.text for w in words)))


def abbreviations(doc: Page) -> dict[str, str]:
    """The page's abbreviations (compacted) and what each stands for (found once)."""
    if doc.abbreviations is None:
        found: dict[str, str] = {}
        for line in doc.lines:
            for short, meaning in _pairs(line.text):
                # its first sense: "unknown or not tested" reads as the option "unknown"
                meaning = _NOTE.sub("", meaning).split(" or ")[0].strip(" .,:")
                key = compact(short) or short
                if meaning and key and len(meaning) > len(short):
                    # (printed as an option is: capitalised, standing alone)
                    found.setdefault(key, meaning[:1].upper() + meaning[1:].lower())
        doc.abbreviations = found
    return doc.abbreviations


def spelled_out(doc: Page, words: Sequence[Word]) -> tuple[Word, ...]:
    """A row's words with each abbreviation its page spells out read as what it stands for."""
    table = abbreviations(doc)
    if not table:
        return tuple(words)
    out = []
    for word in words:
        meaning = table.get(compact(word.text) or word.text)
        out.append(replace(word, text=meaning) if meaning else word)
    return tuple(out)
