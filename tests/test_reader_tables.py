"""The reader on forms of ruled tables: a heading row names each column, the values are written
in the row under it; label wording that runs on past the vocabulary; lists among the form's
own instructions and questions."""

from __future__ import annotations

import cv2
import numpy as np

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields, values
from medreview.parsing.canonical import TextStyle
from medreview.parsing.layout import after_wording, find_labels, page_lines
from medreview.parsing.ocrtext import repair_words
from medreview.parsing.page import build_page
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()
WIDTH, HEIGHT = 2550, 3300


def read(document_type: DocumentType, words: list[Word], image: np.ndarray | None = None):
    images = [image] if image is not None else None
    outcome = parse_fields(document_type, [ocr_page(words)], CONFIG, images)
    return {name: result.value for name, result in outcome.fields.items()}


def table_image(top: int, columns: list[int], *, value_row: bool = True) -> np.ndarray:
    """A heading row 60 px high over a value row 100 px high, ruled at ``columns``' edges.

    Without ``value_row`` the value row's bottom line is missing (not found: handwriting
    over it, a photo's perspective), so no cell closes round the values.
    """
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for y in (top, top + 60, top + 160) if value_row else (top, top + 60):
        cv2.line(image, (columns[0], y), (columns[-1], y), 0, 3)
    for x in columns:
        cv2.line(image, (x, top), (x, top + 160), 0, 3)
    return image


def test_a_name_in_parts_under_a_heading_row_is_joined_given_names_first() -> None:
    words = layout(
        [
            (400, 200, "Your details"),
            (515, 220, "LAST NAME"),
            (515, 920, "FIRST NAME"),
            (515, 1620, "MIDDLE INITIAL"),
            (590, 230, "Rossi"),
            (590, 930, "Robert"),
            (590, 1630, "H."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, table_image(500, [200, 900, 1600, 2300]))
    assert found["patient_name"] == "Robert H. Rossi"


def test_an_address_label_heads_the_parts_printed_beside_it() -> None:
    """ "Home address | City, state, ZIP | Country": the street under the field's own label."""
    words = layout(
        [
            (400, 200, "Your details"),
            (515, 220, "HOME ADDRESS"),
            (515, 1020, "CITY, STATE, ZIP"),
            (515, 1820, "COUNTRY"),
            (590, 230, "976 Orchard St"),
            (590, 1030, "Honolulu, HI 96813"),
            (590, 1830, "USA"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, table_image(500, [200, 1000, 1800, 2350]))
    assert found["address"] == "976 Orchard St, Honolulu, HI 96813, USA"


def test_the_value_under_a_heading_cell_whose_own_lines_were_not_found() -> None:
    words = layout(
        [
            (515, 220, "TODAY'S DATE"),
            (515, 1020, "HT. (CM)"),
            (580, 230, "25/10/2019"),
            (580, 1030, "169"),
        ]
    )
    image = table_image(500, [200, 1000, 1800], value_row=False)
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["record_date"] == "2019-10-25"
    assert found["height"] == 169


def test_a_label_s_wording_that_runs_on_is_no_value() -> None:
    """ "Name of traveler" and "ALLERGIES AND REACTIONS" end in words no value starts with."""
    assert [w.text for w in after_wording(row(0, 0, "of traveler"))] == []
    assert [w.text for w in after_wording(row(0, 0, "we should know about: Gout"))] == ["Gout"]
    assert [w.text for w in after_wording(row(0, 0, "Maria Lopez"))] == ["Maria", "Lopez"]
    # a question's examples or aside in brackets: wording to its colon, its bracket or a label
    assert [w.text for w in after_wording(row(0, 0, "(e.g. diabetes, asthma)? Gout"))] == ["Gout"]
    assert [w.text for w in after_wording(row(0, 0, "(e.g. diabetes, sickle"))] == []
    assert [w.text for w in after_wording(row(0, 0, "(medicines, foods,"))] == []
    assert [w.text for w in after_wording(row(0, 0, "(first & last) Sam Chen"))] == ["Sam", "Chen"]
    assert [w.text for w in after_wording(row(0, 0, "(876) 555-0177"))] == ["(876)", "555-0177"]
    words = layout(
        [
            (400, 200, "Your details"),
            (515, 220, "Name of traveler"),
            (590, 230, "Jacob Roberts"),
            (800, 200, "ALLERGIES AND REACTIONS"),
            (880, 200, "Penicillin"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, table_image(500, [200, 1200]))
    assert found["patient_name"] == "Jacob Roberts"
    assert found["allergies"] == ["Penicillin"]


def test_a_list_leaves_out_the_form_s_instructions_and_ends_at_the_next_question() -> None:
    words = layout(
        [
            (500, 200, "Medical conditions we should know about:"),
            (580, 220, "Migraine"),
            (660, 200, "Pregnant or breastfeeding?  Yes  No  Not applicable"),
            (900, 200, "Current medications"),
            (960, 200, "List every medicine you take regularly, one per line."),
            (1040, 220, "Omeprazole"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["medical_problems"] == ["Migraine"]
    assert found["regular_medication"] == ["Omeprazole"]


def test_a_form_s_title_or_heading_is_nobody_s_name() -> None:
    assert values.name_fit("ORDER FORM") == 0.0
    assert values.name_fit("SECOND PHONE") == 0.0
    assert values.name_fit("Male Female") == 0.0
    assert values.name_fit("Emma Cooper") == 1.0
    words = layout(
        [
            (150, 1500, "PHYSICIAN ORDER FORM"),
            (500, 200, "Prescriber name: Emma Cooper, M.D."),
            (600, 200, "Patient name: Michael Cooper"),
            (800, 200, "Rx Cetirizine 10 mg"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words)["prescriber"] == "Emma Cooper, M.D."


def test_another_type_s_longer_label_is_not_this_type_s_shorter_one() -> None:
    """ "Drug allergies:" on a prescription is no "Drug" label of its medicines."""
    words = layout(
        [
            (500, 200, "Patient name: Michael Cooper"),
            (600, 200, "Drug allergies: NKDA"),
            (800, 200, "Drug name / strength"),
            (870, 220, "Cetirizine 10 mg"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words)["medicines"] == ["Cetirizine 10 mg"]


def test_a_table_heading_s_words_are_no_medicine() -> None:
    """ "Medication & dose" over the drug column: "dose" is a word the lexicon knows, no drug."""
    assert values.medicine_fit("dose") == 0.0
    assert values.medicine_fit("Cetirizine") == 1.0
    words = layout(
        [
            (500, 200, "Patient name: Michael Cooper"),
            (800, 300, "Medication & dose"),
            (880, 300, "Naproxen 500 mg"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words)["medicines"] == ["Naproxen 500 mg"]


def test_a_column_ends_where_a_cell_of_another_table_begins() -> None:
    """An address's column under its heading does not run on into the next table's cells."""
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    # the address table: one full-width column; the trip table below: two narrower columns
    for y in (500, 560, 660):
        cv2.line(image, (200, y), (2300, y), 0, 3)
    for x in (200, 2300):
        cv2.line(image, (x, 500), (x, 660), 0, 3)
    for y in (700, 760, 860):
        cv2.line(image, (200, y), (2300, y), 0, 3)
    for x in (200, 1200, 2300):
        cv2.line(image, (x, 700), (x, 860), 0, 3)
    words = layout(
        [
            (400, 200, "Emergency contact"),
            (515, 220, "ADDRESS"),
            (590, 230, "588 Chestnut Road, Albuquerque, NM 87102"),
            (715, 220, "WHERE ARE YOU GOING?"),
            (790, 230, "Colombia"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words, image)
    assert found["emergency_contact_address"] == "588 Chestnut Road, Albuquerque, NM 87102"


def test_a_choice_label_s_wording_fills_its_cell_and_the_answer_is_past_it() -> None:
    """ "Measles, mumps, rubella" fills the first cell; the ticked box is in the next."""
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for y in (1000, 1100):
        cv2.line(image, (200, y), (2300, y), 0, 3)
    for x in (200, 900, 2300):
        cv2.line(image, (x, 1000), (x, 1100), 0, 3)
    boxes = (950, 1400, 1900)  # before "Immune", "Not immune", "Not sure"
    for x in boxes:
        cv2.rectangle(image, (x, 1030), (x + 40, 1070), 0, 3)
    x = boxes[1]  # "Not immune" crossed
    cv2.line(image, (x, 1030), (x + 40, 1070), 0, 6)
    cv2.line(image, (x + 40, 1030), (x, 1070), 0, 6)
    words = [
        *row(1025, 220, "Measles, mumps, rubella"),
        *row(1025, 1010, "Immune"),
        *row(1025, 1460, "Not immune"),
        *row(1025, 1960, "Not sure"),
    ]
    assert read(DocumentType.PATIENT_DETAILS, words, image)["measles"] == "not immune"


def tall_row(y: int, x: int, text: str) -> list[Word]:
    """Words as PP-OCR boxes them: well above and below the letters (72 px at 300 dpi)."""
    words = []
    for token in text.split():
        words.append(Word(token, 0.95, BBox(x, y, x + 30 * len(token), y + 72)))
        x += 30 * len(token) + 20
    return words


def test_numbers_under_a_table_s_other_headings_are_no_part_of_the_medicine() -> None:
    """ "Qty | Days' supply" over the numbers of each medicine's row, close beside the drug."""
    words = [
        *row(500, 200, "Patient name: Michael Cooper"),
        *tall_row(800, 270, "Item"),
        *tall_row(800, 790, "Qty"),
        *tall_row(800, 900, "Days' supply"),
        *tall_row(900, 200, "Rx Quetiapine 25 mg"),
        *tall_row(900, 800, "90"),
        *tall_row(900, 920, "14"),
    ]
    assert read(DocumentType.PRESCRIPTION, words)["medicines"] == ["Quetiapine 25 mg"]


def test_a_ticked_box_not_found_as_one_leaves_the_empty_ones_undecided() -> None:
    """ "[✓] Immune  [ ] Not immune  [ ] Don't know": the ticked box shares its cell's line.

    Only the two empty boxes are found; they do not decide that nothing is ticked, and the
    tick's ink before "Immune" does.
    """
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for y in (1000, 1100):
        cv2.line(image, (200, y), (2300, y), 0, 3)
    for x in (200, 690, 2300):
        cv2.line(image, (x, 1000), (x, 1100), 0, 3)
    cv2.rectangle(image, (690, 1028), (726, 1064), 0, 3)  # on the cell's line: no box found
    cv2.line(image, (696, 1045), (708, 1062), 0, 6)
    cv2.line(image, (708, 1062), (730, 1010), 0, 6)
    for x in (950, 1250):  # before "Not immune" and "Don't know", empty
        cv2.rectangle(image, (x, 1028), (x + 36, 1064), 0, 3)
    words = [
        *row(1025, 220, "Measles / MMR"),
        *row(1025, 740, "Immune"),
        *row(1025, 1000, "Not immune"),
        *row(1025, 1300, "Don't know"),
    ]
    assert read(DocumentType.PATIENT_DETAILS, words, image)["measles"] == "immune"


def test_a_label_s_last_word_must_match_too() -> None:
    """ "ARE YOU IMMUNE?" is close to "Are you insured?" over all, not in its last word."""
    labels = {"Are you insured?": ("Are you insured?",), "Policy Number": ("Policy Number",)}
    immune = page_lines([ocr_page(row(500, 200, "ARE YOU IMMUNE?"))])
    assert find_labels(immune, labels) == []
    damaged = page_lines([ocr_page(row(500, 200, "Policy Nuniber: 4821"))])
    assert [m.key for m in find_labels(damaged, labels)] == ["Policy Number"]


def test_numbered_rows_under_the_form_s_instruction_run_on_to_the_last() -> None:
    words = layout(
        [
            (600, 200, "REGULAR MEDICINES"),
            (680, 200, "List every medicine you take regularly, one per line."),
            (760, 200, "1. Salbutamol"),
            (850, 200, "2. Topiramate"),
            (940, 200, "3. Acetaminophen"),
            (1030, 200, "4."),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["regular_medication"] == ["Salbutamol", "Topiramate", "Acetaminophen"]


def test_a_phone_heading_in_the_emergency_section_is_the_contact_s() -> None:
    words = layout(
        [
            (400, 200, "Who should we call in an emergency?"),
            (480, 220, "CONTACT'S NAME"),
            (480, 1000, "PRIMARY PHONE"),
            (550, 230, "Kevin Mensah"),
            (550, 1010, "(860) 555-0111"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["emergency_contact_phone"] == "(860) 555-0111"
    assert "phone" not in found


def test_a_ticked_box_ocr_took_into_the_question_s_last_word_still_answers() -> None:
    """ "Series done?☑ Yes ☐ No ☐ Unknown": OCR's box of "done?" runs over the first box."""
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for x in (620, 900, 1150):  # before "Yes", "No", "Unknown"
        cv2.rectangle(image, (x, 1028), (x + 36, 1064), 0, 3)
    cv2.line(image, (626, 1045), (638, 1060), 0, 6)  # the tick in the first
    cv2.line(image, (638, 1060), (652, 1032), 0, 6)
    done = Word("done?", 0.95, BBox(480, 1025, 668, 1061))
    words = [
        *row(1025, 220, "Hep B"),
        *row(1025, 370, "Series"),
        done,
        *row(1025, 670, "Yes"),
        *row(1025, 950, "No"),
        *row(1025, 1200, "Unknown"),
    ]
    assert read(DocumentType.PATIENT_DETAILS, words, image)["hepatitis_b_vaccination"] == "yes"


def test_refills_written_in_their_column_under_rf() -> None:
    words = [
        *row(500, 200, "Patient name: Michael Cooper"),
        *row(800, 300, "Drug name / strength"),
        *row(800, 1500, "RF"),
        *row(880, 300, "Cetirizine 10 mg"),
        *row(880, 1500, "3"),
    ]
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for y in (780, 850, 950):
        cv2.line(image, (280, y), (1700, y), 0, 3)
    for x in (280, 1450, 1700):
        cv2.line(image, (x, 780), (x, 950), 0, 3)
    found = read(DocumentType.PRESCRIPTION, words, image)
    assert found["refills"] == 3
    assert found["medicines"] == ["Cetirizine 10 mg"]


def test_an_address_s_own_label_heads_the_labelled_parts_after_it() -> None:
    """ "Address: 833 Hill Terrace  City, state, ZIP: Madison, 53703" is one address."""
    words = layout(
        [
            (500, 200, "Patient name: Hannah Schmidt"),
            (600, 200, "Address: 833 Hill Terrace"),
            (600, 1000, "City, state, ZIP: Madison, 53703"),
            (800, 200, "Rx Cetirizine 10 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words)
    assert found["patient_address"] == "833 Hill Terrace, Madison, 53703"


def test_a_date_under_its_heading_among_the_next_columns_values() -> None:
    """A photo's perspective moves the values' row left: the date is one of its words."""
    words = layout(
        [
            (600, 300, "APPOINTMENT DATE"),
            (670, 200, "14/08/2024 Emily Garcia"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words)["record_date"] == "2024-08-14"


def test_an_answer_after_a_choice_label_is_not_the_label_s_last_word() -> None:
    """ "Varicella / chickenpox Immune": the variant "Varicella (chickenpox) - immune?" must
    not take the written answer as its own last word."""
    words = row(500, 200, "Varicella / chickenpox Immune")
    assert read(DocumentType.PATIENT_DETAILS, words)["chicken_pox"] == "immune"


def test_a_round_capital_read_as_a_circled_one_is_an_o() -> None:
    assert repair_words("Maria ①rtiz", TextStyle.NAME) == "Maria Ortiz"
    assert repair_words("2754 Magnolia Pl, Denver, C①", TextStyle.ADDRESS).endswith("CO")
    assert repair_words("① Main St", TextStyle.ADDRESS) == "① Main St"  # no letter beside it
    assert values.name_fit("YOUR TRIP") == 0.0


def test_substitution_boxes_end_the_directions() -> None:
    """ "Directions (Sig):" left blank: the substitution boxes after it are no directions."""
    words = layout(
        [
            (500, 200, "Patient name: Benjamin Harris"),
            (700, 200, "Rx Glipizide 10 mg"),
            (900, 200, "Directions (Sig):"),
            (980, 200, "Generic OK  Brand medically necessary"),
        ]
    )
    assert "directions" not in read(DocumentType.PRESCRIPTION, words)


def test_words_in_a_column_under_an_address_heading_that_are_no_address_are_not_one() -> None:
    """The claims address left blank: the name in the next row's cell is no address."""
    image = np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)
    for y in (500, 560, 660, 720, 820):
        cv2.line(image, (200, y), (1800, y), 0, 3)
    for x in (200, 1800):
        cv2.line(image, (x, 500), (x, 820), 0, 3)
    words = layout(
        [
            (400, 200, "Health insurance"),
            (515, 220, "CLAIMS ADDRESS"),
            (775, 230, "BENJAMIN DAVIS"),
        ]
    )
    assert "insurance_address" not in read(DocumentType.PATIENT_DETAILS, words, image)


def test_the_rx_mark_glued_to_a_superscript_row_number_is_no_part_of_the_medicine() -> None:
    """PP-OCR reads a small raised row number after the ℞ as a superscript ("Rx¹")."""
    words = layout(
        [
            (500, 200, "Patient name: Ana Mitchell"),
            (800, 300, "Rx\u00b9 Duloxetine 60 mg cap"),
            (880, 300, "2. Nitrofurantoin 100 mg"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words)
    assert found["medicines"] == ["Duloxetine 60 mg cap", "Nitrofurantoin 100 mg"]


def test_an_address_label_over_its_city_state_and_zip_parts_gives_the_street() -> None:
    """ "Home address: 4053 Aspen Ave", then "City: ... St.: UT  Zip code: 84101" under it.

    A blank part whose next line opens with a label ("Session(s):") adds nothing.
    """
    words = layout(
        [
            (300, 150, "ABOUT THE CAMPER"),
            (400, 150, "Name of camper: Daniel Kim"),
            (500, 150, "Home address: 4053 Aspen Ave"),
            (600, 150, "City: Salt Lake City"),
            (600, 1300, "St.: UT"),
            (600, 1760, "Zip code:"),
            (700, 150, "Family phone: 404-555-0155"),
            (700, 1700, "Session(s): 2"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["address"] == "4053 Aspen Ave, Salt Lake City, UT"


def test_a_canadian_address_is_read_from_its_city_province_and_postal_code_cell() -> None:
    """ "City / Prov. / Postal code: Halifax, NS B3J 159": a part of the address, read whole."""
    words = layout(
        [
            (400, 150, "Family name: Scott"),
            (400, 1300, "First name: Joseph"),
            (500, 150, "Address: 313 Jefferson Street"),
            (600, 150, "City / Prov. / Postal code: Halifax, NS B3J 159"),
            (600, 1700, "Country: CANADA"),
            (700, 150, "Home tel.: (306) 555-0142"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["address"] == "313 Jefferson Street, Halifax, NS B3J 1S9, CANADA"


def test_a_section_named_again_by_its_heading_runs_on_past_the_second_heading() -> None:
    """The form's title names the patient's section, and the section's bar names it again.

    The labels under the bar are inside the patient's section, so its "Home phone" is the
    patient's (not the fax number under the title) and the emergency section's is the
    contact's.
    """
    words = layout(
        [
            (150, 150, "Eagle Ridge Day Camp"),
            (150, 1500, "Patient information form"),
            (220, 1500, "Fax 412-555-0170"),
            (400, 150, "PATIENT INFORMATION"),
            (500, 150, "Name: Alan Murphy"),
            (600, 150, "Home phone: 515 555 0152"),
            (800, 150, "EMERGENCY CONTACT"),
            (900, 150, "Name: Noah Roberts"),
            (1000, 150, "Home phone: 617 555 0182"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["phone"] == "(515) 555-0152"
    assert found["emergency_contact_phone"] == "(617) 555-0182"


def test_a_label_left_blank_does_not_take_the_next_rows_label_and_value() -> None:
    """ "Medicines:" left blank over "Food: Eggs": the row under it is its own label's.

    (The blank label is an empty list, as any list left blank after its label.)
    """
    words = layout(
        [
            (400, 150, "Name: Sarah Adams"),
            (900, 150, "ALLERGIES AND REACTIONS"),
            (1000, 150, "Medicines:"),
            (1000, 1300, "Reaction:"),
            (1080, 150, "Food: Eggs"),
            (1080, 1300, "Reaction: hives"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found.get("regular_medication", []) == []


def test_a_medicine_tables_heading_row_and_its_counted_quantities_are_no_medicine() -> None:
    """ "℞  Drug and strength  Quantity" heads the table; "30 TABS" under it is the quantity.

    The ℞ is read as "Px"; a colon read for a strength's decimal point is one.
    """
    words = layout(
        [
            (500, 200, "Patient name: Noah Hill"),
            (700, 200, "Px Drug and strength"),
            (700, 1000, "Quantity"),
            (780, 200, "FUROSEMIDE 40 MG"),
            (780, 1000, "30 TABS"),
            (860, 200, "Amlodipine 2:5 mg tab"),
            (860, 1000, "21 tabs"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words)
    assert found["medicines"] == ["FUROSEMIDE 40 MG", "Amlodipine 2.5 mg tab"]


def test_a_questions_printed_answers_with_an_unsure_one_are_no_insurers_name() -> None:
    """ "... private insurance plan?  Yes  No  Unsure": the insurer is the next row's value."""
    words = layout(
        [
            (300, 150, "Patient name: Nora Bell"),
            (400, 150, "G. Supplementary insurance"),
            (500, 150, "Is your stay paid by a private insurance plan? Yes No Unsure"),
            (600, 150, "Insurance company"),
            (600, 700, "Canada Life"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words)["insurance_company"] == "Canada Life"


def test_a_dates_printed_format_hint_is_no_value_and_no_part_of_one() -> None:
    """ "DOB" with "mm/dd/yyyy" printed small under it, the date written level with the label.

    The hint is the form's: the date is the label's value on its own line, not a line under it.
    """

    def word(text: str, x0: int, y0: int, x1: int, y1: int) -> Word:
        return Word(text, 0.95, BBox(x0, y0, x1, y1))

    words = [
        *row(812, 187, "Surname Bell"),
        word("DOB", 181, 934, 262, 988),
        word("mm/dd/yyyy", 184, 969, 340, 1034),
        word("03/22/1986", 384, 934, 641, 1032),
        word("Age", 1434, 944, 1508, 1018),
        word("M/F", 1867, 940, 1940, 1014),
        word("Female", 1966, 917, 2149, 1026),
    ]
    assert read(DocumentType.PATIENT_DETAILS, words)["birth_date"] == "1986-03-22"
    doc = build_page(DocumentType.PATIENT_DETAILS, [ocr_page(words)], CONFIG, None)
    dob = next(line for line in doc.lines if line.words[0].text == "DOB")
    assert [w.text for w in dob.words][:2] == ["DOB", "03/22/1986"]
    assert not any(w.text == "mm/dd/yyyy" for line in doc.lines for w in line.words)


def test_an_admission_date_on_a_sticker_is_no_birth_date_under_its_label() -> None:
    """ "DOB 2 0ct 1954" over "ADM 10 Dec 2022" on a patient's ID sticker (0ct: OCR's O)."""
    words = layout(
        [
            (150, 1500, "OKAFOR, WEI P."),
            (220, 1500, "MRN 09429333"),
            (290, 1500, "DOB 2 0ct 1954 M"),
            (360, 1500, "ADM 10 Dec 2022 SDS"),
            (600, 150, "NAME Wei P. Okafor"),
            (700, 150, "DOB"),
            (700, 700, "AGE 68"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words)["birth_date"] == "1954-10-02"


def test_a_medication_table_under_its_none_option_lists_its_drug_name_column() -> None:
    """ "MEDICATION LIST", "[ ] I take no medications", then a table headed "Drug name"."""
    words = layout(
        [
            (300, 150, "Name: Sofia Parker"),
            (400, 150, "Health card number: 4526 991 203"),
            (400, 1300, "Vers. code: KT"),
            (600, 150, "6. MEDICATION LIST"),
            (680, 200, "I take no medications"),
            (760, 150, "Drug name"),
            (760, 900, "Dose"),
            (760, 1400, "How often"),
            (840, 150, "Fluoxetine"),
            (840, 900, "40 mg"),
            (840, 1400, "1 daily"),
            (920, 150, "Sumatriptan"),
            (920, 900, "50 mg"),
            (920, 1400, "OD"),
        ]
    )
    found = read(DocumentType.PATIENT_DETAILS, words)
    assert found["regular_medication"] == ["Fluoxetine", "Sumatriptan"]
    assert "insurance_company" not in found  # a health card's number is no insurer


def test_a_name_in_family_name_and_first_and_middle_names_cells_is_read_whole() -> None:
    """ "Family name Evans  First & middle names Hassan": the name is "Hassan Evans"."""
    words = layout(
        [
            (400, 150, "1. About you"),
            (500, 150, "Family name Evans"),
            (500, 1200, "First & middle names Hassan"),
            (600, 150, "Date of birth 21/11/1988"),
        ]
    )
    assert read(DocumentType.PATIENT_DETAILS, words)["patient_name"] == "Hassan Evans"


def test_a_prescriptions_birth_date_is_no_date_of_the_prescription() -> None:
    """ "PATIENT: Jacob Ward  BIRTH DATE: 1949-01-04": the prescription's date is elsewhere."""
    words = layout(
        [
            (300, 150, "PRESCRIPTION"),
            (400, 150, "PATIENT: Jacob Ward"),
            (400, 1200, "BIRTH DATE: 1949-01-04"),
            (600, 150, "Px Gabapentin 600 mg cap"),
            (900, 1500, "2020-05-10"),
            (980, 150, "Signature"),
            (980, 1500, "Date issued"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words).get("date") == "2020-05-10"


def test_the_prescriber_is_typed_after_physician_name_under_the_signature() -> None:
    """ "Signed" over "Physician name: Dr Olivia Ortiz, MD  Reg. no.: 130262"."""
    words = layout(
        [
            (300, 150, "OUTPATIENT PRESCRIPTION"),
            (400, 150, "Name: Thomas Lopez"),
            (600, 150, "Px Escitalopram 20 mg"),
            (900, 150, "Signed"),
            (980, 150, "Physician name: Dr Olivia Ortiz, MD"),
            (980, 1500, "Reg. no.: 130262"),
        ]
    )
    assert read(DocumentType.PRESCRIPTION, words)["prescriber"] == "Dr Olivia Ortiz, MD"


def test_a_claim_forms_physician_is_named_with_dotted_credentials_and_no_dosage_heading() -> None:
    """ "Dosage form" in a medicine table's heading is no directions' label."""
    words = layout(
        [
            (300, 170, "MEDICINE, STRENGTH & DOSAGE FORM"),
            (300, 1500, "QTY"),
            (380, 170, "1. Sertraline 50 mg"),
            (380, 1500, "#14"),
            (700, 170, "Name of physician"),
            (700, 560, "Dr. Aisha Clark, M.B.B.S."),
            (700, 1300, "Registration No. R19865"),
        ]
    )
    found = read(DocumentType.PRESCRIPTION, words)
    assert found["prescriber"] == "Dr. Aisha Clark, M.B.B.S."
    assert found["medicines"] == ["Sertraline 50 mg"]
    assert "directions" not in found
