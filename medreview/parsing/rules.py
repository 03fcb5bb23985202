"""Field rules as data, and the small pure steps that apply them.

A :class:`FieldRule` says where a field's value sits (which labels, which
section, right of or below the label), how strongly a match counts and how many
lines the value may run on. The coercer comes from the field's kind in
:data:`medreview.documents.FIELDS`. Special fields (the ℞ block, the prescriber
header) name a :class:`Method` that the document's parser implements.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from medreview.config import DateOrder
from medreview.documents import FIELDS, DocumentType, FieldKind, FieldSpec
from medreview.model import FieldData, FieldResult, Word
from medreview.parsing import canonical
from medreview.parsing.layout import (
    BELOW_REACH,
    LabelMatch,
    Line,
    find_labels,
    value_below,
    value_beside,
    value_right,
)


class Where(StrEnum):
    """Where a value sits relative to its label."""

    RIGHT = "right"
    BELOW = "below"
    RIGHT_OR_BELOW = "right_or_below"


class Method(StrEnum):
    """How a field is found: at a label, or by a document-specific step."""

    LABEL = "label"
    COMPOSITE = "composite"
    HEADER = "header"
    RX_BLOCK = "rx_block"
    RUNNING_TEXT = "running_text"
    REFILLS = "refills"
    CHOICE_ROW = "choice_row"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a form; rules can be confined to one."""

    name: str
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldRule:
    """Where and how to read one field.

    ``labels`` are the printed label variants. ``parts`` (for a composite
    field) are keys of other labels whose values are joined with ``", "``.
    ``stops`` are label keys ending running text. ``occurrence`` picks the
    n-th label in scope. ``max_lines`` lets a value continue on following lines.
    ``medical`` fields read the medically corrected words; the others read what
    the engine saw, so a name or an insurer is never "corrected" into a drug.
    ``style`` says which OCR debris a text value may lose.
    """

    field: str
    labels: tuple[str, ...] = ()
    method: Method = Method.LABEL
    where: Where = Where.RIGHT_OR_BELOW
    strength: float = 0.95
    section: str | None = None
    occurrence: int = 0
    parts: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()
    max_lines: int = 1
    medical: bool = False
    style: canonical.TextStyle = canonical.TextStyle.PLAIN


@dataclass(frozen=True, slots=True)
class DocumentRules:
    """Every rule of a document type plus the printed labels that are not fields."""

    document_type: DocumentType
    rules: tuple[FieldRule, ...]
    sections: tuple[Section, ...] = ()
    other_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def label_table(self) -> dict[str, tuple[str, ...]]:
        """Label key to variants: field rules, other labels and section titles."""
        table: dict[str, tuple[str, ...]] = {r.field: r.labels for r in self.rules if r.labels}
        table.update(self.other_labels)
        table.update({f"section:{s.name}": s.labels for s in self.sections})
        return table

    def check(self) -> None:
        """Fail fast when a rule names a field the document type does not have."""
        names = {spec.name for spec in FIELDS[self.document_type]}
        for rule in self.rules:
            if rule.field not in names:
                raise ValueError(f"rule for unknown field {rule.field!r}")


@dataclass(frozen=True, slots=True)
class Found:
    """A value's text with the words it was read from and how strongly it matched."""

    text: str
    words: tuple[Word, ...]
    strength: float


@dataclass(frozen=True, slots=True)
class LabelledLines:
    """A document's lines with every label found on them: what all steps read."""

    lines: tuple[Line, ...]
    labels: tuple[LabelMatch, ...]
    table: Mapping[str, tuple[str, ...]]

    @classmethod
    def build(cls, lines: Sequence[Line], rules: DocumentRules) -> LabelledLines:
        """Find every label of ``rules`` once."""
        table = rules.label_table()
        return cls(tuple(lines), tuple(find_labels(lines, table)), table)

    def matches(self, key: str, scope: tuple[int, int] | None = None) -> list[LabelMatch]:
        """Where the label ``key`` (or a label printed the same) was found, within ``scope``.

        Two fields may share a printed label (``Name:`` of the patient and of the
        emergency contact); a match counts for both and sections tell them apart.
        """
        lo, hi = scope or (0, len(self.lines))
        variants = set(self.table.get(key, ()))
        return [
            m for m in self.labels if (m.key == key or m.label in variants) and lo <= m.line < hi
        ]

    def words_after(self, hit: LabelMatch) -> tuple[Word, ...]:
        """The words right of a label, up to the next label on its line."""
        words = self.lines[hit.line].words
        later = [m.start for m in self.labels if m.line == hit.line and m.start >= hit.end]
        return words[hit.end : min(later, default=len(words))]


Coercer = Callable[[str, DateOrder], FieldData]
# Kinds read by one coercer; strings (cleaned by style) and enums (by choices) are apart.


def _list(text: str, order: DateOrder) -> FieldData:
    return canonical.parse_list(text)


COERCERS: dict[FieldKind, Coercer] = {
    FieldKind.DATE: canonical.parse_date,
    FieldKind.PHONE: lambda t, o: canonical.parse_phone(t),
    FieldKind.INTEGER: lambda t, o: canonical.parse_number(t),
    FieldKind.NUMBER: lambda t, o: canonical.parse_number(t),
    FieldKind.REFILLS: lambda t, o: canonical.parse_refills(t),
    FieldKind.LIST: _list,
    FieldKind.ALNUM: lambda t, o: canonical.parse_alnum(t),
}


def coerce(
    spec: FieldSpec,
    text: str,
    order: DateOrder,
    style: canonical.TextStyle = canonical.TextStyle.PLAIN,
) -> FieldData:
    """The canonical value of ``text`` for a field, ``None`` if it cannot be read."""
    if spec.kind is FieldKind.ENUM:
        return canonical.parse_choice(text, spec.choices)
    if spec.kind is FieldKind.STRING:
        return canonical.clean_text(text, style)
    return COERCERS[spec.kind](text, order)


def section_scope(doc: LabelledLines, rules: DocumentRules, name: str) -> tuple[int, int] | None:
    """Lines from a section's title to the next section's title, if the title is found."""
    titles = sorted(
        (m.line, m.key) for m in doc.labels if m.key.startswith("section:") and m.start <= 1
    )
    key = f"section:{name}"
    for position, (line, title) in enumerate(titles):
        if title == key:
            following = [ln for ln, _ in titles[position + 1 :] if ln > line]
            return line, min(following, default=len(doc.lines))
    return None


def continuation(
    doc: LabelledLines, line_index: int, words: tuple[Word, ...], max_lines: int
) -> list[tuple[Word, ...]]:
    """Further lines of a value: below it, starting near its left edge, no label first."""
    if max_lines <= 1 or not words:
        return []
    x0 = words[0].bbox.x0
    extra: list[tuple[Word, ...]] = []
    previous = doc.lines[line_index]
    for index in range(line_index + 1, len(doc.lines)):
        line = doc.lines[index]
        if len(extra) + 1 >= max_lines or line.page != previous.page:
            break
        if line.center_y - previous.center_y > BELOW_REACH * max(line.height, previous.height):
            break
        if any(m.line == index for m in doc.labels):
            break
        taken = tuple(w for w in line.words if w.bbox.x1 > x0 - 2 * line.height)
        if not taken:
            break
        extra.append(taken)
        previous = line
    return extra


def read_label(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    key: str | None = None,
    *,
    blank_ok: bool = False,
) -> Found | None:
    """The text right of (or below) the label ``key`` (default: the rule's field).

    With ``blank_ok`` a label with nothing after it gives an empty text (a
    list field left blank is ``[]``, not absent).
    """
    strength = rule.strength
    scope = None
    occurrence = 0
    if rule.section is not None:
        scope = section_scope(doc, rules, rule.section)
        if scope is None:  # title unreadable: count labels from the top instead
            strength *= 0.85
            occurrence = rule.occurrence
    hits = doc.matches(key or rule.field, scope)
    if len(hits) <= occurrence:
        return None
    hit = hits[occurrence]
    words: tuple[Word, ...] = ()
    line_index = hit.line
    if rule.where in (Where.RIGHT, Where.RIGHT_OR_BELOW):
        words = value_right(doc.lines, hit, doc.labels)
        if not words:
            words = value_beside(doc.lines, hit, doc.labels)
            strength *= 0.9 if words else 1.0
    if not words and rule.where in (Where.BELOW, Where.RIGHT_OR_BELOW):
        words = value_below(doc.lines, hit, doc.labels)
        if words:
            line_index = next(i for i, ln in enumerate(doc.lines) if words[0] in ln.words)
            strength *= 0.95
    label_strength = strength * (0.9 + 0.1 * min(1.0, hit.score / 100.0))
    if not words:
        if blank_ok:
            label_words = doc.lines[hit.line].words[hit.start : hit.end]
            return Found("", label_words, label_strength * 0.9)
        return None
    lines = [words, *continuation(doc, line_index, words, rule.max_lines)]
    text = "\n".join(" ".join(w.text for w in ws) for ws in lines)
    return Found(text, tuple(w for ws in lines for w in ws), label_strength)


def to_result(
    spec: FieldSpec,
    found: Found,
    order: DateOrder,
    style: canonical.TextStyle = canonical.TextStyle.PLAIN,
) -> FieldResult | None:
    """The field's result, or ``None`` when the text does not coerce to its kind."""
    value = coerce(spec, found.text, order, style)
    if value is None:
        return None
    return FieldResult.from_words(value, found.words, rule_strength=found.strength)
