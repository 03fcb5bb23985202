from __future__ import annotations

from collections.abc import Callable

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


def test_next_doubtful_cycles_through_low_and_medium(form: FieldForm) -> None:
    assert form.doubtful_fields() == ["patient_address", "medicines"]
    form.focus_field("prescriber")
    assert form.focus_next_doubtful() == "patient_address"
    assert form.focused_field == "patient_address"
    assert form.focus_next_doubtful() == "medicines"
    assert form.focus_next_doubtful() == "patient_address"


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
