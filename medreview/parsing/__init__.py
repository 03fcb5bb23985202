"""Turning OCR words into the fields of a document type.

``parse_fields`` reads any layout of a document type with the layout-independent
reader (:mod:`medreview.parsing.reader`, ADR 008); ``classify`` tells the
document type from the text. Everything here is pure (no I/O, no Qt) and works
on :class:`~medreview.model.OcrPage` objects from any engine, with the page
images when there are any.
"""

from __future__ import annotations

from collections.abc import Sequence

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import OcrPage
from medreview.parsing.classify import classify
from medreview.parsing.doctype import UNRECOGNISED, read_any_type
from medreview.parsing.page import GrayImage
from medreview.parsing.reader import ParseOutcome, read_document

__all__ = [
    "UNRECOGNISED",
    "GrayImage",
    "ParseOutcome",
    "classify",
    "parse_fields",
    "read_any_type",
]


def parse_fields(
    document_type: DocumentType,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None = None,
) -> ParseOutcome:
    """Every field of ``document_type`` the pages show, canonical, with its evidence.

    ``images`` are the pages' gray images (uint8, upright, in the pixel space
    of the word boxes), in page order; with them check boxes, circled choices
    and ruled cells are read from the image, without them from the words only.
    An unknown document type gives no fields and a warning.
    """
    if DocumentType(document_type) is DocumentType.UNKNOWN:
        return ParseOutcome(warnings=["document: type unknown, no fields read"])
    return read_document(DocumentType(document_type), pages, config, images)
