"""Searchable PDFs and clean copies of verified documents, read with the real pipeline."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest

from medreview.ingest import ingest
from medreview.model import FieldData
from medreview.store import Store
from tests.accounts import add_people

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "samples" / "rx_printed_scan.png", ROOT / "samples" / "patient_record.pdf"]


def _texts(value: FieldData) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [" ".join(str(item).split()) for item in items]


def _pdftotext(path: Path) -> str:
    # -raw: content-stream order, which keeps a value's lines together; the default
    # layout analysis may slip a neighbouring column's value between them.
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def _qpdf_check(path: Path) -> None:
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout


def _operators(pdf: pikepdf.Pdf) -> list[tuple[str, list[object]]]:
    found = []
    for page in pdf.pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            found.append((str(operator), list(operands)))
    return found


@pytest.mark.slow
def test_searchable_pdf_and_clean_copy_carry_the_verified_values(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}", files_root=tmp_path / "f") as store:
        add_people(store)
        ingest(store, SAMPLES, "b", workers=0)
        finals: dict[int, dict[str, FieldData]] = {}
        while (doc := store.claim_next("alice", "b")) is not None:
            if doc.document_type == "prescription":
                store.save_edit(doc.id, "alice", "patient_name", "Amara Teodora Rivera")
            else:
                store.save_edit(doc.id, "alice", "medical_problems", ["Epilepsy", "Asthma"])
            store.submit(doc.id, "alice")
            finals[doc.id] = store.load_document(doc.id).final_values()
        pages = {doc_id: len(store.load_document(doc_id).image_paths) for doc_id in finals}
        store.export("b", "pdf", tmp_path / "searchable.zip", user="sue")
        store.export("b", "clean", tmp_path / "clean.zip", user="sue")
    assert len(finals) == 2 and all(len(values) >= 6 for values in finals.values())

    for kind in ("searchable", "clean"):
        folder = tmp_path / kind
        with zipfile.ZipFile(tmp_path / f"{kind}.zip") as archive:
            names = sorted(archive.namelist())
            archive.extractall(folder)
        assert [int(name.split("-")[0]) for name in names] == sorted(finals)
        for name in names:
            path = folder / name
            doc_id = int(name.split("-")[0])
            _qpdf_check(path)
            text = _pdftotext(path)
            for field, value in finals[doc_id].items():
                for item in _texts(value):
                    assert item in text, (kind, name, field)
            with pikepdf.open(path) as pdf:
                assert len(pdf.pages) == pages[doc_id]
                operators = _operators(pdf)
            render_modes = {int(str(args[0])) for op, args in operators if op == "Tr"}
            images = [op for op, _ in operators if op == "Do"]
            assert len(images) == pages[doc_id]  # every page is the scan's image
            if kind == "searchable":
                assert render_modes == {3}  # the text layer is invisible
            else:
                assert 3 not in render_modes  # the clean copy types values visibly
                assert any(op == "re" for op, _ in operators)  # evidence painted over
    # the OCR reading of the edited name is not what the copies say
    rx_text = _pdftotext(tmp_path / "searchable" / names[0])
    assert "Amara Teodora Rivera" in rx_text
