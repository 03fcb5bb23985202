"""Reading a document whose type is not given: the printed words' verdict, checked by reading.

:func:`~medreview.parsing.classify.classify` weighs the words a form prints. A form of an
unfamiliar clinic can print the other type's words: a prescription pad asking for the
patient's birth date, weight, allergies and insurance looks like a record to it. What a
document *holds* settles it: read as its true type it yields most of that type's own fields
(a prescription's medicines, directions, prescriber and refills; a record's phones, measures,
immunities, insurance and lists), read as the other type only a few. So when the printed words
are not decisive, or the reading as their favourite finds little of that type's own fields, the
document is read as both types, and the reading that found the larger share of its type's own
fields wins when it is clearly larger. The fields both types share (who the patient is, where
they live, the dates) say nothing of the type and are left out of the share. A page that prints
not one word of a type is never read as that type against the printed words' verdict: a
questionnaire's ticked answers can pass for a short list of medicines, a dentist in the
letterhead for a prescriber.
"""

from __future__ import annotations

from collections.abc import Sequence

from medreview.config import PipelineConfig
from medreview.documents import DOCUMENT_TYPES, FIELDS, DocumentType
from medreview.model import OcrPage
from medreview.parsing.classify import MIN_EVIDENCE, evidence, verdict
from medreview.parsing.page import GrayImage
from medreview.parsing.reader import ParseOutcome, read_document

# Fields any document about a patient may show, whatever its type.
SHARED_FIELDS = frozenset(
    {"patient_name", "patient_address", "address", "birth_date", "date", "record_date"}
)
# Below this much evidence for either type the page is no document of ours: nothing is read.
NO_DOCUMENT = MIN_EVIDENCE / 2
# A reading that found at least this share of its type's own fields confirms the classifier.
CONFIRMED_SHARE = 0.5
# The share a reading needs to name the type itself, and how many times the other's.
MIN_SHARE = 0.2
SHARE_RATIO = 1.5
# The printed evidence a type needs before its reading may overturn the printed words' verdict,
# and at least this share of the evidence for the type they name (a record's fifteen labels
# against one drug word is no prescription, whatever its readings found).
OVERTURN_EVIDENCE = 1.0
OVERTURN_SHARE = 0.2
UNRECOGNISED = "document type not recognised; no fields extracted"


def own_fields(document_type: DocumentType) -> tuple[str, ...]:
    """The fields only ``document_type`` has: what its reading shows of the type."""
    return tuple(spec.name for spec in FIELDS[document_type] if spec.name not in SHARED_FIELDS)


def own_share(document_type: DocumentType, outcome: ParseOutcome) -> float:
    """The confidence-weighted share of the type's own fields a reading found (0 to 1)."""
    names = own_fields(document_type)
    found = sum(outcome.fields[name].confidence for name in names if name in outcome.fields)
    return found / len(names)


def read_any_type(
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None = None,
) -> tuple[DocumentType, ParseOutcome]:
    """The document's type and its fields read as that type (``UNKNOWN``: no fields)."""
    unknown = ParseOutcome(warnings=[UNRECOGNISED])
    scores = evidence(pages)
    if max(scores.values(), default=0.0) < NO_DOCUMENT:
        return DocumentType.UNKNOWN, unknown
    printed, _confidence = verdict(scores)
    readings: dict[DocumentType, ParseOutcome] = {}
    if printed is not DocumentType.UNKNOWN:
        readings[printed] = read_document(printed, pages, config, images)
        if own_share(printed, readings[printed]) >= CONFIRMED_SHARE:
            return printed, readings[printed]
    for kind in DOCUMENT_TYPES:
        if kind not in readings:
            readings[kind] = read_document(kind, pages, config, images)
    shares = {kind: own_share(kind, outcome) for kind, outcome in readings.items()}
    best, runner_up = sorted(DOCUMENT_TYPES, key=shares.__getitem__, reverse=True)
    printed_some = best is printed or (
        scores[best] >= OVERTURN_EVIDENCE
        and (printed is DocumentType.UNKNOWN or scores[best] >= OVERTURN_SHARE * scores[printed])
    )
    if (
        printed_some
        and shares[best] >= MIN_SHARE
        and shares[best] >= SHARE_RATIO * shares[runner_up]
    ):
        return best, readings[best]
    if printed is DocumentType.UNKNOWN:
        return printed, unknown
    return printed, readings[printed]
