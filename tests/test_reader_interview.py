"""The reader on an interview questionnaire.

A research centre's questionnaire prints each closed question's answers as *coding
categories*: the categories one a line, each with its code at the row's end, the answer's code
ringed by the interviewer (OCR often cannot read a ringed digit) or the box after it ticked; the
code column need not keep to its categories' baselines. Open answers are written in the
question's ruled cell under the question.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from medreview.documents import DocumentType
from medreview.model import Word
from medreview.parsing.labelled import CODING_ROW
from medreview.parsing.lists import is_instruction
from tests.test_reader_grids import blank, check_box, read
from tests.wordkit import row

CODE_X = 2000  # where the code column stands


def _ring(image: np.ndarray, word: Word) -> None:
    """A ring drawn by hand round a code."""
    box = word.bbox
    centre = ((box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2)
    cv2.ellipse(image, centre, (box.width + 16, box.height // 2 + 14), 0, 0, 360, 0, 4)


def _question(
    image: np.ndarray,
    top: int,
    number: str,
    wording: list[str],
    categories: list[tuple[str, str]],
    answer: int,
    *,
    shift: int = 0,
    boxes: bool = False,
    read_ringed: bool = False,
) -> list[Word]:
    """A closed question: wording at the left, categories at x 1300, codes ``shift`` px lower.

    The ``answer``-th code is ringed (OCR reads it only when ``read_ringed``), or, with
    ``boxes``, the box after each code is printed and the answer's ticked.
    """
    words = row(top, 200, number)
    for index, line in enumerate(wording):
        words += row(top + 48 * index, 330, line)
    for index, (category, code) in enumerate(categories):
        y = top + 48 * index
        words += row(y, 1300, category)
        code_words = row(y + shift, CODE_X, code)
        if boxes:
            check_box(image, CODE_X + 34, y + shift, ticked=index == answer)
            words += code_words
        elif index == answer:
            _ring(image, code_words[0])
            words += code_words if read_ringed else []
        else:
            words += code_words
    return words


IMMUNITY = [("IMMUNE", "1"), ("NOT IMMUNE", "2"), ("NOT SURE", "8")]
YES_NO = [("YES", "1"), ("NO", "2"), ("NOT SURE", "8")]


def _history(image: np.ndarray, answers: tuple[int, int, int], **drawing: object) -> list[Word]:
    chickenpox = ["Has a doctor told you that you are", "immune to chickenpox (varicella)?"]
    measles = ["Has a doctor told you that you are", "immune to measles?"]
    hepatitis = ["Have you received all the doses of", "the hepatitis B vaccine?"]
    return [
        *row(1000, 200, "3. MEDICAL HISTORY"),
        *_question(image, 1100, "301.", chickenpox, IMMUNITY, answers[0], **drawing),  # type: ignore[arg-type]
        *_question(image, 1300, "302.", measles, IMMUNITY, answers[1], **drawing),  # type: ignore[arg-type]
        *_question(image, 1500, "303.", hepatitis, YES_NO, answers[2], **drawing),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("shift", [0, 30])
def test_a_ringed_code_ocr_did_not_read_answers_its_category(shift: int) -> None:
    """The ringed code is missing from OCR's words; its place is found from the other codes."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _history(image, (0, 1, 1), shift=shift), image)
    assert found["chicken_pox"] == "immune"
    assert found["measles"] == "not immune"
    assert found["hepatitis_b_vaccination"] == "no"


def test_a_ringed_code_ocr_read_answers_its_category() -> None:
    image = blank()
    words = _history(image, (1, 0, 0), shift=30, read_ringed=True)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"
    assert found["hepatitis_b_vaccination"] == "yes"


def test_the_ticked_box_after_a_code_answers_its_category() -> None:
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _history(image, (1, 0, 1), boxes=True), image)
    assert found["chicken_pox"] == "not immune"
    assert found["measles"] == "immune"
    assert found["hepatitis_b_vaccination"] == "no"


def test_the_unsure_code_ringed_leaves_the_field_out() -> None:
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _history(image, (2, 0, 2)), image)
    assert "chicken_pox" not in found
    assert found["measles"] == "immune"
    assert "hepatitis_b_vaccination" not in found


def test_an_interviewers_order_in_capitals_is_no_entry() -> None:
    assert is_instruction(row(100, 100, "RECORD ALL MENTIONED."))
    assert is_instruction(row(100, 100, "PROBE FOR MIDDLE INITIAL."))
    assert not is_instruction(row(100, 100, "LATEX, IBUPROFEN"))


def _question_in_cell(heading: str, number: str, lines: list[tuple[int, str]]) -> dict[str, object]:
    """A numbered question and the ``(y, text)`` lines under it in one ruled cell, read."""
    image = blank()
    cv2.rectangle(image, (150, 980), (2400, lines[-1][0] + 100), 0, 3)
    words = [*row(900, 200, heading), *row(1000, 200, number)]
    words += [w for y, text in lines for w in row(y, 330, text)]
    return read(DocumentType.PATIENT_DETAILS, words, image)


def test_a_questions_lead_in_before_its_label_is_no_value_in_its_cell() -> None:
    """ "What is this person's address?" in a ruled cell, the address written under it."""
    found = _question_in_cell(
        "2. PERSON TO CONTACT",
        "203.",
        [(1000, "What is this person's address?"), (1100, "93 Maple Ln, Burlington, VT 05401")],
    )
    assert found["emergency_contact_address"] == "93 Maple Ln, Burlington, VT 05401"


def _conditions(image: np.ndarray, answer: int, written: str | None) -> list[Word]:
    """The filter question, then the conditions written under "Which conditions?"."""
    asked = ["Do you have any ongoing medical problems, for example", "asthma or headaches?"]
    words = [
        *row(1000, 200, "C. MEDICAL HISTORY"),
        *_question(image, 1100, "C3.", asked, [("YES", "1"), ("NO", "2")], answer),
        *row(1260, 200, "C4."),
        *row(1260, 330, "Which conditions?"),
        *row(1310, 330, "RECORD ALL MENTIONED."),
        *row(1530, 200, "D. BODY MEASUREMENTS"),
        *row(1600, 330, "WEIGHT"),
        *row(1600, 1500, "72"),
    ]
    return words + (row(1400, 340, written) if written else [])


def test_a_lists_filter_question_answered_no_is_the_empty_list() -> None:
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _conditions(image, 1, None), image)
    assert found["medical_problems"] == []


def test_the_list_under_its_filter_question_ends_at_the_next_sections_title() -> None:
    """Neither the instruction over the entries nor the next section's title is an entry."""
    image = blank()
    found = read(DocumentType.PATIENT_DETAILS, _conditions(image, 0, "Gout, Asthma"), image)
    assert found["medical_problems"] == ["Gout", "Asthma"]


def test_an_instruction_under_the_question_is_no_part_of_the_answer() -> None:
    found = _question_in_cell(
        "A. ABOUT THE PARTICIPANT",
        "A4.",
        [
            (1000, "What is your home address?"),
            (1050, "WHERE WE CAN SEND STUDY MAIL."),
            (1150, "48 Jefferson St, Raleigh, NC 27601"),
        ],
    )
    assert found["address"] == "48 Jefferson St, Raleigh, NC 27601"


@pytest.mark.parametrize("text", ["NO 2 END", "YES 1 -> D1", "NO X F3", "DON'T KNOW 8"])
def test_a_coding_category_is_no_entry_of_a_list(text: str) -> None:
    assert CODING_ROW.match(text)


def test_an_entry_is_no_coding_category() -> None:
    assert not CODING_ROW.match("Nortriptyline 10 mg")
    assert not CODING_ROW.match("Latex")


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_shared_name_caption_belongs_to_the_question_of_its_row(wrapped: bool) -> None:
    """The contact question's "NAME" caption gives the contact, not the participant."""
    asked = ["If we cannot reach you, or in an emergency, whom should we", "contact?"]
    if not wrapped:
        asked = [" ".join(asked)]
    words = [
        *row(700, 200, "1. ABOUT THE PARTICIPANT"),
        *row(800, 200, "101."),
        *row(800, 330, "What is your name?"),
        *row(800, 1400, "Linda Murphy"),
        *row(900, 200, "2. ALTERNATE CONTACT"),
        *row(1000, 200, "201."),
        *[w for i, line in enumerate(asked) for w in row(1000 + 45 * i, 330, line)],
        *row(1000, 1800, "NAME"),
        *row(1000, 1920, "Joseph Murphy"),
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["patient_name"] == "Linda Murphy"
    assert found["emergency_contact_name"] == "Joseph Murphy"


def test_the_record_date_is_the_last_visit_in_the_row_of_attempts() -> None:
    words = [
        *row(450, 200, "INTERVIEWER VISITS"),
        *row(450, 700, "ATTEMPT 1"),
        *row(450, 1300, "ATTEMPT 2"),
        *row(500, 200, "DATE"),
        *row(500, 700, "05.08.2019"),
        *row(500, 1300, "22.08.2019"),
        *row(550, 200, "RESULT CODE*"),
        *row(550, 700, "3"),
        *row(550, 1300, "1"),
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["record_date"] == "2019-08-22"


def test_an_instruction_after_the_question_on_its_line_is_no_answer() -> None:
    words = [
        *row(1000, 200, "E2."),
        *row(1000, 330, "What is the name of your insurance company?"),
        *row(1050, 330, "ASK TO SEE CARD."),
    ]
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert "insurance_company" not in found


@pytest.mark.parametrize("answers", [(0, 1), (1, 0)])
def test_a_ringed_code_under_the_grids_category_heads_answers_its_item(
    answers: tuple[int, int],
) -> None:
    """Codes under IMMUNE / NOT IMMUNE / DK heads; the ringed one is unread by OCR."""
    image = blank()
    heads = [(1300, "IMMUNE"), (1600, "NOT IMMUNE"), (1950, "DK")]
    words = [
        *row(1000, 200, "C. MEDICAL HISTORY"),
        *row(1100, 200, "C1."),
        *row(1100, 330, "Has a doctor told you that you are"),
        *[w for x, head in heads for w in row(1100, x, head)],
        *row(1150, 330, "immune to:"),
    ]
    for top, item, answer in (
        (1250, "a) CHICKENPOX", answers[0]),
        (1330, "b) MEASLES", answers[1]),
    ):
        words += row(top, 350, item)
        for index, (x, head) in enumerate(heads):
            middle = (row(0, x, head)[0].bbox.x0 + row(0, x, head)[-1].bbox.x1) // 2
            code = row(top, middle - 9, ("1", "2", "8")[index])
            if index == answer:
                _ring(image, code[0])
            else:
                words += code
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    meanings = ("immune", "not immune")
    assert found["chicken_pox"] == meanings[answers[0]]
    assert found["measles"] == meanings[answers[1]]


@pytest.mark.parametrize(("codes", "expected"), [("3 1", "2019-06-01"), ("1 6", "2019-05-25")])
def test_the_record_date_is_the_completed_attempts(codes: str, expected: str) -> None:
    """A strip of visits: the date over the result code its key calls completed."""
    words = row(300, 150, "VISIT RECORD") + row(300, 700, "VISIT 1") + row(300, 1300, "VISIT 2")
    words += row(360, 150, "DATE") + row(360, 700, "25 May 2019") + row(360, 1300, "1 Jun 2019")
    first, second = codes.split()
    words += row(420, 150, "RESULT CODE*") + row(420, 760, first) + row(420, 1360, second)
    words += row(480, 150, "*CODES: 1 COMPLETED 2 NO ONE AT HOME 3 RESCHEDULED 6 OTHER")
    words += row(600, 150, "101. What is your name? Linda Murphy")
    found = read(DocumentType.PATIENT_DETAILS, words, blank())
    assert found["record_date"] == expected
