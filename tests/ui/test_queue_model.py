from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from ui.queue_model import QueueItem, QueueModel


def test_queue_model_is_a_valid_item_model(qtmodeltester: object) -> None:
    model = QueueModel()
    model.set_items(
        [QueueItem(1, "a.png", "ready", "prescription"), QueueItem(2, "b.pdf", "queued")]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.upsert(QueueItem(3, "c.png", "failed", detail="not_a_document: c.png is not a document"))
    model.set_status(1, "verified")
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_show_status_icon_and_reason() -> None:
    model = QueueModel()
    model.set_items([QueueItem(7, "scan.pdf", "failed", detail="truncated: scan.pdf is damaged")])
    assert model.data(model.index(0, 2)) == "Failed"
    assert isinstance(model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole), QIcon)
    assert "damaged" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 0), QueueModel.DocIdRole) == 7
    model.set_status(7, "queued")
    assert model.counts() == {"queued": 1}
