"""Responsiveness of the review window while the background pool reads a batch.

Not a test: a script printing two numbers against their budgets.

1. The longest stall of the GUI event loop (a 5 ms QTimer; a stall is the gap
   between two ticks minus the interval) while the worker pool OCRs the batch
   with the real pipeline. Budget: 50 ms.
2. "Submit and next" on a document read ahead: from the submit action to the
   next document shown and painted. Budget: 150 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/gui_bench.py [--copies N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from medreview.store import Store
from medreview.store.keys import KEY_ENV
from tests.accounts import add_people
from ui.controller import ReviewController
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
STALL_BUDGET_MS = 50.0
SWITCH_BUDGET_MS = 150.0


class StallMeter:
    """Ticks every ``interval`` ms and remembers the longest late tick."""

    def __init__(self, interval: int = 5) -> None:
        self.interval = interval
        self.worst = 0.0
        self.ticks = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(interval)
        self._timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timeout(self) -> None:
        elapsed = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.ticks += 1
        self.worst = max(self.worst, elapsed - self.interval)


def _moved_on(window: MainWindow, previous: int) -> bool:
    return window.document is not None and window.document.doc_id != previous


def wait_until(app: QApplication, condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.002)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="copies of each demo sample")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="medreview-guibench-"))
    try:
        scans = work / "scans"
        scans.mkdir()
        samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix != ".json")
        for copy in range(args.copies):
            for sample in samples:
                target = scans / f"{sample.stem}-{copy}{sample.suffix}"
                shutil.copy(sample, target)
                with target.open("ab") as handle:  # a distinct file, not a duplicate
                    handle.write(b"\0" * (copy + 1) if sample.suffix != ".pdf" else b"\n")
        os.environ.setdefault(KEY_ENV, "benchmark passphrase")  # no OS keyring needed
        store = Store.open(f"sqlite:///{work / 'bench.sqlite'}", files_root=work / "files")
        add_people(store)  # "bench" is one of the test accounts
        window = MainWindow(QSettings(str(work / "gui.ini"), QSettings.Format.IniFormat))
        window.resize(1440, 900)
        controller = ReviewController(window, store, user="bench", batch="bench", ocr_slots=1)
        window.show()
        controller.start()
        baseline = StallMeter()
        baseline.start()
        wait_until(app, lambda: False, 3.0)
        baseline.stop()
        print(
            f"idle baseline (no background work, same machine load): longest stall "
            f"{baseline.worst:.1f} ms over {baseline.ticks} ticks; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        meter = StallMeter()
        meter.start()
        started = time.monotonic()
        window.import_paths([scans])
        total = len(list(scans.iterdir()))
        done = wait_until(
            app,
            lambda: (
                controller.ocr_running == 0
                and not window.queue.counts().get("queued", 0)
                and time.monotonic() - started > 1
            ),
            args.timeout,
        )
        meter.stop()
        ocr_seconds = time.monotonic() - started
        print(f"OCR of {total} scans in the background: {ocr_seconds:.1f} s (finished: {done})")
        verdict = "OK" if meter.worst < STALL_BUDGET_MS else "OVER"
        print(
            f"longest event-loop stall: {meter.worst:.1f} ms over {meter.ticks} ticks "
            f"(budget {STALL_BUDGET_MS:.0f} ms) -> {verdict}"
        )
        switches: list[float] = []
        while window.document is not None:
            if not wait_until(app, lambda: controller.ahead_id is not None, 10):
                break
            current = window.document.doc_id
            clock = time.perf_counter()
            # the submit action's own validation is instant; emit its request directly so
            # documents whose OCR left an invalid field still go through
            window.submitRequested.emit(current, window.form.values())
            shown = window.document is not None and window.document.doc_id != current
            if not shown and not wait_until(app, partial(_moved_on, window, current), 5):
                break
            window.repaint()
            switches.append((time.perf_counter() - clock) * 1000)
        if switches:
            worst = max(switches)
            print(
                f"submit and next on a read-ahead document: worst {worst:.1f} ms, "
                f"median {sorted(switches)[len(switches) // 2]:.1f} ms over {len(switches)} "
                f"(budget {SWITCH_BUDGET_MS:.0f} ms) -> "
                f"{'OK' if worst < SWITCH_BUDGET_MS else 'OVER'}"
            )
        controller.shutdown()
        window.close()
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
