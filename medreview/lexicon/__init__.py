"""The medical lexicon: drug, condition and prescription words, and ordinary English.

The shipped word lists (``medreview/lexicon/data``, built by
``medreview.lexicon.build``) are read once per process through
``importlib.resources``; a :class:`Lexicon` layers the user's own terms on top,
so building one is cheap. User terms live in a plain text file, one term per
line, in the user's data directory (``MEDREVIEW_DATA_DIR`` overrides it, which
the tests use) and in any files named by ``CorrectionConfig.user_terms``. Terms
are vocabulary, never patient data.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from medreview.errors import UsageError
from medreview.lexicon.index import FuzzyIndex, Match, fold

__all__ = [
    "DATA_DIR_ENV",
    "Lexicon",
    "Match",
    "add_user_term",
    "fold",
    "get_lexicon",
    "read_term_file",
    "user_terms_path",
]

DATA_DIR_ENV = "MEDREVIEW_DATA_DIR"
"""Environment variable naming the user data directory instead of the platform's."""

MEDICAL_FILES = ("terms.txt", "conditions.txt", "drugs.txt")
"""Medical lists in priority order: hand-picked terms win ties over ICD and drug words."""
RARE_FILE = "rare.txt"
"""Known medical words that are never correction targets (see ``medreview.lexicon.build``)."""
ENGLISH_FILE = "english.txt"
MAX_TERM_LENGTH = 80

_CANDIDATE_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")


def user_terms_path() -> Path:
    """The user's own term file (it may not exist yet)."""
    override = os.environ.get(DATA_DIR_ENV)
    base = Path(override) if override else Path(platformdirs.user_data_dir("medreview"))
    return base / "terms.txt"


def _parse_terms(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_term_file(path: Path, *, missing_ok: bool = False) -> list[str]:
    """The terms of a term file: one per line, ``#`` comments and blank lines skipped."""
    try:
        return _parse_terms(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if missing_ok:
            return []
        raise UsageError(f"term file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read term file {path}: {type(exc).__name__}") from None


def _shipped(name: str) -> list[str]:
    """A shipped list: generated, so one clean term per line after the header."""
    data = resources.files("medreview.lexicon").joinpath("data", name)
    lines = data.read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line and not line.startswith("#")]


def _words(terms: Iterable[str]) -> set[str]:
    """The lower-case words of terms (a two-word drug name gives both words)."""
    return {w for term in terms for w in term.lower().split()}


def _ordered_candidates(terms: Iterable[str], exclude: frozenset[str]) -> dict[str, None]:
    """Candidate words in first-seen order (an ordered set; order is tie-break priority)."""
    found: dict[str, None] = {}
    for term in terms:
        for word in term.lower().split():
            if word not in exclude and _CANDIDATE_WORD.fullmatch(word):
                found.setdefault(word)
    return found


@dataclass(frozen=True, slots=True)
class _Shipped:
    """The shipped lists, indexed; shared by every :class:`Lexicon` of the process."""

    english: frozenset[str]
    known: frozenset[str]
    candidates: frozenset[str]
    term_index: FuzzyIndex
    english_index: FuzzyIndex


@functools.cache
def _load_shipped() -> _Shipped:
    english_words = _shipped(ENGLISH_FILE)
    english = frozenset(english_words)
    medical_terms = [term for name in MEDICAL_FILES for term in _shipped(name)]
    candidates = _ordered_candidates(medical_terms, english)
    all_terms = medical_terms + _shipped(RARE_FILE)
    known = frozenset(_words(all_terms) | {t.lower() for t in all_terms})
    return _Shipped(
        english=english,
        known=known,
        candidates=frozenset(candidates),
        term_index=FuzzyIndex(candidates),
        english_index=FuzzyIndex(english_words),
    )


class Lexicon:
    """Known words and correction candidates: the shipped lists plus user terms.

    Immutable: adding a user term writes the file and the next
    :func:`get_lexicon` call builds a new lexicon (the shipped part is shared).
    """

    def __init__(self, user_terms: Iterable[str] = ()) -> None:
        self._shipped = _load_shipped()
        terms = tuple(t.strip() for t in user_terms if t.strip())
        self._terms_in_order = terms
        self._user_terms = frozenset(terms)
        user_words = _words(terms)
        self._user_known = frozenset(user_words | {t.lower() for t in terms})
        ordered = _ordered_candidates(terms, frozenset())
        self._user_candidates = frozenset(ordered)
        self._user_index = FuzzyIndex(ordered)

    def __reduce__(self) -> tuple[type[Lexicon], tuple[tuple[str, ...]]]:
        """Pickle as the user terms only: the receiving process loads its own shipped lists."""
        return (Lexicon, (self._terms_in_order,))

    @classmethod
    def from_files(cls, paths: Iterable[Path], *, include_user_dir: bool = True) -> Lexicon:
        """A lexicon with the terms of ``paths`` and, unless told not to, the user's file."""
        terms: list[str] = []
        if include_user_dir:
            terms += read_term_file(user_terms_path(), missing_ok=True)
        for path in paths:
            terms += read_term_file(path)
        return cls(terms)

    @property
    def user_terms(self) -> frozenset[str]:
        """The user's terms as written."""
        return self._user_terms

    @property
    def candidates(self) -> frozenset[str]:
        """Every word a correction may produce (lower case)."""
        return self._shipped.candidates | self._user_candidates

    def is_english(self, word: str) -> bool:
        """True for an ordinary English word (never corrected)."""
        return word.lower() in self._shipped.english

    def is_term(self, word: str) -> bool:
        """True for a word or whole term of the medical lists or the user's terms."""
        lower = word.lower()
        return lower in self._shipped.known or lower in self._user_known

    def is_known(self, word: str) -> bool:
        """True for a word that needs no correction: English or a lexicon term."""
        return self.is_english(word) or self.is_term(word)

    def folds_to_english(self, word: str) -> bool:
        """True when ``word`` is an English word up to OCR confusions ("tirnes")."""
        return fold(word) in self._shipped.english_index

    def closest_term(self, word: str, min_score: float) -> Match | None:
        """The candidate closest to ``word`` scoring at least ``min_score`` (0-100)."""
        shipped = self._shipped.term_index.best(word, min_score)
        user = self._user_index.best(word, min_score) if len(self._user_index) else None
        if shipped is None or user is None:
            return shipped or user
        return max(shipped, user, key=lambda m: (m.score, m.raw_score))

    def closest_english(self, word: str, min_score: float) -> Match | None:
        """The English word closest to ``word`` scoring at least ``min_score``."""
        return self._shipped.english_index.best(word, min_score)

    def near_english(self, word: str, min_score: float) -> bool:
        """True when some English word scores at least ``min_score`` against ``word``."""
        return self._shipped.english_index.has_near(word, min_score)


@functools.lru_cache(maxsize=16)
def _cached_lexicon(paths: tuple[str, ...], user_file: str) -> Lexicon:
    del user_file  # part of the cache key only: a new data directory means a new lexicon
    return Lexicon.from_files(Path(p) for p in paths)


def get_lexicon(user_terms: Sequence[str | Path] = ()) -> Lexicon:
    """The process's shared lexicon for these user term files (plus the user's own)."""
    return _cached_lexicon(tuple(str(p) for p in user_terms), str(user_terms_path()))


def add_user_term(term: str, path: Path | None = None) -> Path:
    """Append ``term`` to a user term file (the user's own by default); return the file.

    A term already present is not added twice. Shared lexicons are dropped so
    the next :func:`get_lexicon` sees the term.
    """
    clean = " ".join(term.split())
    if not clean or clean.startswith("#") or len(clean) > MAX_TERM_LENGTH:
        raise UsageError(f"not a valid term (1 to {MAX_TERM_LENGTH} characters, no leading #)")
    target = path or user_terms_path()
    existing = read_term_file(target, missing_ok=True)
    if clean not in existing:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            old = target.read_bytes() if target.exists() else b""
            separator = "\n" if old and not old.endswith(b"\n") else ""
            with target.open("a", encoding="utf-8") as handle:
                handle.write(f"{separator}{clean}\n")
        except OSError as exc:
            raise UsageError(f"cannot write term file {target}: {type(exc).__name__}") from None
    _cached_lexicon.cache_clear()
    return target
