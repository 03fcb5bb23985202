"""A scripted analyst: verifies a batch of the generated corpus with the keyboard only.

For every document the script does what the README tells an analyst to do:
Ctrl+Shift+A confirms the fields both readers agree on, then for each field
still to check it compares the value shown with the ground truth and presses
Enter when it is right, Alt+2 when the second reading is the right one, and
otherwise corrects it before Enter: a one-line value is mended where it differs
(Home/End, arrows, Delete) or retyped, whichever takes fewer keys, a list is
retyped, a choice is moved to with the arrow keys; a
document read as the wrong type is retyped with Ctrl+T first; Ctrl+Enter
submits. Keystrokes are counted by the window itself (and stored with the
review session), and compared with keying every value by hand: each value's
characters, one key per field to move on, and one to submit.

A *confident error* is a field confirmed by Ctrl+Shift+A (never looked at)
whose value is wrong: it would reach the export unseen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.keying [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from medreview.documents import FieldKind, fields_of
from medreview.ingest import ingest
from medreview.model import FieldData
from medreview.store import Store
from medreview.store.keys import ENCRYPTION_ENV
from tests.accounts import SUPERVISOR, add_people
from tests.corpus.generate import generate_corpus
from ui.controller import ReviewController
from ui.field_editors import value_to_text
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
KEYER = "keyer"  # the scripted analyst's account; SUPERVISOR exports the batch


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def same(shown: FieldData, truth: object) -> bool:
    """The form's canonical value equals the truth (every kind of empty is equal)."""
    if _empty(shown) and _empty(truth):
        return True
    if isinstance(shown, float) and shown.is_integer():
        shown = int(shown)
    return shown == truth


@dataclass(slots=True)
class DocumentRun:
    """What verifying one document cost."""

    name: str
    handwriting: bool
    keystrokes: int
    by_hand: int
    corrected: int
    confident_errors: int


@dataclass(slots=True)
class KeyingReport:
    """Every document of the run, and the exported values checked against the truth."""

    documents: list[DocumentRun] = field(default_factory=list)
    export_mismatches: int = 0

    def share(self, handwriting: bool) -> float | None:
        """Keystrokes as a share of keying by hand, over one slice of the batch."""
        docs = [d for d in self.documents if d.handwriting is handwriting]
        hand = sum(d.by_hand for d in docs)
        return sum(d.keystrokes for d in docs) / hand if hand else None

    @property
    def confident_errors(self) -> int:
        """Wrong values confirmed without being looked at."""
        return sum(d.confident_errors for d in self.documents)

    def lines(self) -> Iterator[str]:
        """A readable summary, one line per slice."""
        for handwriting, title in ((False, "printed"), (True, "handwriting")):
            docs = [d for d in self.documents if d.handwriting is handwriting]
            share = self.share(handwriting)
            if not docs or share is None:
                continue
            keys = sum(d.keystrokes for d in docs) / len(docs)
            hand = sum(d.by_hand for d in docs) / len(docs)
            fixed = sum(d.corrected for d in docs)
            yield (
                f"{title}: {len(docs)} documents, {keys:.1f} keystrokes per document against "
                f"{hand:.1f} by hand ({share:.1%}); {fixed} fields corrected"
            )
        yield (
            f"confident errors: {self.confident_errors}; "
            f"exported values differing from the truth: {self.export_mismatches}"
        )


def by_hand(document_type: str, truth: dict[str, Any]) -> int:
    """Keys to type every value of a document and move through its fields, then submit."""
    total = 1
    for spec in fields_of(document_type):
        total += len(value_to_text(truth.get(spec.name))) + 1
    return total


class Analyst:
    """Drives one window through its batch."""

    def __init__(self, window: MainWindow, controller: ReviewController) -> None:
        self.window = window
        self.controller = controller

    def _key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def _type(self, text: str) -> None:
        for line_no, line in enumerate(text.split("\n")):
            if line_no:
                self._key(Qt.Key.Key_Return, SHIFT)
            target = QApplication.focusWidget() or self.window
            QTest.keyClicks(target, line)

    def _edit(self, shown: str, wanted: str) -> None:
        """Fix a one-line value with the fewest keys: retype it, or mend only what differs."""
        prefix = 0
        while prefix < min(len(shown), len(wanted)) and shown[prefix] == wanted[prefix]:
            prefix += 1
        suffix = 0
        limit = min(len(shown), len(wanted)) - prefix
        while suffix < limit and shown[-1 - suffix] == wanted[-1 - suffix]:
            suffix += 1
        removed = len(shown) - prefix - suffix
        added = wanted[prefix : len(wanted) - suffix]
        from_start = 1 + prefix + removed + len(added)
        from_end = 1 + suffix + removed + len(added)
        if min(from_start, from_end) >= len(wanted):
            self._type(wanted)  # the selected value is replaced by typing
            return
        if from_start <= from_end:
            self._key(Qt.Key.Key_Home)
            for _ in range(prefix):
                self._key(Qt.Key.Key_Right)
            for _ in range(removed):
                self._key(Qt.Key.Key_Delete)
        else:
            self._key(Qt.Key.Key_End)
            for _ in range(suffix):
                self._key(Qt.Key.Key_Left)
            for _ in range(removed):
                self._key(Qt.Key.Key_Backspace)
        self._type(added)

    def _wait_shown(self, trigger: Any, timeout_ms: int = 60_000) -> bool:
        """Run ``trigger`` and wait until the controller shows a document (or none is left)."""
        loop = QEventLoop()
        done: list[bool] = []
        shown = self.controller.documentShown.connect(lambda _i: (done.append(True), loop.quit()))
        empty = self.controller.queueEmpty.connect(lambda: (done.append(False), loop.quit()))
        QTimer.singleShot(timeout_ms, loop.quit)
        trigger()
        if not done:
            loop.exec()
        self.controller.documentShown.disconnect(shown)
        self.controller.queueEmpty.disconnect(empty)
        return bool(done and done[0])

    def retype(self, document_type: str) -> None:
        """Ctrl+T, choose the type with the arrow keys, Enter; wait for the new reading."""
        self._key(Qt.Key.Key_T, CTRL)
        dialog = self.window.type_dialog
        assert dialog is not None
        QCoreApplication.processEvents()
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        wanted = combo.findText(document_type)

        def choose() -> None:
            while combo.currentIndex() != wanted:
                step = Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up
                QTest.keyClick(combo, step)
            QTest.keyClick(combo, Qt.Key.Key_Return)

        self._wait_shown(choose)

    def verify(self, truth: dict[str, Any]) -> tuple[int, int]:
        """Check the document shown against ``truth``; (fields corrected, confident errors)."""
        window, form = self.window, self.window.form
        self._key(Qt.Key.Key_A, CTRL | SHIFT)
        confident_errors = sum(
            1
            for name in form.field_names
            if form.is_confirmed(name) and not same(form.values()[name], truth.get(name))
        )
        corrected = 0
        steps = 0
        while form.doubtful_fields() and steps < 200:
            steps += 1
            name = form.focused_field
            if name is None or name not in form.doubtful_fields():
                self._key(Qt.Key.Key_F8)
                continue
            want = truth.get(name)
            if same(form.values()[name], want):
                self._key(Qt.Key.Key_Return)
                continue
            corrected += 1
            readings = form.disagreement(name)
            spec = next(
                s for s in fields_of(window.document.result.document_type) if s.name == name
            )  # type: ignore[union-attr]
            if readings is not None and readings[1] == value_to_text(want):
                self._key(Qt.Key.Key_2, ALT)
                continue
            editor = form.editor(name)
            if spec.kind is FieldKind.ENUM and isinstance(editor, QComboBox):
                target = max(0, editor.findData(value_to_text(want)))
                while editor.currentIndex() != target:
                    down = editor.currentIndex() < target
                    self._key(Qt.Key.Key_Down if down else Qt.Key.Key_Up)
            elif _empty(want):
                self._key(Qt.Key.Key_Delete)  # the value is selected: delete it
            elif isinstance(editor, QLineEdit):
                self._edit(form.text(name), value_to_text(want))
            else:
                self._type(value_to_text(want))
            self._key(Qt.Key.Key_Return)
        return corrected, confident_errors

    def submit(self) -> bool:
        """Ctrl+Enter; True when a next document is shown."""
        return self._wait_shown(lambda: self._key(Qt.Key.Key_Return, CTRL))


def run_batch(
    store: Store, batch: str, truths: dict[str, dict[str, Any]], work: Path
) -> KeyingReport:
    """Verify every document of ``batch`` with the keyboard; ``truths`` by source name."""
    report = KeyingReport()
    settings = QSettings(str(work / "keying.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, user=KEYER)
    window.resize(1280, 860)
    controller = ReviewController(window, store, user=KEYER, batch=batch)
    analyst = Analyst(window, controller)
    window.show()
    try:
        more = analyst._wait_shown(controller.start)
        while more and window.document is not None:
            document = window.document
            truth = truths[document.name]
            if document.result.document_type != truth["document_type"]:
                analyst.retype(truth["document_type"])
                document = window.document
                assert document is not None
            corrected, confident = analyst.verify(truth["fields"])
            doc_id = document.doc_id
            more = analyst.submit()
            sessions = store.review_sessions(user=KEYER)
            keys = sum(s.keystrokes for s in sessions if s.document_id == doc_id)
            report.documents.append(
                DocumentRun(
                    document.name,
                    bool(truth["handwriting"]),
                    keys,
                    by_hand(truth["document_type"], truth["fields"]),
                    corrected,
                    confident,
                )
            )
    finally:
        controller.shutdown()
        window.close()
        window.deleteLater()
    out = work / "export.json"
    store.export(batch, "json", out, user=SUPERVISOR)
    report.export_mismatches = _mismatches(store, batch, truths)
    return report


def _mismatches(store: Store, batch: str, truths: dict[str, dict[str, Any]]) -> int:
    wrong = 0
    for record in store.verified_documents(batch):
        truth = truths[record.source_name]["fields"]
        for spec in fields_of(record.document_type):
            if not same(record.final_value(spec.name), truth.get(spec.name)):
                wrong += 1
    return wrong


def add_accounts(store: Store) -> None:
    """The scripted analyst's account and the supervisor who exports, in a new store."""
    add_people(store, extra={KEYER: "analyst"})


def make_batch(
    work: Path, count: int, seed: int, store: Store, batch: str
) -> dict[str, dict[str, Any]]:
    """Generate ``count`` documents (a third handwritten), read them into ``batch``."""
    samples = generate_corpus(
        work / "corpus", count, seed, handwriting_share=0.4, formats=("png", "pdf")
    )
    ingest(store, [s.path for s in samples], batch, workers=0)
    return {s.path.name: s.truth() for s in samples}


def main(argv: list[str] | None = None) -> int:
    """Print the keystroke figures of one scripted run."""
    parser = argparse.ArgumentParser(prog="python -m tests.ui.keying")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    # a throwaway store of generated documents: no key to keep in the keyring
    os.environ.setdefault(ENCRYPTION_ENV, "off")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with Store.open(f"sqlite:///{work / 'keying.sqlite'}") as store:
            add_accounts(store)
            truths = make_batch(work, args.count, args.seed, store, "keying")
            report = run_batch(store, "keying", truths, work)
    for line in report.lines():
        sys.stdout.write(line + "\n")
    for doc in report.documents:
        sys.stdout.write(
            f"  {doc.name}: {doc.keystrokes} keys / {doc.by_hand} by hand, "
            f"{doc.corrected} corrected\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
