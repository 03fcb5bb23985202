from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from medreview.documents import fields_of
from tests.ui.conftest import TODAY
from ui.confidence import Level
from ui.evidence import PreparedDocument
from ui.field_form import FieldForm


@pytest.fixture
def form(qtbot: QtBot, sample: Callable[..., PreparedDocument]) -> FieldForm:
    widget = FieldForm()
    qtbot.addWidget(widget)
    widget.resize(480, 700)
    doc = sample("rx_0001")
    widget.set_document("prescription", doc.result.fields, today=TODAY)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_one_editor_per_field_filled_and_coloured(form: FieldForm) -> None:
    assert form.field_names == [s.name for s in fields_of("prescription")]
    assert isinstance(form.editor("medicines"), QPlainTextEdit)
    assert isinstance(form.editor("date"), QLineEdit)
    assert form.text("medicines") == "Amoxicillin 500 mg\nIbuprofen 400 mg"
    assert form.text("refills") == "2"
    for name in form.field_names:
        assert form.text(name), name
    assert form.level("prescriber") is Level.HIGH
    assert form.level("patient_address") is Level.MEDIUM
    assert form.level("medicines") is Level.LOW
    tip = form.editor("patient_name").toolTip()
    assert "Helen 0kafor" in tip and "Corrected to: Helen Okafor" in tip and "91%" in tip
    assert form.is_valid()


def test_enum_fields_are_combo_boxes(qtbot: QtBot, sample: Callable[..., PreparedDocument]) -> None:
    widget = FieldForm()
    qtbot.addWidget(widget)
    doc = sample("pd_0001")
    widget.set_document("patient_details", doc.result.fields, today=TODAY)
    combo = widget.editor("measles")
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "not immune"
    assert widget.values()["has_insurance"] == "yes"
    assert widget.values()["hepatitis_b_vaccination"] is None


def test_typing_validates_and_marks_edited(qtbot: QtBot, form: FieldForm) -> None:
    editor = form.editor("date")
    assert isinstance(editor, QLineEdit)
    form.focus_field("date")
    editor.selectAll()
    with qtbot.waitSignal(form.fieldEdited) as blocker:
        qtbot.keyClicks(editor, "2031-01-01")
    assert blocker.args[0] == "date"
    assert "future" in form.errors()["date"].lower()
    assert not form.is_valid()
    assert editor.property("invalid") == "true"
    editor.selectAll()
    qtbot.keyClicks(editor, "2023-02-30")
    assert "date" in form.errors()
    editor.selectAll()
    qtbot.keyClicks(editor, "3/15/2023")
    assert form.errors() == {}
    assert form.values()["date"] == "2023-03-15"
    assert form.level("date") is Level.EDITED
    assert form.edited_values() == {"date": "2023-03-15"}


@pytest.mark.parametrize(
    ("field", "text", "ok"),
    [("refills", "12", False), ("refills", "11", True), ("refills", "PRN", True)],
)
def test_refills_rule(qtbot: QtBot, form: FieldForm, field: str, text: str, ok: bool) -> None:
    editor = form.editor(field)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    assert (field not in form.errors()) is ok


def test_phone_and_policy_rules(qtbot: QtBot, sample: Callable[..., PreparedDocument]) -> None:
    widget = FieldForm()
    qtbot.addWidget(widget)
    widget.set_document("patient_details", sample("pd_0001").result.fields, today=TODAY)
    phone, policy = widget.editor("phone"), widget.editor("policy_number")
    assert isinstance(phone, QLineEdit) and isinstance(policy, QLineEdit)
    phone.selectAll()
    qtbot.keyClicks(phone, "555-01")
    policy.selectAll()
    qtbot.keyClicks(policy, "48-20 19")
    errors = widget.errors()
    assert "phone" in errors
    assert "policy_number" not in errors  # the core keeps letters and digits only
    assert widget.values()["policy_number"] == "482019"
    phone.selectAll()
    qtbot.keyClicks(phone, "415 555 0100")
    assert widget.errors() == {}
    assert widget.values()["phone"] == "(415) 555-0100"


def test_undo_redo_across_typing_and_picks(qtbot: QtBot, form: FieldForm) -> None:
    editor = form.editor("patient_name")
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.end(False)
    qtbot.keyClicks(editor, "-Ade")
    assert form.text("patient_name") == "Helen Okafor-Ade"
    form.set_field_text("refills", "3")
    assert form.undo_stack.count() == 2  # the typing merged into one step
    form.undo_stack.undo()
    assert form.text("refills") == "2"
    form.undo_stack.undo()
    assert form.text("patient_name") == "Helen Okafor"
    assert form.level("patient_name") is Level.HIGH
    form.undo_stack.redo()
    assert editor.text() == "Helen Okafor-Ade"


def test_f8_visits_every_field_still_to_check(form: FieldForm) -> None:
    # No second reading was made: even the green fields wait for the analyst.
    assert form.doubtful_fields() == form.field_names
    form.focus_field("prescriber")
    assert form.focus_next_doubtful() == "patient_name"
    assert form.focused_field == "patient_name"


def test_enter_confirms_marks_and_moves_on(qtbot: QtBot, form: FieldForm) -> None:
    form.focus_field("prescriber")
    with qtbot.waitSignal(form.fieldsConfirmed) as blocker:
        qtbot.keyClick(form.editor("prescriber"), Qt.Key.Key_Return)
    assert blocker.args == [["prescriber"]]
    assert form.is_confirmed("prescriber")
    assert form.editor("prescriber").property("checked") == "true"
    assert form.badge_text("prescriber").startswith("✓")
    assert "prescriber" not in form.doubtful_fields()
    assert form.focused_field == "patient_name"
    assert f"{len(form.field_names) - 1} to check" in form.summary_text()
    form.focus_field("medicines")  # Enter in a list field confirms it too
    qtbot.keyClick(form.editor("medicines"), Qt.Key.Key_Return)
    assert form.is_confirmed("medicines")
    assert form.text("medicines") == "Amoxicillin 500 mg\nIbuprofen 400 mg"
    form.focus_field("prescriber")
    assert form.focus_next_doubtful() == "patient_name"  # F8 skips what is confirmed


def test_an_invalid_field_cannot_be_confirmed(qtbot: QtBot, form: FieldForm) -> None:
    editor = form.editor("refills")
    assert isinstance(editor, QLineEdit)
    form.focus_field("refills")
    qtbot.keyClicks(editor, "15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "refills" in form.doubtful_fields()
    assert form.focused_field == "refills"


def test_shift_enter_adds_a_line_to_a_list(qtbot: QtBot, form: FieldForm) -> None:
    editor = form.editor("medicines")
    assert isinstance(editor, QPlainTextEdit)
    form.focus_field("medicines")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "Cetirizine 10 mg")
    assert form.values()["medicines"] == [
        "Amoxicillin 500 mg",
        "Ibuprofen 400 mg",
        "Cetirizine 10 mg",
    ]


def test_f8_selects_the_value_as_tab_does(qtbot: QtBot, form: FieldForm) -> None:
    """Defect 7: after F8 typing 172 into 171 gave 172171."""
    form.focus_field("date")
    form.focus_next_doubtful()
    assert form.focused_field == "patient_address"
    editor = form.editor("patient_address")
    assert isinstance(editor, QLineEdit)
    assert editor.selectedText() == form.text("patient_address")
    qtbot.keyClicks(editor, "1 Elm St")
    assert form.text("patient_address") == "1 Elm St"


def test_a_typed_date_is_shown_as_stored(qtbot: QtBot, form: FieldForm) -> None:
    """Defect 6: a typed 09/10/2022 was stored as 2022-09-10 but kept showing as typed."""
    editor = form.editor("date")
    assert isinstance(editor, QLineEdit)
    form.focus_field("date")
    qtbot.keyClicks(editor, "09/10/2022")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert form.values()["date"] == "2022-09-10"
    assert editor.text() == "2022-09-10"
    assert form.text("date") == "2022-09-10"


def test_a_typed_phone_is_shown_as_stored(
    qtbot: QtBot, sample: Callable[..., PreparedDocument]
) -> None:
    widget = FieldForm()
    qtbot.addWidget(widget)
    widget.set_document("patient_details", sample("pd_0001").result.fields, today=TODAY)
    widget.show()
    qtbot.waitExposed(widget)
    phone = widget.editor("phone")
    assert isinstance(phone, QLineEdit)
    widget.focus_field("phone")
    qtbot.keyClicks(phone, "415 555 0100")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert phone.text() == "(415) 555-0100"
    assert widget.is_confirmed("phone")


def test_tab_past_the_last_field_wraps_to_the_first(qtbot: QtBot, form: FieldForm) -> None:
    """Defect 8: Tab past the last field fell into the queue list."""
    last, first = form.field_names[-1], form.field_names[0]
    form.focus_field(last)
    qtbot.keyClick(form.editor(last), Qt.Key.Key_Tab)
    assert form.focused_field == first
    assert form.editor(first).hasFocus()
    qtbot.keyClick(form.editor(first), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert form.focused_field == last


def test_the_focused_field_is_marked(form: FieldForm) -> None:
    """Defect 8: the focused field had no visible marker."""
    form.focus_field("date")
    assert form.editor("date").property("current") == "true"
    assert form.label_text("date").startswith("▶")
    form.focus_field("refills")
    assert form.editor("date").property("current") == "false"
    assert not form.label_text("date").startswith("▶")


def test_disagreement_shows_both_readings_and_one_key_takes_either(
    qtbot: QtBot, sample: Callable[..., PreparedDocument]
) -> None:
    fields = dict(sample("rx_0001").result.fields)
    fields["prescriber"] = replace(
        fields["prescriber"], agreement=False, second_reading="Dr. Maria Gonzales"
    )
    fields["date"] = replace(fields["date"], agreement=True, confidence=0.95)
    widget = FieldForm()
    qtbot.addWidget(widget)
    widget.set_document("prescription", fields, today=TODAY)
    widget.show()
    qtbot.waitExposed(widget)
    first = widget.text("prescriber")
    assert widget.disagreement("prescriber") == (first, "Dr. Maria Gonzales")
    assert widget.level("prescriber") is Level.MEDIUM  # 93% but doubtful: readers disagree
    assert "Dr. Maria Gonzales" in widget.second_reading_text("prescriber")
    assert "1 disagreeing" in widget.summary_text()
    widget.focus_field("prescriber")
    qtbot.keyClick(widget.editor("prescriber"), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert widget.text("prescriber") == "Dr. Maria Gonzales"
    assert widget.is_checked("prescriber")
    widget.undo_stack.undo()
    assert widget.text("prescriber") == first
    widget.focus_field("prescriber")
    qtbot.keyClick(widget.editor("prescriber"), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert widget.text("prescriber") == first
    assert widget.is_confirmed("prescriber")
    # confirm all agreeing fields: only the field both readers read alike
    assert widget.agreeing_fields() == ["date"]
    with qtbot.waitSignal(widget.fieldsConfirmed) as blocker:
        widget.confirm_agreeing()
    assert blocker.args == [["date"]]
    assert widget.is_confirmed("date")


def test_a_word_names_an_enum_choice(qtbot: QtBot, sample: Callable[..., PreparedDocument]) -> None:
    widget = FieldForm()
    qtbot.addWidget(widget)
    widget.set_document("patient_details", sample("pd_0001").result.fields, today=TODAY)
    assert widget.choice_for("measles", "IMMUNE") == "immune"
    assert widget.choice_for("measles", "Not immune") == "not immune"
    assert widget.choice_for("measles", "Okafor") is None
    assert widget.choice_for("has_insurance", "YES") == "yes"


def test_tab_order_follows_the_fields(qtbot: QtBot, form: FieldForm) -> None:
    form.focus_field("prescriber")
    seen = []
    for _ in range(3):
        qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_Tab)
        seen.append(form.focused_field)
    assert seen == ["patient_name", "date", "patient_address"]
    qtbot.keyClick(
        form.focusWidget() or form, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert form.focused_field == "date"
