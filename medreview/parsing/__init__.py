"""Turning OCR words into the fields of a document type.

``parse_fields`` picks the document type's :class:`FieldParser` and returns a
:class:`ParseOutcome`; ``classify`` tells the document type from the text.
Everything here is pure (no I/O, no Qt) and works on
:class:`~medreview.model.OcrPage` objects from any engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import OcrPage
from medreview.parsing.base import FieldParser, ParseOutcome
from medreview.parsing.classify import classify
from medreview.parsing.patient_details import PatientDetailsParser
from medreview.parsing.prescription import PrescriptionParser

__all__ = [
    "FieldParser",
    "ParseOutcome",
    "classify",
    "get_parser",
    "parse_fields",
]

_PARSERS: dict[DocumentType, FieldParser] = {
    DocumentType.PRESCRIPTION: PrescriptionParser(),
    DocumentType.PATIENT_DETAILS: PatientDetailsParser(),
}


def get_parser(document_type: DocumentType) -> FieldParser | None:
    """The parser of a document type, ``None`` for ``unknown``."""
    return _PARSERS.get(DocumentType(document_type))


def parse_fields(
    document_type: DocumentType, pages: Sequence[OcrPage], config: PipelineConfig
) -> ParseOutcome:
    """Every field of ``document_type`` the pages show, canonical, with its evidence.

    An unknown document type gives no fields and a warning.
    """
    parser = get_parser(document_type)
    if parser is None:
        return ParseOutcome(warnings=["document: type unknown, no fields read"])
    return parser.parse(pages, config)
