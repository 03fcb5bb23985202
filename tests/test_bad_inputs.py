"""A corpus of bad inputs, generated here: each gives a typed per-file error or a
correct extraction, none hangs, none stops the batch, and the good files of the
same call are all processed.

``extract`` and ``ingest`` run as child processes (so a hang is a timeout, not a
stuck test run) and, when the tests run as root, without the capabilities that
let root read any file, so that "unreadable" is really unreadable.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from medreview import loading
from medreview.config import LoadConfig
from medreview.errors import InputError
from medreview.store import Status, Store
from tests.accounts import add_people

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOOD = SAMPLES / "rx_printed_scan.png"
GOOD_PDF = SAMPLES / "patient_record.pdf"
TYPED = frozenset(
    {
        "empty_file",
        "truncated",
        "encrypted",
        "not_a_document",
        "too_large",
        "too_many_pages",
        "not_found",
        "unreadable",
        "not_a_file",
    }
)
OK = "ok"  # must be read correctly
EITHER = "either"  # a correct extraction or a typed error
TIMEOUT = 600


@dataclass(frozen=True)
class Case:
    """One input and what it must give."""

    kind: str
    path: Path
    expect: frozenset[str]  # error codes allowed, OK, or EITHER


def _one(code: str) -> frozenset[str]:
    return frozenset({code})


def _png_header(width: int, height: int, extra: bytes = b"") -> bytes:
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    idat = zlib.compress(b"\0" * 64)
    body = b"IDAT" + idat
    data += struct.pack(">I", len(idat)) + body + struct.pack(">I", zlib.crc32(body))
    return b"\x89PNG\r\n\x1a\n" + data + extra


def _gray16(path: Path, suffix: str) -> None:
    with Image.open(GOOD) as image:
        gray = np.asarray(image.convert("L"), dtype=np.uint16) * 257
    Image.fromarray(gray).save(path, format="PNG" if suffix == "png" else "TIFF")
    with Image.open(path) as image:
        assert image.mode.startswith("I;16")


def build_corpus(folder: Path) -> list[Case]:
    """Every kind of bad input (and a few good ones) under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(
        kind: str, name: str | bytes, expect: frozenset[str] | str, data: bytes | None = None
    ) -> Path:
        path = folder / os.fsdecode(name)
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(kind, path, frozenset({expect}) if isinstance(expect, str) else expect))
        return path

    good_png = GOOD.read_bytes()
    add("good png", "good.png", OK, good_png)
    add("good pdf", "good.pdf", OK, GOOD_PDF.read_bytes())
    add("non-UTF-8 name, good content", b"scan-\xff\xfe-caf\xe9.png", OK, good_png + b"\0")
    add("non-UTF-8 name, bad content", b"bad-\xff.pdf", _one("not_a_document"), b"hello")
    add("newline and unicode in the name", "line\nbreak-é.txt.png", _one("empty_file"), b"")
    _gray16(add("16-bit gray PNG", "gray16.png", OK), "png")
    _gray16(add("16-bit gray TIFF", "gray16.tif", OK), "tiff")
    with Image.open(GOOD) as image:
        rgb = image.convert("RGB")
    rgb.rotate(180, expand=True).save(add("upside-down page", "upside.png", EITHER))
    rgb.rotate(90, expand=True).save(add("sideways page", "sideways.png", EITHER))
    rgb.convert("P").save(add("palette PNG", "palette.png", EITHER))
    rgb.convert("CMYK").save(add("CMYK JPEG", "cmyk.jpg", EITHER), quality=90)
    rgb.convert("LA").save(add("gray with alpha", "alpha.png", EITHER))
    small = np.asarray(rgb.convert("L").resize((600, 800)), dtype=np.float32) / 255
    Image.fromarray(small, mode="F").save(add("float TIFF", "float.tif", EITHER))
    Image.new("L", (1, 1), 255).save(add("one pixel", "pixel.png", EITHER))
    add("empty png", "empty.png", _one("empty_file"), b"")
    add("empty pdf", "empty.pdf", _one("empty_file"), b"")
    add("text as pdf", "text.pdf", _one("not_a_document"), b"just some text\n" * 10)
    add("text as png", "text.png", _one("not_a_document"), b"just some text\n")
    add("random bytes as jpg", "random.jpg", _one("not_a_document"), os.urandom(4096)[1:] + b"")
    add("html as pdf", "page.pdf", _one("not_a_document"), b"<html><body>hi</body></html>")
    add("zip as pdf", "archive.pdf", _one("not_a_document"), b"PK\x03\x04" + b"\0" * 100)
    add("GIF", "anim.gif", _one("not_a_document"), b"GIF89a" + b"\0" * 50)
    add("BMP", "bitmap.bmp", _one("not_a_document"), b"BM" + b"\0" * 50)
    add("WebP", "photo.webp", _one("not_a_document"), b"RIFF\0\0\0\0WEBPVP8 " + b"\0" * 30)
    add("PNG signature only", "sig.png", _one("truncated"), b"\x89PNG\r\n\x1a\n")
    add("PNG cut in half", "half.png", _one("truncated"), good_png[: len(good_png) // 2])
    add(
        "PNG claiming 7000x7000 in 87 bytes", "bomb.png", _one("truncated"), _png_header(7000, 7000)
    )
    add("PNG claiming 100000x100000", "huge.png", _one("too_large"), _png_header(100_000, 100_000))
    broken = bytearray(good_png)
    broken[2000:2400] = os.urandom(400)
    add("PNG with damaged data", "damaged.png", _one("truncated"), bytes(broken))
    jpeg = add("JPEG cut to a third", "cut.jpg", _one("truncated"))
    rgb.save(jpeg, quality=85)
    jpeg.write_bytes(jpeg.read_bytes()[: jpeg.stat().st_size // 3])
    add("JPEG marker only", "marker.jpg", _one("truncated"), b"\xff\xd8\xff")
    tiff = add("TIFF cut short", "cut.tif", _one("truncated"))
    rgb.save(tiff, format="TIFF")
    tiff.write_bytes(tiff.read_bytes()[:200])
    add("TIFF header only", "header.tif", _one("truncated"), b"II*\x00\x08\x00\x00\x00")
    frames = [Image.new("L", (8, 8), 255) for _ in range(51)]
    frames[0].save(
        add("51-page TIFF", "pages.tif", _one("too_many_pages")),
        save_all=True,
        append_images=frames[1:],
    )
    pdf = GOOD_PDF.read_bytes()
    add(
        "PDF cut in half",
        "half.pdf",
        frozenset({"truncated", "not_a_document"}),
        pdf[: len(pdf) // 2],
    )
    add("PDF header only", "header.pdf", frozenset({"truncated", "not_a_document"}), b"%PDF-1.4\n")
    add(
        "junk before the PDF header",
        "junk.pdf",
        frozenset({"truncated", "not_a_document"}),
        b"junk" * 10 + b"%PDF-1.4\n%%EOF",
    )
    writer = PdfWriter()
    for page in PdfReader(GOOD_PDF).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    with add("encrypted PDF", "locked.pdf", _one("encrypted")).open("wb") as handle:
        writer.write(handle)
    big = add("over the size limit (sparse)", "big.png", _one("too_large"), b"\x89PNG\r\n\x1a\n")
    with big.open("r+b") as handle:
        handle.truncate(LoadConfig().max_file_bytes + 1)
    unreadable = add("unreadable file", "locked.png", _one("unreadable"), good_png)
    unreadable.chmod(0)
    os.mkfifo(add("FIFO", "pipe.png", _one("not_a_file")))
    add("broken symlink", "gone.png", _one("not_found")).symlink_to(folder / "nowhere.png")
    loop = add("symlink loop", "loop.png", _one("not_found"))
    loop.symlink_to(loop)
    add("character device", "devnull.png", _one("not_a_file")).symlink_to("/dev/null")
    add("folder named like a scan", "folder.png", _one("not_a_file")).mkdir()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(add("socket", "sock.png", _one("not_a_file"))))
    sock.close()
    add("missing path", "missing.pdf", _one("not_found"))
    return cases


def _unprivileged() -> list[str]:
    """Run a child without root's power to read any file (so chmod 0 holds)."""
    if os.geteuid() != 0:
        return []
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]


def _medreview(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [*_unprivileged(), sys.executable, "-m", "medreview", *args]
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=environ, check=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[list[Case]]:
    cases = build_corpus(tmp_path / "corpus")
    yield cases
    for case in cases:
        if case.path.exists() and not case.path.is_symlink():
            case.path.chmod(0o600)


def test_the_corpus_has_at_least_40_kinds(corpus: list[Case]) -> None:
    assert len({case.kind for case in corpus}) >= 40


def test_every_refusal_is_typed_before_decoding(corpus: list[Case]) -> None:
    for case in corpus:
        if case.expect & {OK, EITHER}:
            continue
        if case.kind == "unreadable file" and os.geteuid() == 0:
            continue  # root reads it; the child processes below run without that power
        with pytest.raises(InputError) as caught:
            loading.check_input(case.path, LoadConfig())
            list(loading.load_pages(case.path, LoadConfig()))
        assert caught.value.code in case.expect, case.kind
        caught.value.message.encode("utf-8")  # printable, whatever the name


@pytest.mark.slow
def test_extract_gives_one_valid_result_per_file(corpus: list[Case], tmp_path: Path) -> None:
    done = _medreview("extract", "--workers", "2", *(str(case.path) for case in corpus))
    text = done.stdout.decode("utf-8")  # valid UTF-8, whatever the names
    results = json.loads(text)
    assert len(results) == len(corpus), done.stderr.decode(errors="replace")[-2000:]
    truth = json.loads(GOOD.with_suffix(".json").read_text())
    for case, result in zip(corpus, results, strict=True):
        error = result["error"]
        if OK in case.expect:
            assert error is None, (case.kind, error)
            assert result["document_type"] in {truth["document_type"], "patient_details"}
            assert result["fields"], case.kind
        elif EITHER in case.expect:
            assert error is None or error["code"] in TYPED, (case.kind, error)
        else:
            assert error is not None and error["code"] in case.expect, (case.kind, error)
    by_kind = {case.kind: result for case, result in zip(corpus, results, strict=True)}
    for kind in ("16-bit gray PNG", "16-bit gray TIFF", "non-UTF-8 name, good content"):
        assert by_kind[kind]["document_type"] == "prescription"
        fields = by_kind[kind]["fields"]
        assert fields["patient_name"]["value"] == truth["fields"]["patient_name"], kind
    assert "\ufffd" in by_kind["non-UTF-8 name, good content"]["source"]
    assert done.returncode == 1


@pytest.mark.slow
def test_ingest_registers_the_good_and_refuses_the_bad(corpus: list[Case], tmp_path: Path) -> None:
    folder = corpus[0].path.parent
    keep = {"good png", "16-bit gray PNG", "non-UTF-8 name, good content"}
    for case in corpus:  # the other readable pages only cost OCR time here
        if case.expect & {OK, EITHER} and case.kind not in keep:
            case.path.unlink()
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    with Store.open(url) as store:
        add_people(store)
    missing = folder / "missing.pdf"
    done = _medreview(
        "ingest",
        str(folder),
        str(missing),
        "--batch",
        "b",
        "--workers",
        "1",
        "--quiet",
        "--database",
        url,
        "--user",
        "alice",
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1, err[-2000:]
    assert "Traceback" not in err
    refused = [line for line in err.splitlines() if line.startswith("medreview: refused")]
    assert len(refused) >= 30, err[-3000:]
    assert "missing.pdf (not_found)" in err and "pipe.png (not_a_file)" in err
    assert "bomb.png (truncated)" in err and "locked.png (unreadable)" in err
    with Store.open(url) as store:
        docs = store.documents("b")
        ready = {d.source_name for d in docs if d.status is Status.READY}
        assert len(ready) == len(keep) and any("\ufffd" in name for name in ready)
        # damaged data behind a sound header is found when decoding: a typed failure
        failed = [d for d in docs if d.status is not Status.READY]
        assert all(d.status is Status.FAILED and d.error_code in TYPED for d in failed)
        inputs = [c for c in corpus if c.kind != "folder named like a scan"]
        inputs = [c for c in inputs if os.path.lexists(c.path) or c.kind == "missing path"]
        assert len(refused) + len(docs) == len(inputs)  # every file accounted for
        copied = [p for p in (store.files_root / "sources").rglob("*") if p.is_file()]
        assert len(copied) == len(docs)  # nothing refused was copied in


@pytest.mark.slow
def test_a_killed_worker_costs_extract_no_result(tmp_path: Path) -> None:
    import signal
    import threading
    import time

    from medreview.batch import ExtractionPool, WorkItem
    from medreview.config import PipelineConfig

    paths = []
    for index in range(4):
        path = tmp_path / f"page{index}.png"
        with Image.open(GOOD) as image:
            image.convert("L").save(path)
        path.write_bytes(path.read_bytes() + bytes([index]))
        paths.append(path)
    items = [WorkItem(path=p, source=p.name) for p in paths]
    with ExtractionPool(PipelineConfig(), workers=2) as pool:
        killed: list[int] = []

        def kill_one() -> None:
            time.sleep(3)
            executor = pool._executor
            assert executor is not None
            pid = next(iter(executor._processes))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        killer = threading.Thread(target=kill_one)
        killer.start()
        results = list(pool.extract(items))
        killer.join()
    assert killed
    assert [r.source for r in results] == [p.name for p in paths]
    assert all(r.error is None and r.document_type == "prescription" for r in results)
