"""The reader on forms written about the patient by someone else: referrals and phoned orders.

A home health referral prints the referring person's name, telephone and dates in their own
section before the patient's; a pharmacy's record of a telephoned prescription prints a
``NAME`` under the prescriber's heading and another under the patient's. A label means the
field its section is about.
"""

from __future__ import annotations

import cv2

from medreview.documents import DocumentType
from medreview.parsing.canonical import parse_list
from medreview.parsing.lists import _quantity_size
from tests.test_reader_grids import blank, read
from tests.wordkit import CHAR_W, layout, row


def phoned_prescription(*, sections: bool) -> list:
    """A telephoned order: the prescriber's and the patient's ``NAME`` rows, then the drug."""
    rows = [
        (100, 900, "Cedar Hills Pharmacy"),
        (240, 160, "VERBAL / TELEPHONE RX RECORD"),
        (320, 1700, "DATE OF CALL 16.03.2025"),
    ]
    if sections:
        rows.append((420, 160, "PRESCRIBING PRACTITIONER"))
    rows += [
        (500, 160, "NAME Arjun Bailey, M.D."),
        (500, 1400, "OFFICE PHONE (615) 555-0112"),
        (580, 160, "DEA# MC0471060"),
    ]
    if sections:
        rows.append((680, 160, "PATIENT"))
    rows += [
        (760, 160, "NAME Yuki Walker"),
        (760, 1400, "DOB 23.03.1984"),
        (900, 160, "DRUG / STRENGTH"),
        (980, 160, "Clindamycin 300 mg cap"),
    ]
    return layout(rows)


def test_a_name_under_the_prescribers_heading_is_the_prescriber() -> None:
    """``PRESCRIBING PRACTITIONER / NAME ...`` then ``PATIENT / NAME ...``: one name each."""
    found = read(DocumentType.PRESCRIPTION, phoned_prescription(sections=True), blank())
    assert found["prescriber"] == "Arjun Bailey, M.D."
    assert found["patient_name"] == "Yuki Walker"


def test_without_a_prescribers_heading_a_name_is_the_patients() -> None:
    """No headings: ``Name`` is the patient's label, as on most forms."""
    words = layout(
        [
            (100, 900, "Cedar Hills Pharmacy"),
            (240, 160, "Name: Yuki Walker"),
            (240, 1400, "Date: 16/03/2025"),
            (400, 160, "Rx Clindamycin 300 mg cap"),
            (700, 160, "Prescriber: Dr. Arjun Bailey"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["patient_name"] == "Yuki Walker"
    assert found["prescriber"] == "Dr. Arjun Bailey"


def referral(*, emergency_heading: str) -> list:
    """A referral's first rows: the referral's source, the patient, the caregiver."""
    return layout(
        [
            (100, 160, "Lakeside Home Nursing"),
            (100, 1500, "HOME HEALTH REFERRAL"),
            (260, 160, "REFERRAL SOURCE"),
            (340, 160, "Date of referral: 11/03/2023"),
            (420, 160, "Contact name: Amara Reed, RN"),
            (420, 1300, "Facility / practice: Oak Park Rehabilitation Center"),
            (500, 160, "Contact phone: (515) 555-0147"),
            (500, 1300, "D/C date: 11/06/2023"),
            (620, 160, "PATIENT"),
            (700, 160, "Name: Isabel P. Thompson"),
            (700, 1300, "DOB: 11/05/1948"),
            (780, 160, "Phone: (615) 555-0191"),
            (900, 160, emergency_heading),
            (980, 160, "Caregiver: Ethan Mensah"),
            (980, 1300, "Home tel.: (615) 555-0185"),
        ]
    )


def test_the_referrers_name_and_phone_are_no_patients_or_contacts() -> None:
    """Under ``REFERRAL SOURCE`` the contact is the referrer; the date is the record's."""
    found = read(
        DocumentType.PATIENT_DETAILS,
        referral(emergency_heading="CAREGIVER / EMERGENCY CONTACT"),
        blank(),
    )
    assert found["record_date"] == "2023-11-03"
    assert found["patient_name"] == "Isabel P. Thompson"
    assert found["phone"] == "(615) 555-0191"
    assert found["emergency_contact_name"] == "Ethan Mensah"
    assert found["emergency_contact_phone"] == "(615) 555-0185"


def test_a_primary_caregiver_heading_opens_the_emergency_contacts_section() -> None:
    found = read(
        DocumentType.PATIENT_DETAILS,
        referral(emergency_heading="PRIMARY CAREGIVER & EMERGENCY CONTACT"),
        blank(),
    )
    assert found["emergency_contact_name"] == "Ethan Mensah"
    assert found["emergency_contact_phone"] == "(615) 555-0185"


def test_an_unknown_answer_printed_as_unk_is_no_initials_beside_the_ringed_choice() -> None:
    """``Varicella: (Immune) Not immune UNK.``: the ring decides; ``UNK.`` is no one's initials."""
    image = blank()
    x = 160 + CHAR_W * len("Varicella:") + 14 + 200
    words = layout(
        [
            (300, 160, "HEALTH HISTORY"),
            (380, 160, "Varicella:"),
            (380, x, "Immune"),
            (380, x + 240, "Not immune"),
            (380, x + 520, "UNK."),
        ]
    )
    width = CHAR_W * len("Immune")
    cv2.ellipse(image, (x + width // 2, 398), (width // 2 + 30, 36), 0, 0, 360, 0, 4)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "immune"


def test_a_numbered_list_written_on_one_line_is_split_at_its_numbers() -> None:
    assert parse_list("Gout 2. 3.") == ["Gout"]
    assert parse_list("Allergic rhinitis 2. Depression 3. Eczema") == [
        "Allergic rhinitis",
        "Depression",
        "Eczema",
    ]
    assert parse_list("Diabetes type 2. Asthma") == ["Diabetes type 2", "Asthma"]


def test_a_quantity_counted_in_single_tabs_or_inhalers_ends_a_medicine_line() -> None:
    """``Albuterol 90 mcg  1 inh``: the count's two words; ``20 mg tab`` is the drug's form."""
    assert _quantity_size(row(0, 0, "Albuterol 90 mcg 1 inh")) == 2
    assert _quantity_size(row(0, 0, "Citalopram 20 mg tab 30 tab")) == 2
    assert _quantity_size(row(0, 0, "Citalopram 20 mg tab")) == 0


def test_a_state_after_its_city_is_no_middle_initials_label() -> None:
    """``First, MI: Yuki`` over ``City, ST, ZIP: Lansing, MI 48933``: Michigan is the address's."""
    words = layout(
        [
            (200, 160, "PATIENT"),
            (280, 160, "Surname: Lee"),
            (280, 900, "First, MI: Yuki"),
            (360, 160, "Street: 30 Ridge Place"),
            (440, 160, "City, ST, ZIP: Lansing, MI 48933"),
            (440, 1500, "Country: USA"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Yuki Lee"
    assert found["address"] == "30 Ridge Place, Lansing, MI 48933, USA"
