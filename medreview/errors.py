"""Typed errors, each with a stable code and a process exit code.

Messages are safe to show outside the application: they name the problem and the
file, never a field value or OCR text. The CLI maps every error to its exit code
in one place (``medreview.cli``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``medreview`` command."""

    OK = 0
    FILE_FAILED = 1
    USAGE = 2
    INPUT = 3
    ENGINE = 4
    DATABASE = 5
    INTERNAL = 10


class MedreviewError(Exception):
    """Base of every error the application expects and explains."""

    code: str = "error"
    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict[str, str]:
        """The ``error`` object of the extract contract."""
        return {"code": self.code, "message": self.message}


class InputError(MedreviewError):
    """A file that cannot be turned into page images."""

    exit_code = ExitCode.INPUT


class EmptyFileError(InputError):
    """The file has no bytes."""

    code = "empty_file"


class TruncatedFileError(InputError):
    """The file starts like a document but its data ends early or is damaged."""

    code = "truncated"


class EncryptedDocumentError(InputError):
    """A PDF that needs a password."""

    code = "encrypted"


class NotADocumentError(InputError):
    """A file of a format that is neither an image nor a PDF."""

    code = "not_a_document"


class TooLargeError(InputError):
    """A file, or a page, over the configured size limit (decompression bombs)."""

    code = "too_large"


class TooManyPagesError(InputError):
    """A document with more pages than the configured limit."""

    code = "too_many_pages"


class FileMissingError(InputError):
    """The path does not exist or cannot be read."""

    code = "not_found"


class EngineError(MedreviewError):
    """An OCR engine failed or is unavailable."""

    code = "ocr_failed"
    exit_code = ExitCode.ENGINE


class EngineUnavailableError(EngineError):
    """The engine's program, library or credentials are missing."""

    code = "engine_unavailable"


class UsageError(MedreviewError):
    """The command line or a setting is wrong."""

    code = "usage"
    exit_code = ExitCode.USAGE


class InternalError(MedreviewError):
    """An unexpected failure, reported without its details (they may carry patient data)."""

    code = "internal"
    exit_code = ExitCode.INTERNAL
