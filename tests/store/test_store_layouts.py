"""Layouts in the store: every page's words kept, verified documents teach, supervisors remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from medreview.config import PipelineConfig
from medreview.errors import InvalidTransitionError, PermissionDeniedError, RecordNotFoundError
from medreview.layouts import LayoutSet, apply_layouts, learn
from medreview.model import ExtractionResult, FieldResult, OcrPage, PageInfo
from medreview.store import Store
from tests.layoutkit import FORM_A_PRINTED, FORM_A_VALUES, SAMPLE_VALUES, synthetic_page

OTHER = {
    "prescriber": "Dr Maria Chen",
    "patient_name": "Samuel Ortiz",
    "date": "2021-08-02",
    "patient_address": "77 Birch Rd, Portland, OR",
    "medicines": ["Metformin 850 mg", "Lisinopril 10 mg"],
    "directions": "Metformin twice a day with meals",
    "refills": 5,
}


def page_of(values: dict[str, object]) -> OcrPage:
    return synthetic_page(FORM_A_PRINTED, FORM_A_VALUES, values)


def result_of(page: OcrPage, fields: dict[str, object]) -> ExtractionResult:
    return ExtractionResult(
        source="scan.png",
        document_type="prescription",
        engine="fake 1.0",
        pages=[PageInfo(0, page.width, page.height, 300)],
        fields={name: FieldResult(value, 0.9) for name, value in fields.items()},
        ocr_pages=[page],
    )


def ingest_one(store: Store, tmp_path: Path, name: str, result: ExtractionResult) -> int:
    path = tmp_path / f"{name}.png"
    path.write_bytes(name.encode())
    (ref,) = store.add_files("week-1", [path])
    store.store_result(ref.id, result)
    return ref.id


def test_page_words_round_trip(store: Store, tmp_path: Path) -> None:
    page = page_of(SAMPLE_VALUES)
    doc_id = ingest_one(store, tmp_path, "a", result_of(page, SAMPLE_VALUES))
    (stored,) = store.page_words(doc_id)
    assert [(w.text, w.bbox, round(w.confidence, 3)) for w in stored.words] == [
        (w.text, w.bbox, round(w.confidence, 3)) for w in page.words
    ]
    assert (stored.width, stored.height) == (page.width, page.height)


def test_submitting_teaches_then_refines_a_layout(store: Store, tmp_path: Path) -> None:
    generic = {**SAMPLE_VALUES, "patient_name": "Helen 0kafor", "refills": None}
    first = ingest_one(store, tmp_path, "a", result_of(page_of(SAMPLE_VALUES), generic))
    record = store.claim_next("ana", "week-1")
    assert record is not None and record.id == first
    store.save_edit(first, "ana", "patient_name", "Helen Okafor")
    store.save_edit(first, "ana", "refills", 2)
    store.submit(first, "ana")
    (info,) = store.layouts()
    assert info.name == f"prescription-{first}"
    assert (info.taught_by, info.source_document, info.documents) == ("ana", first, 1)
    assert info.fields == 7
    for value in ("Helen", "Okafor", "0kafor", "Amoxicillin", "03/14/2023", "Orchard"):
        assert value not in info.body
    assert any(a.action == "layout_learned" for a in store.audit_for(first))

    second = ingest_one(store, tmp_path, "b", result_of(page_of(OTHER), OTHER))
    store.claim_next("bob", "week-1")
    store.submit(second, "bob")
    (info,) = store.layouts()
    assert (info.name, info.documents, info.taught_by) == (f"prescription-{first}", 2, "bob")
    assert any(a.action == "layout_refined" for a in store.audit_for(second))

    result = result_of(page_of(OTHER), {})
    apply_layouts(result, result.ocr_pages, PipelineConfig(layouts=store.layout_set()))
    assert result.layout == info.name
    assert result.values() == OTHER


def test_a_document_without_words_is_verified_and_teaches_nothing(
    store: Store, tmp_path: Path
) -> None:
    result = result_of(page_of(SAMPLE_VALUES), SAMPLE_VALUES)
    result.ocr_pages = []
    doc_id = ingest_one(store, tmp_path, "a", result)
    store.claim_next("ana", "week-1")
    store.submit(doc_id, "ana")
    assert store.layouts() == []
    assert store.load_document(doc_id).status == "verified"


def test_saved_layouts_are_listed_shown_and_removed_by_supervisors(store: Store) -> None:
    layout = learn("clinic", "prescription", [page_of(SAMPLE_VALUES)], SAMPLE_VALUES)
    info, created = store.save_layout(layout, "ana", source_name="clinic.png")
    assert created and info.source_name == "clinic.png"
    assert store.layout("clinic").body == info.body
    assert store.layout_set() == LayoutSet.of([layout])
    _again, created = store.save_layout(layout, "ana")
    assert not created
    with pytest.raises(PermissionDeniedError, match="needs a supervisor"):
        store.remove_layout("clinic", "ana")
    assert [info.name for info in store.layouts()] == ["clinic"]
    store.remove_layout("clinic", "sue")
    assert store.layouts() == [] and len(store.layout_set()) == 0
    with pytest.raises(RecordNotFoundError):
        store.remove_layout("clinic", "sue")
    with pytest.raises(RecordNotFoundError):
        store.layout("clinic")


def test_teaching_can_wait_until_after_submit(store: Store, tmp_path: Path) -> None:
    doc_id = ingest_one(store, tmp_path, "a", result_of(page_of(SAMPLE_VALUES), SAMPLE_VALUES))
    store.claim_next("ana", "week-1")
    with pytest.raises(InvalidTransitionError):
        store.teach_layout(doc_id, "ana")
    store.submit(doc_id, "ana", teach=False)
    assert store.layouts() == []
    assert store.teach_layout(doc_id, "ana") == f"prescription-{doc_id}"
    assert [info.name for info in store.layouts()] == [f"prescription-{doc_id}"]
