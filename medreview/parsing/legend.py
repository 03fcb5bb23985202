"""Abbreviations a form spells out in a key line: "Imm = immune; Non = not immune; Unk = unknown".

A table of answers may print short options in its rows (``Imm ☐ Non ☒ Unk ☐``, ``Pos``,
``Neg``, ``?``) and say under the table what each stands for. The page's key lines are read
once; a row's abbreviations are then read as the words they stand for, so the choices they
mean are found in them as if printed in full. What an abbreviation means is its meaning's
first clause, without a bracketed note ("immune (documented disease or positive titer)"), and
its first sense ("unknown or not tested").

A key may also print signs before their meanings with no ``=`` ("+ immune (had it or
vaccinated)  - not immune  ? don't know"); the answers are then the signs written in the rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from medreview.model import Word
from medreview.parsing.layout import compact, segments
from medreview.parsing.page import Page, text_of

# "ABBR = meaning", the next pair after a semicolon, a comma or a space before the next "X ="
# ("I = immune  NI = not immune  U = unknown").
_PAIR = re.compile(
    r"(?:^|[;,.]\s*|\s+)(\S{1,6})\s*=\s*([^;=]+?)(?=\s*;|\s*[,.]?\s*\S{1,6}\s*=|\s*\.?$)"
)
# A meaning's bracketed note.
_NOTE = re.compile(r"\s*\([^)]*\)?")
# A key line holds at least this many pairs.
MIN_PAIRS = 2
# The signs a key prints before their meanings ("+ immune  - not immune  ? don't know") ...
SIGNS = "+?✓✗–-"
_SIGN = "[" + re.escape(SIGNS) + "]"
# ... each then its meaning in words, up to the next sign standing alone.
_SIGN_PAIR = re.compile(rf"(?:^|\s)({_SIGN})\s+([A-Za-z][A-Za-z' ]*?)(?=\s+{_SIGN}\s|\s*$)")


def _pairs(text: str) -> list[tuple[str, str]]:
    """A key line's pairs of abbreviation and meaning (none when the line is no key)."""
    if text.count("=") < MIN_PAIRS:
        return []
    pairs: list[tuple[str, str]] = _PAIR.findall(text)
    return pairs if len(pairs) >= MIN_PAIRS else []


def _sign_pairs(text: str) -> list[tuple[str, str]]:
    """A key's signs and their meanings, its notes in brackets left out.

    None unless the text is nothing but such pairs, each sign printed once.
    """
    plain = " ".join(_NOTE.sub("", text).split())
    pairs: list[tuple[str, str]] = _SIGN_PAIR.findall(plain)
    signs = [sign for sign, _ in pairs]
    if len(pairs) < MIN_PAIRS or len(set(signs)) < len(signs):
        return []
    if " ".join(f"{s} {m}" for s, m in pairs) != plain:
        return []
    return pairs


def is_key_line(words: Sequence[Word]) -> bool:
    """Whether words hold a key: what a form's abbreviations mean, no value.

    The words themselves, not their line: a question's answer stands on the line of the key
    printed after its box ("... series?  Y   Y = Yes  N = No  U = Not sure").
    """
    text = " ".join(w.text for w in words)
    return bool(_pairs(text) or _sign_pairs(text))


def abbreviations(doc: Page) -> dict[str, str]:
    """The page's abbreviations (compacted) and what each stands for (found once)."""
    if doc.abbreviations is None:
        found: dict[str, str] = {}
        for line in doc.lines:
            pairs = _pairs(line.text) or [
                pair for part in segments(line) for pair in _sign_pairs(text_of(part))
            ]
            for short, meaning in pairs:
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
