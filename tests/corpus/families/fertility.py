"""A fertility clinic's new-patient intake questionnaire and a telehealth e-prescription summary.

Written blind as the held-out family of round 31 (its author never read the reader, its
layouts, its vocabulary or its tests); tuned from round 32 on.

Patient record (two pages): the questionnaire a reproductive medicine clinic mails to a new
patient before the first consultation. A header with the clinic's name, a drawn mark, its
address, telephone, fax and web address (distractors); the form's title and an instructions
paragraph; numbered sections under reversed (white on colour) bars. The patient's particulars
sit in ruled tables whose column headers name the values (the name as last and first name in
two columns on some forms, or whole); the partner / emergency contact in a table of its own;
a reproductive history of written numbers (distractors); an immunity table answered by ticking
one of three columns (the rubella row is a distractor; "not sure" leaves the field out); the
hepatitis B question answered by circling; the conditions on ruled lines. The record date sits
in a corner-labelled box at the top right, or on a rule with its label after it. Page 2: the
patient's name again, insurance (a yes/no pair of boxes, a table of carrier, member number and
group, the claims address and the coverage end date), allergies and medicines in tables with
extra columns (reaction, dose, how often; distractors), an acknowledgement with the signature
and the date signed (the record date again), small print.

Prescription (one page): the summary a telehealth service prints or emails after a video or
phone visit: the service's header (distractors), a title band, a note that the prescription was
sent electronically, a boxed block of patient and visit details (date of birth, telephone, visit
number: distractors), the prescribing clinician's box (printed name; NPI and licence are
distractors) beside the receiving pharmacy's box (distractors), a line with the reason for the
visit and the allergies on file (distractors), a medication table (quantity and
days' supply are distractors; refills in a column of their own on some forms, on a line below
on others), the directions in a box, a substitution tick, a follow-up line (a distractor),
the electronic signature line (the prescriber and the date again, in small type) and small
print. Values are typed, or handwritten on the handwriting copies.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
INK_DARK = (25, 25, 25)
GREY = (95, 95, 95)
LINE = (70, 70, 70)
FAINT = (165, 165, 165)
WHITE = (255, 255, 255)

# fmt: off
COLOURS = ([120, 40, 100], [30, 90, 120], [20, 110, 90], [150, 60, 60], [70, 60, 140],
           [40, 40, 40])
CLINICS = ("Bloom Fertility Center", "Harbor Reproductive Medicine",
           "New Dawn Fertility & IVF", "Lakeside Center for Reproductive Health",
           "Cradle Fertility Associates", "Evergreen IVF and Fertility Clinic")
SERVICES = ("MedNow Telehealth", "CareLink Virtual Clinic", "DocOnCall Online",
            "VirtuWell Health", "ClearPath Telemedicine")
PHARMACIES = ("Walgreens #", "CVS Pharmacy #", "Rite Aid #", "Kroger Pharmacy #",
              "Main Street Pharmacy", "Costco Pharmacy #", "Safeway Pharmacy #")
OCCUPATIONS = ("Teacher", "Nurse", "Engineer", "Accountant", "Sales", "Designer",
               "Student", "Manager", "Chef", "Lawyer", "Pharmacist", "Homemaker")
RELATIONS = ("Spouse", "Husband", "Wife", "Partner", "Mother", "Father", "Sister",
             "Brother", "Friend")
REACTIONS = ("Hives", "Rash", "Swelling", "Nausea", "Anaphylaxis", "Itching", "Wheezing")
HOW_OFTEN = ("once daily", "twice daily", "at night", "as needed", "every morning",
             "weekly")
REASONS = ("Sinus infection", "Urinary tract infection", "Acid reflux", "Seasonal allergies",
           "Blood pressure follow-up", "Back pain", "Anxiety", "Skin rash", "Cough",
           "Medication refill")
FOLLOW_UPS = ("in 2 weeks", "in 1 month", "as needed", "in 3 months", "in 7 days")
QUANTITIES = ("30", "60", "90", "14", "20", "28", "10", "#30")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "New Patient Intake Questionnaire",
        "New Patient Questionnaire",
        "Fertility Consultation \u2014 Patient Intake",
    ),
    "instructions": (
        "Please complete this questionnaire in blue or black ink and bring it to your first "
        "consultation together with your insurance card and photo ID. Your answers help us "
        "prepare for your visit; leave blank anything you are unsure of.",
        "Thank you for choosing our clinic. Fill in every section that applies to you before "
        "your initial visit. Print clearly. If you are attending with a partner, your partner "
        "completes a separate questionnaire.",
    ),
    "today": ("Today's date", "Date completed", "Date"),
    "s_you": ("About You", "Patient Information", "Personal Information"),
    "s_partner": (
        "Partner / Emergency Contact",
        "Emergency Contact (Partner or Support Person)",
        "Who should we call in an emergency?",
    ),
    "s_repro": ("Reproductive History", "Fertility History"),
    "s_immune": ("Immunity & Infection Screening", "Immunizations", "Immunity Status"),
    "s_medical": ("Medical History", "Health History"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name", "Given name(s)", "First / middle"),
    "whole": ("Full legal name", "Patient name", "Name (first, last)"),
    "dob": ("Date of birth", "DOB", "Birthdate"),
    "age": ("Age", "Age (yrs)"),
    "street": ("Home address", "Street address", "Mailing address"),
    "city": ("City, State, ZIP", "City / State / Zip"),
    "country": ("Country",),
    "phone": ("Cell phone", "Best phone number", "Mobile"),
    "height": ("Height", "Ht."),
    "weight": ("Weight", "Current weight"),
    "occupation": ("Occupation", "Job title"),
    "c_name": ("Name", "Contact name", "Partner's name"),
    "relation": ("Relationship", "Relation to you"),
    "c_home": ("Home phone", "Home tel."),
    "c_work": ("Work / other phone", "Work phone", "Daytime phone"),
    "c_address": (
        "Address (if different from yours)",
        "Contact's address",
        "Address",
    ),
    "trying": ("How long have you been trying to conceive?", "Time trying to conceive:"),
    "months": ("months",),
    "gravida": ("Total pregnancies", "Pregnancies (G)"),
    "para": ("Live births", "Births (P)"),
    "cycle": ("Usual cycle length", "Average cycle length"),
    "days": ("days",),
    "condition": ("Condition", "Infection / vaccine", "Disease"),
    "immune_cols": ("Immune|Not immune|Not sure", "Immune|Not immune|Don't know"),
    "chickenpox": ("Chickenpox (varicella)", "Varicella (chicken pox)", "Chicken pox"),
    "measles": ("Measles (rubeola)", "Measles", "Measles (MMR)"),
    "rubella": ("Rubella (German measles)", "Rubella"),
    "hep_b": (
        "Have you completed the hepatitis B vaccine series?",
        "Hepatitis B vaccination completed?",
        "Have you been vaccinated against hepatitis B?",
    ),
    "circle": ("(circle one)", "(circle)", "Circle:"),
    "yes_no": ("YES|NO|UNSURE", "Yes|No|Not sure"),
    "problems": (
        "Please list any medical conditions you are treated for (e.g. thyroid disease, PCOS, "
        "endometriosis, diabetes):",
        "Current or past medical problems (e.g. asthma, high blood pressure, thyroid):",
    ),
    "referrer": ("Referring physician", "Referred by (doctor)", "Your OB/GYN or doctor"),
    "heard": ("How did you hear about us?",),
    "heard_opts": (
        "Doctor|Friend|Internet|Insurance|Other",
        "Physician referral|Website|Social media|Friend/family",
    ),
    "page": ("Page {} of 2", "{} / 2", "p. {} of 2"),
    "form_no": ("Form NP-01 rev. 2021", "Intake form F-120", "NPQ v4"),
    # page 2
    "cont": ("Intake Questionnaire (continued)", "New Patient Questionnaire \u2014 page 2"),
    "p2_name": ("Patient name", "Name"),
    "s_insurance": ("Insurance & Billing", "Insurance Information", "Financial / Insurance"),
    "s_allergy": ("Allergies", "Drug and Other Allergies"),
    "s_meds": (
        "Current Medications, Vitamins & Supplements",
        "Medications You Take Now",
        "Current Medications",
    ),
    "s_sign": ("Acknowledgement", "Patient Certification"),
    "ins_q": (
        "Do you have medical insurance?",
        "Are you covered by health insurance?",
        "Do you currently have medical insurance?",
    ),
    "skip": ("If no, skip to the next section.", "(If no, go to Section 7)"),
    "carrier": ("Insurance carrier", "Insurance company", "Plan / carrier"),
    "member": ("Member ID / Policy #", "Policy number", "Subscriber ID"),
    "group": ("Group #", "Group no."),
    "claims": ("Claims address (back of card)", "Insurance mailing address", "Claims address"),
    "expiry": ("Coverage end date", "Termination date", "Valid through"),
    "subscriber": ("Policy holder (if not you)", "Subscriber, if not patient"),
    "benefits": ("Does your plan cover fertility treatment?", "Fertility benefits?"),
    "nka": ("No known allergies", "I have no allergies", "NKDA"),
    "allergen": ("Allergic to", "Medicine / substance", "Allergen"),
    "reaction": ("Reaction", "What happens"),
    "no_meds": ("I take no medications", "None taken"),
    "med": ("Medication / supplement", "Name of medicine", "Medication"),
    "dose": ("Dose", "Strength"),
    "often": ("How often", "Frequency"),
    "ack": (
        "I confirm that the information above is complete and correct to the best of my "
        "knowledge, and I will tell the clinic of any change before treatment begins.",
        "By signing I certify that this information is accurate. I authorize the clinic to "
        "bill my insurance carrier and to release information needed to process claims.",
    ),
    "sign": ("Patient signature", "Signature"),
    "sign_date": ("Date", "Date signed"),
    "fine": (
        "CONFIDENTIAL: this form contains protected health information. It is kept in your "
        "medical record and used only for your care, billing and as permitted by law.",
        "Your information is protected under HIPAA. See our Notice of Privacy Practices, "
        "available at the front desk and on our website.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": (
        "ELECTRONIC PRESCRIPTION SUMMARY",
        "e-Prescription Record",
        "Prescription Summary \u2014 Virtual Visit",
    ),
    "note": (
        "Your prescription was sent electronically to the pharmacy below. This summary is for "
        "your records only and cannot be used to fill a prescription.",
        "This is a copy of the prescription transmitted to your pharmacy after your online "
        "visit. Do not present this page at the pharmacy.",
    ),
    "patient": ("Patient", "Patient name", "Name"),
    "dob": ("Date of birth", "DOB"),
    "phone": ("Phone", "Contact number", "Mobile"),
    "address": ("Address on file", "Home address", "Address"),
    "date": ("Visit date", "Date of service", "Date written"),
    "visit": ("Visit ID", "Encounter #", "Consult no."),
    "type": ("Visit type", "Consult type"),
    "types": ("Video|Phone|Chat", "Video|Audio only|Messaging"),
    "clinician": ("Prescribing clinician", "Prescriber", "Treating provider"),
    "npi": ("NPI",),
    "license": ("State license", "License #", "Lic. no."),
    "pharmacy": ("Sent to pharmacy", "Pharmacy", "Dispensing pharmacy"),
    "med": ("Medication and strength", "Drug / strength", "Medication"),
    "qty": ("Qty", "Quantity", "Disp."),
    "days": ("Days supply", "Days"),
    "refills": ("Refills", "Refills authorized", "Repeats"),
    "refills_line": ("Number of refills authorized:", "Refills:", "Refills allowed:"),
    "directions": ("Directions for use", "Instructions (Sig)", "How to take your medicine"),
    "subst": ("Substitution permitted", "Generic substitution allowed"),
    "esign": ("Electronically signed by", "e-Signed by", "Signed electronically by"),
    "at": ("on", "at"),
    "reason": ("Reason for visit", "Chief complaint", "Visit reason"),
    "allergies": ("Allergies on file", "Known allergies"),
    "follow": ("Follow-up", "Next steps: follow up", "Return visit"),
    "fine": (
        "If you have questions about your medicine, call your pharmacist or reply to this "
        "visit in the app. In an emergency call 911.",
        "Telehealth services are not a substitute for emergency care. Keep this summary with "
        "your medical records. Page 1 of 1.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _common_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(32, 38), value_size=(42, 48)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "n/a", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _common_style(rnd, handwriting, font, _RX)
        service = rnd.choice(SERVICES)
        slug = "".join(c for c in service.lower() if c.isalnum())
        style.update(
            service=service,
            web=f"www.{slug}.com",
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            refill_mode=rnd.choice(("column", "line")),
            details_mode=rnd.choice(("colon", "stacked")),
        )
        return style
    style = _common_style(rnd, handwriting, font, _REC)
    clinic = rnd.choice(CLINICS)
    slug = "".join(c for c in clinic.lower().split()[0] if c.isalnum())
    style.update(
        clinic=clinic,
        web=f"www.{slug}fertility.com",
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("box", "after")),
        split_name=rnd.random() < 0.5,
        allergy_box=rnd.random() < 0.6,
        expiry_after=rnd.random() < 0.5,
        fine=rnd.random() < 0.8,
    )
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    return _record_document(rnd, handwriting=handwriting, font=font)


def _measures(rnd: random.Random) -> tuple[float, float, str, str]:
    kg, cm = rnd.uniform(48, 105), rnd.uniform(150, 192)
    if rnd.random() < 0.5:
        units = rnd.choice((("kg", "cm"), ("", "")))
        weight: float = round(kg) if rnd.random() < 0.8 else round(kg * 2) / 2
        return weight, round(cm), units[0], units[1]
    units = rnd.choice((("lbs", "in"), ("lb", "in"), ("", "")))
    return round(kg * 2.2046), round(cm / 2.54), units[0], units[1]


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    year = record.year - rnd.randint(23, 46)
    birth = birth.replace(year=year, day=min(birth.day, 28) if birth.month == 2 else birth.day)
    fields["birth_date"] = birth.isoformat()
    age = record.year - birth.year - ((record.month, record.day) < (birth.month, birth.day))
    weight, height, weight_unit, height_unit = _measures(rnd)
    if "weight" in fields:
        fields["weight"] = weight
    if "height" in fields:
        fields["height"] = height
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "age": age if rnd.random() < 0.75 else None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.7 else None,
        "months_trying": rnd.choice((6, 8, 10, 12, 18, 24, 36)) if rnd.random() < 0.85 else None,
        "gravida": rnd.choice((0, 0, 1, 1, 2, 3)) if rnd.random() < 0.8 else None,
        "cycle_days": rnd.randint(24, 35) if rnd.random() < 0.7 else None,
        "rubella": rnd.choice((0, 0, 0, 1, 2)) if rnd.random() < 0.85 else None,
        "referrer": _doctor(rnd) if rnd.random() < 0.6 else None,
        "heard": rnd.randrange(4) if rnd.random() < 0.7 else None,
    }
    gravida = extras["gravida"]
    extras["para"] = rnd.randint(0, gravida) if gravida is not None else None
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # "not sure" ticked or circled
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = str(rnd.randint(10000, 999999)) if rnd.random() < 0.6 else None
        if rnd.random() < 0.3:
            extras["subscriber"] = values.person_name(rnd)
        extras["benefits"] = rnd.randrange(3) if rnd.random() < 0.7 else None
    elif rnd.random() < 0.2:
        del fields["has_insurance"]  # the question left unanswered
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.7 else "" for _ in fields["allergies"]
    ]
    doses = {name: (strengths, unit) for name, strengths, unit, _ in values.DRUGS}
    rows = []
    for medicine in fields["regular_medication"]:
        strengths, unit = doses.get(medicine, (("",), ""))
        dose = f"{rnd.choice(strengths)} {unit}".strip() if rnd.random() < 0.8 else ""
        rows.append([dose, rnd.choice(HOW_OFTEN) if rnd.random() < 0.8 else ""])
    extras["medication_rows"] = rows
    extras["dated_signature"] = rnd.random() < 0.7
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    dob = dt.date(rnd.randint(1945, 2004), rnd.randint(1, 12), rnd.randint(1, 28))
    hour, minute = rnd.randint(7, 21), rnd.randint(0, 59)
    state = fields.get("patient_address", "").rpartition(", ")[2][:2] or "CA"
    if not state.isalpha():
        state = "CA"
    store = rnd.choice(PHARMACIES)
    if store.endswith("#"):
        store += str(rnd.randint(1000, 19999))
    medicines = fields["medicines"]
    extras: dict[str, Any] = {
        "patient_dob": dob.isoformat() if rnd.random() < 0.85 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "visit_id": f"{rnd.choice('TVEC')}{rnd.choice('HVX')}-{rnd.randint(100000, 9999999)}",
        "visit_type": rnd.randrange(3),
        "signed_time": f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}",
        "npi": str(rnd.randint(1_000_000_000, 1_999_999_999)),
        "license": f"{state.upper()} {rnd.choice('ABCGM')}{rnd.randint(10000, 999999)}",
        "pharmacy": store,
        "pharmacy_address": values.one_line_address(rnd),
        "pharmacy_phone": values.phone_number(rnd),
        "quantities": [
            "1 inhaler"
            if medicine.split()[0] in ("Salbutamol", "Albuterol")
            else rnd.choice(QUANTITIES)
            for medicine in medicines
        ],
        "days_supply": [rnd.choice((7, 10, 14, 30, 30, 90)) for _ in medicines],
        "substitution": rnd.random() < 0.8,
        "reason": rnd.choice(REASONS) if rnd.random() < 0.8 else None,
        "allergies_on_file": (
            ", ".join(rnd.sample(values.ALLERGIES, rnd.randint(1, 2)))
            if rnd.random() < 0.4
            else rnd.choice(("NKDA", "None known"))
        ),
        "follow_up": rnd.choice(FOLLOW_UPS) if rnd.random() < 0.6 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    r, g, b = colour
    return (
        round(255 - (255 - r) * share),
        round(255 - (255 - g) * share),
        round(255 - (255 - b) * share),
    )


class _Sheet(common.Drawing):
    """One page: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.sections = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK_DARK)
        faces["lbl"] = render.Face(label.regular, size, INK_DARK)
        faces["bold"] = render.Face(label.bold, size, INK_DARK)
        faces["th"] = render.Face(label.bold, size - 6, (45, 45, 45))
        faces["corner"] = render.Face(label.regular, 26, GREY)
        faces["bar"] = render.Face(title.bold, 40, WHITE)
        faces["org"] = render.Face(title.bold, 62, self.colour)
        faces["org_small"] = render.Face(title.regular, 30, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 56, INK_DARK)
        faces["doc"] = render.Face(title.bold, 44, INK_DARK)
        faces["note"] = render.Face(label.regular, 31, (50, 50, 50))
        faces["fine"] = render.Face(label.regular, 22, (100, 100, 100))

    def word(self, key: str) -> str:
        return self.words[key]

    def parts(self, key: str) -> list[str]:
        return self.words[key].split("|")

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def value(self, x: float, base: float, text: Any, width: float, anchor: str = "ls") -> None:
        if text is not None and str(text) != "":
            self.page.text(x, base, str(text), "value", max_width=width, anchor=anchor)

    def section(self, y: float, key: str) -> float:
        """A numbered section bar, white type on the form's colour; returns the space below."""
        self.sections += 1
        self.rect(LEFT, y, RIGHT, y + 62, fill=self.colour, outline=None)
        text = f"SECTION {self.sections}  \u2022  {self.word(key).upper()}"
        self.page.text(LEFT + 24, y + 46, text, "bar", max_width=RIGHT - LEFT - 48)
        return y + 62

    def table(
        self,
        y: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Any]],
        *,
        head: float = 56,
        row: float = 106,
    ) -> float:
        """A ruled table: a tinted header row naming the columns, then the value rows."""
        page = self.page
        total = sum(share for _, share in columns)
        edges = [LEFT]
        for _, share in columns:
            edges.append(edges[-1] + (RIGHT - LEFT) * share / total)
        bottom = y + head + row * len(rows)
        self.rect(LEFT, y, RIGHT, y + head, fill=_tint(self.colour, 0.15), outline=None)
        for k, (text, _) in enumerate(columns):
            page.text(
                edges[k] + 16, y + head - 17, text, "th", max_width=edges[k + 1] - edges[k] - 30
            )
        for r in range(len(rows) + 1):
            self.line(LEFT, y + head + row * r, RIGHT, y + head + row * r, width=2, fill=LINE)
        self.rect(LEFT, y, RIGHT, bottom, outline=LINE, width=3)
        for edge in edges[1:-1]:
            self.line(edge, y, edge, bottom, width=2, fill=LINE)
        for r, cells in enumerate(rows):
            base = y + head + row * r + 76
            for k, text in enumerate(cells):
                self.value(edges[k] + 28, base, text, edges[k + 1] - edges[k] - 56)
        return bottom

    def cell(self, x0: float, y0: float, x1: float, y1: float, label: str, text: Any) -> None:
        """A ruled box with its small label in the top-left corner and the value below it."""
        self.rect(x0, y0, x1, y1, outline=LINE, width=3)
        self.page.text(x0 + 14, y0 + 32, label, "corner", max_width=x1 - x0 - 28)
        self.value(x0 + 28, y1 - 26, text, x1 - x0 - 56)

    def after(self, x0: float, x1: float, base: float, label: str, text: Any) -> None:
        """``value ______ label``: the value on a rule, its label printed after the rule."""
        page = self.page
        width = page.width(label, "lbl")
        stop = x1 - width
        self.line(x0, base + 16, stop - 24, base + 16, width=2, fill=LINE)
        page.text(stop, base, label, "lbl")
        self.value(x0 + 16, base, text, stop - x0 - 56)

    def blank(self, x: float, base: float, label: str, text: Any, width: float) -> float:
        """``Label ____``: a value on a short rule after its label; returns where it ends."""
        stop = self.page.text(x, base, label, "lbl")
        self.line(stop + 20, base + 16, stop + 20 + width, base + 16, width=2, fill=LINE)
        self.value(stop + 34, base, text, width - 28)
        return stop + 20 + width

    def boxes(self, x: float, base: float, options: Sequence[str], chosen: int | None) -> float:
        return common.options_with_boxes(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            mark=self.style["mark"],
            face="lbl",
            gap=60,
        )

    def fitted_boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, right: float
    ) -> None:
        """Ticked boxes before options, the type made smaller when the row would not fit."""
        page = self.page
        side, gap = 38.0, 44.0
        size = float(page.faces["lbl"].size)
        room = right - x - len(options) * (side + 18 + gap)
        natural = sum(page.width(text, "lbl") for text in options)
        if natural > room:
            size = size * room / natural
        for k, text in enumerate(options):
            x = common.checkbox(
                page, x, base, checked=k == chosen, mark=self.style["mark"], side=side
            )
            x = page.text(x + 18, base, text, "lbl", size=size) + gap

    def circled(self, x: float, base: float, options: Sequence[str], chosen: int | None) -> float:
        return common.circled_options(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            face="lbl",
            gap=70,
        )

    def paragraph(self, x: float, base: float, text: str, width: float, face: str) -> float:
        step = self.page.faces[face].size * 1.3
        for line in render.wrap(self.page, text, face, width - 60):
            self.page.text(x, base, line, face)
            base += step
        return base

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, 3180, RIGHT, 3180, width=1, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 400)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3215 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, 3215, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _clinic_head(sheet: _Sheet) -> None:
    page, style = sheet.page, sheet.style
    colour = sheet.colour
    # the clinic's mark: three overlapping rings
    for k, (dx, dy) in enumerate(((0, -22), (-20, 14), (20, 14))):
        cx, cy, r = LEFT + 52 + dx, 150 + dy, 34
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            outline=_tint(colour, 1.0 - 0.25 * k),
            width=max(1, page.px(6)),
        )
    page.text(LEFT + 130, 172, style["clinic"], "org", max_width=1200)
    lines = (
        style["street"],
        style["city"],
        f"Phone {sheet.phone(style['phone'])}  |  Fax {sheet.phone(style['fax'])}",
        style["web"],
    )
    for k, line in enumerate(lines):
        page.text(RIGHT, 110 + 40 * k, line, "org_small", anchor="rs")
    sheet.line(LEFT, 268, RIGHT, 268, width=5, fill=colour)
    sheet.line(LEFT, 280, RIGHT, 280, width=1.5, fill=colour)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _clinic_head(sheet)

    record = sheet.date(fields.get("record_date"))
    if style["date_place"] == "box":
        page.text(LEFT, 385, sheet.word("title"), "title", max_width=1500)
        sheet.cell(1800, 320, RIGHT, 440, sheet.word("today"), record)
    else:
        page.text(LEFT, 385, sheet.word("title"), "title", max_width=1300)
        sheet.after(1560, RIGHT, 385, sheet.word("today"), record)
    y = sheet.paragraph(LEFT, 500, sheet.word("instructions"), RIGHT - LEFT, "note")

    # 1: the patient
    y = sheet.section(y - 10, "s_you")
    name = fields.get("patient_name", "")
    dob = sheet.date(fields.get("birth_date"), short_year=False)
    age = extras.get("age")
    if style["split_name"]:
        given, _, surname = name.rpartition(" ")
        columns = [(sheet.word("last"), 1.2), (sheet.word("first"), 1.2)]
        cells: list[Any] = [surname, given]
    else:
        columns = [(sheet.word("whole"), 2.4)]
        cells = [name]
    columns += [(sheet.word("dob"), 1.0), (sheet.word("age"), 0.45)]
    cells += [dob, age]
    y = sheet.table(y + 24, columns, [cells])
    lines = common.address_lines(fields, extras)
    y = sheet.table(
        y + 24,
        [(sheet.word("street"), 1.5), (sheet.word("city"), 1.5), (sheet.word("country"), 0.8)],
        [lines],
    )
    y = sheet.table(
        y + 24,
        [
            (sheet.word("phone"), 1.3),
            (sheet.word("height"), 0.7),
            (sheet.word("weight"), 0.7),
            (sheet.word("occupation"), 1.1),
        ],
        [
            [
                sheet.phone(fields.get("phone")),
                _measure(fields.get("height"), extras.get("height_unit")),
                _measure(fields.get("weight"), extras.get("weight_unit")),
                extras.get("occupation"),
            ]
        ],
    )

    # 2: partner / emergency contact
    y = sheet.section(y + 40, "s_partner")
    y = sheet.table(
        y + 24,
        [
            (sheet.word("c_name"), 1.4),
            (sheet.word("relation"), 0.8),
            (sheet.word("c_home"), 1.0),
            (sheet.word("c_work"), 1.0),
        ],
        [
            [
                fields.get("emergency_contact_name"),
                extras.get("relation"),
                sheet.phone(fields.get("emergency_contact_phone")),
                sheet.phone(extras.get("emergency_work_phone")),
            ]
        ],
    )
    sheet.cell(
        LEFT,
        y + 20,
        RIGHT,
        y + 150,
        sheet.word("c_address"),
        fields.get("emergency_contact_address"),
    )
    y += 150

    # 3: reproductive history (distractors)
    y = sheet.section(y + 40, "s_repro")
    base = y + 80
    end = sheet.blank(LEFT, base, sheet.word("trying"), extras.get("months_trying"), 170)
    page.text(end + 16, base, sheet.word("months"), "lbl")
    base += 92
    end = sheet.blank(LEFT, base, sheet.word("gravida"), extras.get("gravida"), 120)
    end = sheet.blank(end + 60, base, sheet.word("para"), extras.get("para"), 120)
    end = sheet.blank(end + 60, base, sheet.word("cycle"), extras.get("cycle_days"), 120)
    page.text(end + 16, base, sheet.word("days"), "lbl")

    # 4: immunity, ticked in a table
    y = sheet.section(base + 50, "s_immune")
    columns_text = sheet.parts("immune_cols")
    top = y + 24
    heads = [(sheet.word("condition"), 1.6)] + [(text, 0.8) for text in columns_text]
    rows = (
        (sheet.word("chickenpox"), "chicken_pox"),
        (sheet.word("measles"), "measles"),
        (sheet.word("rubella"), "rubella"),
    )
    bottom = sheet.table(top, heads, [[] for _ in rows], row=80)
    first = LEFT + (RIGHT - LEFT) * 1.6 / 4.0
    step = (RIGHT - first) / 3
    for r, (text, name) in enumerate(rows):
        base = top + 56 + 80 * r + 56
        page.text(LEFT + 24, base, text, "lbl", max_width=first - LEFT - 40)
        if name == "rubella":
            chosen = extras.get("rubella")
        elif extras.get(f"{name}_unsure"):
            chosen = 2
        else:
            value = fields.get(name)
            chosen = {"immune": 0, "not immune": 1}.get(value) if value else None
        for k in range(3):
            common.checkbox(
                page,
                first + step * k + step / 2 - 22,
                base,
                checked=chosen == k,
                mark=style["mark"],
            )
    base = bottom + 86
    end = page.text(LEFT, base, sheet.word("hep_b"), "lbl", max_width=1400)
    end = page.text(end + 40, base, sheet.word("circle"), "corner")
    hep = fields.get("hepatitis_b_vaccination")
    chosen = {"yes": 0, "no": 1}.get(hep) if hep else None
    if extras.get("hepatitis_b_vaccination_unsure"):
        chosen = 2
    sheet.circled(max(end + 60, 1700), base, sheet.parts("yes_no"), chosen)

    # 5: medical history
    y = sheet.section(base + 50, "s_medical")
    base = sheet.paragraph(LEFT, y + 70, sheet.word("problems"), RIGHT - LEFT, "lbl")
    problems = fields.get("medical_problems")
    text = common.list_text(problems, str(style["empty_list"])) or ""
    written = render.wrap(page, text, "value", RIGHT - LEFT - 80) if text else []
    for k in range(2):
        line_y = base + 40 + 96 * k
        sheet.line(LEFT, line_y + 16, RIGHT, line_y + 16, width=1.5, fill=FAINT)
        if k < len(written):
            rest = written[k] if k == 0 else " ".join(written[1:])
            sheet.value(LEFT + 20, line_y, rest, RIGHT - LEFT - 40)
    base += 40 + 96 * 2
    sheet.blank(LEFT, base, f"{sheet.word('referrer')}:", extras.get("referrer"), 1100)
    base += 100
    end = page.text(LEFT, base, sheet.word("heard"), "lbl")
    sheet.circled(end + 70, base, sheet.parts("heard_opts"), extras.get("heard"))

    fine = sheet.word("fine") if style["fine"] else sheet.word("form_no")
    sheet.footer(fine, sheet.word("page").format(1))
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    sheet.sections = 5
    page.text(LEFT, 150, style["clinic"], "org", max_width=1100, size=44)
    page.text(RIGHT, 150, sheet.word("cont"), "bold", anchor="rs", max_width=1000)
    sheet.line(LEFT, 190, RIGHT, 190, width=3, fill=sheet.colour)
    sheet.blank(LEFT, 290, f"{sheet.word('p2_name')}:", fields.get("patient_name"), 1200)

    # 6: insurance
    y = sheet.section(360, "s_insurance")
    base = y + 90
    end = page.text(LEFT, base, sheet.word("ins_q"), "lbl")
    insured = fields.get("has_insurance")
    chosen = {"yes": 0, "no": 1}.get(insured) if insured else None
    end = sheet.boxes(end + 50, base, ["Yes", "No"], chosen)
    page.text(end + 10, base, sheet.word("skip"), "corner")
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    y = sheet.table(
        base + 50,
        [(sheet.word("carrier"), 1.5), (sheet.word("member"), 1.2), (sheet.word("group"), 0.6)],
        [[fields.get("insurance_company"), policy, extras.get("group")]],
    )
    sheet.cell(LEFT, y + 20, RIGHT, y + 150, sheet.word("claims"), fields.get("insurance_address"))
    y += 150
    expiry = sheet.date(fields.get("insurance_expiry"))
    base = y + 110
    if style["expiry_after"]:
        sheet.after(LEFT, 1150, base, sheet.word("expiry"), expiry)
        sheet.after(1250, RIGHT, base, sheet.word("subscriber"), extras.get("subscriber"))
    else:
        sheet.cell(LEFT, y + 20, 1150, y + 150, sheet.word("expiry"), expiry)
        sheet.cell(1190, y + 20, RIGHT, y + 150, sheet.word("subscriber"), extras.get("subscriber"))
        base = y + 150
    base += 100
    end = page.text(LEFT, base, sheet.word("benefits"), "lbl")
    sheet.circled(end + 70, base, sheet.parts("yes_no"), extras.get("benefits"))

    # 7: allergies
    y = sheet.section(base + 50, "s_allergy")
    allergies = list(fields.get("allergies") or [])
    reactions = list(extras.get("reactions") or [])
    base = y + 86
    if style["allergy_box"]:
        common.checkbox(page, LEFT, base, checked=not allergies, mark=style["mark"])
        page.text(LEFT + 74, base, sheet.word("nka"), "lbl")
        shown = [[a, reactions[k] if k < len(reactions) else ""] for k, a in enumerate(allergies)]
    else:
        page.text(LEFT, base, f"{sheet.word('nka')}? write \u201cnone\u201d below", "corner")
        shown = [[a, reactions[k] if k < len(reactions) else ""] for k, a in enumerate(allergies)]
        if not allergies and style["empty_list"]:
            shown = [[str(style["empty_list"]), ""]]
    shown += [["", ""]] * (3 - len(shown))
    y = sheet.table(
        base + 30,
        [(sheet.word("allergen"), 1.4), (sheet.word("reaction"), 1.0)],
        shown,
        row=92,
    )

    # 8: medications
    y = sheet.section(y + 40, "s_meds")
    medication = list(fields.get("regular_medication") or [])
    med_rows = list(extras.get("medication_rows") or [])
    base = y + 86
    common.checkbox(page, LEFT, base, checked=not medication, mark=style["mark"])
    page.text(LEFT + 74, base, sheet.word("no_meds"), "lbl")
    rows = [
        [m, *(med_rows[k] if k < len(med_rows) else ["", ""])] for k, m in enumerate(medication)
    ]
    rows += [["", "", ""]] * (4 - len(rows))
    y = sheet.table(
        base + 30,
        [(sheet.word("med"), 1.5), (sheet.word("dose"), 0.7), (sheet.word("often"), 0.9)],
        rows,
        row=92,
    )

    # 9: acknowledgement and signature
    y = sheet.section(y + 40, "s_sign")
    base = sheet.paragraph(LEFT, y + 66, sheet.word("ack"), RIGHT - LEFT, "note")
    base += 110
    sheet.line(LEFT, base, 1300, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 560, base - 8, sheet.ink())
    page.text(LEFT, base + 40, sheet.word("sign"), "corner")
    signed = sheet.date(fields.get("record_date")) if extras.get("dated_signature") else ""
    sheet.line(1450, base, RIGHT, base, width=2.5, fill=LINE)
    sheet.value(1470, base - 14, signed, RIGHT - 1490)
    page.text(1450, base + 40, sheet.word("sign_date"), "corner")

    fine = sheet.word("fine") if style["fine"] else sheet.word("form_no")
    sheet.footer(fine, sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    colour = sheet.colour

    # the service's header: a rounded badge, its name, contact line (distractors)
    page.draw.rounded_rectangle(
        [page.px(LEFT), page.px(90), page.px(LEFT + 110), page.px(200)],
        radius=page.px(24),
        fill=colour,
    )
    page.draw.line(
        [(page.px(LEFT + 30), page.px(145)), (page.px(LEFT + 80), page.px(145))],
        fill=WHITE,
        width=max(1, page.px(14)),
    )
    page.draw.line(
        [(page.px(LEFT + 55), page.px(120)), (page.px(LEFT + 55), page.px(170))],
        fill=WHITE,
        width=max(1, page.px(14)),
    )
    page.text(LEFT + 140, 170, style["service"], "org", max_width=1150)
    contact = (
        style["web"],
        f"Support {sheet.phone(style['phone'])}",
        style["street"],
        style["city"],
    )
    for k, line in enumerate(contact):
        page.text(RIGHT, 100 + 38 * k, line, "org_small", anchor="rs")
    sheet.rect(LEFT, 270, RIGHT, 350, fill=_tint(colour, 0.18), outline=None)
    page.text(LEFT + 24, 330, sheet.word("title"), "title", max_width=RIGHT - LEFT - 48, size=48)
    base = sheet.paragraph(LEFT, 420, sheet.word("note"), RIGHT - LEFT, "note")

    # patient and visit details
    top = base + 10
    mid = 1320.0
    left_items = [
        (sheet.word("patient"), fields.get("patient_name")),
        (sheet.word("dob"), sheet.date(extras.get("patient_dob"), short_year=False)),
        (sheet.word("phone"), sheet.phone(extras.get("patient_phone"))),
    ]
    right_items = [
        (sheet.word("date"), sheet.date(fields.get("date"))),
        (sheet.word("visit"), extras.get("visit_id")),
    ]
    address = (sheet.word("address"), fields.get("patient_address"))
    if style["details_mode"] == "colon":
        step = 86.0
        bottom = top + 40 + step * 4
        sheet.rect(LEFT, top, RIGHT, bottom, outline=LINE, width=3)
        lx = LEFT + 30
        vx = lx + max(page.width(f"{t}:", "bold") for t, _ in [*left_items, address]) + 40
        for k, (text, value) in enumerate(left_items):
            b = top + 90 + step * k
            page.text(lx, b, f"{text}:", "bold")
            sheet.value(vx, b, value, mid - vx - 30)
        rx = mid + 30
        rvx = rx + max(page.width(f"{t}:", "bold") for t, _ in right_items) + 40
        for k, (text, value) in enumerate(right_items):
            b = top + 90 + step * k
            page.text(rx, b, f"{text}:", "bold")
            sheet.value(rvx, b, value, RIGHT - rvx - 30)
        b = top + 90 + step * 2
        end = page.text(rx, b, f"{sheet.word('type')}:", "bold")
        sheet.fitted_boxes(end + 30, b, sheet.parts("types"), extras.get("visit_type"), RIGHT - 20)
        b = top + 90 + step * 3
        page.text(lx, b, f"{address[0]}:", "bold")
        sheet.value(vx, b, address[1], RIGHT - vx - 30)
    else:
        h = 120.0
        xs = (LEFT, LEFT + 760, LEFT + 1300, RIGHT)
        row1 = [left_items[0], right_items[0], right_items[1]]
        for k, (text, value) in enumerate(row1):
            sheet.cell(xs[k], top, xs[k + 1], top + h, text.upper(), value)
        row2 = [left_items[1], left_items[2]]
        xs2 = (LEFT, LEFT + 560, LEFT + 1160)
        for k, (text, value) in enumerate(row2):
            sheet.cell(xs2[k], top + h, xs2[k + 1], top + 2 * h, text.upper(), value)
        sheet.rect(xs2[2], top + h, RIGHT, top + 2 * h, outline=LINE, width=3)
        page.text(xs2[2] + 14, top + h + 32, sheet.word("type").upper(), "corner")
        sheet.fitted_boxes(
            xs2[2] + 30,
            top + 2 * h - 24,
            sheet.parts("types"),
            extras.get("visit_type"),
            RIGHT - 20,
        )
        sheet.cell(LEFT, top + 2 * h, RIGHT, top + 3 * h, address[0].upper(), address[1])
        bottom = top + 3 * h

    # reason for visit and allergies (distractors)
    base = bottom + 80
    end = page.text(LEFT, base, f"{sheet.word('reason')}:", "lbl")
    sheet.value(end + 24, base, extras.get("reason"), mid - end - 60)
    end = page.text(mid + 20, base, f"{sheet.word('allergies')}:", "lbl")
    sheet.value(end + 24, base, extras.get("allergies_on_file"), RIGHT - end - 40)

    # clinician and pharmacy boxes
    top = base + 40
    box_h = 250.0
    sheet.rect(LEFT, top, mid - 20, top + box_h, outline=colour, width=3)
    sheet.rect(mid + 20, top, RIGHT, top + box_h, outline=colour, width=3)
    page.text(LEFT + 20, top + 40, sheet.word("clinician").upper(), "corner")
    page.text(LEFT + 30, top + 106, fields.get("prescriber", ""), "doc", max_width=mid - LEFT - 80)
    b = top + 170
    end = page.text(LEFT + 30, b, f"{sheet.word('npi')}:", "lbl")
    sheet.value(end + 20, b, extras.get("npi"), mid - end - 60)
    b += 60
    end = page.text(LEFT + 30, b, f"{sheet.word('license')}:", "lbl")
    sheet.value(end + 20, b, extras.get("license"), mid - end - 60)
    page.text(mid + 40, top + 40, sheet.word("pharmacy").upper(), "corner")
    for k, text in enumerate(
        (
            extras.get("pharmacy"),
            extras.get("pharmacy_address"),
            sheet.phone(extras.get("pharmacy_phone")),
        )
    ):
        sheet.value(mid + 50, top + 106 + 64 * k, text, RIGHT - mid - 110)

    # the medication table
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    days = list(extras.get("days_supply") or [])
    refills = fields.get("refills")
    columns = [
        ("#", 0.18),
        (sheet.word("med"), 2.0),
        (sheet.word("qty"), 0.5),
        (sheet.word("days"), 0.5),
    ]
    if style["refill_mode"] == "column":
        columns.append((sheet.word("refills"), 0.55))
    rows: list[list[Any]] = []
    for k, medicine in enumerate(medicines):
        row: list[Any] = [
            "",
            medicine,
            quantities[k] if k < len(quantities) else "",
            days[k] if k < len(days) else "",
        ]
        if style["refill_mode"] == "column":
            row.append("" if refills is None else refills)
        rows.append(row)
    table_top = top + box_h + 50
    y = sheet.table(table_top, columns, rows, row=100)
    for k in range(len(medicines)):  # the line numbers are printed by the system
        page.text(LEFT + 20, table_top + 56 + 100 * k + 70, f"{k + 1}", "lbl")

    # directions in a box
    base = y + 80
    if style["refill_mode"] == "line":
        end = page.text(LEFT, base, sheet.word("refills_line"), "bold")
        sheet.line(end + 20, base + 16, end + 220, base + 16, width=2, fill=LINE)
        sheet.value(end + 40, base, "" if refills is None else refills, 170)
        base += 100
    page.text(LEFT, base, sheet.word("directions"), "bold")
    box_top = base + 24
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 80) if directions else []
    box_bottom = box_top + 30 + 92 * max(3, len(lines))
    sheet.rect(LEFT, box_top, RIGHT, box_bottom, outline=LINE, width=2.5)
    for k, line in enumerate(lines):
        sheet.value(LEFT + 30, box_top + 86 + 92 * k, line, RIGHT - LEFT - 60)

    # substitution and the electronic signature
    base = box_bottom + 90
    end = page.text(LEFT, base, f"{sheet.word('subst')}:", "lbl")
    sheet.boxes(end + 40, base, ["Yes", "No"], 0 if extras.get("substitution") else 1)
    follow = extras.get("follow_up")
    if follow:
        base += 100
        end = page.text(LEFT, base, f"{sheet.word('follow')}:", "lbl")
        sheet.value(end + 24, base, follow, RIGHT - end - 40)
    base += 100
    signed = (
        f"{sheet.word('esign')} {fields.get('prescriber', '')} {sheet.word('at')} "
        f"{sheet.date(fields.get('date'))} {extras.get('signed_time', '')}"
    )
    page.text(LEFT, base, signed, "note", max_width=RIGHT - LEFT)
    sheet.footer(sheet.word("fine"), "")
    return page.image


def render_pages(
    document_type: str,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    style: Mapping[str, Any],
    *,
    dpi: int,
    pages: int | None,
) -> list[Image.Image]:
    """The form's pages; ``pages=1`` draws only a record's first page."""
    return common.form_renderer((_prescription, _record_one, _record_two))(
        document_type, fields, extras, style, dpi=dpi, pages=pages
    )
