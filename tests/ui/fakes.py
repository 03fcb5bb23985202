"""Fake pipeline functions for the window: committed samples instead of OCR."""

from __future__ import annotations

import threading
from pathlib import Path

from medreview.config import PipelineConfig
from medreview.errors import EngineError
from medreview.model import BBox, ExtractionResult, Word
from medreview.sealing import FileSeal
from medreview.store import Store
from tests.ui.conftest import DATA, load_result


def scan_file(folder: Path, name: str, sample: str) -> Path:
    """A stand-in scan whose content names the sample the fake extraction returns."""
    path = folder / name
    path.write_text(sample)
    return path


class SampleExtract:
    """Returns a committed sample's result and writes its page images, like the pipeline.

    A file saying ``crash`` makes it raise an unexpected error, ``engine`` a typed
    engine error; ``gate`` (when set) holds every call until it opens.
    """

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.calls = 0

    def __call__(
        self, path: Path, config: PipelineConfig, *, image_dir: Path | None = None
    ) -> ExtractionResult:
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(10)
        seal = config.seal or FileSeal(None)
        sample = seal.read(path).decode().strip()
        if sample == "crash":
            raise RuntimeError("engine crashed while reading Helen Okafor")
        if sample == "engine":
            raise EngineError(f"{path.name}: the OCR engine failed")
        result = load_result(sample)
        result.source = path.name
        if image_dir is not None:
            image_dir.mkdir(parents=True, exist_ok=True)
            for image in (DATA / sample).glob("page-*.png"):
                seal.write(image_dir / image.name, image.read_bytes())
        return result


def region_reader(text: str):  # type: ignore[no-untyped-def]
    """A region re-read that finds ``text`` in whatever box it is given."""

    def read(image: Path, bbox: BBox, config: PipelineConfig, page: int) -> list[Word]:
        assert image.exists()
        return [Word(word, 0.9, bbox, page) for word in text.split()]

    return read


def seed(store: Store, batch: str, samples: list[str], scans: Path) -> list[int]:
    """Queue and "read" committed samples, as an ingest run would, without OCR."""
    scans.mkdir(parents=True, exist_ok=True)
    paths = [scan_file(scans, f"{sample}-{i}.png", sample) for i, sample in enumerate(samples)]
    store.add_files(batch, paths)
    extract = SampleExtract()
    ids = []
    for doc_id, source in store.claim_for_processing(
        batch, "seed", limit=len(paths), lease_seconds=60
    ):
        image_dir = store.page_dir(doc_id)
        result = extract(source, PipelineConfig(seal=store.seal), image_dir=image_dir)
        images = sorted(image_dir.glob("page-[0-9][0-9][0-9].png"))
        store.store_result(doc_id, result, images, owner="seed")
        ids.append(doc_id)
    return ids
