"""Build the lexicon data files shipped in ``medreview/lexicon/data/``.

A development script, not used at run time (the application never downloads or
derives data while running)::

    .venv/bin/python -m medreview.lexicon.build

It reads the drug dictionary of ``drug-named-entity-recognition``, the ICD-10-CM
tables of ``simple-icd-10-cm`` and the word list of ``wordfreq`` (all dev
dependencies), and the hand-written ``terms.txt`` already in the data folder, and
writes ``drugs.txt``, ``conditions.txt``, ``rare.txt``, ``english.txt`` and
``icd10cm.tsv`` (condition names and their ICD-10-CM codes, for the FHIR export).

Drug names and condition words that never occur in wordfreq's general English
corpus (most of the 45,000 names: chemical and foreign variants, obscure ICD
words) go to ``rare.txt``: they are known words, so never changed, but the
corrector does not turn anything into them, because an unknown word (often a
surname) is far more likely than an obscure drug. Each list is
ordered most frequent English usage first (ties alphabetical): the corrector
prefers the earlier word when two candidates are equally close, so
"amoxicillin" beats the Spanish "amoxicilina". The output is deterministic, so a
rebuild shows as a clean diff.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

ENGLISH_MIN_ZIPF = 1.8
"""Words at least this frequent in wordfreq (~120,000) count as ordinary English.

Deep enough to hold most surnames and place names ("Okafor" is 2.55), which is
what keeps them from being "corrected"; drug and condition names are removed.
"""

RARE_ZIPF = 1.0
"""Medical words below this frequency (absent from wordfreq) go to ``rare.txt``."""

COMMON_WORD_ZIPF = 4.5
"""ICD words at least this frequent in English (other, left, with...) are not worth correcting."""

COMMON_BRAND_RANK = 20_000
"""A brand or synonym that is among this many most frequent English words is dropped."""

MIN_CONDITION_WORD = 4

_DRUG_NAME = re.compile(r"[a-z][a-z\-]*[a-z](?: [a-z][a-z\-]*[a-z])?")
_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")
_ENGLISH_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

# ICD-10-CM chapters of external causes (vehicles, falls, places): no condition names.
_EXTERNAL_CAUSE_PREFIXES = ("V", "W", "X", "Y")

# ICD boilerplate that is rare in general English yet is no condition name.
_ICD_BOILERPLATE = frozenset(
    {"unspecified", "elsewhere", "classified", "specified", "nec", "nos", "initial", "sequela"}
)

COMMON_CONDITIONS: tuple[str, ...] = (
    "acne", "allergies", "allergy", "anaemia", "anemia", "angina", "anxiety", "arrhythmia",
    "arthritis", "asthma", "bronchitis", "cancer", "cataract", "cataracts", "chickenpox",
    "cholesterol", "colitis", "constipation", "copd", "covid", "dementia", "depression",
    "dermatitis", "diabetes", "diarrhea", "diarrhoea", "eczema", "emphysema", "epilepsy",
    "fever", "flu", "gastritis", "glaucoma", "gout", "hayfever", "headache", "headaches",
    "heartburn", "hepatitis", "hives", "hypertension", "hyperthyroidism", "hypothyroidism",
    "influenza", "insomnia", "measles", "migraine", "migraines", "mumps", "obesity",
    "osteoarthritis", "osteoporosis", "pneumonia", "psoriasis", "reflux", "rhinitis",
    "rubella", "scoliosis", "seizure", "seizures", "shingles", "sinusitis", "stroke",
    "tinnitus", "tonsillitis", "tuberculosis", "ulcer", "ulcers", "varicella", "vertigo",
)  # fmt: skip


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"the dev dependency {name} is not installed")
    return Path(spec.origin).parent


def _top_english(size: int) -> list[str]:
    from wordfreq import top_n_list

    words: list[str] = top_n_list("en", size)
    return [w for w in words if _ENGLISH_WORD.fullmatch(w)]


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    value: float = zipf_frequency(word, "en")
    return value


def split_rare(words: Iterable[str], keep: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(common, rare) by English frequency, each ordered most frequent first."""
    always = set(keep)
    ordered = by_frequency(words)
    common = [w for w in ordered if w in always or _zipf(w) >= RARE_ZIPF]
    chosen = set(common)
    return common, [w for w in ordered if w not in chosen]


def drug_names() -> list[str]:
    """Single- and two-word drug names (generic and brand), lower-cased.

    Names with digits, commas or non-ASCII letters (chemical names, MeSH's
    inverted headings, foreign spellings) are left out: nobody writes them on a
    prescription and they only add false matches. A brand or synonym that is a
    common English word ("sits", "diamonds") is dropped for the same reason.
    """
    path = _package_dir("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(path, "rb") as handle:
        # Trusted: the pickle ships inside an installed dependency.
        data: dict[str, Any] = pickle.load(handle)
    variants: dict[str, list[str]] = data["drug_variant_to_canonical"]
    common = set(_top_english(COMMON_BRAND_RANK))
    names = set()
    for variant, canonicals in variants.items():
        if not _DRUG_NAME.fullmatch(variant):
            continue
        if variant in common and variant not in canonicals:
            continue
        names.add(variant)
    return sorted(names)


def _icd_texts() -> Iterable[str]:
    import simple_icd_10_cm as cm

    for code in cm.get_all_codes(with_dots=True):
        if code.startswith(_EXTERNAL_CAUSE_PREFIXES) or cm.is_chapter_or_block(code):
            continue
        yield cm.get_description(code)
        yield from cm.get_inclusion_term(code)


def condition_words() -> list[str]:
    """Words of ICD-10-CM descriptions worth correcting, plus common condition names.

    Very common English words (other, left, with) are skipped: they are ordinary
    English, which the corrector leaves alone anyway.
    """
    from wordfreq import zipf_frequency

    words = {w for text in _icd_texts() for w in _WORD.findall(text.lower())}
    kept = {
        w
        for w in words
        if len(w) >= MIN_CONDITION_WORD
        and w not in _ICD_BOILERPLATE
        and zipf_frequency(w, "en") < COMMON_WORD_ZIPF
    }
    kept.update(COMMON_CONDITIONS)
    return sorted(kept)


ICD_MAX_WORDS = 4
"""ICD-10-CM descriptions up to this many words are kept as names a form may carry."""

# Common names whose ICD-10-CM description differs, coded as the ICD-10-CM
# alphabetic index codes them (the code must exist, which the build checks).
ICD_SYNONYMS: dict[str, str] = {
    "diabetes": "E11.9",
    "diabetes mellitus": "E11.9",
    "type 2 diabetes": "E11.9",
    "type 1 diabetes": "E10.9",
    "hypertension": "I10",
    "high blood pressure": "I10",
    "seizure": "R56.9",
    "eczema": "L30.9",
    "anxiety": "F41.9",
    "high cholesterol": "E78.00",
    "cholesterol": "E78.00",
    "hypothyroidism": "E03.9",
    "hyperthyroidism": "E05.90",
    "arthritis": "M19.90",
    "osteoarthritis": "M19.90",
    "copd": "J44.9",
    "gerd": "K21.9",
    "reflux": "K21.9",
    "heartburn": "R12",
    "hay fever": "J30.1",
    "hayfever": "J30.1",
    "insomnia": "G47.00",
    "obesity": "E66.9",
    "angina": "I20.9",
    "stroke": "I63.9",
    "pneumonia": "J18.9",
    "bronchitis": "J40",
    "sinusitis": "J32.9",
    "influenza": "J11.1",
    "flu": "J11.1",
    "covid": "U07.1",
    "covid-19": "U07.1",
    "chickenpox": "B01.9",
    "chicken pox": "B01.9",
    "shingles": "B02.9",
    "anemia": "D64.9",
    "anaemia": "D64.9",
    "acne": "L70.9",
    "gout": "M10.9",
    "psoriasis": "L40.9",
    "glaucoma": "H40.9",
    "cataract": "H26.9",
    "osteoporosis": "M81.0",
    "vertigo": "R42",
    "dementia": "F03.90",
    "constipation": "K59.00",
    "diarrhea": "R19.7",
    "diarrhoea": "R19.7",
    "fever": "R50.9",
    "tinnitus": "H93.19",
    "scoliosis": "M41.9",
    "hives": "L50.9",
    "ulcer": "K27.9",
    "gastritis": "K29.70",
    "colitis": "K52.9",
    "dermatitis": "L30.9",
    "rhinitis": "J31.0",
    "tonsillitis": "J03.90",
    "tuberculosis": "A15.9",
    "depression": "F32.A",
}


def icd10cm_names() -> dict[str, tuple[str, str]]:
    """Condition name (lower case) -> (ICD-10-CM code, its description).

    Short descriptions (``"Asthma"``, ``"Epilepsy, unspecified"``) are names a
    form may carry: each gives its exact text and, for ``"X, unspecified"`` and
    ``"Unspecified X"``, the plain ``x`` (an exact description wins over an
    unspecified one). Hand-coded synonyms (``ICD_SYNONYMS``) come last and win.
    """
    import simple_icd_10_cm as cm

    exact: dict[str, tuple[str, str]] = {}
    unspecified: dict[str, tuple[str, str]] = {}
    for code in cm.get_all_codes(with_dots=True):
        if code.startswith(_EXTERNAL_CAUSE_PREFIXES) or cm.is_chapter_or_block(code):
            continue
        description = cm.get_description(code)
        if len(description.split()) > ICD_MAX_WORDS:
            continue
        key = description.lower()
        exact.setdefault(key, (code, description))
        for plain in (key.removesuffix(", unspecified"), key.removeprefix("unspecified ")):
            if plain != key:
                unspecified.setdefault(plain, (code, description))
    names = {**unspecified, **exact}
    for name, code in ICD_SYNONYMS.items():
        if not cm.is_valid_item(code):
            raise SystemExit(f"ICD_SYNONYMS: {code} is not an ICD-10-CM code")
        names[name] = (code, cm.get_description(code))
    return dict(sorted(names.items()))


def write_icd10cm() -> Path:
    """Write ``icd10cm.tsv``: name, code, description per line."""
    source = (
        f"ICD-10-CM via simple-icd-10-cm {_version('simple-icd-10-cm')}"
        " (MIT License, Stefano Travasci; ICD-10-CM is public domain, CDC/CMS)"
    )
    lines = [f"{name}\t{code}\t{text}" for name, (code, text) in icd10cm_names().items()]
    return _write("icd10cm.tsv", f"Condition names and their codes from {source}", lines)


def read_terms(path: Path) -> list[str]:
    """Non-comment lines of a term file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def english_words(exclude: set[str]) -> list[str]:
    """Frequent English words minus the medical words (``exclude``), in rank order."""
    from wordfreq import top_n_list

    words: list[str] = top_n_list("en", 1_000_000)
    return [
        w
        for w in words
        if _ENGLISH_WORD.fullmatch(w) and w not in exclude and _zipf(w) >= ENGLISH_MIN_ZIPF
    ]


def by_frequency(words: Iterable[str]) -> list[str]:
    """Most frequent in English first, then alphabetical."""
    return sorted(set(words), key=lambda w: (-_zipf(w), w))


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def _write(name: str, header: str, lines: Iterable[str]) -> Path:
    path = DATA_DIR / name
    body = "\n".join(lines)
    path.write_text(f"# {header}\n{body}\n", encoding="utf-8")
    return path


def main() -> None:
    """Write drugs.txt, conditions.txt, rare.txt and english.txt."""
    all_drugs = drug_names()
    all_conditions = condition_words()
    terms = read_terms(DATA_DIR / "terms.txt")
    drugs, rare_drugs = split_rare(all_drugs)
    conditions, rare_conditions = split_rare(all_conditions, keep=COMMON_CONDITIONS)
    medical = {name for name in all_drugs if " " not in name}
    medical |= set(all_conditions) | {t.lower() for t in terms}
    english = english_words(medical)
    drug_source = (
        f"drug-named-entity-recognition {_version('drug-named-entity-recognition')}"
        " (MIT License, Fast Data Science; data from DrugBank open data, MeSH, MedlinePlus,"
        " Wikipedia)"
    )
    icd_source = (
        f"ICD-10-CM via simple-icd-10-cm {_version('simple-icd-10-cm')}"
        " (MIT License, Stefano Travasci; ICD-10-CM is public domain, CDC/CMS)"
    )
    written = [
        _write("drugs.txt", f"Drug names in common use from {drug_source}", drugs),
        _write(
            "conditions.txt",
            f"Condition words in common use from {icd_source}, plus hand-picked common names",
            conditions,
        ),
        _write(
            "rare.txt",
            f"Rare drug names and condition words (known, never correction targets) from"
            f" {drug_source} and {icd_source}",
            by_frequency(rare_drugs + rare_conditions),
        ),
        _write(
            "english.txt",
            f"English words with zipf >= {ENGLISH_MIN_ZIPF} from wordfreq {_version('wordfreq')}"
            " (licence: Apache-2.0, word data CC BY-SA 4.0; Robyn Speer) minus medical words",
            english,
        ),
    ]
    written.append(write_icd10cm())
    for path in written:
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
