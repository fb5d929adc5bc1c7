"""make bench: ingest speed of saksarkiv beside the usual tools, on the same files, in one run.

- born-digital: ``saksarkiv ingest`` end to end (process start included) on copies of the
  born-digital samples, against ``pdftotext`` and pdfplumber's ``extract_text`` (one core);
- scanned: ``saksarkiv ingest`` against ``ocrmypdf -l nor`` (``--jobs`` = workers) and plain
  ``tesseract -l nor`` with one process per core, with OCR character error rates;
- legacy: ``saksarkiv ingest`` (detects the English layer, re-OCRs).
Targets (issue 2): born-digital ≥ 50 pages/s end to end; scanned ≥ ocrmypdf.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, cer, pages_of, table, timer  # noqa: E402

SAMPLES = ROOT / "samples" / "documents"
SAKSARKIV = str(Path(sys.executable).parent / "saksarkiv")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}



def copies(src_dir: Path, dest: Path, n: int) -> list[Path]:
    """n distinct copies of each PDF (a trailing comment changes the hash, not the content)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        for f in sorted(src_dir.glob("*.pdf")):
            p = dest / f"{f.stem}-{i:03d}.pdf"
            p.write_bytes(f.read_bytes() + f"\n%copy {i}\n".encode())
            out.append(p)
    return out


def run_saksarkiv(folder: Path, db: Path, workers: int) -> dict:
    with timer() as t:
        proc = subprocess.run(
            [SAKSARKIV, "ingest", str(folder), "--db", str(db), "--workers", str(workers),
             "--json", "-q"], capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise SystemExit(f"saksarkiv ingest failed: {proc.stderr}\n{proc.stdout}")
    summary = json.loads(proc.stdout)
    return {"seconds": t["seconds"], "pages": summary["pages"]}


def _pdftotext(f):
    subprocess.run(["pdftotext", str(f), "-"], capture_output=True, check=True)


def _plumber(f):
    with pdfplumber.open(str(f)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _tesseract_page(png):
    return subprocess.run(["tesseract", str(png), "-", "-l", "nor"], capture_output=True,
                          text=True, env=ENV, check=True).stdout


def rate(pages, seconds):
    return round(pages / seconds, 2) if seconds else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--copies", type=int, default=100, help="copies of each born-digital sample (100: 900 pages)")
    args = ap.parse_args()
    w = args.workers
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # -- born-digital --------------------------------------------------------------
        born = copies(SAMPLES / "born-digital", tmp / "born", args.copies)
        n = pages_of(born)
        s = run_saksarkiv(tmp / "born", tmp / "born.duckdb", w)
        ours = rate(s["pages"], s["seconds"])
        rows.append({"input": "born-digital", "tool": f"saksarkiv ingest --workers {w}",
                     "pages": s["pages"], "seconds": round(s["seconds"], 2), "pages/s": ours})
        with timer() as t:
            for f in born:
                _pdftotext(f)
        rows.append({"input": "born-digital", "tool": "pdftotext (1 process)", "pages": n,
                     "seconds": round(t["seconds"], 2), "pages/s": rate(n, t["seconds"]),
                     "saksarkiv/tool": round(ours / rate(n, t["seconds"]), 2)})
        with timer() as t:
            for f in born:
                _plumber(f)
        rows.append({"input": "born-digital", "tool": "pdfplumber extract_text (1 process)",
                     "pages": n, "seconds": round(t["seconds"], 2), "pages/s": rate(n, t["seconds"]),
                     "saksarkiv/tool": round(ours / rate(n, t["seconds"]), 2)})

        # -- scanned ---------------------------------------------------------------------
        scanned = sorted((SAMPLES / "scanned").glob("*.pdf"))
        n = pages_of(scanned)
        s = run_saksarkiv(SAMPLES / "scanned", tmp / "scanned.duckdb", w)
        ours = rate(s["pages"], s["seconds"])
        import duckdb

        conn = duckdb.connect(str(tmp / "scanned.duckdb"), read_only=True)
        ours_text = {Path(src).stem: txt for src, txt in conn.execute(
            "SELECT d.source, string_agg(p.text_raw, '\n' ORDER BY p.page_no) FROM pages p "
            "JOIN documents d USING (doc_id) GROUP BY d.source").fetchall()}
        conn.close()
        truth = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "samples" / "truth").glob("00?_*.txt")
                 if ".damaged" not in p.name}
        our_cer = sum(cer(truth[k], ours_text[k]) for k in truth) / len(truth)
        rows.append({"input": "scanned", "tool": f"saksarkiv ingest --workers {w}", "pages": s["pages"],
                     "seconds": round(s["seconds"], 2), "pages/s": ours, "CER": f"{our_cer:.2%}"})
        if shutil.which("ocrmypdf"):
            texts = {}
            with timer() as t:
                for f in scanned:
                    side = tmp / f"{f.stem}.ocrmypdf.txt"
                    subprocess.run(["ocrmypdf", "-l", "nor", "--jobs", str(w), "--output-type", "pdf",
                                    "--optimize", "0", "--sidecar", str(side), "-q", str(f),
                                    str(tmp / f"{f.stem}.ocrmypdf.pdf")], check=True, env=ENV)
                    texts[f.stem] = side.read_text(encoding="utf-8")
            their_cer = sum(cer(truth[k], texts[k]) for k in truth) / len(truth)
            rows.append({"input": "scanned", "tool": f"ocrmypdf -l nor --jobs {w}", "pages": n,
                         "seconds": round(t["seconds"], 2), "pages/s": rate(n, t["seconds"]),
                         "saksarkiv/tool": round(ours / rate(n, t["seconds"]), 2),
                         "CER": f"{their_cer:.2%}"})
        pngs = []
        for f in scanned:
            doc = pdfium.PdfDocument(str(f))
            for i in range(len(doc)):
                png = tmp / f"{f.stem}-{i + 1}.png"
                doc[i].render(scale=300 / 72, grayscale=True).to_pil().save(png)
                pngs.append((f.stem, png))
            doc.close()
        with timer() as t:
            with ProcessPoolExecutor(w) as pool:
                outs = list(pool.map(_tesseract_page, [p for _, p in pngs]))
        tess = {}
        for (stem, _), out in zip(pngs, outs):
            tess[stem] = tess.get(stem, "") + out
        tess_cer = sum(cer(truth[k], tess[k]) for k in truth) / len(truth)
        rows.append({"input": "scanned", "tool": f"tesseract -l nor, {w} processes (pre-rendered PNG)",
                     "pages": len(pngs), "seconds": round(t["seconds"], 2),
                     "pages/s": rate(len(pngs), t["seconds"]),
                     "saksarkiv/tool": round(ours / rate(len(pngs), t["seconds"]), 2),
                     "CER": f"{tess_cer:.2%}"})

        # -- legacy ----------------------------------------------------------------------
        s = run_saksarkiv(SAMPLES / "legacy", tmp / "legacy.duckdb", w)
        rows.append({"input": "legacy (English layer)", "tool": f"saksarkiv ingest --workers {w}",
                     "pages": s["pages"], "seconds": round(s["seconds"], 2),
                     "pages/s": rate(s["pages"], s["seconds"])})
    print(f"make bench: {os.cpu_count()} cores, workers={w}, OMP_THREAD_LIMIT=1")
    print(table(rows, ["input", "tool", "pages", "seconds", "pages/s", "saksarkiv/tool", "CER"]))
    print("CER: character error rate of the OCR text against the clean seed text (mean over the 5 samples)")


if __name__ == "__main__":
    main()
