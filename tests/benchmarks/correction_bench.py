"""Correction benchmark: lexicon load time and milliseconds per 300-word page.

A script, not a test: ``.venv/bin/python -m tests.benchmarks.correction_bench``.

Pages are synthetic: ordinary English words, names, numbers and dates, correct
drug and condition words, and about 5% mangled ones (an OCR confusion or a
dropped letter). Every page draws new words, so ``cold`` pages mostly miss the
per-token cache; ``warm`` re-runs the same pages. It also prints how often
rare real words (wordfreq zipf 1.0-1.8, Title case, outside the English list:
mostly names and rare words) are changed: the false-correction rate, and the
recall on lexicon words with one OCR confusion or one dropped letter.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from medreview.config import CorrectionConfig
from medreview.correction import LexiconCorrector
from medreview.lexicon import Lexicon, _load_shipped
from medreview.model import BBox, Word

NAMES = ["Helen", "Okafor", "Samuel", "Ortiz", "Ana", "Reyes", "Alan", "Nguyen", "Kowalczyk"]
OTHER = ["500", "mg", "2023-03-14", "(415)", "555-0182", "Refill:", "Name:", "x", "7", "Dr."]
SWAPS = {"o": "0", "l": "1", "s": "5", "m": "rn", "d": "cl"}


def _mangle(rng: random.Random, term: str) -> str:
    pos = rng.randrange(1, len(term) - 1)
    if term[pos] in SWAPS:
        return term[:pos] + SWAPS[term[pos]] + term[pos + 1 :]
    return term[:pos] + term[pos + 1 :]


def make_page(rng: random.Random, english: list[str], medical: list[str], size: int) -> list[Word]:
    """One synthetic page of ``size`` words."""
    texts = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.60:
            texts.append(rng.choice(english))
        elif roll < 0.75:
            texts.append(rng.choice(OTHER))
        elif roll < 0.85:
            texts.append(rng.choice(NAMES))
        elif roll < 0.95:
            texts.append(rng.choice(medical).capitalize())
        else:
            texts.append(_mangle(rng, rng.choice(medical)).capitalize() + rng.choice(["", ","]))
    return [Word(t, 0.9, BBox(0, 0, 1, 1)) for t in texts]


def false_corrections(corrector: LexiconCorrector, step: int) -> tuple[int, int]:
    """(changed, tested) over rare real words outside the English list."""
    from wordfreq import top_n_list, zipf_frequency

    words = [
        w.title()
        for w in top_n_list("en", 1_000_000)
        if w.isalpha() and w.isascii() and 1.0 <= zipf_frequency(w, "en") < 1.8
    ][::step]
    changed = sum(corrector.correct_text(w) is not None for w in words)
    return changed, len(words)


def recall(corrector: LexiconCorrector, medical: list[str], seed: int) -> dict[str, float]:
    """Share of one-error words corrected back, by kind of error and case."""
    rng = random.Random(seed)
    sample = [w for w in medical if len(w) >= 7][::5]
    kinds: dict[str, list[tuple[str, str]]] = {"ocr": [], "typo": []}
    for term in sample:
        pos = rng.randrange(1, len(term) - 1)
        if term[pos] in SWAPS:
            kinds["ocr"].append((term, term[:pos] + SWAPS[term[pos]] + term[pos + 1 :]))
        kinds["typo"].append((term, term[:pos] + term[pos + 1 :]))
    rates = {}
    for kind, pairs in kinds.items():
        for case in (str.lower, str.capitalize):
            fixed = sum(
                (corrector.correct_text(case(read)) or "").lower() == term for term, read in pairs
            )
            rates[f"{kind} {case.__name__}"] = fixed / len(pairs)
    return rates


def main() -> None:
    """Print load time, ms per page (cold and warm) and the false-correction rate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rare-step", type=int, default=10, help="test every Nth rare word")
    args = parser.parse_args()

    start = time.perf_counter()
    shipped = _load_shipped()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    lexicon = Lexicon()
    layer_s = time.perf_counter() - start
    corrector = LexiconCorrector(CorrectionConfig(), lexicon)
    print(
        f"lexicon load: {load_s * 1000:.0f} ms (once per process), per-config layer: "
        f"{layer_s * 1000:.2f} ms"
    )
    print(
        f"  {len(shipped.english)} English words, {len(shipped.candidates)} candidates, "
        f"{len(shipped.known)} known medical words and terms"
    )

    rng = random.Random(args.seed)
    english = sorted(shipped.english)
    medical = sorted(w for w in shipped.candidates if len(w) >= 6 and w.isalpha())
    pages = [make_page(rng, english, medical, args.words) for _ in range(args.pages)]
    for label in ("cold", "warm"):
        times = []
        changed = 0
        for page in pages:
            start = time.perf_counter()
            out = corrector.correct(page)
            times.append((time.perf_counter() - start) * 1000)
            changed += sum(w.corrected for w in out)
        print(
            f"{label}: {statistics.median(times):.2f} ms median, {max(times):.2f} ms max per "
            f"{args.words}-word page ({changed} words corrected on {args.pages} pages)"
        )

    rates = recall(corrector, medical, args.seed)
    print("recall (words of 7+ letters):", ", ".join(f"{k} {v:.0%}" for k, v in rates.items()))
    changed, tested = false_corrections(corrector, args.rare_step)
    print(f"rare real words changed: {changed}/{tested} ({changed / tested:.2%})")


if __name__ == "__main__":
    main()
