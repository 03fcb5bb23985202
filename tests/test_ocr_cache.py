"""The benchmarks' OCR cache: answers kept per image and engine; the engine loads on a miss."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

import medreview.pipeline
from tests.benchmarks.ocr_cache import CacheStats, CachingEngine, installed
from tests.fakes import ScriptedEngine


def _image(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 255, (40, 60), dtype=np.uint8)


def test_answers_come_back_from_the_folder_without_the_engine(tmp_path: Path) -> None:
    engine = ScriptedEngine(["Helen Okafor", "03/14/2023"])
    created: list[int] = []

    def factory() -> ScriptedEngine:
        created.append(1)
        return engine

    first = CachingEngine("scripted", factory, tmp_path)
    page = first.recognize(_image(1), 0)
    assert first.version() == "scripted 1.0"
    assert first.detect_rotation(_image(1)) == 0
    assert (first.stats.hits, first.stats.misses, engine.calls) == (0, 2, 1)

    stats = CacheStats()
    again = CachingEngine("scripted", factory, tmp_path, stats=stats)
    cached = again.recognize(_image(1), 3)
    assert [w.text for w in cached.words] == [w.text for w in page.words]
    assert [w.bbox for w in cached.words] == [w.bbox for w in page.words]
    assert cached.index == 3 and all(w.page == 3 for w in cached.words)
    assert again.version() == "scripted 1.0" and again.detect_rotation(_image(1)) == 0
    assert len(created) == 1 and (stats.hits, stats.misses) == (2, 0)  # no second engine

    again.recognize(_image(2), 0)  # another image is a miss
    other = CachingEngine("other", factory, tmp_path)
    other.recognize(_image(1), 0)  # and so is another engine's answer
    assert (stats.misses, other.stats.misses, engine.calls) == (1, 1, 3)


def test_installed_serves_the_pipelines_engine_from_the_cache(tmp_path: Path) -> None:
    page = Image.new("L", (700, 120), 255)
    ImageDraw.Draw(page).text((20, 40), "Cached words", fill=0, font_size=48)
    image = np.asarray(page)
    for expected in ((0, 1), (1, 0)):
        with installed(tmp_path) as stats:
            engine = medreview.pipeline.cached_engine("tesseract", "eng")
            assert isinstance(engine, CachingEngine)
            words = [w.text for w in engine.recognize(image, 0).words]
            assert words == ["Cached", "words"]
            assert (stats.hits, stats.misses) == expected
    assert not isinstance(medreview.pipeline.cached_engine("tesseract", "eng"), CachingEngine)
