"""A bilingual community-clinic registration form and a security prescription pad.

Written blind as the held-out family of the round before this one (measured there at 40.0%
printed / 44.8% handwriting); studied and tuned since.

Patient record (two pages), from a community health centre that prints its forms in English,
most of them bilingual: the Spanish under each English label or after a slash (``Date of birth /
Fecha de nacimiento``). The letterhead (the centre's name, street, telephone and fax, a form
code) is part of the printed form. Sections open with a dark tab holding the section's title in
white. Two arrangements: ``cells``, where every field is a pair of ruled cells, the label in a
shaded cell and the value in the white cell right of it, several pairs per row; and ``bands``,
with no cell rules, the rows alternately tinted, each label (English, a slash, the Spanish)
followed by its value. The record date is at the top right or on the first row of the patient's
section, beside an office account number (a distractor). The patient's name is one cell or three
(last name, first name, middle initial: the truth is ``First M. Last``); the address is one cell
(street and city line) or four (street, city, state, ZIP), the country always a cell of its own.
Sex and the phone's kind (home, cell, work) are filled bubbles, not fields. Choices are bubbles:
``Immune`` / ``Not immune`` / ``Don't know`` after each disease and ``Yes`` / ``No`` / ``Not
sure`` after the hepatitis B question; a "don't know" or "not sure" answer, or none, leaves the
field out of the truth. The medical problems, the allergies and the regular medicines are each
either a yes/no question whose ``No`` (or ``No known allergies``) stands for the empty list,
with the list written on an "If yes" row, or a plain row with the list or the document's word
for none. The emergency contact has a relationship (distractor) and another phone (the work
phone, a distractor). A hand that wrote a wrong weight or phone number struck it through and
wrote the right one after it (the struck text is a distractor). Page 2 may open with the
patient's name and account number again; the insurance is a matrix whose columns are the primary
and an empty secondary cover, with a group number, the policy holder and their relation to the
patient as distractors; the preferred pharmacy (name and phone) and the primary care provider
are distractors too.

Prescription: a tamper-resistant prescription pad, on statement-size tinted security paper laid
on the scanner glass (the rest of the page white), or filling the page. The header is the
prescriber's printed name with a specialty, street, city and telephone and the DEA, NPI and
licence numbers (distractors), or a group practice listing two to four doctors with a box before
each: the ticked one is the prescriber. Patient name, address, the patient's date of birth (a
distractor) and the date are written on rules after their labels; the date may instead stand
after its label at the right, just under the header. The medicines are written on numbered rules
after the ℞ with a quantity column at the right (distractors); the directions on rules after
their label; the refills either written on a short rule or ticked in a row of boxes after the
printed numbers (``0 [ ] 1 [ ] ... PRN [ ]``), written when the number is not among them. The
signature goes on one of two rules (``Substitution permitted`` / ``Dispense as written``) or on
a single one; the pad's batch number and security notices are printed at its foot.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

PAGE_WIDTH, PAGE_HEIGHT = render.PAGE_WIDTH, render.PAGE_HEIGHT
LEFT, RIGHT = 170.0, 2380.0  # the record's content edges

# fmt: off
CENTRES = (
    "Valle Verde Community Health Center", "Sunnyslope Family Health Center",
    "Casa de Salud Clinic", "Eastside Neighborhood Health", "Rio Grande Family Clinic",
    "Harbor Hills Health Center", "La Familia Medical Center", "Cedar Grove Community Clinic",
    "Mission Street Health Services", "Twin Rivers Community Health",
)
PHARMACIES = (
    "Main Street Pharmacy", "Corner Drug", "Family Pharmacy", "Plaza Pharmacy",
    "Community Drug Store", "Walgreens", "CVS Pharmacy", "Rite Aid", "Valley Apothecary",
)
PRACTICES = (
    "Northside Medical Associates", "Lakeshore Family Physicians", "Canyon View Medical Group",
    "Prairie Internal Medicine", "Bayside Pediatric & Family Care", "Summit Primary Care",
)
_RELATIONS = (
    "Mother", "Father", "Wife", "Husband", "Spouse", "Son", "Daughter", "Sister", "Brother",
    "Friend", "Partner", "Grandmother", "Aunt", "Neighbor",
)
_HOLDER_RELATIONS = ("Self", "Self", "Spouse", "Parent")
_LANGUAGES = ("English", "Spanish", "English", "Spanish", "Vietnamese", "Portuguese")
_QUANTITIES = ("#30", "#60", "#90", "#14", "#21", "#28", "30", "60", "1", "#10", "#20")
_PAPERS = ([236, 244, 252], [246, 242, 230], [238, 248, 240], [248, 238, 244])
_COLOURS = ([20, 80, 120], [120, 40, 30], [30, 90, 50], [60, 50, 120], [40, 40, 40])
# fmt: on

# Wording: each key an (English, Spanish) pair, one pair drawn per document.
_RECORD_LABELS: dict[str, tuple[tuple[str, str], ...]] = {
    "title": (
        ("Patient Registration", "Registro del Paciente"),
        ("New Patient Information", "Información del Paciente Nuevo"),
        ("Patient Intake Form", "Formulario de Admisión"),
        ("Registration and Health History", "Registro e Historial de Salud"),
    ),
    "record_date": (
        ("Today's date", "Fecha de hoy"),
        ("Date completed", "Fecha"),
        ("Date of registration", "Fecha de registro"),
    ),
    "account": (("Account #", "Cuenta"), ("Acct. no.", "No. de cuenta"), ("MRN", "Expediente")),
    "office": (("For office use", "Uso de oficina"), ("Office only", "Solo oficina")),
    "section_patient": (
        ("About you", "Sus datos"),
        ("Patient", "Paciente"),
        ("Patient demographics", "Datos del paciente"),
    ),
    "last_name": (("Last name", "Apellido"), ("Family name", "Apellido(s)")),
    "first_name": (("First name", "Nombre"), ("Given name", "Nombre de pila")),
    "initial": (("M.I.", "Inicial"), ("Middle initial", "Inicial")),
    "full_name": (
        ("Patient's legal name", "Nombre legal del paciente"),
        ("Name (first, middle, last)", "Nombre completo"),
        ("Full legal name", "Nombre completo"),
    ),
    "birth_date": (
        ("Date of birth", "Fecha de nacimiento"),
        ("Birthdate", "Fecha de nac."),
        ("Born on", "Nació el"),
    ),
    "sex": (("Sex", "Sexo"), ("Sex at birth", "Sexo al nacer")),
    "weight": (("Weight", "Peso"), ("Current weight", "Peso actual")),
    "height": (("Height", "Estatura"), ("How tall", "Estatura")),
    "phone": (
        ("Primary phone", "Teléfono principal"),
        ("Best phone number", "Mejor número"),
        ("Phone number", "Número de teléfono"),
    ),
    "phone_kind": (("This number is", "Este número es"), ("Phone type", "Tipo de teléfono")),
    "address": (
        ("Home address", "Domicilio"),
        ("Where you live", "Dónde vive"),
        ("Mailing address", "Dirección postal"),
    ),
    "street": (
        ("Street address", "Dirección"),
        ("Number and street", "Número y calle"),
        ("Street", "Calle"),
    ),
    "city": (("City", "Ciudad"), ("City / town", "Ciudad / pueblo")),
    "state": (("State", "Estado"), ("St.", "Edo.")),
    "zip": (("ZIP", "Código postal"), ("Zip code", "C.P.")),
    "country": (("Country", "País"), ("Country of residence", "País de residencia")),
    "language": (("Preferred language", "Idioma preferido"), ("Language", "Idioma")),
    "section_contact": (
        ("Emergency contact", "Contacto de emergencia"),
        ("In an emergency, call", "En caso de emergencia, llame a"),
        ("Person to call in an emergency", "Persona a llamar en una emergencia"),
    ),
    "contact_name": (
        ("Contact name", "Nombre del contacto"),
        ("Name of contact", "Nombre"),
        ("Who should we call?", "¿A quién llamamos?"),
    ),
    "relationship": (("Relationship to you", "Parentesco"), ("Relationship", "Relación")),
    "contact_phone": (("Contact phone", "Teléfono"), ("Main number", "Número principal")),
    "contact_other": (("Other phone", "Otro teléfono"), ("Daytime phone", "Teléfono de día")),
    "contact_address": (
        ("Contact's address", "Dirección del contacto"),
        ("Their address", "Su dirección"),
        ("Address of contact", "Dirección"),
    ),
    "section_health": (
        ("Health history", "Historial médico"),
        ("Your health", "Su salud"),
        ("Immunity and conditions", "Inmunidad y condiciones"),
    ),
    "immunity": (
        ("Are you immune to the following?", "¿Es usted inmune a lo siguiente?"),
        ("Immunity (had the disease or the vaccine)", "Inmunidad (enfermedad o vacuna)"),
    ),
    "chicken_pox": (("Chickenpox (varicella)", "Varicela"), ("Varicella / chickenpox", "Varicela")),
    "measles": (("Measles", "Sarampión"), ("Measles (rubeola)", "Sarampión (rubéola)")),
    "hepatitis_b_vaccination": (
        ("Have you had the hepatitis B shots?", "¿Recibió las vacunas de hepatitis B?"),
        ("Hepatitis B vaccine series done?", "¿Completó las vacunas de hepatitis B?"),
        ("Vaccinated against hepatitis B?", "¿Vacunado contra la hepatitis B?"),
    ),
    "problems_question": (
        ("Do you have any ongoing health conditions?", "¿Tiene alguna condición de salud?"),
        ("Are you being treated for any illness?", "¿Recibe tratamiento por alguna enfermedad?"),
        ("Any long-term medical conditions?", "¿Alguna enfermedad crónica?"),
    ),
    "problems": (
        ("Ongoing conditions", "Condiciones actuales"),
        ("Illnesses being treated", "Enfermedades en tratamiento"),
        ("Chronic conditions", "Enfermedades crónicas"),
    ),
    "if_yes": (
        ("If yes, list them", "Si contestó sí, indique"),
        ("If yes, which?", "Si es así, ¿cuáles?"),
        ("Please list", "Indique cuáles"),
    ),
    "section_coverage": (
        ("Health insurance", "Seguro médico"),
        ("Billing and insurance", "Facturación y seguro"),
        ("How will you pay?", "¿Cómo pagará?"),
    ),
    "has_insurance": (
        ("Do you have health insurance?", "¿Tiene seguro médico?"),
        ("Are you covered by a health plan?", "¿Tiene cobertura de un plan de salud?"),
        ("Any insurance or health plan?", "¿Tiene algún seguro o plan de salud?"),
    ),
    "sliding_fee": (
        ("If not, ask us about our sliding fee discount.", "Si no, pregunte por el descuento."),
        ("Uninsured? You may qualify for reduced fees.", "¿Sin seguro? Puede pagar menos."),
    ),
    "primary": (("Primary", "Principal"), ("First plan", "Primer plan")),
    "secondary": (("Secondary", "Secundario"), ("Second plan", "Segundo plan")),
    "insurance_company": (
        ("Insurance carrier", "Aseguradora"),
        ("Insurance company", "Compañía de seguros"),
        ("Health plan", "Plan de salud"),
    ),
    "policy_number": (
        ("Member ID", "Número de miembro"),
        ("Policy number", "Número de póliza"),
        ("ID number", "Número de identificación"),
    ),
    "group": (("Group number", "Número de grupo"), ("Group #", "Grupo")),
    "holder": (("Policy holder", "Titular de la póliza"), ("Subscriber", "Suscriptor")),
    "holder_relation": (("Holder is your", "El titular es su"), ("Relation to holder", "Relación")),
    "insurance_expiry": (
        ("Coverage ends", "Fin de cobertura"),
        ("Expiration date", "Vencimiento"),
        ("Valid through", "Válido hasta"),
    ),
    "insurance_address": (
        ("Claims address", "Dirección para reclamos"),
        ("Carrier's address", "Dirección de la aseguradora"),
        ("Mail claims to", "Envíe reclamos a"),
    ),
    "section_medicines": (
        ("Allergies and medicines", "Alergias y medicamentos"),
        ("Medicines", "Medicamentos"),
        ("Allergies / medications", "Alergias / medicinas"),
    ),
    "allergy_question": (
        ("Are you allergic to any medicine, food or other thing?", "¿Es alérgico a algo?"),
        ("Do you have any allergies?", "¿Tiene alguna alergia?"),
    ),
    "allergies": (
        ("Allergic to", "Alérgico a"),
        ("Allergies", "Alergias"),
        ("Known allergies", "Alergias conocidas"),
    ),
    "medication_question": (
        ("Do you take any medicine every day?", "¿Toma algún medicamento a diario?"),
        ("Are you taking any medicines now?", "¿Toma medicamentos actualmente?"),
    ),
    "medication": (
        ("Medicines you take", "Medicamentos que toma"),
        ("Current medications", "Medicamentos actuales"),
        ("Daily medicines", "Medicinas diarias"),
    ),
    "pharmacy": (("Preferred pharmacy", "Farmacia preferida"), ("Your pharmacy", "Su farmacia")),
    "pharmacy_phone": (("Pharmacy phone", "Teléfono de farmacia"), ("Its phone", "Teléfono")),
    "pcp": (
        ("Primary care provider", "Médico de cabecera"),
        ("Your regular doctor", "Su médico habitual"),
    ),
    "consent": (
        (
            "I certify that the information above is true and complete.",
            "Certifico que la información es verdadera y completa.",
        ),
        (
            "I authorize the clinic to bill my insurance for services received.",
            "Autorizo a la clínica a facturar a mi seguro.",
        ),
    ),
    "signature": (
        ("Signature of patient or guardian", "Firma del paciente o tutor"),
        ("Patient signature", "Firma del paciente"),
    ),
    "continue": (("Please continue on the back", "Continúe al reverso"), ("Turn over", "Voltee")),
}
_OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "yes": (("Yes", "Sí"),),
    "no": (("No", "No"),),
    "none_known": (("No known allergies", "Ninguna conocida"), ("None known", "Ninguna")),
    "unsure": (("Not sure", "No sé"), ("Don't know", "No sé")),
    "immune": (("Immune", "Inmune"),),
    "not immune": (("Not immune", "No inmune"),),
    "male": (("M", "M"), ("Male", "Hombre")),
    "female": (("F", "F"), ("Female", "Mujer")),
    "home": (("Home", "Casa"),),
    "cell": (("Cell", "Celular"), ("Mobile", "Celular")),
    "work": (("Work", "Trabajo"),),
}
_RX_LABELS: dict[str, tuple[str, ...]] = {
    "patient_name": ("Patient", "Name of patient", "Patient's name", "For"),
    "patient_address": ("Address", "Patient address", "Street, city, state"),
    "birth": ("DOB", "Date of birth", "Birth date"),
    "date": ("Date", "Date issued", "Date written"),
    "qty": ("Qty", "Quantity", "Disp."),
    "directions": ("Sig:", "Directions:", "Take as follows:", "Instructions:"),
    "refills": ("Refills", "Refill", "No. of refills", "Refill authorized"),
    "times": ("times", "x", ""),
    "substitution": ("Substitution permitted", "Product selection permitted", "Generic OK"),
    "daw": ("Dispense as written", "Do not substitute", "Brand medically necessary"),
    "signature": ("Prescriber's signature", "Signature", "M.D. / D.O. signature"),
    "check_one": ("Check prescriber:", "Prescriber (tick one):", ""),
    "phone": ("Tel.", "Phone", "Ph", "Office"),
    "dea": ("DEA#", "DEA"),
    "npi": ("NPI", "NPI#"),
    "licence": ("Lic.", "State lic. no.", "License #"),
    "security": (
        "Tamper-resistant security features listed on back.",
        "Void if copied: the word VOID appears on a photocopy.",
        "This prescription blank is printed on security paper.",
    ),
    "limit": (
        "Rx void if more than 4 prescriptions are written on this blank.",
        "Refills not valid after one year from date of issue.",
        "Not valid for Schedule II unless written on a triplicate.",
        "",
    ),
    "batch": ("Batch No.", "Lot", "Control #"),
}


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, wording, paper and the form's variants."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(32, 37), value_size=(46, 54)
    )
    # a typewriter face would not fit the rows: the labels are in a proportional one
    style["label_font"] = rnd.choice(
        [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    )
    style["colour"] = rnd.choice(_COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    if document_type == "prescription":
        printed = fonts.families(handwriting=False)
        rx_fonts = [f.name for f in printed if f.has_rx_glyph]
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            rules=True,
            sheet=rnd.choice(("half", "half", "full")),
            glass=[rnd.randint(30, 260), rnd.randint(30, 220)],
            paper=rnd.choice(_PAPERS),
            header_font=rnd.choice(printed).name,
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else style["title_font"],
            date_place=rnd.choice(("row", "row", "header")),
            refill_form=rnd.choice(("written", "boxes")),
            signature_lines=rnd.choice((1, 2)),
            batch=f"{rnd.randint(10, 99)}{rnd.randint(10_000, 99_999)}",
            label_case=rnd.choice(("title", "upper")),
        )
        return style
    bilingual = rnd.random() < 0.7
    style.update(
        labels={key: list(rnd.choice(options)) for key, options in _RECORD_LABELS.items()},
        options=_option_words(rnd),
        bilingual=bilingual,
        bilingual_form=rnd.choice(("under", "slash")) if bilingual else "none",
        arrangement=rnd.choice(("cells", "bands")),
        rules=handwriting or rnd.random() < 0.3,
        tint=[round(255 - (255 - c) * 0.12) for c in style["colour"]],
        letterhead_align=rnd.choice(("left", "centre", "right")),
        centre=_centre(rnd),
        date_place=rnd.choice(("top", "row")),
        name_split=rnd.random() < 0.5,
        phone_kind_apart=rnd.random() < 0.4,
        address_split=rnd.random() < 0.5,
        units_in_label=rnd.random() < 0.5,
        running_header=rnd.random() < 0.6,
        gated=rnd.random() < 0.6,
        empty_list=rnd.choice(("None", "N/A", "none", "")),
        no_allergies=rnd.choice(("NKDA", "None", "")),
        page_numbers=rnd.choice(("Page {n} of 2", "{n}/2", "p. {n}")),
    )
    return style


def _option_words(rnd: random.Random) -> dict[str, list[str]]:
    """One wording per option; the sexes share theirs (``M`` / ``F`` or the words)."""
    words = {key: list(rnd.choice(options)) for key, options in _OPTIONS.items()}
    short = rnd.random() < 0.5
    for key in ("male", "female"):
        words[key] = list(_OPTIONS[key][0 if short else 1])
    return words


def _centre(rnd: random.Random) -> dict[str, Any]:
    """The centre's letterhead and form code (printed on every copy of the form)."""
    return {
        "name": rnd.choice(CENTRES),
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": values.phone_number(rnd),
        "fax": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "phone_label": rnd.choice(("Tel", "Phone", "Ph.", "Teléfono")),
        "form_code": rnd.choice(
            (
                f"REG-{rnd.randint(1, 40):02d} (rev. {rnd.randint(1, 12)}/{rnd.randint(15, 24)})",
                f"Form {rnd.randint(100, 999)}-{rnd.choice('ABCE')} EN/ES",
                f"PT-INT {rnd.randint(1000, 9999)}",
            )
        ),
    }


def _date_between(rnd: random.Random, first: dt.date, last: dt.date) -> str:
    return (first + dt.timedelta(days=rnd.randint(0, (last - first).days))).isoformat()


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        extras["patient_birth"] = (
            _date_between(rnd, dt.date(1935, 1, 1), dt.date(2012, 12, 31))
            if rnd.random() < 0.6
            else None
        )
        extras["quantities"] = [rnd.choice(_QUANTITIES) for _ in fields["medicines"]]
        digits = "".join(rnd.choice("0123456789") for _ in range(7))
        extras["dea"] = f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}{digits}"
        extras["npi"] = str(rnd.randint(1_000_000_000, 1_999_999_999))
        extras["license"] = f"{rnd.choice('ACGM')}{rnd.randint(10_000, 99_999)}"
        extras["substitution"] = rnd.random() < 0.7  # signed on which rule
        if rnd.random() < 0.35:  # a group practice's pad: the prescriber ticked among others
            others = []
            for _ in range(rnd.randint(1, 3)):
                title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
                others.append(
                    f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
                    f"{suffix}"
                )
            at = rnd.randint(0, len(others))
            extras["group"] = [*others[:at], fields["prescriber"], *others[at:]]
            extras["group_npis"] = [
                str(rnd.randint(1_000_000_000, 1_999_999_999)) for _ in extras["group"]
            ]
            extras["practice"] = rnd.choice(PRACTICES)
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    fields, extras = common.record_content(rnd)
    extras["account"] = str(rnd.randint(100_000, 9_999_999))
    extras["sex"] = rnd.choice(("male", "female"))
    if "phone" in fields:
        extras["phone_kind"] = rnd.choice(("home", "cell", "cell", "work"))
    extras["language"] = rnd.choice(_LANGUAGES) if rnd.random() < 0.7 else None
    if "emergency_contact_name" in fields and rnd.random() < 0.85:
        extras["relationship"] = rnd.choice(_RELATIONS)
    # the questions a patient leaves at "don't know"
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name not in fields and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
    if fields.get("has_insurance") == "yes":
        if rnd.random() < 0.7:
            extras["group_number"] = "".join(rnd.choice("0123456789") for _ in range(6))
        relation = rnd.choice(_HOLDER_RELATIONS)
        extras["holder_relation"] = relation
        extras["holder"] = (
            fields["patient_name"]
            if relation == "Self"
            else values.person_name(rnd, fields["patient_name"].split()[-1])
        )
    if handwriting and rnd.random() < 0.25:  # a value written wrong, struck out and rewritten
        if "phone" in fields and rnd.random() < 0.5:
            digits = [c for c in fields["phone"] if c.isdigit()]
            at = rnd.randrange(8, 10)  # the number stays in the fictional 555-01XX block
            digits[at] = str((int(digits[at]) + rnd.randint(1, 9)) % 10)
            number = "".join(digits)
            extras["struck_phone"] = f"({number[:3]}) {number[3:6]}-{number[6:]}"
        elif "weight" in fields:
            wrong = fields["weight"] + rnd.choice((-10, -4, -2, 2, 3, 5, 10))
            extras["struck_weight"] = max(1, wrong)
    if rnd.random() < 0.7:
        extras["pharmacy"] = rnd.choice(PHARMACIES)
        extras["pharmacy_phone"] = values.phone_number(rnd) if rnd.random() < 0.7 else None
    if rnd.random() < 0.5:
        extras["pcp"] = f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


# --- the patient record ---------------------------------------------------------------------


def bubble(page: render.Page, x: float, y: float, *, filled: bool) -> float:
    """An answer bubble on baseline ``y`` from ``x``, filled in the values' ink; its end."""
    w, h = 46.0, 36.0
    box = [page.px(x), page.px(y - h), page.px(x + w), page.px(y)]
    page.draw.ellipse(box, outline=(50, 50, 50), width=max(1, page.px(3)))
    if filled:
        ink = page.faces["value"].fill
        if page.faces["value"].hand:  # scribbled in by hand, a little over the edge
            points = []
            for i in range(11):
                dy = -h / 2 + h * i / 10  # back and forth across the oval, top to bottom
                half = (w / 2 + 3) * math.sqrt(max(0.0, 1 - (2 * dy / h) ** 2)) + 3
                side = half if i % 2 else -half
                points.append(
                    (
                        page.px(x + w / 2 + side),
                        page.px(y - h / 2 + dy + page.jitter.uniform(-2, 2)),
                    )
                )
            page.draw.line(points, fill=ink, width=max(1, page.px(6)), joint="curve")
        else:
            inner = [page.px(x + 6), page.px(y - h + 6), page.px(x + w - 6), page.px(y - 6)]
            page.draw.ellipse(inner, fill=ink)
    return x + w


class _Choices:
    """Bubbled options after an optional written value (a phone and its kind).

    With no options it is a written value; ``struck`` is a wrong value written first and
    struck through by hand.
    """

    def __init__(
        self, form: _Record, keys: Sequence[str], chosen: str | None, gap: float, text: str | None
    ) -> None:
        self.form, self.keys, self.chosen, self.gap, self.text = form, keys, chosen, gap, text
        self.slot = False  # whether a written value goes before the options
        self.struck: str | None = None

    def _options_width(self) -> float:
        page = self.form.page
        return sum(
            46 + 14 + page.width(self.form.option_text(key), "option") + self.gap
            for key in self.keys
        )

    def width(self) -> float:
        page = self.form.page
        written = 300.0 if self.slot else 0.0
        if self.text:
            written = page.width(self.text, "value") + 50
        if self.struck:
            written += page.width(self.struck, "value") + 50
        return written + self._options_width()

    def draw(self, x: float, y: float, end: float) -> None:
        page = self.form.page
        # the written texts shrink only when the options, set close, would not fit beside them
        closest = sum(
            46 + 14 + page.width(self.form.option_text(key), "option") + 12 for key in self.keys
        )
        texts = [t for t in (self.struck, self.text) if t]
        natural = sum(page.width(t, "value") + 50 for t in texts)
        shrink = min(1.0, max(0.3, (end - x - closest) / natural)) if natural else 1.0
        if self.struck:
            struck_end = page.text(
                x, y, self.struck, "value", max_width=page.width(self.struck, "value") * shrink
            )
            lift = page.jitter.uniform(-5, 5)
            page.draw.line(
                [
                    (page.px(x - 8), page.px(y - 20 * shrink + lift)),
                    (page.px(struck_end + 8), page.px(y - 24 * shrink - lift)),
                ],
                fill=page.faces["value"].fill,
                width=max(1, page.px(6)),
            )
            x = struck_end + 50 * shrink
        if self.text:
            width = page.width(self.text, "value") * shrink
            x = page.text(x, y, self.text, "value", max_width=width) + 50 * shrink
        elif self.slot:  # a blank left for the number
            x = max(x, min(x + 300, end - self._options_width()))
        gap = self.gap
        if x + self._options_width() > end and self.keys:  # closer together to stay in the box
            gap = max(12.0, self.gap - (x + self._options_width() - end) / len(self.keys))
        for key in self.keys:
            x = bubble(page, x, y, filled=key == self.chosen) + 14
            x = page.text(x, y, self.form.option_text(key), "option") + gap


class _Record:
    """A page of the centre's form: letterhead, section tabs, labelled rows, bubbles."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, Sequence[str]] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        self.tint: tuple[int, int, int] = tuple(style["tint"])
        self.cells = style["arrangement"] == "cells"
        self.band = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        page = self.page
        page.faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, (25, 25, 25)
        )
        page.faces["es"] = render.Face(label.regular, size - 5, (95, 95, 95))
        page.faces["option"] = render.Face(label.regular, size - 3, (30, 30, 30))
        page.faces["tab"] = render.Face(label.bold, 38, (255, 255, 255))
        page.faces["centre"] = render.Face(title.bold, 56, self.colour)
        page.faces["letterhead"] = render.Face(title.regular, 34, (55, 55, 55))
        page.faces["title"] = render.Face(title.bold, 64, (20, 20, 20))
        page.faces["subtitle"] = render.Face(title.regular, 44, (90, 90, 90))
        page.faces["note"] = render.Face(label.regular, 32, (60, 60, 60))
        self.row_height = 122.0 if style["bilingual_form"] == "under" else 100.0

    # wording

    def english(self, key: str) -> str:
        return str(self.labels[key][0])

    def label_lines(self, key: str) -> list[tuple[str, str]]:
        """The label's printed lines as (text, face)."""
        en, es = self.labels[key]
        form = self.style["bilingual_form"]
        if form == "under":
            return [(en, "label"), (es, "es")]
        if form == "slash" and self.page.width(f"{en} / {es}", "label") > 1000:
            return [(f"{en} /", "label"), (es, "es")]  # too long for one line
        if form == "slash":
            return [(f"{en} / {es}", "label")]
        return [(en, "label")]

    def label_width(self, key: str) -> float:
        return max(self.page.width(text, face) for text, face in self.label_lines(key))

    def option_text(self, key: str) -> str:
        en, es = self.style["options"][key]
        return f"{en} / {es}" if self.style["bilingual"] and en != es else en

    # drawing

    def letterhead(self) -> float:
        """The centre's name, street and numbers; returns the baseline under them."""
        page, centre = self.page, self.style["centre"]
        align = self.style["letterhead_align"]
        x, anchor = {
            "left": (LEFT, "ls"),
            "centre": (PAGE_WIDTH / 2, "ms"),
            "right": (RIGHT, "rs"),
        }[align]
        page.text(x, 200, centre["name"], "centre", anchor=anchor, max_width=RIGHT - LEFT)
        page.text(x, 254, f"{centre['street']}, {centre['city']}", "letterhead", anchor=anchor)
        numbers = f"{centre['phone_label']} {_clinic_phone(centre['phone'])}"
        if centre["fax"]:
            numbers += f"  \u00b7  Fax {_clinic_phone(centre['fax'])}"
        page.text(x, 302, numbers, "letterhead", anchor=anchor)
        page.rule(LEFT, RIGHT, 336, width=4, fill=self.colour)
        return 336.0

    def tab(self, y: float, key: str) -> float:
        """A section's dark tab with its title; returns the top of its first row."""
        page = self.page
        en, es = self.labels[key]
        text = f"{en.upper()}  /  {es.upper()}" if self.style["bilingual"] else en.upper()
        width = page.width(text, "tab") + 60
        page.draw.rectangle(
            [page.px(LEFT), page.px(y - 62), page.px(LEFT + width), page.px(y)], fill=self.colour
        )
        page.text(LEFT + 30, y - 16, text, "tab")
        page.rule(LEFT, RIGHT, y, width=5, fill=self.colour)
        self.band = 0
        return y + 12

    def row(self, y: float, items: Sequence[tuple[str | None, Any, float]]) -> float:
        """Fields along rows from LEFT to RIGHT; returns the last row's bottom.

        Each item is (label key, value, weight); the value is a string, a :class:`_Choices`
        that draws itself, or None for a blank. Items keep their order and take what they
        need, the room left over shared in proportion to their weights; an item that does not
        fit on the row starts the next one.
        """
        lines: list[list[tuple[str | None, Any, float, float]]] = [[]]
        used = 0.0
        for key, value, weight in items:
            need = self.need(key, value)
            if lines[-1] and used + need > RIGHT - LEFT:
                lines.append([])
                used = 0.0
            lines[-1].append((key, value, weight, need))
            used += need
        for line in lines:
            y = self._line(y, line)
        return y

    def need(self, key: str | None, value: Any) -> float:
        """The width an item takes: its label (and the cell's padding) and its value."""
        page = self.page
        label = self.label_width(key) + (64 if self.cells else 46) if key else 0.0
        if isinstance(value, _Choices):
            room = value.width() + 40
        elif value:
            room = page.width(value, "value") + 70
        else:
            room = 300.0
        return label + room

    def _line(self, y: float, line: Sequence[tuple[str | None, Any, float, float]]) -> float:
        page = self.page
        height = self.row_height
        if not self.cells:
            if self.band % 2 == 0:
                page.draw.rectangle(
                    [page.px(LEFT), page.px(y), page.px(RIGHT), page.px(y + height)],
                    fill=self.tint,
                )
            self.band += 1
        spare = max(0.0, RIGHT - LEFT - sum(need for *_, need in line))
        weights = sum(weight for _, _, weight, _ in line) or 1.0
        x = LEFT
        for i, (key, value, weight, need) in enumerate(line):
            end = RIGHT if i == len(line) - 1 else min(RIGHT, x + need + spare * weight / weights)
            self.item(x, y, end, y + height, key, value)
            x = end
        return y + height

    def item(self, x0: float, y0: float, x1: float, y1: float, key: str | None, value: Any) -> None:
        """One label and its value in the box (x0, y0)-(x1, y1)."""
        page = self.page
        lines = self.label_lines(key) if key else []
        baseline = y1 - 30
        if self.cells:
            split = x0 + (self.label_width(key) + 40 if key else 0)
            if key:
                page.draw.rectangle(
                    [page.px(x0), page.px(y0), page.px(split), page.px(y1)], fill=self.tint
                )
                common.box(page, x0, y0, split, y1, width=2)
                first = y0 + (44 if len(lines) > 1 else (y1 - y0) / 2 + 14)
                for i, (text, face) in enumerate(lines):
                    page.text(x0 + 20, first + 40 * i, text, face)
            common.box(page, split, y0, x1, y1, width=2)
            start = split + 24
        else:
            end = x0 + 16
            if len(lines) > 1:
                end = page.text(x0 + 16, y0 + 42, lines[0][0], "label")
                end = max(end, page.text(x0 + 16, y0 + 82, lines[1][0], "es"))
            elif lines:
                end = page.text(x0 + 16, baseline, lines[0][0], "label")
            start = end + 30
            if page.rules and not (isinstance(value, _Choices) and value.keys):
                page.rule(start - 6, x1 - 24, baseline + 14, width=2, fill=(120, 120, 120))
        if isinstance(value, _Choices):
            value.draw(start, baseline, x1 - 20)
        elif value:
            page.text(start, baseline, value, "value", max_width=x1 - start - 30)

    def options(
        self,
        keys: Sequence[str],
        chosen: str | None,
        *,
        gap: float = 56,
        text: str | None = None,
        written: bool = False,
        struck: str | None = None,
    ) -> _Choices:
        """Bubbles, one per option key, the ``chosen`` one filled; ``text`` written before."""
        choices = _Choices(self, keys, chosen, gap, text)
        choices.slot = text is not None or written
        choices.struck = struck
        return choices

    def footer(self, number: int) -> None:
        page = self.page
        page.text(LEFT, 3180, self.style["centre"]["form_code"], "small")
        shown = str(self.style["page_numbers"]).format(n=number)
        page.text(RIGHT, 3180, shown, "small", anchor="rs")


def _clinic_phone(number: str) -> str:
    """The letterhead's numbers: printed in one style whoever fills the form in."""
    return common.format_phone(number, "paren")


def _city_parts(city_line: str | None) -> tuple[str | None, str | None, str | None]:
    """``Portland, OR 97201`` as (city, state, zip); a part the line lacks is None."""
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


def _measure(
    form: _Record, fields: Mapping[str, Any], extras: Mapping[str, Any], name: str
) -> str | None:
    if name not in fields:
        return None
    number = render.format_number(fields[name])
    unit = extras.get(f"{name}_unit") or ""
    if form.style["units_in_label"] and unit:
        en, es = form.labels[name]
        form.labels = {**form.labels, name: [f"{en} ({unit})", f"{es} ({unit})"]}
        return number
    return f"{number} {unit}".strip()


def _answer(extras: Mapping[str, Any], fields: Mapping[str, Any], name: str) -> str | None:
    if name in fields:
        return str(fields[name])
    return "unsure" if extras.get(f"{name}_unsure") else None


def _list_rows(
    form: _Record,
    y: float,
    question: str,
    label: str,
    items: Sequence[str] | None,
    *,
    no_key: str = "no",
    empty: str | None = None,
) -> float:
    """A list field: gated by a yes/no question, or a plain row; returns the bottom."""
    if form.style["gated"]:
        chosen = None if items is None else ("yes" if items else no_key)
        y = form.row(y, [(question, form.options(("yes", no_key), chosen, gap=70), 1.0)])
        shown = ", ".join(items) if items else None
        return form.row(y, [("if_yes", shown, 1.0)])
    if items is None:
        shown = None
    elif items:
        shown = ", ".join(items)
    else:
        shown = (empty if empty is not None else form.style["empty_list"]) or None
    return form.row(y, [(label, shown, 1.0)])


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Record(dpi, style)
    page = form.page
    form.letterhead()
    en, es = form.labels["title"]
    title_end = 1380.0 if style["date_place"] == "top" else RIGHT
    page.text(LEFT, 470, en.upper(), "title", max_width=title_end - LEFT)
    if style["bilingual"]:
        page.text(LEFT, 530, es, "subtitle")
    record = common.date_text(fields, "record_date", style)
    account = extras.get("account")
    if style["date_place"] == "top":  # the date in a ruled pair at the top right, the office's
        cells, form.cells = form.cells, True  # number under it
        form.item(1420, 390, RIGHT, 390 + form.row_height, "record_date", record)
        form.cells = cells
        y = 390 + form.row_height + 60
        en, es = form.labels["office"]
        office = f"{en} / {es}" if style["bilingual"] else en
        end = page.text(1420, y, f"{office}  \u2013  {form.english('account')}", "note")
        if account:
            page.text(end + 24, y, account, "value", max_width=RIGHT - end - 30)
        y = form.tab(y + 150, "section_patient")
    else:
        y = form.tab(640, "section_patient")
        y = form.row(y, [("record_date", record, 0.55), ("account", account, 0.45)])

    name = fields.get("patient_name")
    if style["name_split"]:
        parts = (name or "").split()
        last = parts[-1] if parts else None
        middle = parts[1] if len(parts) == 3 else None
        first = parts[0] if len(parts) > 1 else None
        y = form.row(
            y,
            [("last_name", last, 0.40), ("first_name", first, 0.38), ("initial", middle, 0.22)],
        )
    else:
        y = form.row(y, [("full_name", name, 1.0)])
    birth = common.date_text(fields, "birth_date", style)
    weight = _measure(form, fields, extras, "weight")
    height = _measure(form, fields, extras, "height")
    sex = form.options(("male", "female"), extras.get("sex"), gap=30)
    y = form.row(y, [("birth_date", birth, 0.6), ("sex", sex, 0.4)])
    wrong = extras.get("struck_weight")
    if wrong is not None and weight:  # written wrong first, struck through, then right
        shown = render.format_number(wrong)
        unit = extras.get("weight_unit") or ""
        if unit and not style["units_in_label"]:
            shown = f"{shown} {unit}"
        weight = form.options((), None, text=weight, struck=shown)
    y = form.row(y, [("weight", weight, 0.5), ("height", height, 0.5)])
    phone = common.phone_text(fields.get("phone"), style)
    kind = extras.get("phone_kind")
    struck = common.phone_text(extras.get("struck_phone"), style) if phone else None
    kinds = ("home", "cell", "work")
    if style["phone_kind_apart"]:  # the kind on a row of its own
        written = form.options((), None, text=phone, struck=struck)
        y = form.row(y, [("phone", written, 0.5), ("phone_kind", form.options(kinds, kind), 0.5)])
    else:
        phone_choices = form.options(kinds, kind, text=phone, written=True, struck=struck)
        y = form.row(y, [("phone", phone_choices, 1.0)])
    street, city_line, country = common.address_lines(fields, extras)
    if style["address_split"]:
        city, state, code = _city_parts(city_line)
        y = form.row(y, [("street", street, 1.0)])
        y = form.row(y, [("city", city, 0.46), ("state", state, 0.22), ("zip", code, 0.32)])
    else:
        joined = ", ".join(p for p in (street, city_line) if p)
        y = form.row(y, [("address", joined or None, 1.0)])
    y = form.row(y, [("country", country, 0.5), ("language", extras.get("language"), 0.5)])

    y = form.tab(y + 130, "section_contact")
    y = form.row(
        y,
        [
            ("contact_name", fields.get("emergency_contact_name"), 0.6),
            ("relationship", extras.get("relationship"), 0.4),
        ],
    )
    y = form.row(
        y,
        [
            ("contact_phone", common.phone_text(fields.get("emergency_contact_phone"), style), 0.5),
            ("contact_other", common.phone_text(extras.get("emergency_work_phone"), style), 0.5),
        ],
    )
    y = form.row(y, [("contact_address", fields.get("emergency_contact_address"), 1.0)])

    y = form.tab(y + 130, "section_health")
    en, es = form.labels["immunity"]
    y += 56
    page.text(LEFT, y, en, "label")
    if style["bilingual"]:
        page.text(LEFT + form.page.width(en, "label") + 20, y, f"/ {es}", "es")
    y += 24
    for name in ("chicken_pox", "measles"):
        choice = _answer(extras, fields, name)
        options = form.options(("immune", "not immune", "unsure"), choice, gap=60)
        y = form.row(y, [(name, options, 1.0)])
    choice = _answer(extras, fields, "hepatitis_b_vaccination")
    y = form.row(
        y,
        [("hepatitis_b_vaccination", form.options(("yes", "no", "unsure"), choice, gap=60), 1.0)],
    )
    y = _list_rows(form, y, "problems_question", "problems", fields.get("medical_problems"))
    en, es = form.labels["continue"]
    page.text(RIGHT, 3110, f"{en} / {es}" if style["bilingual"] else en, "note", anchor="rs")
    form.footer(1)
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Record(dpi, style)
    page = form.page
    y = 260.0
    if style["running_header"]:
        y = form.row(
            y,
            [
                ("full_name", fields.get("patient_name"), 0.65),
                ("account", extras.get("account"), 0.35),
            ],
        )
    y = form.tab(y + 140, "section_coverage")
    insured = fields.get("has_insurance")
    y = form.row(y, [("has_insurance", form.options(("yes", "no"), insured, gap=70), 1.0)])
    en, es = form.labels["sliding_fee"]
    page.text(LEFT + 16, y + 50, f"{en} {es}" if style["bilingual"] else en, "note")
    y += 90

    # the cover matrix: the primary plan's column filled in, the secondary's left empty
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    rows: list[tuple[str, str | None]] = [
        ("insurance_company", fields.get("insurance_company")),
        ("policy_number", policy),
        ("group", extras.get("group_number")),
        ("holder", extras.get("holder")),
        ("holder_relation", extras.get("holder_relation")),
        ("insurance_address", fields.get("insurance_address")),
        ("insurance_expiry", common.date_text(fields, "insurance_expiry", style)),
    ]
    split = LEFT + max(form.label_width(key) for key, _ in rows) + 50
    second = RIGHT - 520
    head = 70.0
    page.draw.rectangle(
        [page.px(split), page.px(y), page.px(RIGHT), page.px(y + head)], fill=form.colour
    )
    for key, x0, x1 in (("primary", split, second), ("secondary", second, RIGHT)):
        en, es = form.labels[key]
        text = f"{en} / {es}" if style["bilingual"] else en
        page.text(x0 + 20, y + head - 22, text.upper(), "tab", size=32, max_width=x1 - x0 - 44)
    y += head
    height = form.row_height
    for key, value in rows:
        page.draw.rectangle(
            [page.px(LEFT), page.px(y), page.px(split), page.px(y + height)], fill=form.tint
        )
        for x0, x1 in ((LEFT, split), (split, second), (second, RIGHT)):
            common.box(page, x0, y, x1, y + height, width=2)
        lines = form.label_lines(key)
        first = y + (44 if len(lines) > 1 else height / 2 + 14)
        for i, (text, face) in enumerate(lines):
            page.text(LEFT + 20, first + 40 * i, text, face)
        if value:
            page.text(split + 24, y + height - 30, value, "value", max_width=second - split - 44)
        y += height

    y = form.tab(y + 150, "section_medicines")
    form.band = 0
    y = _list_rows(
        form,
        y,
        "allergy_question",
        "allergies",
        fields.get("allergies"),
        no_key="none_known",
        empty=style["no_allergies"],
    )
    y = _list_rows(form, y, "medication_question", "medication", fields.get("regular_medication"))
    y += 40
    y = form.row(
        y,
        [
            ("pharmacy", extras.get("pharmacy"), 0.55),
            ("pharmacy_phone", common.phone_text(extras.get("pharmacy_phone"), style), 0.45),
        ],
    )
    y = form.row(y, [("pcp", extras.get("pcp"), 1.0)])

    # consent and signature
    y = max(y + 110, 2700.0)
    en, es = form.labels["consent"]
    page.text(LEFT, y, en, "note")
    if style["bilingual"]:
        page.text(LEFT, y + 44, es, "note")
    y = max(y + 230, 2960.0)
    page.rule(LEFT, 1400, y, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 700, y - 8, tuple(style["ink"]))
    en, es = form.labels["signature"]
    page.text(LEFT, y + 46, f"{en} / {es}" if style["bilingual"] else en, "small")
    form.footer(2)
    return page.image


# --- the prescription -----------------------------------------------------------------------


class _Pad:
    """The security prescription blank, drawn inside its sheet's box on the page."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        if style["sheet"] == "half":
            gx, gy = style["glass"]
            self.x0, self.y0, self.x1, self.y1 = gx, gy, gx + 1650.0, gy + 2550.0
            self.margin = 110.0
        else:
            self.x0, self.y0, self.x1, self.y1 = 0.0, 0.0, float(PAGE_WIDTH), float(PAGE_HEIGHT)
            self.margin = 200.0
        self.left, self.right = self.x0 + self.margin, self.x1 - self.margin
        label = fonts.family(style["label_font"])
        header = fonts.family(style["header_font"])
        page = self.page
        page.faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular,
            int(style["label_size"]) + 4,
            (30, 30, 30),
        )
        page.faces["doctor"] = render.Face(header.bold, 54, (20, 20, 20))
        page.faces["group_doctor"] = render.Face(header.bold, 40, (20, 20, 20))
        page.faces["header"] = render.Face(header.regular, 34, (45, 45, 45))
        page.faces["fine"] = render.Face(label.regular, 26, (80, 80, 80))
        page.faces["column"] = render.Face(label.bold, 30, (60, 60, 60))

    def label(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["label_case"] == "upper" else text

    def paper(self) -> None:
        """The tinted security paper and its border, with the glass's shadow round a half sheet."""
        page = self.page
        x0, y0, x1, y1 = self.x0, self.y0, self.x1, self.y1
        tint = tuple(self.style["paper"])
        if self.style["sheet"] == "half":
            page.draw.rectangle(
                [page.px(x0 + 10), page.px(y0 + 10), page.px(x1 + 10), page.px(y1 + 10)],
                fill=(222, 222, 222),
            )
        page.draw.rectangle([page.px(x0), page.px(y0), page.px(x1), page.px(y1)], fill=tint)
        inset = 50.0
        for offset, width in ((inset, 5), (inset + 14, 2)):
            page.draw.rectangle(
                [
                    page.px(x0 + offset),
                    page.px(y0 + offset),
                    page.px(x1 - offset),
                    page.px(y1 - offset),
                ],
                outline=self.colour,
                width=max(1, page.px(width)),
            )

    def on_rule(self, x: float, y: float, key: str | None, value: str | None, end: float) -> float:
        """``Label ______`` with the value written on the rule; returns the rule's end."""
        page = self.page
        start = page.text(x, y, self.label(key), "label") + 20 if key else x
        page.rule(start, end, y + 12, width=2, fill=(110, 110, 110))
        if value:
            page.text(start + 14, y - 2, value, "value", max_width=end - start - 24)
        return end


def _prescriber_header(pad: _Pad, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The printed header: one prescriber, or a group's doctors with boxes; returns its bottom."""
    page, style = pad.page, pad.style
    left, right = pad.left, pad.right
    y = pad.y0 + 190
    phone = extras.get("prescriber_phone")
    phone_line = f"{pad.labels['phone']} {common.format_phone(phone, 'dash')}" if phone else None
    group = extras.get("group")
    if group:
        page.text(left, y, extras.get("practice") or "", "group_doctor")
        y += 52
        for line in (
            f"{extras['prescriber_street']}, {extras['prescriber_city']}",
            phone_line,
        ):
            if line:
                page.text(left, y, line, "header", max_width=right - left)
                y += 46
        if pad.labels["check_one"]:
            y += 24
            page.text(left, y, pad.label("check_one"), "header")
        npis = list(extras.get("group_npis") or ())
        for i, doctor in enumerate(group):
            y += 78
            end = common.checkbox(
                page, left, y, checked=doctor == fields.get("prescriber"), mark=style["mark"]
            )
            page.text(end + 26, y, doctor, "group_doctor", max_width=right - end - 420)
            if i < len(npis):
                page.text(right, y, f"{pad.labels['npi']} {npis[i]}", "header", anchor="rs")
        y += 40
    else:
        page.text(left, y, fields.get("prescriber", ""), "doctor", max_width=right - left - 480)
        ids = [
            f"{pad.labels['dea']} {extras['dea']}",
            f"{pad.labels['npi']} {extras['npi']}",
            f"{pad.labels['licence']} {extras['license']}",
        ]
        for i, text in enumerate(ids):
            page.text(right, y - 10 + 46 * i, text, "header", anchor="rs")
        y += 58
        for line in (
            extras.get("specialty"),
            extras.get("prescriber_street"),
            extras.get("prescriber_city"),
            phone_line,
        ):
            if line:
                y += 46
                page.text(left, y, line, "header", max_width=right - left - 480)
        y += 40
    page.rule(left - 20, right + 20, y, width=4, fill=pad.colour)
    return y


def _directions_lines(pad: _Pad, directions: str | None, start: float) -> list[str]:
    """The directions wrapped: the first line after the label at ``start``, the rest full."""
    page = pad.page
    lines: list[str] = []
    current, width = "", pad.right - start - 20
    for word in (directions or "").split():
        candidate = f"{current} {word}".strip()
        if current and page.width(candidate, "value") > width:
            lines.append(current)
            current, width = word, pad.right - pad.left - 20
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    pad = _Pad(dpi, style)
    page = pad.page
    pad.paper()
    left, right = pad.left, pad.right
    date = common.date_text(fields, "date", style)
    y = _prescriber_header(pad, fields, extras)
    full = style["sheet"] == "full"
    start = left + page.width(pad.label("directions"), "label") + 24
    lines = _directions_lines(pad, fields.get("directions"), start)
    # the rows share what the header leaves above the signature, up to a comfortable step
    rows = 9.6 + max(3, len(lines)) + (1 if style["date_place"] == "header" else 0)
    room = pad.y1 - (560 if full else 470) - 150 - y
    step = min(150.0 if full else 128.0, room / rows)

    # the patient, on rules
    y += step
    if style["date_place"] == "header":  # after its label, right under the header's rule
        width = max(page.width(date or "", "value"), 330) + 60
        pad.on_rule(
            right - width - page.width(pad.label("date"), "label") - 20, y, "date", date, right
        )
        y += step
    pad.on_rule(left, y, "patient_name", fields.get("patient_name"), right)
    y += step
    pad.on_rule(left, y, "patient_address", fields.get("patient_address"), right)
    y += step
    birth = extras.get("patient_birth")
    birth_text = common.format_date(birth, style["date_style"], short_year=False) if birth else None
    middle = left + (right - left) * 0.48
    pad.on_rule(left, y, "birth", birth_text, middle - 40)
    if style["date_place"] == "row":
        pad.on_rule(middle + 20, y, "date", date, right)

    # the ℞ and the medicines with their quantities
    y += step + 60
    size = 120
    if style["rx"] == "glyph":
        page.add_face("rx", style["rx_font"], size)
        page.text(left - 10, y + 40, fonts.RX_GLYPH, "rx")
    else:
        page.add_face("rx", style["header_font"], size - 20, bold=True)
        page.text(left - 10, y + 40, "Rx", "rx")
    qty_x = right - 230
    page.text(qty_x + 20, y - 90, pad.label("qty"), "column")
    medicines = list(fields.get("medicines", ()))
    quantities = list(extras.get("quantities") or ())
    med_x = left + 190
    for i in range(4):
        if i:
            y += step - 10
        page.text(med_x - 50, y, f"{i + 1}.", "header")
        page.rule(med_x, qty_x - 30, y + 12, width=2, fill=(110, 110, 110))
        page.rule(qty_x, right, y + 12, width=2, fill=(110, 110, 110))
        if i < len(medicines):
            page.text(med_x + 12, y - 2, medicines[i], "value", max_width=qty_x - med_x - 60)
            if i < len(quantities):
                page.text(qty_x + 14, y - 2, quantities[i], "value", max_width=right - qty_x - 20)

    # the directions after their label, on rules
    y += step + 30
    start = page.text(left, y, pad.label("directions"), "label") + 24
    for i in range(max(3, len(lines))):
        x = start if i == 0 else left
        if i:
            y += step - 20
        page.rule(x, right, y + 12, width=2, fill=(110, 110, 110))
        if i < len(lines):
            page.text(x + 12, y - 2, lines[i], "value", max_width=right - x - 20)

    # the refills
    y += step + 20
    refills = fields.get("refills")
    shown = str(refills) if refills is not None else None
    options = ("0", "1", "2", "3", "4", "5", "PRN")
    end = page.text(left, y, pad.label("refills"), "label")
    if style["refill_form"] == "boxes" and (shown is None or shown in options):
        x = end + 40
        for option in options:
            x = page.text(x, y, option, "label") + 12
            x = common.checkbox(page, x, y, checked=option == shown, mark=style["mark"], side=38)
            x += 40
    else:
        blank_end = end + 40 + max(page.width(shown or "", "value"), 110) + 40
        page.rule(end + 20, blank_end, y + 12, width=2, fill=(110, 110, 110))
        if shown:
            page.text(end + 40, y - 2, shown, "value")
        if pad.labels["times"] and refills != "PRN":
            page.text(blank_end + 16, y, pad.labels["times"], "label")

    # the signature: on one of two rules, or on the only one
    y = max(y + 190, pad.y1 - (560 if full else 470))
    ink = (25, 35, 110)
    if style["signature_lines"] == 2:
        middle = (left + right) / 2
        for (x0, x1), key, signed in (
            ((left, middle - 40), "substitution", extras.get("substitution", True)),
            ((middle + 40, right), "daw", not extras.get("substitution", True)),
        ):
            page.rule(x0, x1, y, width=3, fill=(60, 60, 60))
            page.text(x0, y + 40, pad.label(key), "fine", max_width=x1 - x0)
            if signed:
                page.scribble(x0 + 60, x1 - 80, y - 8, ink)
    else:
        x0 = left + (right - left) * 0.35
        page.rule(x0, right, y, width=3, fill=(60, 60, 60))
        page.text(x0, y + 40, pad.label("signature"), "fine")
        page.scribble(x0 + 60, right - 120, y - 8, ink)

    # the blank's fine print
    y = pad.y1 - 180
    page.text(left, y, pad.labels["security"], "fine", max_width=right - left)
    if pad.labels["limit"]:
        page.text(left, y + 36, pad.labels["limit"], "fine", max_width=right - left)
    page.text(right, y + 72, f"{pad.labels['batch']} {style['batch']}", "fine", anchor="rs")
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
