"""Progress reporting as a protocol passed into the core.

The CLI renders it as a progress bar, the GUI as a progress widget; the core only
calls these methods and never knows which.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives progress of long work."""

    def begin(self, total: int, description: str) -> None:
        """Work of ``total`` units starts."""
        ...

    def advance(self, units: int = 1) -> None:
        """``units`` more are done."""
        ...

    def end(self) -> None:
        """The work is over (finished, failed or cancelled)."""
        ...


class NullProgress:
    """A progress sink that shows nothing."""

    def begin(self, total: int, description: str) -> None:
        """Ignore."""

    def advance(self, units: int = 1) -> None:
        """Ignore."""

    def end(self) -> None:
        """Ignore."""
