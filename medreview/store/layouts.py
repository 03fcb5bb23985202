"""Layouts in the store: saved, listed, removed, and taught by every verified document.

A layout row holds the TOML text of :mod:`medreview.layouts.format` (printed
words and regions, never a patient's values) with who taught it from which
document. Teaching runs inside :meth:`Store.submit <medreview.store.api.Store.submit>`,
so every entry point that verifies a document teaches; a document that cannot
teach (no stored words, too few printed words) is verified all the same.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.layouts import Layout, LayoutError, LayoutSet, dumps, loads, shipped_layouts, teach
from medreview.model import BBox, FieldResult, OcrPage, Word
from medreview.store import audit, convert
from medreview.store.schema import (
    Document,
    ExtractedField,
    FinalValue,
    Page,
    StoredLayout,
    User,
    utcnow,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LayoutInfo:
    """A stored layout: its name, counts, who taught it and its TOML text."""

    name: str
    document_type: str
    documents: int
    fields: int
    anchors: int
    taught_by: str | None
    source_name: str | None
    source_document: int | None
    created_at: datetime
    updated_at: datetime
    body: str

    def to_json(self) -> dict[str, object]:
        """The ``layouts list --json`` object (no TOML text)."""
        return {
            "name": self.name,
            "document_type": self.document_type,
            "documents": self.documents,
            "fields": self.fields,
            "anchors": self.anchors,
            "taught_by": self.taught_by,
            "source_name": self.source_name,
            "source_document": self.source_document,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


def info(session: Session, row: StoredLayout) -> LayoutInfo:
    """The record of a layout row."""
    layout = loads(row.body, row.name)
    names = convert.user_names(session)
    return LayoutInfo(
        name=row.name,
        document_type=row.document_type,
        documents=row.documents,
        fields=len(layout.fields),
        anchors=layout.anchor_count,
        taught_by=names.get(row.taught_by_id) if row.taught_by_id else None,
        source_name=row.source_name,
        source_document=row.source_document_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        body=row.body,
    )


def find(session: Session, name: str) -> StoredLayout | None:
    """The row of the layout called ``name``."""
    return session.scalars(select(StoredLayout).where(StoredLayout.name == name)).first()


def save(
    session: Session,
    layout: Layout,
    actor: User,
    *,
    source_name: str | None = None,
    document: Document | None = None,
) -> tuple[StoredLayout, bool]:
    """Insert or replace a layout by name; returns the row and whether it is new."""
    row = find(session, layout.name)
    now = utcnow()
    created = row is None
    if row is None:
        row = StoredLayout(name=layout.name, revision=0, created_at=now)
        session.add(row)
    row.document_type = layout.document_type
    row.body = dumps(layout)
    row.documents = layout.documents
    row.revision = row.revision + 1
    row.taught_by_id = actor.id
    row.source_name = source_name
    row.source_document_id = document.id if document is not None else None
    row.updated_at = now
    session.flush()
    return row, created


class LayoutCache:
    """Parsed layouts of a store, re-parsed only when a row's revision changes."""

    def __init__(self) -> None:
        self._parsed: dict[str, tuple[int, Layout]] = {}

    def layouts(self, session: Session) -> list[Layout]:
        """Every stored layout, parsed."""
        rows = session.execute(
            select(StoredLayout.id, StoredLayout.name, StoredLayout.revision).order_by(
                StoredLayout.id
            )
        ).all()
        current = {name for _id, name, _rev in rows}
        for name in set(self._parsed) - current:
            del self._parsed[name]
        found = []
        for row_id, name, revision in rows:
            cached = self._parsed.get(name)
            if cached is None or cached[0] != revision:
                body = session.get_one(StoredLayout, row_id).body
                cached = (revision, loads(body, name))
                self._parsed[name] = cached
            found.append(cached[1])
        return found


def page_words(session: Session, doc: Document) -> list[OcrPage]:
    """The OCR words stored for each page of a document (none for older documents)."""
    pages = session.scalars(select(Page).where(Page.document_id == doc.id).order_by(Page.index))
    found = []
    for page in pages:
        if page.words is None:
            continue
        words = tuple(
            Word(
                text=str(text),
                confidence=float(confidence),
                bbox=BBox(int(x0), int(y0), int(x1), int(y1)),
                page=page.index,
                ocr_text=str(ocr_text or text),
                corrected=bool(ocr_text) and ocr_text != text,
            )
            for text, ocr_text, confidence, x0, y0, x1, y1 in page.words
        )
        found.append(OcrPage(page.index, page.width, page.height, words, doc.engine or ""))
    return found


def teach_from(
    session: Session, doc: Document, actor: User, cache: LayoutCache, *, name: str | None = None
) -> str | None:
    """Learn or refine a layout from a verified document; the layout's name, or ``None``.

    Never raises for a document that cannot teach: it is logged (codes, no values)
    and the verification stands.
    """
    if not doc.document_type:
        return None
    pages = page_words(session, doc)
    if not pages:
        return None
    fields = {
        f.name: f
        for f in session.scalars(select(ExtractedField).where(ExtractedField.document_id == doc.id))
    }
    evidence = {
        name: FieldResult.from_json(
            {
                "value": f.value,
                "confidence": f.confidence,
                "page": f.page,
                "bbox": f.bbox,
                "boxes": f.boxes or [],
            }
        )
        for name, f in fields.items()
    }
    values = {name: f.value for name, f in fields.items()}
    for final in session.scalars(select(FinalValue).where(FinalValue.document_id == doc.id)):
        values[final.name] = final.value
    known = LayoutSet.of([*shipped_layouts(), *cache.layouts(session)]).layouts
    new_name = name or _free_name(session, f"{doc.document_type}-{doc.id}")
    try:
        with session.begin_nested():
            layout, created = teach(
                known,
                doc.document_type,
                pages,
                values,
                new_name=new_name,
                read_by=doc.layout,
                evidence=evidence,
            )
            save(session, layout, actor, source_name=None, document=doc)
            action = "layout_learned" if created else "layout_refined"
            audit.record(session, actor, action, document=doc, detail=layout.name)
    except LayoutError as exc:
        log.info("document %d teaches no layout: %s", doc.id, exc.code)
        return None
    return layout.name


def _free_name(session: Session, base: str) -> str:
    name, n = base, 1
    while find(session, name) is not None:
        n += 1
        name = f"{base}-{n}"
    return name


def all_infos(session: Session, names: Sequence[str] | None = None) -> list[LayoutInfo]:
    """Records of every stored layout (or of the names given), oldest first."""
    stmt = select(StoredLayout).order_by(StoredLayout.id)
    if names is not None:
        stmt = stmt.where(StoredLayout.name.in_(list(names)))
    return [info(session, row) for row in session.scalars(stmt)]
