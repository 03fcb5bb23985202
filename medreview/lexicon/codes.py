"""Codes for the names the lexicon knows: ICD-10-CM for conditions.

``icd10cm.tsv`` (built by :mod:`medreview.lexicon.build` from ICD-10-CM's short
descriptions and a few hand-coded common names) maps a condition as written on
a form ("Asthma", "migraines", "High blood pressure") to its code. A name not in
the table gets no code: the exports then carry the text alone, never a guess.

Medicines get no code: the lexicon's drug source (drug-named-entity-recognition)
carries DrugBank and MedlinePlus identifiers but no RxNorm codes, and RxNorm
cannot be reached at run time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Code:
    """A code in a code system, with the system's own display text."""

    system: str
    code: str
    display: str


@functools.cache
def _icd10cm() -> dict[str, tuple[str, str]]:
    text = resources.files("medreview.lexicon").joinpath("data/icd10cm.tsv").read_text("utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, code, display = line.split("\t")
        table[name] = (code, display)
    return table


def _keys(text: str) -> list[str]:
    key = _SPACES.sub(" ", text.strip().lower()).strip(" .;,")
    keys = [key]
    if key.endswith("ies"):
        keys.append(key[:-3] + "y")
    if key.endswith("s"):
        keys.append(key[:-1])
    return keys


def icd10cm_for(condition: str) -> Code | None:
    """The ICD-10-CM code of a condition name as written, or None when unknown."""
    table = _icd10cm()
    for key in _keys(condition):
        if key in table:
            code, display = table[key]
            return Code(ICD10CM_SYSTEM, code, display)
    return None
