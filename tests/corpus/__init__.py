"""A labelled synthetic corpus of prescriptions and patient medical records.

``generate_corpus`` writes documents with their ground truth beside them; ``random_document``
draws one document of a layout family (:data:`FAMILIES`, see :mod:`tests.corpus.families`);
``render_document`` draws its pages from a truth object; ``load_corpus`` lists a written corpus. See
:mod:`tests.corpus.generate` for the truth format and the canonical forms, and run
``python -m tests.corpus.generate --help`` for the command line.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DEGRADATIONS",
    "FAMILIES",
    "FORMATS",
    "KINDS",
    "Sample",
    "generate_corpus",
    "load_corpus",
    "make_sample",
    "random_document",
    "render_document",
    "write_pages",
]


def __getattr__(name: str) -> Any:
    # Imported on first use, so ``python -m tests.corpus.generate`` runs the module only once.
    if name in __all__:
        from tests.corpus import generate

        return getattr(generate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
