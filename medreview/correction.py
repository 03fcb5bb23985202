"""Medical word correction: fix OCR-mangled drug and condition names from the lexicon.

A word is corrected only towards a term of the lexicon, and only when it is
unknown (neither ordinary English nor already a term), word-shaped (no number,
date, phone or code), long enough, and close enough after OCR confusions
(0/O, 1/l/I, 5/S, rn/m, cl/d) are folded away. The engine's reading stays in
``Word.ocr_text``.

Person names are the main risk: "Okafor" is unknown to English and a surname
one letter from a drug name would be "corrected". The guards, in order:

* similarity is the normalised Levenshtein similarity of the folded forms, so
  at the default ``min_similarity`` of 86 one real spelling error needs a word
  of at least 8 letters, and short words (most names) change only when they
  differ from a term by OCR confusions alone;
* a word shaped like a name (Title or UPPER case, no digit or ``|``) needs
  :data:`NAME_SHAPED_MIN_SIMILARITY` for a real spelling difference;
* a word shaped like a name and shorter than :data:`NAME_SHAPED_MIN_LENGTH` is
  never changed, not even for OCR confusions ("Dammy" is not "Clammy");
* a word that is English up to OCR confusions ("tirnes"), or at least as close
  to an English word as to any term, is left alone;
* a fuzzy match that only adds or drops an inflection ("Macrolide" and
  "macrolides") or is a British/American spelling ("Haemolytic") is a
  variant, not an OCR error, and is left alone (a lost last letter, as in
  "tramadoll", is still corrected).

Obscure drug and ICD words (``rare.txt``) are known but never targets.

The trade-off, measured by ``tests/benchmarks/correction_bench.py``: of
59,000 rare real words and surnames (wordfreq zipf 1.0-1.8, Title case, none
in the English list) about 0.2% are changed, mostly misspellings of medical
words; at a name-shaped threshold of 86 it was 0.5%, with surnames among them
("Clemencia" to "Dementia"). The price is recall on real spelling errors:
OCR confusions are undone in about 95% of lexicon words, but a Title-case
drug name of 7-9 letters with one real typo ("Tramadoll") and any short one
("Advl") stays as read. The analyst sees and fixes those, which is better
than a silently changed patient name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from medreview.config import CorrectionConfig
from medreview.lexicon import Lexicon, get_lexicon
from medreview.model import Word

NAME_SHAPED_MIN_SIMILARITY = 90.0
"""Minimum similarity for a real spelling fix of a Title/UPPER word without OCR marks."""

NAME_SHAPED_MIN_LENGTH = 6
"""A Title/UPPER word without OCR marks shorter than this is never changed."""

MAX_CONFUSABLE_DIGITS = 2
"""At most this many OCR-confusable digits in a word (more makes it a code)."""

_SPLIT = re.compile(r"^([^\w|]*)(.*?)([^\w|]*)$", re.DOTALL)
_PART_SEPARATOR = re.compile(r"([-/])")
_WORD_SHAPED = re.compile(r"[A-Za-z015|!]+")
_OCR_MARKS = re.compile(r"[015|!]")
_INFLECTIONS = frozenset({"s", "es", "d", "ed", "ing", "ly", "al", "ic", "ics", "y", "ity"})
_VARIANTS = (("ae", "e"), ("oe", "e"), ("isation", "ization"), ("ise", "ize"), ("our", "or"))


class Corrector(Protocol):
    """A correction stage: the same words, some with corrected ``text``."""

    def correct(self, words: Sequence[Word]) -> list[Word]:
        """Return the words in order; corrected ones keep ``ocr_text`` and say so."""
        ...


def _is_word_shaped(part: str) -> bool:
    """True for letters with at most a few OCR-confusable digits ("Metf0rmin")."""
    if not _WORD_SHAPED.fullmatch(part):
        return False
    letters = sum(ch.isalpha() for ch in part)
    return letters >= 3 and len(part) - letters <= min(MAX_CONFUSABLE_DIGITS, len(part) // 4)


def _apply_case(template: str, term: str) -> str:
    """``term`` in the case pattern of ``template`` (UPPER, Title or lower)."""
    letters = [ch for ch in template if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return term.upper()
    if letters and letters[0].isupper():
        return term[:1].upper() + term[1:]
    return term


def _is_variant(token: str, term: str) -> bool:
    """True when ``token`` is ``term`` inflected or spelled the British way."""
    longer, shorter = (token, term) if len(token) >= len(term) else (term, token)
    if longer.startswith(shorter) and longer[len(shorter) :] in _INFLECTIONS:
        return True
    us = token
    for british, american in _VARIANTS:
        us = us.replace(british, american)
    return us == term


@functools.lru_cache(maxsize=65_536)
def _suggest(lexicon: Lexicon, part: str, min_similarity: float, name_shaped: bool) -> str | None:
    """The lexicon term an unknown, word-shaped ``part`` should become, if any.

    Cached on the lexicon (immutable, hashed by identity) and the lower-case
    token, so a word seen on many pages is looked up once per process.
    """
    if lexicon.folds_to_english(part):
        return None  # an English word up to OCR confusions, or ambiguous: leave it
    exact = lexicon.closest_term(part, 100.0)
    if exact is not None:
        return exact.word
    floor = max(min_similarity, NAME_SHAPED_MIN_SIMILARITY) if name_shaped else min_similarity
    match = lexicon.closest_term(part, floor)
    if match is None or _is_variant(part, match.word):
        return None
    if lexicon.near_english(part, match.score):
        return None
    return match.word


class LexiconCorrector:
    """Correct drug and condition words towards the lexicon (see the module docstring)."""

    def __init__(self, config: CorrectionConfig, lexicon: Lexicon | None = None) -> None:
        self._config = config
        self._lexicon = lexicon if lexicon is not None else get_lexicon(config.user_terms)

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon corrections come from."""
        return self._lexicon

    def correct(self, words: Sequence[Word]) -> list[Word]:
        """The words with mangled medical words corrected; others returned as given."""
        if not self._config.enabled:
            return list(words)
        out: list[Word] = []
        for word in words:
            text = self.correct_text(word.text)
            out.append(word if text is None else replace(word, text=text, corrected=True))
        return out

    def correct_text(self, text: str) -> str | None:
        """The corrected form of one token, punctuation kept, or None to keep it."""
        match = _SPLIT.match(text)
        if match is None:  # pragma: no cover - the pattern matches every string
            return None
        lead, core, trail = match.groups()
        if not core or self._lexicon.is_known(core):
            return None
        parts = _PART_SEPARATOR.split(core)
        fixed = [self._correct_part(p) if i % 2 == 0 else p for i, p in enumerate(parts)]
        new_core = "".join(fixed)
        return None if new_core == core else f"{lead}{new_core}{trail}"

    def _correct_part(self, part: str) -> str:
        if len(part) < self._config.min_word_length or not _is_word_shaped(part):
            return part
        if self._lexicon.is_known(part):
            return part
        name_shaped = part[:1].isupper() and not _OCR_MARKS.search(part)
        if name_shaped and len(part) < NAME_SHAPED_MIN_LENGTH:
            return part
        term = _suggest(self._lexicon, part.lower(), self._config.min_similarity, name_shaped)
        return part if term is None else _apply_case(part, term)
