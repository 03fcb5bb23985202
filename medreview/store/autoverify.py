"""Straight-through processing: may a document skip review?

A document qualifies when its type is known, every field the type requires is
present with at least the batch's confidence, no field's second reading disagrees
(:mod:`medreview.second_reader`) and no field fails validation
(:func:`medreview.validation.validate_document`, cross-field checks included).
The reasons returned name fields and rules only, never values.
"""

from __future__ import annotations

from medreview.documents import fields_of
from medreview.model import ExtractionResult


def auto_verify_failures(result: ExtractionResult, threshold: float) -> list[str]:
    """Why ``result`` cannot be verified automatically; empty when it can."""
    # Imported here: validation pulls in the parsers, which the store needs only now.
    from medreview.validation import validate_document

    specs = fields_of(result.document_type)
    if result.error is not None or not specs:
        return ["document type unknown or not read"]
    failures: list[str] = []
    for spec in specs:
        if not spec.required:
            continue
        found = result.fields.get(spec.name)
        if found is None or found.value in (None, "", []):
            failures.append(f"{spec.name}: missing")
        elif found.confidence < threshold:
            failures.append(f"{spec.name}: confidence below {threshold:.2f}")
    failures.extend(
        f"{name}: the second reader disagrees"
        for name, found in result.fields.items()
        if found.agreement is False
    )
    problems = validate_document(result.document_type or "", result.values())
    failures.extend(f"{name}: fails validation" for name in problems)
    return failures
