"""What every document parser returns, and the loop that applies a document's rules.

A parser is its :class:`~medreview.parsing.rules.DocumentRules` plus the steps
for its special methods; :func:`apply_rules` runs the generic label steps and
hands the special ones to those steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from medreview.config import PipelineConfig
from medreview.documents import FIELDS, FieldKind, FieldSpec
from medreview.model import FieldResult, OcrPage
from medreview.parsing import canonical
from medreview.parsing.layout import page_lines
from medreview.parsing.rules import (
    DocumentRules,
    FieldRule,
    Found,
    LabelledLines,
    Method,
    read_label,
    to_result,
)


@dataclass(slots=True)
class ParseOutcome:
    """The fields read from a document and what went wrong (field and problem only)."""

    fields: dict[str, FieldResult] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class FieldParser(Protocol):
    """Reads one document type's fields from its OCR pages."""

    def parse(self, pages: Sequence[OcrPage], config: PipelineConfig) -> ParseOutcome:
        """Every field the pages show, canonical, with its evidence."""
        ...


@dataclass(frozen=True, slots=True)
class StepResult:
    """A step's field (or ``None``) and, when it failed, the problem in words."""

    result: FieldResult | None
    problem: str | None = None


Step = Callable[[LabelledLines, DocumentRules, FieldRule, FieldSpec, PipelineConfig], StepResult]


def found_result(
    spec: FieldSpec,
    found: Found | None,
    config: PipelineConfig,
    style: canonical.TextStyle = canonical.TextStyle.PLAIN,
) -> StepResult:
    """Coerce what a step found, saying so when the text is not of the field's kind."""
    if found is None:
        return StepResult(None)
    result = to_result(spec, found, config.date_order, style)
    if result is None:
        return StepResult(None, f"not readable as {spec.kind.value}")
    return StepResult(result)


def label_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """The value at the field's label."""
    found = read_label(doc, rules, rule, blank_ok=spec.kind is FieldKind.LIST)
    return found_result(spec, found, config, rule.style)


def composite_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """Several labelled parts (street, city, ...) joined with ``", "`` in rule order."""
    pieces: list[Found] = []
    for key in rule.parts:
        found = read_label(doc, rules, rule, key)
        if found is not None and canonical.clean_string(found.text):
            pieces.append(found)
    if not pieces:
        return StepResult(None)
    text = ", ".join(canonical.one_line(p.text).strip(" ,.;:") for p in pieces)
    words = tuple(w for p in pieces for w in p.words)
    strength = min(p.strength for p in pieces)
    return found_result(spec, Found(text, words, strength), config, rule.style)


def _as_read(page: OcrPage) -> OcrPage:
    """The page with every word as the engine read it, before medical correction."""
    words = tuple(
        replace(w, text=w.ocr_text, corrected=False) if w.corrected else w for w in page.words
    )
    return replace(page, words=words)


GENERIC_STEPS: dict[Method, Step] = {
    Method.LABEL: label_step,
    Method.COMPOSITE: composite_step,
}


def apply_rules(
    rules: DocumentRules,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    steps: Mapping[Method, Step],
) -> ParseOutcome:
    """Run every rule of a document type over its pages."""
    corrected = LabelledLines.build(page_lines(pages), rules)
    as_read = corrected
    if any(w.corrected for p in pages for w in p.words):
        as_read = LabelledLines.build(page_lines([_as_read(p) for p in pages]), rules)
    specs = {spec.name: spec for spec in FIELDS[rules.document_type]}
    table = {**GENERIC_STEPS, **steps}
    outcome = ParseOutcome()
    problems: dict[str, str] = {}
    for rule in rules.rules:
        if rule.field in outcome.fields:
            continue  # an earlier rule for the same field already read it
        spec = specs[rule.field]
        step = table[rule.method]
        doc = corrected if rule.medical else as_read
        done = step(doc, rules, rule, spec, config)
        if done.result is not None:
            outcome.fields[rule.field] = done.result
        elif done.problem is not None:
            problems.setdefault(rule.field, done.problem)
    for spec in FIELDS[rules.document_type]:
        if spec.name in outcome.fields:
            continue
        if spec.name in problems:
            outcome.warnings.append(f"{spec.name}: {problems[spec.name]}")
        elif spec.required:
            outcome.warnings.append(f"{spec.name}: required field not found")
    return outcome
