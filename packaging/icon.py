"""Draw the application icon, ``packaging/medreview.png`` (256 x 256).

A page with text lines and a green check mark: a scan that has been verified.
Run ``.venv/bin/python packaging/icon.py`` to redraw it; the PNG is committed,
and PyInstaller turns it into the ``.ico`` / ``.icns`` Windows and macOS need.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256
OUT = Path(__file__).with_name("medreview.png")


def draw() -> Image.Image:
    """The icon as an RGBA image."""
    scale = 4  # draw large, then shrink: smooth edges
    s = SIZE * scale
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    # the page, with a folded corner
    left, top, right, bottom, fold = 0.17 * s, 0.06 * s, 0.83 * s, 0.94 * s, 0.16 * s
    page = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    pen.polygon(page, fill=(250, 250, 247), outline=(40, 62, 96), width=5 * scale)
    pen.polygon(
        [(right - fold, top), (right - fold, top + fold), (right, top + fold)],
        fill=(214, 222, 235),
        outline=(40, 62, 96),
    )
    # a red cross, as on a medical form, and text lines
    cx, cy, arm, bar = 0.33 * s, 0.2 * s, 0.07 * s, 0.025 * s
    pen.rectangle((cx - arm, cy - bar, cx + arm, cy + bar), fill=(200, 40, 40))
    pen.rectangle((cx - bar, cy - arm, cx + bar, cy + arm), fill=(200, 40, 40))
    for i, width in enumerate((0.5, 0.56, 0.44, 0.56, 0.36)):
        y = (0.36 + 0.085 * i) * s
        pen.rounded_rectangle(
            (0.26 * s, y, (0.26 + width) * s, y + 0.03 * s),
            radius=0.015 * s,
            fill=(120, 136, 160),
        )
    # the check mark in a green disc
    gx, gy, r = 0.7 * s, 0.76 * s, 0.2 * s
    pen.ellipse(
        (gx - r, gy - r, gx + r, gy + r),
        fill=(34, 139, 74),
        outline=(255, 255, 255),
        width=4 * scale,
    )
    pen.line(
        [
            (gx - 0.1 * s, gy + 0.0 * s),
            (gx - 0.025 * s, gy + 0.075 * s),
            (gx + 0.1 * s, gy - 0.07 * s),
        ],
        fill=(255, 255, 255),
        width=int(0.045 * s),
        joint="curve",
    )
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw().save(OUT, optimize=True)
