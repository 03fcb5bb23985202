"""Layouts as data: the dataclasses of a layout and its TOML file form.

A layout describes one printed form. Per page it lists the form's printed words
(*anchors*: their text and box, normalised to the page's width and height) and,
per field, the *region* where the value sits in that frame, with the anchors it
keeps its place to. Shipped, hand-written and learned layouts share this form;
:mod:`medreview.layouts.matching` finds the layout of a document and
:mod:`medreview.layouts.reading` reads its fields. A file looks like::

    name = "clinic-rx"
    document_type = "prescription"
    documents = 1                       # documents it was learned from
    any_case = true                     # optional: labels printed in either case

    [[pages]]
    index = 0
    aspect = 1.294                      # height / width of the teaching page
    anchors = [
      { text = "Name:", box = [0.0802, 0.2391, 0.1291, 0.2455] },   # 0
      { text = "Date:", box = [0.6581, 0.2391, 0.6992, 0.2455] },   # 1
    ]

    [[fields]]
    name = "patient_name"
    kind = "string"                     # the field's type in medreview/documents.py
    page = 0
    box = [0.135, 0.232, 0.6, 0.25]     # where the value sits (normalised)
    anchors = [0]                       # the value moves with these anchors
    stop_right = 1                      # ... and ends before this one (optional)

Boxes are ``[x0, y0, x1, y1]`` with 0 <= x0 < x1 <= 1. Everything here is a
frozen dataclass of tuples, so layouts pickle to worker processes and hash.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.errors import UsageError

Box = tuple[float, float, float, float]
FORMAT_VERSION = 1


class LayoutError(UsageError):
    """A layout file that cannot be used (its problem in words, never patient text)."""

    code = "bad_layout"


def word_key(text: str) -> str:
    """How anchors and page words are compared: lower case letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


@dataclass(frozen=True, slots=True)
class Anchor:
    """One printed word of the form; ``seen`` counts the teaching documents showing it."""

    text: str
    box: Box
    seen: int = 1

    @property
    def key(self) -> str:
        """The matching key of the text (see :func:`word_key`)."""
        return word_key(self.text)

    @property
    def centre(self) -> tuple[float, float]:
        """The box's centre."""
        return ((self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2)


@dataclass(frozen=True, slots=True)
class FieldRegion:
    """Where one field's value sits on its page, and what it keeps its place to.

    ``anchors`` (indices into the page's anchors) move the region with them when
    the form's content shifts; ``stop_right`` / ``stop_below`` name the anchor that
    ends the value to its right / below it (a longer value, a longer list).
    ``choice`` marks a row of printed options (``[X] Yes [ ] No``, a refill row):
    its printed words are read too. ``struck`` says the form answers such a row by
    striking out the option that does not apply (``IMMUNE / NOT IMMUNE*`` with a line
    through ``NOT IMMUNE``): of two options, the answer is the one the generic
    reader's mark reading does not name. ``join`` joins a value's lines (``", "`` for an
    address printed over several rows; a list's lines are always its items). ``lines``
    is how many lines a text value took on the documents that taught it (0: not known).
    """

    name: str
    kind: str
    page: int
    box: Box
    anchors: tuple[int, ...] = ()
    stop_right: int | None = None
    stop_below: int | None = None
    choice: bool = False
    struck: bool = False
    join: str = " "
    lines: int = 0


@dataclass(frozen=True, slots=True)
class LayoutPage:
    """One page of a form: its printed words."""

    index: int
    aspect: float
    anchors: tuple[Anchor, ...]

    @property
    def keys(self) -> frozenset[str]:
        """The distinct matching keys of the anchors."""
        return frozenset(a.key for a in self.anchors)


@dataclass(frozen=True, slots=True)
class Layout:
    """A form: its pages' printed words and where each field's value sits."""

    name: str
    document_type: str
    pages: tuple[LayoutPage, ...]
    fields: tuple[FieldRegion, ...]
    documents: int = 1
    description: str = ""
    # the form is printed with its labels in either case (a family of forms, such as a
    # shipped layout for several printings): printed words are compared case-blind
    any_case: bool = False

    def page(self, index: int) -> LayoutPage | None:
        """The layout's page with that index, if it has one."""
        return next((p for p in self.pages if p.index == index), None)

    @property
    def anchor_count(self) -> int:
        """How many printed words the layout knows."""
        return sum(len(p.anchors) for p in self.pages)


@dataclass(frozen=True, slots=True, eq=False)
class LayoutSet:
    """The layouts a pipeline run may use: picklable, compared and hashed by content.

    (The pipeline's configuration is a cache key; a digest of the contents, worked out
    once, keeps hashing it cheap.)
    """

    layouts: tuple[Layout, ...] = ()
    digest: str = field(default="")

    @classmethod
    def of(cls, layouts: Iterable[Layout]) -> LayoutSet:
        """A set of layouts, later names replacing earlier ones."""
        by_name: dict[str, Layout] = {}
        for layout in layouts:
            by_name[layout.name] = layout
        items = tuple(by_name.values())
        # the hash of the frozen contents: cheap, and equal for equal contents in a process
        return cls(items, f"{len(items)}:{hash(items):x}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LayoutSet) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __len__(self) -> int:
        return len(self.layouts)

    def names(self) -> list[str]:
        """The layouts' names."""
        return [layout.name for layout in self.layouts]


# -- reading files ---------------------------------------------------------------


def _box(value: Any, what: str) -> Box:
    if not isinstance(value, list) or len(value) != 4:
        raise LayoutError(f"{what}: a box is four numbers [x0, y0, x1, y1]")
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError) as exc:
        raise LayoutError(f"{what}: a box is four numbers [x0, y0, x1, y1]") from exc
    if not (0.0 <= x0 < x1 <= 1.0 and 0.0 <= y0 < y1 <= 1.0):
        raise LayoutError(f"{what}: box coordinates are shares of the page, 0 <= x0 < x1 <= 1")
    return (x0, y0, x1, y1)


def _anchor_index(value: Any, count: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < count:
        raise LayoutError(f"{what}: anchor {value!r} is not an index of the page's anchors")
    return value


def from_dict(data: Mapping[str, Any], origin: str = "layout") -> Layout:
    """A layout from its parsed TOML; :class:`LayoutError` says what is wrong."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LayoutError(f"{origin}: a layout needs a name")
    document_type = data.get("document_type")
    specs: dict[str, FieldSpec] = {s.name: s for s in fields_of(str(document_type))}
    if not specs:
        raise LayoutError(f"{origin}: unknown document_type {document_type!r}")
    pages: list[LayoutPage] = []
    for i, raw in enumerate(data.get("pages", ())):
        where = f"{origin}: pages[{i}]"
        anchors = tuple(
            Anchor(str(a["text"]), _box(a.get("box"), f"{where} anchor {j}"), int(a.get("seen", 1)))
            for j, a in enumerate(raw.get("anchors", ()))
        )
        pages.append(LayoutPage(int(raw.get("index", i)), float(raw.get("aspect", 1.294)), anchors))
    if not pages:
        raise LayoutError(f"{origin}: a layout needs at least one page of anchors")
    by_index = {p.index: p for p in pages}
    regions: list[FieldRegion] = []
    for i, raw in enumerate(data.get("fields", ())):
        where = f"{origin}: fields[{i}]"
        field_name = raw.get("name")
        spec = specs.get(str(field_name))
        if spec is None:
            raise LayoutError(f"{where}: {document_type} has no field {field_name!r}")
        kind = str(raw.get("kind", spec.kind.value))
        if kind != spec.kind.value:
            raise LayoutError(f"{where}: {spec.name} is of kind {spec.kind.value}, not {kind}")
        page_index = int(raw.get("page", 0))
        page = by_index.get(page_index)
        if page is None:
            raise LayoutError(f"{where}: the layout has no page {page_index}")
        count = len(page.anchors)
        stops = {
            key: None if raw.get(key) is None else _anchor_index(raw[key], count, where)
            for key in ("stop_right", "stop_below")
        }
        regions.append(
            FieldRegion(
                name=spec.name,
                kind=kind,
                page=page_index,
                box=_box(raw.get("box"), where),
                anchors=tuple(_anchor_index(a, count, where) for a in raw.get("anchors", ())),
                stop_right=stops["stop_right"],
                stop_below=stops["stop_below"],
                choice=bool(raw.get("choice", False)),
                struck=bool(raw.get("struck", False)),
                join=str(raw.get("join", " ")),
                lines=max(0, int(raw.get("lines", 0))),
            )
        )
    return Layout(
        name=name.strip(),
        document_type=str(document_type),
        pages=tuple(pages),
        fields=tuple(regions),
        documents=int(data.get("documents", 1)),
        description=str(data.get("description", "")),
        any_case=bool(data.get("any_case", False)),
    )


def loads(text: str, origin: str = "layout") -> Layout:
    """A layout from TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{origin}: not valid TOML ({exc})") from exc
    version = data.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise LayoutError(f"{origin}: layout format {version!r} is not supported")
    try:
        return from_dict(data, origin)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, LayoutError):
            raise
        raise LayoutError(f"{origin}: malformed layout ({type(exc).__name__})") from exc


def load(path: Path) -> Layout:
    """A layout from a TOML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LayoutError(f"{path.name}: cannot read the layout file") from exc
    return loads(text, path.name)


# -- writing files ---------------------------------------------------------------


def _string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _numbers(box: Iterable[float]) -> str:
    return "[" + ", ".join(f"{v:.4f}" for v in box) + "]"


def dumps(layout: Layout) -> str:
    """The layout as TOML (deterministic: the same layout gives the same text)."""
    lines = [
        f"format = {FORMAT_VERSION}",
        f"name = {_string(layout.name)}",
        f"document_type = {_string(layout.document_type)}",
        f"documents = {layout.documents}",
    ]
    if layout.description:
        lines.append(f"description = {_string(layout.description)}")
    if layout.any_case:
        lines.append("any_case = true")
    for page in layout.pages:
        lines += ["", "[[pages]]", f"index = {page.index}", f"aspect = {page.aspect:.4f}"]
        lines.append("anchors = [")
        for i, anchor in enumerate(page.anchors):
            seen = f", seen = {anchor.seen}" if anchor.seen != 1 else ""
            lines.append(
                f"  {{ text = {_string(anchor.text)}, box = {_numbers(anchor.box)}{seen} }},  # {i}"
            )
        lines.append("]")
    for region in layout.fields:
        lines += [
            "",
            "[[fields]]",
            f"name = {_string(region.name)}",
            f"kind = {_string(region.kind)}",
            f"page = {region.page}",
            f"box = {_numbers(region.box)}",
            "anchors = [" + ", ".join(str(a) for a in region.anchors) + "]",
        ]
        if region.stop_right is not None:
            lines.append(f"stop_right = {region.stop_right}")
        if region.stop_below is not None:
            lines.append(f"stop_below = {region.stop_below}")
        if region.choice:
            lines.append("choice = true")
        if region.struck:
            lines.append("struck = true")
        if region.join != " ":
            lines.append(f"join = {_string(region.join)}")
        if region.lines:
            lines.append(f"lines = {region.lines}")
    return "\n".join(lines) + "\n"


def field_kind(document_type: str, name: str) -> FieldKind:
    """The kind of a document type's field (``string`` when unknown)."""
    for spec in fields_of(document_type):
        if spec.name == name:
            return spec.kind
    return FieldKind.STRING
