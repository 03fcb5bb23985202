"""The PP-OCRv6 engine: real reads of rendered text, word boxes, and no downloads ever."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from medreview.config import PipelineConfig
from medreview.model import BBox
from medreview.ocr import get_engine, ppocr
from medreview.ocr.ppocr import ModelDownloadRefusedError, PpocrEngine
from medreview.pipeline import cached_engine, read_region
from tests.network import refuse_network

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def text_image(
    lines: list[str], size: tuple[int, int] = (1400, 200), height: int = 48
) -> np.ndarray:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, height)
    for index, line in enumerate(lines):
        draw.text((40, 40 + index * int(height * 1.8)), line, font=font, fill=0)
    return np.asarray(image)


@pytest.fixture(scope="module")
def engine() -> PpocrEngine:
    built = cached_engine("ppocr", "eng", 1)
    assert isinstance(built, PpocrEngine)
    return built


def test_reads_a_line_into_words_with_boxes_and_confidences(engine: PpocrEngine) -> None:
    page = engine.recognize(text_image(["Amoxicillin 500 mg daily"]), 3)
    assert [w.text for w in page.words] == ["Amoxicillin", "500", "mg", "daily"]
    assert all(0.8 < w.confidence <= 1 for w in page.words)
    assert {w.page for w in page.words} == {3}
    assert len({w.line for w in page.words}) == 1
    first, second = page.words[0].bbox, page.words[1].bbox
    assert first.x0 == pytest.approx(40, abs=12)
    assert first.x1 <= second.x0  # words side by side, in order
    assert page.words[-1].bbox.x1 < 1400
    assert engine.version().startswith("ppocr PP-OCRv6-small")


def test_lines_get_their_own_numbers(engine: PpocrEngine) -> None:
    page = engine.recognize(
        text_image(["Name: Helen Okafor", "Phone: 415-555-0185"], (1400, 300)), 0
    )
    lines = {w.text: w.line for w in page.words}
    assert lines["Name:"] == lines["Okafor"] != lines["415-555-0185"]


def test_a_small_crop_is_not_enlarged_apart(engine: PpocrEngine, tmp_path: Path) -> None:
    # RapidOCR's defaults enlarge small images ~10x and break their text apart.
    image = Image.fromarray(text_image(["Ignore this line", "Ibuprofen 400 mg"], (900, 260), 40))
    path = tmp_path / "page-000.png"
    image.save(path)
    words = read_region(path, BBox(20, 100, 800, 200), PipelineConfig(), engine=engine)
    assert [w.text for w in words] == ["Ibuprofen", "400", "mg"]
    assert words[0].bbox.y0 == pytest.approx(112, abs=20)


def _turned_label_beside(value: str, label: str, turn: int) -> np.ndarray:
    """A box's label printed turned a quarter turn up its left side, the value beside it."""
    page = Image.new("L", (1000, 520), 255)
    ImageDraw.Draw(page).text((200, 220), value, font=ImageFont.truetype(FONT, 48), fill=0)
    strip = Image.fromarray(text_image([label], (300, 120), 40)).rotate(turn, expand=True)
    page.paste(strip, (40, 100))
    return np.asarray(page)


def test_a_label_turned_to_read_upwards_is_read(engine: PpocrEngine) -> None:
    # (RapidOCR turns a tall line one way only, which leaves upward text upside down)
    page = engine.recognize(_turned_label_beside("Valerie Moss", "Allergies", 90), 0)
    texts = [w.text for w in page.words]
    assert "Allergies" in texts
    assert "Moss" in texts


def test_a_label_turned_to_read_downwards_is_still_read(engine: PpocrEngine) -> None:
    page = engine.recognize(_turned_label_beside("Valerie Moss", "Allergies", -90), 0)
    assert "Allergies" in [w.text for w in page.words]


def test_a_tall_narrow_figure_is_not_read_sideways(engine: PpocrEngine) -> None:
    page = engine.recognize(text_image(["1"], (300, 200), 90), 0)
    assert [w.text for w in page.words] == ["1"]


def test_a_turned_read_needs_letters_and_a_better_score() -> None:
    tall = [[10, 10], [40, 10], [40, 200], [10, 200]]
    wide = [[60, 10], [400, 10], [400, 50], [60, 50]]
    output = SimpleNamespace(
        boxes=[tall, tall, wide], txts=["l", "sapunv", "Dose"], scores=[0.5, 0.4, 0.6]
    )
    image = np.full((300, 500), 255, dtype=np.uint8)
    reads = iter([("-", 0.99), ("Height", 0.97)])
    assert ppocr.turned_rereads(output, image, lambda crop: next(reads)) == {1: ("Height", 0.97)}
    worse = ppocr.turned_rereads(output, image, lambda crop: ("Hight", 0.3))
    assert worse == {}  # (the wide line is never read again)


def test_no_download_is_attempted(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = refuse_network(monkeypatch)
    engine = get_engine("ppocr", "eng", 2)  # a fresh engine, models loaded now
    page = engine.recognize(text_image(["Refills: 2"]), 0)
    assert " ".join(w.text for w in page.words) == "Refills: 2"
    assert attempts == []


@pytest.mark.parametrize(
    ("kwargs", "setting"),
    [
        ({"language": "chi_sim"}, "language 'chi_sim'"),
        ({"overrides": {"Rec.lang_type": "en"}}, "Rec.lang_type"),
        ({"overrides": {"Det.model_type": "server"}}, "Det.model_type"),
        ({"overrides": {"Global.model_root_dir": "/tmp"}}, "Global.model_root_dir"),
        ({"overrides": {"Global.use_cls": True}}, "Global.use_cls"),
        ({"overrides": {"Rec.model_path": "/nowhere/rec.onnx"}}, "Rec.model_path"),
    ],
)
def test_settings_that_would_download_are_refused(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict, setting: str
) -> None:
    attempts = refuse_network(monkeypatch)
    with pytest.raises(ModelDownloadRefusedError, match=setting.replace(".", r"\.")):
        PpocrEngine(**kwargs)
    assert attempts == []


def test_a_model_folder_without_the_models_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    attempts = refuse_network(monkeypatch)
    monkeypatch.setenv(ppocr.MODELS_ENV, str(tmp_path))
    with pytest.raises(ModelDownloadRefusedError, match=ppocr.MODELS_ENV) as caught:
        PpocrEngine()
    assert caught.value.code == "engine_unavailable"
    assert attempts == []


def test_models_come_from_the_wheel_and_threads_from_the_setting() -> None:
    params = ppocr.build_params("eng", 3)
    assert Path(params["Det.model_path"]).parent == ppocr.wheel_models()
    assert Path(params["Rec.model_path"]).name == "PP-OCRv6_rec_small.onnx"
    assert params["EngineConfig.onnxruntime.intra_op_num_threads"] == 3
    assert params["Det.limit_type"] == "max"  # shrink large pages, never enlarge small ones
    with pytest.raises(Exception, match="at least 1"):
        ppocr.build_params("eng", 0)


def test_lines_are_split_into_words_in_proportion_when_no_split_matches() -> None:
    words = ppocr.line_words("Dr Ann Lee", 0.9, BBox(0, 0, 100, 20), None)
    assert [(t, b.x0, b.x1) for t, _, b in words] == [
        ("Dr", 0, 20),
        ("Ann", 30, 60),
        ("Lee", 70, 100),
    ]
    assert {s for _, s, _ in words} == {0.9}
    mismatched = [("DrAnn", 0.5, [[0, 0], [60, 0], [60, 20], [0, 20]])]
    assert [t for t, _, _ in ppocr.line_words("Dr Ann", 0.9, BBox(0, 0, 60, 20), mismatched)] == [
        "Dr",
        "Ann",
    ]
    own = [
        ("Dr", 0.7, [[0, 0], [18, 0], [18, 20], [0, 20]]),
        ("Ann", 0.8, [[25, 1], [60, 0], [60, 21], [25, 20]]),
    ]
    assert ppocr.line_words("Dr Ann", 0.9, BBox(0, 0, 60, 20), own) == [
        ("Dr", 0.7, BBox(0, 0, 18, 20)),
        ("Ann", 0.8, BBox(25, 0, 60, 21)),
    ]


def test_words_the_line_runs_together_keep_the_places_the_split_found() -> None:
    """ "vaccine?Yes": a check box stood between the two words, so proportions would misplace
    every word after it; the engine's own split has the words where they are."""
    split = [
        ("vaccine?", 0.9, [[0, 0], [80, 0], [80, 20], [0, 20]]),
        ("Yes", 0.9, [[130, 0], [160, 0], [160, 20], [130, 20]]),
        ("No", 0.9, [[220, 0], [240, 0], [240, 20], [220, 20]]),
    ]
    words = ppocr.line_words("vaccine?Yes No", 0.9, BBox(0, 0, 240, 20), split)
    assert [(t, b.x0) for t, _, b in words] == [("vaccine?", 0), ("Yes", 130), ("No", 220)]


def test_a_word_the_split_cuts_inside_is_one_word_over_its_pieces() -> None:
    """ "IM M UNE": a ring drawn through a circled "IMMUNE" cut it; it is still one word."""
    split = [
        ("NOT", 0.9, [[0, 0], [40, 0], [40, 20], [0, 20]]),
        ("IM", 0.9, [[60, 0], [80, 0], [80, 20], [60, 20]]),
        ("M", 0.8, [[84, 0], [94, 0], [94, 22], [84, 22]]),
        ("UNE", 0.9, [[98, 0], [130, 0], [130, 20], [98, 20]]),
    ]
    words = ppocr.line_words("NOT IMMUNE", 0.9, BBox(0, 0, 130, 20), split)
    assert words == [("NOT", 0.9, BBox(0, 0, 40, 20)), ("IMMUNE", 0.8, BBox(60, 0, 130, 22))]


def test_a_finer_split_straying_off_the_line_is_not_trusted() -> None:
    """A piece reaching far past the line's own box: the line is split in proportion."""
    split = [
        ("No", 0.9, [[0, 0], [20, 0], [20, 20], [0, 20]]),
        ("ref", 0.9, [[30, 0], [60, 0], [60, 20], [30, 20]]),
        ("ills", 0.9, [[60, 0], [400, 0], [400, 20], [60, 20]]),
    ]
    words = ppocr.line_words("No refills", 0.9, BBox(0, 0, 100, 20), split)
    assert [(t, b.x1) for t, _, b in words] == [("No", 20), ("refills", 100)]


def test_an_unexpected_word_split_falls_back_to_proportions() -> None:
    odd = (("D", "r"), (0.9, 0.8), [3, 9])
    words = ppocr.line_words("Dr", 0.9, BBox(0, 0, 20, 10), odd)
    assert words == [("Dr", 0.9, BBox(0, 0, 20, 10))]


def test_accents_are_folded_for_english() -> None:
    assert ppocr.fold_accents("United Statés, Zoë") == "United States, Zoe"


def test_folding_keeps_circled_digits() -> None:
    # a circled refill count is read as "③"; folding it to "3" would lose the circle
    assert ppocr.fold_accents("0 1 2 ③ 4") == "0 1 2 ③ 4"
