"""The layout-independent reader: typed candidates, label anchors, relations, one assignment.

For every field of a document type (:mod:`medreview.parsing.vocabulary`) the
reader gathers candidates:

* at each of its labels: the words right of it, beside it on a tilted line,
  below it in its column, inside the ruled cell that holds it, running on over
  the following lines for multi-line values;
* where a value sits with no label: unlabelled lines of the field's type under
  its section heading (by order), alone at the top right of page 1, the
  letterhead, the name signed above ``Signature``, the block of lines between
  the labelled rows, a printed row of choices.

Each candidate is coerced by its value type (:mod:`medreview.parsing.values`)
and scored by type validity, label match, relation, distance and section; the
best consistent set is kept (a word serves one field) and each field's
confidence comes from its score and its margin over the runner-up.

The reader's parts, each over the ones before it: the page it reads
(:mod:`~medreview.parsing.page`: lines, anchors, sections), the ruled cells and
columns (:mod:`~medreview.parsing.cells`), the lists and medicine blocks
(:mod:`~medreview.parsing.lists`), the candidates at labels
(:mod:`~medreview.parsing.labelled`), a person's details away from their labels
(:mod:`~medreview.parsing.people`) and the values with no label
(:mod:`~medreview.parsing.unlabelled`). Here every source runs
(``GENERATORS``) and one assignment keeps the best consistent set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from medreview.config import PipelineConfig
from medreview.documents import FIELDS, DocumentType
from medreview.model import FieldResult, OcrPage
from medreview.parsing.attempts import attempt_candidates
from medreview.parsing.coded import coded_candidates
from medreview.parsing.labelled import (
    before_label_candidates,
    cells_run_on,
    label_candidates,
)
from medreview.parsing.page import Candidate, GrayImage, Relation, build_page, word_key
from medreview.parsing.people import matrix_candidates, parts_candidates, role_candidates
from medreview.parsing.unlabelled import (
    anywhere_candidates,
    block_candidates,
    card_candidates,
    corner_candidates,
    header_candidates,
    listed_candidates,
    mailing_candidates,
    row_candidates,
    section_candidates,
    signed_candidates,
    stamp_candidates,
    sticker_candidates,
    ticked_candidates,
    unit_candidates,
)

__all__ = ["GrayImage", "ParseOutcome", "assign", "build_page", "read_document"]


# Candidates below this score are not kept at all.
MIN_SCORE = 0.3


@dataclass(slots=True)
class ParseOutcome:
    """The fields read from a document and what went wrong (field and problem only)."""

    fields: dict[str, FieldResult] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


GENERATORS = (
    label_candidates,
    coded_candidates,
    attempt_candidates,
    before_label_candidates,
    role_candidates,
    matrix_candidates,
    parts_candidates,
    section_candidates,
    corner_candidates,
    header_candidates,
    ticked_candidates,
    signed_candidates,
    stamp_candidates,
    sticker_candidates,
    card_candidates,
    mailing_candidates,
    listed_candidates,
    block_candidates,
    row_candidates,
    unit_candidates,
    anywhere_candidates,
)


def assign(candidates: Sequence[Candidate]) -> dict[str, tuple[Candidate, float]]:
    """One consistent choice: best scores first, a word serving one field, one value a field.

    Returns each chosen candidate with its margin over the field's best
    candidate of another value (1 when there is none). Of a field's candidates scored alike,
    one holding another's words and more goes first (a cell's two lines over the first line
    alone, a list's rows over its first); otherwise the first proposed goes first.
    """
    extends = _extensions(candidates)
    ranked = sorted(
        candidates, key=lambda c: (round(c.score, 9), extends.get(id(c), 0)), reverse=True
    )
    used: set[tuple[int, int, int, int, int]] = set()
    chosen: dict[str, tuple[Candidate, float]] = {}
    for candidate in ranked:
        if candidate.field in chosen or candidate.score < MIN_SCORE:
            continue
        ids = {word_key(w) for w in candidate.words}
        if ids & used:
            continue
        rivals = [
            c.score
            for c in ranked
            if c.field == candidate.field and c.value != candidate.value and c is not candidate
        ]
        runner_up = max(rivals, default=0.0)
        margin = (candidate.score - runner_up) / candidate.score if candidate.score else 0.0
        chosen[candidate.field] = (candidate, max(0.0, margin))
        used |= ids
    return chosen


WordKey = tuple[int, int, int, int, int]


def _extensions(candidates: Sequence[Candidate]) -> dict[int, int]:
    """Per candidate (by id): how many of its field's candidates scored alike it completes.

    One completes another when it holds all of the other's words and more, and the other is
    a street alone (no town, no ZIP code): a cell's two lines over the label's line alone; or
    a list whose entries begin the other's (the rows by the ℞ over the first row alone under
    a heading; ``No Pollen`` is no more of ``Pollen``). A name or a diagnosis under a whole
    address is no more of it.
    """
    groups: dict[tuple[str, float], list[tuple[Candidate, frozenset[WordKey]]]] = {}
    for candidate in candidates:
        words = frozenset(word_key(w) for w in candidate.words)
        groups.setdefault((candidate.field, round(candidate.score, 9)), []).append(
            (candidate, words)
        )
    counts: dict[int, int] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        for candidate, words in group:
            counts[id(candidate)] = sum(
                1 for other, part in group if part < words and _begins(other, candidate)
            )
    return counts


def _begins(part: Candidate, whole: Candidate) -> bool:
    """Whether one value may be the start of another: a street alone, a list's first entries."""
    if _street_alone(part.field, part.value):
        return True
    shorter, longer = part.value, whole.value
    return (
        isinstance(shorter, list)
        and isinstance(longer, list)
        and 0 < len(shorter) < len(longer)
        and longer[: len(shorter)] == shorter
    )


def _street_alone(field: str, value: object) -> bool:
    """Whether a value is an address's first line alone ("PO Box 96219", "5894 Juniper Dr")."""
    if not field.endswith("address") or not isinstance(value, str):
        return False
    return "," not in value and STATE_ZIP.search(value) is None


# A state and its ZIP code closing an address ("WA 98109"); a PO box's number is no ZIP.
STATE_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")


def read_document(
    document_type: DocumentType,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None = None,
) -> ParseOutcome:
    """Every field of ``document_type`` the pages show, canonical, with its evidence."""
    outcome = ParseOutcome()
    specs = FIELDS[document_type]
    if not any(p.words for p in pages):
        outcome.warnings.extend(f"{s.name}: required field not found" for s in specs if s.required)
        return outcome
    doc = build_page(document_type, pages, config, images)
    candidates: list[Candidate] = []
    for spec in specs:
        item = doc.vocab.field(spec.name)
        for generate in GENERATORS:
            candidates.extend(generate(doc, spec, item))
    # a tear-off reminder's date, provider and telephone are the reminder's, not the document's
    candidates = [c for c in candidates if not c.words or not all(map(doc.on_stub, c.words))]
    candidates = cells_run_on(candidates, Relation.BLOCK)
    for name, (original, margin) in assign(candidates).items():
        if original.value is None:
            continue  # the field's place on the form is found blank: it stays absent
        candidate = original
        strength = candidate.score * (0.85 + 0.15 * min(1.0, 2.0 * margin))
        evidence = original.words or original.label_words
        outcome.fields[name] = FieldResult.from_words(
            original.value, evidence, rule_strength=min(1.0, strength / 0.95)
        )
    for spec in specs:
        if spec.name not in outcome.fields and spec.required:
            outcome.warnings.append(f"{spec.name}: required field not found")
    return outcome
