"""The extraction pipeline: a file in, an :class:`ExtractionResult` out.

Per page: load -> prepare (only the steps the page needs, of those the engine's
preprocessing allows) -> OCR -> (orientation fix and, for Tesseract, a binarised
retry when the read is doubtful) -> map boxes back to the page -> medical
correction. Then per document: type (printed words, checked by reading) -> fields ->
the second reader's verdict on each field (:mod:`medreview.second_reader`).

The functions here are pure with respect to their inputs and never raise for a
bad input file: the result carries the error. Scheduling (process pool, GUI
worker, CLI) lives in :mod:`medreview.batch` and the callers.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from medreview import lifeline, loading, preprocess, second_reader
from medreview.config import PipelineConfig
from medreview.correction import Corrector, LexiconCorrector
from medreview.documents import DocumentType
from medreview.errors import CancelledError, MedreviewError
from medreview.layouts import apply_layouts
from medreview.model import BBox, ErrorInfo, ExtractionResult, OcrPage, PageInfo, Word
from medreview.ocr import GrayImage, OcrEngine, ascii_forms, get_engine
from medreview.ocr.region import read_region as ocr_region
from medreview.page_images import page_paths
from medreview.parsing import ParseOutcome, parse_fields, read_any_type
from medreview.progress import NullProgress, Progress
from medreview.sealing import FileSeal

log = logging.getLogger(__name__)

CancelCheck = Callable[[], bool]

# Pages below this resolution are enlarged before OCR: Tesseract reads best with
# capital letters some 30 px tall.
_MIN_OCR_DPI = 200
_TARGET_OCR_DPI = 300
# A first read with fewer words triggers orientation detection.
_ORIENTATION_MIN_WORDS = 8
# Sideways text: most words of 4 or more characters have boxes taller than wide.
_TALL_WORD_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """One page after OCR: its description, its words and its cleaned view."""

    info: PageInfo
    ocr: OcrPage
    upright: np.ndarray
    view: GrayImage


class Stopwatch:
    """Adds up seconds per stage name."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` body under ``name``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - start


@lru_cache(maxsize=4)
def cached_engine(name: str, language: str, threads: int = 1) -> OcrEngine:
    """One engine per process and name: engines load models once."""
    return get_engine(name, language, threads)


def config_engine(config: PipelineConfig) -> OcrEngine:
    """This process's engine for ``config``, loaded on first use."""
    return cached_engine(config.engine, config.language, config.ocr_threads)


@lru_cache(maxsize=4)
def _cached_corrector(config: PipelineConfig) -> Corrector:
    return LexiconCorrector(config.correction)


def init_worker_process(config: PipelineConfig | None = None, niceness: int = 0) -> None:
    """Initializer of every OCR worker process (ingest, ``extract``, the review window).

    One OpenMP thread per process (set before Tesseract loads: on 2 cores its
    threads make a page 4-5x slower; processes parallelise instead), an optional
    lower priority, and the engine and lexicon loaded before the first document
    rather than during it. A loading failure is left for that document to report.
    The worker ends by itself when its parent dies (:mod:`medreview.lifeline`).
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    lifeline.watch_parent()  # end with the parent, even when it is killed
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)
    if config is None:
        return
    try:
        config_engine(config)
        if second_reader.wanted(config):
            second_reader.reader_engine(config.language)
        if config.correction.enabled:
            _cached_corrector(config)
    except MedreviewError:
        log.info("worker could not preload engine %s", config.engine)


def _score(page: OcrPage) -> float:
    """How much text was read confidently: the sum of confident words' confidences."""
    return sum(w.confidence for w in page.words if w.confidence >= 0.5 and len(w.text) > 1)


def _mostly_tall(page: OcrPage) -> bool:
    """Whether the page's longer words stand upright, as sideways text does."""
    long_words = [w for w in page.words if len(w.text) >= 4]
    tall = sum(1 for w in long_words if w.bbox.height > w.bbox.width)
    return bool(long_words) and tall > _TALL_WORD_SHARE * len(long_words)


def _map_words(
    words: tuple[Word, ...], matrix: np.ndarray, scale: float, width: int, height: int
) -> tuple[Word, ...]:
    """Bring word boxes from the OCR image back to the upright page's pixel space.

    Full-width punctuation becomes ASCII on the way (:func:`~medreview.ocr.ascii_forms`).
    """
    mapped = []
    for word in words:
        box = word.bbox
        if scale != 1.0:
            box = BBox(
                round(box.x0 / scale),
                round(box.y0 / scale),
                round(box.x1 / scale),
                round(box.y1 / scale),
            )
        text, ocr_text = ascii_forms(word.text), ascii_forms(word.ocr_text)
        box = preprocess.map_box(box, matrix, width, height)
        mapped.append(replace(word, bbox=box, text=text, ocr_text=ocr_text))
    return tuple(mapped)


def _read(engine: OcrEngine, image: GrayImage, index: int, watch: Stopwatch) -> OcrPage:
    with watch.stage("ocr"):
        return engine.recognize(image, index)


def process_page(
    page: loading.LoadedPage,
    config: PipelineConfig,
    engine: OcrEngine,
    watch: Stopwatch | None = None,
) -> PageOutcome:
    """Prepare, read and map one page; see the module docstring for the steps."""
    watch = watch or Stopwatch()
    steps_config = config.preprocessing()
    image, rotation = page.image, 0
    for attempt in range(2):
        with watch.stage("preprocess"):
            prepared = preprocess.prepare(image, steps_config)
            ocr_image, scale = prepared.ocr_image, 1.0
            if steps_config.enlarge_small and page.dpi < _MIN_OCR_DPI:
                scale = _TARGET_OCR_DPI / page.dpi
                ocr_image = np.asarray(
                    cv2.resize(ocr_image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC),
                    dtype=np.uint8,
                )
        result = _read(engine, ocr_image, page.index, watch)
        steps = list(prepared.steps)
        if (
            steps_config.binarize_retry
            and result.mean_confidence < steps_config.retry_below_confidence
        ):
            with watch.stage("preprocess"):
                binary = preprocess.binarize(
                    ocr_image, steps_config.adaptive_block, steps_config.adaptive_c
                )
            retry = _read(engine, binary, page.index, watch)
            if _score(retry) > _score(result):
                result = retry
                steps.append("adaptive_threshold")
        doubtful = (
            result.mean_confidence < steps_config.orientation_below_confidence
            or len(result.words) < _ORIENTATION_MIN_WORDS
            or _mostly_tall(result)
        )
        if attempt or not steps_config.detect_orientation or not doubtful:
            break
        with watch.stage("ocr"):
            turn = engine.detect_rotation(ocr_image)
        if not turn:
            break
        rotation = turn
        image = preprocess.rotate_quarter(page.image, turn)
    if rotation:
        steps.insert(1, f"rotate_{rotation}")
    height, width = image.shape[:2]
    words = _map_words(result.words, prepared.to_page, scale, width, height)
    info = PageInfo(
        index=page.index,
        width=width,
        height=height,
        dpi=page.dpi,
        skew_degrees=prepared.skew_degrees,
        rotation=rotation,
        steps=tuple(steps),
    )
    ocr = OcrPage(page.index, width, height, words, result.engine)
    return PageOutcome(info=info, ocr=ocr, upright=image, view=prepared.view)


def save_page_images(
    outcome: PageOutcome, folder: Path, seal: FileSeal | None = None
) -> tuple[Path, Path]:
    """Write the upright page and its cleaned view as PNGs for the review window.

    Sealed (encrypted) with the store's ``seal`` when it has one; written whole or not at all.
    """
    seal = seal or FileSeal(None)
    folder.mkdir(parents=True, exist_ok=True)
    original, prepared = page_paths(folder, outcome.info.index)
    upright = outcome.upright
    if upright.ndim == 3:
        upright = cv2.cvtColor(upright, cv2.COLOR_RGB2BGR)
    seal.write_png(original, upright)
    seal.write_png(prepared, outcome.view)
    return original, prepared


def extract_file(
    path: Path,
    config: PipelineConfig,
    *,
    engine: OcrEngine | None = None,
    image_dir: Path | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    source: str | None = None,
) -> ExtractionResult:
    """Extract one file; a bad file gives a result with ``error`` instead of raising.

    ``progress`` counts pages; ``cancel`` is checked between pages and raises
    :class:`~medreview.errors.CancelledError` (the one exception this lets out).
    """
    progress = progress or NullProgress()
    result = ExtractionResult(source=source if source is not None else str(path))
    watch = Stopwatch()
    seal = config.seal or FileSeal(None)
    plaintext = ExitStack()
    try:
        engine = engine or config_engine(config)
        result.engine = engine.version()
        # without an image folder nobody sees the colour page: decode gray only
        load = config.load if image_dir is not None else replace(config.load, gray=True)
        with watch.stage("load"):
            # a sealed store copy is read from its plaintext, kept only while it is read
            readable = plaintext.enter_context(seal.plaintext(path))
            total, page_iter = loading.open_pages(readable, load)
        progress.begin(total, path.name)
        pages: list[OcrPage] = []
        # the upright gray pages, in the word boxes' pixel space: the reader looks at
        # ruled cells, ticked boxes and circled choices in them, the second reader re-reads
        # field regions in them
        gray_pages: list[GrayImage] = []
        corrector = _cached_corrector(config) if config.correction.enabled else None
        while True:
            if cancel and cancel():
                raise CancelledError(f"{path.name}: cancelled")
            with watch.stage("load"):
                page = next(page_iter, None)
            if page is None:
                break
            outcome = process_page(page, config, engine, watch)
            ocr = outcome.ocr
            if corrector:
                with watch.stage("correct"):
                    ocr = replace(ocr, words=tuple(corrector.correct(ocr.words)))
            if image_dir is not None:
                with watch.stage("save"):
                    save_page_images(outcome, image_dir, seal)
            pages.append(ocr)
            gray_pages.append(preprocess.to_gray(outcome.upright))
            result.pages.append(outcome.info)
            progress.advance()
        plaintext.close()
        with watch.stage("parse"):
            document_type, outcome_fields = _read_fields(config, pages, gray_pages)
            result.document_type = document_type.value
            result.fields = outcome_fields.fields
            result.warnings.extend(outcome_fields.warnings)
        with watch.stage("layouts"):
            apply_layouts(result, pages, config, gray_pages, engine)
        with watch.stage("second_reader"):
            result.fields = second_reader.second_reading(
                result.fields,
                result.document_type,
                gray_pages,
                config,
                corrector=corrector,
                first_engine=engine.name,
            )
        result.ocr_pages = pages
    except CancelledError:
        raise
    except MedreviewError as exc:
        log.warning("%s: %s", path.name, exc.code)
        result.error = ErrorInfo(exc.code, exc.message)
        result.fields = {}
    except Exception as exc:
        # An unexpected failure must not stop a batch. Its message may hold patient
        # data, so the log gets its type and stack (code locations only) and the
        # result a generic message.
        log.error(
            "unexpected %s on %s\n%s",
            type(exc).__name__,
            path.name,
            _code_locations(exc),
        )
        result.error = ErrorInfo("internal", f"{path.name}: unexpected failure while extracting")
        result.fields = {}
    finally:
        plaintext.close()
        progress.end()
        result.timings = watch.totals
    return result


def _code_locations(exc: BaseException) -> str:
    """Where an exception came from, as file:line lines with no source text or values."""
    frames = traceback.extract_tb(exc.__traceback__)
    return "\n".join(f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames)


def _read_fields(
    config: PipelineConfig, pages: list[OcrPage], gray_pages: list[GrayImage]
) -> tuple[DocumentType, ParseOutcome]:
    """The document's type (given, or found by :func:`read_any_type`) and its fields."""
    if config.document_type:
        given = DocumentType(config.document_type)
        return given, parse_fields(given, pages, config, gray_pages)
    return read_any_type(pages, config, gray_pages)


def read_region(
    image_path: Path,
    bbox: BBox,
    config: PipelineConfig,
    *,
    engine: OcrEngine | None = None,
    page_index: int = 0,
) -> list[Word]:
    """Re-read a rectangle of a stored page image; boxes come back in page pixels."""
    engine = engine or config_engine(config)
    image = (config.seal or FileSeal(None)).read_image(image_path, cv2.IMREAD_GRAYSCALE)
    words = ocr_region(engine, image, bbox, page_index)
    corrector = _cached_corrector(config) if config.correction.enabled else None
    return corrector.correct(words) if corrector else words
