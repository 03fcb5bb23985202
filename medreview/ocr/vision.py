"""Google Cloud Vision: document text detection, opt-in only.

Pages sent to Vision leave the machine, so the engine is off unless the setting
``MEDREVIEW_ENABLE_VISION=1`` turns it on (the review window then shows that it
is on). It needs Google credentials (``GOOGLE_APPLICATION_CREDENTIALS`` naming a
service-account key file, or ``gcloud auth application-default login``); without
them it fails at once, before any network call, saying how to configure it.
Pages are sent as PNG; words come back with their symbols' text, the word
confidence and a polygon we reduce to a box. Vision corrects orientation
itself, so :meth:`detect_rotation` answers 0.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import cv2

from medreview.errors import EngineError, EngineUnavailableError
from medreview.model import BBox, OcrPage, Word
from medreview.ocr import GrayImage

_TIMEOUT_SECONDS = 30.0
ENABLE_ENV = "MEDREVIEW_ENABLE_VISION"
CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS"
_HOW_TO = (
    f"set {CREDENTIALS_ENV} to a service-account key file, or run "
    "'gcloud auth application-default login'"
)


def enabled() -> bool:
    """Whether the setting allows pages to be sent to Google Cloud Vision."""
    return os.environ.get(ENABLE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def credentials_file() -> Path | None:
    """The credentials file Google's client would use, if one exists here."""
    named = os.environ.get(CREDENTIALS_ENV)
    if named:
        return Path(named) if Path(named).is_file() else None
    config = Path(os.environ.get("CLOUDSDK_CONFIG", Path.home() / ".config" / "gcloud"))
    default = config / "application_default_credentials.json"
    return default if default.is_file() else None


def words_from_annotation(annotation: Any, page_index: int) -> list[Word]:
    """Flatten a Vision ``TextAnnotation`` into words with line numbers.

    Vision has no line ids; a paragraph is the closest unit, so lines number
    paragraphs in reading order and the layout stage regroups words visually.
    """
    words: list[Word] = []
    line = 0
    for page in annotation.pages[:1]:
        for block_index, block in enumerate(page.blocks):
            for paragraph in block.paragraphs:
                for word in paragraph.words:
                    text = "".join(symbol.text for symbol in word.symbols).strip()
                    vertices = word.bounding_box.vertices
                    if not text or not vertices:
                        continue
                    xs = [v.x for v in vertices]
                    ys = [v.y for v in vertices]
                    words.append(
                        Word(
                            text=text,
                            confidence=float(word.confidence),
                            bbox=BBox(min(xs), min(ys), max(xs), max(ys)),
                            page=page_index,
                            block=block_index,
                            line=line,
                        )
                    )
                line += 1
    return words


class VisionEngine:
    """Google Cloud Vision ``document_text_detection``."""

    name = "vision"

    def __init__(self, language: str = "eng", threads: int = 1, client: Any | None = None) -> None:
        if not enabled():
            raise EngineUnavailableError(
                "Google Cloud Vision is off: it sends pages off this machine; "
                f"set {ENABLE_ENV}=1 to allow it, and {_HOW_TO}"
            )
        if client is None and credentials_file() is None:
            raise EngineUnavailableError(f"Google Cloud Vision needs credentials: {_HOW_TO}")
        try:
            from google.cloud import vision
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EngineUnavailableError("google-cloud-vision is not installed") from exc
        self._vision: Any = vision
        self._language_hints = ["en"] if language == "eng" else []
        if client is None:
            from google.auth import exceptions as auth_errors

            try:
                client = vision.ImageAnnotatorClient()
            except auth_errors.DefaultCredentialsError:
                raise EngineUnavailableError(
                    f"Google Cloud Vision could not use its credentials: {_HOW_TO}"
                ) from None
        self._client = client

    def version(self) -> str:
        """The client library's version."""
        from google.cloud import vision_v1

        return f"vision {getattr(vision_v1, '__version__', '')}".strip()

    def recognize(self, image: GrayImage, page_index: int) -> OcrPage:
        """Send the page to Vision and read its words."""
        ok, encoded = cv2.imencode(".png", image)
        if not ok:
            raise EngineError(f"page {page_index + 1} could not be encoded for Vision")
        request = self._vision.Image(content=encoded.tobytes())
        context = self._vision.ImageContext(language_hints=self._language_hints)
        try:
            response = self._client.document_text_detection(
                image=request, image_context=context, timeout=_TIMEOUT_SECONDS, retry=None
            )
        except Exception as exc:  # the client raises many transport errors
            raise EngineError(
                f"Google Cloud Vision failed on page {page_index + 1} ({type(exc).__name__})"
            ) from exc
        if response.error.message:
            raise EngineError(
                f"Google Cloud Vision refused page {page_index + 1} (code {response.error.code})"
            )
        height, width = image.shape[:2]
        words = words_from_annotation(response.full_text_annotation, page_index)
        return OcrPage(page_index, width, height, tuple(words), self.version())

    def detect_rotation(self, image: GrayImage) -> int:
        """Vision reads any orientation itself."""
        return 0
