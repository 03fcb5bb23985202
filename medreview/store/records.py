"""The immutable views of stored data that the store hands out.

Nothing here holds a session: records can cross threads (the review window's
workers) and processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from medreview.documents import fields_of
from medreview.model import ErrorInfo, ExtractionResult, FieldData
from medreview.sealing import FileSeal
from medreview.store.schema import Status


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A registered file: ``created`` is False when the batch already had its content."""

    id: int
    batch: str
    source_name: str
    sha256: str
    status: Status
    created: bool


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of a batch's document list (no field values)."""

    id: int
    source_name: str
    status: Status
    document_type: str | None
    claimed_by: str | None
    verified_by: str | None
    auto_verified: bool
    error_code: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything the review window shows for one document.

    ``result`` is what the pipeline read; ``edits`` are the analyst's final values,
    which win over it (:meth:`final_values`). ``image_paths[i]`` is page ``i`` as
    rendered (the pixel space of every bbox), ``prepared_paths[i]`` its
    preprocessed view when the pipeline wrote one. The scan and the images are
    sealed at rest: read them through ``seal``.
    """

    id: int
    batch: str
    status: Status
    document_type: str | None
    source_name: str
    source_path: Path
    sha256: str
    result: ExtractionResult
    image_paths: tuple[Path, ...]
    prepared_paths: tuple[Path | None, ...]
    seal: FileSeal = field(default_factory=lambda: FileSeal(None))
    edits: dict[str, FieldData] = field(default_factory=dict)
    claimed_by: str | None = None
    lease_expires_at: datetime | None = None
    error: ErrorInfo | None = None
    reject_reason: str | None = None
    auto_verified: bool = False
    verified_by: str | None = None
    verified_at: datetime | None = None
    exported_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # fields an analyst confirmed as read (Enter in the window)
    checked: frozenset[str] = frozenset()
    # double keying: the fields keyed blind (no OCR value shown), and when the two
    # keyings differed (``keying_conflict``) both keyings of every blind field
    blind_fields: frozenset[str] = frozenset()
    keying_conflict: bool = False
    keyings: dict[str, tuple[FieldData, FieldData]] = field(default_factory=dict)

    def final_value(self, name: str) -> FieldData:
        """The analyst's value if they set one, else what OCR read (None if absent)."""
        if name in self.edits:
            return self.edits[name]
        found = self.result.fields.get(name)
        return found.value if found is not None else None

    def final_values(self) -> dict[str, FieldData]:
        """Every field with a value, in the spec's order, then any extra fields."""
        names = [spec.name for spec in fields_of(self.document_type)]
        names += [n for n in [*self.result.fields, *self.edits] if n not in names]
        values = {name: self.final_value(name) for name in names}
        return {name: value for name, value in values.items() if not _is_empty(value)}

    def changed_fields(self) -> list[str]:
        """Fields whose final value differs from what OCR read."""
        return [
            name
            for name, value in self.edits.items()
            if value != (self.result.fields[name].value if name in self.result.fields else None)
        ]


def _is_empty(value: FieldData) -> bool:
    return value is None or value == ""


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """A batch and how many of its documents are in each status."""

    id: int
    name: str
    created_at: datetime
    auto_verify_confidence: float | None
    counts: dict[Status, int]
    double_key_fields: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Documents in the batch."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user and their role."""

    id: int
    name: str
    role: str
