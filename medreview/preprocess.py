"""Page image preprocessing: small pure OpenCV functions and the choice of which to apply.

Blindly applying every step hurts: adaptive thresholding makes clean scans worse
while it rescues shadowed phone photos. So :func:`prepare` measures the page
(background unevenness, skew, speckle) and applies only what that page needs; the
pipeline may still try the binarised image when the first read is doubtful
(:func:`binarize`).

Geometry and appearance are kept apart: ``prepare`` returns the photometric result
in the page's own geometry (what the review window shows as "preprocessed", so the
word boxes line up on both views) and the deskewed image the OCR engine reads,
with the affine transform that maps OCR coordinates back to the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from medreview.config import PreprocessConfig
from medreview.model import BBox

Gray = npt.NDArray[np.uint8]
Matrix = npt.NDArray[np.float64]

_ANALYSIS_WIDTH = 800
_MIN_SKEW_POINTS = 200
_MAX_SKEW_POINTS = 20_000
_WHITE = 255


@dataclass(frozen=True, slots=True)
class PreparedPage:
    """A page ready for OCR.

    ``view`` is the cleaned page in its original geometry; ``ocr_image`` is what
    the engine reads (deskewed); ``to_page`` maps ``ocr_image`` pixels back to
    the page's pixel space.
    """

    view: Gray
    ocr_image: Gray
    to_page: Matrix
    skew_degrees: float
    steps: tuple[str, ...]


def _u8(array: object) -> Gray:
    """View OpenCV's loosely typed result as the uint8 image it is (no copy)."""
    return np.asarray(array, dtype=np.uint8)


def to_gray(image: npt.NDArray[np.uint8]) -> Gray:
    """Grayscale by luminance; a single-channel image is returned as is."""
    if image.ndim == 2:
        return image
    return _u8(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))


def _downscale(gray: Gray, width: int = _ANALYSIS_WIDTH) -> tuple[Gray, float]:
    """A smaller copy for analysis, by repeated Gaussian pyramid halving.

    Halving with ``pyrDown`` is several times faster than an area resize of a
    300-dpi page and as good for measuring; the result is 0.75-1.5x ``width``.
    """
    small = gray
    while small.shape[1] / 2 >= width * 0.75:
        small = _u8(cv2.pyrDown(small))
    return small, small.shape[1] / gray.shape[1]


def estimate_background(gray: Gray, kernel: int) -> Gray:
    """The page's paper brightness with the ink removed (closing, then a median blur).

    Computed on a downscaled copy for speed and scaled back up: illumination
    varies slowly, so nothing is lost.
    """
    small, scale = _downscale(gray)
    k = max(3, round(kernel * scale) | 1)
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    background = cv2.medianBlur(closed, k if k <= 255 else 255)
    return _u8(
        cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    )


def background_spread(gray: Gray, kernel: int) -> float:
    """How uneven the paper is: the 95th minus the 5th percentile of the background."""
    small, _ = _downscale(gray, 400)
    background = estimate_background(small, kernel)
    low, high = np.percentile(background, [5, 95])
    return float(high - low)


def normalize_illumination(gray: Gray, kernel: int) -> Gray:
    """Divide the page by its background so shadows and colour casts become white paper."""
    background = np.maximum(estimate_background(gray, kernel), 1)
    return _u8(cv2.divide(gray, background, scale=255.0))


def binarize(gray: Gray, block: int, c: int) -> Gray:
    """Adaptive (local mean) threshold: black ink on white paper."""
    block = max(3, block | 1)
    return _u8(
        cv2.adaptiveThreshold(
            gray, _WHITE, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, c
        )
    )


def _ink_mask(gray: Gray) -> Gray:
    _, mask = cv2.threshold(gray, 0, _WHITE, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return _u8(mask)


def _profile_score(xs: npt.NDArray[np.float32], ys: npt.NDArray[np.float32], angle: float) -> float:
    """Sharpness of the row profile of ink points seen at ``angle`` (sum of squared counts)."""
    theta = np.deg2rad(angle)
    offsets = ys * np.float32(np.cos(theta)) + xs * np.float32(np.sin(theta))
    counts = np.bincount((offsets - offsets.min()).astype(np.int32))
    return float(np.dot(counts, counts))


def estimate_skew(gray: Gray, max_degrees: float) -> float:
    """The text's tilt in degrees (counter-clockwise positive), by projection profiles.

    Text lines give the sharpest row profile when projected along their own
    direction. Projecting a sample of ink points (not rotating images) makes a
    coarse and a fine search over angles cost a few milliseconds.
    """
    small, _ = _downscale(gray)
    ys, xs = np.nonzero(_ink_mask(small))
    if xs.size < _MIN_SKEW_POINTS:
        return 0.0
    if xs.size > _MAX_SKEW_POINTS:
        keep = np.linspace(0, xs.size - 1, _MAX_SKEW_POINTS).astype(np.int64)
        xs, ys = xs[keep], ys[keep]
    fx, fy = xs.astype(np.float32), ys.astype(np.float32)
    coarse = np.arange(-max_degrees, max_degrees + 0.001, 0.5)
    best = max(coarse, key=lambda a: _profile_score(fx, fy, float(a)))
    fine = np.arange(best - 0.5, best + 0.501, 0.05)
    tilt = max(fine, key=lambda a: _profile_score(fx, fy, float(a)))
    return float(round(tilt, 2)) + 0.0


def rotate(gray: Gray, degrees: float) -> tuple[Gray, Matrix]:
    """Rotate by ``degrees`` on an enlarged white canvas; also return the inverse map.

    The returned matrix maps pixels of the rotated image back to the original.
    """
    height, width = gray.shape
    center = (width / 2, height / 2)
    matrix = cv2.getRotationMatrix2D(center, degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - center[0]
    matrix[1, 2] += new_h / 2 - center[1]
    rotated = cv2.warpAffine(
        gray,
        matrix,
        (new_w, new_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=_WHITE,
    )
    return _u8(rotated), cv2.invertAffineTransform(matrix).astype(np.float64)


def rotate_quarter(gray: Gray, degrees: int) -> Gray:
    """Turn a page clockwise by a multiple of 90 degrees."""
    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = turns.get(degrees % 360)
    return gray if code is None else _u8(cv2.rotate(gray, code))


def speckle_count(gray: Gray, max_area: int) -> int:
    """About how many tiny ink specks (photocopy dust) a page has.

    Counted on every other pixel (dots survive, unlike in an averaging resize) of
    the middle half of the page, then scaled to the whole: dust spreads evenly,
    and this costs an eighth of counting everything.
    """
    height = int(gray.shape[0])
    middle = gray[height // 4 : height - height // 4 : 2, ::2]
    mask = _ink_mask(np.ascontiguousarray(middle))
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    area_limit = max(1, round(max_area / 4))
    specks = int(np.count_nonzero(stats[1:, cv2.CC_STAT_AREA] <= area_limit))
    return round(specks * height / max(1, height - 2 * (height // 4)))


def remove_speckle(gray: Gray) -> Gray:
    """A 3x3 median: removes isolated dots, keeps strokes at 300 dpi."""
    return _u8(cv2.medianBlur(gray, 3))


def map_box(box: BBox, matrix: Matrix, width: int, height: int) -> BBox:
    """Map a box through an affine transform (its corners' bounding box, clipped)."""
    corners = np.array(
        [[box.x0, box.y0, 1], [box.x1, box.y0, 1], [box.x0, box.y1, 1], [box.x1, box.y1, 1]],
        dtype=np.float64,
    )
    mapped = corners @ matrix.T
    xs, ys = mapped[:, 0], mapped[:, 1]
    return BBox(
        int(max(0, min(width, np.floor(xs.min())))),
        int(max(0, min(height, np.floor(ys.min())))),
        int(max(0, min(width, np.ceil(xs.max())))),
        int(max(0, min(height, np.ceil(ys.max())))),
    )


IDENTITY: Matrix = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])

# Pages with more specks than this (at 150 dpi analysis size) are despeckled.
_SPECKLE_PAGE_LIMIT = 400


def prepare(image: npt.NDArray[np.uint8], config: PreprocessConfig) -> PreparedPage:
    """Apply the steps this page needs (of those ``config`` allows), and say which ran."""
    gray = to_gray(image)
    steps = ["grayscale"]
    if (
        config.illumination
        and background_spread(gray, config.background_kernel) > config.shadow_spread
    ):
        gray = normalize_illumination(gray, config.background_kernel)
        steps.append("illumination")
    if config.despeckle and speckle_count(gray, config.speckle_max_area) > _SPECKLE_PAGE_LIMIT:
        gray = remove_speckle(gray)
        steps.append("despeckle")
    skew = estimate_skew(gray, config.max_skew_degrees) if config.deskew else 0.0
    if abs(skew) >= config.min_skew_degrees:
        ocr_image, to_page = rotate(gray, -skew)
        steps.append("deskew")
    else:
        ocr_image, to_page, skew = gray, IDENTITY, 0.0
    return PreparedPage(
        view=gray, ocr_image=ocr_image, to_page=to_page, skew_degrees=skew, steps=tuple(steps)
    )
