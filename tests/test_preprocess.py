from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from medreview import preprocess
from medreview.config import PreprocessConfig
from medreview.model import BBox

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def text_page(width: int = 1275, height: int = 1650) -> np.ndarray:
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 28)
    for row in range(25):
        draw.text((80, 80 + row * 55), "Amoxicillin 500 mg three times a day " * 2, font=font)
    return np.asarray(image)


def tilt(gray: np.ndarray, degrees: float) -> np.ndarray:
    rotated, _ = preprocess.rotate(gray, degrees)
    return rotated


@pytest.mark.parametrize("degrees", [-4.0, -1.5, 0.0, 2.0, 6.0])
def test_skew_is_measured(degrees: float) -> None:
    measured = preprocess.estimate_skew(tilt(text_page(), degrees), 15.0)
    assert measured == pytest.approx(degrees, abs=0.25)


def test_deskewed_page_reads_level() -> None:
    config = PreprocessConfig()
    prepared = preprocess.prepare(tilt(text_page(), 3.0), config)
    assert "deskew" in prepared.steps
    assert abs(preprocess.estimate_skew(prepared.ocr_image, 15.0)) < 0.25


def test_clean_page_gets_no_photometric_steps() -> None:
    prepared = preprocess.prepare(text_page(), PreprocessConfig())
    assert prepared.steps == ("grayscale",)
    assert prepared.ocr_image is prepared.view


def shadowed(gray: np.ndarray) -> np.ndarray:
    height, width = gray.shape
    ramp = np.linspace(0.35, 1.0, width, dtype=np.float32)[None, :].repeat(height, axis=0)
    return (gray.astype(np.float32) * ramp).astype(np.uint8)


def test_shadow_is_detected_and_flattened() -> None:
    config = PreprocessConfig()
    page = shadowed(text_page())
    assert preprocess.background_spread(page, config.background_kernel) > config.shadow_spread
    prepared = preprocess.prepare(page, config)
    assert "illumination" in prepared.steps
    flat = preprocess.background_spread(prepared.view, config.background_kernel)
    assert flat < config.shadow_spread


def test_binarize_gives_black_and_white() -> None:
    binary = preprocess.binarize(shadowed(text_page()), 35, 15)
    assert set(np.unique(binary)) <= {0, 255}
    # the dark side of the page is paper again, not ink
    assert np.mean(binary[:, :200] == 255) > 0.8


def test_speckle_is_counted_and_removed() -> None:
    page = text_page().copy()
    rng = np.random.default_rng(1)
    ys, xs = rng.integers(0, page.shape[0], 3000), rng.integers(0, page.shape[1], 3000)
    page[ys, xs] = 0
    assert preprocess.speckle_count(page, 6) > preprocess.speckle_count(text_page(), 6) + 500
    cleaned = preprocess.remove_speckle(page)
    assert preprocess.speckle_count(cleaned, 6) < preprocess.speckle_count(page, 6) / 5


def test_quarter_turns() -> None:
    page = np.zeros((10, 20), np.uint8)
    assert preprocess.rotate_quarter(page, 90).shape == (20, 10)
    assert preprocess.rotate_quarter(page, 360).shape == (10, 20)


@settings(max_examples=50, deadline=None)
@given(
    st.floats(-10, 10),
    st.integers(100, 800),
    st.integers(100, 1000),
)
def test_boxes_map_back_through_the_deskew(degrees: float, x: int, y: int) -> None:
    page = np.full((1100, 900), 255, np.uint8)
    rotated, to_page = preprocess.rotate(page, degrees)
    forward = cv2.invertAffineTransform(to_page)
    cx, cy = forward @ np.array([x, y, 1.0])
    box = BBox(int(cx) - 2, int(cy) - 2, int(cx) + 2, int(cy) + 2)
    back = preprocess.map_box(box, to_page, 900, 1100)
    assert back.x0 - 4 <= min(x, 899) and back.x1 + 4 >= min(x, 900)
    assert back.y0 - 4 <= min(y, 1099) and back.y1 + 4 >= min(y, 1100)
    assert rotated.shape[0] >= 1100 * 0.98


def test_steps_an_engine_does_without_are_not_applied() -> None:
    page = shadowed(tilt(text_page(), 3.0)).copy()
    page[::37, ::41] = 0  # dust
    everything = preprocess.prepare(page, PreprocessConfig(speckle_max_area=6))
    assert {"illumination", "deskew"} <= set(everything.steps)
    none = PreprocessConfig(illumination=False, despeckle=False, deskew=False)
    bare = preprocess.prepare(page, none)
    assert bare.steps == ("grayscale",)
    assert bare.ocr_image is bare.view


def test_each_engine_reads_with_its_own_preprocessing() -> None:
    from medreview.config import ENGINE_PREPROCESS, PipelineConfig

    assert PipelineConfig(engine="tesseract").preprocessing() == PreprocessConfig()
    assert PipelineConfig(engine="ppocr").preprocessing() == ENGINE_PREPROCESS["ppocr"]
    chosen = PreprocessConfig(deskew=False)
    assert PipelineConfig(engine="ppocr", preprocess=chosen).preprocessing() is chosen
