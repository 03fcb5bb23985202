"""One real run: the committed printed prescription through OCR, the store and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medreview.ingest import ingest
from medreview.store import Status, Store
from tests.accounts import add_people

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "rx_printed_scan.png"


@pytest.mark.slow
def test_real_pipeline_ingest_review_export(tmp_path: Path) -> None:
    truth = json.loads(SAMPLE.with_suffix(".json").read_text())["fields"]
    with Store.open(f"sqlite:///{tmp_path / 'e2e.sqlite3'}") as store:
        add_people(store)
        report = ingest(store, [SAMPLE], "e2e", workers=0)
        assert (report.processed, report.failed, report.pages) == (1, 0, 1)
        doc = store.claim_next("alice", "e2e")
        assert doc is not None and doc.status is Status.IN_REVIEW
        assert doc.document_type == "prescription"
        page = doc.result.pages[0]
        pixels = doc.seal.read_image(doc.image_paths[0])  # page images are sealed at rest
        assert pixels.shape[:2] == (page.height, page.width)  # the bbox pixel space
        read = doc.result.values()
        matches = [name for name, value in truth.items() if read.get(name) == value]
        assert len(matches) >= 3, f"only {matches} read correctly"
        for name, value in truth.items():  # the analyst corrects the rest
            if read.get(name) != value:
                store.save_edit(doc.id, "alice", name, value)
        store.submit(doc.id, "alice")
        store.export("e2e", "json", tmp_path / "out.json", user="sue")
    (exported,) = json.loads((tmp_path / "out.json").read_text())
    assert {name: f["value"] for name, f in exported["fields"].items()} == truth
