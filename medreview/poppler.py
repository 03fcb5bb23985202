"""Poppler: page count, encryption, page sizes, embedded scans and rendering.

Everything that talks to poppler's programs lives here (``pdfinfo``,
``pdfimages`` and ``pdftoppm``, found by :mod:`medreview.programs`), with their
failures turned into typed errors.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from medreview import programs
from medreview.errors import EncryptedDocumentError, TruncatedFileError

_POINTS_PER_INCH = 72.0
_PAGES_LINE = re.compile(r"^Pages:\s*(\d+)", re.MULTILINE)
_PAGE_SIZE_LINE = re.compile(r"Page\s+\d+\s+size:\s*([\d.]+)\s*x\s*([\d.]+)")
_PAGE_ROT_LINE = re.compile(r"Page\s+\d+\s+rot:\s*(\d+)")
# Encodings pdfimages -j leaves in a form OpenCV cannot read.
_UNREADABLE_ENCODINGS = frozenset({"jbig2", "jpx", "ccitt-raw"})

RgbOrGray = npt.NDArray[np.uint8]
_TIMEOUT_SECONDS = 120


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """What ``pdfinfo`` says of a PDF: page count, page sizes (points) and rotations."""

    pages: int
    sizes_pt: tuple[tuple[float, float], ...]
    rotations: tuple[int, ...]
    # ``pdfimages -list`` rows (page number first), for spotting pages that are one scan
    images: tuple[tuple[str, ...], ...] = ()

    def pixels(self, page_index: int, dpi: int) -> tuple[int, int]:
        """Width and height of a page rendered at ``dpi``."""
        width_pt, height_pt = self.sizes_pt[min(page_index, len(self.sizes_pt) - 1)]
        if self.rotations[min(page_index, len(self.rotations) - 1)] % 180:
            width_pt, height_pt = height_pt, width_pt
        scale = dpi / _POINTS_PER_INCH
        return round(width_pt * scale), round(height_pt * scale)


def _run(program: programs.Program, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run one of poppler's programs; raises EngineUnavailableError when it is missing."""
    path = programs.find(program)
    return subprocess.run(
        [str(path), *args],
        capture_output=True,
        timeout=_TIMEOUT_SECONDS,
        check=False,
        env=programs.program_env(path),
    )


def _text(output: bytes) -> str:
    return output.decode("utf-8", "replace")


def info(path: Path, max_pages: int = 1000) -> PdfInfo:
    """Read a PDF's page count, sizes and rotations in one ``pdfinfo`` call.

    Refuses encrypted and broken files with typed errors.
    """
    try:
        done = _run(programs.PDFINFO, ["-f", "1", "-l", str(max_pages + 1), str(path)])
    except subprocess.TimeoutExpired:
        raise TruncatedFileError(f"{path.name}: the PDF took too long to read") from None
    if done.returncode != 0:
        if "password" in _text(done.stderr).lower():
            raise EncryptedDocumentError(f"{path.name}: the PDF is encrypted")
        raise TruncatedFileError(f"{path.name}: the PDF is damaged or truncated")
    stdout = _text(done.stdout)
    pages_line = _PAGES_LINE.search(stdout)
    pages = int(pages_line.group(1)) if pages_line else 0
    if pages <= 0:
        raise TruncatedFileError(f"{path.name}: the PDF has no pages")
    sizes = tuple(
        (float(m.group(1)), float(m.group(2))) for m in _PAGE_SIZE_LINE.finditer(stdout)
    ) or ((612.0, 792.0),)
    rotations = tuple(int(m.group(1)) for m in _PAGE_ROT_LINE.finditer(stdout)) or (0,)
    return PdfInfo(pages, sizes, rotations, _image_list(path, pages))


def _image_list(path: Path, pages: int) -> tuple[tuple[str, ...], ...]:
    """Every page's images as ``pdfimages -list`` rows, in one call for the whole file."""
    done = _run(programs.PDFIMAGES, ["-list", "-f", "1", "-l", str(pages), str(path)])
    listing = _text(done.stdout).splitlines()[2:]
    return tuple(tuple(line.split()) for line in listing if line.strip())


def page_pixels(pdf: PdfInfo, dpi: int) -> int:
    """Pixels of the largest page when rendered at ``dpi``."""
    return max(w * h for w, h in (pdf.pixels(i, dpi) for i in range(len(pdf.sizes_pt))))


def embedded_scan(
    path: Path, pdf: PdfInfo, page_index: int, dpi: int, *, gray: bool = False
) -> RgbOrGray | None:
    """The page's scan as stored in the PDF, when that equals rendering it at ``dpi``.

    A scanned page is usually one image at the scanner's resolution filling the
    page. Extracting it (``pdfimages``) skips poppler's resampling and is several
    times faster than rendering; any other page gives None and is rendered.
    """
    number = str(page_index + 1)
    rows = [row for row in pdf.images if row[0] == number]
    if len(rows) != 1 or len(rows[0]) < 14 or pdf.rotations[page_index % len(pdf.rotations)]:
        return None
    kind, width, height, encoding, x_ppi, y_ppi = (
        rows[0][2],
        int(rows[0][3]),
        int(rows[0][4]),
        rows[0][8],
        rows[0][12],
        rows[0][13],
    )
    want_w, want_h = pdf.pixels(page_index, dpi)
    if (
        kind != "image"
        or encoding in _UNREADABLE_ENCODINGS
        or abs(width - want_w) > 2
        or abs(height - want_h) > 2
        or not (x_ppi.isdigit() and y_ppi.isdigit())
        or abs(int(x_ppi) - dpi) > 1
        or abs(int(y_ppi) - dpi) > 1
    ):
        return None
    with tempfile.TemporaryDirectory(prefix="medreview-pdf-") as folder:
        _run(programs.PDFIMAGES, ["-j", "-f", number, "-l", number, str(path), f"{folder}/img"])
        files = sorted(Path(folder).iterdir())
        if len(files) != 1:
            return None
        image = cv2.imread(str(files[0]), cv2.IMREAD_GRAYSCALE if gray else cv2.IMREAD_UNCHANGED)
    if image is None or image.dtype != np.uint8:
        return None
    if image.ndim == 3:
        code = cv2.COLOR_BGRA2RGB if image.shape[2] == 4 else cv2.COLOR_BGR2RGB
        image = cv2.cvtColor(image, code)
    return np.asarray(image, dtype=np.uint8)


def render_page(
    path: Path, page_index: int, dpi: int, *, gray: bool = False
) -> npt.NDArray[np.uint8]:
    """Render one page (0-based) to an RGB (or gray) array; one at a time bounds memory.

    ``pdftoppm`` writes the page to its standard output as a PPM (PGM when gray).
    """
    number = str(page_index + 1)
    args = ["-f", number, "-l", number, "-r", str(dpi), *(["-gray"] if gray else []), str(path)]
    try:
        done = _run(programs.PDFTOPPM, args)
    except subprocess.TimeoutExpired:
        raise TruncatedFileError(
            f"{path.name}: page {page_index + 1} took too long to render"
        ) from None
    if done.returncode != 0:
        if "password" in _text(done.stderr).lower():
            raise EncryptedDocumentError(f"{path.name}: the PDF is encrypted")
        raise TruncatedFileError(f"{path.name}: page {page_index + 1} cannot be rendered")
    data = np.frombuffer(done.stdout, dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
    if image is None or image.dtype != np.uint8:
        raise TruncatedFileError(f"{path.name}: page {page_index + 1} cannot be rendered")
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY if gray else cv2.COLOR_BGR2RGB)
    elif not gray:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    return np.asarray(image, dtype=np.uint8)
