"""Background work for the GUI: a QRunnable worker with its signals on a QObject.

``run()`` catches everything and reports it through ``error``, so nothing dies
silently in the pool; cancellation is cooperative (a flag the job checks between
stages). Jobs get plain arguments (paths, options), never widgets.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from medreview.errors import MedreviewError

log = logging.getLogger(__name__)


class CancelledError(Exception):
    """Raised inside a job when its worker was cancelled."""


@dataclass(frozen=True, slots=True)
class WorkerError:
    """A failure reported to the GUI: a stable code and a message free of patient data."""

    code: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> WorkerError:
        """Typed errors keep their message; anything else is named by its type only."""
        if isinstance(exc, MedreviewError):
            return cls(exc.code, exc.message)
        return cls("internal", f"unexpected {type(exc).__name__}")


class CancelToken:
    """A flag shared by a worker and its job."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`CancelledError` if cancelled (call between stages)."""
        if self._event.is_set():
            raise CancelledError


class WorkerSignals(QObject):
    """The signals of one worker; lives on the GUI thread so slots run there."""

    progress = Signal(int, int)
    note = Signal(object)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class SignalProgress:
    """A :class:`medreview.progress.Progress` that reports through worker signals."""

    def __init__(self, signals: WorkerSignals, token: CancelToken) -> None:
        self._signals = signals
        self._token = token
        self._total = 0
        self._done = 0

    def begin(self, total: int, description: str) -> None:
        """Start counting towards ``total``."""
        self._token.check()
        self._total, self._done = total, 0
        self._signals.progress.emit(0, total)

    def advance(self, units: int = 1) -> None:
        """Report ``units`` more, and stop here if cancelled."""
        self._done += units
        self._signals.progress.emit(self._done, self._total)
        self._token.check()

    def end(self) -> None:
        """Report completion."""
        self._signals.progress.emit(self._total, self._total)

    def note(self, value: object) -> None:
        """Tell the GUI something while the job goes on (e.g. which document it took)."""
        self._signals.note.emit(value)


Job = Callable[[CancelToken, SignalProgress], Any]


class Worker(QRunnable):
    """Runs one job on a pool thread and reports through :attr:`signals`."""

    def __init__(self, job: Job, *, name: str = "job") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.name = name
        self.signals = WorkerSignals()
        self.token = CancelToken()
        self.done = threading.Event()
        self._job = job

    def cancel(self) -> None:
        """Ask the job to stop; it still emits ``finished``."""
        self.token.cancel()

    def run(self) -> None:
        """Run the job; every outcome ends in ``finished``."""
        try:
            self.token.check()
            value = self._job(self.token, SignalProgress(self.signals, self.token))
        except CancelledError:
            log.info("%s cancelled", self.name)
        except BaseException as exc:  # every failure must reach the GUI, never kill the pool
            log.warning("%s failed: %s", self.name, type(exc).__name__)
            self.signals.error.emit(WorkerError.from_exception(exc))
        else:
            if not self.token.cancelled:
                self.signals.result.emit(value)
        finally:
            self.done.set()
            self.signals.finished.emit()


_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


def live_pools() -> list[WorkerPool]:
    """Every pool still alive (tests check none is left busy)."""
    return list(_POOLS)


class WorkerPool(QObject):
    """A thread pool that knows its running workers, so they can be cancelled and awaited."""

    activeChanged = Signal(int)

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _POOLS.add(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, max_threads))
        self._active: set[Worker] = set()

    def start(
        self,
        job: Job,
        *,
        name: str = "job",
        on_result: Callable[[Any], object] | None = None,
        on_error: Callable[[WorkerError], object] | None = None,
        on_progress: Callable[[int, int], object] | None = None,
        on_note: Callable[[Any], object] | None = None,
        on_finished: Callable[[], object] | None = None,
    ) -> Worker:
        """Queue ``job`` with its slots connected first (a fast job cannot outrun them)."""
        worker = Worker(job, name=name)
        self._active.add(worker)
        if on_result is not None:
            worker.signals.result.connect(on_result)
        if on_error is not None:
            worker.signals.error.connect(on_error)
        if on_progress is not None:
            worker.signals.progress.connect(on_progress)
        if on_note is not None:
            worker.signals.note.connect(on_note)
        if on_finished is not None:
            worker.signals.finished.connect(on_finished)
        worker.signals.finished.connect(lambda: self._on_finished(worker))
        self._pool.start(worker)
        self.activeChanged.emit(len(self._active))
        return worker

    def _on_finished(self, worker: Worker) -> None:
        self._active.discard(worker)
        self.activeChanged.emit(len(self._active))

    @property
    def active_count(self) -> int:
        """Workers queued or still running."""
        return sum(1 for worker in self._active if not worker.done.is_set())

    def cancel_all(self) -> None:
        """Ask every worker to stop and drop those not started yet."""
        for worker in list(self._active):
            worker.cancel()
            if self._pool.tryTake(worker):
                worker.done.set()
                worker.signals.finished.emit()

    def wait_done(self, msecs: int = 5000) -> bool:
        """Block until the pool threads are idle (shutdown and tests only)."""
        return bool(self._pool.waitForDone(msecs))
