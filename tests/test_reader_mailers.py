"""The reader on a mailed medication schedule.

A cardiology practice mails its patients a prescription and medication schedule: the patient's
name and address in the mailer's address window with no label, and a schedule table whose
columns after the medicine are the times of day, holding the number of tablets.
"""

from __future__ import annotations

from medreview.documents import DocumentType
from medreview.model import Word
from tests.test_reader_grids import blank, read
from tests.wordkit import layout


def _schedule(name: list[str]) -> list[Word]:
    """A mailed medication schedule, the patient in the address window."""
    window = [(400 + 80 * i, 250, line) for i, line in enumerate(name)]
    return layout(
        [
            (110, 300, "Mercy Park Cardiology Associates"),
            (170, 300, "Heart failure and rhythm clinic"),
            (210, 300, "12 Juniper Lane, Portland, OR 97201"),
            (250, 300, "Tel 612-555-0131"),
            (330, 230, "Mercy Park Cardiology - 12 Juniper Lane - Portland, OR 97201"),
            *window,
            (410, 1400, "Date issued"),
            (410, 1760, "12/13/2020"),
            (490, 1400, "Patient no."),
            (490, 1760, "MRN 1700442"),
            (780, 170, "Prescription and Medication Schedule"),
            (920, 335, "Drug / strength"),
            (920, 1380, "AM"),
            (920, 1520, "Midday"),
            (920, 1690, "PM"),
            (920, 1820, "Night"),
            (920, 1990, "Qty"),
            (1010, 335, "Atenolol 25 mg tab"),
            (1010, 1830, "1"),
            (1010, 1955, "#180"),
            (1110, 335, "Spironolactone 25 mg tab"),
            (1110, 1380, "1"),
            (1110, 1535, "1"),
            (1110, 1680, "1"),
            (1110, 1970, "#90"),
            (1580, 160, "Instructions: Take Atenolol at bedtime."),
            (2900, 170, "Physician's signature"),
        ]
    )


def test_the_patient_in_a_mailers_address_window_is_read_without_labels() -> None:
    """The name over its street and town; the title under the window is no part of it."""
    words = _schedule(["Ruth Stewart", "1195 Pine Rd", "Albuquerque, NM 87102"])
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["patient_name"] == "Ruth Stewart"
    assert found["patient_address"] == "1195 Pine Rd, Albuquerque, NM 87102"


def test_the_letterhead_is_no_addressee() -> None:
    """A window holding no name leaves the patient out: the practice is not the patient."""
    found = read(DocumentType.PRESCRIPTION, _schedule([]), blank())
    assert "patient_name" not in found
    assert "patient_address" not in found


def test_a_schedules_counts_under_the_times_of_day_are_no_part_of_the_medicine() -> None:
    words = _schedule(["Ruth Stewart", "1195 Pine Rd", "Albuquerque, NM 87102"])
    found = read(DocumentType.PRESCRIPTION, words, blank())
    assert found["medicines"] == ["Atenolol 25 mg tab", "Spironolactone 25 mg tab"]
