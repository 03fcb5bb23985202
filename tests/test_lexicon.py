from __future__ import annotations

import pickle
from importlib import resources
from pathlib import Path

import pytest

from medreview.cli import main
from medreview.errors import UsageError
from medreview.lexicon import (
    DATA_DIR_ENV,
    Lexicon,
    add_user_term,
    fold,
    get_lexicon,
    read_term_file,
    user_terms_path,
)
from medreview.lexicon.index import FuzzyIndex

DATA_FILES = ("drugs.txt", "conditions.txt", "rare.txt", "terms.txt", "english.txt")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data directory, never the real one."""
    directory = tmp_path / "userdata"
    monkeypatch.setenv(DATA_DIR_ENV, str(directory))
    return directory


def shipped_lines(name: str) -> list[str]:
    text = resources.files("medreview.lexicon").joinpath("data", name).read_text("utf-8")
    return text.splitlines()


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_has_a_source_and_licence_header(name: str) -> None:
    lines = shipped_lines(name)
    assert lines[0].startswith("# ")
    assert "licen" in lines[0].lower()
    assert not any(line.startswith("#") for line in lines[1:])
    assert len(lines) > 100
    body = [line.lower() for line in lines[1:]]
    assert len(set(body)) == len(body), f"{name} has duplicates"


def test_data_stays_small() -> None:
    folder = resources.files("medreview.lexicon").joinpath("data")
    total = sum(folder.joinpath(name).read_bytes().__len__() for name in DATA_FILES)
    assert total < 3_000_000


def test_drug_and_condition_names_are_single_or_two_words_lower_case() -> None:
    for name in ("drugs.txt", "conditions.txt", "rare.txt"):
        for line in shipped_lines(name)[1:]:
            assert line == line.lower()
            assert 1 <= len(line.split()) <= 2


def test_english_list_excludes_drug_and_condition_names() -> None:
    english = set(shipped_lines("english.txt")[1:])
    medical = set(shipped_lines("drugs.txt")[1:]) | set(shipped_lines("conditions.txt")[1:])
    assert {"time", "orchard", "helen", "okafor"} <= english
    assert not {"asthma", "ibuprofen", "penicillin", "diabetes"} & english
    assert not english & medical


def test_lexicon_knows_english_drugs_conditions_and_terms() -> None:
    lexicon = get_lexicon()
    assert lexicon.is_english("Times")
    assert not lexicon.is_english("amoxicillin")
    for word in ("Amoxicillin", "IBUPROFEN", "salbutamol", "asthma", "seizures", "mg", "PRN"):
        assert lexicon.is_term(word), word
        assert lexicon.is_known(word), word
    assert not lexicon.is_known("amoxicilin")
    assert "amoxicillin" in lexicon.candidates
    assert "times" not in lexicon.candidates


def test_rare_words_are_known_but_never_candidates() -> None:
    lexicon = get_lexicon()
    rare = shipped_lines("rare.txt")[1:]
    single = [w for w in rare if " " not in w and w.isalpha()][:50]
    assert single
    for word in single:
        assert lexicon.is_known(word)
        assert word not in lexicon.candidates


def test_fold_merges_ocr_confusions() -> None:
    assert fold("Metf0rmin") == fold("metformin")
    assert fold("Salbutamo1") == fold("salbutamol")
    assert fold("asthrna") == fold("asthma")
    assert fold("lbuprofen") == fold("Ibuprofen")
    assert fold("5ulfa") == fold("sulfa")
    assert fold("cl") == fold("d")
    assert fold("orange") != fold("arange")


def test_fuzzy_index_prefers_closest_spelling_then_earlier_word() -> None:
    index = FuzzyIndex(["amoxicillin", "amoxicilina", "ampicillin"])
    match = index.best("amoxicilin", 80)
    assert match is not None
    assert match.word == "amoxicillin"
    assert index.best("zzzzzzzz", 50) is None
    earlier_first = FuzzyIndex(["abcdex", "abcdey"]).best("abcdez", 80)
    assert earlier_first is not None and earlier_first.word == "abcdex"


def test_closest_term_reports_folded_and_plain_scores() -> None:
    match = get_lexicon().closest_term("Metf0rmin", 100)
    assert match is not None
    assert match.word == "metformin"
    assert match.score == 100
    assert match.raw_score < 100


def test_user_terms_path_honours_the_environment(data_dir: Path) -> None:
    assert user_terms_path() == data_dir / "terms.txt"


def test_add_user_term_writes_once_and_is_picked_up(data_dir: Path) -> None:
    assert not get_lexicon().is_known("zorblaxitol")
    path = add_user_term("  Zorblaxitol ")
    add_user_term("Zorblaxitol")
    assert path == data_dir / "terms.txt"
    assert read_term_file(path) == ["Zorblaxitol"]
    lexicon = get_lexicon()
    assert lexicon.is_known("ZORBLAXITOL")
    assert "zorblaxitol" in lexicon.candidates
    assert lexicon.user_terms == frozenset({"Zorblaxitol"})


def test_add_user_term_to_an_explicit_file_without_trailing_newline(tmp_path: Path) -> None:
    path = tmp_path / "ward.txt"
    path.write_text("# ward words\nfoo", encoding="utf-8")
    add_user_term("Bar baz", path)
    assert read_term_file(path) == ["foo", "Bar baz"]
    lexicon = get_lexicon([path])
    assert lexicon.is_known("bar baz")
    assert lexicon.is_known("baz")
    assert not user_terms_path().exists()


@pytest.mark.parametrize("bad", ["", "   ", "#comment", "x" * 81])
def test_add_user_term_rejects_invalid_terms(bad: str) -> None:
    with pytest.raises(UsageError):
        add_user_term(bad)


def test_configured_term_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        Lexicon.from_files([tmp_path / "missing.txt"])


def test_unreadable_term_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(UsageError, match="cannot read"):
        read_term_file(path)


def test_shared_lexicon_is_built_once_per_data_dir() -> None:
    assert get_lexicon() is get_lexicon()
    assert Lexicon().is_known("asthma")


def test_terms_cli_adds_and_lists(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms", "add", "Zorblaxitol", "co-zorb"]) == 0
    assert str(data_dir / "terms.txt") in capsys.readouterr().out
    assert main(["terms", "list"]) == 0
    assert capsys.readouterr().out == "Zorblaxitol\nco-zorb\n"


def test_terms_cli_lists_nothing_before_any_term(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms", "list"]) == 0
    assert capsys.readouterr().out == ""


def test_terms_cli_missing_explicit_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["terms", "list", "--file", str(tmp_path / "nope.txt")]) == 2
    assert "not found" in capsys.readouterr().err


def test_fuzzy_index_window_reaches_exactly_the_minimum_score() -> None:
    index = FuzzyIndex(["abcdefghij"])
    # 9 letters against 10: similarity exactly 0.9, the edge of the length window.
    match = index.best("abcdefghi", 90)
    assert match is not None and match.score == pytest.approx(90)
    assert index.best("abcdefghi", 91) is None
    assert index.has_near("abcdefghi", 90)
    assert not index.has_near("abcdefghi", 91)
    assert index.has_near("abcdefghij", 100)
    assert not index.has_near("", 50)


def test_lexicon_pickles_as_its_user_terms_only() -> None:
    lexicon = Lexicon(["Zorblaxitol"])
    data = pickle.dumps(lexicon)
    assert len(data) < 500
    copy = pickle.loads(data)
    assert copy.user_terms == lexicon.user_terms
    assert copy.is_known("zorblaxitol") and copy.is_known("asthma")
