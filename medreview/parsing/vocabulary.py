"""The label vocabulary, kept as data in ``vocabulary.toml``: labels, sections, places.

Each document type lists its section headings, the printed labels that belong
to no field (they end a value), and per field its value type, label synonyms,
section and the places its value may sit without a label. The reader
(:mod:`medreview.parsing.reader`) interprets them; nothing here knows a layout.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from medreview.documents import DOCUMENT_TYPES, FIELDS, DocumentType
from medreview.parsing.layout import compact

VOCABULARY_FILE = "vocabulary.toml"


class Place(StrEnum):
    """Where a value may sit with no label of its own."""

    SECTION = "section"
    CORNER = "corner"
    HEADER = "header"
    SIGNED = "signed"
    STAMP = "stamp"
    STICKER = "sticker"
    CARD = "card"
    MAILING = "mailing"
    BLOCK = "block"
    ROW = "row"
    ANYWHERE = "anywhere"


@dataclass(frozen=True, slots=True)
class FieldWords:
    """What the vocabulary says of one field."""

    name: str
    value: str
    labels: tuple[str, ...]
    section: str | None = None
    places: tuple[Place, ...] = ()
    parts: tuple[str, ...] = ()
    lines: int = 1
    medical: bool = False
    ends: tuple[str, ...] = ()
    skips: tuple[str, ...] = ()
    # the name field under whose value this address is written when a block's title lists
    # both with no labels of their own ("FOR (Full name, address & phone number)")
    under_name: str | None = None
    # labels that are the field's only under a section's heading: (section, labels) pairs
    # ("Name" under "PRESCRIBING PRACTITIONER" is the prescriber's, elsewhere the patient's)
    section_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # labels printed after the value, closing a sentence's blank ("I am ____ tall")
    after: tuple[str, ...] = ()
    # units written after a number that make it this field's without a label ("82 kg")
    units: tuple[str, ...] = ()
    # labels (among ``labels``) that count less than the field's others: a referral's date is
    # the record's on a referral form, not beside the date of the visit
    fallback: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A document type's fields, sections and other printed labels."""

    document_type: DocumentType
    fields: tuple[FieldWords, ...]
    sections: dict[str, tuple[str, ...]]
    labels: dict[str, tuple[str, ...]]

    # built once from the fields above: the reader asks these for every label it finds
    _by_name: Mapping[str, FieldWords] = dataclass_field(init=False, repr=False, compare=False)
    _owners: Mapping[str, tuple[str, ...]] = dataclass_field(init=False, repr=False, compare=False)
    _scoped: Mapping[tuple[str, str], str] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {item.name: item for item in self.fields})
        object.__setattr__(self, "_owners", self._label_owners())
        scoped = {
            (item.name, label.casefold()): section
            for item in self.fields
            for section, labels in reversed(item.section_labels)
            for label in labels
        }
        object.__setattr__(self, "_scoped", scoped)

    def field(self, name: str) -> FieldWords:
        """The vocabulary of one field."""
        return self._by_name[name]

    def label_owners(self) -> Mapping[str, tuple[str, ...]]:
        """Printed label to the keys that use it: ``field:NAME``, ``label:NAME``, ``section:NAME``.

        ``after:NAME`` is a label printed after the field's value ("tall"). Two fields may share a
        printed label (``Name`` of the patient and of the emergency contact); sections tell them
        apart.
        """
        return self._owners

    def label_section(self, field_name: str, label: str) -> str | None:
        """The section a label counts in for a field, if it counts for it only there."""
        return self._scoped.get((field_name, label.casefold()))

    def _label_owners(self) -> dict[str, tuple[str, ...]]:
        owners: dict[str, list[str]] = {}
        for item in self.fields:
            for label in item.labels:
                owners.setdefault(label, []).append(f"field:{item.name}")
        # a label a field owns only in its section joins the same label of other fields
        spelled = {label.casefold(): label for label in owners}
        for item in self.fields:
            for _, labels in item.section_labels:
                for label in labels:
                    keys = owners.setdefault(spelled.get(label.casefold(), label), [])
                    if f"field:{item.name}" not in keys:
                        keys.append(f"field:{item.name}")
        for item in self.fields:
            for label in item.after:
                owners.setdefault(label, []).append(f"after:{item.name}")
        for name, variants in self.labels.items():
            for label in variants:
                owners.setdefault(label, []).append(f"label:{name}")
        for name, variants in self.sections.items():
            for label in variants:
                owners.setdefault(label, []).append(f"section:{name}")
        return {label: tuple(keys) for label, keys in owners.items()}


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) and s for s in raw):
        raise ValueError(f"{where}: expected a list of strings")
    return tuple(raw)


def _field(name: str, raw: dict[str, Any], value_types: frozenset[str]) -> FieldWords:
    where = f"{VOCABULARY_FILE}: field {name}"
    value = raw.get("value")
    if value not in value_types:
        raise ValueError(f"{where}: unknown value type {value!r}")
    known = {
        "value",
        "labels",
        "section",
        "places",
        "parts",
        "lines",
        "medical",
        "ends",
        "skips",
        "under_name",
        "section_labels",
        "after",
        "units",
        "shares",
        "fallback",
    }
    if set(raw) - known:
        raise ValueError(f"{where}: unknown keys {sorted(set(raw) - known)}")
    fallback = _strings(raw.get("fallback", []), where)
    return FieldWords(
        name=name,
        value=value,
        labels=(*_strings(raw.get("labels", []), where), *fallback),
        fallback=fallback,
        section=raw.get("section"),
        places=tuple(Place(p) for p in _strings(raw.get("places", []), where)),
        parts=_strings(raw.get("parts", []), where),
        lines=int(raw.get("lines", 1)),
        medical=bool(raw.get("medical", False)),
        ends=_strings(raw.get("ends", []), where),
        skips=_strings(raw.get("skips", []), where),
        under_name=raw.get("under_name"),
        section_labels=tuple(
            (section, _strings(labels, f"{where}: section_labels"))
            for section, labels in raw.get("section_labels", {}).items()
        ),
        after=_strings(raw.get("after", []), where),
        units=_strings(raw.get("units", []), where),
    )


def parse_vocabulary(data: dict[str, Any], value_types: frozenset[str]) -> dict[str, Vocabulary]:
    """Check and read a vocabulary table (the TOML file's content).

    Every field of every document type must be described, with a known value
    type; a section a field names must exist.
    """
    result: dict[str, Vocabulary] = {}
    for document_type in DOCUMENT_TYPES:
        table = data.get(document_type.value)
        if not isinstance(table, dict):
            raise ValueError(f"{VOCABULARY_FILE}: no table for {document_type.value}")
        sections = {k: _strings(v, k) for k, v in table.get("sections", {}).items()}
        labels = {k: _strings(v, k) for k, v in table.get("labels", {}).items()}
        fields_raw = table.get("fields", {})
        fields = tuple(
            _field(n, _shared(data, n, raw, fields_raw), value_types)
            for n, raw in fields_raw.items()
        )
        names = {spec.name for spec in FIELDS[document_type]}
        if {f.name for f in fields} != names:
            missing = sorted(names ^ {f.name for f in fields})
            raise ValueError(f"{VOCABULARY_FILE}: {document_type.value} fields differ: {missing}")
        for item in fields:
            named = [item.section] if item.section is not None else []
            if any(s not in sections for s in named + [s for s, _ in item.section_labels]):
                raise ValueError(f"{VOCABULARY_FILE}: field {item.name}: unknown section")
            if any(p not in labels for p in item.parts + item.ends + item.skips if p not in names):
                raise ValueError(f"{VOCABULARY_FILE}: field {item.name}: unknown label name")
        result[document_type.value] = Vocabulary(document_type, fields, sections, labels)
    return result


def _shared(
    data: dict[str, Any], name: str, raw: dict[str, Any], siblings: dict[str, Any]
) -> dict[str, Any]:
    """A field's table with the labels of the field it ``shares`` (``TYPE.FIELD``) after its own.

    The patient's name or home address is the same thing on a record and on a prescription,
    and a form may label it with any of the words either document uses; but never with one
    that begins another field's own label on this document ("Name (print)" is the record's
    patient's, "Name (printed)" the prescriber's).
    """
    shared = raw.get("shares")
    if shared is None:
        return raw
    type_name, _, field_name = str(shared).partition(".")
    other = data.get(type_name, {}).get("fields", {}).get(field_name)
    if not isinstance(other, dict) or "shares" in other:
        raise ValueError(f"{VOCABULARY_FILE}: field {name}: cannot share {shared!r}")
    own = _strings(raw.get("labels", []), f"field {name}")
    more = _strings(other.get("labels", []), f"field {shared}")
    taken = [
        compact(label)
        for sibling, table in siblings.items()
        if sibling != name and isinstance(table, dict)
        for label in table.get("labels", [])
    ]
    kept = [
        label
        for label in more
        if label not in own and not any(t.startswith(compact(label)) for t in taken)
    ]
    return {**raw, "labels": [*own, *kept]}


@cache
def vocabulary(document_type: DocumentType) -> Vocabulary:
    """The packaged vocabulary of a document type (read once)."""
    from medreview.parsing.values import VALUE_TYPES  # the registry names the value types

    text = resources.files("medreview.parsing").joinpath(VOCABULARY_FILE).read_text("utf-8")
    return parse_vocabulary(tomllib.loads(text), frozenset(VALUE_TYPES))[document_type.value]
