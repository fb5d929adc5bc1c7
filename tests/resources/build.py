#!/usr/bin/env python3
"""Build the difficult-input fixtures in tests/resources/ (bad/ and encodings/).

Run from the repository root:

    .venv/bin/python tests/resources/build.py            # (re)build + verify + print observed behaviour
    .venv/bin/python tests/resources/build.py --check    # rebuild in a temp dir, compare with committed files

Deterministic: fixed random seeds, reportlab invariant mode. The truncated PDF is cut from a
born-digital sample built in memory with samples/build.py (same bytes as
samples/documents/born-digital/000.pdf). See tests/resources/README.md for the manifest.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

sys.dont_write_bytecode = True  # don't leave __pycache__ in samples/ or tests/resources/

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLES_BUILD = ROOT / "samples" / "build.py"

USER_PASSWORD = "brukerpassord"
OWNER_PASSWORD = "eierpassord"
TRUNCATE_FRACTION = 0.40


def _samples_module():
    spec = importlib.util.spec_from_file_location("saksarkiv_samples_build", SAMPLES_BUILD)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


# --------------------------------------------------------------------------- bad/


def zero_pages_pdf() -> bytes:
    """A minimal, syntactically valid PDF whose page tree is empty (/Count 0 /Kids [])."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Producer (saksarkiv tests/resources/build.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"  # each entry exactly 20 bytes
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    s = _samples_module()
    s._register_font()
    enc = StandardEncryption(userPassword=USER_PASSWORD, ownerPassword=OWNER_PASSWORD, canPrint=1, strength=128)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=enc)
    c.setFont(s.FONT, 11)
    y = A4[1] - 72
    for line in [
        "SSU sak 99/2024 — unntatt offentlighet",
        "Dette dokumentet er passordbeskyttet (brukerpassord kreves for å åpne det).",
        "Møtedato: 01.02.2024. Vår ref: 99/2024.",
    ]:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()


REALLY_HTML = """<!DOCTYPE html>
<html lang="no">
<head>
<meta charset="utf-8">
<title>Saksdokument ikke funnet</title>
</head>
<body>
<h1>404 – Dokumentet finnes ikke</h1>
<p>Beklager, vi fant ikke dokumentet du lette etter. Det kan være flyttet eller slettet.</p>
<p><a href="/">Gå til forsiden</a></p>
</body>
</html>
"""


def build_bad(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    s = _samples_module()
    with tempfile.TemporaryDirectory(prefix="saksarkiv-res-") as tmp:
        bd = Path(tmp) / "000.pdf"
        s.build_born_digital("000", s.read_seed("000"), bd)
        sample = bd.read_bytes()

    (out / "empty.pdf").write_bytes(b"")
    (out / "truncated.pdf").write_bytes(sample[: int(len(sample) * TRUNCATE_FRACTION)])
    rng = random.Random(20240101)
    # garbage after the header; no "%PDF"/"obj"/"xref"/"trailer" tokens can survive by chance
    garbage = bytes(rng.getrandbits(8) for _ in range(4096))
    (out / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + garbage)
    encrypted_pdf(out / "encrypted.pdf")
    (out / "really-html.pdf").write_bytes(REALLY_HTML.encode("utf-8"))
    rng = random.Random(865)
    blob = bytearray(rng.getrandbits(8) for _ in range(2048))
    for i in range(0, len(blob), 37):  # make sure there are plenty of NULs
        blob[i] = 0
    (out / "binary.txt").write_bytes(bytes(blob))
    (out / "zero-pages.pdf").write_bytes(zero_pages_pdf())


# --------------------------------------------------------------------------- encodings/

# characters an encoding cannot hold -> what we wrote instead (also what the file must decode to)
REPLACEMENTS = {
    "latin1": {"—": "-", "–": "-", "’": "'", "•": "*"},
    "cp865": {"—": "-", "–": "-", "’": "'", "•": "*", "§": "par."},
}


def build_encodings(out: Path) -> None:
    import ftfy.bad_codecs  # noqa: F401  (registers 'sloppy-windows-1252')

    out.mkdir(parents=True, exist_ok=True)
    (out / "expected").mkdir(exist_ok=True)
    s = _samples_module()
    clean = s.read_seed("000")

    def replaced(name: str) -> str:
        t = clean
        for a, b in REPLACEMENTS.get(name, {}).items():
            t = t.replace(a, b)
        return t

    (out / "expected.txt").write_bytes(clean.encode("utf-8"))
    (out / "utf8.txt").write_bytes(clean.encode("utf-8"))
    (out / "utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + clean.encode("utf-8"))
    (out / "utf16.txt").write_bytes(b"\xff\xfe" + clean.encode("utf-16-le"))  # UTF-16LE with BOM
    (out / "cp1252.txt").write_bytes(clean.encode("cp1252"))
    (out / "macroman.txt").write_bytes(clean.encode("mac_roman"))
    for name, codec in (("latin1", "latin-1"), ("cp865", "cp865")):
        text = replaced(name)
        (out / f"{name}.txt").write_bytes(text.encode(codec))
        (out / "expected" / f"{name}.txt").write_bytes(text.encode("utf-8"))
    # mojibake: UTF-8 bytes wrongly decoded as Windows-1252 and saved again as UTF-8.
    # 'sloppy-windows-1252' (= cp1252, but the 5 undefined bytes map to U+0081.. like
    # Windows/browsers do) is needed for the second round: '—' -> 'â€”' contains 0x9D.
    m1 = clean.encode("utf-8").decode("sloppy-windows-1252")
    m2 = m1.encode("utf-8").decode("sloppy-windows-1252")
    (out / "mojibake.txt").write_bytes(m1.encode("utf-8"))
    (out / "mojibake-double.txt").write_bytes(m2.encode("utf-8"))


# --------------------------------------------------------------------------- verification


def _try(fn):
    try:
        return "ok", fn()
    except BaseException as e:  # noqa: BLE001 - we want to see everything
        msg = str(e).replace("\n", " ")
        return "raises", f"{type(e).__module__}.{type(e).__qualname__}: {msg[:160]}"


def observe_one(f: Path) -> tuple[str, str]:
    """What pdfplumber and pypdfium2 do with one file (for the README / the ingest code)."""
    import pdfplumber
    import pypdfium2 as pdfium

    def plumber():
        with pdfplumber.open(f) as pdf:
            n = len(pdf.pages)
            t = (pdf.pages[0].extract_text() or "")[:30] if n else ""
            return f"{n} pages, text={t!r}"

    def pdfium_():
        doc = pdfium.PdfDocument(str(f))
        try:
            n = len(doc)
            t = doc[0].get_textpage().get_text_range()[:30] if n else ""
            return f"{n} pages, text={t!r}"
        finally:
            doc.close()

    a, b = _try(plumber), _try(pdfium_)
    return "pdfplumber " + a[0] + ": " + a[1], "pypdfium2 " + b[0] + ": " + b[1]


def observe(bad: Path) -> list[tuple[str, str, str]]:
    # One fresh process per file: PDFium's FPDF_GetLastError() is process-global and NOT reset
    # by a failed load of a zero-page PDF, so in a long-lived process the PdfiumError message
    # can be a stale one from an earlier file.
    rows = []
    for f in sorted(bad.iterdir()):
        code = (
            "import sys, json; sys.path.insert(0, %r); import build; "
            "print(json.dumps(build.observe_one(__import__('pathlib').Path(%r))))" % (str(HERE), str(f))
        )
        res = subprocess.run([sys.executable, "-B", "-c", code], capture_output=True, text=True, check=True)
        a, b = json.loads(res.stdout.strip().splitlines()[-1])
        rows.append((f.name, a, b))
    return rows


def verify(root: Path) -> list[str]:
    import pdfplumber
    import pypdfium2 as pdfium

    problems = []
    bad, enc = root / "bad", root / "encodings"
    if (bad / "empty.pdf").stat().st_size != 0:
        problems.append("empty.pdf not empty")
    for name in ("truncated.pdf", "corrupt.pdf", "really-html.pdf", "empty.pdf", "binary.txt"):
        if _try(lambda: pdfplumber.open(bad / name).pages[0].extract_text())[0] == "ok":
            problems.append(f"pdfplumber reads {name} without error")
    st, _ = _try(lambda: pdfium.PdfDocument(str(bad / "encrypted.pdf")))
    if st == "ok":
        problems.append("encrypted.pdf opens without password")
    st, res = _try(lambda: len(pdfium.PdfDocument(str(bad / "encrypted.pdf"), password=USER_PASSWORD)))
    if (st, res) != ("ok", 1):
        problems.append(f"encrypted.pdf does not open with the user password: {res}")
    # PDFium refuses any document without pages (even one it wrote itself), so pypdfium2
    # raises PdfiumError here; pdfplumber (pdfminer) opens it and reports 0 pages.
    st, res = _try(lambda: len(pdfium.PdfDocument(str(bad / "zero-pages.pdf"))))
    if st == "ok":
        problems.append(f"zero-pages.pdf: pypdfium2 now opens it ({res} pages) - update README")
    st, res = _try(lambda: len(pdfplumber.open(bad / "zero-pages.pdf").pages))
    if (st, res) != ("ok", 0):
        problems.append(f"zero-pages.pdf: pdfplumber {st} {res}")
    if b"\x00" not in (bad / "binary.txt").read_bytes():
        problems.append("binary.txt has no NUL")

    clean = (enc / "expected.txt").read_text(encoding="utf-8")
    decodings = {
        "utf8.txt": "utf-8",
        "utf8-bom.txt": "utf-8-sig",
        "utf16.txt": "utf-16",
        "cp1252.txt": "cp1252",
        "latin1.txt": "latin-1",
        "cp865.txt": "cp865",
        "macroman.txt": "mac_roman",
    }
    for name, codec in decodings.items():
        exp_file = enc / "expected" / name
        exp = exp_file.read_text(encoding="utf-8") if exp_file.exists() else clean
        if (enc / name).read_bytes().decode(codec) != exp:
            problems.append(f"{name} does not decode ({codec}) to its expected text")
    import ftfy

    for name, marker in (("mojibake.txt", "mÃ¸te"), ("mojibake-double.txt", "mÃƒÂ¸te")):
        raw = (enc / name).read_text(encoding="utf-8")
        if raw == clean or marker not in raw:
            problems.append(f"{name} is not mojibake")
        if ftfy.fix_encoding(raw) != clean:
            problems.append(f"{name}: ftfy.fix_encoding does not restore the clean text")
    return problems


def build(root: Path) -> None:
    build_bad(root / "bad")
    build_encodings(root / "encodings")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with the committed files")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory(prefix="saksarkiv-res-check-") as tmp:
            fresh = Path(tmp)
            build(fresh)
            bad = []
            for sub in ("bad", "encodings"):
                a = {p.relative_to(fresh) for p in (fresh / sub).rglob("*") if p.is_file()}
                b = {p.relative_to(HERE) for p in (HERE / sub).rglob("*") if p.is_file()}
                bad += [str(x) for x in sorted(a ^ b)]
                bad += [str(x) for x in sorted(a & b) if not filecmp.cmp(fresh / x, HERE / x, shallow=False)]
            for x in bad:
                print("DIFFERS:", x)
            print("check:", "OK, byte-identical" if not bad else f"{len(bad)} file(s) differ")
            return 1 if bad else 0

    for sub in ("bad", "encodings"):
        if (HERE / sub).exists():
            shutil.rmtree(HERE / sub)
    build(HERE)
    try:
        problems = verify(HERE)
    except Exception:  # pragma: no cover
        traceback.print_exc()
        return 2
    total = 0
    files = sorted(p for sub in ("bad", "encodings") for p in (HERE / sub).rglob("*") if p.is_file())
    for f in files:
        total += f.stat().st_size
        print(f"{str(f.relative_to(HERE)):40} {f.stat().st_size:>8}")
    print(f"{len(files)} files, {total} bytes")
    print("\nObserved behaviour of the bad files:")
    for name, a, b in observe(HERE / "bad"):
        print(f"- {name}\n    {a}\n    {b}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
