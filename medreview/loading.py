"""Turn an input file into page images, refusing what is not a readable document.

Supported: PDF (every page, rendered by poppler at the configured DPI), JPEG,
PNG and (multi-page) TIFF, with EXIF orientation honoured. Every refusal is a
typed :class:`~medreview.errors.InputError` whose message names the file and the
problem, never its content.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from medreview import poppler
from medreview.config import LoadConfig
from medreview.errors import (
    EmptyFileError,
    FileMissingError,
    NotADocumentError,
    TooLargeError,
    TooManyPagesError,
    TruncatedFileError,
)

# RGB (height, width, 3), or (height, width) for gray scans
PageImage = npt.NDArray[np.uint8]

_EXIF_ORIENTATION = 0x0112
_GRAY_MODES = frozenset({"1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "F"})
_LETTER_WIDTH_INCHES = 8.5
_MIN_TRUSTED_DPI = 100

# Leading bytes of the formats we read.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)


@dataclass(frozen=True, slots=True)
class LoadedPage:
    """One page image as rendered (RGB, or grayscale for gray scans), with its resolution."""

    index: int
    image: PageImage
    dpi: int

    @property
    def width(self) -> int:
        """Width in pixels."""
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        """Height in pixels."""
        return int(self.image.shape[0])


def sniff_format(path: Path) -> str:
    """The file's format from its first bytes, or raise why it cannot be read."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise FileMissingError(f"{path.name}: no such file") from None
    except OSError as exc:
        raise FileMissingError(f"{path.name}: cannot be read ({exc.strerror})") from None
    if size == 0:
        raise EmptyFileError(f"{path.name}: the file is empty")
    # Some PDF writers put junk before the header; poppler accepts it within 1 KiB.
    if b"%PDF-" not in head:
        with path.open("rb") as handle:
            if b"%PDF-" in handle.read(1024):
                return "pdf"
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    raise NotADocumentError(f"{path.name}: not a PDF, JPEG, PNG or TIFF file")


def open_pages(path: Path, config: LoadConfig) -> tuple[int, Iterator[LoadedPage]]:
    """Check the file and its limits now; return its page count and a lazy page iterator.

    Pages are decoded one at a time, so a long PDF is never all in memory.
    """
    kind = _check_file(path, config)
    if kind == "pdf":
        pdf = _check_pdf(path, config)
        return pdf.pages, _pdf_pages(path, pdf, config)
    with _open_image(path, config) as image:
        count = _frame_count(path, image, config)
    return count, _image_pages(path, config)


def load_pages(path: Path, config: LoadConfig) -> Iterator[LoadedPage]:
    """Yield the file's pages one at a time."""
    return open_pages(path, config)[1]


def _pdf_pages(path: Path, pdf: poppler.PdfInfo, config: LoadConfig) -> Iterator[LoadedPage]:
    for index in range(pdf.pages):
        image = poppler.embedded_scan(path, pdf, index, config.dpi, gray=config.gray)
        if image is None:
            image = poppler.render_page(path, index, config.dpi, gray=config.gray)
        yield LoadedPage(index, image, config.dpi)


def _image_pages(path: Path, config: LoadConfig) -> Iterator[LoadedPage]:
    with _open_image(path, config) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            yield _decode_frame(path, index, frame, config)


def _check_file(path: Path, config: LoadConfig) -> str:
    kind = sniff_format(path)
    if path.stat().st_size > config.max_file_bytes:
        raise TooLargeError(
            f"{path.name}: the file is larger than {config.max_file_bytes // (1024 * 1024)} MiB"
        )
    return kind


def _check_pdf(path: Path, config: LoadConfig) -> poppler.PdfInfo:
    pdf = poppler.info(path, config.max_pages)
    if pdf.pages > config.max_pages:
        raise TooManyPagesError(
            f"{path.name}: {pdf.pages} pages, more than the limit of {config.max_pages}"
        )
    if poppler.page_pixels(pdf, config.dpi) > config.max_page_pixels:
        raise TooLargeError(
            f"{path.name}: a page at {config.dpi} dpi is over the "
            f"{config.max_page_pixels:,}-pixel limit"
        )
    return pdf


def _open_image(path: Path, config: LoadConfig) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooLargeError(f"{path.name}: the image is over the pixel limit") from None
    except UnidentifiedImageError:
        raise TruncatedFileError(f"{path.name}: the image is damaged or truncated") from None
    except OSError:
        raise TruncatedFileError(f"{path.name}: the image is damaged or truncated") from None
    width, height = image.size
    if width * height > config.max_page_pixels:
        image.close()
        raise TooLargeError(
            f"{path.name}: {width}x{height} pixels is over the "
            f"{config.max_page_pixels:,}-pixel limit"
        )
    return image


def _frame_count(path: Path, image: Image.Image, config: LoadConfig) -> int:
    frames = int(getattr(image, "n_frames", 1))
    if frames > config.max_pages:
        raise TooManyPagesError(
            f"{path.name}: {frames} pages, more than the limit of {config.max_pages}"
        )
    return frames


def _decode_frame(path: Path, index: int, frame: Image.Image, config: LoadConfig) -> LoadedPage:
    width, height = frame.size
    if width * height > config.max_page_pixels:
        raise TooLargeError(f"{path.name}: page {index + 1} is over the pixel limit")
    try:
        if config.gray and frame.format == "JPEG":
            frame.draft("L", frame.size)  # libjpeg decodes the luminance only
        frame.load()
        # Each step copies a whole page, so only the ones this page needs run: turning
        # by the EXIF orientation, and converting to RGB, or to gray for gray scans
        # (a third of the memory and no conversion to undo later).
        pixels = frame
        if frame.getexif().get(_EXIF_ORIENTATION, 1) != 1:
            pixels = ImageOps.exif_transpose(frame)
        mode = "L" if config.gray or pixels.mode in _GRAY_MODES else "RGB"
        if pixels.mode != mode:
            pixels = pixels.convert(mode)
        array = np.asarray(pixels, dtype=np.uint8)
    except (OSError, SyntaxError, ValueError):
        raise TruncatedFileError(f"{path.name}: page {index + 1} is damaged or truncated") from None
    return LoadedPage(index, array, _image_dpi(frame))


def _image_dpi(frame: Image.Image) -> int:
    """The image's stated resolution, or one estimated from a letter-width page."""
    dpi = frame.info.get("dpi")
    if dpi:
        try:
            value = round(float(dpi[0]))
        except (TypeError, ValueError, IndexError):
            value = 0
        if value >= _MIN_TRUSTED_DPI:
            return value
    return max(1, round(frame.size[0] / _LETTER_WIDTH_INCHES))
