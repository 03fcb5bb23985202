"""Typed errors, each with a stable code and a process exit code.

Messages are safe to show outside the application: they name the problem and the
file, never a field value or OCR text. The CLI maps every error to its exit code
in one place (``medreview.cli``).
"""

from __future__ import annotations

from enum import IntEnum

from medreview.filenames import safe_text


class ExitCode(IntEnum):
    """Process exit codes of the ``medreview`` command."""

    OK = 0
    FILE_FAILED = 1
    USAGE = 2
    INPUT = 3
    ENGINE = 4
    DATABASE = 5
    INTEGRITY = 6
    AUTH = 7
    INTERNAL = 10


class MedreviewError(Exception):
    """Base of every error the application expects and explains."""

    code: str = "error"
    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        # A file name that is not UTF-8 must not make the message unprintable.
        message = safe_text(message)
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
    """The path does not exist (or is a link to nothing)."""

    code = "not_found"


class UnreadableFileError(InputError):
    """The file exists but this process may not read it (permissions, I/O error)."""

    code = "unreadable"


class NotAFileError(InputError):
    """The path is a folder, a FIFO, a socket or a device, not a regular file."""

    code = "not_a_file"


class EngineError(MedreviewError):
    """An OCR engine failed or is unavailable."""

    code = "ocr_failed"
    exit_code = ExitCode.ENGINE


class EngineUnavailableError(EngineError):
    """The engine's program, library or credentials are missing."""

    code = "engine_unavailable"


class CancelledError(MedreviewError):
    """The user cancelled the work; nothing is wrong with the input."""

    code = "cancelled"
    exit_code = ExitCode.INTERNAL


class UsageError(MedreviewError):
    """The command line or a setting is wrong."""

    code = "usage"
    exit_code = ExitCode.USAGE


class InternalError(MedreviewError):
    """An unexpected failure, reported without its details (they may carry patient data)."""

    code = "internal"
    exit_code = ExitCode.INTERNAL


class DatabaseError(MedreviewError):
    """The store cannot do what was asked; the base of every store error."""

    code = "database"
    exit_code = ExitCode.DATABASE


class DatabaseLockedError(DatabaseError):
    """Another process holds the database's write lock for longer than the busy timeout."""

    code = "database_locked"


class DiskFullError(DatabaseError):
    """The disk holding the database or the store's files is full."""

    code = "disk_full"


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be opened or reached (bad path, server down, refused login)."""

    code = "database_unavailable"


class SchemaVersionError(DatabaseError):
    """The database was migrated by a newer medreview than this one."""

    code = "schema_version"


class RecordNotFoundError(DatabaseError):
    """A batch, document or user that the store does not hold."""

    code = "record_not_found"


class InvalidTransitionError(DatabaseError):
    """A document life-cycle step that its current status or the user's role forbids."""

    code = "invalid_transition"


class ClaimLostError(DatabaseError):
    """The document is no longer claimed by this user or worker (lease expired, released)."""

    code = "claim_lost"


class TamperedError(DatabaseError):
    """The audit chain, its triggers, a document or a stored scan does not verify."""

    code = "tampered"
    exit_code = ExitCode.INTEGRITY


class AuthenticationError(MedreviewError):
    """No valid sign-in: a wrong password, a disabled account, or a bad API token."""

    code = "unauthenticated"
    exit_code = ExitCode.AUTH


class PermissionDeniedError(MedreviewError):
    """The signed-in user's role does not allow this action."""

    code = "forbidden"
    exit_code = ExitCode.AUTH
