"""A fuzzy-match index over a word list, with OCR confusions folded away.

Words are compared in a *folded* form where the characters OCR engines confuse
(0/O, 1/l/I, 5/S, rn/m, cl/d, vv/w, |/l) are the same character, so such
confusions cost nothing and only real spelling differences count. ``i`` and
``l`` are merged only as the first letter (a capital I read as l: "lbuprofen");
merging them everywhere made too many ordinary words look alike. Candidates are bucketed
by folded first letter and length so a query scores a few hundred words, not
tens of thousands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

LENGTH_SLACK = 2
"""Candidates may be this many characters shorter or longer than the query."""

_PAIRS = (("rn", "m"), ("cl", "d"), ("vv", "w"))
_SINGLES = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s"})


def fold(word: str) -> str:
    """The word with OCR-confusable characters merged (lower case)."""
    text = word.lower().translate(_SINGLES)
    for pair, single in _PAIRS:
        text = text.replace(pair, single)
    return "l" + text[1:] if text.startswith("i") else text


@dataclass(frozen=True, slots=True)
class Match:
    """A word of the index close to a query.

    ``score`` is the normalised Levenshtein similarity (0-100) of the folded
    forms; ``raw_score`` that of the plain lower-case forms, which tells an
    OCR-confusion-only match (``score`` 100) from a real spelling difference.
    """

    word: str
    score: float
    raw_score: float


class FuzzyIndex:
    """Words by folded form, bucketed by folded first letter and length.

    The order of ``words`` is a priority: when two words are equally close to a
    query, the earlier one wins (the shipped lists put common words first).
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._priority: dict[str, int] = {}
        by_fold: dict[str, list[str]] = defaultdict(list)
        for word in words:
            if word not in self._priority:
                self._priority[word] = len(self._priority)
                by_fold[fold(word)].append(word)
        self._by_fold = {key: tuple(vals) for key, vals in by_fold.items()}
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in self._by_fold:
            if key:
                buckets[key[0], len(key)].append(key)
        self._buckets = {k: tuple(v) for k, v in buckets.items()}
        self._windows: dict[tuple[str, int], tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._by_fold)

    def __contains__(self, folded: object) -> bool:
        return folded in self._by_fold

    def words_folding_to(self, folded: str) -> tuple[str, ...]:
        """The words whose folded form is ``folded`` (empty when none)."""
        return self._by_fold.get(folded, ())

    def _window(self, first: str, length: int) -> tuple[str, ...]:
        key = (first, length)
        window = self._windows.get(key)
        if window is None:
            window = tuple(
                word
                for size in range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1)
                for word in self._buckets.get((first, size), ())
            )
            self._windows[key] = window
        return window

    def best(self, word: str, min_score: float) -> Match | None:
        """The closest word at or above ``min_score`` (0-100), or None.

        Ties on the folded score go to the word closest in plain spelling, then
        to one with the same first letter, then to the nearest length, then to
        the earlier (more common) word.
        """
        query = fold(word)
        if not query:
            return None
        choices = self._window(query[0], len(query))
        if not choices:
            return None
        found = process.extract(
            query,
            choices,
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=min_score / 100,
            limit=None,
        )
        if not found:
            return None
        top = max(score for _, score, _ in found)
        plain = word.lower()
        tied = [c for key, score, _ in found if score == top for c in self._by_fold[key]]

        def rank(candidate: str) -> tuple[float, bool, int, int]:
            raw = Levenshtein.normalized_similarity(plain, candidate.lower())
            same_first = candidate[:1].lower() == plain[:1]
            length_gap = abs(len(candidate) - len(plain))
            return (-raw, not same_first, length_gap, self._priority[candidate])

        chosen = min(tied, key=rank)
        raw = Levenshtein.normalized_similarity(plain, chosen.lower())
        return Match(chosen, top * 100, raw * 100)
