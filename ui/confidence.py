"""Confidence levels and the colours the review window gives them.

One place decides what "doubtful" means, so the form, the overlay and the
queue agree. The tints are soft enough to read black text on all day.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor

HIGH_THRESHOLD = 0.85
MEDIUM_THRESHOLD = 0.60


class Level(StrEnum):
    """How far a field can be trusted, as shown to the analyst."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    EDITED = "edited"
    BLIND = "blind"  # double keying: keyed without the OCR value


def level_of(confidence: float) -> Level:
    """The level of an OCR confidence in ``[0, 1]``."""
    if confidence >= HIGH_THRESHOLD:
        return Level.HIGH
    if confidence >= MEDIUM_THRESHOLD:
        return Level.MEDIUM
    return Level.LOW


# (background tint, accent) per level: the tint fills an editor, the accent draws borders
# and word boxes.
_COLOURS: dict[Level, tuple[str, str]] = {
    Level.HIGH: ("#e8f5e9", "#2e7d32"),
    Level.MEDIUM: ("#fff6dc", "#c98a00"),
    Level.LOW: ("#fde7e6", "#c62828"),
    Level.EDITED: ("#e8f0fe", "#1a5fb4"),
    Level.BLIND: ("#ffffff", "#5f6368"),
}

INVALID_ACCENT = "#b3261e"
CHECKED_ACCENT = "#2e7d32"
FOCUS_ACCENT = "#1a5fb4"


def tint(level: Level) -> QColor:
    """The background tint of a level."""
    return QColor(_COLOURS[level][0])


def accent(level: Level) -> QColor:
    """The strong colour of a level (borders, boxes, badges)."""
    return QColor(_COLOURS[level][1])


def form_stylesheet() -> str:
    """Style rules keyed on the editors' ``level`` and ``invalid`` properties."""
    rules = []
    for level, (bg, fg) in _COLOURS.items():
        rules.append(
            f'*[level="{level}"] {{ background: {bg}; border: 1px solid {fg}; '
            "border-radius: 3px; padding: 3px; }"
        )
    rules.append(
        f'*[checked="true"] {{ border: 2px solid {CHECKED_ACCENT}; }}\n'
        f'*[invalid="true"] {{ border: 2px solid {INVALID_ACCENT}; }}\n'
        f'*[current="true"] {{ border: 2px solid {FOCUS_ACCENT}; }}\n'
        f"QLabel#fieldError {{ color: {INVALID_ACCENT}; }}\n"
        "QLabel#fieldLabel { font-weight: 600; border: none; background: transparent; }\n"
        f'QLabel#fieldLabel[current="true"] {{ color: {FOCUS_ACCENT}; border: none; }}\n'
        "QLabel#fieldBadge { color: #555; border: none; }\n"
        f'QLabel#fieldBadge[checked="true"] {{ color: {CHECKED_ACCENT}; font-weight: 700;'
        " border: none; }\n"
        "QLabel#secondReading { color: #8d4e00; background: #fff3e0; border-radius: 3px;"
        " padding: 2px 4px; }"
    )
    return "\n".join(rules)
