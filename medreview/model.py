"""The data that flows through the pipeline: words, pages, fields and results.

Everything here is a plain, picklable dataclass so it can cross process
boundaries, be stored and be serialised to the ``medreview extract`` JSON
contract (``shared/spec/documents.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

FieldScalar: TypeAlias = str | int | float
FieldData: TypeAlias = FieldScalar | list[str] | None


@dataclass(frozen=True, slots=True)
class BBox:
    """An axis-aligned box ``[x0, y0, x1, y1]`` in a page's pixel space."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        """Width in pixels."""
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        """Height in pixels."""
        return self.y1 - self.y0

    @property
    def center_y(self) -> float:
        """Vertical centre, used to group words into lines."""
        return (self.y0 + self.y1) / 2

    def as_list(self) -> list[int]:
        """The contract's ``[x0, y0, x1, y1]`` form."""
        return [self.x0, self.y0, self.x1, self.y1]

    @classmethod
    def union(cls, boxes: Iterable[BBox]) -> BBox:
        """The smallest box holding every box given (at least one)."""
        items = list(boxes)
        if not items:
            raise ValueError("union of no boxes")
        return cls(
            min(b.x0 for b in items),
            min(b.y0 for b in items),
            max(b.x1 for b in items),
            max(b.y1 for b in items),
        )


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with its evidence.

    ``text`` is what the pipeline uses (after medical correction); ``ocr_text`` is
    what the engine read. ``line`` numbers lines within a page in reading order,
    ``block`` the engine's text block.
    """

    text: str
    confidence: float
    bbox: BBox
    page: int = 0
    block: int = 0
    line: int = 0
    ocr_text: str = ""
    corrected: bool = False

    def __post_init__(self) -> None:
        if not self.ocr_text:
            object.__setattr__(self, "ocr_text", self.text)


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What an OCR engine read on one page image."""

    index: int
    width: int
    height: int
    words: tuple[Word, ...]
    engine: str = ""

    @property
    def mean_confidence(self) -> float:
        """Mean word confidence, 0 for a page with no words."""
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)


@dataclass(frozen=True, slots=True)
class PageInfo:
    """How one page was rendered and prepared, as the contract's ``pages`` entry."""

    index: int
    width: int
    height: int
    dpi: int
    skew_degrees: float = 0.0
    rotation: int = 0
    steps: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The contract's page object (plus the applied steps)."""
        return {
            "index": self.index,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "skew_degrees": round(self.skew_degrees, 2),
            "rotation": self.rotation,
            "preprocessing": list(self.steps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageInfo:
        """Inverse of :meth:`to_json`."""
        return cls(
            index=int(data["index"]),
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            skew_degrees=float(data.get("skew_degrees", 0.0)),
            rotation=int(data.get("rotation", 0)),
            steps=tuple(data.get("preprocessing", ())),
        )


@dataclass(frozen=True, slots=True)
class FieldResult:
    """One extracted field: canonical value plus the evidence behind it."""

    value: FieldData
    confidence: float
    page: int | None = None
    bbox: BBox | None = None
    ocr_text: str = ""
    corrected: bool = False
    boxes: tuple[BBox, ...] = ()
    # A second reader's verdict on the canonical value: None when none was made.
    agreement: bool | None = None
    second_reading: FieldData = None

    def to_json(self) -> dict[str, Any]:
        """The contract's field object; ``boxes`` lists the word boxes behind it.

        ``second_reading`` is present only when the second reader disagreed.
        """
        data: dict[str, Any] = {
            "value": self.value,
            "confidence": round(self.confidence, 3),
            "page": self.page,
            "bbox": self.bbox.as_list() if self.bbox else None,
            "ocr_text": self.ocr_text,
            "corrected": self.corrected,
            "boxes": [b.as_list() for b in self.boxes],
            "agreement": self.agreement,
        }
        if self.agreement is False:
            data["second_reading"] = self.second_reading
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FieldResult:
        """Inverse of :meth:`to_json`."""
        bbox = data.get("bbox")
        return cls(
            value=data.get("value"),
            confidence=float(data.get("confidence", 0.0)),
            page=data.get("page"),
            bbox=BBox(*bbox) if bbox else None,
            ocr_text=str(data.get("ocr_text", "")),
            corrected=bool(data.get("corrected", False)),
            boxes=tuple(BBox(*b) for b in data.get("boxes", ())),
            agreement=data.get("agreement"),
            second_reading=data.get("second_reading"),
        )

    @classmethod
    def from_words(
        cls,
        value: FieldData,
        words: Iterable[Word],
        *,
        rule_strength: float = 1.0,
    ) -> FieldResult:
        """Build a field from the words it was read from.

        Confidence is the weakest word's confidence scaled by how strongly the rule
        matched: one doubtful word makes the whole field doubtful, which is what the
        analyst needs to see.
        """
        items = list(words)
        if not items:
            return cls(value=value, confidence=0.0)
        pages = {w.page for w in items}
        page = min(pages)
        on_page = [w for w in items if w.page == page]
        return cls(
            value=value,
            confidence=max(0.0, min(1.0, min(w.confidence for w in items) * rule_strength)),
            page=page,
            bbox=BBox.union(w.bbox for w in on_page),
            ocr_text=" ".join(w.ocr_text for w in items),
            corrected=any(w.corrected for w in items),
            boxes=tuple(w.bbox for w in on_page),
        )


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """Why a file could not be extracted: a stable code and a PHI-free message."""

    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        """The contract's ``error`` object."""
        return {"code": self.code, "message": self.message}


@dataclass(slots=True)
class ExtractionResult:
    """The whole result for one input file, as ``medreview extract`` prints it."""

    source: str
    document_type: str | None = None
    engine: str = ""
    pages: list[PageInfo] = field(default_factory=list)
    # the learned or shipped layout that read the document; None: the generic reader
    layout: str | None = None
    fields: dict[str, FieldResult] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None
    # seconds per pipeline stage; diagnostics, not part of the JSON contract
    timings: dict[str, float] = field(default_factory=dict)
    # every word OCR read, per page (the store keeps them to learn layouts); not in the JSON
    ocr_pages: list[OcrPage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file was read (fields may still be missing)."""
        return self.error is None

    def values(self) -> dict[str, FieldData]:
        """Field name to canonical value."""
        return {name: f.value for name, f in self.fields.items()}

    def to_json(self) -> dict[str, Any]:
        """The object of the extract contract."""
        return {
            "source": self.source,
            "document_type": self.document_type,
            "engine": self.engine,
            "layout": self.layout,
            "pages": [p.to_json() for p in self.pages],
            "fields": {name: f.to_json() for name, f in self.fields.items()},
            "warnings": list(self.warnings),
            "error": self.error.to_json() if self.error else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ExtractionResult:
        """Inverse of :meth:`to_json`."""
        error = data.get("error")
        return cls(
            source=str(data["source"]),
            document_type=data.get("document_type"),
            engine=str(data.get("engine", "")),
            layout=data.get("layout"),
            pages=[PageInfo.from_json(p) for p in data.get("pages", ())],
            fields={k: FieldResult.from_json(v) for k, v in data.get("fields", {}).items()},
            warnings=list(data.get("warnings", ())),
            error=ErrorInfo(str(error["code"]), str(error["message"])) if error else None,
        )
