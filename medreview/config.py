"""Every tunable of the pipeline in one place, as frozen, picklable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medreview.layouts.format import LayoutSet


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
    # try the binarised image too when the first read's mean confidence is below this
    retry_below_confidence: float = 0.80


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

    engine: str = "tesseract"
    language: str = "eng"
    document_type: str | None = None
    date_order: DateOrder = DateOrder.MONTH_FIRST
    load: LoadConfig = field(default_factory=LoadConfig)
    preprocess: PreprocessConfig = field(default_factory=PreprocessConfig)
    correction: CorrectionConfig = field(default_factory=CorrectionConfig)
    # the layouts documents are matched against (None: the generic reader only)
    layouts: LayoutSet | None = None
