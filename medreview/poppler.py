"""Poppler, through pdf2image: page count, encryption, page sizes and rendering.

Everything that talks to ``pdfinfo``/``pdftoppm`` lives here, with poppler's
failures turned into typed errors.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pdf2image
from pdf2image import exceptions as pdf_errors

from medreview.errors import (
    EncryptedDocumentError,
    EngineUnavailableError,
    TruncatedFileError,
)

_POINTS_PER_INCH = 72.0
_PAGE_SIZE = re.compile(r"([\d.]+)\s*x\s*([\d.]+)")
_TIMEOUT_SECONDS = 120


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """What ``pdfinfo`` says of a PDF: its page count and first page size in points."""

    pages: int
    width_pt: float
    height_pt: float


def available() -> bool:
    """True when poppler's tools are on PATH."""
    return shutil.which("pdfinfo") is not None and shutil.which("pdftoppm") is not None


def version() -> str:
    """Poppler's version, from ``pdfinfo -v`` (empty when missing)."""
    if not available():
        return ""
    out = subprocess.run(["pdfinfo", "-v"], capture_output=True, text=True, check=False)
    match = re.search(r"(\d+\.\d+\.\d+)", out.stderr + out.stdout)
    return match.group(1) if match else ""


def _require() -> None:
    if not available():
        raise EngineUnavailableError(
            "poppler-utils (pdfinfo, pdftoppm) is not installed; run scripts/setup.sh"
        )


def info(path: Path) -> PdfInfo:
    """Read a PDF's page count and page size, refusing encrypted and broken files."""
    _require()
    try:
        raw = pdf2image.pdfinfo_from_path(str(path), timeout=_TIMEOUT_SECONDS)
    except pdf_errors.PDFPageCountError as exc:
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise EncryptedDocumentError(f"{path.name}: the PDF is encrypted") from None
        raise TruncatedFileError(f"{path.name}: the PDF is damaged or truncated") from None
    except (pdf_errors.PDFSyntaxError, pdf_errors.PDFPopplerTimeoutError):
        raise TruncatedFileError(f"{path.name}: the PDF is damaged or truncated") from None
    pages = int(raw.get("Pages", 0))
    if pages <= 0:
        raise TruncatedFileError(f"{path.name}: the PDF has no pages")
    match = _PAGE_SIZE.search(str(raw.get("Page size", "")))
    width_pt, height_pt = (float(match.group(1)), float(match.group(2))) if match else (612, 792)
    return PdfInfo(pages=pages, width_pt=width_pt, height_pt=height_pt)


def page_pixels(pdf: PdfInfo, dpi: int) -> int:
    """How many pixels the first page has when rendered at ``dpi``."""
    scale = dpi / _POINTS_PER_INCH
    return int(pdf.width_pt * scale) * int(pdf.height_pt * scale)


def render_page(path: Path, page_index: int, dpi: int) -> npt.NDArray[np.uint8]:
    """Render one page (0-based) to an RGB array; one page at a time bounds memory."""
    _require()
    try:
        images = pdf2image.convert_from_path(
            str(path),
            dpi=dpi,
            first_page=page_index + 1,
            last_page=page_index + 1,
            timeout=_TIMEOUT_SECONDS,
        )
    except (pdf_errors.PDFPageCountError, pdf_errors.PDFSyntaxError) as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocumentError(f"{path.name}: the PDF is encrypted") from None
        raise TruncatedFileError(f"{path.name}: page {page_index + 1} cannot be rendered") from None
    except pdf_errors.PDFPopplerTimeoutError:
        raise TruncatedFileError(
            f"{path.name}: page {page_index + 1} took too long to render"
        ) from None
    if not images:
        raise TruncatedFileError(f"{path.name}: page {page_index + 1} cannot be rendered")
    return np.asarray(images[0].convert("RGB"), dtype=np.uint8)
