#!/usr/bin/env python3
"""Build the sample documents in samples/documents/ from the seed texts in samples/truth/.

Run from the repository root:

    .venv/bin/python samples/build.py           # (re)build everything
    .venv/bin/python samples/build.py --check   # rebuild in a temp dir, compare with the committed files

Deterministic: fixed PDF dates/IDs (reportlab invariant mode, img2pdf nodate, a fixed date
patched into tesseract's PDF), fixed random seed per file for the scan degradation, and
tesseract run with OMP_THREAD_LIMIT=1. Needs: reportlab, pypdfium2, pillow, numpy, img2pdf,
pdfplumber (for the self-check) and the tesseract binary with the `eng` language.

Outputs (see samples/README.md for the manifest):
    documents/born-digital/NNN.pdf  A4 text PDF (DejaVu Sans 10.5 pt), text == seed (whitespace-normalised)
    documents/scanned/NNN.pdf       1-bit 300 dpi image-only scan (skew + speckle), CCITT G4
    documents/legacy/NNN.pdf        the same scan + an English-only tesseract text layer (bad for Norwegian)
    documents/text/NNN.txt          the seed text as a text dump (003 = the damaged English-OCR original)
    documents/mixed/mixed-001-002.pdf  born-digital pages of 001 followed by scanned pages of 002
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import img2pdf
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
TRUTH = HERE / "truth"
DEFAULT_OUT = HERE / "documents"

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT = "DejaVuSans"
FONT_SIZE = 10.5
MARGIN_X = 56.7  # 2 cm
MARGIN_TOP = 62.0
MARGIN_BOTTOM = 62.0
# Seeds that were text dumps of PDFs keep their hard line breaks; set them at the size where
# their longest line (URLs excepted) fits the column, so the page looks like the original
# instead of ragged re-wrapped lines.
HARD_WRAPPED = {"002", "003"}
MIN_FONT_SIZE = 5.0  # a line with an over-long word (a URL) is set smaller so it fits

DPI = 300
A4_PT = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
# Fixed date patched into tesseract's PDF (same byte length as "YYYYMMDDHHMMSS").
FIXED_PDF_DATE = b"20240101000000"

SEEDS = ["000", "001", "002", "003", "004"]


def normalise(text: str) -> str:
    """Collapse every whitespace run (incl. NBSP, newlines) to one space, strip."""
    return re.sub(r"\s+", " ", text).strip()


def seed_path(nnn: str, damaged: bool = False) -> Path:
    suffix = ".damaged.txt" if damaged else ".txt"
    hits = [p for p in sorted(TRUTH.glob(f"{nnn}_*{suffix}")) if damaged or not p.name.endswith(".damaged.txt")]
    if len(hits) != 1:
        raise SystemExit(f"expected exactly one seed {nnn}_*{suffix} in {TRUTH}, found {hits}")
    return hits[0]


def read_seed(nnn: str) -> str:
    return seed_path(nnn).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- born-digital


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH))


def layout_lines(text: str, base: float = FONT_SIZE) -> list[tuple[float, str, float]]:
    """Wrap the seed into (indent_pt, line_text, font_size) lines; '' = blank line.

    Words are never split or hyphenated. Breaks happen only at ASCII spaces (NBSP stays
    inside its word). A single word wider than the text column (the long URLs in seed 002)
    gets a line of its own at a font size small enough to fit.
    """
    width = A4[0] - 2 * MARGIN_X
    sw = pdfmetrics.stringWidth
    out: list[tuple[float, str, float]] = []
    for raw in text.split("\n"):
        stripped = raw.lstrip(" ")
        if not stripped.strip():
            out.append((0.0, "", base))
            continue
        indent = sw(" ", FONT, base) * (len(raw) - len(stripped))
        avail = width - indent
        words = [w for w in stripped.split(" ") if w]
        line: list[str] = []
        for w in words:
            cand = " ".join(line + [w])
            if sw(cand, FONT, base) <= avail:
                line.append(w)
                continue
            if line:
                out.append((indent, " ".join(line), base))
                line = []
            if sw(w, FONT, base) <= avail:
                line = [w]
            else:  # over-long word: own line, smaller font
                size = base * avail / sw(w, FONT, base)
                size = max(MIN_FONT_SIZE, int(size * 10) / 10)  # round down to 0.1 pt
                if sw(w, FONT, size) > avail:
                    raise SystemExit(f"word too long even at {MIN_FONT_SIZE} pt: {w!r}")
                out.append((indent, w, size))
        if line:
            out.append((indent, " ".join(line), base))
    # drop leading/trailing blank lines (they carry no text)
    while out and not out[0][1]:
        out.pop(0)
    while out and not out[-1][1]:
        out.pop()
    return out


def base_size(nnn: str, text: str) -> float:
    if nnn not in HARD_WRAPPED:
        return FONT_SIZE
    width = A4[0] - 2 * MARGIN_X
    lines = [" ".join(w for w in ln.split(" ") if w) for ln in text.split("\n") if "://" not in ln]
    longest = max(pdfmetrics.stringWidth(ln, FONT, 10.0) for ln in lines)
    return min(FONT_SIZE, int(10.0 * width / longest * 10) / 10)


def build_born_digital(nnn: str, text: str, dest: Path) -> None:
    _register_font()
    base = base_size(nnn, text)
    leading = base * 1.33
    c = canvas.Canvas(str(dest), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"saksarkiv sample {nnn}")
    c.setAuthor("saksarkiv samples/build.py")
    c.setCreator("saksarkiv samples/build.py")
    c.setProducer("ReportLab (invariant)")
    top = A4[1] - MARGIN_TOP
    y = top
    page_has_text = False
    for indent, line, size in layout_lines(text, base):
        if y < MARGIN_BOTTOM:
            c.showPage()
            y = top
            page_has_text = False
        if not line:
            if page_has_text:  # no blank space at the very top of a page
                y -= leading
            continue
        c.setFont(FONT, size)
        c.drawString(MARGIN_X + indent, y, line)
        page_has_text = True
        y -= leading
    c.showPage()
    c.save()


# --------------------------------------------------------------------------- scans


def degrade(gray: Image.Image, seed: int) -> Image.Image:
    """Office-scan look: slight skew, rough edges, speckle; returns a 1-bit image."""
    rng = np.random.default_rng(seed)
    angle = float(rng.uniform(0.3, 1.0) * rng.choice([-1.0, 1.0]))
    img = gray.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    a = a + rng.normal(0.0, 14.0, a.shape).astype(np.float32)  # roughens glyph edges
    bw = a < 150.0  # True = black
    h, w = bw.shape
    # pepper: sparse black dust, some 2x2 / 3x3 specks
    n = int(h * w * 0.00012)
    ys = rng.integers(0, h - 3, n)
    xs = rng.integers(0, w - 3, n)
    sizes = rng.choice([1, 1, 1, 2, 2, 3], n)
    for yy, xx, s in zip(ys, xs, sizes):
        bw[yy : yy + s, xx : xx + s] = True
    # salt: a few white dropouts inside glyphs
    n = int(h * w * 0.00015)
    bw[rng.integers(0, h, n), rng.integers(0, w, n)] = False
    out = Image.fromarray(np.where(bw, 0, 255).astype(np.uint8), mode="L").convert("1", dither=Image.NONE)
    return out


def scan_pages(born_digital: Path, seed_base: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(born_digital))
    pages = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            bitmap = page.render(scale=DPI / 72, grayscale=True)
            gray = bitmap.to_pil().convert("L")
            pages.append(degrade(gray, seed_base * 100 + i))
            page.close()
    finally:
        pdf.close()
    return pages


def g4_tiff(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4", dpi=(DPI, DPI))
    return buf.getvalue()


def build_scanned(pages: list[Image.Image], dest: Path) -> None:
    layout = img2pdf.get_layout_fun(A4_PT, fit=img2pdf.FitMode.into)
    data = img2pdf.convert(
        [g4_tiff(p) for p in pages],
        layout_fun=layout,
        nodate=True,
        engine=img2pdf.Engine.internal,
        title="saksarkiv scanned sample",
    )
    dest.write_bytes(data)


def _pin_pdf(data: bytes, id_seed: bytes = b"") -> bytes:
    """Make a tesseract/PDFium-written PDF byte-stable.

    Both write /CreationDate (D:YYYYMMDDHHMMSS...) of the current time, and PDFium writes a
    random trailer /ID. Replace both in place with fixed values of the same length, so the
    xref offsets stay valid.
    """
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + FIXED_PDF_DATE, data)
    fixed_id = hashlib.md5(id_seed).hexdigest().upper().encode()

    def repl(m: re.Match) -> bytes:
        return m.group(1) + fixed_id[: len(m.group(2))] + m.group(3) + fixed_id[: len(m.group(4))] + m.group(5)

    return re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)", repl, data)


def build_legacy(pages: list[Image.Image], dest: Path, work: Path) -> None:
    """One tesseract run over a list of 1-bit TIFF pages -> one multi-page PDF with an eng text layer."""
    work.mkdir(parents=True, exist_ok=True)
    names = []
    for i, p in enumerate(pages):
        f = work / f"page-{i:03d}.tif"
        f.write_bytes(g4_tiff(p))
        names.append(str(f))
    listing = work / "pages.txt"
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    base = work / "out"
    subprocess.run(
        ["tesseract", str(listing), str(base), "-l", "eng", "--dpi", str(DPI), "pdf"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    dest.write_bytes(_pin_pdf(base.with_suffix(".pdf").read_bytes(), dest.name.encode()))


def build_mixed(born: Path, scanned: Path, dest: Path) -> list[str]:
    """Born-digital pages of `born` followed by the scanned pages of `scanned`."""
    out = pdfium.PdfDocument.new()
    kinds = []
    for src, kind in ((born, "born-digital 001"), (scanned, "scanned 002")):
        doc = pdfium.PdfDocument(str(src))
        n = len(doc)
        out.import_pages(doc)
        doc.close()
        kinds += [f"{kind} p{i + 1}" for i in range(n)]
    buf = io.BytesIO()
    out.save(buf, version=17)
    out.close()
    dest.write_bytes(_pin_pdf(buf.getvalue(), born.read_bytes() + scanned.read_bytes()))
    return kinds


# --------------------------------------------------------------------------- main


def build(out: Path) -> dict[str, list[str]]:
    for sub in ("born-digital", "scanned", "legacy", "text", "mixed"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    info: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="saksarkiv-samples-") as tmp:
        tmpd = Path(tmp)
        for k, nnn in enumerate(SEEDS):
            text = read_seed(nnn)
            bd = out / "born-digital" / f"{nnn}.pdf"
            build_born_digital(nnn, text, bd)
            pages = scan_pages(bd, seed_base=1000 + k)
            build_scanned(pages, out / "scanned" / f"{nnn}.pdf")
            build_legacy(pages, out / "legacy" / f"{nnn}.pdf", tmpd / nnn)
            src = seed_path(nnn, damaged=(nnn == "003"))
            (out / "text" / f"{nnn}.txt").write_bytes(src.read_bytes())
        info["mixed"] = build_mixed(
            out / "born-digital" / "001.pdf", out / "scanned" / "002.pdf", out / "mixed" / "mixed-001-002.pdf"
        )
    return info


def verify(out: Path) -> list[str]:
    """Self-checks; returns a list of problems (empty = fine)."""
    import pdfplumber

    problems = []
    for nnn in SEEDS:
        expected_file = TRUTH / "expected" / f"{nnn}.born-digital.txt"
        expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else read_seed(nnn)
        with pdfplumber.open(out / "born-digital" / f"{nnn}.pdf") as pdf:
            got = "\n".join(p.extract_text() or "" for p in pdf.pages)
            if any(abs(p.width - A4[0]) > 1 or abs(p.height - A4[1]) > 1 for p in pdf.pages):
                problems.append(f"born-digital/{nnn}.pdf: page not A4")
        if normalise(got) != normalise(expected):
            problems.append(f"born-digital/{nnn}.pdf: extracted text != seed (normalised)")
        for kind in ("scanned", "legacy"):
            with pdfplumber.open(out / kind / f"{nnn}.pdf") as pdf:
                txt = "".join(p.extract_text() or "" for p in pdf.pages)
                if any(abs(p.width - A4[0]) > 1 or abs(p.height - A4[1]) > 1 for p in pdf.pages):
                    problems.append(f"{kind}/{nnn}.pdf: page not A4")
            if kind == "scanned" and txt.strip():
                problems.append(f"scanned/{nnn}.pdf: has a text layer")
            if kind == "legacy" and len(txt.strip()) < 200:
                problems.append(f"legacy/{nnn}.pdf: text layer missing/too short")
    return problems


def summary(out: Path) -> list[tuple[str, int, int]]:
    rows = []
    for f in sorted(out.rglob("*")):
        if not f.is_file():
            continue
        pages = 0
        if f.suffix == ".pdf":
            doc = pdfium.PdfDocument(str(f))
            pages = len(doc)
            doc.close()
        rows.append((str(f.relative_to(out)), pages, f.stat().st_size))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with samples/documents")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    if args.check:
        with tempfile.TemporaryDirectory(prefix="saksarkiv-check-") as tmp:
            fresh = Path(tmp) / "documents"
            build(fresh)
            a = {str(p.relative_to(fresh)) for p in fresh.rglob("*") if p.is_file()}
            b = {str(p.relative_to(args.out)) for p in args.out.rglob("*") if p.is_file()}
            bad = sorted(a ^ b) + sorted(x for x in a & b if not filecmp.cmp(fresh / x, args.out / x, shallow=False))
            for x in bad:
                print(f"DIFFERS: {x}")
            print("check:", "OK, byte-identical" if not bad else f"{len(bad)} file(s) differ")
            return 1 if bad else 0

    if args.out.exists():
        shutil.rmtree(args.out)
    info = build(args.out)
    problems = verify(args.out)
    rows = summary(args.out)
    total = 0
    print(f"{'file':40} {'pages':>5} {'bytes':>9}")
    for name, pages, size in rows:
        total += size
        print(f"{name:40} {pages or '':>5} {size:>9}")
    print(f"{len(rows)} files, {total} bytes")
    print("mixed/mixed-001-002.pdf pages:", ", ".join(f"{i + 1}={k}" for i, k in enumerate(info["mixed"])))
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
