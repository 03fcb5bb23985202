"""Turn an input file into page images, refusing what is not a readable document.

Supported: PDF (every page, rendered by poppler at the configured DPI), JPEG,
PNG and (multi-page) TIFF, with EXIF orientation honoured. Every refusal is a
typed :class:`~medreview.errors.InputError` whose message names the file and the
problem, never its content.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
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
    NotAFileError,
    TooLargeError,
    TooManyPagesError,
    TruncatedFileError,
    UnreadableFileError,
)
from medreview.filenames import display_name

# RGB (height, width, 3), or (height, width) for gray scans
PageImage = npt.NDArray[np.uint8]

_EXIF_ORIENTATION = 0x0112
_GRAY_MODES = frozenset({"1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "F"})
# gray modes deeper than 8 bits, scaled by hand (PIL's conversion clips them)
_DEEP_GRAY_MODES = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
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
    """The file's format from its first bytes, or raise why it cannot be read.

    The file is opened without blocking and its type checked before any read, so a
    FIFO, a socket or a device is refused at once instead of hanging the caller.
    """
    name = display_name(path)
    head = _read_head(path, name)
    if b"%PDF-" in head[:16]:
        return "pdf"
    # Some PDF writers put junk before the header; poppler accepts it within 1 KiB.
    if b"%PDF-" in head:
        return "pdf"
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    raise NotADocumentError(f"{name}: not a PDF, JPEG, PNG or TIFF file")


def check_input(path: Path, config: LoadConfig) -> str:
    """Every check that needs no decoding: type, size, format and claimed pixels.

    Cheap enough to run on a file before it is copied into the store (a PDF is
    asked for its page count and page size); returns the format.
    """
    kind = _check_file(path, config)
    if kind == "pdf":
        _check_pdf(path, config)
    else:
        with _open_image(path, config) as image:
            _frame_count(path, image, config)
    return kind


def _read_head(path: Path, name: str) -> bytes:
    """The first KiB of a regular, non-empty file (typed errors for everything else)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if os.path.lexists(path):
            raise FileMissingError(f"{name}: a link to a file that does not exist") from None
        raise FileMissingError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise NotAFileError(f"{name}: a folder, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileMissingError(f"{name}: a link that loops back on itself") from None
        try:
            mode = path.stat().st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):  # a socket cannot even be opened
            raise NotAFileError(f"{name}: {_file_kind(mode)}, not a regular file") from None
        raise UnreadableFileError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(f"{name}: {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size == 0:
            raise EmptyFileError(f"{name}: the file is empty")
        try:
            return os.read(fd, 1024)
        except OSError as exc:
            raise UnreadableFileError(f"{name}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


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
    size = path.stat().st_size
    if size > config.max_file_bytes:
        raise TooLargeError(
            f"{display_name(path)}: the file is larger than "
            f"{config.max_file_bytes // (1024 * 1024)} MiB"
        )
    if kind == "png":
        _check_png_header(path, size, config)
    return kind


# zlib cannot shrink data by more than about 1032:1, so a PNG whose header claims
# more pixel bytes than that times its size is damaged or forged: it is refused
# before the decoder allocates the page (a 87-byte file claiming 7000x7000).
_ZLIB_MAX_RATIO = 1032
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _check_png_header(path: Path, size: int, config: LoadConfig) -> None:
    name = display_name(path)
    with path.open("rb") as handle:
        head = handle.read(33)
    if len(head) < 33 or head[12:16] != b"IHDR":
        raise TruncatedFileError(f"{name}: the PNG header is damaged or truncated")
    width, height, depth, colour = struct.unpack(">IIBB", head[16:26])
    if width == 0 or height == 0 or colour not in _PNG_CHANNELS:
        raise TruncatedFileError(f"{name}: the PNG header is damaged")
    if width * height > config.max_page_pixels:
        raise TooLargeError(
            f"{name}: {width}x{height} pixels is over the {config.max_page_pixels:,}-pixel limit"
        )
    raw = height * (1 + (width * _PNG_CHANNELS[colour] * depth + 7) // 8)
    if raw > size * _ZLIB_MAX_RATIO:
        raise TruncatedFileError(
            f"{name}: the file is far too small for the {width}x{height} image its header claims"
        )


def _check_pdf(path: Path, config: LoadConfig) -> poppler.PdfInfo:
    pdf = poppler.info(path, config.max_pages)
    if pdf.pages > config.max_pages:
        raise TooManyPagesError(
            f"{display_name(path)}: {pdf.pages} pages, more than the limit of {config.max_pages}"
        )
    if poppler.page_pixels(pdf, config.dpi) > config.max_page_pixels:
        raise TooLargeError(
            f"{display_name(path)}: a page at {config.dpi} dpi is over the "
            f"{config.max_page_pixels:,}-pixel limit"
        )
    return pdf


def _open_image(path: Path, config: LoadConfig) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # PIL warns about damaged metadata (EXIF, TIFF tags) and goes on: so do we
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooLargeError(f"{display_name(path)}: the image is over the pixel limit") from None
    except (UnidentifiedImageError, OSError):
        raise TruncatedFileError(
            f"{display_name(path)}: the image is damaged or truncated"
        ) from None
    width, height = image.size
    if width * height > config.max_page_pixels:
        image.close()
        raise TooLargeError(
            f"{display_name(path)}: {width}x{height} pixels is over the "
            f"{config.max_page_pixels:,}-pixel limit"
        )
    return image


def _frame_count(path: Path, image: Image.Image, config: LoadConfig) -> int:
    frames = int(getattr(image, "n_frames", 1))
    if frames > config.max_pages:
        raise TooManyPagesError(
            f"{display_name(path)}: {frames} pages, more than the limit of {config.max_pages}"
        )
    return frames


def _decode_frame(path: Path, index: int, frame: Image.Image, config: LoadConfig) -> LoadedPage:
    width, height = frame.size
    if width * height > config.max_page_pixels:
        raise TooLargeError(f"{display_name(path)}: page {index + 1} is over the pixel limit")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # damaged metadata: the pixels may still be fine
        return _decode_pixels(path, index, frame, config)


def _decode_pixels(path: Path, index: int, frame: Image.Image, config: LoadConfig) -> LoadedPage:
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
        if pixels.mode in _DEEP_GRAY_MODES:
            array = _scale_to_8_bits(np.asarray(pixels))
        else:
            mode = "L" if config.gray or pixels.mode in _GRAY_MODES else "RGB"
            if pixels.mode != mode:
                pixels = pixels.convert(mode)
            array = np.asarray(pixels, dtype=np.uint8)
    except (OSError, SyntaxError, ValueError):
        raise TruncatedFileError(
            f"{display_name(path)}: page {index + 1} is damaged or truncated"
        ) from None
    return LoadedPage(index, array, _image_dpi(frame))


def _scale_to_8_bits(deep: npt.NDArray[np.generic]) -> PageImage:
    """A 16-bit, 32-bit or float gray page as 8 bits, keeping its contrast.

    PIL's own conversion clips every value over 255 to white, which turns a 16-bit
    scan into a blank page. Whole-range 16-bit data is divided by 257; anything
    else (a float page, a narrow range) is stretched between its darkest and
    lightest pixel.
    """
    values = deep.astype(np.float64)
    low, high = float(values.min()), float(values.max())
    if deep.dtype.kind in "ui" and low >= 0 and high <= 255:
        return values.astype(np.uint8)
    if deep.dtype.kind in "ui" and low >= 0 and high <= 65535 and high - low > 4096:
        return np.round(values / 257.0).astype(np.uint8)
    if high <= low:
        return np.full(deep.shape, 255 if high > 0 else 0, dtype=np.uint8)
    return np.round((values - low) * (255.0 / (high - low))).astype(np.uint8)


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
