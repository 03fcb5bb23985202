"""Where a document's page images live: one naming rule for every reader and writer.

The pipeline writes ``page-NNN.png`` (the page as rendered: the pixel space of
every bbox) and ``page-NNN-prepared.png`` (the cleaned view) per page; ingest,
the store and the review window find them by the same rule.
"""

from __future__ import annotations

from pathlib import Path

# Matches the rendered pages, not their prepared views.
PAGE_GLOB = "page-[0-9][0-9][0-9].png"
_PREPARED_SUFFIX = "-prepared"


def page_paths(folder: Path, index: int) -> tuple[Path, Path]:
    """The rendered page and its prepared view for page ``index`` (0-based)."""
    original = folder / f"page-{index:03d}.png"
    return original, prepared_for(original)


def prepared_for(original: Path) -> Path:
    """The prepared view beside a rendered page image."""
    return original.with_name(f"{original.stem}{_PREPARED_SUFFIX}{original.suffix}")
