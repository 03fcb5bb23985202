"""Tesseract: locating it and its language data, reading pages, parsing its output.

Two engines share one TSV parser: :class:`TesserocrEngine` calls the library
in-process (no subprocess or temporary file per page) and
:class:`PytesseractEngine` runs the ``tesseract`` program, the fallback when
tesserocr is missing. ``OMP_THREAD_LIMIT=1`` is set before Tesseract loads:
on 2 cores its OpenMP threads make a page 4-5x slower, so the pipeline
parallelises across pages instead.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import csv
import io
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import cache
from pathlib import Path
from typing import Any

import cv2

from medreview.errors import EngineError, EngineUnavailableError
from medreview.model import BBox, OcrPage, Word
from medreview.ocr import GrayImage

log = logging.getLogger(__name__)

_WORD_LEVEL = "5"
_TESSDATA_ENV = "MEDREVIEW_TESSDATA"
_DEBIAN_TESSDATA = (
    Path("/usr/share/tesseract-ocr/5/tessdata"),
    Path("/usr/share/tesseract-ocr/4.00/tessdata"),
    Path("/usr/share/tessdata"),
)
# Page segmentation: fully automatic, the engine finds columns and blocks.
_PSM_AUTO = 3
# One uniform block of text: what a field's region is.
PSM_BLOCK = 6
_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def bundle_dir() -> Path | None:
    """The PyInstaller bundle's folder when running frozen."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


@cache
def find_tessdata(language: str = "eng") -> Path:
    """Where the language data is: the bundle, then settings, then the system, else fail."""
    candidates: list[Path] = []
    bundled = bundle_dir()
    if bundled:
        candidates.append(bundled / "tessdata")
    for variable in (_TESSDATA_ENV, "TESSDATA_PREFIX"):
        value = os.environ.get(variable)
        if value:
            candidates += [Path(value), Path(value) / "tessdata"]
    candidates += list(_DEBIAN_TESSDATA)
    for folder in candidates:
        if (folder / f"{language}.traineddata").is_file():
            return folder
    raise EngineUnavailableError(
        f"Tesseract language data {language!r} not found; install tesseract-ocr-{language} "
        f"(scripts/setup.sh) or set {_TESSDATA_ENV}"
    )


@cache
def find_tesseract() -> Path:
    """The ``tesseract`` program: the bundle first, then PATH, else fail."""
    bundled = bundle_dir()
    if bundled and (bundled / "tesseract" / "tesseract").is_file():
        return bundled / "tesseract" / "tesseract"
    found = shutil.which("tesseract")
    if found:
        return Path(found)
    raise EngineUnavailableError("the tesseract program is not installed; run scripts/setup.sh")


def parse_tsv(tsv: str, page_index: int, scale: float = 1.0) -> list[Word]:
    """Words of Tesseract's TSV output, with lines numbered in reading order.

    ``scale`` divides coordinates, for images that were enlarged before OCR.
    """
    words: list[Word] = []
    line_ids: dict[tuple[str, str, str], int] = {}
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if len(row) < 12 or row[0] != _WORD_LEVEL:
            continue
        text = row[11].strip()
        confidence = float(row[10])
        if not text or confidence < 0:
            continue
        key = (row[2], row[3], row[4])
        line = line_ids.setdefault(key, len(line_ids))
        left, top, width, height = (int(v) for v in row[6:10])
        box = BBox(
            round(left / scale),
            round(top / scale),
            round((left + width) / scale),
            round((top + height) / scale),
        )
        words.append(
            Word(
                text=text,
                confidence=min(1.0, confidence / 100.0),
                bbox=box,
                page=page_index,
                block=int(row[2]),
                line=line,
            )
        )
    return words


class TesserocrEngine:
    """Tesseract in-process through tesserocr, one API object per thread.

    ``threads`` is accepted for the engine interface and ignored: Tesseract runs
    one OpenMP thread (``OMP_THREAD_LIMIT``) and the pipeline uses processes.
    """

    name = "tesseract"

    def __init__(self, language: str = "eng", threads: int = 1, psm: int = _PSM_AUTO) -> None:
        try:
            import tesserocr
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EngineUnavailableError("the tesserocr package is not installed") from exc
        self._tesserocr: Any = tesserocr
        self._language = language
        self._psm = psm
        self._tessdata = find_tessdata(language)
        self._local = threading.local()
        self._osd: PytesseractEngine | None = None
        self._api()  # fail now, not on the first page, when the data does not load

    def _api(self) -> Any:
        api = getattr(self._local, "api", None)
        if api is None:
            try:
                api = self._tesserocr.PyTessBaseAPI(
                    path=str(self._tessdata), lang=self._language, psm=self._psm
                )
            except RuntimeError as exc:
                raise EngineUnavailableError(
                    f"Tesseract could not load language {self._language!r}"
                ) from exc
            self._local.api = api
        return api

    def version(self) -> str:
        """``tesseract X.Y.Z`` of the linked library."""
        return f"tesseract {self._tesserocr.tesseract_version().split()[1]}"

    def recognize(self, image: GrayImage, page_index: int) -> OcrPage:
        """Read a page in-process."""
        api = self._api()
        height, width = image.shape[:2]
        try:
            api.SetPageSegMode(self._psm)
            api.SetImageBytes(image.tobytes(), width, height, 1, width)
            api.SetSourceResolution(300)
            api.Recognize()
            tsv = api.GetTSVText(0)
        except RuntimeError as exc:
            raise EngineError(f"Tesseract failed on page {page_index + 1}") from exc
        words = parse_tsv(tsv, page_index)
        return OcrPage(page_index, width, height, tuple(words), self.version())

    def detect_rotation(self, image: GrayImage) -> int:
        """Clockwise degrees to turn the page upright.

        OSD runs in the ``tesseract`` program, not in-process: the wheel's library
        aborts the whole process on OSD with Debian's legacy ``osd`` model, and a
        subprocess contains that.
        """
        if self._osd is None:
            self._osd = PytesseractEngine(self._language)
        return self._osd.detect_rotation(image)


class PytesseractEngine:
    """The ``tesseract`` program through pytesseract, one subprocess per page."""

    name = "pytesseract"

    def __init__(self, language: str = "eng", threads: int = 1, psm: int = _PSM_AUTO) -> None:
        import pytesseract

        self._pytesseract: Any = pytesseract
        self._language = language
        self._psm = psm
        self._tessdata = find_tessdata(language)
        pytesseract.pytesseract.tesseract_cmd = str(find_tesseract())

    def version(self) -> str:
        """``tesseract X.Y.Z`` of the program."""
        return f"tesseract {self._pytesseract.get_tesseract_version()}"

    def _config(self, psm: int) -> str:
        return f'--psm {psm} --tessdata-dir "{self._tessdata}"'

    def _with_file(
        self, image: GrayImage, call: str, config: str, language: str | None = None
    ) -> str:
        # An uncompressed PGM is written in milliseconds, unlike the PNG pytesseract
        # would write for an in-memory image.
        with tempfile.TemporaryDirectory(prefix="medreview-") as folder:
            path = Path(folder) / "page.pgm"
            cv2.imwrite(str(path), image)
            method = getattr(self._pytesseract, call)
            result: str = method(str(path), lang=language or self._language, config=config)
            return result

    def recognize(self, image: GrayImage, page_index: int) -> OcrPage:
        """Read a page with the tesseract program."""
        height, width = image.shape[:2]
        try:
            tsv = self._with_file(image, "image_to_data", self._config(self._psm))
        except (self._pytesseract.TesseractError, subprocess.SubprocessError, OSError) as exc:
            raise EngineError(f"Tesseract failed on page {page_index + 1}") from exc
        words = parse_tsv(tsv, page_index)
        return OcrPage(page_index, width, height, tuple(words), self.version())

    def detect_rotation(self, image: GrayImage) -> int:
        """Clockwise degrees to turn the page upright, from ``tesseract --psm 0``.

        OSD runs with its own ``osd`` model: asked with ``-l eng`` Tesseract 5
        answers "Rotate: 90" with high confidence for upright pages.
        """
        language = "osd" if (self._tessdata / "osd.traineddata").is_file() else None
        try:
            osd = self._with_file(image, "image_to_osd", self._config(0), language)
        except (self._pytesseract.TesseractError, subprocess.SubprocessError, OSError):
            return 0
        match = _ROTATE.search(osd)
        return int(match.group(1)) % 360 if match else 0


def create_default(
    language: str = "eng", threads: int = 1, psm: int = _PSM_AUTO
) -> TesserocrEngine | PytesseractEngine:
    """The in-process engine when tesserocr works here, else the program."""
    try:
        return TesserocrEngine(language=language, psm=psm)
    except EngineUnavailableError:
        log.info("tesserocr unavailable; using the tesseract program")
        return PytesseractEngine(language=language, psm=psm)
