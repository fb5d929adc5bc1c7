"""Deterministic inputs for the scale tests, built on the fly (nothing binary committed).

- ``distinct_copies``: copies of the sample text files and born-digital PDFs, each made a
  distinct document (a ``%`` comment line after a PDF's ``%%EOF``; a numbered line at the
  end of a text), so a small folder holds many documents that are cheap to process;
- ``bomb_pdf``: a one-page PDF whose image declares 20,000 x 20,000 pixels: about
  2 MB of Flate that inflates to 400 MB (a decompression bomb);
- ``huge_page_pdf``: a page of 24,000 x 24,000 points, 100,000 x 100,000 pixels at
  300 dpi, carrying a tiny image scaled over it (so it looks like a scan to be OCR'd);
- ``big_text``: a text file large enough that reading it takes seconds (time limits).
"""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

from tests.conftest import SAMPLES


def distinct_copies(folder: Path, copies: int) -> list[Path]:
    """``copies`` x (5 texts + 5 born-digital PDFs), all distinct; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(copies):
        for src in sorted((SAMPLES / "text").glob("*.txt")):
            dst = folder / f"t{k:03d}-{src.name}"
            dst.write_bytes(src.read_bytes() + f"\nKopi {k}.\n".encode())
            made.append(dst)
        for src in sorted((SAMPLES / "born-digital").glob("*.pdf")):
            dst = folder / f"p{k:03d}-{src.name}"
            dst.write_bytes(src.read_bytes() + f"\n%copy {k}\n".encode())
            made.append(dst)
    return made


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given objects (numbered from 1; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _image_page(width_pt: int, height_pt: int, image: bytes) -> bytes:
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (width_pt, height_pt)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % (width_pt, height_pt),
        image,
        _stream(b"", content),
    ])


def bomb_pdf(side: int = 20_000) -> bytes:
    """A letter-size page whose image inflates to ``side``² bytes of grey."""
    z = zlib.compressobj(1)
    row_block = bytes(side * 256)
    parts = [z.compress(row_block) for _ in range(side // 256)]
    parts.append(z.compress(bytes(side * (side % 256))))
    parts.append(z.flush())
    data = b"".join(parts)
    image = _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                    b"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode" % (side, side), data)
    return _image_page(612, 792, image)


def huge_page_pdf(side_pt: int = 24_000) -> bytes:
    """A ``side_pt``-point square page (100,000 px at 300 dpi) with an 8x8 image over it."""
    pixels = bytes((x * 37 + y * 11) % 256 for y in range(8) for x in range(8))
    image = _stream(b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace "
                    b"/DeviceGray /BitsPerComponent 8", pixels)
    return _image_page(side_pt, side_pt, image)


def big_text(path: Path, megabytes: int = 10) -> Path:
    """A long Norwegian text (pages separated by form feeds)."""
    seed = (SAMPLES / "text" / "001.txt").read_text(encoding="utf-8")
    block = (seed + "\f") * 8
    with path.open("w", encoding="utf-8") as out:
        written = 0
        i = 0
        while written < megabytes << 20:
            chunk = f"Side {i}\n{block}"
            out.write(chunk)
            written += len(chunk.encode())
            i += 1
    return path


def copy_sample(relpath: str, dst: Path) -> Path:
    shutil.copy(SAMPLES / relpath, dst)
    return dst
