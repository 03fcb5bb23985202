from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from google.cloud import vision
from PIL import Image, ImageDraw, ImageFont

from medreview.errors import EngineError, EngineUnavailableError, UsageError
from medreview.model import BBox
from medreview.ocr import OcrEngine, engine_names, get_engine
from medreview.ocr import tesseract as tess
from medreview.ocr.vision import VisionEngine, words_from_annotation
from tests.network import refuse_network

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t80\t40\t96.5\tName:\n"
    "5\t1\t1\t1\t1\t2\t200\t200\t120\t40\t91.0\tHelen\n"
    "5\t1\t1\t1\t2\t1\t100\t260\t90\t40\t45.0\tDate:\n"
    "5\t1\t2\t1\t1\t1\t900\t200\t90\t40\t-1\t \n"
)


def line_image(text: str) -> np.ndarray:
    image = Image.new("L", (1400, 200), 255)
    ImageDraw.Draw(image).text((40, 60), text, font=ImageFont.truetype(FONT, 48), fill=0)
    return np.asarray(image)


def test_tsv_words_keep_boxes_confidence_and_lines() -> None:
    words = tess.parse_tsv(TSV, page_index=1)
    assert [w.text for w in words] == ["Name:", "Helen", "Date:"]
    assert words[1].bbox == BBox(200, 200, 320, 240)
    assert words[0].confidence == pytest.approx(0.965)
    assert [w.line for w in words] == [0, 0, 1]
    assert {w.page for w in words} == {1}


def test_tsv_coordinates_scale_back() -> None:
    words = tess.parse_tsv(TSV, page_index=0, scale=2.0)
    assert words[0].bbox == BBox(50, 100, 90, 120)


@pytest.mark.parametrize("name", ["tesserocr", "pytesseract"])
def test_real_tesseract_reads_a_line(name: str) -> None:
    engine: OcrEngine = get_engine(name)
    page = engine.recognize(line_image("Amoxicillin 500 mg daily"), 0)
    assert [w.text for w in page.words] == ["Amoxicillin", "500", "mg", "daily"]
    assert all(0.5 < w.confidence <= 1 for w in page.words)
    assert page.words[0].bbox.x0 == pytest.approx(40, abs=8)
    assert engine.version().startswith("tesseract 5.")


def test_orientation_is_detected() -> None:
    image = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(image)
    for row in range(20):
        draw.text(
            (60, 60 + row * 70), "Patient Medical Record form", font=ImageFont.truetype(FONT, 40)
        )
    turned = np.ascontiguousarray(np.rot90(np.asarray(image)))
    assert get_engine("tesseract").detect_rotation(turned) == 90


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        get_engine("nope")
    assert {"ppocr", "tesseract", "pytesseract", "tesserocr", "vision"} <= set(engine_names())


def test_missing_language_data_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    tess.find_tessdata.cache_clear()
    try:
        with pytest.raises(EngineUnavailableError, match="xyz"):
            tess.find_tessdata("xyz")
    finally:
        tess.find_tessdata.cache_clear()


def test_tessdata_from_setting_comes_before_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "eng.traineddata").write_bytes(b"x")
    monkeypatch.setenv("MEDREVIEW_TESSDATA", str(tmp_path))
    tess.find_tessdata.cache_clear()
    try:
        assert tess.find_tessdata("eng") == tmp_path
    finally:
        tess.find_tessdata.cache_clear()


def _vision_word(text: str, box: tuple[int, int, int, int], confidence: float) -> Any:
    x0, y0, x1, y1 = box
    vertices = [vision.Vertex(x=x, y=y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    return vision.Word(
        symbols=[vision.Symbol(text=c) for c in text],
        confidence=confidence,
        bounding_box=vision.BoundingPoly(vertices=vertices),
    )


def _annotation() -> Any:
    paragraph1 = vision.Paragraph(
        words=[
            _vision_word("Name:", (10, 10, 60, 30), 0.9),
            _vision_word("Ana", (70, 10, 110, 30), 0.7),
        ]
    )
    paragraph2 = vision.Paragraph(words=[_vision_word("Refill", (10, 50, 70, 70), 0.95)])
    block = vision.Block(paragraphs=[paragraph1, paragraph2])
    return vision.TextAnnotation(pages=[vision.Page(width=200, height=100, blocks=[block])])


def test_vision_annotation_becomes_words() -> None:
    words = words_from_annotation(_annotation(), page_index=2)
    assert [w.text for w in words] == ["Name:", "Ana", "Refill"]
    assert words[1].bbox == BBox(70, 10, 110, 30)
    assert words[1].confidence == pytest.approx(0.7)
    assert [w.line for w in words] == [0, 0, 1]


class FakeVisionClient:
    def __init__(self, response: Any = None, fail: bool = False) -> None:
        self.response = response
        self.fail = fail
        self.calls = 0

    def document_text_detection(self, **kwargs: Any) -> Any:
        self.calls += 1
        assert kwargs["image"].content.startswith(b"\x89PNG")
        if self.fail:
            raise ConnectionError("network down")
        return self.response


@pytest.fixture
def vision_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDREVIEW_ENABLE_VISION", "1")


@pytest.mark.usefixtures("vision_on")
def test_vision_engine_with_a_client() -> None:
    response = vision.AnnotateImageResponse(full_text_annotation=_annotation())
    engine = VisionEngine(client=FakeVisionClient(response))
    page = engine.recognize(np.full((100, 200), 255, np.uint8), 0)
    assert [w.text for w in page.words] == ["Name:", "Ana", "Refill"]
    assert (page.width, page.height) == (200, 100)
    assert engine.detect_rotation(np.zeros((2, 2), np.uint8)) == 0


@pytest.mark.usefixtures("vision_on")
def test_vision_failures_are_engine_errors() -> None:
    engine = VisionEngine(client=FakeVisionClient(fail=True))
    with pytest.raises(EngineError, match="ConnectionError"):
        engine.recognize(np.full((10, 10), 255, np.uint8), 0)
    refused = vision.AnnotateImageResponse(error={"code": 7, "message": "permission denied"})
    engine = VisionEngine(client=FakeVisionClient(refused))
    with pytest.raises(EngineError, match="code 7"):
        engine.recognize(np.full((10, 10), 255, np.uint8), 0)


def test_vision_is_off_unless_the_setting_enables_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MEDREVIEW_ENABLE_VISION", raising=False)
    with pytest.raises(EngineUnavailableError, match="MEDREVIEW_ENABLE_VISION=1"):
        VisionEngine(client=FakeVisionClient())
    with pytest.raises(EngineUnavailableError, match="is off"):
        get_engine("vision")


@pytest.mark.usefixtures("vision_on")
def test_vision_without_credentials_fails_at_once_saying_how_to_configure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_network(monkeypatch)
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path))
    for named in (str(tmp_path / "missing.json"), None):
        if named is None:
            monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
        else:
            monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", named)
        start = time.monotonic()
        with pytest.raises(EngineUnavailableError, match="GOOGLE_APPLICATION_CREDENTIALS"):
            VisionEngine()
        assert time.monotonic() - start < 5
