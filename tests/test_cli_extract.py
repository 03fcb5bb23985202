from __future__ import annotations

import json
from pathlib import Path

import pytest

from medreview.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run_extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    code = main(["extract", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def sample(name: str) -> Path:
    path = SAMPLES / name
    assert path.exists(), f"missing committed sample {name}"
    return path


def truth(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text())


# Per engine: the version prefix and the least share of fields right on printed and on
# handwriting-font samples. PP-OCRv6 loses printed fields the Tesseract-tuned parser reads
# from Tesseract's glyphs for tick boxes ("LJ", "M"); every such loss is a missing value
# or a disagreeing field, never a confident one (README "Benchmarks").
ENGINES = {
    "ppocr": ("ppocr PP-OCRv6-small", 0.85, 0.70),
    "tesseract": ("tesseract 5.", 0.97, 0.25),
}


@pytest.mark.slow
@pytest.mark.timeout(900)  # about 15 s on a quiet machine; a shared one can be 20x slower
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_committed_samples_extract_to_their_truth(
    capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    version, printed_share, handwriting_share = ENGINES[engine]
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix != ".json")
    assert len(paths) >= 4
    code, results = run_extract(capsys, *map(str, paths), "--engine", engine)
    assert code == 0
    assert [r["source"] for r in results] == [str(p) for p in paths]
    tally = {True: [0, 0], False: [0, 0]}  # handwriting -> [correct, total]
    for path, result in zip(paths, results, strict=True):
        expected = truth(path)
        assert result["error"] is None
        assert result["document_type"] == expected["document_type"]
        assert result["engine"].startswith(version)
        assert len(result["pages"]) == expected["pages"]
        for page in result["pages"]:
            assert {"index", "width", "height", "dpi", "skew_degrees"} <= page.keys()
        for field in result["fields"].values():
            assert 0 <= field["confidence"] <= 1
            assert field["bbox"] is None or len(field["bbox"]) == 4
            assert isinstance(field["ocr_text"], str)
            assert field["agreement"] in (True, False, None)
            assert ("second_reading" in field) == (field["agreement"] is False)
            if engine == "tesseract" and result["layout"] is None:
                # no second reading of Tesseract by itself; a layout's reading may contradict
                assert field["agreement"] is None
        counts = tally[bool(expected["handwriting"])]
        for name, value in expected["fields"].items():
            counts[1] += 1
            field = result["fields"].get(name)
            counts[0] += bool(field and field["value"] == value)
            if engine == "ppocr" and field and field["value"] not in (None, value):
                # a wrong value is flagged: contradicted or of low confidence
                assert field["agreement"] is False or field["confidence"] < 0.6, name
    printed, handwriting = tally[False], tally[True]
    assert printed[0] / printed[1] >= printed_share, f"printed: {printed[0]}/{printed[1]} fields"
    assert handwriting[0] / handwriting[1] >= handwriting_share, f"handwriting: {handwriting}"


def test_a_corrupt_file_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(b"%PDF-1.7\n%%EOF")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    good = sample("rx_printed_scan.png")
    code, results = run_extract(capsys, str(bad), str(good), str(empty), "--type", "prescription")
    assert code == 1
    assert [r["source"] for r in results] == [str(bad), str(good), str(empty)]
    assert results[0]["error"]["code"] == "truncated"
    assert results[0]["fields"] == {}
    assert results[1]["error"] is None
    assert results[1]["document_type"] == "prescription"
    assert results[1]["fields"]["patient_name"]["value"] == truth(good)["fields"]["patient_name"]
    assert results[2]["error"]["code"] == "empty_file"


def test_unknown_engine_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["extract", "x.png", "--engine", "nope"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_vision_without_credentials_is_a_clear_per_file_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDREVIEW_ENABLE_VISION", "1")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "none.json"))
    code, results = run_extract(capsys, str(sample("rx_printed_scan.png")), "--engine", "vision")
    assert code == 1
    assert results[0]["error"]["code"] == "engine_unavailable"
    assert "GOOGLE_APPLICATION_CREDENTIALS" in results[0]["error"]["message"]
