"""Turning ORM rows into results and records, and results into rows.

The only place that knows how an :class:`~medreview.model.ExtractionResult` is
spread over the ``documents``, ``pages`` and ``fields`` tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.model import ErrorInfo, ExtractionResult, FieldResult, OcrPage, PageInfo
from medreview.page_images import prepared_for
from medreview.sealing import FileSeal
from medreview.store import files, review
from medreview.store.records import DocumentRecord
from medreview.store.schema import (
    Batch,
    Document,
    ExtractedField,
    FieldCheck,
    FinalValue,
    Page,
    Status,
    User,
)


def user_names(session: Session) -> dict[int, str]:
    """User id to name."""
    return {row.id: row.name for row in session.execute(select(User.id, User.name))}


def write_result(
    session: Session,
    doc: Document,
    result: ExtractionResult,
    image_paths: Sequence[Path],
    root: Path,
) -> None:
    """Replace a document's pages and fields with ``result``'s."""
    for table in (Page, ExtractedField):
        for row in session.scalars(select(table).where(table.document_id == doc.id)):
            session.delete(row)
    session.flush()
    doc.document_type = result.document_type
    doc.engine = result.engine
    doc.layout = result.layout
    doc.warnings = list(result.warnings)
    doc.error_code = None
    doc.error_message = None
    images = list(image_paths)
    ocr = {page.index: page for page in result.ocr_pages}
    for info in result.pages:
        image = images[info.index] if info.index < len(images) else None
        prepared = prepared_for(image) if image else None
        session.add(
            Page(
                document_id=doc.id,
                index=info.index,
                width=info.width,
                height=info.height,
                dpi=info.dpi,
                skew_degrees=info.skew_degrees,
                rotation=info.rotation,
                steps=list(info.steps),
                image_path=files.relative_to_root(root, image) if image else None,
                prepared_path=(
                    files.relative_to_root(root, prepared)
                    if prepared is not None and prepared.exists()
                    else None
                ),
                words=stored_words(ocr[info.index]) if info.index in ocr else None,
            )
        )
    for name, found in result.fields.items():
        session.add(
            ExtractedField(
                document_id=doc.id,
                name=name,
                value=found.value,
                confidence=found.confidence,
                page=found.page,
                bbox=found.bbox.as_list() if found.bbox else None,
                boxes=[box.as_list() for box in found.boxes],
                ocr_text=found.ocr_text,
                corrected=found.corrected,
                agreement=found.agreement,
                second_reading=found.second_reading,
                box_confidences=list(found.box_confidences) or None,
            )
        )


def stored_words(page: OcrPage) -> list[list[object]]:
    """A page's words in the ``pages.words`` column: text, OCR text if other, confidence, box."""
    return [
        [
            w.text,
            w.ocr_text if w.ocr_text != w.text else "",
            round(w.confidence, 3),
            *w.bbox.as_list(),
        ]
        for w in page.words
    ]


def read_record(
    session: Session, doc: Document, root: Path, seal: FileSeal | None = None
) -> DocumentRecord:
    """The immutable record of a document, with its result, images and edits."""
    pages = list(
        session.scalars(select(Page).where(Page.document_id == doc.id).order_by(Page.index))
    )
    fields = session.scalars(
        select(ExtractedField)
        .where(ExtractedField.document_id == doc.id)
        .order_by(ExtractedField.id)
    )
    finals = session.scalars(
        select(FinalValue).where(FinalValue.document_id == doc.id).order_by(FinalValue.id)
    )
    names = user_names(session)
    blind = review.blind_fields(session, doc)
    error = (
        ErrorInfo(doc.error_code, doc.error_message or "") if doc.error_code is not None else None
    )
    result = ExtractionResult(
        source=doc.source_name,
        document_type=doc.document_type,
        engine=doc.engine or "",
        layout=doc.layout,
        pages=[
            PageInfo(
                index=p.index,
                width=p.width,
                height=p.height,
                dpi=p.dpi,
                skew_degrees=p.skew_degrees,
                rotation=p.rotation,
                steps=tuple(p.steps or ()),
            )
            for p in pages
        ],
        fields={
            f.name: FieldResult.from_json(
                {
                    "value": f.value,
                    "confidence": f.confidence,
                    "page": f.page,
                    "bbox": f.bbox,
                    "ocr_text": f.ocr_text,
                    "corrected": f.corrected,
                    "boxes": f.boxes or [],
                    "agreement": f.agreement,
                    "second_reading": f.second_reading,
                    "box_confidences": f.box_confidences,
                }
            )
            for f in fields
        },
        warnings=list(doc.warnings or []),
        error=error,
    )
    return DocumentRecord(
        id=doc.id,
        batch=session.get_one(Batch, doc.batch_id).name,
        status=Status(doc.status),
        document_type=doc.document_type,
        source_name=doc.source_name,
        source_path=files.resolve(root, doc.stored_path),
        seal=seal or FileSeal(None),
        sha256=doc.source_hash,
        result=result,
        image_paths=tuple(files.resolve(root, p.image_path) for p in pages if p.image_path),
        prepared_paths=tuple(
            files.resolve(root, p.prepared_path) if p.prepared_path else None for p in pages
        ),
        edits={f.name: f.value for f in finals},
        claimed_by=names.get(doc.claimed_by_id) if doc.claimed_by_id else None,
        lease_expires_at=doc.lease_expires_at,
        error=error,
        reject_reason=doc.reject_reason,
        auto_verified=doc.auto_verified,
        verified_by=names.get(doc.verified_by_id) if doc.verified_by_id else None,
        verified_at=doc.verified_at,
        exported_at=doc.exported_at,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
        checked=frozenset(
            session.scalars(select(FieldCheck.name).where(FieldCheck.document_id == doc.id))
        ),
        blind_fields=blind,
        keying_conflict=doc.keying_conflict,
        keyings=review.conflict_keyings(session, doc, blind),
    )
