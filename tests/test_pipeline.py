from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from medreview.config import PipelineConfig
from medreview.errors import CancelledError
from medreview.model import BBox
from medreview.ocr import get_engine
from medreview.pipeline import extract_file, read_region
from tests.fakes import CrashingEngine, FailingEngine, ScriptedEngine

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
RX_LINES = [
    "Dr Alan Reyes, M.D",
    "Name: Helen Okafor Date: 03/14/2023",
    "Rx",
    "Amoxicillin 500 mg",
    "Directions: take three times a day",
    "Refill: 2 times",
]
# scripted engines read blank pages: no Tesseract second reading of them
CONFIG = PipelineConfig(document_type="prescription", second_reader=False)


def blank_page(tmp_path: Path, name: str = "page.png", pages: int = 1) -> Path:
    path = tmp_path / name
    images = [Image.new("RGB", (850, 1100), "white") for _ in range(pages)]
    images[0].save(path, save_all=True, append_images=images[1:], dpi=(300, 300))
    return path


def test_every_page_is_read_and_described(tmp_path: Path) -> None:
    path = blank_page(tmp_path, "two.tiff", pages=2)
    engine = ScriptedEngine(RX_LINES)
    result = extract_file(path, CONFIG, engine=engine)
    assert result.error is None
    assert [p.index for p in result.pages] == [0, 1]
    assert result.pages[0].width == 850 and result.pages[0].height == 1100
    assert result.engine == "scripted 1.0"
    assert result.document_type == "prescription"
    assert {"load", "preprocess", "ocr", "parse"} <= set(result.timings)


def test_full_width_punctuation_is_read_as_ascii(tmp_path: Path) -> None:
    """PP-OCR now and then reads a colon as "：" ("Refill：2"); the page keeps ASCII."""
    lines = [line.replace(": ", "：") for line in RX_LINES]
    result = extract_file(blank_page(tmp_path), CONFIG, engine=ScriptedEngine(lines))
    assert result.fields["refills"].value == 2
    assert all("：" not in w.text for page in result.ocr_pages for w in page.words)


def test_fields_carry_evidence_in_page_space(tmp_path: Path) -> None:
    result = extract_file(blank_page(tmp_path), CONFIG, engine=ScriptedEngine(RX_LINES))
    field = result.fields["patient_name"]
    assert field.value == "Helen Okafor"
    assert field.page == 0
    assert field.bbox is not None and field.bbox.y0 == 160
    assert 0 < field.confidence <= 1
    assert len(field.boxes) == 2


def test_image_folder_gets_original_and_prepared_pages(tmp_path: Path) -> None:
    out = tmp_path / "images"
    extract_file(blank_page(tmp_path), CONFIG, engine=ScriptedEngine(RX_LINES), image_dir=out)
    original = cv2.imread(str(out / "page-000.png"))
    prepared = cv2.imread(str(out / "page-000-prepared.png"), cv2.IMREAD_GRAYSCALE)
    assert original.shape == (1100, 850, 3)
    assert prepared.shape == (1100, 850)


def test_a_crashing_engine_gives_the_documented_error_without_patient_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        result = extract_file(blank_page(tmp_path), CONFIG, engine=CrashingEngine([]))
    assert result.error is not None
    assert result.error.code == "internal"
    assert result.fields == {}
    assert "Okafor" not in result.error.message
    assert "Okafor" not in caplog.text


def test_an_engine_failure_is_reported_as_ocr_failed(tmp_path: Path) -> None:
    result = extract_file(blank_page(tmp_path), CONFIG, engine=FailingEngine([]))
    assert result.error is not None
    assert result.error.code == "ocr_failed"
    assert result.to_json()["error"] == {
        "code": "ocr_failed",
        "message": "Tesseract failed on page 1",
    }


def test_a_corrupt_file_is_an_error_object(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    result = extract_file(bad, CONFIG, engine=ScriptedEngine(RX_LINES))
    assert result.error is not None and result.error.code == "truncated"
    assert result.to_json()["fields"] == {}


def test_cancellation_stops_between_pages(tmp_path: Path) -> None:
    path = blank_page(tmp_path, "two.tiff", pages=2)
    engine = ScriptedEngine(RX_LINES)
    calls = iter([False, True])
    with pytest.raises(CancelledError):
        extract_file(path, CONFIG, engine=engine, cancel=lambda: next(calls))
    assert engine.calls == 1


def test_region_reread_returns_words_in_page_pixels(tmp_path: Path) -> None:
    image = Image.new("L", (1200, 800), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    draw.text((100, 100), "Ignore this line", font=font, fill=0)
    draw.text((600, 500), "Ibuprofen 400 mg", font=font, fill=0)
    path = tmp_path / "page-000.png"
    image.save(path)
    words = read_region(
        path, BBox(560, 470, 1150, 580), PipelineConfig(), engine=get_engine("tesseract")
    )
    assert [w.text for w in words] == ["Ibuprofen", "400", "mg"]
    assert words[0].bbox.x0 == pytest.approx(600, abs=10)
    assert words[0].bbox.y0 == pytest.approx(512, abs=15)
    assert read_region(path, BBox(10, 10, 12, 12), PipelineConfig()) == []


def test_tilted_page_boxes_land_on_the_words(tmp_path: Path) -> None:
    image = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 30)
    for row in range(12):
        draw.text((100, 150 + row * 60), "Metformin 850 mg twice daily with meals", font=font)
    draw.text((100, 1000), "Name: Helen Okafor", font=font, fill=0)
    tilted = image.rotate(3, expand=False, fillcolor=255)
    path = tmp_path / "tilted.png"
    tilted.save(path, dpi=(150, 150))
    result = extract_file(
        path, PipelineConfig(document_type="prescription"), engine=get_engine("tesseract")
    )
    assert result.error is None
    assert result.pages[0].skew_degrees == pytest.approx(3.0, abs=0.3)
    assert "deskew" in result.pages[0].steps
    page = np.asarray(tilted)
    field = result.fields.get("patient_name")
    assert field is not None and field.bbox is not None
    crop = page[field.bbox.y0 : field.bbox.y1, field.bbox.x0 : field.bbox.x1]
    assert (crop < 128).mean() > 0.05  # the box holds ink: it sits on the words


def test_low_resolution_pages_are_enlarged_for_ocr_and_mapped_back(tmp_path: Path) -> None:
    path = tmp_path / "low.png"
    Image.new("RGB", (850, 1100), "white").save(path, dpi=(100, 100))
    engine = ScriptedEngine(RX_LINES)
    # enlarging small pages is in Tesseract's preprocessing (config.ENGINE_PREPROCESS)
    result = extract_file(path, replace(CONFIG, engine="tesseract"), engine=engine)
    field = result.fields["patient_name"]
    # the engine saw a 3x image: its y of 160 is 53 on the page as rendered
    assert field.bbox is not None and field.bbox.y0 == 53
    assert result.pages[0].dpi == 100


def test_a_pool_returns_results_in_input_order_and_survives_a_bad_file(tmp_path: Path) -> None:
    from medreview.batch import ExtractionPool, WorkItem

    samples = Path(__file__).resolve().parent.parent / "samples"
    bad = tmp_path / "bad.tiff"
    bad.write_bytes(b"II*\x00broken")
    items = [
        WorkItem(samples / "rx_printed_scan.png", "first"),
        WorkItem(bad, "second"),
        WorkItem(samples / "patient_record.pdf", "third"),
    ]
    with ExtractionPool(PipelineConfig(), workers=2) as pool:
        pool.warm()
        results = list(pool.extract(items))
    assert [r.source for r in results] == ["first", "second", "third"]
    assert results[0].document_type == "prescription"
    assert results[1].error is not None and results[1].error.code == "truncated"
    assert results[2].document_type == "patient_details" and len(results[2].pages) == 2


def _page_with_lines(lines: list[str]) -> Image.Image:
    image = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 36)
    for row, text in enumerate(lines):
        draw.text((100, 150 + row * 90), text, font=font, fill=0)
    return image


@pytest.mark.slow
@pytest.mark.parametrize("turn", [180, 90])
def test_pages_upside_down_or_sideways_are_turned_before_reading(tmp_path: Path, turn: int) -> None:
    upright = _page_with_lines(RX_LINES * 2)
    path = tmp_path / "turned.png"
    upright.rotate(turn, expand=True).save(path, dpi=(150, 150))
    result = extract_file(path, PipelineConfig(document_type="prescription", second_reader=False))
    assert result.error is None, result.error
    assert result.pages[0].rotation == turn  # PIL turned it counter-clockwise
    assert result.fields["patient_name"].value == "Helen Okafor"


@pytest.mark.slow
def test_a_pdf_page_with_a_rotate_entry_is_read_upright(tmp_path: Path) -> None:
    import pikepdf

    stored = tmp_path / "stored.pdf"
    # the scan is stored sideways and the page's /Rotate turns it upright for display
    _page_with_lines(RX_LINES).rotate(90, expand=True).save(stored, resolution=150)
    path = tmp_path / "rotated.pdf"
    with pikepdf.open(stored) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(path)
    result = extract_file(path, PipelineConfig(document_type="prescription", second_reader=False))
    assert result.error is None, result.error
    page = result.pages[0]
    assert page.height > page.width  # rendered upright, as displayed
    assert page.rotation == 0  # no orientation fix was needed
    assert result.fields["patient_name"].value == "Helen Okafor"
