"""Every tunable of the pipeline in one place, as frozen, picklable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medreview.layouts.format import LayoutSet
    from medreview.sealing import FileSeal


class DateOrder(StrEnum):
    """How to read an ambiguous numeric date such as ``03/04/2023``."""

    MONTH_FIRST = "MDY"
    DAY_FIRST = "DMY"


@dataclass(frozen=True, slots=True)
class LoadConfig:
    """Limits and rendering options for turning files into page images."""

    dpi: int = 300
    max_pages: int = 50
    max_page_pixels: int = 60_000_000
    max_file_bytes: int = 200 * 1024 * 1024
    # decode pages straight to gray, for callers that keep no colour view of them
    gray: bool = False


@dataclass(frozen=True, slots=True)
class PreprocessConfig:
    """Parameters of the preprocessing steps (``medreview.preprocess``)."""

    # illumination: background estimated by a median blur of this size (px at 300 dpi)
    background_kernel: int = 61
    # a page whose background brightness varies more than this (0-255) is "shadowed"
    shadow_spread: float = 25.0
    adaptive_block: int = 35
    adaptive_c: int = 15
    max_skew_degrees: float = 15.0
    min_skew_degrees: float = 0.15
    speckle_max_area: int = 6
    detect_orientation: bool = True
    # a first read with a mean confidence below this (or few words, or mostly upright
    # word boxes taller than wide: sideways text) has its orientation checked
    orientation_below_confidence: float = 0.55
    # try the binarised image too when the first read's mean confidence is below this
    retry_below_confidence: float = 0.80
    # which of the steps may run at all (each still runs only when the page needs it)
    illumination: bool = True
    despeckle: bool = True
    deskew: bool = True
    binarize_retry: bool = True
    # enlarge pages scanned below 200 dpi to 300 dpi before reading
    enlarge_small: bool = True


# What helps one engine can hurt another (README "Benchmarks" has the figures).
# Tesseract keeps every step. For PP-OCRv6 deskew helped (84.8% -> 91.3% of fields on
# rotated and photographed pages); despeckle hurt (97.8% -> 91.1%), enlarging small
# pages hurt (100% -> 96.2%), illumination correction and the binarised re-read changed
# nothing but time. Orientation is checked for every engine.
ENGINE_PREPROCESS: dict[str, PreprocessConfig] = {
    "ppocr": PreprocessConfig(
        illumination=False,
        despeckle=False,
        binarize_retry=False,
        enlarge_small=False,
        # PP-OCR reads upside-down pages with mean confidence about 0.7
        orientation_below_confidence=0.85,
    ),
}


@dataclass(frozen=True, slots=True)
class CorrectionConfig:
    """Medical word correction against the lexicon."""

    enabled: bool = True
    min_similarity: float = 86.0
    min_word_length: int = 4
    user_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """The whole pipeline's configuration."""

    engine: str = "ppocr"
    language: str = "eng"
    # threads of one OCR engine; worker processes, not threads, use the other cores
    ocr_threads: int = 1
    # let Tesseract re-read each field's region and compare (when it is not the engine)
    second_reader: bool = True
    document_type: str | None = None
    date_order: DateOrder = DateOrder.MONTH_FIRST
    load: LoadConfig = field(default_factory=LoadConfig)
    # None: the engine's own preprocessing (ENGINE_PREPROCESS, else every step)
    preprocess: PreprocessConfig | None = None
    correction: CorrectionConfig = field(default_factory=CorrectionConfig)
    # the layouts documents are matched against (None: the generic reader only)
    layouts: LayoutSet | None = None
    # how the store's page images and scan copies are sealed at rest (None: plain files)
    seal: FileSeal | None = None

    def preprocessing(self) -> PreprocessConfig:
        """The preprocessing this configuration's engine reads with."""
        if self.preprocess is not None:
            return self.preprocess
        return ENGINE_PREPROCESS.get(self.engine, PreprocessConfig())
