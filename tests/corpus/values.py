"""Realistic random content for the synthetic documents, drawn from a seeded ``random.Random``.

Two things come out of here for each document:

* ``fields``: the ground truth, in the canonical forms of ``shared/spec/documents.md``
  (ISO dates, ``(NNN) NNN-NNNN`` phones, int refills or ``"PRN"``, lists, ``immune`` /
  ``not immune``, ``yes`` / ``no``, policy numbers as letters and digits only);
* ``extras``: what the page shows besides the spec's fields (the prescriber's street and
  phone, a pad's AGE / DEA# / LIC #, the emergency contact's work phone, the units printed
  after weight and height, a policy number's printed separators). The renderer needs them to
  draw the page again; the parser is never asked for them.

Every name, drug and place here is common and public; any likeness to a real patient is chance.
Phone numbers use the 555-01XX block reserved for fiction.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

# fmt: off
FIRST_NAMES = (
    "Alan", "Helen", "Samuel", "Ana", "Maria", "James", "Aisha", "Wei", "Priya", "Carlos",
    "Grace", "Daniel", "Fatima", "Michael", "Olivia", "Noah", "Sofia", "Liam", "Emma", "Mateo",
    "Chloe", "Ethan", "Amara", "Lucas", "Hannah", "Diego", "Yuki", "Omar", "Isabel", "Henry",
    "Leila", "Jacob", "Nora", "Kwame", "Elena", "David", "Mei", "Victor", "Rosa", "Thomas",
    "Ingrid", "Marcus", "Julia", "Arjun", "Clara", "Patrick", "Zara", "Benjamin", "Lucia",
    "George", "Naomi", "Robert", "Linda", "Kevin", "Sarah", "Joseph", "Emily", "Hassan", "Ruth",
)

LAST_NAMES = (
    "Reyes", "Okafor", "Ortiz", "Nguyen", "Patel", "Johnson", "Kim", "Garcia", "Smith", "Chen",
    "Williams", "Brown", "Martinez", "Davis", "Lopez", "Wilson", "Anderson", "Thomas", "Moore",
    "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
    "Walker", "Young", "Allen", "Wright", "Scott", "Torres", "Hill", "Green", "Adams", "Baker",
    "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips", "Campbell",
    "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers", "Reed", "Cook",
    "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Richardson", "Cox", "Ward",
    "Mensah", "Haddad", "Kowalski", "Schmidt", "Rossi", "Tanaka", "Ivanova", "Oyelaran",
)

STREET_NAMES = (
    "Birch", "Orchard", "Maple", "Oak", "Cedar", "Pine", "Elm", "Willow", "Lake", "Hill",
    "Park", "Washington", "Lincoln", "Jefferson", "Main", "Church", "Mill", "River", "Spring",
    "Sunset", "Highland", "Meadow", "Forest", "Chestnut", "Walnut", "Franklin", "Madison",
    "Ridge", "Valley", "Harbor", "Cherry", "Magnolia", "Aspen", "Juniper", "Prospect",
)

STREET_SUFFIXES = (
    "St", "Street", "Rd", "Road", "Ave", "Avenue", "Lane", "Ln", "Dr", "Drive", "Blvd",
    "Court", "Ct", "Way", "Place", "Pl", "Terrace",
)

# (city, state, zip code): real cities with a plausible zip code of theirs
CITIES = (
    ("Portland", "OR", "97201"), ("Springfield", "IL", "62704"), ("Austin", "TX", "78701"),
    ("Denver", "CO", "80203"), ("Madison", "WI", "53703"), ("Boston", "MA", "02118"),
    ("Seattle", "WA", "98109"), ("San Francisco", "CA", "94110"), ("Phoenix", "AZ", "85004"),
    ("Atlanta", "GA", "30309"), ("Columbus", "OH", "43215"), ("Nashville", "TN", "37203"),
    ("Raleigh", "NC", "27601"), ("Salt Lake City", "UT", "84101"), ("Albany", "NY", "12207"),
    ("Richmond", "VA", "23219"), ("Tampa", "FL", "33602"), ("Omaha", "NE", "68102"),
    ("Boise", "ID", "83702"), ("Hartford", "CT", "06103"), ("Des Moines", "IA", "50309"),
    ("Louisville", "KY", "40202"), ("Minneapolis", "MN", "55401"), ("Kansas City", "MO", "64105"),
    ("Sacramento", "CA", "95814"), ("Pittsburgh", "PA", "15222"), ("Tucson", "AZ", "85701"),
    ("Albuquerque", "NM", "87102"), ("Burlington", "VT", "05401"), ("Charleston", "SC", "29401"),
    ("Providence", "RI", "02903"), ("Little Rock", "AR", "72201"), ("Baton Rouge", "LA", "70802"),
    ("Anchorage", "AK", "99501"), ("Honolulu", "HI", "96813"), ("Cheyenne", "WY", "82001"),
    ("Lansing", "MI", "48933"), ("Trenton", "NJ", "08608"), ("Dover", "DE", "19901"),
    ("Oklahoma City", "OK", "73102"),
)

# Area codes matching the cities above, so the numbers look local enough.
AREA_CODES = (
    "503", "217", "512", "303", "608", "617", "206", "415", "602", "404", "614", "615", "919",
    "801", "518", "804", "813", "402", "208", "860", "515", "502", "612", "816", "916", "412",
)

# generic name, strengths, unit, usual form ("" when none is printed)
DRUGS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("Amoxicillin", ("250", "500", "875"), "mg", "cap"),
    ("Ibuprofen", ("200", "400", "600", "800"), "mg", "tab"),
    ("Acetaminophen", ("325", "500", "650"), "mg", "tab"),
    ("Lisinopril", ("5", "10", "20", "40"), "mg", "tab"),
    ("Metformin", ("500", "850", "1000"), "mg", "tab"),
    ("Atorvastatin", ("10", "20", "40", "80"), "mg", "tab"),
    ("Amlodipine", ("2.5", "5", "10"), "mg", "tab"),
    ("Omeprazole", ("20", "40"), "mg", "cap"),
    ("Simvastatin", ("10", "20", "40"), "mg", "tab"),
    ("Losartan", ("25", "50", "100"), "mg", "tab"),
    ("Levothyroxine", ("25", "50", "75", "100"), "mcg", "tab"),
    ("Metoprolol", ("25", "50", "100"), "mg", "tab"),
    ("Hydrochlorothiazide", ("12.5", "25"), "mg", "tab"),
    ("Gabapentin", ("100", "300", "600"), "mg", "cap"),
    ("Sertraline", ("25", "50", "100"), "mg", "tab"),
    ("Fluoxetine", ("10", "20", "40"), "mg", "cap"),
    ("Citalopram", ("10", "20", "40"), "mg", "tab"),
    ("Escitalopram", ("5", "10", "20"), "mg", "tab"),
    ("Prednisone", ("5", "10", "20"), "mg", "tab"),
    ("Azithromycin", ("250", "500"), "mg", "tab"),
    ("Cephalexin", ("250", "500"), "mg", "cap"),
    ("Ciprofloxacin", ("250", "500", "750"), "mg", "tab"),
    ("Doxycycline", ("50", "100"), "mg", "cap"),
    ("Clopidogrel", ("75",), "mg", "tab"),
    ("Warfarin", ("1", "2", "5"), "mg", "tab"),
    ("Montelukast", ("4", "10"), "mg", "tab"),
    ("Salbutamol", ("100",), "mcg", ""),
    ("Albuterol", ("90",), "mcg", ""),
    ("Pantoprazole", ("20", "40"), "mg", "tab"),
    ("Furosemide", ("20", "40"), "mg", "tab"),
    ("Tramadol", ("50",), "mg", "tab"),
    ("Trazodone", ("50", "100"), "mg", "tab"),
    ("Alprazolam", ("0.25", "0.5", "1"), "mg", "tab"),
    ("Lorazepam", ("0.5", "1", "2"), "mg", "tab"),
    ("Bupropion", ("150", "300"), "mg", "tab"),
    ("Venlafaxine", ("37.5", "75", "150"), "mg", "cap"),
    ("Duloxetine", ("30", "60"), "mg", "cap"),
    ("Pravastatin", ("20", "40"), "mg", "tab"),
    ("Rosuvastatin", ("5", "10", "20"), "mg", "tab"),
    ("Carvedilol", ("6.25", "12.5", "25"), "mg", "tab"),
    ("Meloxicam", ("7.5", "15"), "mg", "tab"),
    ("Naproxen", ("250", "500"), "mg", "tab"),
    ("Cetirizine", ("10",), "mg", "tab"),
    ("Loratadine", ("10",), "mg", "tab"),
    ("Famotidine", ("20", "40"), "mg", "tab"),
    ("Glipizide", ("5", "10"), "mg", "tab"),
    ("Sitagliptin", ("50", "100"), "mg", "tab"),
    ("Spironolactone", ("25", "50"), "mg", "tab"),
    ("Allopurinol", ("100", "300"), "mg", "tab"),
    ("Tamsulosin", ("0.4",), "mg", "cap"),
    ("Valacyclovir", ("500", "1000"), "mg", "tab"),
    ("Nitrofurantoin", ("100",), "mg", "cap"),
    ("Propranolol", ("10", "20", "40"), "mg", "tab"),
    ("Atenolol", ("25", "50"), "mg", "tab"),
    ("Hydroxyzine", ("10", "25"), "mg", "tab"),
    ("Cyclobenzaprine", ("5", "10"), "mg", "tab"),
    ("Ondansetron", ("4", "8"), "mg", "tab"),
    ("Topiramate", ("25", "50", "100"), "mg", "tab"),
    ("Lamotrigine", ("25", "100"), "mg", "tab"),
    ("Quetiapine", ("25", "50", "100"), "mg", "tab"),
    ("Metronidazole", ("250", "500"), "mg", "tab"),
    ("Clindamycin", ("150", "300"), "mg", "cap"),
    ("Sumatriptan", ("50", "100"), "mg", "tab"),
)

CONDITIONS = (
    "Asthma", "Diabetes", "Type 2 diabetes", "Hypertension", "Migraine", "Seizures",
    "Headaches", "Epilepsy", "Hypothyroidism", "Arthritis", "Eczema", "Anemia", "Depression",
    "Anxiety", "High cholesterol", "Sleep apnea", "Psoriasis", "Acid reflux", "Osteoporosis",
    "Allergic rhinitis", "COPD", "Gout", "Back pain", "Kidney stones",
)

ALLERGIES = (
    "Penicillin", "Peanuts", "Latex", "Sulfa drugs", "Shellfish", "Aspirin", "Codeine",
    "Bee stings", "Eggs", "Tree nuts", "Ibuprofen", "Amoxicillin", "Pollen", "Dust mites",
    "Iodine", "Cat dander", "Milk", "Soy", "Morphine", "Cephalosporins",
)

# Printed as they come, typos included (the spec says insurer names are kept as printed).
INSURERS = (
    "Northwind Mutual", "Aetna", "Cigna", "Humana", "UnitedHealthcare", "Kaiser Permanente",
    "Blue Cross Blue Shield", "Anthem Blue Cross", "Molina Healthcare", "Oscar Health",
    "Centene", "Harborview Health Plan", "Lakeshore Mutual", "Evergreen Assurance",
    "Pioneer Health Insurance", "Summit Care Insurance",
    # the typos real forms carry
    "Northwind Mutal", "Aetena", "Humanna", "Untied Healthcare", "Blue Cross Blue Sheild",
    "Kaiser Permenente", "Cigna Helthcare",
)

PRESCRIBER_STYLES = (
    ("Dr ", ", M.D"), ("Dr. ", ", MD"), ("Dr ", ""), ("Dr. ", ""), ("", ", M.D."),
    ("Dr. ", ", D.O."), ("", ", MD"), ("Dr ", ", MBBS"),
)

SPECIALTIES = (
    "Family Medicine", "Internal Medicine", "Pediatrics", "General Practice",
    "Cardiology", "Dermatology", "Family Practice & Urgent Care",
)

_FREQUENCIES = (
    "once daily", "twice daily", "three times a day", "every 8 hours", "every 12 hours",
    "at bedtime", "every morning", "four times a day",
)
_DIRECTIONS = (
    "Take {n} {unit} by mouth {freq} for {days} days",
    "{drug} {freq} for {days} days",
    "{drug} {n} {unit} {freq} with food",
    "Take {n} {unit} {freq}",
    "{drug} as needed for pain, no more than {max} a day",
    "Take {n} {unit} {freq} until finished",
    "{drug} {freq}, do not stop without talking to your doctor",
    "{drug} {n} {unit} {freq} after meals",
)
_INHALER_DIRECTIONS = (
    "{drug} 2 puffs every 4 to 6 hours as needed for wheezing",
    "Inhale 2 puffs {freq} as needed",
)
# fmt: on
_NUMBER_WORDS = ("one", "two", "1", "2")

_MAX_DIRECTIONS = 200  # characters: two or three lines
_MIN_DIRECTIONS = 110  # below this the text may fit on one printed line
_ADVICE = (
    "Drink plenty of water and avoid alcohol",
    "Return to clinic if symptoms persist after one week",
    "May cause drowsiness, do not drive",
    "Finish the full course even if you feel better",
    "Store at room temperature away from children",
    "Call the office if you notice a rash or swelling",
)


def iso(day: dt.date) -> str:
    """The spec's canonical date form."""
    return day.isoformat()


def _date_between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, (last - first).days))


def phone_number(rnd: random.Random) -> str:
    """A fictional NANP number in the canonical ``(NNN) NNN-NNNN`` form."""
    return f"({rnd.choice(AREA_CODES)}) 555-01{rnd.randint(0, 99):02d}"


def person_name(rnd: random.Random, last: str | None = None) -> str:
    """``First Last``, sometimes with a middle initial."""
    first = rnd.choice(FIRST_NAMES)
    last = last or rnd.choice(LAST_NAMES)
    if rnd.random() < 0.15:
        return f"{first} {rnd.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    return f"{first} {last}"


def street_line(rnd: random.Random) -> str:
    """A street address such as ``77 Birch Rd``."""
    number = rnd.choice((rnd.randint(1, 99), rnd.randint(100, 999), rnd.randint(1000, 9899)))
    line = f"{number} {rnd.choice(STREET_NAMES)} {rnd.choice(STREET_SUFFIXES)}"
    if rnd.random() < 0.1:
        line += f" Apt {rnd.randint(1, 40)}"
    return line


def city_line(rnd: random.Random, *, zip_code: str = "maybe") -> str:
    """``Portland, OR 97201``, ``Portland, 97201`` or ``Portland, OR``."""
    city, state, code = rnd.choice(CITIES)
    form = (
        rnd.choice(("state zip", "state zip", "zip", "state")) if zip_code == "maybe" else zip_code
    )
    if form == "state zip":
        return f"{city}, {state} {code}"
    if form == "zip":
        return f"{city}, {code}"
    return f"{city}, {state}"


def one_line_address(rnd: random.Random) -> str:
    """A whole address on one line, as a prescription or a form's single row prints it."""
    return f"{street_line(rnd)}, {city_line(rnd)}"


def medicine_line(rnd: random.Random, drug: tuple[str, tuple[str, ...], str, str]) -> str:
    """``Amoxicillin 500 mg``, sometimes followed by its form (``cap``, ``tab``)."""
    name, strengths, unit, form = drug
    line = f"{name} {rnd.choice(strengths)} {unit}"
    if form and rnd.random() < 0.35:
        line += f" {form}"
    return line


def _direction(rnd: random.Random, drug: tuple[str, tuple[str, ...], str, str]) -> str:
    name, _, _, form = drug
    templates = _INHALER_DIRECTIONS if not form else _DIRECTIONS
    unit = {"tab": "tablet", "cap": "capsule"}.get(form, "dose")
    n = rnd.choice(_NUMBER_WORDS)
    if n in ("two", "2"):
        unit += "s"
    return rnd.choice(templates).format(
        drug=name,
        n=n,
        unit=unit,
        freq=rnd.choice(_FREQUENCIES),
        days=rnd.choice((3, 5, 7, 10, 14, 30)),
        max=rnd.choice((3, 4, 6)),
    )


def directions_text(rnd: random.Random, drugs: list[tuple[str, tuple[str, ...], str, str]]) -> str:
    """Free-text directions for the medicines, one sentence each while they fit."""
    period = rnd.random() < 0.5
    sentences: list[str] = []
    for drug in drugs:
        sentence = _direction(rnd, drug) + ("." if period else "")
        if sentences and len(" ".join([*sentences, sentence])) > _MAX_DIRECTIONS:
            break
        sentences.append(sentence)
    advice = rnd.sample(_ADVICE, len(_ADVICE))
    while len(" ".join(sentences)) < _MIN_DIRECTIONS and advice:  # fill a second line
        sentences.append(advice.pop() + ("." if period else ""))
    return " ".join(sentences)


def policy_number(rnd: random.Random) -> tuple[str, str]:
    """A policy number as printed and in its canonical letters-and-digits form."""
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    kind = rnd.choice(("digits", "prefix", "grouped", "mixed"))
    if kind == "digits":
        printed = "".join(rnd.choice("0123456789") for _ in range(10))
    elif kind == "prefix":
        printed = "".join(rnd.choice(letters) for _ in range(3)) + "".join(
            rnd.choice("0123456789") for _ in range(9)
        )
    elif kind == "grouped":
        head = "".join(rnd.choice(letters) for _ in range(2))
        digits = "".join(rnd.choice("0123456789") for _ in range(8))
        printed = f"{head}-{digits[:4]}-{digits[4:]}"
    else:
        printed = "".join(rnd.choice(letters + "0123456789") for _ in range(8))
        printed = f"{printed[:4]} {printed[4:]}" if rnd.random() < 0.5 else printed
    return printed, "".join(c for c in printed if c.isalnum())


def _pick_some(
    rnd: random.Random, pool: tuple[str, ...], none_share: float, most: int
) -> list[str]:
    if rnd.random() < none_share:
        return []
    return rnd.sample(pool, rnd.randint(1, most))


def prescription_content(rnd: random.Random, *, pad: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fields (canonical) and extras of one prescription; ``pad`` for a handwritten pad."""
    title, suffix = rnd.choice(PRESCRIBER_STYLES)
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}{suffix}",
        "patient_name": person_name(rnd),
        "date": iso(_date_between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))),
    }
    if rnd.random() < 0.85:
        fields["patient_address"] = one_line_address(rnd)
    drugs = rnd.sample(DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        if rnd.random() < 0.15:
            fields["refills"] = "PRN"
        else:
            fields["refills"] = rnd.randint(0, 5) if pad else rnd.choice((0, 0, 1, 2, 3, 5, 6, 11))
    extras: dict[str, Any] = {
        "specialty": rnd.choice(SPECIALTIES) if rnd.random() < 0.4 else None,
        "prescriber_street": street_line(rnd),
        "prescriber_city": city_line(rnd, zip_code="state zip"),
        "prescriber_phone": phone_number(rnd),
    }
    if pad:
        if rnd.random() < 0.6:
            extras["age"] = rnd.randint(2, 94)
        if rnd.random() < 0.5:
            digits = "".join(rnd.choice("0123456789") for _ in range(7))
            extras["dea"] = rnd.choice("ABFM") + rnd.choice("ABCDEFGHJKLMNPRSTW") + digits
        if rnd.random() < 0.5:
            extras["license"] = str(rnd.randint(10_000_000, 99_999_999))
    return fields, extras


def _body_measures(rnd: random.Random, age: int) -> tuple[float, float, str, str]:
    """Weight and height as printed, with the units printed after them."""
    if age >= 16:
        kg, cm = rnd.uniform(48, 115), rnd.uniform(150, 196)
    else:
        cm = 75 + age * 6.2 + rnd.uniform(-8, 8)
        kg = 9 + age * 2.9 + rnd.uniform(-3, 4)
    if rnd.random() < 0.5:
        weight_unit, height_unit = rnd.choice((("kg", "cm"), ("", "")))
        half = round(kg * 2) / 2
        weight: float = round(kg) if rnd.random() < 0.8 or half.is_integer() else half
        height: float = round(cm)
    else:
        weight_unit, height_unit = rnd.choice((("lbs", "in"), ("lb", "in"), ("", "")))
        weight, height = round(kg * 2.2046), round(cm / 2.54)
    return weight, height, weight_unit, height_unit


def patient_details_content(rnd: random.Random) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fields (canonical) and extras of one two-page patient medical record."""
    birth = _date_between(rnd, dt.date(1930, 1, 1), dt.date(2015, 12, 31))
    record = _date_between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    last = rnd.choice(LAST_NAMES)
    fields: dict[str, Any] = {
        "record_date": iso(record),
        "patient_name": person_name(rnd, last),
    }
    if rnd.random() < 0.9:
        fields["phone"] = phone_number(rnd)
    address = [street_line(rnd), city_line(rnd)]
    if rnd.random() < 0.85:
        address.append(rnd.choice(("United States", "United States", "USA")))
    fields["address"] = ", ".join(address)
    fields["birth_date"] = iso(birth)
    weight, height, weight_unit, height_unit = _body_measures(rnd, (record - birth).days // 365)
    extras: dict[str, Any] = {
        "address_lines": address,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
    }
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    if rnd.random() < 0.92:
        fields["emergency_contact_name"] = person_name(rnd, last if rnd.random() < 0.6 else None)
        if rnd.random() < 0.95:
            fields["emergency_contact_phone"] = phone_number(rnd)
        if rnd.random() < 0.8:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.3 else one_line_address(rnd)
            )
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = phone_number(rnd)
    for name in ("chicken_pox", "measles"):
        if rnd.random() < 0.95:
            fields[name] = rnd.choice(("immune", "immune", "not immune"))
    if rnd.random() < 0.95:
        fields["hepatitis_b_vaccination"] = rnd.choice(("yes", "no"))
    fields["medical_problems"] = _pick_some(rnd, CONDITIONS, 0.4, 3)
    # page 2
    has_insurance = rnd.random() < 0.8
    fields["has_insurance"] = "yes" if has_insurance else "no"
    if has_insurance:
        fields["insurance_company"] = rnd.choice(INSURERS)
        printed, canonical = policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.85:
            street = rnd.choice((street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.9:
            expiry = record + dt.timedelta(days=rnd.randint(30, 1100))
            fields["insurance_expiry"] = iso(expiry)
    fields["allergies"] = _pick_some(rnd, ALLERGIES, 0.45, 3)
    medication = [name for name, *_ in rnd.sample(DRUGS, rnd.randint(1, 3))]
    fields["regular_medication"] = [] if rnd.random() < 0.4 else medication
    return fields, extras
