"""The generic reader on questionnaires: Yes / No tables with details, marked columns, a side panel.

Each test draws what the form prints (rules, boxes, ticks) and lays OCR words over it
(:mod:`tests.wordkit`), then reads the page as ``medreview extract`` would.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing.choices import REFILL_ROW
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import layout, row

QUESTIONS = (
    "1. Asthma, bronchitis or other chest problems",
    "2. Heart or circulation problems, blood pressure",
    "3. Diabetes, thyroid or other gland disorder",
    "4. Back, neck, joint or bone problems",
    "5. Any other illness, operation or long-term condition",
)
YES_X, NO_X, DETAILS_X = 1400, 1520, 1640


def tick(image: np.ndarray, x: int, y: int) -> None:
    """A check mark drawn across a box, its long stroke running up over the row's top rule."""
    cv2.line(image, (x + 4, y + 18), (x + 14, y + 32), 0, 6)
    cv2.line(image, (x + 14, y + 32), (x + 50, y - 30), 0, 6)


def questionnaire(image: np.ndarray, details: dict[int, str]) -> list[Word]:
    """A medical history table: a question a row, Yes and No boxes, and a Details column.

    Rows in ``details`` are answered yes with their details written; the others no.
    """
    words = layout(
        [
            (300, 150, "Name: Mei Scott"),
            (400, 150, "3. Medical history"),
            (480, 160, "Do you have, or have you ever had:"),
        ]
    )
    words += row(480, YES_X, "Yes") + row(480, NO_X, "No") + row(480, DETAILS_X, "Details")
    top, step = 460, 70
    for index in range(len(QUESTIONS) + 2):  # the table's rules, under its heads and rows
        cv2.line(image, (150, top + index * step), (2300, top + index * step), 0, 2)
    for x in (150, YES_X - 30, NO_X - 30, DETAILS_X - 30, 2300):
        cv2.line(image, (x, top), (x, top + (len(QUESTIONS) + 1) * step), 0, 2)
    for index, question in enumerate(QUESTIONS):
        y = top + (index + 1) * step + 17
        words += row(y, 160, question)
        check_box(image, YES_X, y, ticked=False)
        check_box(image, NO_X, y, ticked=False)
        tick(image, YES_X if index in details else NO_X, y)
        if index in details:
            words += row(y, DETAILS_X, details[index])
    words += row(top + 7 * step + 40, 150, "4. Infections and immunity")
    return words


def test_a_questionnaire_lists_the_details_written_on_its_yes_rows() -> None:
    """The ticks cross the row's top rule: each still belongs to its own box."""
    image = blank()
    words = questionnaire(image, {1: "Hypertension", 3: "Back pain"})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Hypertension", "Back pain"]


def test_a_questionnaire_answered_no_throughout_is_an_empty_list() -> None:
    """Its last row ("Any other illness") is a question of the table, not an "Other:" line."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, questionnaire(image, {}), image)
    assert found["medical_problems"] == []


def test_a_yes_row_left_without_details_gives_its_question() -> None:
    """The printed question is the entry, split at its commas as any list's text is."""
    image = blank()
    words = questionnaire(image, {2: "Type 2 diabetes"})
    details = next(w for w in words if w.text == "Type")
    words = [w for w in words if w.bbox.y0 != details.bbox.y0 or w.bbox.x0 < DETAILS_X]
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["medical_problems"] == ["Diabetes", "thyroid or other gland disorder"]


def immunity_table(image: np.ndarray, marks: dict[str, int]) -> list[Word]:
    """Infection, past illness (written), then Immune / Not immune / Don't know columns."""
    words = layout([(300, 150, "Name: Mei Scott"), (400, 150, "4. Infections and immunity")])
    columns = [150, 700, 1000, 1400, 1800, 2300]
    heads = ("Infection", "Past illness", "Immune", "Not immune", "Don't know")
    for x, head in zip(columns, heads, strict=False):
        words += row(500, x + 20, head)
    for index in range(4):
        cv2.line(image, (150, 480 + index * 80), (2300, 480 + index * 80), 0, 2)
    for x in columns:
        cv2.line(image, (x, 480), (x, 720), 0, 2)
    for index, (infection, column) in enumerate(marks.items()):
        y = 580 + index * 80
        words += row(y, 170, infection) + row(y, 720, "No")
        x = (columns[column] + columns[column + 1]) // 2
        cv2.line(image, (x - 15, y), (x + 15, y + 30), 0, 5)
        cv2.line(image, (x + 15, y), (x - 15, y + 30), 0, 5)
    return words


def test_a_mark_under_a_column_that_is_no_choice_leaves_the_answer_out() -> None:
    """Chickenpox marked "Don't know" is absent, not read from its "No" of past illness."""
    image = blank()
    words = immunity_table(image, {"Chickenpox": 4, "Measles": 2})
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "chicken_pox" not in found
    assert found["measles"] == "immune"


def test_a_question_ending_in_a_word_of_a_label_is_still_answered() -> None:
    """ "... course completed?" is no "Completed by" label cutting the row before its boxes."""
    image = blank()
    words = layout([(300, 150, "Name: Mei Scott")])
    words += row(500, 150, "Hepatitis B vaccination course completed?")
    for x, option, ticked in ((1000, "Yes", True), (1160, "No", False), (1300, "Not sure", False)):
        check_box(image, x, 500, ticked=ticked)
        words += row(500, x + 50, option)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["hepatitis_b_vaccination"] == "yes"


def test_the_doctors_listed_left_of_a_large_rx_are_no_medicines() -> None:
    """A group practice's side panel stands left of the ℞; OCR reads both on one line."""
    words = layout(
        [
            (200, 740, "Name: Clara Reed"),
            (200, 1800, "Date: 16.01.2025"),
            (300, 740, "Address: 88 Orchard Road, Sacramento, 95814"),
            (400, 150, "Dr Ana Thomas"),
            (460, 150, "Endocrinology"),
            (520, 150, "Dr Alan Thomas"),
            (580, 150, "Geriatrics"),
            (660, 840, "Atorvastatin 40 mg"),
            (740, 840, "Clindamycin 150 mg"),
            (900, 740, "Sig: one tablet daily"),
        ]
    )
    words.append(Word("Px", 0.9, BBox(740, 500, 820, 620)))  # the ℞, three lines tall
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Atorvastatin 40 mg", "Clindamycin 150 mg"]


def test_an_address_box_runs_on_beside_a_column_of_labels() -> None:
    """Street, city and country in one tall box; e-mail and manager labelled right of it."""
    words = layout(
        [
            (300, 150, "Name: Carlos Thompson"),
            (400, 150, "Home address: 4470 Willow Road"),
            (400, 1300, "E-mail: carlos@example.com"),
            (460, 480, "Sacramento, 95814"),
            (460, 1300, "Supervisor: Henry P. Reed"),
            (520, 480, "USA"),
            (620, 150, "Height: 60"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["address"] == "4470 Willow Road, Sacramento, 95814, USA"


@pytest.mark.parametrize("lead", ["PART B", "Section 2"])
def test_a_section_heading_after_its_part_letter_opens_the_section(lead: str) -> None:
    """ "PART B  Person to contact": the name under it is the contact's, not the patient's."""
    words = layout(
        [
            (300, 150, "Date of birth: 9/5/1971"),
            (400, 150, f"{lead} Person to contact - -"),
            (480, 150, "Name: Kwame Bell"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found.get("emergency_contact_name") == "Kwame Bell"
    assert "patient_name" not in found


def test_the_pad_s_own_doctor_is_the_one_with_a_licence_under_the_name() -> None:
    """A group's blank lists its physicians; the prescriber's name has the licence under it.

    The list's heading ("PHYSICIANS", "Our providers") is no prescriber's label.
    """
    words = layout(
        [
            (100, 150, "Westbrook Medical Group"),
            (180, 150, "PHYSICIANS"),
            (240, 150, "Elena Edwards, M.D."),
            (240, 900, "David Collins, M.D."),
            (300, 150, "Neurology"),
            (300, 900, "Pulmonology"),
            (400, 150, "Ethan Davis, M.D."),
            (460, 150, "Pulmonology State lic. MD408691 NPI # 1854037059"),
            (560, 150, "Patient: Thomas W. Johnson"),
            (640, 150, "Home address: 4719 Aspen Place, Seattle, WA"),
            (740, 150, "Rx"),
            (800, 200, "Pantoprazole 40 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["prescriber"] == "Ethan Davis, M.D."


def test_the_family_doctor_s_telephone_under_its_own_heading_is_no_patient_phone() -> None:
    """A form with no patient telephone: the family doctor's is not taken for it."""
    words = layout(
        [
            (300, 150, "Section 1 PERSONAL DETAILS"),
            (380, 150, "NAME: Mei Scott"),
            (460, 150, "Section 8 YOUR FAMILY DOCTOR"),
            (540, 150, "DOCTOR'S NAME: Dr. Isabel Jackson"),
            (620, 150, "TELEPHONE: 404-555-0107"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Mei Scott"
    assert "phone" not in found


def test_a_status_written_under_its_one_heading_is_the_answer_not_the_past_illness() -> None:
    """ "Measles  No  12/1989  Immune" under "Past illness | Dose | Immune / Not immune"."""
    image = blank()
    columns = [150, 700, 1000, 1400, 2300]
    for index in range(4):
        cv2.line(image, (150, 480 + index * 80), (2300, 480 + index * 80), 0, 2)
    for x in columns:
        cv2.line(image, (x, 480), (x, 720), 0, 2)
    words = layout([(300, 150, "Name: Mei Scott"), (400, 150, "4. Infections and immunity")])
    heads = ("Infection", "Past illness", "Dose", "Immune / Not immune")
    for x, head in zip(columns, heads, strict=False):
        words += row(500, x + 20, head)
    for y, infection, status in ((580, "Chickenpox", "Not immune"), (660, "Measles", "Immune")):
        words += row(y, 170, infection) + row(y, 720, "No") + row(y, 1020, "12/1989")
        words += row(y, 1420, status)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"


def highlight(image: np.ndarray, words: list[Word], level: int = 224) -> None:
    """A highlighter stroke over words: their paper tinted, their letters still dark."""
    box = BBox.union(w.bbox for w in words)
    region = image[box.y0 - 6 : box.y1 + 6, box.x0 - 8 : box.x1 + 8]
    region[region > level] = level


def immunity_rows(image: np.ndarray, marked: dict[str, str]) -> list[Word]:
    """Rows of printed answers, the answer in ``marked`` highlighted on each disease's row."""
    words = layout([(400, 150, "IMMUNITY AND VACCINATION")])
    for index, disease in enumerate(("Chicken pox", "Measles")):
        y = 500 + 90 * index
        words += row(y, 160, disease)
        for x, answer in ((900, "Immune"), (1200, "Not immune"), (1600, "Not sure")):
            printed = row(y, x, answer)
            words += printed
            if marked.get(disease) == answer:
                highlight(image, printed)
    return words


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ({"Chicken pox": "Not immune", "Measles": "Immune"}, ("not immune", "immune")),
        ({"Chicken pox": "Not sure", "Measles": "Not immune"}, (None, "not immune")),
    ],
)
def test_the_printed_answer_a_highlighter_is_drawn_over_is_chosen(
    marked: dict[str, str], expected: tuple[str | None, str | None]
) -> None:
    """A highlighted unsure answer leaves the field out."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, immunity_rows(image, marked), image)
    assert (found.get("chicken_pox"), found.get("measles")) == expected


def test_a_row_highlighted_nowhere_or_evenly_shadowed_answers_nothing() -> None:
    image = blank()
    words = immunity_rows(image, {})
    image[580:700, :] = np.minimum(image[580:700, :], 200)  # a shadow over the measles row
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert "chicken_pox" not in found
    assert "measles" not in found


def test_answers_written_as_codes_are_read_through_the_forms_key() -> None:
    """The key printed once over the rows, or after the row's own box."""
    words = layout(
        [
            (400, 150, "II. Immunity and Vaccination"),
            (
                460,
                160,
                "Enter the code that applies in each box. I = Immune N = Not immune U = Unknown",
            ),
            (540, 160, "Chicken pox"),
            (540, 900, "N"),
            (620, 160, "Measles (rubeola)"),
            (620, 900, "U"),
            (700, 160, "Completed the hepatitis B vaccine series?"),
            (700, 1100, "Y"),
            (700, 1250, "Y = Yes N = No U = Not sure"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["chicken_pox"] == "not immune"
    assert "measles" not in found  # the key's unsure answer
    assert found["hepatitis_b_vaccination"] == "yes"


def test_values_written_in_the_blanks_of_a_sentence_end_where_the_sentence_runs_on() -> None:
    words = layout(
        [
            (400, 150, "VI. Payment"),
            (480, 160, "I am insured with"),
            (480, 520, "Caribbean Alliance Health"),
            (480, 1010, "under policy / membership no.BX-8909-4918"),
            (480, 1850, ". The principal"),
            (560, 160, "member is"),
            (560, 900, "My cover is valid until 05/22/2023"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["insurance_company"] == "Caribbean Alliance Health"
    assert found["policy_number"] == "BX89094918"
    assert found["insurance_expiry"] == "2023-05-22"


def test_a_clause_after_a_semicolon_begins_with_a_label() -> None:
    words = layout(
        [
            (400, 150, "VI. Payment"),
            (480, 160, "Name of the insurance company as shown on the card:"),
            (480, 1150, "GeoBlue"),
            (480, 1500, "; member / policy no."),
            (560, 160, "FMPD S314 ; valid through 17/03/2024 ; principal member"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["insurance_company"] == "GeoBlue"
    assert found["policy_number"] == "FMPDS314"
    assert found["insurance_expiry"] == "2024-03-17"


@pytest.mark.parametrize("dropped", [False, True])
def test_the_highlighted_entry_of_a_refill_row_is_its_answer_even_when_ocr_dropped_it(
    dropped: bool,
) -> None:
    """A highlighter over "0" may make OCR drop it: its place in the row is still tinted."""
    image = blank()
    words = layout([(300, 150, "Rx Sertraline 50 mg"), (400, 150, "Repeats")])
    entries = [row(400, 500 + 120 * i, text) for i, text in enumerate(REFILL_ROW)]
    highlight(image, entries[0])
    for entry in entries[1:] if dropped else entries:
        words += entry
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 0


def test_highlighted_answers_on_a_graying_photocopy_in_rows_close_together_are_read() -> None:
    """A photocopy grays across the page, and the rows over and under a highlighted answer
    may be highlighted at the same place: the tint is told from the paper right round it."""
    image = blank()
    image[:] = np.linspace(255, 200, image.shape[1]).astype(np.uint8)[None, :]
    words = layout([(400, 150, "IMMUNITY AND VACCINATION")])
    for index, disease in enumerate(("Chicken pox", "Measles", "Rubella")):
        y = 480 + 56 * index
        words += row(y, 160, disease)
        for x, answer in ((900, "Immune"), (1200, "Not immune"), (1600, "Not sure")):
            printed = row(y, x, answer)
            words += printed
            if answer == "Immune":
                highlight(image, printed, level=205)
    for word in words:  # the print over the gray
        image[word.bbox.y0 + 10 : word.bbox.y1 - 10, word.bbox.x0 + 4 : word.bbox.x1 - 4 : 9] = 0
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert (found.get("chicken_pox"), found.get("measles")) == ("immune", "immune")


def test_a_code_read_as_its_lookalike_through_a_key_ocr_glued() -> None:
    """ "I= Immune" read with its sign glued; the "I" written in the box read as "1"."""
    words = layout(
        [
            (400, 150, "IMMUNITY AND VACCINATION"),
            (
                460,
                160,
                "Answer by code in the box provided. I= Immune N = Not immune U = Don't know",
            ),
            (540, 160, "Chicken pox"),
            (540, 900, "1"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["chicken_pox"] == "immune"
