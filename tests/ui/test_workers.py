from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from medreview.errors import EngineError
from ui.workers import CancelToken, SignalProgress, WorkerError, WorkerPool


def test_result_arrives_on_gui_thread_with_progress(qtbot: QtBot) -> None:
    pool = WorkerPool(2)
    results: list[tuple[object, threading.Thread]] = []
    progress: list[tuple[int, int]] = []

    def job(token: CancelToken, report: SignalProgress) -> int:
        report.begin(3, "count")
        for _ in range(3):
            report.advance()
        return 42

    pool.start(
        job,
        name="count",
        on_progress=lambda d, t: progress.append((d, t)),
        on_result=lambda v: results.append((v, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: pool.active_count == 0 and bool(results))
    assert results == [(42, threading.main_thread())]
    qtbot.waitUntil(lambda: bool(progress) and progress[-1] == (3, 3))


def _error_of(qtbot: QtBot, exc: Exception) -> WorkerError:
    pool = WorkerPool(1)
    errors: list[WorkerError] = []
    finished: list[bool] = []

    def job(token: CancelToken, report: SignalProgress) -> None:
        raise exc

    pool.start(job, on_error=errors.append, on_finished=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished))
    assert len(errors) == 1
    return errors[0]


def test_unexpected_exception_becomes_error_without_its_text(qtbot: QtBot) -> None:
    error = _error_of(qtbot, RuntimeError("patient Helen Okafor"))
    assert error.code == "internal"
    assert "Helen" not in error.message


def test_typed_error_keeps_code_and_message(qtbot: QtBot) -> None:
    error = _error_of(qtbot, EngineError("Tesseract failed on page 1"))
    assert error == WorkerError("ocr_failed", "Tesseract failed on page 1")


def test_cancellation_is_cooperative_and_still_finishes(qtbot: QtBot) -> None:
    pool = WorkerPool(1)
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []
    finished: list[bool] = []

    def job(token: CancelToken, report: SignalProgress) -> str:
        started.set()
        release.wait(5)
        token.check()
        return "done"

    worker = pool.start(job, on_result=results.append, on_finished=lambda: finished.append(True))
    assert started.wait(5)
    worker.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(finished))
    assert results == []
    assert pool.active_count == 0


def test_cancel_all_drops_queued_jobs(qtbot: QtBot) -> None:
    pool = WorkerPool(1)
    release = threading.Event()
    started = threading.Event()
    ran: list[int] = []

    def slow(token: CancelToken, report: SignalProgress) -> None:
        started.set()
        ran.append(1)
        release.wait(5)

    pool.start(slow)
    pool.start(slow)
    assert started.wait(5)
    assert pool.active_count == 2
    pool.cancel_all()
    assert pool.active_count == 1  # the queued one is gone, the running one is told to stop
    release.set()
    assert pool.wait_done(5000)
    assert pool.active_count == 0
    assert ran == [1]
