"""Layouts as data: one engine reads every form a layout file describes.

A layout (:mod:`~medreview.layouts.format`, a TOML file) lists a form's printed
words and where each field's value sits relative to them. Layouts ship in the
package (``medreview/layouts/data/*.toml``), are learned from verified documents
(:mod:`~medreview.layouts.learning`) and kept in the store. The pipeline calls
:func:`apply_layouts` after the generic reader: the layout the pages match
(:mod:`~medreview.layouts.matching`) reads its fields
(:mod:`~medreview.layouts.reading`), and where the two readings differ the field
is doubtful.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.layouts.format import (
    Anchor,
    FieldRegion,
    Layout,
    LayoutError,
    LayoutPage,
    LayoutSet,
    dumps,
    load,
    loads,
)
from medreview.layouts.learning import learn, refine, teach
from medreview.layouts.matching import Match, find_layout, same_form
from medreview.layouts.reading import combine, read_fields
from medreview.layouts.rereading import reread_missed_lines
from medreview.model import ExtractionResult, OcrPage
from medreview.parsing import UNRECOGNISED, parse_fields

if TYPE_CHECKING:
    from medreview.ocr import GrayImage, OcrEngine

__all__ = [
    "Anchor",
    "FieldRegion",
    "Layout",
    "LayoutError",
    "LayoutPage",
    "LayoutSet",
    "Match",
    "apply_layouts",
    "available_layouts",
    "dumps",
    "find_layout",
    "learn",
    "load",
    "loads",
    "read_fields",
    "refine",
    "shipped_layouts",
    "teach",
]


@lru_cache(maxsize=1)
def shipped_layouts() -> tuple[Layout, ...]:
    """The layouts that ship in the package (``medreview/layouts/data/*.toml``), by name."""
    folder = resources.files("medreview.layouts").joinpath("data")
    found = []
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.name.endswith(".toml"):
            found.append(loads(item.read_text(encoding="utf-8"), item.name))
    return tuple(found)


@lru_cache(maxsize=8)
def available_layouts(stored: LayoutSet = LayoutSet()) -> LayoutSet:  # noqa: B008
    """The shipped layouts and the store's, for the pipeline.

    A stored layout replaces a shipped one of the same name, and one of the same form
    (taught on this installation, it knows the form's copies here better): two
    layouts of one form would make every copy of it ambiguous.
    """
    names = set(stored.names())
    shipped = [
        layout
        for layout in shipped_layouts()
        if layout.name not in names and not any(same_form(layout, own) for own in stored.layouts)
    ]
    return LayoutSet.of([*shipped, *stored.layouts])


def apply_layouts(
    result: ExtractionResult,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None = None,
    engine: OcrEngine | None = None,
) -> None:
    """Read the document with the layout its pages match, if any, beside the generic reading.

    Sets ``result.layout``, and the fields and warnings of the combined reading. A
    document of unrecognised type that matches a layout takes the layout's type.
    With the pages' gray ``images`` (page order, the word boxes' pixel space) and the
    ``engine`` that read them, a field region holding a line of ink the page's reading
    missed is read again (:mod:`~medreview.layouts.rereading`).
    """
    if config.layouts is None or not len(config.layouts):
        return
    known = result.document_type not in (None, DocumentType.UNKNOWN.value)
    match = find_layout(
        pages, config.layouts, document_type=result.document_type if known else None
    )
    if match is None:
        return
    if not known:
        result.document_type = match.layout.document_type
        generic = parse_fields(DocumentType(result.document_type), pages, config, images)
        result.fields = generic.fields
        result.warnings = [w for w in result.warnings if w != UNRECOGNISED] + generic.warnings
    readings = read_fields(match, config.date_order)
    if images is not None and engine is not None:
        readings = reread_missed_lines(match, readings, images, engine, config.date_order)
    fields, doubts = combine(readings, result.fields, match.layout, match)
    result.layout = match.layout.name
    result.fields = fields
    result.warnings.extend(doubts)
