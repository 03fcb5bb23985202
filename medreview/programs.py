"""External programs and bundled files: where they are, decided in one place.

A program (``tesseract``, poppler's ``pdfinfo``, ``pdfimages`` and ``pdftoppm``)
is looked up in this order:

1. the PyInstaller bundle's ``bin`` folder, when running frozen;
2. its setting: an environment variable naming the program or the folder
   that holds it (``MEDREVIEW_TESSERACT``, ``MEDREVIEW_POPPLER``);
3. PATH;

and otherwise :class:`~medreview.errors.EngineUnavailableError` names the
program, where it was looked for, the package that provides it and the setting
that points at it. :func:`program_env` gives the environment to run a found
program in, so that a bundled program finds the libraries bundled beside it and
a system program does not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from medreview.errors import EngineUnavailableError

# Where the bundle keeps external programs, relative to its folder.
BUNDLE_PROGRAMS = "bin"
# The value PyInstaller's bootloader saved before prepending the bundle (Linux).
_LD_ORIGINAL = "LD_LIBRARY_PATH_ORIG"


@dataclass(frozen=True, slots=True)
class Program:
    """An external program: its name, its setting, its package and its version flag."""

    name: str
    setting: str
    package: str
    version_flag: str


TESSERACT = Program("tesseract", "MEDREVIEW_TESSERACT", "tesseract-ocr", "--version")
PDFINFO = Program("pdfinfo", "MEDREVIEW_POPPLER", "poppler-utils", "-v")
PDFIMAGES = Program("pdfimages", "MEDREVIEW_POPPLER", "poppler-utils", "-v")
PDFTOPPM = Program("pdftoppm", "MEDREVIEW_POPPLER", "poppler-utils", "-v")
PROGRAMS: tuple[Program, ...] = (TESSERACT, PDFINFO, PDFIMAGES, PDFTOPPM)


def bundle_dir() -> Path | None:
    """The PyInstaller bundle's folder when running frozen, else None."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def bundled(*parts: str) -> Path | None:
    """A path inside the bundle when running frozen (it may not exist), else None."""
    base = bundle_dir()
    return base.joinpath(*parts) if base else None


def _executable(folder: Path, name: str) -> Path | None:
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _from_setting(program: Program, value: str) -> Path | None:
    path = Path(value).expanduser()
    if path.is_file() and path.stem == program.name and os.access(path, os.X_OK):
        return path
    return _executable(path, program.name) if path.is_dir() else None


def find(program: Program) -> Path:
    """The program's path: the bundle, then its setting, then PATH, else a clear error."""
    looked: list[str] = []
    folder = bundled(BUNDLE_PROGRAMS)
    if folder is not None:
        found = _executable(folder, program.name)
        if found is not None:
            return found
        looked.append(f"the bundle ({folder})")
    value = os.environ.get(program.setting)
    if value:
        found = _from_setting(program, value)
        if found is not None:
            return found
        looked.append(f"{program.setting} ({value})")
    which = shutil.which(program.name)
    if which:
        return Path(which)
    looked.append("PATH")
    raise EngineUnavailableError(
        f"the {program.name} program was not found (looked in {', '.join(looked)}); "
        f"install {program.package} or set {program.setting} to its folder"
    )


def version(program: Program) -> str:
    """The first line the program prints for its version flag; proves it runs here.

    Raises EngineUnavailableError when it is missing or does not start (a bundled
    program whose libraries are missing, for instance).
    """
    path = find(program)
    try:
        done = subprocess.run(
            [str(path), program.version_flag],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=60,
            check=False,
            env=program_env(path),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineUnavailableError(
            f"the {program.name} program at {path} does not start"
        ) from exc
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or not output:
        raise EngineUnavailableError(
            f"the {program.name} program at {path} does not run (exit code {done.returncode})"
        )
    return output.splitlines()[0]


def program_env(program: Path) -> dict[str, str] | None:
    """The environment to run ``program`` in; None means this process's own.

    Frozen on Linux, PyInstaller puts the bundle first on ``LD_LIBRARY_PATH``: a
    bundled program needs exactly that, a system program must not see it. On
    Windows a bundled program finds the bundle's DLLs through PATH. Outside a
    bundle nothing changes.
    """
    base = bundle_dir()
    if base is None:
        return None
    env = dict(os.environ)
    inside = program.resolve().is_relative_to(base.resolve())
    if sys.platform == "win32":
        if inside:
            env["PATH"] = os.pathsep.join(filter(None, (str(base), env.get("PATH"))))
    elif sys.platform != "darwin":  # macOS: PyInstaller rewrote the libraries' paths
        original = env.pop(_LD_ORIGINAL, None)
        if inside:
            env["LD_LIBRARY_PATH"] = os.pathsep.join(filter(None, (str(base), original)))
        elif original:
            env["LD_LIBRARY_PATH"] = original
        else:
            env.pop("LD_LIBRARY_PATH", None)
    return env
