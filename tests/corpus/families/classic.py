"""The generator's first layout: labels left of their values (:mod:`tests.corpus.render`).

Its random draws are those the generator always made, so a seed gives the same documents it
gave before families existed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from PIL import Image

from tests.corpus import render, values


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The classic style (a pad's labels and refill row when handwritten)."""
    return render.random_style(document_type, rnd, handwriting=handwriting, font=font)


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one classic document."""
    if document_type == "prescription":
        fields, extras = values.prescription_content(rnd, pad=handwriting)
    elif document_type == "patient_details":
        fields, extras = values.patient_details_content(rnd)
    else:
        raise ValueError(f"unknown document type {document_type!r}")
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    return fields, extras, style


def render_pages(
    document_type: str,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    style: Mapping[str, Any],
    *,
    dpi: int,
    pages: int | None,
) -> list[Image.Image]:
    """The classic pages."""
    return render.render_pages(document_type, fields, extras, style, dpi=dpi, pages=pages)
