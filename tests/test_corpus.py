"""The synthetic corpus: deterministic, canonical ground truth, every format, degradations."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pdf2image import convert_from_path, pdfinfo_from_path
from PIL import Image

from medreview.documents import FieldKind, fields_of
from tests.corpus import fonts
from tests.corpus.degrade import DEGRADATIONS, apply
from tests.corpus.families import DEFAULT_FAMILY, FAMILIES
from tests.corpus.families.common import (
    DATE_STYLES,
    DAY_FIRST_NUMERIC,
    format_date,
    format_phone,
)
from tests.corpus.generate import (
    FORMATS,
    Sample,
    generate_corpus,
    load_corpus,
    main,
    make_sample,
    random_document,
    render_document,
)
from tests.corpus.render import PAGE_TWO_FIELDS, Drawn, format_number, recording

ROOT = Path(__file__).resolve().parents[1]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PHONE = re.compile(r"^\(\d{3}\) \d{3}-\d{4}$")
ALNUM = re.compile(r"^[A-Z0-9]+$")
LETTER_PX = (2550, 3300)
SMALL_DPI = 50


def assert_canonical(document_type: str, fields: dict[str, Any]) -> None:
    """Every value in the canonical form ``shared/spec/documents.md`` gives its field's kind."""
    specs = {spec.name: spec for spec in fields_of(document_type)}
    assert set(fields) <= set(specs), set(fields) - set(specs)
    for spec in specs.values():
        if spec.required:
            assert spec.name in fields, spec.name
    for name, value in fields.items():
        kind = specs[name].kind
        if kind is FieldKind.DATE:
            assert ISO_DATE.match(value), (name, value)
            dt.date.fromisoformat(value)
        elif kind is FieldKind.PHONE:
            assert PHONE.match(value), (name, value)
        elif kind is FieldKind.ENUM:
            assert value in specs[name].choices, (name, value)
        elif kind is FieldKind.REFILLS:
            assert value == "PRN" or (isinstance(value, int) and 0 <= value <= 11), value
        elif kind is FieldKind.NUMBER:
            assert isinstance(value, int | float) and not isinstance(value, bool), value
            assert value > 0 and (isinstance(value, int) or not value.is_integer()), value
        elif kind is FieldKind.ALNUM:
            assert ALNUM.match(value), (name, value)
        elif kind is FieldKind.LIST:
            assert isinstance(value, list), (name, value)
            for item in value:
                assert item == item.strip() and item and "  " not in item and "," not in item
        else:
            assert isinstance(value, str) and value == value.strip() and value, (name, value)
            assert "  " not in value and "\n" not in value, (name, value)


def test_truth_is_canonical_and_plausible() -> None:
    for seed in range(120):
        for document_type in ("prescription", "patient_details"):
            handwriting = seed % 3 == 0
            doc = random_document(document_type, random.Random(seed), handwriting=handwriting)
            fields = doc["fields"]
            assert_canonical(document_type, fields)
            assert doc["font"] == doc["style"]["value_font"]
            if document_type == "prescription":
                assert "2019-01-01" <= fields["date"] <= "2025-12-31"
                assert 1 <= len(fields["medicines"]) <= 4
                for medicine in fields["medicines"]:
                    assert re.match(
                        r"^[A-Za-z]+ \d+(\.\d+)? (mg|mcg)( (tab|cap))?$", medicine, re.I
                    )
                continue
            assert "1930-01-01" <= fields["birth_date"] <= "2015-12-31"
            assert "2019-01-01" <= fields["record_date"] <= "2025-12-31"
            if "insurance_expiry" in fields:
                assert fields["insurance_expiry"] > fields["record_date"]
            # the address rule: the printed rows joined with ", "
            assert fields["address"] == ", ".join(doc["extras"]["address_lines"])
            if fields["has_insurance"] == "no":
                assert "insurance_company" not in fields and "policy_number" not in fields


def test_lists_are_sometimes_empty_and_optional_fields_sometimes_absent() -> None:
    docs = [random_document("patient_details", random.Random(s))["fields"] for s in range(60)]
    assert any(d["allergies"] == [] for d in docs)
    assert any(d["allergies"] for d in docs)
    assert any(d["medical_problems"] == [] for d in docs)
    assert any("phone" not in d for d in docs)
    rx = [random_document("prescription", random.Random(s))["fields"] for s in range(60)]
    assert any(r.get("refills") == "PRN" for r in rx)
    assert any("refills" not in r for r in rx)


def test_capitals_only_font_gives_upper_case_truth() -> None:
    doc = random_document("patient_details", random.Random(4), handwriting=True, font="Humor Sans")
    fields = doc["fields"]
    assert fields["patient_name"] == fields["patient_name"].upper()
    assert fields["chicken_pox"] in ("immune", "not immune")  # canonical enums keep their case
    assert_canonical("patient_details", fields)


def test_same_seed_gives_same_corpus(tmp_path: Path) -> None:
    kwargs: dict[str, Any] = {"dpi": SMALL_DPI, "formats": ("png", "pdf")}
    first = generate_corpus(tmp_path / "a", 4, seed=3, **kwargs)
    again = generate_corpus(tmp_path / "b", 4, seed=3, **kwargs)
    shorter = generate_corpus(tmp_path / "c", 2, seed=3, **kwargs)
    other = generate_corpus(tmp_path / "d", 4, seed=4, **kwargs)
    for a, b in zip(first, again, strict=True):
        assert a.truth_path.read_text() == b.truth_path.read_text()
        assert a.path.read_bytes() == b.path.read_bytes()
    for a, c in zip(first, shorter, strict=False):  # a larger corpus starts with the smaller
        assert a.truth_path.read_text() == c.truth_path.read_text()
    assert [s.truth()["fields"] for s in first] != [s.truth()["fields"] for s in other]
    assert load_corpus(tmp_path / "a") == sorted(first, key=lambda s: s.path.name)


def test_corpus_spreads_kinds_formats_and_degradations(tmp_path: Path) -> None:
    degradations = ("clean", "noise")
    samples = generate_corpus(
        tmp_path, 4, seed=9, dpi=20, formats=("png", "jpeg"), degradations=degradations
    )
    assert (
        sorted(s.document_type for s in samples) == ["patient_details"] * 2 + ["prescription"] * 2
    )
    assert sorted(s.format for s in samples) == ["jpeg", "jpeg", "png", "png"]
    assert sorted(s.degradation for s in samples) == ["clean", "clean", "noise", "noise"]
    for sample in samples:
        assert sample.path.exists() and sample.path.suffix in (".png", ".jpg")
        assert sample.truth_path == sample.path.with_suffix(".json")
        truth = sample.truth()
        assert truth["format"] == sample.format and truth["handwriting"] == sample.handwriting
        assert_canonical(sample.document_type, sample.fields)


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return random_document("patient_details", random.Random(21))


def _read_pages(path: Path, fmt: str) -> list[Image.Image]:
    if fmt == "pdf":  # every page counted, the last one rendered
        count = int(pdfinfo_from_path(str(path))["Pages"])
        last = convert_from_path(str(path), dpi=300, first_page=count, last_page=count)
        return [last[0]] * count
    with Image.open(path) as image:
        pages = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            assert image.info["dpi"] == pytest.approx((300, 300), abs=0.5)
            pages.append(image.copy())
        return pages


@pytest.mark.parametrize(
    ("fmt", "colour"),
    [
        ("png", "auto"),
        ("jpeg", "auto"),
        ("tiff", "auto"),
        ("pdf", "auto"),
        ("tiff", "bilevel"),
        ("pdf", "bilevel"),
    ],
)
def test_every_format_reads_back_at_300_dpi(
    tmp_path: Path, record: dict[str, Any], fmt: str, colour: str
) -> None:
    sample = make_sample(
        tmp_path / "doc",
        record,
        degradation="clean",
        fmt=fmt,
        rng=np.random.default_rng(0),
        colour=colour,
    )
    pages = _read_pages(sample.path, fmt)
    expected = 1 if fmt in ("png", "jpeg") else 2
    assert sample.pages == expected == len(pages)
    assert all(page.size == LETTER_PX for page in pages)
    fields = sample.fields
    if expected == 1:  # page 2 is not in the file, so neither are its fields
        assert not PAGE_TWO_FIELDS & fields.keys()
    else:
        assert fields == record["fields"]


def test_formats_are_the_four_inputs() -> None:
    assert set(FORMATS) == {"png", "jpeg", "tiff", "pdf"}


@pytest.fixture(scope="module")
def page() -> Image.Image:
    doc = random_document("prescription", random.Random(5))
    return render_document(doc, dpi=75)[0]


@pytest.mark.parametrize("name", sorted(DEGRADATIONS))
def test_degradations_change_pixels_but_keep_size(page: Image.Image, name: str) -> None:
    out, params = apply(name, page, np.random.default_rng(1))
    again, params_again = apply(name, page, np.random.default_rng(1))
    assert out.size == page.size and out.mode == "RGB"
    assert np.array_equal(np.asarray(out), np.asarray(again)) and params == params_again
    difference = np.abs(np.asarray(out, np.int16) - np.asarray(page.convert("RGB"), np.int16))
    if name == "clean":
        assert difference.max() == 0
    else:
        assert difference.mean() > 0.3, difference.mean()


def test_degradations_compose_and_unknown_names_are_refused(page: Image.Image) -> None:
    out, params = apply("photocopy+rotation", page, np.random.default_rng(2))
    assert out.size == page.size
    assert set(params) == {"photocopy", "rotation"}
    assert -4 <= params["rotation"]["rotation_degrees"] <= 4
    with pytest.raises(ValueError, match="unknown degradation"):
        apply("sepia", page, np.random.default_rng(2))
    with pytest.raises(ValueError, match="unknown format"):
        generate_corpus(Path("unused"), 1, formats=("bmp",))


def test_render_document_redraws_a_truth_and_accepts_bare_fields(tmp_path: Path) -> None:
    sample = generate_corpus(
        tmp_path, 1, seed=5, dpi=SMALL_DPI, degradations=("clean",), formats=("png",)
    )[0]
    truth = sample.truth()
    redrawn = render_document(truth, dpi=SMALL_DPI, pages=1)[0]
    with Image.open(sample.path) as written:
        assert np.array_equal(np.asarray(written.convert("RGB")), np.asarray(redrawn))
    bare = {
        "document_type": "prescription",
        "fields": {
            "prescriber": "Dr Alan Reyes, M.D",
            "patient_name": "Helen Okafor",
            "date": "2023-03-14",
            "medicines": ["Amoxicillin 500 mg"],
            "refills": 2,
        },
    }
    pages = render_document(bare, dpi=SMALL_DPI, seed=3)
    assert len(pages) == 1 and pages[0].size == (425, 550)
    assert np.array_equal(
        np.asarray(pages[0]), np.asarray(render_document(bare, dpi=SMALL_DPI, seed=3)[0])
    )


def test_cli_writes_documents_and_refuses_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                str(tmp_path),
                "--count",
                "2",
                "--seed",
                "1",
                "--dpi",
                "20",
                "--formats",
                "png",
                "--degradations",
                "clean,blur+noise",
            ]
        )
        == 0
    )
    assert len(list(tmp_path.glob("*.png"))) == 2 == len(list(tmp_path.glob("*.json")))
    assert "wrote 2 documents" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path), "--degradations", "smudge"])
    assert exit_info.value.code == 2


def test_missing_fonts_fail_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path,))
    fonts.installed_families.cache_clear()
    try:
        with pytest.raises(fonts.FontsMissingError, match=r"scripts/setup\.sh"):
            fonts.families(handwriting=True)
    finally:
        fonts.installed_families.cache_clear()


def test_both_font_roles_are_installed() -> None:
    assert fonts.families(handwriting=False) and fonts.families(handwriting=True)


SAMPLES = sorted((ROOT / "samples").glob("*.json"))


@pytest.mark.parametrize("truth_path", SAMPLES, ids=lambda p: p.stem)
def test_committed_samples_match_their_truth(truth_path: Path) -> None:
    sample = Sample.from_truth(truth_path)
    assert sample.path.exists()
    assert sample.path.stat().st_size < 400_000
    assert_canonical(sample.document_type, sample.fields)
    if sample.format == "pdf":
        assert pdfinfo_from_path(str(sample.path))["Pages"] == sample.pages
    else:
        with Image.open(sample.path) as image:
            assert getattr(image, "n_frames", 1) == sample.pages
            assert image.size == LETTER_PX


def test_samples_cover_the_demo_set() -> None:
    assert {p.stem for p in SAMPLES} >= {
        "rx_printed_scan",
        "rx_phone_photo",
        "patient_record",
        "patient_record_photo",
    }


@pytest.mark.slow
def test_a_clean_printed_page_is_machine_readable() -> None:
    import pytesseract

    doc = random_document("prescription", random.Random(8), font="DejaVu Sans")
    image = render_document(doc)[0]
    top = image.crop((0, 0, image.width, 1200))  # header, name, date and address
    text = " ".join(pytesseract.image_to_string(top).split())
    assert doc["fields"]["patient_name"] in text
    assert doc["fields"]["prescriber"] in text
    json.dumps(doc)  # the truth is plain JSON


# --- layout families ------------------------------------------------------------------------

NEW_FAMILIES = tuple(f for f in FAMILIES if f != DEFAULT_FAMILY)  # beside the first layout
KINDS = ("prescription", "patient_details")


def _drawn_text(drawn: list[Drawn]) -> tuple[set[str], list[str]]:
    """The words and the whole texts a render drew (faces ignored)."""
    texts = [item.text for item in drawn]
    words = {word.strip(",") for text in texts for word in text.split()}
    return words, texts


def _date_forms(iso: str) -> set[str]:
    return {
        format_date(iso, style, short_year=short)
        for style in DATE_STYLES
        for short in (True, False)
    }


def assert_truth_is_drawn(document: dict[str, Any], drawn: list[Drawn]) -> None:
    """Every field of the truth is on the page: its words, its date, its phone digits."""
    words, texts = _drawn_text(drawn)
    joined = " ".join(texts)
    digits_drawn = {re.sub(r"\D", "", text).removeprefix("1") for text in texts}
    specs = {spec.name: spec for spec in fields_of(document["document_type"])}
    for name, value in document["fields"].items():
        kind = specs[name].kind
        if kind is FieldKind.DATE:
            assert _date_forms(value) & set(texts), (name, value)
        elif kind is FieldKind.PHONE:
            assert re.sub(r"\D", "", value) in digits_drawn, (name, value)
        elif kind is FieldKind.ENUM:  # printed in full or abbreviated
            shown = value.upper() in joined.upper() or value[0].upper() in words
            assert shown, (name, value)
        elif kind is FieldKind.ALNUM:
            assert value in re.sub(r"[^A-Z0-9]", "", joined.upper()), (name, value)
        elif kind in (FieldKind.NUMBER, FieldKind.REFILLS):
            shown = format_number(value) if kind is FieldKind.NUMBER else str(value)
            assert shown in words, (name, value)
        else:
            items = value if isinstance(value, list) else [value]
            for item in items:
                for word in item.split():
                    assert word.strip(",") in words, (name, word)


@pytest.mark.parametrize("document_type", KINDS)
@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_family_truth_is_canonical_and_drawn(family: str, document_type: str) -> None:
    for seed in range(10):
        doc = random_document(
            document_type, random.Random(seed), handwriting=seed % 3 == 0, family=family
        )
        assert doc["family"] == family
        assert_canonical(document_type, doc["fields"])
        with recording() as drawn:
            pages = render_document(doc, dpi=20)
        assert len(pages) == (1 if document_type == "prescription" else 2)
        assert all(page.size == (170, 220) for page in pages)
        assert_truth_is_drawn(doc, drawn)
        if document_type == "patient_details":  # page 1 alone shows all but page 2's fields
            with recording() as first_page:
                render_document(doc, dpi=20, pages=1)
            page_one = {k: v for k, v in doc["fields"].items() if k not in PAGE_TWO_FIELDS}
            assert_truth_is_drawn({**doc, "fields": page_one}, first_page)
            shown = " ".join(d.text for d in first_page)
            company = doc["fields"].get("insurance_company")
            assert company is None or company not in shown


@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_day_first_numeric_documents_show_which_order_they_use(family: str) -> None:
    first_date = {"prescription": "date", "patient_details": "record_date"}
    seen = 0
    for seed in range(40):
        for document_type in KINDS:
            doc = random_document(document_type, random.Random(seed), family=family)
            if doc["style"]["date_style"] in DAY_FIRST_NUMERIC:
                seen += 1
                assert int(doc["fields"][first_date[document_type]][-2:]) > 12
    assert seen


@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_family_is_deterministic_per_seed(family: str) -> None:
    for document_type in KINDS:
        a = random_document(document_type, random.Random(7), family=family)
        b = random_document(document_type, random.Random(7), family=family)
        c = random_document(document_type, random.Random(8), family=family)
        assert a == b and a["fields"] != c["fields"]
        pages_a, pages_b = render_document(a, dpi=SMALL_DPI), render_document(b, dpi=SMALL_DPI)
        for x, y in zip(pages_a, pages_b, strict=True):
            assert np.array_equal(np.asarray(x), np.asarray(y))


def test_corpus_balances_families_and_kinds_and_records_the_family(tmp_path: Path) -> None:
    families = ("classic", *NEW_FAMILIES)
    samples = generate_corpus(
        tmp_path,
        2 * len(families),
        seed=2,
        dpi=20,
        families=families,
        formats=("png",),
        degradations=("photocopy", "phone_shadow"),
    )
    pairs = sorted((s.family, s.document_type) for s in samples)
    assert pairs == sorted((f, k) for f in families for k in KINDS)
    for sample in samples:
        assert sample.truth()["family"] == sample.family
    with pytest.raises(ValueError, match="unknown family"):
        generate_corpus(tmp_path, 1, families=("napkin",))


@pytest.mark.slow
@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_a_clean_printed_family_page_reads_back(family: str) -> None:
    """Tesseract reads the patient's name and the date where the page drew them."""
    import pytesseract

    for document_type in KINDS:
        doc = random_document(document_type, random.Random(11), family=family, font="DejaVu Sans")
        fields = doc["fields"]
        with recording() as drawn:
            image = render_document(doc, dpi=300, pages=1)[0]
        date_name = "date" if document_type == "prescription" else "record_date"
        for name in ("patient_name", date_name):
            shown = _date_forms(fields[name]) if name == date_name else {fields[name]}
            boxes = [d.box for d in drawn if d.face == "value" and d.text in shown]
            if not boxes and name == "patient_name":  # written as surname and given names
                given, _, surname = fields[name].rpartition(" ")
                boxes = [d.box for d in drawn if d.face == "value" and d.text in (given, surname)]
                assert len(boxes) == 2, (family, name)
            else:
                assert len(boxes) == 1, (family, name)
            for box in boxes:
                crop = image.crop(box)
                read = " ".join(pytesseract.image_to_string(crop, config="--psm 7").split())
                printed = next(d.text for d in drawn if d.box == box)
                assert read == printed, (family, name)


def _written_words(document: dict[str, Any]) -> set[str]:
    """Every word a document may write in the values' hand: its truth and its extras."""
    style = document["style"]
    texts: list[str] = []
    for value in [*document["fields"].values(), *document["extras"].values()]:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, list):  # a row of extras (a medicine's dose and frequency)
                texts.extend(str(part) for part in item)
            elif isinstance(item, str) and ISO_DATE.match(item):
                texts.extend(format_date(item, style["date_style"], short_year=s) for s in (1, 0))
            elif isinstance(item, str) and PHONE.match(item):
                texts.append(format_phone(item, style["phone_style"]))
            elif isinstance(item, int | float) and not isinstance(item, bool):
                texts.append(format_number(item))
            elif item is not None:
                texts.append(str(item))
    texts += [style.get("empty_list", ""), style.get("no_allergies", ""), "Immune Not Yes No"]
    return {word.strip(",").upper() for text in texts for word in text.split()}


@pytest.mark.parametrize("document_type", KINDS)
def test_datasheet_writes_no_value_its_truth_and_extras_lack(document_type: str) -> None:
    """What the datasheet family writes comes from its truth or its named distractors.

    So a field the page shows is never missing from the truth, and a blank is left blank
    (its hand-written words would have to come from somewhere).
    """
    for seed in range(24):
        doc = random_document(
            document_type, random.Random(seed), handwriting=seed % 2 == 0, family="datasheet"
        )
        allowed = _written_words(doc)
        with recording() as drawn:
            render_document(doc, dpi=20)
        written = [d.text for d in drawn if d.face == "value"]
        assert written
        for text in written:
            for word in text.split():
                assert word.strip(",").upper() in allowed, (seed, word)
        if document_type == "patient_details":  # the table's other columns are not in it
            for medicine in doc["fields"]["regular_medication"]:
                assert not any(c.isdigit() for c in medicine), medicine


@pytest.mark.parametrize(
    "family",
    [
        "bilingual",
        "travel",
        "nursing",
        "camp",
        "employer",
        "preadmission",
        "caribbean",
        "rehab",
        "prenatal",
        "homehealth",
        "urgentcare",
        "dental",
        "athletics",
        "dialysis",
        "counselling",
        "research",
        "entrance",
        "pharmacy",
        "sleep",
        "occupational",
        "immigration",
        "allergy",
        "hearing",
        "oncology",
        "geriatric",
        "fertility",
        "podiatry",
        "transplant",
        "booking",
        "chiro",
        "village",
        "heldout",
    ],
)
@pytest.mark.parametrize("document_type", KINDS)
def test_family_writes_no_value_its_truth_and_extras_lack(document_type: str, family: str) -> None:
    """The bilingual, travel, nursing, camp, employer, preadmission, caribbean, rehab, prenatal,
    homehealth, urgentcare, dental, athletics, dialysis, counselling, research, entrance,
    pharmacy, sleep, occupational, immigration, allergy, hearing, oncology, geriatric,
    fertility, podiatry, transplant, booking, chiro, village and heldout families.

    Every value the page writes is in the truth or the extras, in printed and handwritten
    documents; a question left unsure (or unanswered) is not in the truth.
    """
    for seed in range(24):
        doc = random_document(
            document_type, random.Random(seed), handwriting=seed % 2 == 0, family=family
        )
        allowed = _written_words(doc)
        with recording() as drawn:
            pages = render_document(doc, dpi=20)
        assert len(pages) == (1 if document_type == "prescription" else 2)
        written = [d.text for d in drawn if d.face == "value"]
        assert written
        for text in written:
            for word in text.split():
                assert word.strip(",").upper() in allowed, (seed, word)
        for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
            assert not (doc["extras"].get(f"{name}_unsure") and name in doc["fields"]), name


def _assert_texts_inside_pages(family: str) -> None:
    """No text of ``family`` runs off its page or down into its footer's small print."""
    footer_top = 3170  # design px (300 dpi): the top of the footer's small print
    for seed in range(30):
        for document_type in KINDS:
            doc = random_document(
                document_type, random.Random(seed), handwriting=seed % 2 == 1, family=family
            )
            with recording() as first:
                render_document(doc, dpi=100, pages=1)
            with recording() as drawn:
                pages = render_document(doc, dpi=100)
            split = len(first)  # the second page's texts follow the first page's
            for number, texts in enumerate((drawn[:split], drawn[split:])):
                if number == len(pages):
                    break
                assert texts
                for item in texts:
                    x0, y0, x1, y1 = (value * 3 for value in item.box)
                    assert x0 >= 0 and y0 >= 0 and x1 <= LETTER_PX[0], (seed, item.text)
                    if item.face != "fine":
                        assert y1 <= footer_top, (seed, document_type, number, item.text)


def test_travel_draws_every_text_inside_its_page() -> None:
    """No text of the travel family runs off its page or down into its footer."""
    _assert_texts_inside_pages("travel")


def test_nursing_draws_every_text_inside_its_page() -> None:
    """No text of the nursing family runs off its page or down into its footer."""
    _assert_texts_inside_pages("nursing")


def test_camp_draws_every_text_inside_its_page() -> None:
    """No text of the camp family runs off its page or down into its footer."""
    _assert_texts_inside_pages("camp")


def test_employer_draws_every_text_inside_its_page() -> None:
    """No text of the employer family runs off its page or down into its footer."""
    _assert_texts_inside_pages("employer")


def test_preadmission_draws_every_text_inside_its_page() -> None:
    """No text of the preadmission family runs off its page or down into its footer."""
    _assert_texts_inside_pages("preadmission")


def test_caribbean_draws_every_text_inside_its_page() -> None:
    """No text of the caribbean family runs off its page or down into its footer."""
    _assert_texts_inside_pages("caribbean")


def test_rehab_draws_every_text_inside_its_page() -> None:
    """No text of the rehab family runs off its page or down into its footer."""
    _assert_texts_inside_pages("rehab")


def test_prenatal_draws_every_text_inside_its_page() -> None:
    """No text of the prenatal family runs off its page or down into its footer."""
    _assert_texts_inside_pages("prenatal")


def test_homehealth_draws_every_text_inside_its_page() -> None:
    """No text of the homehealth family runs off its page or down into its footer."""
    _assert_texts_inside_pages("homehealth")


def test_urgentcare_draws_every_text_inside_its_page() -> None:
    """No text of the urgentcare family runs off its page or down into its footer."""
    _assert_texts_inside_pages("urgentcare")


def test_dental_draws_every_text_inside_its_page() -> None:
    """No text of the dental family runs off its page or down into its footer."""
    _assert_texts_inside_pages("dental")


def test_athletics_draws_every_text_inside_its_page() -> None:
    """No text of the athletics family runs off its page or down into its footer."""
    _assert_texts_inside_pages("athletics")


def test_dialysis_draws_every_text_inside_its_page() -> None:
    """No text of the dialysis family runs off its page or down into its footer."""
    _assert_texts_inside_pages("dialysis")


def test_counselling_draws_every_text_inside_its_page() -> None:
    """No text of the counselling family runs off its page or down into its footer."""
    _assert_texts_inside_pages("counselling")


def test_research_draws_every_text_inside_its_page() -> None:
    """No text of the research family runs off its page or down into its footer."""
    _assert_texts_inside_pages("research")


def test_entrance_draws_every_text_inside_its_page() -> None:
    """No text of the entrance family runs off its page or down into its footer."""
    _assert_texts_inside_pages("entrance")


def test_pharmacy_draws_every_text_inside_its_page() -> None:
    """No text of the pharmacy family runs off its page or down into its footer."""
    _assert_texts_inside_pages("pharmacy")


def test_sleep_draws_every_text_inside_its_page() -> None:
    """No text of the sleep family runs off its page or down into its footer."""
    _assert_texts_inside_pages("sleep")


def test_occupational_draws_every_text_inside_its_page() -> None:
    """No text of the occupational family runs off its page or down into its footer."""
    _assert_texts_inside_pages("occupational")


def test_immigration_draws_every_text_inside_its_page() -> None:
    """No text of the immigration family runs off its page or down into its footer."""
    _assert_texts_inside_pages("immigration")


def test_allergy_draws_every_text_inside_its_page() -> None:
    """No text of the allergy family runs off its page or down into its footer."""
    _assert_texts_inside_pages("allergy")


def test_hearing_draws_every_text_inside_its_page() -> None:
    """No text of the hearing family runs off its page or down into its footer."""
    _assert_texts_inside_pages("hearing")


def test_oncology_draws_every_text_inside_its_page() -> None:
    """No text of the oncology family runs off its page or down into its footer."""
    _assert_texts_inside_pages("oncology")


def test_geriatric_draws_every_text_inside_its_page() -> None:
    """No text of the geriatric family runs off its page or down into its footer."""
    _assert_texts_inside_pages("geriatric")


def test_fertility_draws_every_text_inside_its_page() -> None:
    """No text of the fertility family runs off its page or down into its footer."""
    _assert_texts_inside_pages("fertility")


def test_podiatry_draws_every_text_inside_its_page() -> None:
    """No text of the podiatry family runs off its page or down into its footer."""
    _assert_texts_inside_pages("podiatry")


def test_transplant_draws_every_text_inside_its_page() -> None:
    """No text of the transplant family runs off its page or down into its footer."""
    _assert_texts_inside_pages("transplant")


def test_booking_draws_every_text_inside_its_page() -> None:
    """No text of the booking family runs off its page or down into its footer."""
    _assert_texts_inside_pages("booking")


def test_chiro_draws_every_text_inside_its_page() -> None:
    """No text of the chiro family runs off its page or down into its footer."""
    _assert_texts_inside_pages("chiro")


def test_village_draws_every_text_inside_its_page() -> None:
    """No text of the village family runs off its page or down into its footer."""
    _assert_texts_inside_pages("village")


def test_heldout_draws_every_text_inside_its_page() -> None:
    """No text of the heldout family runs off its page or down into its footer."""
    _assert_texts_inside_pages("heldout")
