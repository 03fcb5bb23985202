"""An occupational health clinic's injured-worker intake and its work status prescription.

Written blind as the held-out family of round 24 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the intake
an occupational medicine clinic (work injuries, workers' compensation, pre-employment exams) has
an injured employee fill in at the first visit: who the patient is, the employer and the injury,
an emergency contact, health history and immunity, then personal health insurance, allergies and
medicines. The prescription is the clinic's *work status report and prescription*: one sheet the
treating provider fills in at the end of the visit, telling the employer whether and how the
patient may work and giving the patient the prescription (the copies go to the pharmacy, the
employer and the chart).

Both forms share the clinic's look: one colour per form, and every written value sits in a
*shaded box* (a pale tint of the colour or a light grey, per form, with a thin rule in the colour
along its foot on some forms) whose *caption* is printed in small type *under* the box on most
forms, over it on others, in capitals or as written per form. Label wording is drawn per form
from synonym lists. Section heads are per form a bar of the colour titled in white, a tinted bar
titled in the colour, or a coloured title over a rule; numbered, lettered or plain.

Patient record (two pages).

* Page 1 head: the clinic's emblem (a ring with a cross), its name in the colour, a line of
  services, its street, city, telephone and fax (distractors). At the right a framed "clinic use"
  box: a visit or case number written in it, how the employer authorized the visit (two printed
  ways such as ``Verbal`` / ``Written``, a box each, one marked or none) and the initials of the
  staff member who received the form (distractors). The form's title under the head with a line
  of instructions. On the forms with the date "in the head" the record date (``record_date``) is
  a shaded box at the right of the title with its caption; on the others it is a shaded box
  beside the employee's signature at the foot of page 1.
* The body is a *three-column flow*: the sections run down the first column, continue at the top
  of the second and then the third, the columns balanced to about the same height. A long section
  may break between columns (its head stays with its first row); a short one is kept whole. Rows
  hold one or two captioned boxes across a column. The order of the sections after the
  patient's, per form: emergency contact then employer and injury, or the reverse; health history
  and immunity last.
* Patient: the name (one box, or a last-name box beside a first-name-and-initial box: the truth
  is ``First M. Last``); the date of birth (four-digit year) beside the age (a distractor); the
  sex (printed options with a box each) beside the preferred language (distractors); the home
  telephone (``phone``) and a cell phone (a distractor) in boxes of their own; the address either
  as a street box, a city / state / ZIP box and a country box (the truth joins the written ones
  with ``", "``), or as one box of two lines (the street on the first, the city line and the
  country after a comma on the second) or three (the country on a line of its own when the
  second would not hold it); the height beside the weight (the unit written after the number
  when the copy uses one). The patient is of working age.
* Emergency contact: the name beside the relationship (a distractor); the home telephone
  (``emergency_contact_phone``); a work telephone (a distractor); the address in a box of two or
  three lines (``emergency_contact_address``; the lines joined by a space give it back).
* Employer and injury (distractors all): the employer's name, its address in a two-line box, its
  telephone, the supervisor, the job title, the date and time of the injury (the date a few days
  before the record date), the claim number, the workers' compensation insurer, the parts of the
  body injured (a list of printed options with boxes, one or two marked) and how it happened (a
  sentence in a two-line box).
* Health history: a question line, then printed conditions with boxes: per form two box columns
  ``Y`` / ``N`` at the *left* of each condition (one condition a line; on some copies ``N`` is
  marked on every condition not had, on others left blank), or one box before each condition in
  two sub-columns; the marked conditions are ``medical_problems`` in reading order (down the
  list; along each row, then down, in the two sub-columns), followed by those written in the
  "other" box. A copy filled in a capitals-only hand writes every condition in the "other" box
  and marks none. No condition: nothing marked and the "other" box blank or the copy's word for
  none.
* Immunity: chickenpox and measles each on a line with the status options under it (``Immune``
  / ``Not immune`` / don't know, worded per form), a box before each (one ticked or crossed) or,
  per form, printed with the chosen one ringed by hand; then the hepatitis B question wrapped in
  the column with ``Yes`` / ``No`` / don't know. A "don't know" or unanswered status leaves the
  field out.
* Under the columns, across the page (distractors): the pain today on a printed scale ``0`` to
  ``10`` with one number ringed by hand (or none), and whether the same part of the body was
  hurt before (yes / no boxes).
* The foot: a certifying sentence over the employee's signature rule (and the record date box
  beside it on the forms with the date "at the foot"); fine print and the page number.

Page 2: a compact head (the clinic's name, the title and "continued") and, on some forms, a
running row of the employee's name and the claim number written again. Then a full-width
*question table*: a number column, the question in full words (wrapped over two lines where
long), a shaded answer cell and a narrow "office" column in which staff wrote their initials
against some answers (distractors). Section rows split it:

* Personal health insurance: whether the patient has health insurance of his or her own (``Yes``
  / ``No`` boxes in the answer cell; unanswered on some copies without insurance, then left out);
  the insurance company (``insurance_company``); the policy or member number (``policy_number``,
  separators as written); the group number (a distractor); the insurer's address
  (``insurance_address``, over two lines when long); the expiration date (``insurance_expiry``);
  the policy holder (a distractor).
* Allergies and medicines: the allergies (``allergies``, comma-separated, over two lines when
  long; for none the copy's word for none, or a marked "none" box); the reaction (a distractor);
  the medicines taken regularly (``regular_medication``, the same way); the pharmacy with its
  telephone, the family doctor, and whether the injury was treated elsewhere (``Yes`` / ``No``
  boxes): distractors all.
* An authorization paragraph (release of information to the employer and the insurer), the
  employee's signature rule, a date box (the record date again, or blank) and the staff witness's
  name (a distractor); fine print and the page number.

Prescription (one page), the work status report.

* Head: the clinic's emblem, name, services, street, city, telephone and fax at the left, and on
  some forms its medical director (distractors all: the medical director is never the
  prescriber). At the right the title reversed out of a bar of the colour and the form number.
* Case rows of shaded caption boxes: the patient's name, the date of birth (a distractor) and,
  on the forms with the date "in the case rows", the date of the visit (``date``; a chart number,
  a distractor, on the others); the address (``patient_address``) beside the telephone (a
  distractor); the employer, the claim number and the date of injury (distractors).
* Work status (distractors all): three printed choices with boxes, one marked (return to full
  duty on a date; modified duty from a date to a date; no work from a date until a date), the
  dates written in small shaded boxes after their words (all after the visit); the restrictions:
  a lifting limit written in a box before the unit and printed restrictions with boxes, some
  marked.
* Prescription: the ℞ (or ``Rx``) at the left of numbered shaded boxes, one medicine a line
  (``medicines``, mostly the pain, muscle-relaxant and wound medicines of a work injury; the
  dosing written on the line on some copies) with, on most forms, a dispense quantity box at the
  right (a distractor); the directions (``directions``) written over three or four lines of one
  tall shaded box, its caption under or over it (absent on some copies); the refills, per form: a
  number written in a small box captioned with the label, or the printed options ``0`` to ``5``
  and ``PRN`` with a box each, one marked (a larger number written in an "other" box); a
  "dispense as written" box (a distractor).
* Follow-up (distractors): the next appointment's date and time in boxes and a referral choice
  (printed options with boxes).
* The foot: the provider's signature rule with its caption; the prescriber (a physician, a
  physician assistant or a nurse practitioner) either typed under it in bold (``prescriber`` as
  printed, titles and credentials kept, with the NPI under it) or, per form, written by hand in a
  shaded box captioned as the treating provider's printed name with an NPI box beside it; on the
  forms with the date "at the foot" the date in a shaded box at the right. The distribution of
  the copies and fine print at the very foot.

Dates are written in one style per document (numeric month or day first, two-digit years on some
copies, written months, ISO); a day-first numeric document's record date (or prescription date)
has a day above 12, and birth dates keep four-digit years. Telephones are written in one style
per document.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
INK_DARK = (28, 28, 28)
GRID = (70, 70, 70)
HAIR = (150, 150, 150)
GREY_FILL = (236, 236, 236)
COL_GAP = 66.0
CAPTION_H = 36.0  # the room a caption takes under (or over) its box
ROW_GAP = 22.0
LINE_STEP = 62.0  # between the lines of a many-line box

# fmt: off
COLOURS = ([22, 84, 140], [150, 70, 20], [30, 110, 80], [100, 40, 110], [160, 40, 40],
           [50, 70, 90])
CLINIC_PLACES = ("Riverside", "Northgate", "Harbor", "Tri-County", "Valley", "Lakeshore",
                 "Metro", "Interstate", "Summit", "Bayview")
CLINIC_KINDS = ("Occupational Health", "Occupational Medicine", "WorkCare Clinic",
                "Industrial Medical Center", "Employee Health Services", "Work Injury Clinic")
SERVICES = (
    "Work injuries  \u2022  Workers' compensation  \u2022  DOT physicals",
    "Injury care  \u2022  Drug screening  \u2022  Pre-employment exams",
    "Occupational medicine  \u2022  Physical therapy  \u2022  Return-to-work",
    "Workplace injuries  \u2022  Fit-for-duty exams  \u2022  Onsite testing",
)
EMPLOYERS = ("Midwest Freight Lines", "Harbor Foods Inc.", "Apex Roofing", "City of Springfield",
             "Northside Medical Center", "Greenway Landscaping", "Summit Steel Fabrication",
             "Bright Star Warehouse", "Pinecrest School District", "Delta Auto Parts",
             "Valley Poultry Co.", "Metro Transit Authority", "Lakeside Hotel", "Acme Packaging")
JOBS = ("Forklift operator", "Line cook", "Roofer", "Warehouse associate", "CNA", "Driver",
        "Machine operator", "Custodian", "Welder", "Cashier", "Electrician", "Bus driver",
        "Landscaper", "Nurse aide", "Stocker", "Carpenter")
CARRIERS = ("Travelers", "Liberty Mutual", "The Hartford", "Zenith National", "Employers Mutual",
            "State Fund", "AmTrust", "Texas Mutual", "SFM Mutual", "Accident Fund")
HOW = ("Lifting boxes off a pallet", "Slipped on a wet floor", "Fell from a ladder",
       "Cut hand on a box cutter", "Twisted knee stepping off the truck", "Hit by a falling shelf",
       "Strained back moving a patient", "Caught finger in a machine", "Tripped over a hose",
       "Burned arm on the fryer")
BODY_PARTS = ("Back", "Neck", "Shoulder", "Hand / wrist", "Knee", "Ankle / foot", "Eye", "Head")
LANGUAGES = ("English", "Spanish", "Vietnamese", "Polish", "Arabic", "Tagalog", "Somali")
RELATIONS = ("Wife", "Husband", "Spouse", "Mother", "Father", "Daughter", "Son", "Sister",
             "Brother", "Partner", "Friend", "Roommate")
TIMES = ("7:15 am", "8:40 am", "10:00", "11:30 am", "1:15 pm", "2:45 pm", "4 pm", "6:20 pm",
         "22:10", "3:30 am")
PHARMACIES = ("Walgreens", "CVS", "Rite Aid", "Kroger Pharmacy", "Costco Pharmacy",
              "Main Street Drug", "Hometown Pharmacy", "Safeway Pharmacy")
REACTIONS = ("Hives", "Rash", "Swelling", "Trouble breathing", "Nausea", "Itching")
HOLDER_RELATIONS = ("Self", "Spouse", "Parent")
# the conditions the history list prints, in reading order
HISTORY = ("Asthma", "Diabetes", "Hypertension", "Arthritis", "Back pain", "Seizures",
           "Depression", "Anxiety", "Migraine", "Hypothyroidism", "Sleep apnea", "Acid reflux")
# the medicines an occupational clinic writes most
OCCUPATIONAL_DRUGS = ("Ibuprofen", "Naproxen", "Meloxicam", "Cyclobenzaprine", "Acetaminophen",
                      "Tramadol", "Gabapentin", "Prednisone", "Cephalexin", "Ondansetron")
SIG = ("daily", "BID", "TID", "q8h PRN", "at bedtime", "q6h PRN pain", "with food")
CREDENTIALS = (", PA-C", ", FNP-C", ", NP", ", DO")
LIFT_LIMITS = (5, 10, 15, 20, 25, 30, 40, 50)
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Injured Worker Intake",
        "Work Injury Patient Information",
        "Employee Injury Registration",
        "Workers' Compensation Intake",
    ),
    "intro": (
        "Please print clearly and complete both sides. Bring your claim information if your "
        "employer gave you any.",
        "Fill in every box that applies to you. Ask the front desk if you need help with this "
        "form.",
        "All information is confidential. Your employer receives only your work status.",
    ),
    "office": ("Clinic use only", "Office use", "For clinic staff"),
    "visit_no": ("Visit #", "Case no.", "Encounter"),
    "auth": ("Employer authorization", "Authorized by employer", "Auth. received"),
    "auth_options": ("Verbal|Written", "Phone|Form", "Verbal|Fax"),
    "received": ("Rec'd by", "Entered by", "Staff"),
    "today": ("Date of visit", "Today's date", "Visit date", "Date"),
    "sec_patient": ("Employee / patient", "About you", "Patient information", "Injured employee"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name, M.I.", "First name & initial", "Given name"),
    "full": ("Full name", "Employee's name", "Patient name", "Name (first, last)"),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "age": ("Age",),
    "sex": ("Sex", "Gender"),
    "sex_options": ("M|F", "Male|Female"),
    "language": ("Preferred language", "Language", "Language spoken"),
    "phone": ("Home phone", "Telephone (home)", "Phone", "Primary phone"),
    "cell": ("Cell phone", "Mobile", "Other phone"),
    "street": ("Street address", "Home address", "Address (street)"),
    "city": ("City, state, ZIP", "City / State / ZIP", "Town, state, zip code"),
    "country": ("Country",),
    "address_one": ("Home address", "Mailing address", "Address"),
    "height": ("Height",),
    "weight": ("Weight",),
    "sec_contact": ("Emergency contact", "In case of emergency", "Person to notify"),
    "contact": ("Name", "Contact name", "Notify"),
    "relation": ("Relationship", "Relation to you"),
    "c_phone": ("Home phone", "Phone", "Telephone"),
    "c_work": ("Work phone", "Daytime phone", "Work / other phone"),
    "c_address": ("Address", "Contact's address", "Lives at"),
    "sec_work": ("Employer and injury", "Your job and this injury", "About the injury"),
    "employer": ("Employer", "Company name", "Employer's name"),
    "employer_address": ("Employer address", "Work location", "Job site address"),
    "employer_phone": ("Employer phone", "Company phone", "HR / safety phone"),
    "supervisor": ("Supervisor", "Supervisor's name", "Reported to"),
    "job": ("Job title", "Occupation", "Position"),
    "injury_date": ("Date of injury", "Injury date", "Date injured"),
    "injury_time": ("Time", "Time of injury", "At (time)"),
    "claim": ("Claim number", "WC claim #", "Claim no."),
    "carrier": ("Comp carrier", "Workers' comp insurer", "WC insurance company"),
    "body": ("Part of body injured", "Body part(s) hurt", "Where are you hurt?"),
    "how": ("How did it happen?", "Describe the injury", "What were you doing?"),
    "sec_history": ("Health history", "Medical history", "Past health"),
    "history_intro": (
        "Has a doctor ever told you that you have:",
        "Do you have, or have you had:",
        "Mark any you have been told you have:",
    ),
    "yes": ("Y", "Yes"),
    "no": ("N", "No"),
    "other": ("Other conditions", "Other illnesses", "Other health problems"),
    "sec_immunity": ("Immunity", "Immunizations", "Vaccines"),
    "chicken": ("Chickenpox (varicella)", "Varicella / chickenpox", "Chicken pox"),
    "measles": ("Measles (rubeola)", "Measles", "Measles (MMR)"),
    "status_set": (
        "Immune|Not immune|Don't know",
        "Immune|Not immune|Unsure",
        "Immune|Not immune|Unknown",
    ),
    "hep_b": (
        "Have you had the hepatitis B vaccine series?",
        "Hepatitis B vaccinations completed?",
        "Vaccinated against hepatitis B?",
    ),
    "yes_no_unsure": ("Yes|No|Don't know", "Yes|No|Not sure"),
    "pain": ("Pain today (0 = none, 10 = worst)", "How bad is the pain today?", "Pain level now"),
    "prior": (
        "Have you hurt this part of your body before?",
        "Any earlier injury to the same area?",
        "Prior injury to this body part?",
    ),
    "certify": (
        "I certify that the answers on this page are true and complete.",
        "The information I have given is correct to the best of my knowledge.",
    ),
    "sign": ("Employee's signature", "Signature of patient", "Signed"),
    "fine": (
        "Information you give us is used for your care and for your workers' compensation "
        "claim. Only your work status and treatment plan are shared with your employer.",
        "Please tell the front desk if your address, telephone or insurance changes.",
    ),
    "page": ("Page {} of 2", "{} of 2", "Page {}"),
    "cont": ("continued", "page 2", "(cont.)"),
    "running": ("Employee name", "Patient", "Name"),
    "number": ("No.", "#"),
    "q_head": ("Question", "Please answer"),
    "a_head": ("Your answer", "Answer"),
    "o_head": ("Office", "Verified", "Staff"),
    "sec_insurance": (
        "Your own health insurance",
        "Personal health insurance",
        "Health insurance (not workers' comp)",
    ),
    "q_insurance": (
        "Do you have health insurance of your own?",
        "Are you covered by a personal health plan?",
        "Do you have medical insurance?",
    ),
    "yes_no": ("Yes|No",),
    "company": ("Name of insurance company", "Insurance company", "Health plan name"),
    "member": ("Policy or member ID number", "Policy number", "Member ID #"),
    "group": ("Group number", "Group #"),
    "claims": ("Insurance company's claims address", "Insurer's address", "Mail claims to"),
    "expiry": ("Coverage ends (expiration date)", "Expiry date", "Valid until"),
    "holder": ("Policy holder's name", "Subscriber", "Insured person"),
    "sec_meds": ("Allergies and medicines", "Medicines and allergies", "Allergies / medications"),
    "allergies": (
        "Allergies to medicines, foods or latex",
        "List any allergies",
        "What are you allergic to?",
    ),
    "reaction": ("What happens (reaction)", "Reaction", "Type of reaction"),
    "medication": (
        "Medicines you take regularly",
        "Regular medication (include over the counter)",
        "List medicines you take every day",
    ),
    "none": ("None", "None known"),
    "pharmacy": ("Your pharmacy (name, phone)", "Preferred pharmacy", "Pharmacy and phone"),
    "doctor": ("Family doctor", "Primary care provider", "Your regular doctor"),
    "treated": (
        "Were you treated anywhere else for this injury?",
        "Seen another doctor for this injury?",
    ),
    "sec_auth": ("Authorization", "Release of information", "Consent and release"),
    "auth_text": (
        "I authorize the clinic to release information about this injury, my work status and my "
        "treatment to my employer and its workers' compensation insurer, and I confirm that the "
        "answers on this form are true to the best of my knowledge.",
        "I consent to examination and treatment for my work injury. Records of this injury may be "
        "sent to my employer, the workers' compensation carrier and the state agency as the law "
        "requires. A copy of this authorization is as valid as the original.",
    ),
    "sign_date": ("Date", "Date signed"),
    "witness": ("Witness", "Staff witness", "Witnessed by"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": (
        "WORK STATUS & PRESCRIPTION",
        "Work Status Report / Rx",
        "PHYSICIAN'S REPORT & PRESCRIPTION",
        "Return-to-Work Report and Prescription",
    ),
    "form_no": ("Form OH-{}", "WS-{}", "Form {}-OCC"),
    "director": ("Medical Director", "Medical director", "Clinic physician director"),
    "tel": ("Tel", "Phone", "T"),
    "fax": ("Fax", "F"),
    "name": ("Patient name", "Employee / patient", "Injured worker"),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "date": ("Date of visit", "Date", "Visit date", "Date of exam"),
    "case": ("Chart #", "Case no.", "MRN"),
    "address": ("Address", "Patient address", "Home address"),
    "phone": ("Phone", "Telephone", "Patient phone"),
    "employer": ("Employer", "Company"),
    "claim": ("Claim #", "Claim number", "WC claim no."),
    "injury_date": ("Date of injury", "Injury date", "DOI"),
    "sec_status": ("Work status", "Return to work", "Work ability today"),
    "full": ("Return to full duty on", "Released to regular work on", "May return to usual job on"),
    "modified": ("Modified duty from", "Light duty from", "Restricted work from"),
    "off": ("No work from", "Off work from", "Unable to work from"),
    "to": ("to", "through", "until"),
    "restrictions": ("Restrictions", "Limits", "Work restrictions"),
    "lift": ("No lifting over", "Lift / carry no more than", "Lifting limit"),
    "lb": ("lb", "lbs", "pounds"),
    "restriction_set": (
        "No bending or twisting|No climbing ladders|Seated work only|"
        "Limited use of injured hand|No overhead reaching|Keep wound clean and dry",
        "No repetitive bending|No ladders or heights|Sit-down work|No use of injured hand|"
        "No work above shoulders|No driving company vehicles",
    ),
    "sec_rx": ("Prescription", "Medications prescribed today", "Rx"),
    "disp": ("Disp.", "Qty", "Dispense"),
    "directions": ("Directions", "Sig", "Directions for use", "Instructions"),
    "refills": ("Refills", "Refill", "No. of refills"),
    "other": ("other", "Other"),
    "daw": ("Dispense as written", "Brand medically necessary", "No substitution"),
    "sec_follow": ("Follow-up", "Next visit", "Plan"),
    "next": ("Next appointment", "Recheck on", "Return visit"),
    "time": ("Time", "At"),
    "referral": ("Referred to", "Referral"),
    "referral_set": ("Physical therapy|Orthopedics|None", "PT|Ortho|Imaging|None"),
    "signature": ("Provider signature", "Signature of treating provider", "Signature"),
    "provider": (
        "Treating provider (print)",
        "Provider name (print)",
        "Physician / PA / NP (print)",
    ),
    "npi": ("NPI", "NPI / Lic."),
    "copies": (
        "White: pharmacy   Yellow: employer   Pink: chart",
        "Copy 1 pharmacy  /  Copy 2 employer  /  Copy 3 patient",
    ),
    "fine": (
        "This report describes the patient's ability to work after today's visit. Questions about "
        "work status go to the clinic, not the pharmacy.",
        "Valid only with the provider's signature. The employer's copy does not show medicines.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _shift(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _initials(rnd: random.Random) -> str:
    return rnd.choice("ABCDEJKLMNPRST") + rnd.choice("ABCDEGHJKLMNRSTW")


def _name(rnd: random.Random) -> str:
    return f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    """The printed form's wording, fonts, colour and look (both documents)."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    place = rnd.choice(CLINIC_PLACES)
    style.update(
        clinic=f"{place} {rnd.choice(CLINIC_KINDS)}",
        services=rnd.choice(SERVICES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        shade=rnd.choice(("tint", "tint", "grey")),
        foot_rule=rnd.random() < 0.5,
        caption_place=rnd.choice(("under", "under", "over")),
        caption_caps=rnd.random() < 0.7,
        head_style=rnd.choice(("bar", "tint", "rule")),
        numbering=rnd.choice(("number", "letter", "none")),
        box_h=float(rnd.choice((80, 84, 88))),
    )


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(27, 30), value_size=(40, 45)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        place = rnd.choice(("typed", "written"))
        style.update(
            form_code=style["labels"]["form_no"].format(rnd.randint(101, 988)),
            director=f"{_name(rnd)}, MD" if rnd.random() < 0.5 else None,
            prescriber_place=place,
            prescriber_written=place == "written",
            date_place=rnd.choice(("case", "foot")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            refill_mode=rnd.choice(("box", "ticks")),
            direction_lines=rnd.choice((3, 4)),
            show_qty=rnd.random() < 0.7,
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        date_place=rnd.choice(("head", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("rows", "rows", "one")),
        history_mode=rnd.choice(("yn", "tick")),
        choice_mode=rnd.choice(("boxes", "boxes", "ring")),
        work_first=rnd.random() < 0.5,
        running=rnd.random() < 0.6,
        question_width=float(rnd.choice((900, 960, 1020))),
        table_row=float(rnd.choice((100, 108, 116))),
        row_gap=float(rnd.choice((22, 30, 38))),
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


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    if not 17 * 365 < (today - birth).days < 72 * 365:  # an employee of working age
        birth = dt.date(today.year - rnd.randint(18, 66), birth.month, min(birth.day, 28))
        fields["birth_date"] = birth.isoformat()
        kg, cm = rnd.uniform(50, 112), rnd.uniform(152, 195)
        unit = base["weight_unit"]
        imperial = unit in ("lb", "lbs") or (not unit and rnd.random() < 0.5)
        weight, height = (
            (round(kg * 2.2046), round(cm / 2.54)) if imperial else (round(kg), round(cm))
        )
        if "weight" in fields:
            fields["weight"] = weight
        if "height" in fields:
            fields["height"] = height
    age = (today - birth).days // 365
    capitals = fonts.family(style["value_font"]).all_caps
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "visit_no": f"{rnd.choice(('', 'V', 'OH-'))}{_digits(rnd, rnd.choice((5, 6)))}"
        if rnd.random() < 0.6
        else None,
        "auth": rnd.choice((0, 1, None)),
        "received": _initials(rnd) if rnd.random() < 0.6 else None,
        "age": age if rnd.random() < 0.7 else None,
        "sex": rnd.choice((0, 1, 0, 1, None)),
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.5 else None,
        "cell": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "employer": rnd.choice(EMPLOYERS),
        "employer_address": values.one_line_address(rnd) if rnd.random() < 0.6 else None,
        "employer_phone": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "supervisor": values.person_name(rnd) if rnd.random() < 0.7 else None,
        "job": rnd.choice(JOBS) if rnd.random() < 0.85 else None,
        "injury_date": _shift(today, -rnd.randint(1, 21)) if rnd.random() < 0.9 else None,
        "injury_time": rnd.choice(TIMES) if rnd.random() < 0.6 else None,
        "claim": f"{rnd.choice(('', 'WC', 'C-'))}{_digits(rnd, rnd.choice((7, 8, 9)))}"
        if rnd.random() < 0.6
        else None,
        "carrier": rnd.choice(CARRIERS) if rnd.random() < 0.6 else None,
        "body": sorted(rnd.sample(range(len(BODY_PARTS)), rnd.choice((1, 1, 2)))),
        "how": rnd.choice(HOW) if rnd.random() < 0.8 else None,
        "pain": rnd.choice((2, 3, 4, 5, 5, 6, 7, 8, None)),
        "prior": rnd.choice((0, 1, 1, None)),
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    problems: list[str] = fields["medical_problems"]
    marked = [] if capitals else [item for item in HISTORY if item in problems]
    fields["medical_problems"] = marked + [item for item in problems if item not in marked]
    extras["conditions_marked"] = marked
    extras["answered_no"] = not capitals and rnd.random() < 0.5
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if key not in fields and rnd.random() < 0.6:
            extras[f"{key}_unsure"] = True
        elif key in fields and rnd.random() < 0.06:
            del fields[key]
            extras[f"{key}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{_digits(rnd, rnd.choice((4, 5, 6)))}"
            if rnd.random() < 0.6
            else None
        )
        relation = rnd.choice(HOLDER_RELATIONS)
        last = fields["patient_name"].split()[-1]
        extras["holder"] = (
            fields["patient_name"]
            if relation == "Self"
            else values.person_name(rnd, last if rnd.random() < 0.7 else None)
        )
        if rnd.random() < 0.2:
            extras["holder"] = None
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    extras["nka"] = not fields["allergies"] and rnd.random() < 0.5
    extras["reaction"] = (
        rnd.choice(REACTIONS) if fields["allergies"] and rnd.random() < 0.6 else None
    )
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.5
    if rnd.random() < 0.7:
        extras["pharmacy"] = f"{rnd.choice(PHARMACIES)}, {rnd.choice(values.STREET_NAMES)} St"
        extras["pharmacy_phone"] = values.phone_number(rnd) if rnd.random() < 0.7 else None
    extras["doctor"] = f"Dr. {_name(rnd)}" if rnd.random() < 0.6 else None
    extras["treated"] = rnd.choice((0, 1, 1, 1, None))
    extras["staff"] = _initials(rnd)
    extras["verified"] = sorted(rnd.sample(range(1, 12), rnd.randint(0, 5)))
    extras["date_again"] = rnd.random() < 0.6
    extras["witness"] = _name(rnd) if rnd.random() < 0.5 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    if rnd.random() < 0.7:  # the pain, muscle and wound medicines of a work injury
        pool = [drug for drug in values.DRUGS if drug[0] in OCCUPATIONAL_DRUGS]
        drugs = rnd.sample(pool, min(3, len(fields["medicines"])))
        fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
        if "directions" in fields:
            fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.3:  # a physician assistant or nurse practitioner prescribes
        fields["prescriber"] = f"{_name(rnd)}{rnd.choice(CREDENTIALS)}"
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if rnd.random() < 0.3:  # the dosing written on each medicine line
        forms = {name: form for name, _, _, form in values.DRUGS}
        lines = []
        for line in fields["medicines"]:
            form = forms.get(line.split()[0], "") or "puff"
            lines.append(f"{line} - {rnd.choice(('1', '1', '2'))} {form} {rnd.choice(SIG)}")
        fields["medicines"] = lines
        if rnd.random() < 0.6:
            fields.pop("directions", None)
    if "refills" in fields and rnd.random() < 0.25:
        fields["refills"] = rnd.choice((0, 1, 2, 6, 11, "PRN"))
    age = rnd.randint(18, 66)
    birth = written.replace(year=written.year - age, day=min(written.day, 28))
    birth -= dt.timedelta(days=rnd.randint(1, 330))
    status = rnd.choice((0, 1, 1, 2, None))
    start = rnd.randint(1, 3)
    quantities = [f"#{rnd.choice((10, 14, 20, 21, 28, 30, 60, 90))}" for _ in fields["medicines"]]
    extras: dict[str, Any] = {
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "case": f"{rnd.choice(('', 'C', 'OH'))}{_digits(rnd, rnd.choice((5, 6, 7)))}"
        if rnd.random() < 0.6
        else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "employer": rnd.choice(EMPLOYERS) if rnd.random() < 0.85 else None,
        "claim": f"{rnd.choice(('', 'WC', 'C-'))}{_digits(rnd, rnd.choice((7, 8, 9)))}"
        if rnd.random() < 0.6
        else None,
        "injury_date": _shift(written, -rnd.randint(1, 60)) if rnd.random() < 0.85 else None,
        "status": status,
        "status_from": _shift(written, start) if status is not None else None,
        "status_to": _shift(written, start + rnd.choice((6, 13, 20, 27)))
        if status in (1, 2)
        else None,
        "lift": rnd.choice(LIFT_LIMITS) if status == 1 and rnd.random() < 0.8 else None,
        "restrictions": sorted(rnd.sample(range(6), rnd.randint(1, 3))) if status == 1 else [],
        "quantities": quantities,
        "daw": rnd.random() < 0.2,
        "next_visit": _shift(written, rnd.choice((5, 7, 7, 10, 14, 21)))
        if rnd.random() < 0.75
        else None,
        "next_time": rnd.choice(TIMES[:8]) if rnd.random() < 0.6 else None,
        "referral": rnd.choice((0, 1, 2, None)),
        "npi": "1" + _digits(rnd, 9) if rnd.random() < 0.8 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _colon(label: str) -> str:
    """A label as printed before its answer: with a colon unless it is a question."""
    return label if label.endswith(("?", ":")) else f"{label}:"


def _with_unit(value: Any, unit: Any) -> str:
    if value is None:
        return ""
    return f"{render.format_number(value)} {_text(unit)}".strip()


# draws a box's content from x0 to x1 at the baseline of its first line
Content = str | list[str] | Callable[[float, float, float], None]


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.tint = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        self.fill = self.tint if style["shade"] == "tint" else GREY_FILL
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, INK_DARK
        )
        faces["q"] = render.Face(label.regular, size, INK_DARK)
        faces["opt"] = render.Face(label.regular, 28, INK_DARK)
        faces["cap"] = render.Face(label.regular, 23, (60, 60, 60))
        faces["colhead"] = render.Face(label.bold, 25, INK_DARK)
        faces["sec_white"] = render.Face(title.bold, 31, (255, 255, 255))
        faces["sec"] = render.Face(title.bold, 31, self.colour)
        faces["org"] = render.Face(title.bold, 54, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 50, INK_DARK)
        faces["title_white"] = render.Face(title.bold, 40, (255, 255, 255))
        faces["typed"] = render.Face(label.bold, 38, INK_DARK)
        faces["note"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))
        self.section_count = 0

    def word(self, key: str) -> str:
        return self.words[key]

    def parts(self, key: str) -> list[str]:
        return self.words[key].split("|")

    def caption(self, key: str) -> str:
        text = self.word(key)
        return text.upper() if self.style["caption_caps"] else text

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    # -- boxes -----------------------------------------------------------------------------

    def box_height(self, lines: int = 1) -> float:
        return float(self.style["box_h"]) + LINE_STEP * (lines - 1)

    def field_height(self, lines: int = 1) -> float:
        """The room a captioned box takes, its caption included."""
        return self.box_height(lines) + CAPTION_H

    def shaded(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.rect(x0, y0, x1, y1, fill=self.fill, outline=None)
        if self.style["foot_rule"]:
            self.line(x0, y1, x1, y1, width=3, fill=self.colour)

    def field(
        self, x0: float, x1: float, top: float, caption: str, content: Content, lines: int = 1
    ) -> float:
        """A shaded box with its caption under (or over) it; returns the bottom of both."""
        page = self.page
        over = self.style["caption_place"] == "over"
        box_top = top + CAPTION_H if over else top
        box_bottom = box_top + self.box_height(lines)
        self.shaded(x0, box_top, x1, box_bottom)
        cap_base = top + CAPTION_H - 10 if over else box_bottom + 27
        page.text(x0 + 4, cap_base, caption, "cap", max_width=x1 - x0 - 8)
        base = box_top + float(self.style["box_h"]) - 24
        if callable(content):
            content(x0 + 18, x1 - 18, base)
            return top + self.field_height(lines)
        texts = [content] if isinstance(content, str) else content
        for k, text in enumerate(texts[:lines]):
            if text:
                page.text(x0 + 18, base + k * LINE_STEP, text, "value", max_width=x1 - x0 - 36)
        return top + self.field_height(lines)

    def row(
        self,
        x0: float,
        x1: float,
        top: float,
        cells: Sequence[tuple[float, str, Content, int]],
        gap: float = 24.0,
    ) -> float:
        """Captioned boxes side by side, sharing the width by their weights; the row's bottom."""
        total = sum(weight for weight, *_ in cells)
        width = x1 - x0 - gap * (len(cells) - 1)
        x = x0
        bottom = top
        for weight, caption, content, lines in cells:
            end = x + width * weight / total
            bottom = max(bottom, self.field(x, end, top, caption, content, lines))
            x = end + gap
        return bottom

    def boxes(
        self,
        x: float,
        base: float,
        options: Sequence[str],
        chosen: int | Sequence[int] | None,
        face: str = "opt",
        gap: float = 40.0,
    ) -> float:
        """Printed options, each after a box, the chosen ones marked; where they end."""
        page = self.page
        picked = {chosen} if isinstance(chosen, int) else set(chosen or ())
        for k, text in enumerate(options):
            end = common.checkbox(
                page, x, base + 2, checked=k in picked, mark=self.style["mark"], side=30
            )
            x = page.text(end + 16, base, text, face) + gap
        return x - gap

    def choices(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, face: str = "opt"
    ) -> float:
        """Options marked the form's way: boxes, or the chosen one ringed by hand."""
        if self.style.get("choice_mode") == "ring":
            return common.circled_options(
                self.page,
                x + 36,
                base,
                [(str(k), text) for k, text in enumerate(options)],
                None if chosen is None else str(chosen),
                face=face,
                gap=92,
            )
        return self.boxes(x, base, options, chosen, face)

    # -- heads -----------------------------------------------------------------------------

    def section(self, x0: float, x1: float, top: float, key: str) -> float:
        """A section head across ``x0`` to ``x1``; returns its bottom."""
        page = self.page
        self.section_count += 1
        title = self.word(key)
        numbering = self.style["numbering"]
        if numbering == "number":
            title = f"{self.section_count}. {title}"
        elif numbering == "letter":
            title = f"{'ABCDEFGHIJ'[self.section_count - 1]}. {title}"
        mode = self.style["head_style"]
        height = 50.0
        if mode == "bar":
            self.rect(x0, top, x1, top + height, fill=self.colour, outline=None)
            page.text(x0 + 14, top + 36, title.upper(), "sec_white", max_width=x1 - x0 - 28)
        elif mode == "tint":
            self.rect(x0, top, x1, top + height, fill=self.tint, outline=None)
            self.rect(x0, top, x0 + 10, top + height, fill=self.colour, outline=None)
            page.text(x0 + 26, top + 36, title, "sec", max_width=x1 - x0 - 40)
        else:
            page.text(x0, top + 34, title.upper(), "sec", max_width=x1 - x0)
            self.line(x0, top + 48, x1, top + 48, width=4, fill=self.colour)
        return top + height + 18

    def emblem(self, cx: float, cy: float, r: float) -> None:
        """The clinic's emblem: a ring with a cross in it."""
        page = self.page
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            outline=self.colour,
            width=max(1, page.px(9)),
        )
        arm, half = r * 0.62, r * 0.2
        for box in (
            (cx - half, cy - arm, cx + half, cy + arm),
            (cx - arm, cy - half, cx + arm, cy + half),
        ):
            self.rect(*box, fill=self.colour, outline=None)

    def letterhead(self, x: float, right: float) -> None:
        """The clinic's name, services and contacts, from ``x`` (the emblem before it)."""
        page = self.page
        style = self.style
        self.emblem(LEFT + 78, 190, 72)
        page.text(x, 170, str(style["clinic"]), "org", max_width=right - x)
        page.text(x, 214, str(style["services"]), "org_small", max_width=right - x)
        tel = self.words.get("tel", "Tel")
        fax = self.words.get("fax", "Fax")
        contact = (
            f"{style['street']}, {style['city']}   {tel} {self.phone(style['phone'])}"
            f"   {fax} {self.phone(style['fax'])}"
        )
        page.text(x, 254, contact, "org_small", max_width=right - x)

    def fine_print(self, text: str, page_label: str | None) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3200 + 27 * k, line, "fine")
        if page_label:
            page.text(RIGHT, 3200, page_label, "fine", anchor="rs")


def _wrapped(sheet: _Sheet, text: str, width: float, most: int = 2) -> list[str]:
    """A one-line value wrapped into (at most) ``most`` lines of a box."""
    if not text:
        return []
    lines = render.wrap(sheet.page, text, "value", width)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


def _item_lines(sheet: _Sheet, items: Sequence[str], width: float, count: int) -> list[str]:
    """A comma-separated list over at most ``count`` lines, broken between items if it can be."""
    lines: list[str] = []
    current = ""
    for k, item in enumerate(items):
        piece = item + ("," if k < len(items) - 1 else "")
        candidate = f"{current} {piece}" if current else piece
        if current and sheet.page.width(candidate, "value") > width and len(lines) < count - 1:
            lines.append(current)
            current = piece
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


# --- patient record: page 1 -------------------------------------------------------------------

# a block of the flow: its height and how to draw it from x0 to x1 at a top
Block = tuple[float, Callable[[float, float, float], None]]


class _Flow:
    """Blocks placed down a page's columns, each column continuing at the next one's top.

    A dry flow only measures: it raises ``RuntimeError`` when the blocks do not fit.
    """

    def __init__(
        self,
        columns: Sequence[tuple[float, float]],
        top: float,
        bottom: float,
        *,
        dry: bool = False,
    ) -> None:
        self.columns = columns
        self.top = top
        self.bottom = bottom
        self.dry = dry
        self.column = 0
        self.y = top

    def add(self, block: Block, keep: float = 0.0) -> None:
        height, draw = block
        if self.y + height + keep > self.bottom and self.y > self.top:
            self.column += 1
            self.y = self.top
        full = self.column >= len(self.columns) or self.y + height > self.bottom
        if self.dry and full:
            raise RuntimeError("the page's columns are full")
        if not self.dry:
            x0, x1 = self.columns[min(self.column, len(self.columns) - 1)]
            draw(x0, x1, self.y)
        self.y += height

    def sections(self, sections: Sequence[tuple[str, Sequence[Block]]], sheet: _Sheet) -> None:
        """Each section's head, kept with its first block, then its blocks."""
        for number, (key, blocks) in enumerate(sections):
            if number and self.y > self.top:
                self.y += 14
            # a short section is kept whole, a long one keeps its head with its first block
            heights = [height for height, _ in blocks]
            keep = sum(heights) if len(blocks) <= 5 else heights[0] if heights else 0.0
            self.add(_section_block(sheet, key), keep=keep)
            for block in blocks:
                self.add(block)


def _balanced_bottom(
    sections: Sequence[tuple[str, Sequence[Block]]],
    sheet: _Sheet,
    columns: Sequence[tuple[float, float]],
    top: float,
    limit: float,
) -> float:
    """The lowest column bottom at which the sections fit: the columns come out even."""
    for bottom in range(int(top) + 600, int(limit), 20):
        try:
            _Flow(columns, top, float(bottom), dry=True).sections(sections, sheet)
        except RuntimeError:
            continue
        return float(bottom)
    return limit


def _row_block(sheet: _Sheet, cells: Sequence[tuple[float, str, Content, int]]) -> Block:
    lines = max(cell[3] for cell in cells)

    def draw(x0: float, x1: float, top: float) -> None:
        sheet.row(x0, x1, top, cells)

    return sheet.field_height(lines) + float(sheet.style.get("row_gap", ROW_GAP)), draw


def _section_block(sheet: _Sheet, key: str) -> Block:
    def draw(x0: float, x1: float, top: float) -> None:
        sheet.section(x0, x1, top, key)

    return 68.0, draw


def _options_cell(sheet: _Sheet, options: Sequence[str], chosen: Any) -> Content:
    def draw(x0: float, x1: float, base: float) -> None:
        sheet.boxes(x0, base, options, chosen if isinstance(chosen, int) else None, gap=30)

    return draw


def _patient_blocks(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], width: float
) -> list[Block]:
    style = sheet.style
    cap = sheet.caption
    blocks: list[Block] = []
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        blocks.append(
            _row_block(sheet, [(1.0, cap("last"), surname, 1), (1.0, cap("first"), given, 1)])
        )
    else:
        blocks.append(_row_block(sheet, [(1.0, cap("full"), name, 1)]))
    blocks.append(
        _row_block(
            sheet,
            [
                (0.66, cap("dob"), sheet.date(fields.get("birth_date"), short_year=False), 1),
                (0.34, cap("age"), _text(extras.get("age")), 1),
            ],
        )
    )
    blocks.append(
        _row_block(
            sheet,
            [
                (
                    0.5,
                    cap("sex"),
                    _options_cell(sheet, sheet.parts("sex_options"), extras.get("sex")),
                    1,
                ),
                (0.5, cap("language"), _text(extras.get("language")), 1),
            ],
        )
    )
    blocks.append(_row_block(sheet, [(1.0, cap("phone"), sheet.phone(fields.get("phone")), 1)]))
    blocks.append(_row_block(sheet, [(1.0, cap("cell"), sheet.phone(extras.get("cell")), 1)]))
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        rest = ", ".join(line for line in lines[1:] if line)
        written = [_text(lines[0]), rest] if lines[0] else []
        if (
            rest and sheet.page.width(rest, "value") > width - 36
        ):  # the country on a line of its own
            written = [_text(line) for line in lines if line]
        blocks.append(_row_block(sheet, [(1.0, cap("address_one"), written, max(2, len(written)))]))
    else:
        blocks.append(_row_block(sheet, [(1.0, cap("street"), _text(lines[0]), 1)]))
        blocks.append(_row_block(sheet, [(1.0, cap("city"), _text(lines[1]), 1)]))
        blocks.append(_row_block(sheet, [(1.0, cap("country"), _text(lines[2]), 1)]))
    blocks.append(
        _row_block(
            sheet,
            [
                (
                    1.0,
                    cap("height"),
                    _with_unit(fields.get("height"), extras.get("height_unit")),
                    1,
                ),
                (
                    1.0,
                    cap("weight"),
                    _with_unit(fields.get("weight"), extras.get("weight_unit")),
                    1,
                ),
            ],
        )
    )
    return blocks


def _contact_blocks(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], width: float
) -> list[Block]:
    cap = sheet.caption
    address = _wrapped(sheet, _text(fields.get("emergency_contact_address")), width - 36, 3)
    return [
        _row_block(
            sheet,
            [
                (0.58, cap("contact"), _text(fields.get("emergency_contact_name")), 1),
                (0.42, cap("relation"), _text(extras.get("relation")), 1),
            ],
        ),
        _row_block(
            sheet, [(1.0, cap("c_phone"), sheet.phone(fields.get("emergency_contact_phone")), 1)]
        ),
        _row_block(
            sheet, [(1.0, cap("c_work"), sheet.phone(extras.get("emergency_work_phone")), 1)]
        ),
        _row_block(sheet, [(1.0, cap("c_address"), address, max(2, len(address)))]),
    ]


def _body_block(sheet: _Sheet, extras: Mapping[str, Any]) -> Block:
    """The printed body parts in two sub-columns, a box before each."""
    page = sheet.page
    rows = (len(BODY_PARTS) + 1) // 2
    ticked: Sequence[int] = extras.get("body") or []

    def draw(x0: float, x1: float, top: float) -> None:
        page.text(x0 + 4, top + 26, sheet.caption("body"), "cap", max_width=x1 - x0)
        half = (x1 - x0) / 2
        for k, part in enumerate(BODY_PARTS):
            x = x0 + (k % 2) * half
            base = top + 76 + (k // 2) * 50
            end = common.checkbox(
                page, x + 4, base + 2, checked=k in ticked, mark=sheet.style["mark"], side=30
            )
            page.text(end + 14, base, part, "opt", max_width=half - 60)

    return 76 + rows * 50 + 10, draw


def _work_blocks(sheet: _Sheet, extras: Mapping[str, Any], width: float) -> list[Block]:
    cap = sheet.caption
    employer_address = _wrapped(sheet, _text(extras.get("employer_address")), width - 36)
    how = _wrapped(sheet, _text(extras.get("how")), width - 36)
    return [
        _row_block(sheet, [(1.0, cap("employer"), _text(extras.get("employer")), 1)]),
        _row_block(sheet, [(1.0, cap("employer_address"), employer_address, 2)]),
        _row_block(
            sheet, [(1.0, cap("employer_phone"), sheet.phone(extras.get("employer_phone")), 1)]
        ),
        _row_block(sheet, [(1.0, cap("supervisor"), _text(extras.get("supervisor")), 1)]),
        _row_block(sheet, [(1.0, cap("job"), _text(extras.get("job")), 1)]),
        _row_block(
            sheet,
            [
                (0.66, cap("injury_date"), sheet.date(extras.get("injury_date")), 1),
                (0.34, cap("injury_time"), _text(extras.get("injury_time")), 1),
            ],
        ),
        _row_block(sheet, [(1.0, cap("claim"), _text(extras.get("claim")), 1)]),
        _row_block(sheet, [(1.0, cap("carrier"), _text(extras.get("carrier")), 1)]),
        _body_block(sheet, extras),
        _row_block(sheet, [(1.0, cap("how"), how, 2)]),
    ]


def _history_blocks(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], width: float
) -> list[Block]:
    page = sheet.page
    style = sheet.style
    marked: Sequence[str] = extras.get("conditions_marked") or []
    answered_no = bool(extras.get("answered_no"))
    problems: Sequence[str] = fields.get("medical_problems") or []

    def intro(x0: float, x1: float, top: float) -> None:
        page.text(x0, top + 30, sheet.word("history_intro"), "q", max_width=x1 - x0)

    blocks: list[Block] = [(48.0, intro)]
    if style["history_mode"] == "yn":

        def heads(x0: float, x1: float, top: float) -> None:
            for k, key in enumerate(("yes", "no")):
                page.text(x0 + 19 + 56 * k, top + 28, sheet.word(key), "colhead", anchor="ms")

        blocks.append((40.0, heads))
        for condition in HISTORY:

            def line(x0: float, x1: float, top: float, condition: str = condition) -> None:
                base = top + 38
                has = condition in marked
                for k, checked in enumerate((has, answered_no and not has)):
                    common.checkbox(
                        page,
                        x0 + 4 + 56 * k,
                        base + 2,
                        checked=checked,
                        mark=style["mark"],
                        side=30,
                    )
                page.text(x0 + 130, base, condition, "opt", max_width=x1 - x0 - 130)

            blocks.append((52.0, line))
    else:
        for k in range(0, len(HISTORY), 2):
            pair = HISTORY[k : k + 2]

            def pair_line(x0: float, x1: float, top: float, pair: Sequence[str] = pair) -> None:
                base = top + 38
                half = (x1 - x0) / 2
                for j, condition in enumerate(pair):
                    x = x0 + j * half
                    end = common.checkbox(
                        page,
                        x + 4,
                        base + 2,
                        checked=condition in marked,
                        mark=style["mark"],
                        side=30,
                    )
                    page.text(end + 14, base, condition, "opt", max_width=half - 60)

            blocks.append((52.0, pair_line))
    written = [item for item in problems if item not in marked]
    if written:
        other = _item_lines(sheet, written, width - 36, 2)
    else:
        other = [_text(style.get("empty_list"))] if not problems else []
    blocks.append((16.0, lambda x0, x1, top: None))
    blocks.append(_row_block(sheet, [(1.0, sheet.caption("other"), other, 2)]))
    return blocks


def _immunity_blocks(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], width: float
) -> list[Block]:
    page = sheet.page
    blocks: list[Block] = []
    statuses = sheet.parts("status_set")
    for key, name in (("chicken", "chicken_pox"), ("measles", "measles")):
        unsure = bool(extras.get(f"{name}_unsure"))
        chosen = 2 if unsure else {"immune": 0, "not immune": 1}.get(_text(fields.get(name)))

        def line(
            x0: float, x1: float, top: float, key: str = key, chosen: int | None = chosen
        ) -> None:
            page.text(x0, top + 32, sheet.word(key), "key", max_width=x1 - x0)
            sheet.choices(x0 + 4, top + 100, statuses, chosen)

        blocks.append((132.0, line))
    lines = render.wrap(page, sheet.word("hep_b"), "key", width)[:2]
    unsure = bool(extras.get("hepatitis_b_vaccination_unsure"))
    chosen = 2 if unsure else {"yes": 0, "no": 1}.get(_text(fields.get("hepatitis_b_vaccination")))

    def hep_b(x0: float, x1: float, top: float) -> None:
        for k, text in enumerate(lines):
            page.text(x0, top + 32 + 38 * k, text, "key", max_width=x1 - x0)
        sheet.choices(
            x0 + 4, top + 100 + 38 * (len(lines) - 1), sheet.parts("yes_no_unsure"), chosen
        )

    blocks.append((132.0 + 38 * (len(lines) - 1), hep_b))
    return blocks


def _pain_and_prior(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> None:
    """A full-width strip under the columns: the pain scale and an earlier injury."""
    page = sheet.page
    sheet.line(LEFT, top, RIGHT, top, width=2, fill=sheet.colour)
    base = top + 70
    end = page.text(LEFT, base, _colon(sheet.word("pain")), "key", max_width=900)
    pain = extras.get("pain")
    common.circled_options(
        page,
        end + 50,
        base,
        [(str(n), str(n)) for n in range(11)],
        None if pain is None else str(pain),
        face="q",
        gap=84,
    )
    base += 84
    end = page.text(LEFT, base, sheet.word("prior"), "key", max_width=1300)
    prior = extras.get("prior")
    sheet.boxes(end + 50, base, sheet.parts("yes_no"), prior if isinstance(prior, int) else None)


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """Page 1's head, title and date; returns the top of the columns."""
    page = sheet.page
    style = sheet.style
    sheet.letterhead(LEFT + 180, 1700)
    # the clinic-use box
    x0, y0, x1, y1 = 1760.0, 96.0, RIGHT, 300.0
    sheet.rect(x0, y0, x1, y1, outline=GRID, width=2)
    page.text(x0 + 16, y0 + 34, sheet.word("office").upper(), "colhead", max_width=x1 - x0 - 32)
    base = y0 + 96
    end = page.text(x0 + 16, base, f"{sheet.word('visit_no')}:", "cap")
    page.text(end + 16, base, _text(extras.get("visit_no")), "value", max_width=x1 - end - 32)
    sheet.line(end + 8, base + 10, x1 - 16, base + 10, width=1.5, fill=HAIR)
    base += 52
    page.text(x0 + 16, base, f"{sheet.word('auth')}:", "cap", max_width=x1 - x0 - 32)
    auth = extras.get("auth")
    sheet.boxes(
        x0 + 20,
        base + 44,
        sheet.parts("auth_options"),
        auth if isinstance(auth, int) else None,
        face="cap",
    )
    end = page.text(x1 - 250, base + 44, f"{sheet.word('received')}:", "cap")
    page.text(end + 12, base + 44, _text(extras.get("received")), "value", max_width=x1 - end - 20)
    # the title, the instructions and the date in the head
    page.text(LEFT, 400, sheet.word("title"), "title", max_width=1500)
    lines = render.wrap(page, sheet.word("intro"), "note", 1500)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 448 + 32 * k, line, "note")
    if style["date_place"] == "head":
        sheet.field(1840, RIGHT, 340, sheet.caption("today"), sheet.date(fields.get("record_date")))
    top = 530.0 if len(lines) < 2 else 560.0
    sheet.line(LEFT, top - 10, RIGHT, top - 10, width=2, fill=sheet.colour)
    return top + 20


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _record_head(sheet, fields, extras)
    width = (RIGHT - LEFT - 2 * COL_GAP) / 3
    columns = [
        (LEFT + k * (width + COL_GAP), LEFT + k * (width + COL_GAP) + width) for k in range(3)
    ]
    contact = ("sec_contact", _contact_blocks(sheet, fields, extras, width))
    work = ("sec_work", _work_blocks(sheet, extras, width))
    sections = [
        ("sec_patient", _patient_blocks(sheet, fields, extras, width)),
        *((work, contact) if style["work_first"] else (contact, work)),
        ("sec_history", _history_blocks(sheet, fields, extras, width)),
        ("sec_immunity", _immunity_blocks(sheet, fields, extras, width)),
    ]
    bottom = _balanced_bottom(sections, sheet, columns, top, 2760.0)
    _Flow(columns, top, bottom).sections(sections, sheet)
    _pain_and_prior(sheet, extras, bottom + 20)
    # the employee's signature, and the date at the foot
    base = 3040.0
    sheet.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 560, base - 8, sheet.ink())
    page.text(LEFT + 4, base + 30, sheet.caption("sign"), "cap")
    page.text(LEFT, base - 110, sheet.word("certify"), "note", max_width=1250)
    if style["date_place"] == "foot":
        top = base - sheet.box_height()
        if style["caption_place"] == "over":
            top -= CAPTION_H
        sheet.field(1500, RIGHT, top, sheet.caption("today"), sheet.date(fields.get("record_date")))
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


# --- patient record: page 2 -----------------------------------------------------------------

# a table row: ("section", key) or ("q", question key, answer, office initials?)
Answer = str | list[str] | Callable[[float, float, float], None]


def _table(
    sheet: _Sheet,
    top: float,
    rows: Sequence[tuple[str, str, Answer]],
    verified: Sequence[int],
    staff: str,
) -> float:
    """The question table; returns its bottom."""
    page = sheet.page
    style = sheet.style
    number_x1 = LEFT + 80
    q_x1 = LEFT + float(style["question_width"])
    o_x0 = RIGHT - 220
    # the column heads
    sheet.rect(LEFT, top, RIGHT, top + 50, fill=sheet.tint, outline=None)
    page.text(LEFT + 40, top + 35, sheet.word("number"), "colhead", anchor="ms")
    page.text(number_x1 + 16, top + 35, sheet.word("q_head"), "colhead")
    page.text(q_x1 + 16, top + 35, sheet.word("a_head"), "colhead")
    page.text((o_x0 + RIGHT) / 2, top + 35, sheet.word("o_head"), "colhead", anchor="ms")
    y = top + 50
    sheet.line(LEFT, top, RIGHT, top, width=2, fill=GRID)
    sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=GRID)
    number = 0
    for kind, key, answer in rows:
        if kind == "section":
            y = sheet.section(LEFT, RIGHT, y + 14, key) - 4
            sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=GRID)
            continue
        number += 1
        question = render.wrap(page, sheet.word(key), "q", q_x1 - number_x1 - 32)[:2]
        written = [answer] if isinstance(answer, str) else answer
        lines = 1 if callable(written) else max(1, len(written))
        count = max(len(question), lines)
        height = float(style["table_row"]) + 62 * (count - 1)
        bottom = y + height
        page.text(LEFT + 40, y + 60, f"{number}", "q", anchor="ms")
        for k, text in enumerate(question):
            page.text(number_x1 + 16, y + 60 + 44 * k, text, "q")
        sheet.rect(q_x1 + 8, y + 8, o_x0 - 8, bottom - 8, fill=sheet.fill, outline=None)
        base = y + 66
        if callable(written):
            written(q_x1 + 26, o_x0 - 26, base)
        else:
            for k, text in enumerate(written):
                if text:
                    page.text(q_x1 + 26, base + 62 * k, text, "value", max_width=o_x0 - q_x1 - 52)
        if number in verified and answer:
            page.text((o_x0 + RIGHT) / 2, base, staff, "value", anchor="ms")
        sheet.line(LEFT, bottom, RIGHT, bottom, width=1.5, fill=HAIR)
        for x in (number_x1, q_x1, o_x0):
            sheet.line(x, y, x, bottom, width=1.5, fill=HAIR)
        y = bottom
    for x in (number_x1, q_x1, o_x0):
        sheet.line(x, top, x, top + 50, width=1.5, fill=HAIR)
    sheet.line(LEFT, top, LEFT, y, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, y, width=2, fill=GRID)
    sheet.line(LEFT, y, RIGHT, y, width=2, fill=GRID)
    return y


def _yes_no(sheet: _Sheet, chosen: int | None) -> Answer:
    def draw(x0: float, x1: float, base: float) -> None:
        sheet.boxes(x0, base, sheet.parts("yes_no"), chosen, gap=60)

    return draw


def _list_answer(
    sheet: _Sheet, items: Sequence[str] | None, none_box: bool, width: float
) -> Answer:
    """A list written over at most two lines, the word for none, or a marked "none" box."""
    if items:
        return _item_lines(sheet, items, width, 2)
    if items is None:
        return ""
    if none_box:

        def draw(x0: float, x1: float, base: float) -> None:
            sheet.boxes(x0, base, [sheet.word("none")], 0)

        return draw
    return _text(sheet.style.get("empty_list"))


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    sheet.emblem(LEFT + 40, 160, 36)
    page.text(LEFT + 100, 176, str(style["clinic"]), "org", size=40, max_width=1100)
    title = f"{sheet.word('title')} \u2014 {sheet.word('cont')}"
    page.text(RIGHT, 176, title, "title", anchor="rs", size=38, max_width=1050)
    sheet.line(LEFT, 214, RIGHT, 214, width=4, fill=sheet.colour)
    top = 250.0
    if style["running"]:
        sheet.row(
            LEFT,
            RIGHT,
            top,
            [
                (0.62, sheet.caption("running"), _text(fields.get("patient_name")), 1),
                (0.38, sheet.caption("claim"), _text(extras.get("claim")), 1),
            ],
        )
        top += sheet.field_height() + 30
    sheet.section_count = 5
    answer_width = RIGHT - 220 - (LEFT + float(style["question_width"])) - 52
    has = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    pharmacy = _item_lines(
        sheet,
        [
            part
            for part in (extras.get("pharmacy"), sheet.phone(extras.get("pharmacy_phone")))
            if part
        ],
        answer_width,
        2,
    )
    treated = extras.get("treated")
    rows: list[tuple[str, str, Answer]] = [
        ("section", "sec_insurance", ""),
        ("q", "q_insurance", _yes_no(sheet, has)),
        ("q", "company", _text(fields.get("insurance_company"))),
        ("q", "member", policy),
        ("q", "group", _text(extras.get("group"))),
        ("q", "claims", _wrapped(sheet, _text(fields.get("insurance_address")), answer_width)),
        ("q", "expiry", sheet.date(fields.get("insurance_expiry"))),
        ("q", "holder", _text(extras.get("holder"))),
        ("section", "sec_meds", ""),
        (
            "q",
            "allergies",
            _list_answer(sheet, fields.get("allergies"), bool(extras.get("nka")), answer_width),
        ),
        ("q", "reaction", _text(extras.get("reaction"))),
        (
            "q",
            "medication",
            _list_answer(
                sheet, fields.get("regular_medication"), bool(extras.get("no_meds")), answer_width
            ),
        ),
        ("q", "pharmacy", pharmacy),
        ("q", "doctor", _text(extras.get("doctor"))),
        ("q", "treated", _yes_no(sheet, treated if isinstance(treated, int) else None)),
    ]
    bottom = _table(sheet, top, rows, extras.get("verified") or [], _text(extras.get("staff")))
    # the authorization, the signature, the date and the witness
    y = sheet.section(LEFT, RIGHT, bottom + 40, "sec_auth")
    lines = render.wrap(page, sheet.word("auth_text"), "q", RIGHT - LEFT - 60)
    for k, line in enumerate(lines[:4]):
        page.text(LEFT, y + 34 + 44 * k, line, "q")
    base = min(y + 34 + 44 * min(4, len(lines)) + 200, 3040.0)
    sheet.line(LEFT, base, LEFT + 1000, base, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 520, base - 8, sheet.ink())
    page.text(LEFT + 4, base + 30, sheet.caption("sign"), "cap")
    again = sheet.date(fields.get("record_date")) if extras.get("date_again") else ""
    box_top = base - sheet.box_height() - (CAPTION_H if style["caption_place"] == "over" else 0)
    sheet.row(
        1220,
        RIGHT,
        box_top,
        [
            (0.42, sheet.caption("sign_date"), again, 1),
            (0.58, sheet.caption("witness"), _text(extras.get("witness")), 1),
        ],
    )
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _rx_head(sheet: _Sheet) -> float:
    page = sheet.page
    style = sheet.style
    sheet.letterhead(LEFT + 180, 1500)
    if style.get("director"):
        page.text(
            LEFT + 180,
            292,
            f"{sheet.word('director')}: {style['director']}",
            "org_small",
            max_width=1300,
        )
    # the title reversed out of a bar, and the form number
    x0, x1 = 1560.0, RIGHT
    sheet.rect(x0, 110, x1, 196, fill=sheet.colour, outline=None)
    page.text(
        (x0 + x1) / 2, 168, sheet.word("title"), "title_white", anchor="ms", max_width=x1 - x0 - 40
    )
    page.text(x1, 240, str(style["form_code"]), "note", anchor="rs")
    sheet.line(LEFT, 330, RIGHT, 330, width=4, fill=sheet.colour)
    return 360.0


def _case_rows(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    cap = sheet.caption
    style = sheet.style
    if style["date_place"] == "case":
        third = (cap("date"), sheet.date(fields.get("date")))
    else:
        third = (cap("case"), _text(extras.get("case")))
    top = (
        sheet.row(
            LEFT,
            RIGHT,
            top,
            [
                (0.5, cap("name"), _text(fields.get("patient_name")), 1),
                (0.25, cap("dob"), sheet.date(extras.get("patient_dob"), short_year=False), 1),
                (0.25, third[0], third[1], 1),
            ],
        )
        + ROW_GAP
    )
    top = (
        sheet.row(
            LEFT,
            RIGHT,
            top,
            [
                (0.72, cap("address"), _text(fields.get("patient_address")), 1),
                (0.28, cap("phone"), sheet.phone(extras.get("patient_phone")), 1),
            ],
        )
        + ROW_GAP
    )
    return sheet.row(
        LEFT,
        RIGHT,
        top,
        [
            (0.44, cap("employer"), _text(extras.get("employer")), 1),
            (0.28, cap("claim"), _text(extras.get("claim")), 1),
            (0.28, cap("injury_date"), sheet.date(extras.get("injury_date")), 1),
        ],
    )


def _small_box(sheet: _Sheet, x0: float, x1: float, base: float, value: str) -> float:
    """A small shaded box on a line of text, the value written in it; where it ends."""
    sheet.shaded(x0, base - 56, x1, base + 18)
    if value:
        sheet.page.text(x0 + 14, base, value, "value", max_width=x1 - x0 - 28)
    return x1


def _work_status(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(LEFT, RIGHT, top, "sec_status")
    status = extras.get("status")
    date_w = 420.0
    base = top + 64
    keys = ("full", "modified", "off")
    box_x = LEFT + 60 + max(page.width(sheet.word(key), "q") for key in keys) + 30
    to_x = box_x + date_w + 30
    for k, key in enumerate(keys):
        end = common.checkbox(
            page, LEFT + 4, base + 2, checked=status == k, mark=style["mark"], side=32
        )
        page.text(end + 24, base, sheet.word(key), "q")
        start = _text(extras.get("status_from")) if status == k else ""
        _small_box(sheet, box_x, box_x + date_w, base, sheet.date(start))
        if k:
            end = page.text(to_x, base, sheet.word("to"), "q")
            until = _text(extras.get("status_to")) if status == k else ""
            _small_box(sheet, end + 30, end + 30 + date_w, base, sheet.date(until))
        base += 96
    # the restrictions
    end = page.text(LEFT, base, f"{sheet.word('restrictions')}:", "key")
    end = page.text(end + 30, base, sheet.word("lift"), "q")
    lift = extras.get("lift")
    end = _small_box(sheet, end + 30, end + 190, base, _text(lift))
    page.text(end + 16, base, sheet.word("lb"), "q")
    options = sheet.parts("restriction_set")
    ticked: Sequence[int] = extras.get("restrictions") or []
    half = (RIGHT - LEFT) / 2
    base += 70
    for k, text in enumerate(options):
        x = LEFT + 40 + (k % 2) * half
        b = base + (k // 2) * 56
        end = common.checkbox(page, x, b + 2, checked=k in ticked, mark=style["mark"], side=30)
        page.text(end + 16, b, text, "opt", max_width=half - 120)
    return base + ((len(options) + 1) // 2 - 1) * 56 + 30


def _refills(sheet: _Sheet, refills: Any, x0: float, top: float) -> tuple[float, float, float]:
    """The refills, the form's way; where they end, their baseline and their bottom."""
    page = sheet.page
    style = sheet.style
    if style["refill_mode"] == "box":
        bottom = sheet.field(x0, x0 + 300, top, sheet.caption("refills"), _text(refills))
        over = CAPTION_H if style["caption_place"] == "over" else 0.0
        return x0 + 300, top + over + float(style["box_h"]) - 24, bottom
    base = top + 62
    end = page.text(x0, base, f"{sheet.word('refills')}:", "key")
    options = ["0", "1", "2", "3", "4", "5", "PRN"]
    chosen = options.index(str(refills)) if str(refills) in options else None
    end = sheet.boxes(end + 30, base, options, chosen, face="q", gap=34)
    end = page.text(end + 34, base, f"{sheet.word('other')}:", "q")
    written = "" if chosen is not None or refills is None else str(refills)
    return _small_box(sheet, end + 16, end + 150, base, written), base, base + 40


def _prescription_block(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(LEFT, RIGHT, top, "sec_rx")
    glyph = fonts.RX_GLYPH if style["rx"] == "glyph" else "Rx"
    page.add_face("rx", str(style["rx_font"] or style["title_font"]), 110, bold=glyph == "Rx")
    page.text(LEFT, top + 120, glyph, "rx")
    x0 = LEFT + 230
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    show_qty = bool(style["show_qty"])
    med_x1 = RIGHT - 380 if show_qty else RIGHT
    y = top + 10
    box_h = 74.0
    for k in range(max(3, len(medicines))):
        base = y + box_h - 22
        page.text(x0 - 50, base, f"{k + 1}.", "key")
        sheet.shaded(x0, y, med_x1, y + box_h)
        if k < len(medicines):
            page.text(x0 + 18, base, medicines[k], "value", max_width=med_x1 - x0 - 36)
        if show_qty:
            end = page.text(med_x1 + 30, base, sheet.word("disp"), "key", max_width=150)
            _small_box(
                sheet,
                end + 16,
                RIGHT,
                base,
                quantities[k] if k < len(quantities) and k < len(medicines) else "",
            )
        y += box_h + 18
    # the directions in one tall box
    text = _text(fields.get("directions"))
    lines = render.wrap(page, text, "value", RIGHT - x0 - 36) if text else []
    count = max(int(style["direction_lines"]), len(lines))
    y += 14
    bottom = sheet.field(x0, RIGHT, y, sheet.caption("directions"), lines, count)
    # the refills and "dispense as written"
    y = bottom + 20
    end, base, bottom = _refills(sheet, fields.get("refills"), x0, y)
    daw = sheet.word("daw")
    x = max(end + 80, RIGHT - 60 - page.width(daw, "q"))
    sheet.boxes(x, base, [daw], 0 if extras.get("daw") else None, face="q")
    return bottom


def _follow_up(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    page = sheet.page
    top = sheet.section(LEFT, RIGHT, top, "sec_follow")
    cap = sheet.caption
    bottom = sheet.row(
        LEFT,
        1400,
        top,
        [
            (0.62, cap("next"), sheet.date(extras.get("next_visit")), 1),
            (0.38, cap("time"), _text(extras.get("next_time")), 1),
        ],
    )
    base = top + float(sheet.style["box_h"]) - 24
    if sheet.style["caption_place"] == "over":
        base += CAPTION_H
    end = page.text(1460, base, f"{sheet.word('referral')}:", "key")
    referral = extras.get("referral")
    sheet.boxes(
        end + 24,
        base,
        sheet.parts("referral_set"),
        referral if isinstance(referral, int) else None,
        face="q",
        gap=30,
    )
    return bottom


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _rx_head(sheet)
    top = _case_rows(sheet, fields, extras, top) + 24
    top = _work_status(sheet, extras, top) + 20
    top = _prescription_block(sheet, fields, extras, top) + 20
    top = _follow_up(sheet, extras, top)
    # the foot: the signature, the prescriber and the date
    cap = sheet.caption
    base = max(top + 180, 2880.0)
    sheet.line(LEFT, base, LEFT + 1100, base, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 600, base - 8, sheet.ink())
    page.text(LEFT + 4, base + 30, cap("signature"), "cap")
    npi = _text(extras.get("npi"))
    over = CAPTION_H if style["caption_place"] == "over" else 0.0
    if style["prescriber_place"] == "typed":
        page.text(LEFT, base + 84, _text(fields.get("prescriber")), "typed", max_width=1100)
        if npi:
            page.text(LEFT, base + 128, f"{sheet.word('npi')} {npi}", "note")
        if style["date_place"] == "foot":
            sheet.field(
                1500,
                RIGHT,
                base - sheet.box_height() - over,
                cap("date"),
                sheet.date(fields.get("date")),
            )
    else:
        box_top = base - sheet.box_height() - over
        provider_top = box_top
        if style["date_place"] == "foot":
            sheet.field(1500, RIGHT, box_top, cap("date"), sheet.date(fields.get("date")))
            provider_top -= sheet.field_height() + ROW_GAP
        sheet.row(
            1240,
            RIGHT,
            provider_top,
            [
                (0.64, cap("provider"), _text(fields.get("prescriber")), 1),
                (0.36, cap("npi"), npi, 1),
            ],
        )
    copies = sheet.word("copies")
    page.text(RIGHT, 3150, copies, "fine", anchor="rs")
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3200 + 27 * k, line, "fine")
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
