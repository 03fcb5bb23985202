"""A travel clinic's pre-travel questionnaire and a pharmacy's faxed prescription order form.

Written blind as a held-out family (round 6), then studied and tuned against the next round.

Patient record (two pages), from a travel medicine clinic. The letterhead has the clinic's
emblem (a drawn globe), its name, street and numbers, and an office-use box (a chart number, a
blank clinician line). The sections are outlined boxes whose title interrupts the top border (a
fieldset legend). Inside them the fields are ruled tables: a header row (shaded or not, in
capitals or title case) names each column and the values are written in the row under it. The
traveler's name is one cell or three (last, first, middle initial: the truth is ``First M.
Last``); date of birth, age, sex (boxes), weight and height (the unit in the header or after the
value); the mobile phone and an e-mail address (a distractor); the home address as five cells
(street, city, state, ZIP, country) or three (street, city line, country). The visit date stands
at the top right after its label, or as the first cell of the traveler's table. The other
sections follow in one of a few orders: the trip (destinations with arrival and departure dates,
the reason for travel ticked) is a distractor section; the contact at home has a relationship
and an alternate phone (both distractors). The vaccination table has a row per disease: measles
and chickenpox answered by ticking ``Immune`` / ``Not immune`` / unsure, hepatitis B by a
``Yes`` / ``No`` / unsure box after a short question, and month-and-year dose dates in three
dose columns; extra rows (tetanus and a travel vaccine) hold only dose dates. An unsure answer,
or none, leaves the field out. The ongoing conditions are written on a rule (or the document's
word for none); a pregnancy question with ticked boxes is a distractor. Page 2: optionally the
traveler's name and birth date again, the allergies (a "no known allergies" box or a word for
none, else the list on a rule), the regular medicines (numbered rules, one a line, or one
comma-separated rule), the insurance (a yes/no question, tables of insurer, member number, group
number, claims address, coverage end date, policy holder and relation; a "covered abroad?"
question and a dashed box for a copy of the card), then a consent paragraph, the signature and
the date again.

Prescription: a mail-order or specialty pharmacy's "prescription order form" that a doctor's
office filled in and faxed. The fax machine's transmission line may run across the top (the send
date with a month name, the practice, its fax number, the page count). The pharmacy's letterhead
and its fax number are printed; the sections are (numbered) legend boxes: the patient (name,
date of birth, the address on one rule or as street and city line side by side, phone,
allergies, diagnosis code) and the prescriber (written name, NPI, DEA, practice, office address,
phone, fax, an office contact person) in either order, the prescription (an ℞, a table of
medication lines with quantity and days' supply columns and perhaps a refills column written on
each filled row; the directions after their label on rules; else a refills line; substitution
boxes), a delivery choice, then the prescriber's signature beside the date (or the date after
its label under the letterhead), and a confidentiality notice.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 140.0, 2410.0
LINE = (60, 60, 60)

# a cell's drawer: (x0, baseline, x1) -> None
Drawer = Callable[[float, float, float], None]

# fmt: off
CLINICS = (
    "Wayfarer Travel Health Clinic", "Global Traveler's Clinic", "Passage Travel Medicine",
    "County Travel & Immunization Clinic", "Compass Travel Health", "Horizon Travel Clinic",
    "Meridian Travel Medicine Center", "Passport & Vaccine Clinic",
)
PHARMACIES = (
    "Cornerstone Specialty Pharmacy", "MedExpress Mail Pharmacy", "Bluebird Home Delivery Rx",
    "Parkside Compounding Pharmacy", "Riverbend Specialty Pharmacy", "Northstar Mail Order Rx",
)
PRACTICES = (
    "Lakeside Family Medicine", "Oak Park Internal Medicine", "Valley Pediatrics",
    "Summit Primary Care", "Harbor Clinic", "Westgate Medical Group", "Riverside Health Partners",
)
DESTINATIONS = (
    "Peru", "Kenya", "Tanzania", "India", "Thailand", "Vietnam", "Ghana", "Brazil", "Mexico",
    "Cambodia", "Nepal", "Egypt", "Colombia", "Indonesia", "Morocco", "Philippines", "Ecuador",
    "South Africa", "Uganda", "Bolivia",
)
RELATIONS = (
    "Mother", "Father", "Wife", "Husband", "Spouse", "Son", "Daughter", "Sister", "Brother",
    "Friend", "Partner", "Neighbor", "Roommate",
)
DIAGNOSES = (
    "E11.9", "I10", "J45.909", "E78.5", "F41.1", "K21.9", "M54.5", "J02.9", "N39.0", "E03.9",
)
ROLES = ("RN", "MA", "LPN", "CMA")
DOMAINS = ("mail.com", "example.com", "inbox.net", "webmail.org", "post.us")
COLOURS = ([20, 70, 110], [110, 35, 40], [25, 85, 60], [70, 45, 110], [35, 35, 35])
SHADES = ([225, 225, 225], [218, 230, 240], [236, 230, 214], [228, 236, 226])
# fmt: on

PURPOSES = (
    ("tourism", "Tourism"),
    ("business", "Business"),
    ("family", "Visiting family"),
    ("volunteer", "Volunteer / mission"),
    ("study", "Study"),
)
# the travel vaccines a form may list under tetanus (dose dates only)
TRAVEL_VACCINES = ("typhoid", "hepatitis_a", "yellow_fever")

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Pre-Travel Health Questionnaire",
        "Travel Medicine Intake Form",
        "Travel Consultation Questionnaire",
        "International Travel Health Form",
    ),
    "instruction": (
        "Please complete both sides before your appointment. Print clearly.",
        "Bring this form and your vaccination records to your visit.",
        "All information is confidential and used only for your care.",
    ),
    "record_date": ("Date of visit", "Appointment date", "Today's date", "Consultation date"),
    "office": ("For office use", "Office use only"),
    "chart": ("Chart no.", "MRN", "File #"),
    "clinician": ("Clinician", "Seen by", "Provider"),
    "section_traveler": ("About the traveler", "Traveler information", "Your details"),
    "full_name": ("Traveler's full name", "Name of traveler", "Full name"),
    "last_name": ("Last name", "Surname", "Family name"),
    "first_name": ("First name", "Given name"),
    "initial": ("M.I.", "Middle initial", "Initial"),
    "birth_date": ("Date of birth", "Birth date", "DOB"),
    "age": ("Age",),
    "sex": ("Sex", "Gender"),
    "weight": ("Weight", "Body weight", "Wt."),
    "height": ("Height", "Ht."),
    "phone": ("Mobile phone", "Cell phone", "Best number to reach you", "Telephone"),
    "email": ("E-mail", "Email address"),
    "street": ("Street address", "Home address", "Residential address"),
    "city": ("City", "Town / city"),
    "state": ("State",),
    "zip": ("ZIP", "Zip code"),
    "city_line": ("City, state, ZIP", "Town / state / ZIP"),
    "country": ("Country",),
    "section_trip": ("Your trip", "Travel plans", "Itinerary"),
    "destination": ("Country / region", "Destination(s)", "Where are you going?"),
    "arrive": ("Arriving", "Date in", "From"),
    "depart": ("Leaving", "Date out", "To"),
    "purpose": ("Reason for travel:", "Purpose of trip:"),
    "section_contact": (
        "Contact at home while you are away",
        "Emergency contact (not traveling with you)",
        "Who should we call in an emergency?",
    ),
    "contact_name": ("Name", "Contact's name", "Full name"),
    "relationship": ("Relationship", "Relation to you"),
    "contact_phones": (
        "Phone|Other phone",
        "Main phone|Alternate phone",
        "Primary phone|Second phone",
    ),
    "contact_address": ("Address", "Contact's address", "Mailing address"),
    "section_vaccines": ("Vaccination history", "Immunizations", "Vaccines and immunity"),
    "col_disease": ("Disease / vaccine", "Vaccine", "Illness"),
    "col_status": ("Are you immune?", "Your immunity", "Status"),
    "col_dose": ("Dose {n}", "Dose #{n}", "Shot {n}"),
    "measles": ("Measles (MMR)", "Measles / MMR", "Measles, mumps, rubella"),
    "chicken_pox": ("Chickenpox (varicella)", "Varicella / chickenpox", "Chicken pox"),
    "hepatitis_b": ("Hepatitis B", "Hep B (3-shot series)"),
    "hepatitis_b_question": ("Vaccinated?", "Series done?", "Had the shots?"),
    "tetanus": ("Tetanus (Td / Tdap)", "Tetanus booster"),
    "typhoid": ("Typhoid",),
    "hepatitis_a": ("Hepatitis A",),
    "yellow_fever": ("Yellow fever",),
    "unsure": ("Not sure", "Don't know", "Unknown"),
    "dose_note": (
        "Dates as month / year. Attach copies of your records if you have them.",
        "Write the month and year of each dose you know of.",
    ),
    "section_health": ("Your health", "Medical history", "Health conditions"),
    "problems": (
        "Ongoing medical conditions (diabetes, heart or lung disease, HIV, etc.):",
        "Do you have any chronic illness? Please list:",
        "Medical conditions we should know about:",
    ),
    "pregnant": ("Pregnant or breastfeeding?", "Could you be pregnant?"),
    "running_name": ("Traveler", "Name"),
    "section_allergies": ("Allergies", "Allergies and reactions"),
    "allergies": ("Allergic to:", "List your allergies:", "Allergies (medicines, foods, eggs):"),
    "no_allergies": ("No known allergies", "None known", "NKDA"),
    "section_medication": ("Medicines you take", "Current medications", "Regular medicines"),
    "medication_note": (
        "Include prescription and over-the-counter medicines, vitamins and birth control.",
        "List every medicine you take regularly, one per line.",
    ),
    "medication": ("Medicines:", "Taking now:", "Medications:"),
    "section_insurance": ("Health insurance", "Insurance coverage", "Your health plan"),
    "has_insurance": (
        "Do you have health insurance?",
        "Are you insured?",
        "Do you have a health plan?",
    ),
    "insurance_company": ("Insurance company", "Insurer", "Health plan name", "Carrier"),
    "policy_number": ("Member ID", "Policy no.", "Subscriber ID", "ID number"),
    "group": ("Group no.", "Group #"),
    "insurance_address": ("Claims address", "Send claims to", "Insurer's address"),
    "insurance_expiry": ("Coverage ends", "Valid until", "Expiration date", "Termination date"),
    "holder": ("Policy holder", "Subscriber name", "Name of insured"),
    "holder_relation": ("Relation to traveler", "Holder is your"),
    "abroad": ("Does your plan cover you abroad?", "Covered outside the U.S.?"),
    "card": (
        "Please attach a copy of the front and back of your insurance card.",
        "We need a copy of both sides of your insurance card.",
    ),
    "card_box": ("Copy of card here", "Attach card copy"),
    "consent": (
        "I confirm that the information on this form is correct to the best of my knowledge "
        "and I consent to the vaccines and medicines my clinician recommends for my trip.",
        "I understand that travel vaccines and medicines may have side effects, which have been "
        "explained to me, and I agree to the clinic billing my insurer for this visit.",
    ),
    "signature": (
        "Signature of traveler (parent or guardian if under 18)",
        "Traveler's signature",
    ),
    "signature_date": ("Date",),
}
_OPTION_WORDS: dict[str, tuple[str, ...]] = {
    "yes": ("Yes",),
    "no": ("No",),
    "na": ("N/A", "Not applicable"),
    "immune": ("Immune",),
    "not immune": ("Not immune",),
    "male": ("M", "Male"),
    "female": ("F", "Female"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Prescription Order Form",
        "New Prescription Fax Form",
        "Physician Order Form",
        "Prescription Referral Form",
    ),
    "instruction": (
        "Complete all sections and fax to {fax}.",
        "Fax this form with the patient's insurance information to {fax}.",
        "Please print. Incomplete forms delay delivery. Fax: {fax}",
    ),
    "section_patient": ("Patient information", "Patient", "About the patient"),
    "patient_name": ("Patient name", "Patient's full name", "Name"),
    "birth": ("Date of birth", "DOB"),
    "patient_address": ("Address", "Home address", "Patient address"),
    "patient_street": ("Street address", "Address", "Street"),
    "patient_city": ("City, state, ZIP", "City / State / ZIP"),
    "patient_phone": ("Phone", "Patient phone", "Best contact number"),
    "allergies": ("Allergies", "Drug allergies", "Known allergies"),
    "diagnosis": ("Diagnosis (ICD-10)", "Dx code", "Diagnosis"),
    "section_prescriber": ("Prescriber information", "Prescriber", "Ordering provider"),
    "prescriber": ("Prescriber name", "Prescribing physician", "Ordering provider", "Physician"),
    "npi": ("NPI", "NPI #"),
    "dea": ("DEA", "DEA #"),
    "practice": ("Practice", "Clinic name"),
    "office_address": ("Office address", "Practice address", "Clinic address"),
    "office_phone": ("Office phone", "Phone", "Tel."),
    "office_fax": ("Office fax", "Fax", "Secure fax"),
    "contact": ("Office contact", "Contact person", "Nurse / MA"),
    "section_rx": ("Prescription", "Medication order", "Rx"),
    "col_med": ("Medication, strength and form", "Drug name / strength", "Medication & dose"),
    "col_qty": ("Qty", "Quantity", "Disp."),
    "col_days": ("Days' supply", "Days", "Day supply"),
    "col_refills": ("Refills", "Refill", "RF"),
    "directions": ("Directions (Sig):", "Sig:", "Directions for use:", "Instructions:"),
    "refills": ("Refills:", "Number of refills:", "Refills authorized:"),
    "substitution": ("Substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "section_delivery": ("Delivery", "Shipping"),
    "delivery": ("Ship to:", "Deliver to:"),
    "date": ("Date", "Date written", "Order date", "Date of prescription"),
    "signature": ("Prescriber signature", "Physician's signature", "Signature of prescriber"),
    "confidential": (
        "CONFIDENTIALITY NOTICE: this facsimile contains protected health information intended "
        "only for the pharmacy named above. If you received it in error, call us and destroy it.",
        "This fax may contain confidential patient information. If you are not the intended "
        "recipient, you may not read, copy or distribute it; please notify the sender.",
    ),
}
DELIVERY = (("home", "Patient's home"), ("office", "Prescriber's office"), ("pickup", "Pick up"))
MONTH_ABBR = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


# --- random content and style ---------------------------------------------------------------


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, wording, colours and the form's variants."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(44, 50)
    )
    proportional = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(proportional)
    style["title_font"] = rnd.choice(proportional)
    style["colour"] = rnd.choice(COLOURS)
    style["shade"] = rnd.choice(SHADES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["head_case"] = rnd.choice(("upper", "title"))
    style["head_fill"] = rnd.random() < 0.7
    style["head_align"] = rnd.choice(("left", "centre"))
    style["legend_case"] = rnd.choice(("upper", "title"))
    style["page_numbers"] = rnd.choice(("Page {n} of 2", "{n} / 2", "Page {n}"))
    if document_type == "prescription":
        labels = {key: rnd.choice(options) for key, options in _RX_LABELS.items()}
        style.update(
            labels=labels,
            prescriber_written=True,
            pharmacy=_business(rnd, rnd.choice(PHARMACIES)),
            fax_header=rnd.random() < 0.7,
            numbered=rnd.random() < 0.6,
            date_place=rnd.choice(("signature", "signature", "top")),
            refill_place=rnd.choice(("column", "line")),
            delivery=rnd.random() < 0.6,
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()),
            row_step=rnd.randint(100, 112),
            prescriber_first=rnd.random() < 0.4,
            address_split=rnd.random() < 0.4,
            row_h=rnd.randint(84, 92) + (6 if handwriting else 0),
        )
        return style
    labels = {key: rnd.choice(options) for key, options in _RECORD_LABELS.items()}
    style.update(
        labels=labels,
        options=_option_words(rnd),
        clinic=_business(rnd, rnd.choice(CLINICS)),
        form_code=f"TH-{rnd.randint(10, 99)} rev. {rnd.randint(1, 12)}/{rnd.randint(18, 25)}",
        date_place=rnd.choice(("header", "table")),
        name_split=rnd.random() < 0.5,
        address_cells=rnd.choice((3, 5)),
        units_in_head=rnd.random() < 0.5,
        travel_vaccine=rnd.choice(TRAVEL_VACCINES),
        running_header=rnd.random() < 0.6,
        allergy_none=rnd.choice(("box", "word")),
        no_allergies=rnd.choice(("None", "NKDA", "none known")),
        medication_form=rnd.choice(("lines", "comma")),
        empty_list=rnd.choice(("None", "N/A", "none", "")),
        row_h=rnd.randint(82, 90) + (6 if handwriting else 0),
        record_order=rnd.choice(
            (
                ["trip", "contact", "vaccines", "health"],
                ["contact", "trip", "vaccines", "health"],
                ["contact", "health", "vaccines", "trip"],
                ["trip", "contact", "health", "vaccines"],
            )
        ),
    )
    return style


def _option_words(rnd: random.Random) -> dict[str, str]:
    """One wording per printed option; the sexes share theirs (``M`` / ``F`` or the words)."""
    words = {key: rnd.choice(options) for key, options in _OPTION_WORDS.items()}
    short = rnd.random() < 0.5
    for key in ("male", "female"):
        words[key] = _OPTION_WORDS[key][0 if short else 1]
    return words


def _business(rnd: random.Random, name: str) -> dict[str, Any]:
    """A clinic's or pharmacy's printed name, street and numbers."""
    toll_free = rnd.random() < 0.5
    return {
        "name": name,
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": f"(800) 555-01{rnd.randint(0, 99):02d}" if toll_free else values.phone_number(rnd),
        "fax": values.phone_number(rnd),
    }


_ADULT = dt.date(1985, 1, 1)  # catch-up and hepatitis B doses are given from here on


def _date_between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _month_year(day: dt.date, date_style: str) -> str:
    """A dose date as the vaccine table writes it: month and year, the document's way."""
    if date_style == "iso":
        return f"{day.year}-{day.month:02d}"
    if date_style in common.DAY_FIRST_NUMERIC or date_style in ("mdy_slash", "mdy_short"):
        return f"{day.month:02d}/{day.year}"
    return f"{common.MONTHS[day.month - 1][:3]} {day.year}"


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    fields, extras = common.record_content(rnd)
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    visit = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    age = visit.year - birth.year - ((visit.month, visit.day) < (birth.month, birth.day))
    name = fields["patient_name"].split()
    extras.update(
        chart=str(rnd.randint(100_000, 999_999)),
        age=age,
        sex=rnd.choice(("male", "female")),
        email=(
            f"{name[0].lower()}.{name[-1].lower()}{rnd.choice(('', str(rnd.randint(1, 99))))}"
            f"@{rnd.choice(DOMAINS)}"
        )
        if rnd.random() < 0.7
        else None,
        purpose=rnd.choice(PURPOSES)[0] if rnd.random() < 0.9 else None,
    )
    # the trip: one or two destinations, the first leg a few weeks after the visit
    start = visit + dt.timedelta(days=rnd.randint(10, 70))
    places, arrive, leave = [], [], []
    for place in rnd.sample(DESTINATIONS, rnd.choice((1, 1, 2))):
        end = start + dt.timedelta(days=rnd.randint(5, 24))
        places.append(place)
        arrive.append(start.isoformat())
        leave.append(end.isoformat())
        start = end
    extras.update(destinations=places, trip_arrive=arrive, trip_leave=leave)
    if "emergency_contact_name" in fields and rnd.random() < 0.85:
        extras["relationship"] = rnd.choice(RELATIONS)
    # dose dates, consistent with the answers (month and year, the document's way)
    for name_key, doses in (("measles", 2), ("chicken_pox", 2), ("hepatitis_b", 3)):
        field = "hepatitis_b_vaccination" if name_key == "hepatitis_b" else name_key
        answer = fields.get(field)
        if answer in ("immune", "yes") and rnd.random() < 0.75:
            count = doses
        elif answer in ("not immune", "no"):
            count = rnd.choice((0, 0, 1)) if name_key != "hepatitis_b" else 0
        else:
            count = 0
        if name_key == "hepatitis_b":  # given from 1985 on, at any age
            first = _date_between(rnd, max(birth, _ADULT), visit)
        elif birth.year >= 1968:  # a child's first dose after the first birthday
            first = birth + dt.timedelta(days=rnd.randint(370, 480))
        else:  # an adult's catch-up doses
            first = _date_between(rnd, max(birth.replace(year=birth.year + 18), _ADULT), visit)
        gaps = (0, 40, 200) if name_key == "hepatitis_b" else (0, rnd.randint(900, 1800), 0)
        dates = []
        day = first
        for i in range(count):
            day += dt.timedelta(days=gaps[i])
            if day < visit:
                dates.append(_month_year(day, style["date_style"]))
        extras[f"{name_key}_doses"] = dates
        if field not in fields and rnd.random() < 0.6:
            extras[f"{field}_unsure"] = True
    extras["tetanus_doses"] = (
        [_month_year(visit - dt.timedelta(days=rnd.randint(200, 4000)), style["date_style"])]
        if rnd.random() < 0.7
        else []
    )
    travel = style["travel_vaccine"]
    extras[f"{travel}_doses"] = (
        [_month_year(visit - dt.timedelta(days=rnd.randint(300, 3000)), style["date_style"])]
        if rnd.random() < 0.3
        else []
    )
    extras["pregnant"] = rnd.choice(("no", "no", "na")) if extras["sex"] == "female" else "na"
    if fields.get("has_insurance") == "yes":
        extras["group_number"] = str(rnd.randint(10_000, 999_999)) if rnd.random() < 0.6 else None
        relation = rnd.choice(("Self", "Self", "Spouse", "Parent"))
        extras["holder_relation"] = relation
        extras["holder"] = (
            fields["patient_name"]
            if relation == "Self"
            else values.person_name(rnd, fields["patient_name"].split()[-1])
        )
        extras["abroad"] = rnd.choice(("yes", "no", "unsure", None))
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    fields, extras = common.prescription_content(rnd)
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    digits = "".join(rnd.choice("0123456789") for _ in range(7))
    extras.update(
        practice=rnd.choice(PRACTICES),
        office_fax=values.phone_number(rnd),
        npi=str(rnd.randint(1_000_000_000, 1_999_999_999)),
        dea=f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}{digits}"
        if rnd.random() < 0.6
        else None,
        office_contact=f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, "
        f"{rnd.choice(ROLES)}"
        if rnd.random() < 0.6
        else None,
        patient_birth=_date_between(rnd, dt.date(1935, 1, 1), dt.date(2015, 12, 31)).isoformat()
        if rnd.random() < 0.85
        else None,
        patient_phone=values.phone_number(rnd) if rnd.random() < 0.8 else None,
        allergy_text=rnd.choice((*values.ALLERGIES[:8], "NKDA", "NKDA", "None known")),
        diagnosis=rnd.choice(DIAGNOSES) if rnd.random() < 0.6 else None,
        quantities=[rnd.choice(("30", "60", "90", "#30", "#14", "1", "28")) for _ in range(4)],
        days_supply=[rnd.choice(("30", "90", "7", "10", "14")) for _ in range(4)],
        substitution=rnd.random() < 0.75,
        delivery=rnd.choice(DELIVERY)[0],
        fax_sent=(written + dt.timedelta(days=rnd.choice((0, 0, 0, 1, 2)))).isoformat(),
        fax_time=f"{rnd.randint(8, 17):02d}:{rnd.randint(0, 59):02d}",
    )
    n = len(fields["medicines"])
    extras["quantities"] = extras["quantities"][:n]
    extras["days_supply"] = extras["days_supply"][:n]
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


class _Sheet:
    """A page of the form: faces, legend boxes, header-row tables, labelled rules."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        dark = (25, 25, 25)
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, dark
        )
        faces["head"] = render.Face(label.bold, size - 5, (40, 40, 40))
        faces["option"] = render.Face(label.regular, size - 1, dark)
        faces["legend"] = render.Face(title.bold, 40, self.colour)
        faces["title"] = render.Face(title.bold, 62, dark)
        faces["name"] = render.Face(title.bold, 54, self.colour)
        faces["letterhead"] = render.Face(title.regular, 31, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 29, (75, 75, 75))
        faces["fine"] = render.Face(label.regular, 24, (90, 90, 90))
        mono = [f for f in fonts.installed_families() if "Mono" in f.name]
        faces["fax"] = render.Face((mono[0] if mono else label).regular, 30, (80, 80, 80))

    def word(self, key: str) -> str:
        return self.labels[key]

    def head(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["head_case"] == "upper" else text

    def legend(self, x0: float, y0: float, x1: float, y1: float, title: str) -> None:
        """A box whose title interrupts its top border, as a fieldset's legend."""
        page = self.page
        if self.style["legend_case"] == "upper":
            title = title.upper()
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            outline=self.colour,
            width=max(1, page.px(4)),
        )
        width = page.width(title, "legend")
        page.draw.rectangle(
            [page.px(x0 + 40), page.px(y0 - 30), page.px(x0 + 80 + width), page.px(y0 + 30)],
            fill="white",
        )
        page.text(x0 + 60, y0 + 14, title, "legend")

    def table(
        self,
        y: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str | Drawer | None]],
        *,
        x0: float = LEFT + 36,
        x1: float = RIGHT - 36,
        row_h: float | None = None,
    ) -> float:
        """Columns named in a header row, a value row (or several) under it; returns the bottom.

        ``columns`` are (header text, weight); a row's cell is text, a drawer or a blank.
        """
        page = self.page
        head_h = 54.0
        row_h = row_h or float(self.style["row_h"])
        total = sum(weight for _, weight in columns)
        edges = [x0]
        for _, weight in columns:
            edges.append(edges[-1] + (x1 - x0) * weight / total)
        if self.style["head_fill"]:
            page.draw.rectangle(
                [page.px(x0), page.px(y), page.px(x1), page.px(y + head_h)],
                fill=tuple(self.style["shade"]),
            )
        for i, (text, _) in enumerate(columns):
            a, b = edges[i], edges[i + 1]
            if self.style["head_case"] == "upper":
                text = text.upper()
            if self.style["head_align"] == "centre":
                page.text(
                    (a + b) / 2, y + head_h - 16, text, "head", anchor="ms", max_width=b - a - 20
                )
            else:
                page.text(a + 14, y + head_h - 16, text, "head", max_width=b - a - 24)
        bottom = y + head_h + row_h * len(rows)
        for x in edges:
            page.draw.line(
                [(page.px(x), page.px(y)), (page.px(x), page.px(bottom))],
                fill=LINE,
                width=max(1, page.px(2)),
            )
        for level in [y, y + head_h, *(y + head_h + row_h * (k + 1) for k in range(len(rows)))]:
            page.rule(x0, x1, level, width=2, fill=LINE)
        for k, row in enumerate(rows):
            baseline = y + head_h + row_h * (k + 1) - 24
            for i, cell in enumerate(row):
                a, b = edges[i], edges[i + 1]
                if callable(cell):
                    cell(a + 16, baseline, b - 12)
                elif cell:
                    page.text(a + 18, baseline, cell, "value", max_width=b - a - 34)
        return bottom

    def on_rule(
        self, x: float, y: float, label: str | None, value: str | None, end: float
    ) -> float:
        """``Label: ______`` with the value written on the rule; returns the rule's end."""
        page = self.page
        start = page.text(x, y, label, "label") + 22 if label else x
        page.rule(start, end, y + 12, width=2, fill=(110, 110, 110))
        if value:
            page.text(start + 14, y - 2, value, "value", max_width=end - start - 24)
        return end

    def boxes(
        self, x: float, y: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """Printed options each after a check box, the chosen one marked; returns the end."""
        for key, text in options:
            x = common.checkbox(
                self.page, x, y, checked=key == chosen, mark=self.style["mark"], side=36
            )
            x = self.page.text(x + 14, y, text, "option") + 44
        return x

    def boxes_drawer(self, options: Sequence[tuple[str, str]], chosen: str | None) -> Drawer:
        def draw(x0: float, baseline: float, x1: float) -> None:
            self.boxes(x0, baseline, options, chosen)

        return draw

    def letterhead(self, business: Mapping[str, Any], *, globe: bool) -> float:
        """The business's name, street and numbers at the top left; returns the bottom."""
        page = self.page
        x = LEFT
        if globe:
            _globe(page, LEFT + 68, 212, 66, self.colour)
            x = LEFT + 160
        page.text(x, 200, business["name"], "name", max_width=1560 - x)
        page.text(x, 250, f"{business['street']}, {business['city']}", "letterhead")
        phone = common.format_phone(business["phone"], "dash")
        fax = common.format_phone(business["fax"], "dash")
        page.text(x, 294, f"Tel {phone}  \u2022  Fax {fax}", "letterhead")
        return 320.0

    def footer(self, left: str, number: int) -> None:
        page = self.page
        page.text(LEFT, 3200, left, "fine")
        shown = str(self.style["page_numbers"]).format(n=number)
        page.text(RIGHT, 3200, shown, "fine", anchor="rs")


def _globe(page: render.Page, cx: float, cy: float, r: float, colour: tuple[int, int, int]) -> None:
    """The clinic's emblem: a globe of meridians and parallels."""
    width = max(1, page.px(4))
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
        outline=colour,
        width=width,
    )
    for share in (0.35, 0.7):
        page.draw.ellipse(
            [page.px(cx - r * share), page.px(cy - r), page.px(cx + r * share), page.px(cy + r)],
            outline=colour,
            width=max(1, page.px(3)),
        )
    for dy in (-0.5, 0.0, 0.5):
        half = r * math.sqrt(1 - dy * dy)
        page.rule(cx - half, cx + half, cy + dy * r, width=3, fill=colour)


def _dashed_box(page: render.Page, x0: float, y0: float, x1: float, y1: float) -> None:
    dash = 24.0
    for a, b, horizontal, level in (
        (x0, x1, True, y0),
        (x0, x1, True, y1),
        (y0, y1, False, x0),
        (y0, y1, False, x1),
    ):
        t = a
        while t < b:
            end = min(b, t + dash)
            if horizontal:
                points = [(page.px(t), page.px(level)), (page.px(end), page.px(level))]
            else:
                points = [(page.px(level), page.px(t)), (page.px(level), page.px(end))]
            page.draw.line(points, fill=(120, 120, 120), width=max(1, page.px(2)))
            t += 2 * dash


def _city_parts(city_line: str | None) -> tuple[str | None, str | None, str | None]:
    """``Portland, OR 97201`` as (city, state, ZIP); a part the line lacks is None."""
    if not city_line:
        return None, None, None
    city, _, rest = city_line.partition(", ")
    state = code = None
    for token in rest.split():
        if token.isdigit():
            code = token
        else:
            state = token
    return city or None, state, code


def _wrap(
    page: render.Page, text: str, face: str, first: float, rest: float | None = None
) -> list[str]:
    """Greedy wrap: the first line ``first`` wide, the others ``rest``; joined they give text."""
    lines: list[str] = []
    current, width = "", first
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and page.width(candidate, face) > width:
            lines.append(current)
            current, width = word, rest or first
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


# --- the patient record ---------------------------------------------------------------------


def _option(style: Mapping[str, Any], key: str) -> str:
    return str(style["options"][key])


def _measure(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], name: str
) -> tuple[str, str | None]:
    """A measure's column header and its written value (the unit in one or the other)."""
    header = sheet.word(name)
    unit = extras.get(f"{name}_unit") or ""
    if name not in fields:
        return (f"{header} ({unit})" if unit and sheet.style["units_in_head"] else header), None
    number = render.format_number(fields[name])
    if sheet.style["units_in_head"] and unit:
        return f"{header} ({unit})", number
    return header, f"{number} {unit}".strip()


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    clinic = style["clinic"]
    sheet.letterhead(clinic, globe=True)
    # the office's box at the top right
    page.draw.rectangle(
        [page.px(1800), page.px(120), page.px(RIGHT), page.px(320)],
        outline=LINE,
        width=max(1, page.px(2)),
    )
    page.text(1822, 164, sheet.word("office").upper(), "fine")
    sheet.on_rule(1822, 230, sheet.word("chart"), extras.get("chart"), RIGHT - 24)
    sheet.on_rule(1822, 296, sheet.word("clinician"), None, RIGHT - 24)

    record = common.date_text(fields, "record_date", style)
    title_end = 1500.0 if style["date_place"] == "header" else RIGHT
    page.text(LEFT, 420, sheet.word("title").upper(), "title", max_width=title_end - LEFT)
    if style["date_place"] == "header":
        x = RIGHT - max(page.width(record or "", "value"), 330) - 60
        x -= page.width(sheet.word("record_date"), "label") + 14
        sheet.on_rule(x, 420, sheet.word("record_date"), record, RIGHT)
    page.text(LEFT, 474, sheet.word("instruction"), "note")

    # the traveler
    top = 550.0
    y = top + 52
    name = fields.get("patient_name")
    if style["name_split"]:
        parts = (name or "").split()
        columns = [
            (sheet.word("last_name"), 0.4),
            (sheet.word("first_name"), 0.4),
            (sheet.word("initial"), 0.2),
        ]
        row: list[str | Drawer | None] = [
            parts[-1] if parts else None,
            parts[0] if len(parts) > 1 else None,
            parts[1] if len(parts) == 3 else None,
        ]
    else:
        columns, row = [(sheet.word("full_name"), 1.0)], [name]
    if style["date_place"] == "table":
        columns = [(sheet.word("record_date"), 0.45), *columns]
        row = [record, *row]
    y = sheet.table(y, columns, [row]) + 14
    weight_head, weight = _measure(sheet, fields, extras, "weight")
    height_head, height = _measure(sheet, fields, extras, "height")
    sexes = (("male", _option(style, "male")), ("female", _option(style, "female")))
    y = sheet.table(
        y,
        [
            (sheet.word("birth_date"), 0.28),
            (sheet.word("age"), 0.1),
            (sheet.word("sex"), 0.26),
            (weight_head, 0.18),
            (height_head, 0.18),
        ],
        [
            [
                common.date_text(fields, "birth_date", style),
                render.format_number(extras["age"]) if "age" in extras else None,
                sheet.boxes_drawer(sexes, extras.get("sex")),
                weight,
                height,
            ]
        ],
    )
    y += 14
    y = sheet.table(
        y,
        [(sheet.word("phone"), 0.42), (sheet.word("email"), 0.58)],
        [[common.phone_text(fields.get("phone"), style), extras.get("email")]],
    )
    y += 14
    street, city_line, country = common.address_lines(fields, extras)
    if style["address_cells"] == 5:
        city, state, code = _city_parts(city_line)
        columns = [
            (sheet.word("street"), 0.36),
            (sheet.word("city"), 0.22),
            (sheet.word("state"), 0.1),
            (sheet.word("zip"), 0.12),
            (sheet.word("country"), 0.2),
        ]
        row = [street, city, state, code, country]
    else:
        columns = [
            (sheet.word("street"), 0.38),
            (sheet.word("city_line"), 0.4),
            (sheet.word("country"), 0.22),
        ]
        row = [street, city_line, country]
    y = sheet.table(y, columns, [row]) + 26
    sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_traveler"))

    def trip(y: float) -> float:
        """The trip (a distractor section)."""
        top = y + 54
        y = top + 52
        places = list(extras.get("destinations") or ())
        arrive = list(extras.get("trip_arrive") or ())
        leave = list(extras.get("trip_leave") or ())
        legs: list[list[str | Drawer | None]] = []
        for k in range(2):
            if k < len(places):
                legs.append(
                    [
                        places[k],
                        common.format_date(arrive[k], style["date_style"]),
                        common.format_date(leave[k], style["date_style"]),
                    ]
                )
            else:
                legs.append([None, None, None])
        y = sheet.table(
            y,
            [
                (sheet.word("destination"), 0.5),
                (sheet.word("arrive"), 0.25),
                (sheet.word("depart"), 0.25),
            ],
            legs,
            row_h=float(style["row_h"]) - 12,
        )
        y += 70
        end = page.text(LEFT + 36, y, sheet.word("purpose"), "label")
        sheet.boxes(end + 30, y, PURPOSES, extras.get("purpose"))
        y += 40
        sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_trip"))
        return y

    def contact(y: float) -> float:
        """The contact at home."""
        top = y + 54
        y = top + 52
        main_phone, other_phone = sheet.word("contact_phones").split("|")
        y = sheet.table(
            y,
            [
                (sheet.word("contact_name"), 0.34),
                (sheet.word("relationship"), 0.18),
                (main_phone, 0.24),
                (other_phone, 0.24),
            ],
            [
                [
                    fields.get("emergency_contact_name"),
                    extras.get("relationship"),
                    common.phone_text(fields.get("emergency_contact_phone"), style),
                    common.phone_text(extras.get("emergency_work_phone"), style),
                ]
            ],
        )
        y += 14
        y = sheet.table(
            y,
            [(sheet.word("contact_address"), 1.0)],
            [[fields.get("emergency_contact_address")]],
        )
        y += 26
        sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_contact"))
        return y

    def vaccines(y: float) -> float:
        """The vaccination table."""
        top = y + 54
        y = top + 52
        unsure = ("unsure", sheet.word("unsure"))
        immunity = (
            ("immune", _option(style, "immune")),
            ("not immune", _option(style, "not immune")),
        )

        def answer(field: str) -> str | None:
            if field in fields:
                return str(fields[field])
            return "unsure" if extras.get(f"{field}_unsure") else None

        def hepatitis(x0: float, baseline: float, x1: float) -> None:
            end = page.text(x0, baseline, sheet.word("hepatitis_b_question"), "option")
            options = (("yes", _option(style, "yes")), ("no", _option(style, "no")), unsure)
            sheet.boxes(end + 26, baseline, options, answer("hepatitis_b_vaccination"))

        def doses(key: str) -> list[str | Drawer | None]:
            written = list(extras.get(f"{key}_doses") or ())
            return [written[k] if k < len(written) else None for k in range(3)]

        dose = sheet.word("col_dose")
        rows: list[list[str | Drawer | None]] = [
            [
                _label_drawer(sheet, "measles"),
                sheet.boxes_drawer((*immunity, unsure), answer("measles")),
                *doses("measles"),
            ],
            [
                _label_drawer(sheet, "chicken_pox"),
                sheet.boxes_drawer((*immunity, unsure), answer("chicken_pox")),
                *doses("chicken_pox"),
            ],
            [_label_drawer(sheet, "hepatitis_b"), hepatitis, *doses("hepatitis_b")],
            [_label_drawer(sheet, "tetanus"), None, *doses("tetanus")],
            [_label_drawer(sheet, style["travel_vaccine"]), None, *doses(style["travel_vaccine"])],
        ]
        y = sheet.table(
            y,
            [
                (sheet.word("col_disease"), 0.22),
                (sheet.word("col_status"), 0.42),
                *((dose.format(n=n), 0.12) for n in (1, 2, 3)),
            ],
            rows,
            row_h=float(style["row_h"]) - 12,
        )
        y += 42
        page.text(LEFT + 36, y, sheet.word("dose_note"), "note")
        y += 24
        sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_vaccines"))
        return y

    def health(y: float) -> float:
        """The ongoing conditions and the pregnancy question."""
        top = y + 54
        y = top + 80
        page.text(LEFT + 36, y, sheet.word("problems"), "label")
        y += 90
        problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
        sheet.on_rule(LEFT + 36, y, None, problems, RIGHT - 36)
        y += 86
        end = page.text(LEFT + 36, y, sheet.word("pregnant"), "label")
        pregnancy = (
            ("yes", _option(style, "yes")),
            ("no", _option(style, "no")),
            ("na", _option(style, "na")),
        )
        sheet.boxes(end + 30, y, pregnancy, extras.get("pregnant"))
        y += 38
        sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_health"))
        return y

    sections = {"trip": trip, "contact": contact, "vaccines": vaccines, "health": health}
    for key in style["record_order"]:
        y = sections[key](y)
    sheet.footer(f"{clinic['name']} \u2022 {style['form_code']}", 1)
    return page.image


def _label_drawer(sheet: _Sheet, key: str) -> Drawer:
    """A table row's printed name (a disease) in the labels' face."""

    def draw(x0: float, baseline: float, x1: float) -> None:
        sheet.page.text(x0, baseline, sheet.word(key), "label", max_width=x1 - x0)

    return draw


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    y = 200.0
    if style["running_header"]:
        middle = 1500.0
        sheet.on_rule(
            LEFT, y, f"{sheet.word('running_name')}:", fields.get("patient_name"), middle - 60
        )
        birth = common.date_text(fields, "birth_date", style)
        sheet.on_rule(middle, y, f"{sheet.word('birth_date')}:", birth, RIGHT)
        y += 60
    page.text(LEFT, y + 40, f"{sheet.word('title')} ({style['clinic']['name']})", "note")

    # allergies
    top = y + 130
    y = top + 96
    allergies = fields.get("allergies")
    none_known = allergies == [] and style["allergy_none"] == "box"
    end = common.checkbox(page, LEFT + 36, y, checked=none_known, mark=style["mark"], side=36)
    page.text(end + 14, y, sheet.word("no_allergies"), "option")
    y += 100
    shown = None
    if allergies:
        shown = ", ".join(allergies)
    elif allergies == [] and style["allergy_none"] == "word":
        shown = style["no_allergies"]
    sheet.on_rule(LEFT + 36, y, sheet.word("allergies"), shown, RIGHT - 36)
    y += 44
    sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_allergies"))

    # regular medicines
    top = y + 64
    y = top + 80
    page.text(LEFT + 36, y, sheet.word("medication_note"), "note")
    medication = fields.get("regular_medication")
    if style["medication_form"] == "lines":
        items = list(medication or ())
        if medication == []:
            items = [style["empty_list"]] if style["empty_list"] else []
        for k in range(4):
            y += 92
            label = f"{k + 1}."
            sheet.on_rule(LEFT + 36, y, label, items[k] if k < len(items) else None, RIGHT - 36)
    else:
        y += 100
        shown = common.list_text(medication, style["empty_list"])
        sheet.on_rule(LEFT + 36, y, sheet.word("medication"), shown, RIGHT - 36)
    y += 44
    sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_medication"))

    # insurance
    top = y + 64
    y = top + 96
    end = page.text(LEFT + 36, y, sheet.word("has_insurance"), "label")
    yes_no = (("yes", _option(style, "yes")), ("no", _option(style, "no")))
    sheet.boxes(end + 36, y, yes_no, fields.get("has_insurance"))
    y += 40
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    y = sheet.table(
        y,
        [
            (sheet.word("insurance_company"), 0.44),
            (sheet.word("policy_number"), 0.32),
            (sheet.word("group"), 0.24),
        ],
        [[fields.get("insurance_company"), policy, extras.get("group_number")]],
    )
    y += 22
    y = sheet.table(
        y,
        [(sheet.word("insurance_address"), 0.7), (sheet.word("insurance_expiry"), 0.3)],
        [[fields.get("insurance_address"), common.date_text(fields, "insurance_expiry", style)]],
    )
    y += 22
    y = sheet.table(
        y,
        [(sheet.word("holder"), 0.62), (sheet.word("holder_relation"), 0.38)],
        [[extras.get("holder"), extras.get("holder_relation")]],
    )
    y += 80
    end = page.text(LEFT + 36, y, sheet.word("abroad"), "label")
    options = (*yes_no, ("unsure", sheet.word("unsure")))
    sheet.boxes(end + 36, y, options, extras.get("abroad"))
    y += 70
    page.text(LEFT + 36, y, sheet.word("card"), "note")
    y += 30
    _dashed_box(page, LEFT + 36, y, LEFT + 1100, y + 300)
    page.text(LEFT + 568, y + 165, sheet.word("card_box"), "note", anchor="ms")
    y += 340
    sheet.legend(LEFT, top, RIGHT, y, sheet.word("section_insurance"))

    # consent and signature
    y = max(y + 90, 2760.0)
    for line in _wrap(page, sheet.word("consent"), "note", RIGHT - LEFT):
        page.text(LEFT, y, line, "note")
        y += 40
    y = max(y + 150, 3040.0)
    page.rule(LEFT, 1500, y, width=3, fill=LINE)
    page.scribble(LEFT + 80, LEFT + 700, y - 8, tuple(style["ink"]))
    page.text(LEFT, y + 40, sheet.word("signature"), "fine")
    record = common.date_text(fields, "record_date", style)
    sheet.on_rule(1600, y - 4, f"{sheet.word('signature_date')}:", record, RIGHT)
    sheet.footer(f"{style['clinic']['name']} \u2022 {style['form_code']}", 2)
    return page.image


# --- the prescription -----------------------------------------------------------------------


def _fax_line(extras: Mapping[str, Any], style: Mapping[str, Any]) -> str:
    """The sending machine's transmission line (its own date form, always with a month name)."""
    sent = dt.date.fromisoformat(extras["fax_sent"])
    stamp = f"{MONTH_ABBR[sent.month - 1]}-{sent.day:02d}-{sent.year} {extras['fax_time']}"
    sender = str(extras.get("practice") or "").upper()
    office = "".join(c for c in extras.get("office_fax") or "" if c.isdigit())
    pharmacy = "".join(c for c in style["pharmacy"]["fax"] if c.isdigit())
    return f"{stamp}   FROM: {sender}   {office}   TO: 1{pharmacy}   P.001/001"


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    pharmacy = style["pharmacy"]
    if style["fax_header"] and extras.get("fax_sent"):
        page.text(LEFT - 40, 70, _fax_line(extras, style), "fax", max_width=RIGHT - LEFT + 80)
    sheet.letterhead(pharmacy, globe=False)
    page.text(RIGHT, 200, sheet.word("title").upper(), "title", anchor="rs", size=50)
    page.rule(LEFT, RIGHT, 330, width=5, fill=sheet.colour)
    fax = common.format_phone(pharmacy["fax"], "dash")
    page.text(LEFT, 384, sheet.word("instruction").format(fax=fax), "note")
    date = common.date_text(fields, "date", style)
    step = float(style["row_step"])
    y = 400.0
    if style["date_place"] == "top":
        x = RIGHT - max(page.width(date or "", "value"), 330) - 60
        x -= page.width(f"{sheet.word('date')}:", "label") + 22
        sheet.on_rule(x, 470, f"{sheet.word('date')}:", date, RIGHT)
        y = 470.0

    def title(number: int, key: str) -> str:
        text = sheet.word(key)
        return f"{number}. {text}" if style["numbered"] else text

    def label(key: str) -> str:
        return f"{sheet.word(key)}:"

    inner, middle = LEFT + 40, 1480.0

    def patient(y: float, number: int) -> float:
        """The patient's section."""
        top = y + 70
        y = top + 90
        birth = extras.get("patient_birth")
        birth_text = (
            common.format_date(birth, style["date_style"], short_year=False) if birth else None
        )
        sheet.on_rule(inner, y, label("patient_name"), fields.get("patient_name"), middle - 40)
        sheet.on_rule(middle, y, label("birth"), birth_text, RIGHT - 40)
        y += step
        address = fields.get("patient_address")
        if style["address_split"]:  # the street, then the city line beside it
            street, _, city = (address or "").partition(", ")
            sheet.on_rule(inner, y, label("patient_street"), street or None, middle - 40)
            sheet.on_rule(middle, y, label("patient_city"), city or None, RIGHT - 40)
        else:
            sheet.on_rule(inner, y, label("patient_address"), address, RIGHT - 40)
        y += step
        phone = common.phone_text(extras.get("patient_phone"), style)
        sheet.on_rule(inner, y, label("patient_phone"), phone, middle - 40)
        sheet.on_rule(middle, y, label("allergies"), extras.get("allergy_text"), RIGHT - 40)
        y += step
        sheet.on_rule(inner, y, label("diagnosis"), extras.get("diagnosis"), middle - 40)
        y += 44
        sheet.legend(LEFT, top, RIGHT, y, title(number, "section_patient"))
        return y

    def prescriber(y: float, number: int) -> float:
        """The prescriber's section."""
        top = y + 70
        y = top + 90
        sheet.on_rule(inner, y, label("prescriber"), fields.get("prescriber"), middle - 40)
        sheet.on_rule(middle, y, label("npi"), extras.get("npi"), RIGHT - 40)
        y += step
        sheet.on_rule(inner, y, label("practice"), extras.get("practice"), middle - 40)
        sheet.on_rule(middle, y, label("dea"), extras.get("dea"), RIGHT - 40)
        y += step
        street, city = extras.get("prescriber_street"), extras.get("prescriber_city")
        office = ", ".join(part for part in (street, city) if part) or None
        sheet.on_rule(inner, y, label("office_address"), office, RIGHT - 40)
        y += step
        third = (RIGHT - inner) / 3
        office_phone = common.phone_text(extras.get("prescriber_phone"), style)
        sheet.on_rule(inner, y, label("office_phone"), office_phone, inner + third - 30)
        office_fax = common.phone_text(extras.get("office_fax"), style)
        sheet.on_rule(inner + third, y, label("office_fax"), office_fax, inner + 2 * third - 30)
        sheet.on_rule(
            inner + 2 * third, y, label("contact"), extras.get("office_contact"), RIGHT - 40
        )
        y += 44
        sheet.legend(LEFT, top, RIGHT, y, title(number, "section_prescriber"))
        return y

    first, second = (prescriber, patient) if style["prescriber_first"] else (patient, prescriber)
    y = second(first(y, 1), 2)

    # 3. the prescription
    top = y + 70
    y = top + 60
    if style["rx_glyph"]:
        rx_font = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 100, (20, 20, 20))
        page.text(inner, y + 110, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(fonts.family(style["title_font"]).bold, 84, (20, 20, 20))
        page.text(inner, y + 110, "Rx", "rx")
    refills = fields.get("refills")
    shown_refills = str(refills) if refills is not None else None
    medicines = list(fields.get("medicines", ()))
    quantities = list(extras.get("quantities") or ())
    days = list(extras.get("days_supply") or ())
    columns = [
        (sheet.word("col_med"), 0.6),
        (sheet.word("col_qty"), 0.13),
        (sheet.word("col_days"), 0.14),
    ]
    if style["refill_place"] == "column":
        columns.append((sheet.word("col_refills"), 0.13))
    table_rows: list[list[str | Drawer | None]] = []
    for k in range(4):
        if k < len(medicines):
            row: list[str | Drawer | None] = [
                medicines[k],
                quantities[k] if k < len(quantities) else None,
                days[k] if k < len(days) else None,
            ]
            if style["refill_place"] == "column":
                row.append(shown_refills)
        else:
            row = [None] * len(columns)
        table_rows.append(row)
    y = sheet.table(y, columns, table_rows, x0=inner + 150, x1=RIGHT - 40)

    y += 100
    start = page.text(inner, y, sheet.word("directions"), "label") + 22
    lines = _wrap(
        page, fields.get("directions") or "", "value", RIGHT - 60 - start, RIGHT - 60 - inner
    )
    for k in range(max(3, len(lines))):
        x = start if k == 0 else inner
        if k:
            y += step - 14
        page.rule(x, RIGHT - 40, y + 12, width=2, fill=(110, 110, 110))
        if k < len(lines):
            page.text(x + 14, y - 2, lines[k], "value", max_width=RIGHT - 60 - x)
    y += step + 10
    x = inner
    if style["refill_place"] == "line":
        end = page.text(inner, y, sheet.word("refills"), "label") + 22
        blank = max(page.width(shown_refills or "", "value"), 120) + 40
        page.rule(end, end + blank, y + 12, width=2, fill=(110, 110, 110))
        if shown_refills:
            page.text(end + 20, y - 2, shown_refills, "value")
        x = end + blank + 120
    choices = (("sub", sheet.word("substitution")), ("daw", sheet.word("daw")))
    sheet.boxes(x, y, choices, "sub" if extras.get("substitution", True) else "daw")
    y += 50
    sheet.legend(LEFT, top, RIGHT, y, title(3, "section_rx"))

    # 4. delivery (a distractor choice)
    if style["delivery"]:
        top = y + 70
        y = top + 90
        end = page.text(inner, y, sheet.word("delivery"), "label")
        sheet.boxes(end + 30, y, DELIVERY, extras.get("delivery"))
        y += 44
        sheet.legend(LEFT, top, RIGHT, y, title(4, "section_delivery"))

    # the signature and the date
    y = max(y + 190, 2900.0)
    page.rule(LEFT, 1450, y, width=3, fill=LINE)
    page.scribble(LEFT + 90, 1200, y - 8, (25, 35, 110))
    page.text(LEFT, y + 40, sheet.word("signature"), "fine")
    if style["date_place"] == "signature":
        sheet.on_rule(1560, y - 4, f"{sheet.word('date')}:", date, RIGHT)
    y = 3110.0
    for line in _wrap(page, sheet.word("confidential"), "fine", RIGHT - LEFT):
        page.text(LEFT, y, line, "fine")
        y += 34
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
