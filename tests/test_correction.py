from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medreview.config import CorrectionConfig
from medreview.correction import Corrector, LexiconCorrector
from medreview.lexicon import DATA_DIR_ENV, Lexicon, get_lexicon
from medreview.model import BBox, Word


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read or write the real user data directory."""
    directory = tmp_path / "userdata"
    monkeypatch.setenv(DATA_DIR_ENV, str(directory))
    return directory


@pytest.fixture(scope="module")
def corrector() -> LexiconCorrector:
    # No user terms: a lexicon of the shipped lists only.
    return LexiconCorrector(CorrectionConfig(), Lexicon())


def word(text: str, **kwargs: object) -> Word:
    return Word(text=text, confidence=0.9, bbox=BBox(0, 0, 10, 10), **kwargs)  # type: ignore[arg-type]


def fix(corrector: LexiconCorrector, text: str) -> str:
    (out,) = corrector.correct([word(text)])
    return out.text


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Amoxicilin", "Amoxicillin"),
        ("lbuprofen", "ibuprofen"),
        ("Metf0rmin", "Metformin"),
        ("Salbutamo1", "Salbutamol"),
        ("Penicilin", "Penicillin"),
        ("asthrna", "asthma"),
        ("Arnoxicillin", "Amoxicillin"),
        ("Lisinoprll", "Lisinopril"),
        ("lnhaler", "inhaler"),
        ("Capsu1e", "Capsule"),
    ],
)
def test_known_misspellings_are_fixed(
    corrector: LexiconCorrector, read: str, expected: str
) -> None:
    assert fix(corrector, read) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Helen",
        "Okafor",
        "Orchard",
        "Ortiz",
        "Reyes,",
        "times",
        "tirnes",  # English up to OCR confusions: not a medical word
        "500",
        "2023-03-14",
        "(415)",
        "555-0182",
        "4820193375",
        "DEA#AB1234567",
        "J45.9",
        "Dr.",
        "Dammy",  # short and name-shaped, although "clammy" folds to it
        "Amoxicillin",
        "mg",
        "℞",
        "",
        "...",
    ],
)
def test_ordinary_words_names_numbers_and_codes_are_untouched(
    corrector: LexiconCorrector, text: str
) -> None:
    (out,) = corrector.correct([word(text)])
    assert out.text == text
    assert not out.corrected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Amoxicilin,", "Amoxicillin,"),
        ("(Penicilin)", "(Penicillin)"),
        ('"asthrna".', '"asthma".'),
        ("AMOXICILIN", "AMOXICILLIN"),
        ("amoxicilin", "amoxicillin"),
        ("Penicilin/Metf0rmin", "Penicillin/Metformin"),
        ("Amoxicilin-Helen", "Amoxicillin-Helen"),
    ],
)
def test_punctuation_and_case_are_kept(
    corrector: LexiconCorrector, read: str, expected: str
) -> None:
    assert fix(corrector, read) == expected


def test_corrected_word_keeps_evidence_and_says_so(corrector: LexiconCorrector) -> None:
    original = word("Amoxicilin,", page=1, block=2, line=3)
    kept = word("Helen")
    out = corrector.correct([original, kept])
    assert out[0].text == "Amoxicillin,"
    assert out[0].ocr_text == "Amoxicilin,"
    assert out[0].corrected
    assert (out[0].bbox, out[0].page, out[0].block, out[0].line) == (original.bbox, 1, 2, 3)
    assert out[0].confidence == original.confidence
    assert out[1] is kept


def test_already_corrected_word_keeps_the_engine_text(corrector: LexiconCorrector) -> None:
    earlier = word("Amoxicilin", ocr_text="Arnoxicilin")
    (out,) = corrector.correct([earlier])
    assert out.text == "Amoxicillin"
    assert out.ocr_text == "Arnoxicilin"


def test_disabled_correction_returns_words_unchanged() -> None:
    disabled = LexiconCorrector(CorrectionConfig(enabled=False), Lexicon())
    words = [word("Amoxicilin")]
    assert disabled.correct(words) == words


def test_min_word_length_and_similarity_come_from_config() -> None:
    lexicon = Lexicon()
    strict = LexiconCorrector(CorrectionConfig(min_similarity=95.0), lexicon)
    assert fix(strict, "Amoxicilin") == "Amoxicilin"
    assert fix(strict, "Metf0rmin") == "Metformin"  # OCR confusions alone score 100
    long_only = LexiconCorrector(CorrectionConfig(min_word_length=12), lexicon)
    assert fix(long_only, "Amoxicilin") == "Amoxicilin"


def test_short_misspellings_are_left_for_the_analyst(corrector: LexiconCorrector) -> None:
    # One real error in a short word is below the similarity floor: a surname
    # one letter from a drug name must survive, so "Advl" does too.
    assert fix(corrector, "Advl") == "Advl"


def test_inflections_and_british_spellings_are_not_errors(corrector: LexiconCorrector) -> None:
    assert fix(corrector, "haemolytic") == "haemolytic"
    assert fix(corrector, "Macrolide") == "Macrolide"


def test_a_user_term_is_picked_up(tmp_path: Path) -> None:
    terms = tmp_path / "ward.txt"
    terms.write_text("# ward words\nZorblaxitol\n", encoding="utf-8")
    config = CorrectionConfig(user_terms=(str(terms),))
    corrector = LexiconCorrector(config)
    assert corrector.lexicon is get_lexicon(config.user_terms)
    assert fix(corrector, "Zorblaxit0l") == "Zorblaxitol"
    assert fix(corrector, "zorblaxitpl") == "zorblaxitol"
    assert fix(LexiconCorrector(CorrectionConfig(), Lexicon()), "Zorblaxit0l") == "Zorblaxit0l"


def test_lexicon_corrector_is_a_corrector() -> None:
    stage: Corrector = LexiconCorrector(CorrectionConfig(), Lexicon())
    assert stage.correct([]) == []


# --- properties -------------------------------------------------------------

_LEXICON = Lexicon()  # shipped lists only: property tests never read a user file
_MEDICAL = sorted(w for w in _LEXICON.candidates if len(w) >= 6 and w.isalpha() and w.isascii())[
    ::40
]
_PUNCT = st.sampled_from(["", ",", ".", ")", ":", ";", "(", '"'])
_OCR_SWAPS = {"o": "0", "l": "1", "s": "5", "m": "rn", "d": "cl", "i": "l"}


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """A lexicon word with one OCR confusion or one spelling error, cased and punctuated."""
    term = draw(st.sampled_from(_MEDICAL))
    pos = draw(st.integers(0, len(term) - 1))
    kind = draw(st.sampled_from(["ocr", "drop", "double", "keep"]))
    if kind == "ocr" and term[pos] in _OCR_SWAPS:
        term = term[:pos] + _OCR_SWAPS[term[pos]] + term[pos + 1 :]
    elif kind == "drop":
        term = term[:pos] + term[pos + 1 :]
    elif kind == "double":
        term = term[:pos] + term[pos] + term[pos:]
    case = draw(st.sampled_from([str.lower, str.upper, str.capitalize]))
    return draw(_PUNCT) + case(term) + draw(_PUNCT)


_TOKENS = st.one_of(
    mangled(),
    st.text(alphabet="abcdeilmnorstu015|-,.()", min_size=0, max_size=14),
    st.sampled_from(["Helen", "Okafor", "500", "2023-03-14", "times", "Amoxicilin,"]),
)
_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@_SETTINGS
@given(_TOKENS)
def test_correcting_twice_equals_correcting_once(text: str) -> None:
    corrector = LexiconCorrector(CorrectionConfig(), _LEXICON)
    once = corrector.correct([word(text)])
    twice = corrector.correct(once)
    assert [w.text for w in twice] == [w.text for w in once]


@_SETTINGS
@given(st.sampled_from(_MEDICAL), st.sampled_from([str.lower, str.upper, str.capitalize]))
def test_a_word_already_in_the_lexicon_is_unchanged(term: str, case: object) -> None:
    corrector = LexiconCorrector(CorrectionConfig(), _LEXICON)
    text = case(term)  # type: ignore[operator]
    (out,) = corrector.correct([word(text)])
    assert out.text == text
    assert not out.corrected


_EDGES = re.compile(r"^([^\w|]*)(.*?)([^\w|]*)$", re.DOTALL)


@_SETTINGS
@given(_TOKENS)
def test_corrected_text_is_a_lexicon_term_with_the_original_punctuation(text: str) -> None:
    corrector = LexiconCorrector(CorrectionConfig(), _LEXICON)
    (out,) = corrector.correct([word(text)])
    assert out.ocr_text == text
    if not out.corrected:
        assert out.text == text
        return
    before, after = _EDGES.match(text), _EDGES.match(out.text)
    assert before is not None and after is not None
    assert (before.group(1), before.group(3)) == (after.group(1), after.group(3))
    old_parts = re.split(r"([-/])", before.group(2))
    new_parts = re.split(r"([-/])", after.group(2))
    assert len(old_parts) == len(new_parts)
    changed = [(o, n) for o, n in zip(old_parts, new_parts, strict=True) if o != n]
    assert changed
    for _, new in changed:
        assert new.lower() in _LEXICON.candidates, new


def test_ocr_confusions_in_lexicon_words_are_undone() -> None:
    """Recall over a sample of the lexicon: one OCR confusion is almost always undone."""
    corrector = LexiconCorrector(CorrectionConfig(), _LEXICON)
    pairs = []
    for term in _MEDICAL:
        for letter, swap in _OCR_SWAPS.items():
            if letter in term[1:]:
                pos = term.index(letter, 1)
                pairs.append((term, term[:pos] + swap + term[pos + 1 :]))
                break
    assert len(pairs) > 100
    fixed = sum(fix(corrector, read) == term for term, read in pairs)
    assert fixed / len(pairs) >= 0.9


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Hydrochlorothiazid", "Hydrochlorothiazide"),
        ("tramadoll", "tramadol"),
        ("Atorvastatn", "Atorvastatin"),
    ],
)
def test_a_lost_or_extra_last_letter_is_an_error_not_an_inflection(
    corrector: LexiconCorrector, read: str, expected: str
) -> None:
    assert fix(corrector, read) == expected
