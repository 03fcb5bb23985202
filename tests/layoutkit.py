"""Form families for the layout tests: one printed form, many documents filled in on it.

The classic generator (``tests.corpus.generate``) draws a new style (fonts, spacing,
how answers are marked, the prescriber's header) for every document. A *family*
here keeps all of that fixed, as a printed form does, and varies only what is
written on it: the values and the page's degradation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tests.corpus import generate, render

_HEADER_KEYS = ("specialty", "prescriber_street", "prescriber_city", "prescriber_phone")


@dataclass(frozen=True, slots=True)
class Family:
    """A printed form: a document type and the seed of its fixed style."""

    name: str
    document_type: str
    seed: int
    pad: bool = False
    fmt: str = "png"

    def style(self) -> dict[str, Any]:
        rnd = random.Random(f"family/{self.name}/{self.seed}")
        style = render.random_style(
            self.document_type, rnd, handwriting=self.pad, font="DejaVu Serif" if self.pad else None
        )
        if self.document_type == "prescription":
            style["variant"] = "pad" if self.pad else "printed"
            style["handwriting"] = False
            style["ink"] = [25, 25, 25]
            style["label_case"] = "title"
        else:
            style["empty_list"] = "N/A"
        return style

    def document(self, index: int) -> dict[str, Any]:
        rnd = random.Random(f"{self.name}/{index}")
        document = generate.random_document(self.document_type, rnd)
        document["style"] = self.style()
        document["font"] = document["style"]["value_font"]
        if self.document_type == "prescription":
            head = generate.random_document(self.document_type, random.Random(f"{self.name}/head"))
            document["fields"]["prescriber"] = head["fields"]["prescriber"]
            for key in _HEADER_KEYS:
                document["extras"][key] = head["extras"][key]
            if not self.pad:
                for key in ("age", "dea", "license"):
                    document["extras"].pop(key, None)
        return document

    def write(self, folder: Path, index: int, degradation: str = "clean") -> generate.Sample:
        return generate.make_sample(
            folder / f"{self.name}_{index:03d}",
            self.document(index),
            degradation=degradation,
            fmt=self.fmt,
            rng=np.random.default_rng(index),
        )


FAMILIES = (
    Family("clinic_rx", "prescription", 1),
    Family("pad_rx", "prescription", 2, pad=True),
    Family("record_a", "patient_details", 3, fmt="tiff"),
)
