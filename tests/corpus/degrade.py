"""Degradations of a rendered page: what scanning, copying and photographing do to it.

Each degradation is a small pure function of an RGB ``PIL.Image`` and explicit parameters
(randomness comes in as a ``numpy.random.Generator`` argument), returning a new image of the
same size. Sizes in pixels are given for a 300-dpi page and scaled by the image's width, so a
page rendered at a lower dpi for the tests degrades the same way.

:data:`DEGRADATIONS` maps each name the corpus uses to a *recipe*: it draws the parameters
from the generator, applies one or more functions and returns the image with the parameters it
drew (recorded in the ground truth). Names compose with ``+``: ``"photocopy+rotation"`` applies
``photocopy`` and then ``rotation`` (see :func:`apply`).

Angles are in degrees, counter-clockwise positive, as ``PIL.Image.rotate`` takes them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
from PIL import Image

Params = dict[str, Any]
Recipe = Callable[[Image.Image, np.random.Generator], tuple[Image.Image, Params]]

PAGE_WIDTH_300DPI = 2550


def _scale(image: Image.Image) -> float:
    """Pixels of this image per pixel of a 300-dpi page."""
    return image.width / PAGE_WIDTH_300DPI


def _array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.float32)


def _image(array: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8), "RGB")


def border_colour(image: Image.Image) -> tuple[int, int, int]:
    """The median colour of the image's outer 2 %: the paper (or table) a rotation uncovers."""
    arr = np.asarray(image.convert("RGB"))
    edge = max(2, round(min(arr.shape[:2]) * 0.02))
    strips = np.concatenate(
        [
            arr[:edge].reshape(-1, 3),
            arr[-edge:].reshape(-1, 3),
            arr[:, :edge].reshape(-1, 3),
            arr[:, -edge:].reshape(-1, 3),
        ]
    )
    r, g, b = (int(v) for v in np.median(strips, axis=0))
    return r, g, b


def rotate(image: Image.Image, degrees: float) -> Image.Image:
    """Rotate about the centre, keeping the size; uncovered corners take the border colour."""
    w, h = image.size
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), degrees, 1.0)
    turned = cv2.warpAffine(
        np.asarray(image.convert("RGB")),
        matrix,
        (w, h),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border_colour(image),
    )
    return Image.fromarray(turned, "RGB")


def blur(image: Image.Image, sigma: float) -> Image.Image:
    """Gaussian blur; ``sigma`` in 300-dpi pixels."""
    s = max(0.1, sigma * _scale(image))
    return _image(cv2.GaussianBlur(_array(image), (0, 0), s))


def gaussian_noise(image: Image.Image, sigma: float, rng: np.random.Generator) -> Image.Image:
    """Additive sensor noise, mostly luminance with a little colour."""
    arr = _array(image)
    h, w = arr.shape[:2]
    arr += rng.standard_normal((h, w), dtype=np.float32)[..., None] * sigma
    # colour noise is blotchy: drawn at a quarter of the size and enlarged
    chroma = rng.standard_normal((max(1, h // 4), max(1, w // 4), 3), dtype=np.float32)
    arr += cv2.resize(chroma, (w, h), interpolation=cv2.INTER_LINEAR) * (sigma * 0.4)
    return _image(arr)


def jpeg_artefacts(image: Image.Image, quality: int) -> Image.Image:
    """Re-encode as JPEG at ``quality`` (blocking and ringing), decoded back to RGB."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=int(quality))
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert("RGB")


def colour_cast(
    image: Image.Image, gains: tuple[float, float, float], offset: float = 0.0
) -> Image.Image:
    """Multiply each channel by its gain and add ``offset`` (a tinted paper or light)."""
    arr = _array(image) * np.asarray(gains, dtype=np.float32) + offset
    return _image(arr)


def photocopy(
    image: Image.Image,
    rng: np.random.Generator,
    *,
    contrast: float = 0.82,
    pepper: float = 0.0008,
    salt: float = 0.02,
    toner_specks: int = 300,
    edge_shadow: float = 0.0,
) -> Image.Image:
    """A photocopy: grey, washed-out contrast, uneven toner, dark dots and white drop-outs.

    ``pepper`` is the share of pixels that get a dark dot, ``salt`` the share of ink pixels
    that drop out to paper, ``toner_specks`` the number of larger blotches on the page and
    ``edge_shadow`` the darkness (0-1) of the lid's shadow along the left edge.
    """
    scale = _scale(image)
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = grey.shape
    # contrast loss around mid-grey, and a slightly grey paper
    out = 128 + (grey - 128) * contrast - 6
    # uneven toner: a smooth, low-frequency multiplicative field
    coarse = rng.normal(0.0, 1.0, (8, 6)).astype(np.float32)
    field = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    out *= 1.0 - 0.035 * field
    # white drop-outs in the ink
    ink = grey < 128
    drop = ink & (rng.random((h, w)) < salt)
    out[drop] = 225
    # pepper: single dark pixels, grown a little at 300 dpi
    dots = (rng.random((h, w)) < pepper).astype(np.uint8)
    size = max(1, round(2 * scale))
    grown = cv2.dilate(dots, np.ones((size, size), np.uint8)) if size > 1 else dots
    out[grown > 0] = rng.uniform(20, 90)
    # a few larger toner specks
    for _ in range(toner_specks):
        cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
        radius = max(1, round(rng.uniform(1.5, 5.0) * scale))
        cv2.circle(out, (cx, cy), radius, float(rng.uniform(30, 110)), -1)
    if edge_shadow > 0:
        band = max(2, round(60 * scale))
        ramp = np.linspace(1.0 - edge_shadow, 1.0, band, dtype=np.float32)
        out[:, :band] *= ramp[None, :]
    out = np.clip(out, 0, 255)
    return Image.fromarray(out.astype(np.uint8), "L").convert("RGB")


def illumination(image: Image.Image, gain_field: np.ndarray) -> Image.Image:
    """Multiply the image by a per-pixel gain (an ``H x W`` float array, 1 = unchanged)."""
    return _image(_array(image) * gain_field[..., None].astype(np.float32))


def shadow_field(
    size: tuple[int, int],
    rng: np.random.Generator,
    *,
    gradient: float = 0.2,
    shadow: float = 0.35,
) -> np.ndarray:
    """A smooth gain field: a linear light fall-off plus one soft shadow across part of the page.

    ``gradient`` is how much darker the far side is, ``shadow`` how much darker the shadow
    (a hand or a phone held over the page) is in its middle.
    """
    w, h = size
    # built at 1/8 size (the field is smooth) and enlarged: a full-size blur this wide is slow
    sw, sh = max(8, w // 8), max(8, h // 8)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    along = (np.cos(angle) * xx / sw + np.sin(angle) * yy / sh + 1.0) / 2.0  # 0..1 across
    gain = 1.0 - gradient * along
    # the shadow: a large ellipse off one side, blurred to a soft edge
    mask = np.zeros((sh, sw), np.float32)
    side = int(rng.integers(0, 4))
    cx = {0: 0.0, 1: sw, 2: rng.uniform(0.2, 0.8) * sw, 3: rng.uniform(0.2, 0.8) * sw}[side]
    cy = {0: rng.uniform(0.2, 0.8) * sh, 1: rng.uniform(0.2, 0.8) * sh, 2: 0.0, 3: sh}[side]
    axes = (int(rng.uniform(0.35, 0.6) * sw), int(rng.uniform(0.25, 0.45) * sh))
    cv2.ellipse(mask, (int(cx), int(cy)), axes, float(rng.uniform(0, 180)), 0, 360, 1.0, -1)
    soft = cv2.GaussianBlur(mask, (0, 0), max(1.0, 0.06 * sw))
    small = gain * (1.0 - shadow * soft)
    field: np.ndarray = np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR))
    return field


def perspective(
    image: Image.Image,
    corners: np.ndarray,
    background: tuple[int, int, int],
) -> Image.Image:
    """Map the page's corners to ``corners`` (4 x 2, clockwise from top-left), same size.

    What the page no longer covers shows ``background`` (the table the page lies on).
    """
    w, h = image.size
    source = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, np.asarray(corners, dtype=np.float32))
    warped = cv2.warpPerspective(
        np.asarray(image.convert("RGB")),
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=tuple(int(c) for c in background),
    )
    return Image.fromarray(warped, "RGB")


def phone_corners(
    size: tuple[int, int], rng: np.random.Generator, *, tilt: float, fill: float
) -> np.ndarray:
    """Where a phone photo puts the page's corners: shrunk to ``fill``, tilted, unevenly."""
    w, h = size
    centre = np.array([w / 2, h / 2]) + rng.uniform(-0.015, 0.015, 2) * (w, h)
    base = np.array([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]]) * fill
    theta = np.deg2rad(-tilt)  # image y runs down: negate for counter-clockwise on screen
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    jitter = rng.uniform(-0.018, 0.018, (4, 2)) * (w, h)
    corners: np.ndarray = (base @ rot.T + centre + jitter).astype(np.float32)
    return corners


# --- recipes: draw parameters, apply, report what was drawn ---------------------------------


def _clean(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    return image.convert("RGB"), {}


def _rotation(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    degrees = float(rng.uniform(0.5, 4.0) * rng.choice((-1.0, 1.0)))
    return rotate(image, degrees), {"rotation_degrees": round(degrees, 3)}


def _blur(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    sigma = float(rng.uniform(1.0, 2.2))
    return blur(image, sigma), {"sigma": round(sigma, 3)}


def _noise(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    sigma = float(rng.uniform(8.0, 18.0))
    return gaussian_noise(image, sigma, rng), {"sigma": round(sigma, 3)}


def _jpeg(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    quality = int(rng.integers(25, 46))
    return jpeg_artefacts(image, quality), {"quality": quality}


def _photocopy(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    params: Params = {
        "contrast": round(float(rng.uniform(0.72, 0.88)), 3),
        "pepper": round(float(rng.uniform(0.0003, 0.0012)), 5),
        "salt": round(float(rng.uniform(0.01, 0.04)), 4),
        "toner_specks": int(rng.integers(100, 500)),
        "edge_shadow": round(float(rng.uniform(0.3, 0.7)) if rng.random() < 0.4 else 0.0, 3),
    }
    return photocopy(image, rng, **params), params


_CASTS: dict[str, tuple[float, float, float]] = {
    "warm": (1.0, 0.94, 0.80),
    "yellowed": (0.98, 0.95, 0.78),
    "cool": (0.86, 0.93, 1.0),
    "green": (0.90, 1.0, 0.88),
    "pink": (1.0, 0.90, 0.93),
}


def _colour_cast(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    name = str(rng.choice(sorted(_CASTS)))
    offset = float(rng.uniform(-18, 4))
    return colour_cast(image, _CASTS[name], offset), {"cast": name, "offset": round(offset, 2)}


_TABLES = ((96, 78, 60), (140, 118, 92), (70, 70, 74), (180, 172, 160), (40, 44, 52))


def _phone_shadow(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, Params]:
    tilt = float(rng.uniform(-3.0, 3.0))
    fill = float(rng.uniform(0.9, 0.97))
    background = _TABLES[int(rng.integers(0, len(_TABLES)))]
    corners = phone_corners(image.size, rng, tilt=tilt, fill=fill)
    out = perspective(image, corners, background)
    gradient = float(rng.uniform(0.08, 0.25))
    shadow = float(rng.uniform(0.25, 0.45))
    out = illumination(out, shadow_field(out.size, rng, gradient=gradient, shadow=shadow))
    cast = _CASTS["warm"] if rng.random() < 0.6 else _CASTS["cool"]
    out = colour_cast(out, cast, float(rng.uniform(-10, 0)))
    out = blur(out, float(rng.uniform(0.6, 1.2)))
    out = gaussian_noise(out, float(rng.uniform(1.5, 3.5)), rng)  # after the phone's denoising
    scale = PAGE_WIDTH_300DPI / image.width  # corners reported in 300-dpi pixels
    return out, {
        "tilt_degrees": round(tilt, 3),
        "page_fill": round(fill, 3),
        "corners": [[round(float(x) * scale, 1), round(float(y) * scale, 1)] for x, y in corners],
        "gradient": round(gradient, 3),
        "shadow": round(shadow, 3),
    }


DEGRADATIONS: dict[str, Recipe] = {
    "clean": _clean,
    "rotation": _rotation,
    "blur": _blur,
    "noise": _noise,
    "jpeg": _jpeg,
    "photocopy": _photocopy,
    "phone_shadow": _phone_shadow,
    "colour_cast": _colour_cast,
}


def check_name(name: str) -> None:
    """Raise ``ValueError`` unless ``name`` is a degradation or a ``+`` combination of them."""
    unknown = [part for part in name.split("+") if part not in DEGRADATIONS]
    if unknown:
        raise ValueError(
            f"unknown degradation {', '.join(unknown)!s}; choose from {', '.join(DEGRADATIONS)}"
        )


def apply(
    name: str, image: Image.Image, rng: np.random.Generator
) -> tuple[Image.Image, dict[str, Params]]:
    """Apply the degradation ``name`` (``a+b`` applies ``a`` then ``b``); returns its parameters."""
    check_name(name)
    params: dict[str, Params] = {}
    out = image.convert("RGB")
    for part in name.split("+"):
        out, drawn = DEGRADATIONS[part](out, rng)
        if drawn:
            params[part] = drawn
    return out, params
