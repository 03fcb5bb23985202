"""PP-OCRv6 (small) through RapidOCR and onnxruntime: the default engine.

The detection and recognition models ship inside the ``rapidocr`` wheel
(``rapidocr/models/PP-OCRv6_{det,rec}_small.onnx``, Apache-2.0). This module
always hands RapidOCR explicit model paths, so RapidOCR never resolves a model
by language or version itself, which is the code path that downloads. Any
setting that would lead there (a model folder without the files, another model
type or version, a language the shipped model does not read, the text-line
classifier without its model) is refused with :class:`ModelDownloadRefusedError`
naming the setting.

RapidOCR reads text lines; with ``return_word_box`` it also splits each line
into words with their own boxes and scores. A line whose word split does not
match its text is split here in proportion to character positions instead.

A line much taller than wide is text printed turned a quarter turn (a label up the
side of a box, a table's upright heading). RapidOCR turns such a line a quarter
turn counter-clockwise before reading it, right for text reading downwards; text
reading upwards, the more common, then lies upside down and reads as noise. Each
such line is read again turned the other way, and the better read is kept
(:func:`turned_rereads`; the 0/180 line classifier would do this for every line).

Two defaults of RapidOCR are traps for document pages: it enlarges small images
and line crops (``Det.limit_type=min``), which breaks them apart, and it reads
with as many threads as there are cores, which makes worker processes fight.
Both are set here: detection only ever shrinks, to at most :data:`MAX_SIDE`
pixels, and onnxruntime gets ``threads`` threads (1 by default; the pipeline
parallelises across processes).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from medreview.errors import EngineError, EngineUnavailableError
from medreview.model import BBox, OcrPage, Word
from medreview.ocr import GrayImage

log = logging.getLogger(__name__)

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
# Where a frozen build (or an administrator) keeps the two model files instead of the wheel.
MODELS_ENV = "MEDREVIEW_PPOCR_MODELS"
# Pages are shrunk so their longer side is at most this before detection and recognition:
# about 145 dpi for a Letter page, plenty for PP-OCR and 2-3x faster than 300 dpi.
MAX_SIDE = 1600

# RapidOCR turns a line crop this much taller than wide a quarter turn before reading it.
TURNED_LINE = 1.5
# Pixels of margin kept round a turned line when it is cut out to be read again.
TURNED_MARGIN = 4
# A turned read holds at least this many letters: a tall narrow glyph ("1", "I") read
# sideways is a dash, no word.
TURNED_LETTERS = 3

# Tesseract language codes (what ``--language`` takes) that the shipped multilingual
# PP-OCRv6 small model reads, with RapidOCR's code for each.
LANGUAGES: dict[str, str] = {
    "eng": "en",
    "deu": "de",
    "fra": "fr",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "nld": "nl",
    "dan": "da",
    "swe": "sv",
    "nor": "no",
    "fin": "fi",
    "pol": "pl",
    "ces": "cs",
    "ron": "ro",
    "hun": "hu",
    "tur": "tr",
}

# RapidOCR settings this module owns; an override of one of these could make
# RapidOCR choose (and download) a model, so overrides may not touch them.
_MODEL_CHOICE = re.compile(
    r"^(Det|Rec|Cls)\.(lang_type|model_type|ocr_version|engine_type|model_dir|rec_keys_path)$"
    r"|^Global\.model_root_dir$"
)
_MODEL_PATHS = ("Det.model_path", "Rec.model_path", "Cls.model_path")


class ModelDownloadRefusedError(EngineUnavailableError):
    """A PP-OCR setting that would make RapidOCR fetch a model from the network."""


def wheel_models() -> Path:
    """The ``models`` folder of the installed ``rapidocr`` wheel."""
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def model_folder() -> tuple[Path, str]:
    """Where the models are and the setting that chose it (for error messages)."""
    configured = os.environ.get(MODELS_ENV)
    if configured:
        return Path(configured), MODELS_ENV
    return wheel_models(), "the rapidocr wheel"


def build_params(
    language: str,
    threads: int,
    *,
    max_side: int = MAX_SIDE,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """RapidOCR's parameters for offline reading, or a typed error naming the bad setting."""
    if language not in LANGUAGES:
        raise ModelDownloadRefusedError(
            f"language {language!r}: the shipped PP-OCRv6 model does not read it and "
            f"another model would have to be downloaded; choose one of "
            f"{', '.join(sorted(LANGUAGES))} or --engine tesseract"
        )
    if threads < 1:
        raise EngineUnavailableError(f"ocr threads must be at least 1, not {threads}")
    folder, origin = model_folder()
    params: dict[str, Any] = {
        "Global.log_level": "error",
        "Global.use_cls": False,  # pages are turned upright before reading
        "Global.text_score": 0.0,  # keep every line: the parser and reviewer judge scores
        "Global.max_side_len": max_side,
        "Global.min_side_len": 30,
        "Global.return_word_box": True,
        "Det.limit_type": "max",
        "Det.limit_side_len": max_side,
        "Det.lang_type": LANGUAGES[language],
        "Rec.lang_type": LANGUAGES[language],
        "Det.model_path": str(folder / DET_MODEL),
        "Rec.model_path": str(folder / REC_MODEL),
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }
    for key, value in (overrides or {}).items():
        if _MODEL_CHOICE.match(key):
            raise ModelDownloadRefusedError(
                f"PP-OCR setting {key}: choosing a model by name may download it; "
                f"put the model files in {MODELS_ENV} instead"
            )
        params[key] = value
    if params.get("Global.use_cls") and not params.get("Cls.model_path"):
        raise ModelDownloadRefusedError(
            "PP-OCR setting Global.use_cls: the text-line classifier has no model path "
            "and would be downloaded; set Cls.model_path to a local file"
        )
    for key in _MODEL_PATHS:
        value = params.get(key)
        if value is not None and not Path(value).is_file():
            setting = key if key in (overrides or {}) else origin
            raise ModelDownloadRefusedError(
                f"PP-OCR model {Path(value).name} not found in {setting}; "
                "medreview never downloads models (reinstall rapidocr or fix the setting)"
            )
    return params


def _box(points: Any) -> BBox:
    """The axis-aligned box of a quadrilateral of ``[x, y]`` points."""
    array = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return BBox(
        int(np.floor(array[:, 0].min())),
        int(np.floor(array[:, 1].min())),
        int(np.ceil(array[:, 0].max())),
        int(np.ceil(array[:, 1].max())),
    )


def split_line(text: str, score: float, box: BBox) -> list[tuple[str, float, BBox]]:
    """Words of a line with boxes in proportion to their character positions."""
    length = max(1, len(text))
    pieces = []
    for match in re.finditer(r"\S+", text):
        x0 = box.x0 + round(box.width * match.start() / length)
        x1 = box.x0 + round(box.width * match.end() / length)
        pieces.append((match.group(), score, BBox(x0, box.y0, max(x1, x0 + 1), box.y1)))
    return pieces


def line_words(
    text: str, score: float, box: BBox, word_results: Sequence[Any] | None
) -> list[tuple[str, float, BBox]]:
    """The words of one line: RapidOCR's own split when it matches the text, else ours."""
    expected = text.split()
    if word_results:
        try:
            found = [(str(t).strip(), float(s), b) for t, s, b in word_results if b is not None]
            if [t for t, _, _ in found] == expected:
                return [(t, s, _box(b)) for t, s, b in found]
            finer = len(found) > len(expected) and all(t for t, _, _ in found)
            if finer and (joined := _rejoined(expected, found, box)) is not None:
                return joined
        except (TypeError, ValueError):
            pass  # not the (text, score, box) triples of a word split: split it here
    return split_line(text, score, box)


def _rejoined(
    expected: Sequence[str], found: Sequence[tuple[str, float, Any]], line: BBox
) -> list[tuple[str, float, BBox]] | None:
    """The line's words from a split finer than its text, where the split saw them.

    The text may run two words together that the split keeps apart ("vaccine?Yes", where a
    check box stood between): they stay apart. A word the split cut inside ("IM M UNE",
    a ring drawn through it) is one word again, over its pieces' boxes. ``None`` when the
    pieces do not spell the text's words one by one, or a piece strays off the line's box.
    """
    boxed = [(t, s, _box(b)) for t, s, b in found]
    slack = line.height // 2
    if any(b.x0 < line.x0 - slack or b.x1 > line.x1 + slack for _, _, b in boxed):
        return None
    words: list[tuple[str, float, BBox]] = []
    pieces = iter(boxed)
    for token in expected:
        spelled = ""
        group: list[tuple[str, float, BBox]] = []
        while spelled != token:
            piece = next(pieces, None)
            if piece is None or not token.startswith(spelled + piece[0]):
                return None
            spelled += piece[0]
            text, score, box = piece
            if group and not _word_break(group[-1][0], text):
                last = group.pop()
                text, score, box = last[0] + text, min(last[1], score), BBox.union([last[2], box])
            group.append((text, score, box))
        words.extend(group)
    return words if next(pieces, None) is None else None


def _word_break(before: str, after: str) -> bool:
    """Whether two pieces of one run-together word are two words ("vaccine?" + "Yes")."""
    a, b = before[-1], after[0]
    return not (a.isalnum() and b.isalnum()) or (a.islower() and b.isupper())


def fold_accents(text: str) -> str:
    """Latin letters without their accents (``Statés`` -> ``States``).

    The shipped model reads many Latin-script languages and now and then puts an
    accent on an English word; for English pages the accents are dropped, as
    Tesseract's English model never produces them.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def turned_rereads(output: Any, image: GrayImage, read: Any) -> dict[int, tuple[str, float]]:
    """Lines printed turned a quarter turn, read again turned clockwise, where that reads better.

    ``read`` reads one upright crop (recognition only) and returns ``(text, score)``. Keyed
    by the line's index in ``output``.
    """
    boxes = getattr(output, "boxes", None)
    texts = getattr(output, "txts", None)
    if boxes is None or texts is None:
        return {}
    scores = output.scores or ()
    better: dict[int, tuple[str, float]] = {}
    for line, (points, score) in enumerate(zip(boxes, scores, strict=False)):
        box = _box(points)
        if box.height < TURNED_LINE * max(1, box.width):
            continue
        crop = image[
            max(0, box.y0 - TURNED_MARGIN) : box.y1 + TURNED_MARGIN,
            max(0, box.x0 - TURNED_MARGIN) : box.x1 + TURNED_MARGIN,
        ]
        if crop.size == 0:
            continue
        text, again = read(np.ascontiguousarray(np.rot90(crop, k=-1)))
        if sum(c.isalpha() for c in text) >= TURNED_LETTERS and again > float(score):
            better[line] = (text, again)
    return better


def words_from_output(
    output: Any,
    page_index: int,
    *,
    ascii_letters: bool = False,
    reread: Mapping[int, tuple[str, float]] | None = None,
) -> list[Word]:
    """:class:`Word` objects from a ``RapidOCROutput``; one line number per text line.

    ``ascii_letters`` folds accented letters to plain ones (English pages). ``reread`` gives
    lines read again (turned lines, :func:`turned_rereads`): their text and score replace
    RapidOCR's, split here.
    """
    boxes = getattr(output, "boxes", None)
    texts = getattr(output, "txts", None)
    if boxes is None or texts is None:
        return []
    scores = list(output.scores or ())
    texts = list(texts)
    for line, (text, score) in (reread or {}).items():
        texts[line], scores[line] = text, score
    details = output.word_results or ()
    # RapidOCR drops empty word splits, so its word list lines up only when complete.
    aligned = len(details) == len(texts)
    words: list[Word] = []
    for line, (points, text, score) in enumerate(zip(boxes, texts, scores, strict=False)):
        split = details[line] if aligned and line not in (reread or {}) else None
        line_text = fold_accents(str(text)) if ascii_letters else str(text)
        if split is not None and ascii_letters:
            try:
                split = [(fold_accents(str(t)), s, b) for t, s, b in split]
            except (TypeError, ValueError):
                split = None  # not a word split: line_words splits the line itself
        for piece, confidence, bbox in line_words(line_text, float(score), _box(points), split):
            words.append(
                Word(
                    text=piece,
                    confidence=max(0.0, min(1.0, confidence)),
                    bbox=bbox,
                    page=page_index,
                    block=line,
                    line=line,
                )
            )
    return words


class PpocrEngine:
    """PP-OCRv6 small via RapidOCR: one model pair per process, loaded once."""

    name = "ppocr"

    def __init__(
        self,
        language: str = "eng",
        threads: int = 1,
        *,
        max_side: int = MAX_SIDE,
        overrides: Mapping[str, Any] | None = None,
    ) -> None:
        params = build_params(language, threads, max_side=max_side, overrides=overrides)
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EngineUnavailableError(
                "PP-OCR needs the rapidocr and onnxruntime packages; run scripts/setup.sh"
            ) from exc
        self._language = language
        self._osd: Any = None
        self._lock = threading.Lock()
        self._ocr: Any = None
        try:
            ocr: Any = RapidOCR(params=params)
            # load both models now, not during the first page (RapidOCR loads lazily)
            for loader in ("_load_det_model", "_load_rec_model"):
                getattr(ocr, loader, lambda: None)()
            self._ocr = ocr
        except (OSError, ValueError, RuntimeError) as exc:
            raise EngineUnavailableError(
                f"PP-OCR models could not be loaded ({type(exc).__name__})"
            ) from exc

    def version(self) -> str:
        """``ppocr PP-OCRv6-small (rapidocr X.Y.Z)``."""
        from importlib.metadata import version

        return f"ppocr PP-OCRv6-small (rapidocr {version('rapidocr')})"

    def recognize(self, image: GrayImage, page_index: int) -> OcrPage:
        """Read every text line of a page image and split it into words."""
        height, width = image.shape[:2]
        try:
            with self._lock:  # one RapidOCR object is not safe to share across threads
                output = self._ocr(
                    np.ascontiguousarray(image), use_det=True, use_rec=True, return_word_box=True
                )
                reread = turned_rereads(output, image, self._read_crop)
        except Exception as exc:  # onnxruntime raises its own exception types
            raise EngineError(f"PP-OCR failed on page {page_index + 1}") from exc
        words = words_from_output(
            output, page_index, ascii_letters=self._language == "eng", reread=reread
        )
        return OcrPage(page_index, width, height, tuple(words), self.version())

    def _read_crop(self, crop: GrayImage) -> tuple[str, float]:
        """One upright line crop read by the recognition model alone (under the lock)."""
        output = self._ocr(crop, use_det=False, use_rec=True, return_word_box=False)
        texts, scores = getattr(output, "txts", None) or (), getattr(output, "scores", ()) or ()
        if not texts or not scores:
            return "", 0.0
        return str(texts[0]), float(scores[0])

    def detect_rotation(self, image: GrayImage) -> int:
        """Clockwise degrees to turn the page upright, by Tesseract's OSD.

        PP-OCR has only a 0/180 text-line classifier; Tesseract's orientation
        detection sees whole pages, and runs in its own process.
        """
        if self._osd is None:
            from medreview.ocr.tesseract import PytesseractEngine

            self._osd = PytesseractEngine(self._language)
        turn: int = self._osd.detect_rotation(image)
        return turn
