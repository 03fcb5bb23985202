"""Issue 9's keystroke budget, measured by a scripted analyst on generated documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from medreview.store import Store
from tests.ui.keying import add_accounts, make_batch, run_batch


@pytest.mark.slow
def test_a_batch_verified_with_the_keyboard(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Printed documents cost at most 10% of keying them by hand; nothing wrong is exported.

    The real pipeline reads the generated scans; every wrong value is corrected
    by the scripted analyst, so the export must equal the truth, and no wrong
    value may be confirmed unseen (a confident error).
    """
    with Store.open(f"sqlite:///{tmp_path / 'k.sqlite'}", files_root=tmp_path / "f") as store:
        add_accounts(store)
        truths = make_batch(tmp_path, 4, 1, store, "keying")
        report = run_batch(store, "keying", truths, tmp_path)
        sessions = store.review_sessions(batch="keying")
    with capsys.disabled():
        sys.stdout.write("\n" + "\n".join(report.lines()) + "\n")
    assert len(report.documents) == 4
    printed = report.share(handwriting=False)
    assert printed is not None and printed <= 0.10
    assert report.confident_errors == 0
    assert report.export_mismatches == 0
    assert all(d.keystrokes > 0 for d in report.documents)
    assert {s.outcome for s in sessions} == {"verified"}
