from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from medreview import loading
from medreview.config import LoadConfig
from medreview.errors import (
    EmptyFileError,
    EncryptedDocumentError,
    FileMissingError,
    NotADocumentError,
    TooLargeError,
    TooManyPagesError,
    TruncatedFileError,
)

CONFIG = LoadConfig(dpi=100)


def _page(width: int = 850, height: int = 1100, shade: int = 255) -> Image.Image:
    image = Image.new("RGB", (width, height), (shade, shade, shade))
    image.paste((0, 0, 0), (100, 100, 300, 140))
    return image


def _pdf(path: Path, pages: int = 2) -> Path:
    images = [_page() for _ in range(pages)]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=100)
    return path


def test_png_is_one_rgb_page(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    _page().save(path, dpi=(100, 100))
    pages = list(loading.load_pages(path, CONFIG))
    assert len(pages) == 1
    assert pages[0].image.shape == (1100, 850, 3)
    assert pages[0].dpi == 100


def test_multipage_tiff_gives_every_page(tmp_path: Path) -> None:
    path = tmp_path / "a.tiff"
    _page().save(path, save_all=True, append_images=[_page(shade=200), _page()])
    pages = list(loading.load_pages(path, CONFIG))
    assert [p.index for p in pages] == [0, 1, 2]
    assert int(pages[1].image[0, 0, 0]) == 200
    assert loading.open_pages(path, CONFIG)[0] == 3


def test_pdf_pages_rendered_at_the_configured_dpi(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", pages=2)
    pages = list(loading.load_pages(path, CONFIG))
    assert len(pages) == 2
    assert pages[0].dpi == 100
    assert abs(pages[0].width - 850) <= 2 and abs(pages[0].height - 1100) <= 2


def test_exif_orientation_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: rotate 90 degrees clockwise to view
    _page(400, 300).save(path, exif=exif)
    (page,) = loading.load_pages(path, CONFIG)
    assert page.image.shape[:2] == (400, 300)


def test_image_without_dpi_gets_a_letter_width_estimate(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    _page(1275, 1650).save(path)
    (page,) = loading.load_pages(path, CONFIG)
    assert page.dpi == 150


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyFileError),
        (b"hello, this is a text file\n", NotADocumentError),
        (b"PK\x03\x04 a zip archive", NotADocumentError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", TruncatedFileError),
        (b"%PDF-1.7\n1 0 obj\n<<", TruncatedFileError),
    ],
)
def test_unreadable_files_get_typed_errors(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        list(loading.load_pages(path, CONFIG))
    assert "bad.bin" in caught.value.message


def test_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    _page().save(path, quality=90)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(TruncatedFileError):
        list(loading.load_pages(path, CONFIG))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        list(loading.load_pages(tmp_path / "nope.pdf", CONFIG))


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    plain = _pdf(tmp_path / "plain.pdf", pages=1)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(EncryptedDocumentError):
        list(loading.load_pages(locked, CONFIG))


def test_page_limit(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "long.pdf", pages=3)
    with pytest.raises(TooManyPagesError):
        list(loading.load_pages(path, LoadConfig(dpi=100, max_pages=2)))
    tiff = tmp_path / "long.tiff"
    _page().save(tiff, save_all=True, append_images=[_page(), _page()])
    with pytest.raises(TooManyPagesError):
        loading.open_pages(tiff, LoadConfig(max_pages=2))


def test_pixel_limit_stops_decompression_bombs(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("L", (4000, 4000), 255).save(path)
    with pytest.raises(TooLargeError):
        list(loading.load_pages(path, LoadConfig(max_page_pixels=1_000_000)))
    pdf = _pdf(tmp_path / "big.pdf", pages=1)
    with pytest.raises(TooLargeError):
        list(loading.load_pages(pdf, LoadConfig(dpi=600, max_page_pixels=1_000_000)))


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (300, 300), np.uint8)).save(path)
    with pytest.raises(TooLargeError):
        list(loading.load_pages(path, LoadConfig(max_file_bytes=1000)))


def test_embedded_scan_equals_rendering(tmp_path: Path) -> None:
    from medreview import poppler

    path = tmp_path / "scan.pdf"
    ramp = np.linspace(40, 250, 850, dtype=np.float32)[None, :, None]
    pixels = np.broadcast_to(ramp, (1100, 850, 3)).astype(np.uint8).copy()
    pixels[200:260, 100:700] = (10, 20, 30)
    Image.fromarray(pixels).save(path, resolution=100)
    pdf = poppler.info(path)
    fast = poppler.embedded_scan(path, pdf, 0, 100)
    assert fast is not None
    rendered = poppler.render_page(path, 0, 100)
    assert fast.shape == rendered.shape
    assert np.abs(fast.astype(int) - rendered.astype(int)).mean() < 3
    # another resolution needs poppler's resampling: no shortcut
    assert poppler.embedded_scan(path, pdf, 0, 150) is None


def test_page_sizes_come_per_page(tmp_path: Path) -> None:
    from medreview import poppler

    path = tmp_path / "mixed.pdf"
    _page(850, 1100).save(path, save_all=True, append_images=[_page(1100, 850)], resolution=100)
    pdf = poppler.info(path)
    assert pdf.pixels(0, 100) == (850, 1100)
    assert pdf.pixels(1, 100) == (1100, 850)


def test_gray_scans_stay_gray(tmp_path: Path) -> None:
    path = tmp_path / "gray.png"
    _page().convert("L").save(path)
    bilevel = tmp_path / "bilevel.tiff"
    _page().convert("1").save(bilevel)
    (gray,) = loading.load_pages(path, CONFIG)
    (bw,) = loading.load_pages(bilevel, CONFIG)
    assert gray.image.shape == (1100, 850)
    assert bw.image.shape == (1100, 850)
    assert set(np.unique(bw.image)) == {0, 255}


@pytest.mark.parametrize("suffix", ["jpg", "png", "tiff", "pdf"])
def test_gray_decoding_matches_colour_decoding(tmp_path: Path, suffix: str) -> None:
    from medreview.preprocess import to_gray

    ramp = np.linspace(30, 240, 850, dtype=np.float32)
    pixels = np.stack([np.broadcast_to(ramp, (1100, 850))] * 3, axis=-1).astype(np.uint8)
    pixels[300:360, 100:700] = (200, 30, 30)
    path = tmp_path / f"colour.{suffix}"
    Image.fromarray(pixels).save(path, **({"resolution": 100} if suffix == "pdf" else {}))
    (colour,) = loading.load_pages(path, CONFIG)
    (gray,) = loading.load_pages(path, LoadConfig(dpi=100, gray=True))
    assert colour.image.ndim == 3 and gray.image.ndim == 2
    assert np.abs(to_gray(colour.image).astype(int) - gray.image.astype(int)).mean() < 2
