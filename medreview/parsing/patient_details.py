"""Patient medical record fields: labelled rows in titled sections over two pages.

LabelledLines 1: the record date (top right), *Patient Information* (name, phone,
street, city/state/zip, country beside birth date, weight, height), *In Case
of Emergency*, *General Medical History* (immunities, the hepatitis B
question, medical problems). LabelledLines 2: insurance rows, allergies, medication.
The same label (``Name:``, ``Address:``) means different fields in different
sections, so those rules are confined to their section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medreview.config import PipelineConfig
from medreview.documents import DocumentType, FieldSpec
from medreview.model import OcrPage, Word
from medreview.parsing import canonical
from medreview.parsing.base import ParseOutcome, StepResult, apply_rules, found_result
from medreview.parsing.canonical import TextStyle
from medreview.parsing.layout import compact
from medreview.parsing.rules import (
    DocumentRules,
    FieldRule,
    Found,
    LabelledLines,
    Method,
    Section,
    Where,
)

SECTIONS = (
    Section("title", ("Patient Medical Record", "Medical Record")),
    Section("patient", ("Patient Information", "Patient Info")),
    Section("emergency", ("In Case of Emergency", "Emergency Contact", "In Case of Emergencies")),
    Section("history", ("General Medical History", "Medical History")),
    Section("insurance", ("Insurance Information", "Insurance Details")),
    Section("allergies", ("Allergies and Medication", "Allergies and Medications")),
)

RULES = DocumentRules(
    DocumentType.PATIENT_DETAILS,
    rules=(
        FieldRule("record_date", ("Date", "Record Date", "Date of Record"), where=Where.RIGHT),
        FieldRule(
            "patient_name",
            ("Name", "Patient Name", "Full Name"),
            section="patient",
            occurrence=0,
            style=TextStyle.NAME,
        ),
        FieldRule("phone", ("Phone", "Telephone", "Tel", "Phone Number"), section="patient"),
        FieldRule(
            "address",
            method=Method.COMPOSITE,
            parts=("street", "city_state_zip", "country"),
            section="patient",
            where=Where.RIGHT,
            style=TextStyle.ADDRESS,
        ),
        FieldRule("birth_date", ("Birth Date", "Date of Birth", "DOB", "Birthdate")),
        FieldRule("weight", ("Weight",), where=Where.RIGHT),
        FieldRule("height", ("Height",), where=Where.RIGHT),
        FieldRule(
            "emergency_contact_name",
            ("Name", "Contact Name", "Emergency Contact Name"),
            section="emergency",
            occurrence=1,
            style=TextStyle.NAME,
        ),
        FieldRule(
            "emergency_contact_phone",
            ("Home Phone", "Home Tel", "Emergency Phone"),
            section="emergency",
        ),
        FieldRule(
            "emergency_contact_address",
            ("Address", "Contact Address"),
            section="emergency",
            occurrence=0,
            style=TextStyle.ADDRESS,
        ),
        FieldRule("chicken_pox", ("Chicken Pox (Varicella)", "Chicken Pox", "Varicella")),
        FieldRule("measles", ("Measles",)),
        FieldRule(
            "hepatitis_b_vaccination",
            ("Have you had the Hepatitis B vaccination?", "Hepatitis B vaccination"),
            method=Method.CHOICE_ROW,
        ),
        FieldRule(
            "medical_problems",
            (
                "List any Medical Problems (asthma, seizures, headaches)",
                "List any Medical Problems",
                "Medical Problems",
            ),
            where=Where.RIGHT_OR_BELOW,
            max_lines=2,
            medical=True,
        ),
        FieldRule(
            "insurance_company",
            ("Insurance Company", "Insurer", "Insurance Provider"),
            style=TextStyle.NAME,
        ),
        FieldRule("policy_number", ("Policy Number", "Policy No", "Policy #", "Policy")),
        FieldRule(
            "insurance_address", ("Insurance Address", "Insurer Address"), style=TextStyle.ADDRESS
        ),
        FieldRule(
            "insurance_expiry",
            ("Expiry Date", "Expiration Date", "Expires", "Valid Until"),
            where=Where.RIGHT,
        ),
        FieldRule(
            "has_insurance",
            ("Do you have medical insurance?", "Medical insurance?"),
            method=Method.CHOICE_ROW,
        ),
        FieldRule(
            "allergies",
            ("Allergies", "Allergy", "Known Allergies"),
            max_lines=2,
            medical=True,
        ),
        FieldRule(
            "regular_medication",
            ("Regular Medication", "Regular Medications", "Current Medication", "Medication"),
            max_lines=2,
            medical=True,
        ),
    ),
    sections=SECTIONS,
    other_labels={
        "street": ("Street", "Street Address"),
        "city_state_zip": ("City/State/Zip", "City, State, Zip", "City State Zip", "City"),
        "country": ("Country",),
        "work_phone": ("Work Phone", "Work Tel"),
        "signature": ("Patient Signature", "Signature"),
        "page_number": ("LabelledLines 1 of 2", "LabelledLines 2 of 2"),
    },
)


def _option_words(words: Sequence[Word], choices: tuple[str, ...]) -> dict[str, int]:
    """Index of the word printing each choice (``Yes``, ``No``), when each appears once."""
    found: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        text = compact(word.text)
        for choice in choices:
            if text == compact(choice) or (len(text) >= 3 and text.endswith(compact(choice))):
                found.setdefault(choice, []).append(index)
    return {c: hits[0] for c, hits in found.items() if len(hits) == 1}


# What OCR makes of an empty drawn box: "LI", "LJ", "L1]", "[]", "[.]", "U", "O".
# What OCR makes of a ticked box or a lone tick: "M", "MM", "My", "V", "W".
TICK = re.compile(r"^(?:[MVWvwJ✓✔/]{1,3}|My)$")
EMPTY_BOX = re.compile(r"^(?:[(\[]?[LC][IJ1l|]?[\]J)]?|\[[\s.,]*\]|\(\s*\)|[UO0□☐])$")


def ticked_option(words: Sequence[Word], choices: tuple[str, ...]) -> str | None:
    """The choice whose box carries a tick, judged from word boxes alone.

    An empty box reads as ``LJ`` or ``[]`` while a ticked one reads as
    anything else or vanishes, so when only one option has an empty box the
    other is ticked; a tick read as ``M`` or ``V`` beside only one option
    marks it. Failing that, a hand-drawn tick rises above its box and
    often merges with the box or the option word, so the ticked option's zone
    (its box and its word) reaches clearly higher than the other's.
    """
    options = _option_words(words, choices)
    if len(options) != len(choices) or len(choices) != 2:
        return None
    order = sorted(options.items(), key=lambda item: item[1])
    tops: dict[str, int] = {}
    empty: dict[str, bool] = {}
    ticked: dict[str, bool] = {}
    previous = -1
    for choice, index in order:
        zone = words[previous + 1 : index + 1]
        tops[choice] = min(w.bbox.y0 for w in zone)
        glued = zone[-1].text[: -len(choice)] if len(zone[-1].text) > len(choice) else ""
        boxes = [w.text for w in zone[:-1]] + ([glued] if glued else [])
        empty[choice] = any(EMPTY_BOX.match(text) for text in boxes)
        ticked[choice] = any(TICK.match(text) for text in boxes)
        previous = index
    if sum(empty.values()) == 1:
        return next(c for c, is_empty in empty.items() if not is_empty)
    if sum(ticked.values()) == 1 and not any(empty.values()):
        return next(c for c, is_ticked in ticked.items() if is_ticked)
    height = min(words[i].bbox.height for i in options.values())
    (first, top_a), (second, top_b) = tops.items()
    if abs(top_a - top_b) < 0.3 * height:
        return None
    return first if top_a < top_b else second


def choice_row_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """A question answered by a word, a ``[X]`` or a ticked box beside ``Yes`` / ``No``."""
    hits = doc.matches(rule.field)
    if not hits:
        return StepResult(None)
    hit = hits[0]
    words = doc.words_after(hit)
    if not words:
        return StepResult(None)
    text = " ".join(w.text for w in words)
    strength = rule.strength
    value = canonical.parse_choice(text, spec.choices)
    if len(_option_words(words, spec.choices)) == len(spec.choices):
        # every option printed: the mark decides, read from brackets if the
        # text shows them, else from the word boxes
        if canonical.CHECKED.search(text) or canonical.UNCHECKED.search(text):
            value = canonical.parse_choice(text, spec.choices)
        else:
            value, strength = ticked_option(words, spec.choices), strength * 0.75
    if value is None:
        return StepResult(None, "answer not readable")
    return found_result(spec, Found(value, tuple(words), strength), config)


STEPS = {Method.CHOICE_ROW: choice_row_step}


class PatientDetailsParser:
    """The :class:`~medreview.parsing.base.FieldParser` of patient medical records."""

    document_type = DocumentType.PATIENT_DETAILS

    def parse(self, pages: Sequence[OcrPage], config: PipelineConfig) -> ParseOutcome:
        """Every patient record field the pages show."""
        return apply_rules(RULES, pages, config, STEPS)
