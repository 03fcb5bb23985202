"""The reader on a podiatry practice's registration form and a cruise ship's prescription.

The registration sets an "office use" sidebar apart by its tint alone, lettered parts
(``B  In an emergency, notify``), a medicines part with a ``[ ] None`` box over numbered
rules in two columns, a question with its order to list the answers (``List them:``), a
"Don't know" box beside each written immunity, an evening and a daytime number for the
contact, and a page head naming what the page holds (``Page 2 - insurance, allergies,
medicines``). The prescription prints the ship's line beside its logo, a ``Guest / Crew``
pair of boxes, and labels for the patient a record uses (``Permanent address``). The words are
laid as OCR gives them (:mod:`tests.wordkit`) over what the form draws.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.documents import DocumentType
from medreview.parsing.marks import PageMarks
from medreview.parsing.page import build_page
from tests.test_reader_grids import CONFIG, blank, check_box, read
from tests.wordkit import layout, ocr_page

RECORD = DocumentType.PATIENT_DETAILS
PRESCRIPTION = DocumentType.PRESCRIPTION
SIDEBAR_RIGHT = 620


def test_a_question_s_order_to_list_them_is_no_entry_of_its_list() -> None:
    """``Do you have any other medical problems? List them:`` over ``Hypertension, Back pain,
    Gout, Asthma, Migraine``: the order is the form's, and the list is the whole line under the
    question, not the words that happen to stand under the order."""
    words = layout(
        [
            (2700, 170, "Do you have any other medical problems? List them:"),
            (2780, 190, "Hypertension, Back pain, Gout, Asthma, Migraine"),
            (2960, 170, "Ht 174"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["medical_problems"] == ["Hypertension", "Back pain", "Gout", "Asthma", "Migraine"]


def medicines_part(image: np.ndarray, drugs: list[tuple[int, str]]) -> list:
    """``Medicines you take``, an empty ``[ ] None`` box, six numbered rules in two columns."""
    check_box(image, 160, 2120, ticked=False)
    rows = [(2030, 170, "Medicines you take"), (2120, 215, "None")]
    for line in range(3):
        y = 2210 + 85 * line
        left = next((d for n, d in drugs if n == line + 1), "")
        right = next((d for n, d in drugs if n == line + 4), "")
        rows.append((y, 170, f"{line + 1}. {left}".strip()))
        rows.append((y, 1300, f"{line + 4}. {right}".strip()))
    rows.append((2470, 170, "On anticoagulants? Yes No"))
    return layout(rows)


def test_numbered_rules_under_an_empty_none_box_are_the_list_read_down_its_columns() -> None:
    """``[ ] None`` left empty over ``1. Escitalopram  4.`` and ``2. Venlafaxine  5.``: the
    none box is no entry, the numbered rules under it are the list, and the right column's
    numbers are no part of the left column's drugs."""
    image = blank()
    words = medicines_part(image, [(1, "Escitalopram"), (2, "Venlafaxine")])
    assert read(RECORD, words, image)["regular_medication"] == ["Escitalopram", "Venlafaxine"]


def test_numbered_rules_in_two_columns_are_read_in_their_numbers_order() -> None:
    """Five drugs on rules numbered 1-3 down the left column and 4-6 down the right: the left
    column comes first, as the numbers say."""
    image = blank()
    drugs = [(1, "Metformin"), (2, "Lisinopril"), (3, "Atorvastatin"), (4, "Sertraline")]
    words = medicines_part(image, [*drugs, (5, "Omeprazole")])
    assert read(RECORD, words, image)["regular_medication"] == [
        "Metformin",
        "Lisinopril",
        "Atorvastatin",
        "Sertraline",
        "Omeprazole",
    ]


def test_a_page_head_naming_what_the_page_holds_labels_no_field() -> None:
    """``Page 2 - insurance, allergies, medicines`` is the page's contents, no allergies'
    or medicines' label; the parts under it hold those fields."""
    words = layout(
        [
            (300, 250, "Keystone Foot and Ankle Center"),
            (300, 1690, "Page 2 - insurance, allergies, medicines"),
            (1660, 340, "Allergies"),
            (1850, 266, "List allergies: Penicillin"),
        ]
    )
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    assert not any(a.match.line == 0 and a.keys for a in doc.anchors)
    assert read(RECORD, words, blank())["allergies"] == ["Penicillin"]


def tinted_sidebar(image: np.ndarray, *, fading: bool = False) -> None:
    """A shaded band down the page's left side, its edge sharp (or fading, as a shadow's)."""
    if fading:
        for x in range(120, SIDEBAR_RIGHT + 200):
            shade = 232 + int(23 * max(0.0, min(1.0, (x - SIDEBAR_RIGHT + 200) / 400)))
            image[300:3120, x] = shade
    else:
        image[300:3120, 120:SIDEBAR_RIGHT] = 232


def registration_with_sidebar(image: np.ndarray) -> list:
    """The office's sidebar level with the patient's and the contact's rows."""
    tinted_sidebar(image)
    return layout(
        [
            (320, 140, "OFFICE USE ONLY"),
            (420, 140, "Visit date"),
            (480, 140, "01/17/2025"),
            (480, 700, "A About the patient"),
            (570, 700, "Last name"),
            (570, 1040, "Rossi"),
            (570, 1540, "First name, M.I."),
            (570, 1920, "Rosa"),
            (1010, 140, "Copay $"),
            (1070, 140, "35"),
            (1070, 700, "B In an emergency, notify"),
            (1160, 140, "Referral date"),
            (1160, 700, "Name"),
            (1160, 1040, "James Rossi"),
            (1220, 140, "01/10/2025"),
            (1250, 700, "Evening phone"),
            (1250, 1040, "(813) 555-0101"),
            (1250, 1550, "Daytime phone"),
            (1250, 1900, "(804) 555-0112"),
        ]
    )


def test_a_sidebar_set_apart_by_its_tint_is_read_apart_from_the_body() -> None:
    """The office's shaded sidebar runs level with the body's rows (``35`` beside ``B  In an
    emergency, notify``): read apart, the part's title opens the contact's section, so the
    ``Name`` under it is the contact's, and the patient's name is the one in parts; the visit
    date is the sidebar's own date, not the referral's. The evening number is the contact's."""
    image = blank()
    words = registration_with_sidebar(image)
    found = read(RECORD, words, image)
    assert found["emergency_contact_name"] == "James Rossi"
    assert found["patient_name"] == "Rosa Rossi"
    assert found["record_date"] == "2025-01-17"
    assert found["emergency_contact_phone"] == "(813) 555-0101"


def test_a_shaded_band_is_a_sidebar_only_where_its_edge_steps_from_tint_to_paper() -> None:
    """A band of tint with a sharp inner edge is a panel's edge; a photo's shadow fading out
    across the page is none."""
    sharp = blank()
    tinted_sidebar(sharp)
    edges = PageMarks(sharp).tinted_sides()
    assert len(edges) == 1
    assert abs(edges[0].level - SIDEBAR_RIGHT) <= 6
    fading = blank()
    tinted_sidebar(fading, fading=True)
    assert PageMarks(fading).tinted_sides() == []


def test_a_part_s_letter_and_its_title_s_first_word_make_no_label() -> None:
    """``B In an emergency, notify``: the letter and ``In`` are no card's ``BIN``; the title
    opens the contact's section."""
    words = layout([(1070, 700, "B In an emergency, notify"), (1160, 700, "Name James Rossi")])
    doc = build_page(RECORD, [ocr_page(words)], CONFIG, [blank()])
    assert [name for _, name in doc.sections] == ["emergency"]


def immunity_rows(image: np.ndarray, answers: tuple[str, str], *, unsure: bool = False) -> list:
    """``Chickenpox`` and ``Measles (rubeola)`` rows, each answer written beside a printed
    ``[ ] Don't know`` box (the first box ticked when ``unsure``)."""
    check_box(image, 1640, 2410, ticked=unsure)
    check_box(image, 1640, 2495, ticked=False)
    return layout(
        [
            (2330, 170, "Infection"),
            (2330, 725, "Status"),
            (2410, 170, "Chickenpox"),
            (2410, 740, answers[0]),
            (2410, 1690, "Don't know"),
            (2495, 170, "Measles (rubeola)"),
            (2495, 740, answers[1]),
            (2495, 1690, "Don't know"),
        ]
    )


def test_a_written_immunity_beside_an_empty_don_t_know_box_is_the_answer() -> None:
    """``NOT IMMUNE   [ ] Don't know`` and ``IMMUNE   [ ] Don't know``: the box left empty
    prints an option nobody chose; the written words answer."""
    image = blank()
    found = read(RECORD, immunity_rows(image, ("NOT IMMUNE", "IMMUNE")), image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def test_a_ticked_don_t_know_box_leaves_the_disease_unanswered() -> None:
    """``[X] Don't know`` ticked on the chickenpox row: no answer, written words or not."""
    image = blank()
    found = read(RECORD, immunity_rows(image, ("", "IMMUNE"), unsure=True), image)
    assert "chicken_pox" not in found
    assert found["measles"] == "immune"


def cruise_prescription(image: np.ndarray) -> list:
    """A ship's prescription: the line's name beside a dark logo, a ``Guest / Crew`` pair."""
    cv2.rectangle(image, (160, 238), (198, 276), 0, -1)  # the line's logo, a solid square
    check_box(image, 110, 590, ticked=False)
    check_box(image, 320, 590, ticked=True)
    return layout(
        [
            (150, 224, "MS Island Radiance"),
            (240, 220, "Azure Seas Cruises"),
            (300, 222, "SHIP'S HOSPITAL Deck 2"),
            (440, 96, "PRESCRIPTION"),
            (590, 160, "Guest"),
            (590, 370, "Crew"),
            (700, 117, "Guest name"),
            (700, 482, "Leila Jackson"),
            (800, 122, "Permanent address"),
            (800, 491, "5156 Franklin Avenue, Minneapolis, MN 55401"),
            (990, 122, "Issued on"),
            (990, 501, "2021-10-25"),
            (1200, 345, "Drug / strength"),
            (1270, 356, "Famotidine 20 mg tab"),
            (2440, 208, "SHIP'S PHYSICIAN"),
            (2600, 237, "Dr Amara Morris"),
            (2680, 229, "Licence #: MCI 1758846"),
        ]
    )


def test_a_cruise_line_beside_its_logo_is_no_ticked_doctor() -> None:
    """The solid logo left of ``Azure Seas Cruises`` is no filled box in a list of doctors,
    and ``Guest [ ] Crew [X]`` is one row of its own: neither names the prescriber."""
    image = blank()
    found = read(PRESCRIPTION, cruise_prescription(image), image)
    assert found.get("prescriber") not in ("Azure Seas Cruises", "Guest Crew")


def test_a_prescription_labels_its_patient_as_a_record_does() -> None:
    """``Guest name`` and ``Permanent address``: the prescription's patient fields take a
    record's labels for the same things."""
    image = blank()
    found = read(PRESCRIPTION, cruise_prescription(image), image)
    assert found["patient_name"] == "Leila Jackson"
    assert found["patient_address"] == "5156 Franklin Avenue, Minneapolis, MN 55401"


def test_a_label_s_number_mark_is_no_part_of_the_value() -> None:
    """``Policy / ID no.  EF-9062-5515``: the label ends with its mark for a number."""
    words = layout(
        [
            (424, 234, "Insurance"),
            (617, 172, "Insurance company"),
            (617, 526, "Blue Cross Blue Shield"),
            (702, 173, "Policy / ID no."),
            (702, 532, "EF-9062-5515"),
            (702, 1224, "Group no."),
            (702, 1576, "50585"),
        ]
    )
    assert read(RECORD, words, blank())["policy_number"] == "EF90625515"


def test_numbered_rules_whose_first_number_ocr_missed_still_run_on() -> None:
    """``Clopidogrel      4.`` (its ``1.`` unread) over ``2. Bupropion   5.``: the right
    column's number past the gap numbers the row, so the list runs on to its last rule."""
    words = layout(
        [
            (2066, 256, "Current medications"),
            (2160, 238, "I take no medicines"),
            (2240, 259, "Clopidogrel"),
            (2240, 1306, "4."),
            (2330, 190, "2. Bupropion"),
            (2330, 1311, "5."),
            (2420, 190, "3. Metformin"),
            (2420, 1315, "6."),
            (2540, 199, "Do you take a blood thinner? Yes No"),
        ]
    )
    found = read(RECORD, words, blank())
    assert found["regular_medication"] == ["Clopidogrel", "Bupropion", "Metformin"]


def test_boxes_answering_another_field_s_question_are_no_tick_list_over_other() -> None:
    """``Have you received the hepatitis B vaccine series?  [ ] Yes [X] No [ ] Not known`` over
    ``Other medical conditions (diabetes, gout ...):``, a box ticked just left of the question
    (the office's "eligibility checked" in its margin): the question and its boxes are the
    vaccine's, so the conditions written under their label are the list, not an "other" tick
    list's rule."""
    image = blank()
    check_box(image, 420, 2661, ticked=True)
    check_box(image, 1720, 2661, ticked=False)
    check_box(image, 1880, 2661, ticked=True)
    check_box(image, 2030, 2661, ticked=False)
    words = layout(
        [
            (2661, 601, "Have you received the hepatitis B vaccine series?"),
            (2661, 1770, "Yes"),
            (2661, 1930, "No"),
            (2661, 2080, "Not known"),
            (2748, 604, "Other medical conditions (diabetes, poor circulation, gout ...):"),
            (2833, 611, "Kidney stones"),
            (3019, 571, "Ht 62"),
        ]
    )
    found = read(RECORD, words, image)
    assert found["medical_problems"] == ["Kidney stones"]
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_shared_label_never_shadows_another_field_s_own() -> None:
    """A prescription's patient takes a record's labels for the patient, but not ``Name
    (print)``, which begins the prescriber's ``Name (printed)``: the prescriber's name printed
    by the signature stays the prescriber's."""
    words = layout(
        [
            (400, 160, "Patient: Maria Lopez"),
            (800, 200, "Rx Cetirizine 10 mg"),
            (2700, 259, "Signature"),
            (2790, 259, "Name (print): Clara Baker, M.D."),
        ]
    )
    found = read(PRESCRIPTION, words, blank())
    assert found["prescriber"] == "Clara Baker, M.D."
    assert found["patient_name"] == "Maria Lopez"


def test_the_last_word_of_a_label_left_in_its_cell_is_no_entry() -> None:
    """``10  Medicines you take regularly | Quetiapine, Lisinopril``: the vocabulary knows
    ``Medicines you take``; ``regularly`` in the label's cell is the label's, and the list is
    the next cell's."""
    image = blank()
    for y in (1640, 1760):
        cv2.line(image, (150, y), (2400, y), 0, 3)
    for x in (150, 235, 1180, 2230, 2400):  # the row's number in a column of its own
        cv2.line(image, (x, 1640), (x, 1760), 0, 3)
    words = layout(
        [
            (1683, 178, "10"),
            (1683, 253, "Medicines you take regularly"),
            (1683, 1203, "Quetiapine, Lisinopril"),
        ]
    )
    assert read(RECORD, words, image)["regular_medication"] == ["Quetiapine", "Lisinopril"]


def test_a_heading_s_last_word_over_the_entries_is_no_entry() -> None:
    """``E. Medicines you take regularly`` over the form's wording and a table of the drugs:
    the word after the label the vocabulary knows is the heading's, and the entries are under
    it."""
    words = layout(
        [
            (756, 311, "E. Medicines you take regularly"),
            (820, 265, "List every medicine, including inhalers and over-the-counter ones."),
            (870, 289, "Medication"),
            (870, 1282, "Dose"),
            (930, 286, "Meloxicam"),
            (1000, 291, "Atenolol"),
            (1000, 1290, "100 mg"),
            (1225, 269, "Preferred pharmacy:"),
        ]
    )
    assert read(RECORD, words, blank())["regular_medication"] == ["Meloxicam", "Atenolol"]


def test_a_list_whose_label_is_followed_by_the_next_question_is_empty() -> None:
    """``Allergies:`` left blank over ``Latex or adhesive tape sensitivity? Yes No``: the list
    is empty, not absent, and the question is no allergy."""
    words = layout(
        [
            (1620, 243, "Allergies & sensitivities"),
            (1821, 156, "Allergies:"),
            (1918, 156, "Latex or adhesive tape sensitivity? Yes No"),
        ]
    )
    assert read(RECORD, words, blank())["allergies"] == []


def test_numbered_rows_written_in_capitals_under_a_none_box_are_rows_not_titles() -> None:
    """``[ ] None`` over ``1. AMOXICILLIN  4.`` written in a capitals-only hand: a numbered
    line in capitals left of the list's first word looks like a part's title, but it is the
    list's next row, numbered in turn."""
    image = blank()
    check_box(image, 156, 2120, ticked=False)
    words = layout(
        [
            (2023, 238, "Current medications"),
            (2120, 216, "None"),
            (2200, 151, "1. AMOXICILLIN"),
            (2200, 1277, "4."),
            (2285, 149, "2. CYCLOBENZAPRINE"),
            (2285, 1275, "5."),
            (2370, 152, "3. ATORVASTATIN"),
            (2370, 1271, "6."),
            (2477, 153, "On anticoagulants? YES NO"),
        ]
    )
    assert read(RECORD, words, image)["regular_medication"] == [
        "AMOXICILLIN",
        "CYCLOBENZAPRINE",
        "ATORVASTATIN",
    ]


def test_a_refill_count_written_after_or_is_the_refills() -> None:
    """``Refills (ashore):  [ ] 2 [ ] 3 [ ] 4 [ ] 5 [ ] PRN  or: 11``: no box ticked, the
    count written after "or" is the answer."""
    image = blank()
    for x in (700, 830, 960, 1085, 1220):
        check_box(image, x, 2013, ticked=False)
    words = layout(
        [
            (300, 150, "Guest name: Leila Jackson"),
            (1200, 200, "Rx Famotidine 20 mg tab"),
            (2013, 156, "Refills (ashore):"),
            (2013, 748, "2"),
            (2013, 874, "3"),
            (2013, 1004, "4"),
            (2013, 1127, "5"),
            (2013, 1268, "PRN"),
            (2013, 1380, "or: 11"),
        ]
    )
    assert read(PRESCRIPTION, words, image)["refills"] == 11


def test_a_tick_that_hid_its_choice_from_ocr_answers_the_other_choice() -> None:
    """``Hepatitis B vaccine series completed?  [ ] Yes  [X]  [ ] Unsure``: OCR read no word
    under the tick; the empty box before "Yes" says "Yes" was not chosen, the ticked one is
    the other choice's."""
    image = blank()
    check_box(image, 1730, 2690, ticked=False)
    check_box(image, 1900, 2690, ticked=True)
    check_box(image, 2070, 2690, ticked=False)
    words = layout(
        [
            (2690, 714, "Hepatitis B vaccine series completed?"),
            (2690, 1782, "Yes"),
            (2690, 2120, "Unsure"),
        ]
    )
    assert read(RECORD, words, image)["hepatitis_b_vaccination"] == "no"


def test_not_known_is_an_unsure_answer_beside_the_ticked_one() -> None:
    """``Hepatitis B vaccinated?  [ ] Yes  [X] No  [ ] Not known``, the tick read as a ``c``:
    "Not known" is the form's unsure option, so the row holds two choices and the tick
    decides."""
    image = blank()
    check_box(image, 1262, 2693, ticked=False)
    check_box(image, 1400, 2693, ticked=True)
    check_box(image, 1600, 2693, ticked=False)
    words = layout(
        [
            (2693, 155, "Hepatitis B vaccinated?"),
            (2693, 1313, "Yes"),
            (2693, 1398, "c"),
            (2693, 1474, "No"),
            (2693, 1647, "Not known"),
        ]
    )
    assert read(RECORD, words, image)["hepatitis_b_vaccination"] == "no"


def test_an_address_running_past_its_cell_drawn_askew_is_still_read() -> None:
    """``Permanent address | 77 Cherry Ave, Springfield, IL.`` where the labels' column rules
    its rows apart from the values' column (the label's cell ends halfway down the value's):
    no cell beside the label's matches it, and a street and its town past it are the address
    all the same, counting a little less."""
    image = blank()
    for y in (632, 1000):
        cv2.line(image, (150, y), (2400, y), 0, 3)
    for y in (725, 823, 919):  # across the values' column only
        cv2.line(image, (511, y), (2400, y), 0, 3)
    cv2.line(image, (150, 872), (511, 872), 0, 3)  # the labels' column, its own rows
    for x in (150, 511, 2400):
        cv2.line(image, (x, 632), (x, 1000), 0, 3)
    words = layout(
        [
            (300, 150, "Guest name: James Cooper"),
            (826, 165, "Permanent address"),
            (842, 540, "77 Cherry Ave, Springfield, IL."),
            (1200, 200, "Rx Propranolol 20 mg tab"),
        ]
    )
    found = read(PRESCRIPTION, words, image)
    assert found["patient_address"] == "77 Cherry Ave, Springfield, IL"


def test_a_table_s_heading_of_measures_is_no_entry_of_the_list() -> None:
    """``Medication name   mg / dose   Frequency`` heading an empty table under ``I take no
    medicines``: the heading beside the label is no medicine, and the list is empty."""
    words = layout(
        [
            (1100, 252, "Current medications"),
            (1170, 293, "I take no medicines"),
            (1235, 254, "Medication name"),
            (1235, 996, "mg / dose"),
            (1235, 1346, "Frequency"),
            (1593, 275, "Drug and other allergies"),
        ]
    )
    assert read(RECORD, words, blank())["regular_medication"] == []
