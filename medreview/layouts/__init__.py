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
from medreview.model import ExtractionResult, OcrPage

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

_UNRECOGNISED = "document type not recognised; no fields extracted"


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
    result: ExtractionResult, pages: Sequence[OcrPage], config: PipelineConfig
) -> None:
    """Read the document with the layout its pages match, if any, beside the generic reading.

    Sets ``result.layout``, and the fields and warnings of the combined reading. A
    document of unrecognised type that matches a layout takes the layout's type.
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
        from medreview.parsing import parse_fields

        result.document_type = match.layout.document_type
        generic = parse_fields(DocumentType(result.document_type), pages, config)
        result.fields = generic.fields
        result.warnings = [w for w in result.warnings if w != _UNRECOGNISED] + generic.warnings
    fields, doubts = combine(
        read_fields(match, config.date_order), result.fields, match.layout, match
    )
    result.layout = match.layout.name
    result.fields = fields
    result.warnings.extend(doubts)
