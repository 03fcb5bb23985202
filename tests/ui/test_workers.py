from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from medreview.errors import EngineError
from ui.workers import CancelToken, SignalProgress, WorkerError, WorkerPool


def test_result_arrives_on_gui_thread_with_progress(qtbot: QtBot) -> None:
    pool = WorkerPool(2)
    seen_threads: list[threading.Thread] = []
    progress: list[tuple[int, int]] = []

    def job(token: CancelToken, report: SignalProgress) -> int:
        report.begin(3, "count")
        for _ in range(3):
            report.advance()
        return 42

    worker = pool.start(job, name="count")
    worker.signals.progress.connect(lambda d, t: progress.append((d, t)))
    worker.signals.result.connect(lambda _v: seen_threads.append(threading.current_thread()))
    with qtbot.waitSignal(worker.signals.result) as blocker:
        pass
    assert blocker.args == [42]
    qtbot.waitUntil(lambda: pool.active_count == 0)
    assert seen_threads == [threading.main_thread()]
    assert progress[-1] == (3, 3)


def test_unexpected_exception_becomes_error_without_its_text(qtbot: QtBot) -> None:
    pool = WorkerPool(1)

    def job(token: CancelToken, report: SignalProgress) -> None:
        raise RuntimeError("patient Helen Okafor")

    worker = pool.start(job)
    with qtbot.waitSignal(worker.signals.error) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, WorkerError)
    assert error.code == "internal"
    assert "Helen" not in error.message
    qtbot.waitUntil(lambda: pool.active_count == 0)


def test_typed_error_keeps_code_and_message(qtbot: QtBot) -> None:
    pool = WorkerPool(1)

    def job(token: CancelToken, report: SignalProgress) -> None:
        raise EngineError("Tesseract failed on page 1")

    worker = pool.start(job)
    with qtbot.waitSignal(worker.signals.error) as blocker:
        pass
    assert blocker.args[0] == WorkerError("ocr_failed", "Tesseract failed on page 1")
    qtbot.waitUntil(lambda: pool.active_count == 0)


def test_cancellation_is_cooperative_and_still_finishes(qtbot: QtBot) -> None:
    pool = WorkerPool(1)
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []

    def job(token: CancelToken, report: SignalProgress) -> str:
        started.set()
        release.wait(5)
        token.check()
        return "done"

    worker = pool.start(job)
    worker.signals.result.connect(results.append)
    assert started.wait(5)
    with qtbot.waitSignal(worker.signals.finished):
        worker.cancel()
        release.set()
    assert results == []
    qtbot.waitUntil(lambda: pool.active_count == 0)


def test_cancel_all_drops_queued_jobs(qtbot: QtBot) -> None:
    pool = WorkerPool(1)
    release = threading.Event()
    started = threading.Event()

    def slow(token: CancelToken, report: SignalProgress) -> None:
        started.set()
        release.wait(5)

    pool.start(slow)
    queued = pool.start(slow)
    assert started.wait(5)
    assert pool.active_count == 2
    with qtbot.waitSignal(queued.signals.finished):
        pool.cancel_all()
    release.set()
    qtbot.waitUntil(lambda: pool.active_count == 0)
    assert pool.wait_done(5000)
