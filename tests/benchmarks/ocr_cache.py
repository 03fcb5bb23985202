"""An OCR cache for benchmarks: re-running one re-parses without re-reading the pages.

:class:`CachingEngine` is an :class:`~medreview.ocr.OcrEngine` that keeps every answer of the
engine it wraps as a JSON file, keyed by the engine's name, the language and a hash of the image
it was given (the image after preprocessing, so a change to preprocessing misses the cache, as it
should). The wrapped engine is created only on the first miss, so a fully cached run loads no
model at all.

:func:`installed` puts the cache in front of every engine the pipeline creates in this process,
for code that creates its engines itself (``medreview extract`` run in-process through
:func:`medreview.cli.main`): it wraps ``medreview.ocr.get_engine`` where the modules loaded so far
hold it, and empties the pipeline's engine cache on the way in and out. Run the extraction with one
worker: a worker process would not see the wrapper.

The cache holds OCR text of the pages it read: keep it with the corpus it came from, in a
scratch folder, never beside patient documents.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import medreview.ocr
from medreview.model import BBox, OcrPage, Word


@dataclass
class CacheStats:
    """How many answers came from the cache and how many from the engine."""

    hits: int = 0
    misses: int = 0


# How each engine reads the same image: bumped when that changes, so older answers miss
# (ppocr 2: lines printed turned a quarter turn are read again turned the other way).
READINGS = {"ppocr": 2}


def _key(*parts: object, image: np.ndarray) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    digest.update(repr((image.shape, str(image.dtype))).encode())
    digest.update(np.ascontiguousarray(image).tobytes())
    return digest.hexdigest()


def _word_to_json(word: Word) -> dict[str, Any]:
    data = {f.name: getattr(word, f.name) for f in dataclasses.fields(word)}
    data["bbox"] = word.bbox.as_list()
    return data


def _word_from_json(data: dict[str, Any], page_index: int) -> Word:
    return Word(**{**data, "bbox": BBox(*data["bbox"]), "page": page_index})


def _write(path: Path, data: Any) -> None:
    """Write JSON atomically, so a killed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_suffix(f".{os.getpid()}.tmp")
    scratch.write_text(json.dumps(data), encoding="utf-8")
    scratch.replace(path)


class CachingEngine:
    """An OCR engine answering from ``folder`` and asking ``factory``'s engine only on a miss."""

    def __init__(
        self,
        name: str,
        factory: Callable[[], Any],
        folder: Path,
        *,
        language: str = "eng",
        stats: CacheStats | None = None,
    ) -> None:
        self.name = name
        self._factory = factory
        self._inner: Any = None
        self.folder = Path(folder)
        self.language = language
        self.stats = stats or CacheStats()

    @property
    def inner(self) -> Any:
        """The wrapped engine, created on first use."""
        if self._inner is None:
            self._inner = self._factory()
        return self._inner

    def __getattr__(self, attribute: str) -> Any:
        # anything else an engine offers (a newer protocol's methods) goes to the real engine
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)

    def _path(self, key: str) -> Path:
        return self.folder / self.name / key[:2] / f"{key}.json"

    def version(self) -> str:
        """The wrapped engine's version, remembered so a cached run loads no engine."""
        path = self.folder / self.name / f"version-{self.language}.json"
        if path.exists():
            version: str = json.loads(path.read_text(encoding="utf-8"))
            return version
        version = self.inner.version()
        _write(path, version)
        return version

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        """The page's words: from the cache, or read by the engine and stored."""
        path = self._path(
            _key("recognize", self.name, READINGS.get(self.name, 1), self.language, image=image)
        )
        if path.exists():
            self.stats.hits += 1
            data = json.loads(path.read_text(encoding="utf-8"))
            words = tuple(_word_from_json(w, page_index) for w in data.pop("words"))
            return OcrPage(**{**data, "index": page_index, "words": words})
        self.stats.misses += 1
        page: OcrPage = self.inner.recognize(image, page_index)
        data = {f.name: getattr(page, f.name) for f in dataclasses.fields(page)}
        data["words"] = [_word_to_json(w) for w in page.words]
        _write(path, data)
        return page

    def detect_rotation(self, image: np.ndarray) -> int:
        """The engine's orientation answer for this image, cached like a reading."""
        path = self._path(_key("rotation", self.name, self.language, image=image))
        if path.exists():
            self.stats.hits += 1
            turn: int = json.loads(path.read_text(encoding="utf-8"))
            return turn
        self.stats.misses += 1
        turn = int(self.inner.detect_rotation(image))
        _write(path, turn)
        return turn


def _clear_engine_caches() -> None:
    pipeline = sys.modules.get("medreview.pipeline")
    cached = getattr(pipeline, "cached_engine", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


@contextmanager
def installed(folder: Path) -> Iterator[CacheStats]:
    """Serve every engine ``medreview`` creates in this process through a :class:`CachingEngine`."""
    original = medreview.ocr.get_engine
    stats = CacheStats()

    @functools.wraps(original)
    def caching_get_engine(name: str, *args: Any, **kwargs: Any) -> Any:
        language = args[0] if args else kwargs.get("language", "eng")
        return CachingEngine(
            name,
            lambda: original(name, *args, **kwargs),
            folder,
            language=str(language),
            stats=stats,
        )

    patched = [
        module
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("medreview") and getattr(module, "get_engine", None) is original
    ]
    for module in patched:
        module.get_engine = caching_get_engine  # type: ignore[attr-defined]
    _clear_engine_caches()
    try:
        yield stats
    finally:
        for module in patched:
            module.get_engine = original  # type: ignore[attr-defined]
        _clear_engine_caches()
