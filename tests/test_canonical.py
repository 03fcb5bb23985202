from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medreview.config import DateOrder
from medreview.parsing import canonical

YES_NO = ("yes", "no")
MONTH_NAMES = [m.title() for m in canonical.MONTHS]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/14/2023", "2023-03-14"),
        ("3-14-23", "2023-03-14"),
        ("14 Mar 2023", "2023-03-14"),
        ("March 14, 2023", "2023-03-14"),
        ("2023-03-14", "2023-03-14"),
        ("14.03.2023", "2023-03-14"),
        ("O3/l4/2O23", "2023-03-14"),
        ("03 / 14 / 2023 |", "2023-03-14"),
        ("11/23/84", "1984-11-23"),
        ("Sept 3rd, 2021", "2021-09-03"),
        ("Marhc 14 2023", "2023-03-14"),
        ("20230314", "2023-03-14"),
        ("2024-0)-O7", "2024-01-07"),  # handwritten 1 read as a bracket
        ("July 282019", "2019-07-28"),  # a written day and year run together
    ],
)
def test_parse_date_formats(text: str, expected: str) -> None:
    assert canonical.parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "Date", "13/32/2023", "02/30/2023", "12/2023", "hello", "Total 12019"]
)
def test_parse_date_rejects(text: str) -> None:
    assert canonical.parse_date(text) is None


def test_parse_date_order() -> None:
    assert canonical.parse_date("03/04/2023") == "2023-03-04"
    assert canonical.parse_date("03/04/2023", DateOrder.DAY_FIRST) == "2023-04-03"
    # impossible either way round falls back to the other order
    assert canonical.parse_date("25/04/2023") == "2023-04-25"
    assert canonical.parse_date("04/25/2023", DateOrder.DAY_FIRST) == "2023-04-25"


@st.composite
def dates_in_formats(draw: st.DrawFn) -> tuple[str, str]:
    day = draw(st.dates(min_value=date(1941, 1, 1), max_value=date(2039, 12, 31)))
    style = draw(st.integers(0, 6))
    sep = draw(st.sampled_from(["/", "-", "."]))
    month_name = MONTH_NAMES[day.month - 1]
    texts = [
        f"{day.month:02d}{sep}{day.day:02d}{sep}{day.year}",
        f"{day.month}{sep}{day.day}{sep}{day.year % 100:02d}",
        f"{day.day} {month_name[:3]} {day.year}",
        f"{month_name} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.day:02d} {month_name} {day.year}",
        f"{month_name[:3]}. {day.day} {day.year}",
    ]
    return texts[style], day.isoformat()


@given(dates_in_formats())
def test_any_supported_date_round_trips_to_iso(case: tuple[str, str]) -> None:
    text, iso = case
    parsed = canonical.parse_date(text)
    if parsed != iso:
        # only a numeric date whose day could be a month may read either way round
        month, day = int(iso[5:7]), int(iso[8:10])
        assert (
            day <= 12
            and parsed is not None
            and (parsed[5:7], parsed[8:10])
            == (
                f"{day:02d}",
                f"{month:02d}",
            )
        )
        assert text[:1].isdigit() and not any(c.isalpha() for c in text)
        return
    assert canonical.parse_date(parsed) == parsed


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_iso_date_is_idempotent(day: date) -> None:
    assert canonical.parse_date(day.isoformat()) == day.isoformat()


@st.composite
def nanp_numbers(draw: st.DrawFn) -> tuple[str, str]:
    area = draw(st.integers(200, 999))
    exchange = draw(st.integers(200, 999))
    line = draw(st.integers(0, 9999))
    digits = f"{area}{exchange}{line:04d}"
    style = draw(
        st.sampled_from(
            [
                "({}) {}-{}",
                "{}-{}-{}",
                "{}.{}.{}",
                "{} {} {}",
                "{}{}{}",
                "+1 {} {} {}",
                "1-{}-{}-{}",
                "({}){}-{}",
            ]
        )
    )
    text = style.format(digits[:3], digits[3:6], digits[6:])
    return text, f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


@given(nanp_numbers())
def test_any_nanp_number_gives_canonical_phone(case: tuple[str, str]) -> None:
    text, expected = case
    assert canonical.parse_phone(text) == expected
    assert canonical.parse_phone(expected) == expected


def test_parse_phone_ocr_noise_and_foreign() -> None:
    assert canonical.parse_phone("4l5-555-Ol82") == "(415) 555-0182"
    assert canonical.parse_phone("+44 20  7946 0958") == "+44 20 7946 0958"
    assert canonical.parse_phone("n/a") is None
    assert canonical.parse_phone("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("_2_", 2),
        ("2 times", 2),
        ("PRN", "PRN"),
        ("p.r.n.", "PRN"),
        ("two", 2),
        ("O", 0),
        ("l", 1),
        ("11", 11),
        ("12", None),
        ("", None),
        ("times", None),
        ("PRN   Do not substitute", "PRN"),  # the next option on the row, after the answer
        ("PRNX", None),
        # a phrase's first word is no count: "Do" under a row of refill boxes
        ("Do not substitute", None),
        ("lO times", 10),
    ],
)
def test_parse_refills(text: str, expected: int | str | None) -> None:
    assert canonical.parse_refills(text) == expected


@given(st.one_of(st.integers(0, 11), st.just("PRN")))
def test_refills_idempotent(value: int | str) -> None:
    assert canonical.parse_refills(str(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72", 72),
        ("72 kg", 72),
        ("72.5", 72.5),
        ("72,5 kg", 72.5),
        ("7O", 70),
        ("178cm", 178),
        ("kg", None),
        ("", None),
        ("START", None),  # the next label's letters look like digits ("S" for 5): no number
        ("George B. Wright", None),
        ("lO", 10),  # a figure written like letters, alone
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    value = canonical.parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


@given(
    st.one_of(
        st.integers(1, 1000), st.floats(0.1, 1000, allow_nan=False).map(lambda f: round(f, 1))
    )
)
def test_number_idempotent(value: float) -> None:
    once = canonical.parse_number(str(value))
    assert once == value
    assert canonical.parse_number(str(once)) == once


@pytest.mark.parametrize(
    ("text", "choices", "expected"),
    [
        ("[X] Yes [ ] No", YES_NO, "yes"),
        ("[ ] Yes [X] No", YES_NO, "no"),
        ("[ ] Yes [ ] No", YES_NO, None),
        ("[] Yes No", YES_NO, "no"),  # the ticked box vanished, the empty one did not
        ("Yes", YES_NO, "yes"),
        ("NO", YES_NO, "no"),
        ("Yes No", YES_NO, None),
        ("IMMUNE", ("immune", "not immune"), "immune"),
        ("NOT IMMUNE", ("immune", "not immune"), "not immune"),
        ("N0T IMMUNE", ("immune", "not immune"), "not immune"),
        ("lMMUNE", ("immune", "not immune"), "immune"),
        ("maybe", ("immune", "not immune"), None),
    ],
)
def test_parse_choice(text: str, choices: tuple[str, ...], expected: str | None) -> None:
    assert canonical.parse_choice(text, choices) == expected


@given(st.sampled_from(["yes", "no", "immune", "not immune"]))
def test_choice_idempotent(value: str) -> None:
    choices = ("yes", "no") if value in ("yes", "no") else ("immune", "not immune")
    assert canonical.parse_choice(value, choices) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N/A", []),
        ("None", []),
        ("", []),
        ("none.", []),
        ("No medications", []),
        ("Asthma, Arthritis\nmmn", ["Asthma", "Arthritis"]),  # a ruled line read as letters
        ("HTN, CHF", ["HTN", "CHF"]),
        ("None taken", []),
        ("Asthma, Migraine; Eczema", ["Asthma", "Migraine", "Eczema"]),
        ("Penicillin\nLatex", ["Penicillin", "Latex"]),
        ("Salbutamol  100 mcg", ["Salbutamol 100 mcg"]),
    ],
)
def test_parse_list(text: str, expected: list[str]) -> None:
    assert canonical.parse_list(text) == expected


@given(st.lists(st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12), max_size=4))
def test_list_idempotent(items: list[str]) -> None:
    once = canonical.parse_list(", ".join(items))
    assert canonical.parse_list(", ".join(once)) == once


def test_strings_and_alnum() -> None:
    assert canonical.clean_string("  Helen   Okafor \n") == "Helen Okafor"
    assert canonical.clean_string(" ___ ") is None
    assert canonical.parse_alnum("NW-482 019/3375") == "NW4820193375"
    assert canonical.parse_alnum("--") is None


@given(st.text(alphabet="ab 1-\t\n", max_size=20))
def test_one_line_idempotent(text: str) -> None:
    once = canonical.one_line(text)
    assert canonical.one_line(once) == once
    assert "  " not in once


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("‘Dr. Sofia Parker", canonical.TextStyle.NAME, "Dr. Sofia Parker"),
        ("Dr Alan Reyes, M.D.", canonical.TextStyle.NAME, "Dr Alan Reyes, M.D."),
        (
            "2684 Franklin Street, Boise, [ID",
            canonical.TextStyle.ADDRESS,
            "2684 Franklin Street, Boise, ID",
        ),
        (
            "50 Ridge Terrace, Baton: Rouge, 70802.",
            canonical.TextStyle.ADDRESS,
            "50 Ridge Terrace, Baton Rouge, 70802",
        ),
        (
            "4686 Church PI, Tampa, 33602",
            canonical.TextStyle.ADDRESS,
            "4686 Church Pl, Tampa, 33602",
        ),
        (
            "15 Main P1, Raleigh, NC 27601",
            canonical.TextStyle.ADDRESS,
            "15 Main Pl, Raleigh, NC 27601",
        ),
        (
            "PO·Box 92506, Boston, MA 02118",
            canonical.TextStyle.ADDRESS,
            "PO Box 92506, Boston, MA 02118",
        ),
        (
            "Take two four. times a day for 5. days. Take_one",
            canonical.TextStyle.PROSE,
            "Take two four times a day for 5 days. Take one",
        ),
        ("Clopidogrel 75 .mg |", canonical.TextStyle.ITEM, "Clopidogrel 75 mg"),
        ("Amlodipine 2.5 mg.", canonical.TextStyle.ITEM, "Amlodipine 2.5 mg"),
        ("  a   b ", canonical.TextStyle.PLAIN, "a b"),
        ("_ | ~", canonical.TextStyle.NAME, None),
        # handwriting: capitals of letters that differ by size alone, inside words
        ("Kevin JohnSon", canonical.TextStyle.NAME, "Kevin Johnson"),
        ("Sean McCarthy", canonical.TextStyle.NAME, "Sean McCarthy"),
        ("GoUt", canonical.TextStyle.ITEM, "Gout"),
        ("COPD", canonical.TextStyle.ITEM, "COPD"),
        ("Dr. Grace Davis, D.0.", canonical.TextStyle.NAME, "Dr. Grace Davis, D.O."),
        ("Olivia Okafor•", canonical.TextStyle.NAME, "Olivia Okafor"),
        ("3424 Mi11 Way, Atlanta", canonical.TextStyle.ADDRESS, "3424 Mill Way, Atlanta"),
        # a kind of street with one letter misread; a short word or a name stays
        (
            "8877 Mill Avenve, Thunder Bay",
            canonical.TextStyle.ADDRESS,
            "8877 Mill Avenue, Thunder Bay",
        ),
        ("12 ELM AVENVE", canonical.TextStyle.ADDRESS, "12 ELM AVENUE"),
        ("4 Rood St", canonical.TextStyle.ADDRESS, "4 Rood St"),
        # "St." opening a town's name is Saint, not a full stop for a comma
        (
            "14 Ridge Blvd, St. John's, NL",
            canonical.TextStyle.ADDRESS,
            "14 Ridge Blvd, St. John's, NL",
        ),
        ("12 Main St. Boston, MA", canonical.TextStyle.ADDRESS, "12 Main St, Boston, MA"),
        ("77 Drivel Rd", canonical.TextStyle.ADDRESS, "77 Drivel Rd"),
        # a colon read for a strength's decimal point
        ("Amlodipine 2:5 mg", canonical.TextStyle.ITEM, "Amlodipine 2.5 mg"),
        ("3 Cherry Way, Denver, C0", canonical.TextStyle.ADDRESS, "3 Cherry Way, Denver, CO"),
        # digits read as letters in doses and counts; B12 and a pronoun stay
        ("AMLODIPINE IOMG I TAB QD", canonical.TextStyle.ITEM, "AMLODIPINE 10MG 1 TAB QD"),
        (
            "NITROFURANTOIN IOO MG CAP X 1O DAYS",
            canonical.TextStyle.ITEM,
            "NITROFURANTOIN 100 MG CAP X 10 DAYS",
        ),
        ("Tamsulosin0.4 mg", canonical.TextStyle.ITEM, "Tamsulosin 0.4 mg"),
        ("Clindamycin.300 mg cap", canonical.TextStyle.ITEM, "Clindamycin 300 mg cap"),
        ("Vitamin B12 1000 mcg", canonical.TextStyle.ITEM, "Vitamin B12 1000 mcg"),
        ("TAKE TWO EVERY I2 HOURS", canonical.TextStyle.PROSE, "TAKE TWO EVERY 12 HOURS"),
        ("I feel better.", canonical.TextStyle.PROSE, "I feel better."),
        (
            "at bedtime IHydroxyzine twice",
            canonical.TextStyle.PROSE,
            "at bedtime Hydroxyzine twice",
        ),
        ("Iowa City", canonical.TextStyle.PROSE, "Iowa City"),
        # a state code one letter from its ZIP code's state; a valid one is kept
        ("Trenton, NI 08608", canonical.TextStyle.ADDRESS, "Trenton, NJ 08608"),
        ("Cheyenne, W 82001", canonical.TextStyle.ADDRESS, "Cheyenne, WY 82001"),
        ("Newark, NY 07102", canonical.TextStyle.ADDRESS, "Newark, NY 07102"),
        ("Trenton, QQ 08608", canonical.TextStyle.ADDRESS, "Trenton, QQ 08608"),
        ("Boise, IID 83702", canonical.TextStyle.ADDRESS, "Boise, ID 83702"),
        ("I57 FOREST COURT", canonical.TextStyle.ADDRESS, "157 FOREST COURT"),
        ("Hartford, C'T 06103", canonical.TextStyle.ADDRESS, "Hartford, CT 06103"),
        ("Tampa, FL, 33602", canonical.TextStyle.ADDRESS, "Tampa, FL 33602"),
        ("Carlos Kowalski", canonical.TextStyle.NAME, "Carlos Kowalski"),
        ("Alan' Schmidt", canonical.TextStyle.NAME, "Alan Schmidt"),
        ("Liam O'Neil", canonical.TextStyle.NAME, "Liam O'Neil"),
        ("Boise, ABC 83702", canonical.TextStyle.ADDRESS, "Boise, ABC 83702"),
        # specks and lost spaces between a house number and its street, or before a ZIP
        ('6416"Willow Street', canonical.TextStyle.ADDRESS, "6416 Willow Street"),
        ("504MADISON WAY", canonical.TextStyle.ADDRESS, "504 MADISON WAY"),
        ("9O ASPEN DRIVE", canonical.TextStyle.ADDRESS, "90 ASPEN DRIVE"),
        ("Des Moines,50309", canonical.TextStyle.ADDRESS, "Des Moines, 50309"),
        ("1 3rd Avenue", canonical.TextStyle.ADDRESS, "1 3rd Avenue"),
        # names: a stop after any name word, a middle dot; a degree stays as printed
        ("WEI. EDWARDS", canonical.TextStyle.NAME, "WEI EDWARDS"),
        ("LUCIA·EDWARDS", canonical.TextStyle.NAME, "LUCIA EDWARDS"),
        ("Robert Green, M.D", canonical.TextStyle.NAME, "Robert Green, M.D"),  # as printed
        ("J. R. Smith", canonical.TextStyle.NAME, "J. R. Smith"),
        # a quote mark a pen's entry stroke left before a word, never closed
        ("'Take two. 'Take one", canonical.TextStyle.PROSE, "Take two. Take one"),
        ("Don't stop", canonical.TextStyle.PROSE, "Don't stop"),
    ],
)
def test_clean_text(text: str, style: canonical.TextStyle, expected: str | None) -> None:
    assert canonical.clean_text(text, style) == expected


@given(st.text(alphabet="abc XYZ12.,:", max_size=30), st.sampled_from(list(canonical.TextStyle)))
def test_clean_text_idempotent(text: str, style: canonical.TextStyle) -> None:
    once = canonical.clean_text(text, style)
    if once is not None:
        assert canonical.clean_text(once, style) == once


def test_slash_read_as_digit_and_colon_decimal() -> None:
    assert canonical.parse_date("11/2071971") == "1971-11-20"
    assert canonical.parse_date("03108/2022") == "2022-03-08"  # the first slash
    assert canonical.parse_date("12345/2022") is None
    assert canonical.parse_number("68:5kg") == 68.5
    assert canonical.parse_list("Wa") == []


def test_list_with_full_stop_for_comma_and_spaced_none() -> None:
    assert canonical.parse_list("ARTHRITIS. ASTHMA, DIABETES") == [
        "ARTHRITIS",
        "ASTHMA",
        "DIABETES",
    ]
    assert canonical.parse_list("NON E") == []


def test_address_and_name_misreads() -> None:
    address = canonical.clean_text("122 CEDAR BLVD. TRENTON, NJ 08608", canonical.TextStyle.ADDRESS)
    assert address == "122 CEDAR BLVD, TRENTON, NJ 08608"
    assert canonical.clean_text("NAOM! SMITH", canonical.TextStyle.NAME) == "NAOMI SMITH"


def test_digits_misread_in_addresses_and_strengths() -> None:
    address = canonical.clean_text("4O79 LAKE COURT, DOVER, DE 1990)", canonical.TextStyle.ADDRESS)
    assert address == "4079 LAKE COURT, DOVER, DE 19901"
    assert canonical.clean_text("SITAGLIPTIN SO MG", canonical.TextStyle.ITEM) == (
        "SITAGLIPTIN 50 MG"
    )
    assert canonical.clean_text("Sumatriptan 50 mg tab", canonical.TextStyle.ITEM) == (
        "Sumatriptan 50 mg tab"
    )


def test_immunity_after_a_garbled_label_tail_and_prose_glued_stop() -> None:
    choices = ("immune", "not immune")
    assert canonical.parse_choice("@omieella): IMMUNE:", choices) == "immune"
    assert canonical.parse_choice("IMMUNE NOT IMMUNE", choices) is None
    prose = canonical.clean_text("Return to clinic.if needed.", canonical.TextStyle.PROSE)
    assert prose == "Return to clinic if needed."


def test_name_and_address_debris() -> None:
    assert canonical.clean_text("Daniel J. lvanova*", canonical.TextStyle.NAME) == (
        "Daniel J. Ivanova"
    )
    assert canonical.clean_text("P.O. Box 12, Sunset.Ave. Dover", canonical.TextStyle.ADDRESS) == (
        "P.O. Box 12, Sunset Ave, Dover"
    )


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        (
            "1658 Main Ln, Honolulu, Hl 96813",
            canonical.TextStyle.ADDRESS,
            "1658 Main Ln, Honolulu, HI 96813",
        ),
        ("Diego N. Moore.", canonical.TextStyle.NAME, "Diego N. Moore"),
        ("Dr Alan Reyes, M.D.", canonical.TextStyle.NAME, "Dr Alan Reyes, M.D."),
        ("Sam Reyes Jr.", canonical.TextStyle.NAME, "Sam Reyes Jr."),
    ],
)
def test_state_code_and_stray_stop(text: str, style: canonical.TextStyle, expected: str) -> None:
    assert canonical.clean_text(text, style) == expected


@given(st.text(max_size=25))
def test_alnum_keeps_only_letters_and_digits(text: str) -> None:
    value = canonical.parse_alnum(text)
    if value is not None:
        assert value.isalnum() and canonical.parse_alnum(value) == value


@given(st.text(alphabet="0123456789/-. OlMarchJune,", max_size=20))
def test_parse_date_never_raises_and_is_iso(text: str) -> None:
    value = canonical.parse_date(text)
    assert value is None or canonical.parse_date(value) == value


def test_a_space_lost_after_a_comma_is_restored_in_names_and_addresses() -> None:
    name = canonical.clean_text("Joseph Williams,MD", canonical.TextStyle.NAME)
    assert name == "Joseph Williams, MD"
    address = canonical.clean_text("12 Elm St,Boston, MA", canonical.TextStyle.ADDRESS)
    assert address == "12 Elm St, Boston, MA"


def test_a_year_after_2100_is_a_misreading_not_a_date() -> None:
    # hypothesis found "01012900" read as 2900-01-01, which itself re-read as 2000-01-01
    assert canonical.parse_date("01012900") is None
    assert canonical.parse_date("2900-01-01") == "2000-01-01"
    assert canonical.parse_date("2100-01-01") == "2100-01-01"  # 2100 itself is a year


def test_a_year_read_in_two_halves_is_one_year() -> None:
    # the keying test's handwritten 1949 read by PP-OCRv6 (and Tesseract) as "19.49"
    assert canonical.parse_date("03/06/19.49") == "1949-03-06"
    assert canonical.parse_date("03/06/20,01", DateOrder.DAY_FIRST) == "2001-06-03"
    assert canonical.parse_date("12.20.19") == "2019-12-20"


def test_speck_after_a_day_and_stop_before_a_zip() -> None:
    assert canonical.parse_date("12° Nov 1962") == "1962-11-12"
    assert (
        canonical.clean_text("Austin, TX.78701", canonical.TextStyle.ADDRESS) == "Austin, TX 78701"
    )


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("Atorvastatin 20.mg tab", canonical.TextStyle.ITEM, "Atorvastatin 20 mg tab"),
        ("Meloxicam 7.5 Mg", canonical.TextStyle.ITEM, "Meloxicam 7.5 mg"),
        ("AMOXICILLIN 500 MG", canonical.TextStyle.ITEM, "AMOXICILLIN 500 MG"),
        ("Cefdinir 250 mg/5 mL susp", canonical.TextStyle.ITEM, "Cefdinir 250 mg/5 mL susp"),
        (
            "-Take two tabléts, do -not drive",
            canonical.TextStyle.PROSE,
            "Take two tablets, do not drive",
        ),
        ("take 1-2 tablets", canonical.TextStyle.PROSE, "take 1-2 tablets"),
        (
            "50 Aspen Place, Sacramento; CA",
            canonical.TextStyle.ADDRESS,
            "50 Aspen Place, Sacramento, CA",
        ),
    ],
)
def test_more_ocr_debris(text: str, style: canonical.TextStyle, expected: str) -> None:
    assert canonical.clean_text(text, style) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IWNONE", "immune"),
        ("I WNONE", "immune"),
        ("NOT WNONE", "not immune"),
        ("NNUNE", "immune"),
        ("NONE", None),
    ],
)
def test_handwritten_immunity_misreads(text: str, expected: str | None) -> None:
    assert canonical.parse_choice(text, ("immune", "not immune")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2922-93-22", "2022-03-22"),
        ("°9/\\7/2°19", "2019-09-17"),
        ("2024-96-9|", "2024-06-01"),
        ("1999-09-09", "1999-09-09"),
    ],
)
def test_handwritten_zero_read_as_nine_and_one_as_backslash(text: str, expected: str) -> None:
    assert canonical.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("Ethan wright", canonical.TextStyle.NAME, "Ethan Wright"),
        ("Maria van der Berg", canonical.TextStyle.NAME, "Maria van der Berg"),
        ("7 ASpen Ct, Ridge way", canonical.TextStyle.ADDRESS, "7 Aspen Ct, Ridge Way"),
        (
            "May cause drowSiness, as needed for: pain",
            canonical.TextStyle.PROSE,
            "May cause drowsiness, as needed for pain",
        ),
        (
            "Take 1 tablet. Sertraline daily",
            canonical.TextStyle.PROSE,
            "Take 1 tablet. Sertraline daily",
        ),
    ],
)
def test_letters_confused_by_size(text: str, style: canonical.TextStyle, expected: str) -> None:
    assert canonical.clean_text(text, style) == expected


def test_strengths_and_intervals_with_letters_for_digits() -> None:
    item = canonical.TextStyle.ITEM
    assert canonical.clean_text("METRONIDAZOLE 5OO MG TAB", item) == "METRONIDAZOLE 500 MG TAB"
    assert canonical.clean_text("TAMSULOSIN O.4 MG CAP", item) == "TAMSULOSIN 0.4 MG CAP"
    assert canonical.clean_text("Norvasc lomg - 1 tab qi2h", item) == "Norvasc 10mg - 1 tab q12h"


def test_a_state_code_keeps_its_zip() -> None:
    text = "PO Box 72803, Springfield, IL. 62704"
    address = canonical.TextStyle.ADDRESS
    assert canonical.clean_text(text, address) == "PO Box 72803, Springfield, IL 62704"


def test_date_whose_slashes_were_read_as_ones() -> None:
    assert canonical.parse_date("0313011968") == "1968-03-30"
    assert canonical.parse_date("4155550182") is None  # a phone number, no date


@pytest.mark.parametrize(
    ("text", "iso"),
    [("22 0ct 1991", "1991-10-22"), ("5ep 3, 2020", "2020-09-03"), ("Ju1 4 1999", "1999-07-04")],
)
def test_a_written_month_with_a_letter_read_as_a_digit(text: str, iso: str) -> None:
    assert canonical.parse_date(text) == iso


@pytest.mark.parametrize(
    ("written", "canonical_form"),
    [
        ("465 Hill St, Denver, Co 80203", "465 Hill St, Denver, CO 80203"),
        ("285 Franklin Street, Charleston, Sc", "285 Franklin Street, Charleston, SC"),
        ("Lakeshore Co, Tampa", "Lakeshore Co, Tampa"),
        ("12 Oak Rd, Boston, Ma Suite 4", "12 Oak Rd, Boston, Ma Suite 4"),
    ],
)
def test_a_state_code_read_in_small_letters_after_the_city_is_upper_case(
    written: str, canonical_form: str
) -> None:
    assert canonical.clean_text(written, canonical.TextStyle.ADDRESS) == canonical_form


@pytest.mark.parametrize("written", ["NKA (no known allergies)", "NKDA / NKA", "None known"])
def test_no_known_allergies_with_its_spelling_out_is_an_empty_list(written: str) -> None:
    assert canonical.parse_list(written) == []


@pytest.mark.parametrize("written", ["03/19/2025", "3/9/25", "12-05-2024"])
def test_a_numeric_date_is_no_phone(written: str) -> None:
    assert canonical.parse_phone(written) is None
