"""Generate a labelled synthetic corpus of prescriptions and patient medical records.

Usage::

    python -m tests.corpus.generate OUT --count N --seed S [--kinds ...] [--families ...]
        [--degradations ...] [--formats ...] [--handwriting-share 0.3] [--dpi 300]

Each document is written as ``OUT/NAME.EXT`` with its ground truth beside it in
``OUT/NAME.json``::

    {"document_type": "prescription",
     "fields": {"patient_name": "Helen Okafor", "date": "2023-03-14", ...},
     "family": "classic", "degradation": "phone_shadow", "font": "Comic Neue",
     "handwriting": true,
     "format": "jpeg", "pages": 1, "dpi": 300, "seed": 0, "index": 7,
     "extras": {...}, "style": {...}, "degradation_params": [{...}]}

``family`` names the layout the page is drawn in (:mod:`tests.corpus.families`: ``classic``,
``labels_above``, ``pad``, ``grid``, ``dotted``, ``captions``, ``datasheet``, ``bilingual``,
``travel``, ``nursing``, ``camp``, ``employer``, ``preadmission``, ``caribbean``, ``rehab``,
``prenatal``, ``homehealth``, ``urgentcare``, ``dental``, ``athletics``, ``dialysis``,
``counselling``, ``research``, ``entrance``, ``pharmacy``, ``sleep``, ``occupational``,
``immigration``, ``allergy``, ``hearing``, ``oncology``, ``geriatric``, ``fertility``,
``podiatry``, ``transplant``, ``booking``, ``chiro``, ``village``, and each round's blind
``heldout``); each family prints its own selection of fields, so a field a family has no place
for is absent from its truth. ``fields`` holds the spec's fields
(``shared/spec/documents.md``) in their canonical forms, and only those the document shows: a
field left blank on the page is absent.
Text is as written: when the values' font draws capitals only (Humor Sans), the truth's text is
upper case too.
``font`` is the family the values are written in (the labels may use another). ``extras``,
``style`` and ``degradation_params`` are what :func:`render_document` and the degradations need
to draw the same page again; parsers are never asked for them.

Canonical forms, as the parser will be asked to produce them:

* dates are ISO ``YYYY-MM-DD`` (pages print ``03/14/2023`` month first, ``14 Mar 2023``,
  ``March 14, 2023`` or ``2023-03-14``, one form per document);
* phones are ``(NNN) NNN-NNNN`` (pages print that, ``415-555-0182`` or ``415.555.0182``);
* ``refills`` is an int, or ``"PRN"``; ``weight`` and ``height`` the number printed, unit dropped;
* ``chicken_pox`` / ``measles`` are ``immune`` / ``not immune`` (printed upper case);
  ``hepatitis_b_vaccination`` / ``has_insurance`` are ``yes`` / ``no``;
* ``medical_problems``, ``allergies``, ``regular_medication`` and ``medicines`` are lists;
  the page prints a list comma-separated (one medicine a line); ``[]`` when it prints
  ``N/A``, ``None`` or nothing;
* ``policy_number`` keeps letters and digits only (the page may print ``XZ-4820-1933``);
* **addresses** are one line joined with ``", "``. A record's patient ``address`` is its printed
  rows joined in order: ``Street``, ``City/State/Zip`` (itself printed as ``Portland, OR 97201``,
  ``Portland, 97201`` or ``Portland, OR``) and ``Country`` when filled in, e.g.
  ``77 Birch Rd, Portland, OR 97201, United States``. The emergency contact's and the insurer's
  addresses, and a prescription's ``patient_address``, are printed on one line and kept exactly
  as printed. ``emergency_contact_phone`` is the *Home Phone* row; the *Work Phone* row is an
  extra.

A patient record is two pages in TIFF and PDF; PNG and JPEG hold one page, so a record written
as PNG or JPEG shows page 1 only and its truth has none of page 2's fields.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from medreview.documents import FieldKind, fields_of
from tests.corpus import degrade, fonts, render
from tests.corpus.families import DEFAULT_FAMILY, FAMILIES, check_family
from tests.corpus.families import family as layout_family

KINDS = ("prescription", "patient_details")
FORMATS = ("png", "jpeg", "tiff", "pdf")
DEGRADATIONS = tuple(degrade.DEGRADATIONS)
EXTENSIONS = {"png": "png", "jpeg": "jpg", "tiff": "tiff", "pdf": "pdf"}
PREFIXES = {"prescription": "rx", "patient_details": "record"}
DEFAULT_HANDWRITING_SHARE = 0.3
JPEG_QUALITY = 88


@dataclass(frozen=True, slots=True)
class Sample:
    """One generated document file and its ground truth file."""

    path: Path
    truth_path: Path
    document_type: str
    degradation: str
    font: str
    handwriting: bool
    format: str
    pages: int
    family: str = DEFAULT_FAMILY
    form: str = ""  # the printed form it was filled in on (:func:`generate_forms`), if named

    def truth(self) -> dict[str, Any]:
        """The whole ground-truth object."""
        data: dict[str, Any] = json.loads(self.truth_path.read_text(encoding="utf-8"))
        return data

    @property
    def fields(self) -> dict[str, Any]:
        """The expected canonical field values."""
        fields: dict[str, Any] = self.truth()["fields"]
        return fields

    @classmethod
    def from_truth(cls, truth_path: Path) -> Sample:
        """The sample whose truth is ``truth_path`` (its document is the sibling file)."""
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        fmt = truth["format"]
        return cls(
            path=truth_path.with_suffix("." + EXTENSIONS[fmt]),
            truth_path=truth_path,
            document_type=truth["document_type"],
            degradation=truth["degradation"],
            font=truth["font"],
            handwriting=bool(truth["handwriting"]),
            format=fmt,
            pages=int(truth["pages"]),
            family=truth.get("family", DEFAULT_FAMILY),
            form=str(truth.get("form", "")),
        )


def random_document(
    document_type: str,
    rnd: random.Random,
    *,
    handwriting: bool = False,
    font: str | None = None,
    family: str = DEFAULT_FAMILY,
    form: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Content and style of one random document of a layout family, before it becomes a file.

    The result is the part of the truth object :func:`render_document` reads:
    ``document_type``, ``family``, ``fields``, ``extras``, ``style``, ``font`` and
    ``handwriting``. ``form`` (a style of the family) is the printed form the document is
    filled in on: its labels, fonts and geometry are kept, and only what the person filling
    it in chooses (:data:`FILLER_KEYS`: the values' font, size and ink, how dates, phones and
    empty lists are written) is drawn for this document.
    """
    if document_type not in KINDS:
        raise ValueError(f"unknown document type {document_type!r}; choose from {KINDS}")
    fields, extras, style = layout_family(family).document(
        document_type, rnd, handwriting=handwriting, font=font
    )
    if form is not None:
        style = {**form, **{key: v for key, v in style.items() if key in FILLER_KEYS}}
    if fonts.family(style["value_font"]).all_caps:  # the page shows block capitals
        # the prescriber keeps its case where a printed header shows it
        keep = _KEEP_CASE - {"prescriber"} if style.get("prescriber_written") else _KEEP_CASE
        fields = {name: _upper(name, value, keep) for name, value in fields.items()}
        extras = {
            name: _upper(name, value, keep) if name in _WRITTEN_EXTRAS else value
            for name, value in extras.items()
        }
    return {
        "document_type": document_type,
        "family": family,
        "fields": fields,
        "extras": extras,
        "style": style,
        "font": style["value_font"],
        "handwriting": handwriting,
    }


# The style keys the person filling a form in decides; every other key is the printed form.
FILLER_KEYS = frozenset(
    {
        "seed",
        "value_font",
        "value_size",
        "handwriting",
        "ink",
        "date_style",
        "date_format",
        "phone_style",
        "phone_format",
        "empty_list",
        "yes_no_case",
        "mark",
    }
)


# Fields a page does not write in the values' font (the prescriber heads the page in its own),
# or whose canonical form is lower case whatever the page shows (the enums).
_KEEP_CASE = frozenset(
    {"prescriber"}
    | {spec.name for kind in KINDS for spec in fields_of(kind) if spec.kind is FieldKind.ENUM}
)


# Extras written in the values' font (the prescriber's header is printed in its own).
_WRITTEN_EXTRAS = frozenset({"address_lines", "policy_number_printed", "dea", "license"})


def _upper(name: str, value: Any, keep: frozenset[str] = _KEEP_CASE) -> Any:
    if name in keep:
        return value
    if isinstance(value, str):
        return value.upper()
    if isinstance(value, list):
        return [item.upper() for item in value]
    return value


def render_document(
    truth: Mapping[str, Any], *, dpi: int = 300, seed: int = 0, pages: int | None = None
) -> list[Image.Image]:
    """Render a document's clean pages (RGB, 8.5 x 11 in at ``dpi``) from its truth.

    ``truth`` needs ``document_type`` and ``fields`` (canonical values); ``extras`` and
    ``style`` are used when present, so a generated truth renders its page again exactly.
    Without a ``style`` one is drawn from ``seed`` (honouring ``font`` and ``handwriting``
    when given). ``family`` picks the layout (``classic`` when absent). ``pages=1`` renders
    only a record's first page.
    """
    document_type = truth["document_type"]
    chosen = layout_family(truth.get("family") or DEFAULT_FAMILY)
    style = truth.get("style") or chosen.random_style(
        document_type,
        random.Random(seed),
        handwriting=bool(truth.get("handwriting", False)),
        font=truth.get("font"),
    )
    return list(
        chosen.render_pages(
            document_type, truth["fields"], truth.get("extras") or {}, style, dpi=dpi, pages=pages
        )
    )


def _is_grey(image: Image.Image) -> bool:
    arr = np.asarray(image)
    return bool(
        np.array_equal(arr[..., 0], arr[..., 1]) and np.array_equal(arr[..., 1], arr[..., 2])
    )


def write_pages(
    images: Sequence[Image.Image],
    path: Path,
    fmt: str,
    *,
    dpi: int = 300,
    jpeg_quality: int = JPEG_QUALITY,
    tiff_compression: str = "tiff_deflate",
    colour: str = "auto",
) -> None:
    """Write pages as ``fmt``: PNG and JPEG take the first page, TIFF and PDF all of them.

    ``colour`` is how a scanner would store them: ``"auto"`` keeps colour pages in RGB and grey
    ones in 8-bit grey, ``"grey"`` stores all as grey, ``"bilevel"`` as black and white
    (thresholded at mid-grey; a PDF or TIFF then holds CCITT G4 images). A PDF holds one image
    per page (JPEG, or G4 when bilevel) at ``dpi``, so pdf2image renders it back at the same
    pixel size; it carries no creation date, so the same pages give the same bytes.
    """
    if colour == "bilevel":
        pages = [im.convert("L").point(lambda v: 255 if v >= 128 else 0, "1") for im in images]
    elif colour in ("auto", "grey"):
        pages = [
            im.convert("L") if colour == "grey" or _is_grey(im) else im.convert("RGB")
            for im in images
        ]
    else:
        raise ValueError(f"unknown colour {colour!r}; choose auto, grey or bilevel")
    first, rest = pages[0], pages[1:]
    if fmt == "png":
        first.save(path, "PNG", dpi=(dpi, dpi))
    elif fmt == "jpeg":
        first.save(path, "JPEG", dpi=(dpi, dpi), quality=jpeg_quality)
    elif fmt == "tiff":
        if colour == "bilevel":
            tiff_compression = "group4"
        extra = {"quality": jpeg_quality} if tiff_compression == "jpeg" else {}
        first.save(
            path,
            "TIFF",
            save_all=True,
            append_images=rest,
            compression=tiff_compression,
            dpi=(dpi, dpi),
            **extra,
        )
    elif fmt == "pdf":
        first.save(
            path,
            "PDF",
            save_all=True,
            append_images=rest,
            resolution=float(dpi),
            title=path.stem,
            creationDate=None,
            modDate=None,
            **({} if colour == "bilevel" else {"quality": jpeg_quality}),
        )
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {FORMATS}")


def make_sample(
    stem: Path,
    document: Mapping[str, Any],
    *,
    degradation: str,
    fmt: str,
    rng: np.random.Generator,
    dpi: int = 300,
    jpeg_quality: int = JPEG_QUALITY,
    tiff_compression: str = "tiff_deflate",
    colour: str = "auto",
    extra: Mapping[str, Any] | None = None,
) -> Sample:
    """Render ``document`` (from :func:`random_document`), degrade it and write ``stem.EXT``.

    The truth written beside it is ``document`` plus the file's facts, with page 2's fields
    dropped when the format holds one page.
    """
    degrade.check_name(degradation)
    one_page = fmt in ("png", "jpeg")
    images = render_document(document, dpi=dpi, pages=1 if one_page else None)
    degraded, params = [], []
    for image in images:
        out, drawn = degrade.apply(degradation, image, rng)
        degraded.append(out)
        params.append(drawn)
    path = stem.with_name(f"{stem.name}.{EXTENSIONS[fmt]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pages(
        degraded,
        path,
        fmt,
        dpi=dpi,
        jpeg_quality=jpeg_quality,
        tiff_compression=tiff_compression,
        colour=colour,
    )
    fields = dict(document["fields"])
    if document["document_type"] == "patient_details" and len(images) == 1:
        fields = {k: v for k, v in fields.items() if k not in render.PAGE_TWO_FIELDS}
    truth = {
        "document_type": document["document_type"],
        "family": document.get("family", DEFAULT_FAMILY),
        "fields": fields,
        "degradation": degradation,
        "font": document["font"],
        "handwriting": document["handwriting"],
        "format": fmt,
        "pages": len(images),
        "dpi": dpi,
        **(extra or {}),
        "extras": document["extras"],
        "style": document["style"],
        "degradation_params": params,
    }
    truth_path = stem.with_name(f"{stem.name}.json")
    truth_path.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return Sample.from_truth(truth_path)


def _balanced(choices: Sequence[str], index: int, seed: int, salt: str) -> str:
    """Each run of ``len(choices)`` samples uses every choice once, in a seeded order."""
    block = list(choices)
    random.Random(f"{seed}/{salt}/{index // len(block)}").shuffle(block)
    return block[index % len(block)]


def generate_corpus(
    out_dir: Path,
    count: int,
    seed: int = 0,
    *,
    kinds: Sequence[str] = KINDS,
    families: Sequence[str] = (DEFAULT_FAMILY,),
    degradations: Sequence[str] = DEGRADATIONS,
    formats: Sequence[str] = FORMATS,
    handwriting_share: float = DEFAULT_HANDWRITING_SHARE,
    dpi: int = 300,
) -> list[Sample]:
    """Write ``count`` labelled documents into ``out_dir``; the same arguments give the same files.

    Kinds, degradations (names from :data:`DEGRADATIONS`, or ``a+b`` combinations) and formats
    are spread evenly: every run of ``len(kinds)`` samples has each kind once, and so on.
    Families (:data:`FAMILIES`) change every ``len(kinds)`` samples, so ``count`` a multiple of
    ``len(kinds) * len(families)`` gives each family every kind equally often. Sample ``i``
    depends only on ``seed`` and ``i``, so a larger corpus starts with the smaller one.
    """
    for name in families:
        check_family(name)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {FORMATS}")
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown document type {kind!r}; choose from {KINDS}")
    for name in degradations:
        degrade.check_name(name)
    if not kinds or not families or not degradations or not formats:
        raise ValueError("kinds, families, degradations and formats must not be empty")
    samples = []
    for index in range(count):
        kind = _balanced(kinds, index, seed, "kind")
        layout = _balanced(families, index // len(kinds), seed, "family")
        rnd = random.Random(f"{seed}/{index}")
        document = random_document(
            kind, rnd, handwriting=rnd.random() < handwriting_share, family=layout
        )
        samples.append(
            make_sample(
                Path(out_dir) / f"{PREFIXES[kind]}_{index:04d}",
                document,
                degradation=_balanced(degradations, index, seed, "degradation"),
                fmt=_balanced(formats, index, seed, "format"),
                rng=np.random.default_rng(rnd.getrandbits(64)),
                dpi=dpi,
                extra={"seed": seed, "index": index},
            )
        )
    return samples


def generate_forms(
    out_dir: Path,
    per_form: Sequence[int],
    seed: int = 0,
    *,
    kinds: Sequence[str] = KINDS,
    families: Sequence[str] = (DEFAULT_FAMILY,),
    degradations: Sequence[str] = DEGRADATIONS,
    formats: Sequence[str] = FORMATS,
    handwriting_share: float = DEFAULT_HANDWRITING_SHARE,
    dpi: int = 300,
) -> list[Sample]:
    """Documents filled in on a few printed forms of each family and type.

    ``per_form[n]`` documents are filled in on the n-th form of each family and type. A form
    is one style of its family (one hospital's printed form: its labels, fonts, geometry
    and header); its documents differ in their values, in how they are written
    (:data:`FILLER_KEYS`: printed or handwriting fonts, date and phone styles) and in how they
    were scanned. Each form's first document is a clean scan of every page (TIFF), as an
    analyst would verify to teach the form; the others cycle through ``degradations`` and
    ``formats``. Truths name their form (``"form": "grid-prescription-0"``); the same
    arguments give the same files.
    """
    for name in families:
        check_family(name)
    samples = []
    index = 0
    for family in families:
        for kind in kinds:
            for number, count in enumerate(per_form):
                form_id = f"{family}-{kind}-{number}"
                drawn = random.Random(f"{seed}/form/{form_id}")
                form = layout_family(family).random_style(
                    kind, drawn, handwriting=drawn.random() < handwriting_share, font=None
                )
                for n in range(count):
                    rnd = random.Random(f"{seed}/{form_id}/{n}")
                    document = random_document(
                        kind,
                        rnd,
                        handwriting=rnd.random() < handwriting_share,
                        family=family,
                        form=form,
                    )
                    first = n == 0
                    samples.append(
                        make_sample(
                            Path(out_dir) / f"{PREFIXES[kind]}_{family}_{number}_{n:02d}",
                            document,
                            degradation="clean"
                            if first
                            else _balanced(degradations, index, seed, "degradation"),
                            fmt="tiff" if first else _balanced(formats, index, seed, "format"),
                            rng=np.random.default_rng(rnd.getrandbits(64)),
                            dpi=dpi,
                            extra={"seed": seed, "index": index, "form": form_id},
                        )
                    )
                    index += 1
    return samples


def load_corpus(out_dir: Path) -> list[Sample]:
    """The samples of a generated corpus (or of ``samples/``), by file name."""
    return [Sample.from_truth(path) for path in sorted(Path(out_dir).glob("*.json"))]


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _families(text: str) -> list[str]:
    return list(FAMILIES) if text.strip() == "all" else _csv(text)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: generate a corpus and list what was written."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.corpus.generate",
        description="Generate labelled synthetic prescriptions and patient records.",
    )
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--count", type=int, default=20, help="number of documents (20)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--kinds", type=_csv, default=list(KINDS), help="comma-separated")
    parser.add_argument(
        "--families",
        type=_families,
        default=[DEFAULT_FAMILY],
        help=f"comma-separated layout families, from {', '.join(FAMILIES)}, or all (classic)",
    )
    parser.add_argument(
        "--degradations",
        type=_csv,
        default=list(DEGRADATIONS),
        help=f"comma-separated, each one of {', '.join(DEGRADATIONS)} or a+b (all)",
    )
    parser.add_argument("--formats", type=_csv, default=list(FORMATS), help="comma-separated")
    parser.add_argument(
        "--handwriting-share", type=float, default=DEFAULT_HANDWRITING_SHARE, help="0 to 1"
    )
    parser.add_argument("--dpi", type=int, default=300, help="render resolution (300)")
    args = parser.parse_args(argv)
    try:
        samples = generate_corpus(
            args.out,
            args.count,
            args.seed,
            kinds=args.kinds,
            families=args.families,
            degradations=args.degradations,
            formats=args.formats,
            handwriting_share=args.handwriting_share,
            dpi=args.dpi,
        )
    except ValueError as error:
        parser.error(str(error))
    except fonts.FontsMissingError as error:
        parser.exit(2, f"error: {error}\n")
    for sample in samples:
        print(
            f"{sample.path}\t{sample.document_type}\t{sample.family}\t{sample.degradation}"
            f"\t{sample.format}"
            f"\t{sample.font}{' (handwriting)' if sample.handwriting else ''}"
        )
    print(f"wrote {len(samples)} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
