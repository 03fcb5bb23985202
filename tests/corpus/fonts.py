"""The TrueType fonts the synthetic corpus draws with.

``scripts/setup.sh`` installs them from Debian packages (fonts-dejavu-core,
fonts-liberation, fonts-freefont-ttf for printed text; fonts-dkg-handwriting,
fonts-humor-sans and fonts-comic-neue for handwriting-like text). They are found
by file name under the usual font folders, so no fontconfig call is needed; a
missing family is skipped, and a role with no family at all is a clear error.

Fonts differ a lot in how large their glyphs are at one nominal size (Humor Sans
draws small capitals, DkgHandwriting big ones), so :func:`font_at` scales every
family to the same capital height: a "50 px" value looks 50 px tall whatever the
family.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")

# DejaVu Sans's capital and x heights as shares of its em: the reference every family is
# scaled to (handwriting fonts differ most in how small their lower case is).
_CAP_HEIGHT = 0.729
_X_HEIGHT = 0.547


@dataclass(frozen=True, slots=True)
class FontFamily:
    """One installed family: its name and the files of its regular and bold faces."""

    name: str
    regular: Path
    bold: Path
    handwriting: bool = False
    all_caps: bool = False
    has_rx_glyph: bool = False


# name, regular file, bold file (the same file when the family has no bold face),
# handwriting-like?, capitals only? (Humor Sans draws lower case as small capitals)
_KNOWN: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", False, False),
    ("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", False, False),
    ("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", False, False),
    ("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", False, False),
    ("Liberation Mono", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", False, False),
    ("FreeSans", "FreeSans.ttf", "FreeSansBold.ttf", False, False),
    ("FreeSerif", "FreeSerif.ttf", "FreeSerifBold.ttf", False, False),
    ("DkgHandwriting", "dkg.ttf", "dkgBd.ttf", True, False),
    ("Humor Sans", "Humor-Sans.ttf", "Humor-Sans.ttf", True, True),
    ("Comic Neue", "ComicNeue-Regular.otf", "ComicNeue-Bold.otf", True, False),
)

RX_GLYPH = "\u211e"  # ℞


class FontsMissingError(RuntimeError):
    """No installed font for a role the corpus needs."""


def _find_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob(name)):
                return path
    return None


def _has_glyph(path: Path, char: str) -> bool:
    """Whether the font draws ``char`` itself rather than its missing-glyph box."""
    font = ImageFont.truetype(str(path), 40)
    missing = font.getmask("\U000f0000")  # a private-use code point no font here maps
    mask = font.getmask(char)
    return (mask.size, bytes(mask)) != (missing.size, bytes(missing))


@functools.cache
def installed_families() -> tuple[FontFamily, ...]:
    """Every known family whose regular face is installed."""
    found = []
    for name, regular, bold, handwriting, all_caps in _KNOWN:
        regular_path = _find_file(regular)
        if regular_path is None:
            continue
        bold_path = _find_file(bold) or regular_path
        rx = _has_glyph(regular_path, RX_GLYPH)
        found.append(FontFamily(name, regular_path, bold_path, handwriting, all_caps, rx))
    return tuple(found)


def families(*, handwriting: bool) -> tuple[FontFamily, ...]:
    """The installed printed (or handwriting-like) families; raises when there are none."""
    chosen = tuple(f for f in installed_families() if f.handwriting == handwriting)
    if not chosen:
        kind = "handwriting-like" if handwriting else "printed"
        wanted = ", ".join(known[0] for known in _KNOWN if known[3] == handwriting)
        raise FontsMissingError(
            f"no {kind} font found under {', '.join(map(str, FONT_DIRS))} "
            f"(looked for {wanted}); run scripts/setup.sh to install the font packages"
        )
    return chosen


def family(name: str) -> FontFamily:
    """An installed family by name; raises when it is not installed."""
    for item in installed_families():
        if item.name == name:
            return item
    raise FontsMissingError(f"font family {name!r} is not installed; run scripts/setup.sh")


@functools.cache
def _size_scale(path: Path) -> float:
    """Nominal size that gives the glyph heights of DejaVu Sans at size 1."""
    font = ImageFont.truetype(str(path), 200)
    cap = -font.getbbox("H", anchor="ls")[1]
    x = -font.getbbox("x", anchor="ls")[1]
    return (_CAP_HEIGHT * 200 / max(1, cap) + _X_HEIGHT * 200 / max(1, x)) / 2


@functools.cache
def font_at(path: Path, size_px: int) -> ImageFont.FreeTypeFont:
    """The font at ``path``, its letters about as tall as DejaVu Sans's at ``size_px``."""
    return ImageFont.truetype(str(path), max(4, round(size_px * _size_scale(path))))
