"""Telling a prescription from a patient record by the words printed on it.

Each type has printed keywords with weights, each of its fields whose own
labels (``vocabulary.toml``, those the other type does not print) appear adds
evidence, and so do words of the values found anywhere (``by mouth``,
``immune``) and medicine lines with their strengths (a prescription's,
whatever its title and labels); a keyword counts once however often it
appears, and it is found fuzzily (``Dircctions`` counts as ``Directions``). A type wins when its
evidence is both enough on its own and clearly more than the other type's;
otherwise the document is ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from medreview.documents import DOCUMENT_TYPES, DocumentType
from medreview.model import OcrPage
from medreview.parsing.layout import compact, find_labels, page_lines
from medreview.parsing.vocabulary import vocabulary

KEYWORDS: dict[DocumentType, dict[str, float]] = {
    DocumentType.PRESCRIPTION: {
        "Directions": 3.0,
        "Refill": 3.0,
        "Refills": 3.0,
        "Rx": 1.0,
        "℞": 2.0,
        "Sig": 1.0,
        "DEA#": 2.0,
        "LIC #": 1.0,
        "PRN": 1.5,
        "times": 0.5,
        "Dispense": 1.0,
        "Substitution": 1.0,
        "tablet": 0.5,
        "mg": 0.5,
        "Prescription": 2.0,
    },
    DocumentType.PATIENT_DETAILS: {
        "Patient Medical Record": 4.0,
        "Patient Information": 3.0,
        "Birth Date": 2.0,
        "Date of Birth": 2.0,
        "Weight": 1.0,
        "Height": 1.0,
        "In Case of Emergency": 3.0,
        "General Medical History": 3.0,
        "Chicken Pox": 2.0,
        "Varicella": 1.0,
        "Measles": 2.0,
        "Hepatitis B": 2.0,
        "Insurance Company": 2.0,
        "Policy Number": 2.0,
        "Allergies": 1.5,
        "Medical insurance": 1.5,
        "Work Phone": 1.0,
        "Home Phone": 1.0,
        "Next of kin": 1.5,
        "Emergency": 1.0,
        "Vaccination": 1.0,
    },
}

# Words of a type's values, found anywhere in the text (whole words, any case), once each.
CONTENT: dict[DocumentType, dict[str, float]] = {
    DocumentType.PRESCRIPTION: {
        "tablet": 0.5,
        "tablets": 0.5,
        "capsule": 0.5,
        "by mouth": 1.0,
        "daily": 0.5,
        "twice a day": 0.5,
        "as needed": 0.5,
    },
    DocumentType.PATIENT_DETAILS: {
        "immune": 1.5,
        "vaccination": 1.0,
        "emergency": 1.0,
        "insurance": 1.0,
    },
}

# Evidence a type needs on its own, and how many times the other type's it must be.
MIN_EVIDENCE = 4.0
MIN_RATIO = 2.0
# Evidence at which the confidence saturates.
FULL_EVIDENCE = 9.0


# Each field of a type whose own labels (vocabulary.toml) are printed adds this much.
FIELD_LABEL_WEIGHT = 1.0
# Lines holding a medicine's strength ("500 mg", "2.5mg"): from this many on, a prescription's
# medicine lines, whatever the form calls them, add this much.
DOSE_LINES = 2
DOSE_WEIGHT = 2.0
STRENGTH = re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml)\b", re.IGNORECASE)


@cache
def _field_labels() -> dict[str, tuple[str, ...]]:
    """Per ``TYPE|field`` the vocabulary labels no other document type prints (built once)."""
    printed = {kind: vocabulary(kind).label_owners() for kind in DOCUMENT_TYPES}
    table: dict[str, tuple[str, ...]] = {}
    for kind in DOCUMENT_TYPES:
        others = {
            compact(label) for other in DOCUMENT_TYPES if other != kind for label in printed[other]
        }
        for item in vocabulary(kind).fields:
            own = tuple(label for label in item.labels if compact(label) not in others)
            if own:
                table[f"{kind.value}|field:{item.name}"] = own
    return table


def evidence(pages: Sequence[OcrPage]) -> dict[DocumentType, float]:
    """Weighted keyword evidence per document type, and the fields whose labels are printed."""
    lines = page_lines(pages)
    table: dict[str, tuple[str, ...]] = {
        f"{kind.value}|{word}": (word,) for kind, words in KEYWORDS.items() for word in words
    }
    table.update(_field_labels())
    seen = {m.key for m in find_labels(lines, table)}
    if any("℞" in w.text for p in pages for w in p.words):
        seen.add(f"{DocumentType.PRESCRIPTION.value}|℞")
    scores: dict[DocumentType, float] = {}
    for kind, words in KEYWORDS.items():
        found = (weight for word, weight in words.items() if f"{kind.value}|{word}" in seen)
        fields = sum(1 for key in seen if key.startswith(f"{kind.value}|field:"))
        scores[kind] = sum(found) + FIELD_LABEL_WEIGHT * fields
    text = " ".join(line.text for line in lines).lower()
    for kind, words in CONTENT.items():
        scores[kind] += sum(w for word, w in words.items() if re.search(rf"\b{word}\b", text))
    doses = sum(1 for line in lines if STRENGTH.search(line.text))
    if doses >= DOSE_LINES:
        scores[DocumentType.PRESCRIPTION] += DOSE_WEIGHT
    return scores


def classify(pages: Sequence[OcrPage]) -> tuple[DocumentType, float]:
    """The document type the pages look like and how sure that is (0 to 1)."""
    return verdict(evidence(pages))


def verdict(scores: dict[DocumentType, float]) -> tuple[DocumentType, float]:
    """The document type the :func:`evidence` points to and how sure that is (0 to 1)."""
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, other) = ranked[0], ranked[1]
    if top < MIN_EVIDENCE:  # too little of anything: surely neither type
        return DocumentType.UNKNOWN, round(1.0 - top / (2 * MIN_EVIDENCE), 3)
    if top < MIN_RATIO * other:  # evidence of both: a mixed or confusing page
        return DocumentType.UNKNOWN, 0.5
    confidence = (top / (top + other)) * min(1.0, top / FULL_EVIDENCE)
    return best, round(confidence, 3)
