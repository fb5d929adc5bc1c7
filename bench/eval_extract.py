"""Precision, recall and F1 of the extractors on the gold set, with a dateparser baseline.

Usage: .venv/bin/python bench/eval_extract.py [--gold DIR] [--json] [--diff] [--via-pdf]   (make eval-extract)

``--via-scan`` goes one step further: the rendering is rasterised at 300 dpi and OCR'd with the
pipeline's tesseract call, as ingest does for a scan (slow; use it on one batch with ``--gold``).

``--via-pdf`` (make eval-extract-pdf) first renders every gold text to a born-digital PDF the way a
word processor lays it out (each cell of a line at its column, paragraphs wrapped at 100
characters, blank lines as vertical space, a page per form feed) and reads it back with the
pipeline's PDF reader, so the extractors see what ingest gives them from a real text layer.

Prints, per split (seed documents; dev = written documents the rules were developed on;
heldout..heldout6, blind, blind2..blind7 = written documents scored once before their errors were
read, see tests/gold/README.md; all), micro-averaged
P/R/F1 per field, then dateparser ``search_dates`` on the same dates, then speed.
The gold format is described in ``tests/gold/README.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import extract_document  # noqa: E402
from extractors.records import Extraction  # noqa: E402

GOLD = ROOT / "tests" / "gold"
HEADER_FIELDS = ("title", "case_handler", "avkl_sekr", "document_date", "meeting_date", "our_ref",
                 "your_ref", "archive_case_no", "archive_code", "committee")
FIELDS = ("case numbers", "header fields", "dates (ISO value)", "date roles", "dates (year inferred)",
          "references", "references (number/year)", "recommendations", "sections")


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", str(text)).strip().rstrip(" .:;").casefold()


def load_gold(gold_dir: Path = GOLD) -> list[dict]:
    docs = []
    # The gold directory's own pairs and those of its batch folders (tests/gold/blind).
    for jp in sorted(gold_dir.glob("*.json")) + sorted(gold_dir.glob("*/*.json")):
        g = json.loads(jp.read_text(encoding="utf-8"))
        text = jp.with_suffix(".txt").read_text(encoding="utf-8")
        g["name"] = jp.stem
        g["pages"] = [(i + 1, t) for i, t in enumerate(text.split("\f"))]
        docs.append(g)
    return docs


def _num_year(key: str | None) -> str | None:
    if key is None:
        return None
    if key.startswith(("http", "www")):
        return key
    return key.rsplit(" ", 1)[-1]


# ---- items per field ----------------------------------------------------------------------
def gold_items(g: dict) -> dict[str, Counter]:
    items: dict[str, Counter] = {f: Counter() for f in FIELDS}
    per_header: dict[str, Counter] = {f: Counter() for f in HEADER_FIELDS}
    for c in g["cases"]:
        items["case numbers"][c["case_key"]] += 1
        for f in HEADER_FIELDS:
            v = c.get(f)
            for one in (v if isinstance(v, list) else [v] if v else []):
                per_header[f][(c["case_key"], f, norm(one))] += 1
    for key, date, end, role, inferred in g["dates"]:
        items["dates (ISO value)"][(date, end)] += 1
        items["date roles"][(key, date, end, role)] += 1
        if inferred:
            items["dates (year inferred)"][(date, end)] += 1
    for frm, target, ctx in g["references"]:
        items["references"][(frm, target, ctx)] += 1
        items["references (number/year)"][(frm, _num_year(target), ctx)] += 1
    for key, kind, no, text in g["recommendations"]:
        items["recommendations"][(key, kind, no, norm(text))] += 1
    if g.get("sections") is not None:
        for key, heading in g["sections"]:
            items["sections"][(key, norm(heading))] += 1
    for f, cnt in per_header.items():
        items["header fields"].update(cnt)
        items[f"  header: {f}"] = cnt
    return items


def predicted_items(ex: Extraction, g: dict) -> dict[str, Counter]:
    items: dict[str, Counter] = {f: Counter() for f in FIELDS}
    per_header: dict[str, Counter] = {f: Counter() for f in HEADER_FIELDS}
    for c in ex.cases:
        items["case numbers"][c.case_key] += 1
        values = {
            "title": c.title, "case_handler": list(c.case_handlers), "avkl_sekr": list(c.avkl_sekr),
            "document_date": c.document_date.isoformat() if c.document_date else None,
            "meeting_date": c.meeting_date.isoformat() if c.meeting_date else None,
            "our_ref": c.our_ref, "your_ref": c.your_ref, "archive_case_no": c.archive_case_no,
            "archive_code": c.archive_code, "committee": c.committee,
        }
        for f, v in values.items():
            for one in (v if isinstance(v, list) else [v] if v else []):
                per_header[f][(c.case_key, f, norm(one))] += 1
    for d in ex.dates:
        iso = d.date.isoformat() if d.date else None
        end = d.date_end.isoformat() if d.date_end else None
        items["dates (ISO value)"][(iso, end)] += 1
        items["date roles"][(d.case_key, iso, end, d.role)] += 1
        if d.year_inferred:
            items["dates (year inferred)"][(iso, end)] += 1
    for r in ex.references:
        target = r.url if r.context == "url" else r.target_case_key
        items["references"][(r.from_case_key, target, r.context)] += 1
        items["references (number/year)"][(r.from_case_key, _num_year(target), r.context)] += 1
    for r in ex.recommendations:
        items["recommendations"][(r.case_key, r.kind, r.item_no, norm(r.text))] += 1
    if g.get("sections") is not None:
        for s in ex.sections:
            items["sections"][(s.case_key, norm(s.heading))] += 1
    for f, cnt in per_header.items():
        items["header fields"].update(cnt)
        items[f"  header: {f}"] = cnt
    return items


def baseline_items(g: dict) -> Counter:
    """dateparser.search.search_dates over each page (the baseline the issue names)."""
    from dateparser.search import search_dates

    out: Counter = Counter()
    for _, text in g["pages"]:
        try:
            found = search_dates(text, languages=["nb"], settings={"DATE_ORDER": "DMY"}) or []
        except Exception:  # noqa: BLE001 - a baseline failure counts as nothing found
            found = []
        for _, when in found:
            out[(when.date().isoformat(), None)] += 1
    return out


# ---- scoring ----------------------------------------------------------------------------------
def score(pairs: list[tuple[Counter, Counter]]) -> tuple[float, float, float, int, int, int]:
    tp = gold_n = pred_n = 0
    for gold, pred in pairs:
        tp += sum((gold & pred).values())
        gold_n += sum(gold.values())
        pred_n += sum(pred.values())
    p = tp / pred_n if pred_n else (1.0 if not gold_n else 0.0)
    r = tp / gold_n if gold_n else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, gold_n, pred_n


def evaluate(docs: list[dict] | None = None, with_baseline: bool = False) -> dict:
    docs = load_gold() if docs is None else docs
    results = []
    for g in docs:
        ex = extract_document(g["pages"], language=g.get("language"))
        results.append((g, gold_items(g), predicted_items(ex, g)))
    order = {"seed": 0, "dev": 1}
    names = sorted({g["split"] for g, _, _ in results}, key=lambda s: (order.get(s, 2), s))
    splits = {s: [r for r in results if r[0]["split"] == s] for s in names}
    splits["all"] = results
    fields = list(FIELDS) + [f"  header: {f}" for f in HEADER_FIELDS]
    report = {}
    for name, rs in splits.items():
        report[name] = {f: score([(gi.get(f, Counter()), pi.get(f, Counter())) for _, gi, pi in rs]) for f in fields}
        if with_baseline:
            report[name]["baseline: dateparser dates (ISO value)"] = score(
                [(gi["dates (ISO value)"], baseline_items(g)) for g, gi, _ in rs]
            )
    return report


def speed(docs: list[dict], rounds: int = 5) -> dict:
    from extractors import _nlp

    _nlp.nlp.cache_clear()
    t0 = time.perf_counter()
    _nlp.nlp()  # the spaCy pipeline, built once per process
    warm = time.perf_counter() - t0
    words = sum(len(t.split()) for g in docs for _, t in g["pages"]) * rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        for g in docs:
            extract_document(g["pages"])
    ours = time.perf_counter() - t0
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    for g in docs:
        for _, text in g["pages"]:
            try:
                search_dates(text, languages=["nb"], settings={"DATE_ORDER": "DMY"})
            except Exception:  # noqa: BLE001
                pass
    base = time.perf_counter() - t0
    return {"warmup_s": warm, "words_per_s": words / ours, "baseline_words_per_s": words / rounds / base}


def render_pdf(pages: list[tuple[int, str]]) -> bytes:
    """A born-digital PDF of the pages (DejaVu Sans 9 pt, A4), laid out like the text."""
    import io
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    col = 5.6  # points per character column at 9 pt (a digit is 5.7 pt wide: cells do not overlap)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for _, text in pages:
        c.setFont("DejaVuSans", 9)
        y = 800.0
        for line in text.split("\n"):
            if not line.strip():
                y -= 8
                continue
            cells = list(re.finditer(r"\S+(?: \S+)*", line))
            if len(cells) == 1 and len(line) > 100:  # a paragraph: wrapped
                rows = [[(cells[0].start(), part)] for part in textwrap.wrap(line.strip(), 100, break_long_words=False,
                                                                             break_on_hyphens=False)]
            else:  # a line of cells: each at its column
                rows = [[(m.start(), m.group()) for m in cells]]
            for row in rows:
                for start, cell in row:
                    c.drawString(40 + start * col, y, cell)
                y -= 11
                if y < 40:
                    c.showPage()
                    c.setFont("DejaVuSans", 9)
                    y = 800.0
        c.showPage()
    c.save()
    return buf.getvalue()


def via_pdf(docs: list[dict]) -> list[dict]:
    """The gold documents with their pages replaced by what the PDF reader gives for a rendering."""
    from pipeline.settings import Settings
    from pipeline.stages._read_pdf import read_pdf

    out = []
    for g in docs:
        pages, _ = read_pdf(render_pdf(g["pages"]), Settings())
        out.append(dict(g, pages=[(p.page_no, p.text) for p in pages]))
    return out


def via_scan(docs: list[dict], workers: int = 2) -> list[dict]:
    """The gold documents as a scan: the PDF rendering rasterised at 300 dpi and OCR'd with the
    pipeline's tesseract call (``nor``), one process per core."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        pages = list(pool.map(_scan_pages, [g["pages"] for g in docs]))
    return [dict(g, pages=p) for g, p in zip(docs, pages)]


def _scan_pages(pages: list[tuple[int, str]]) -> list[tuple[int, str]]:
    import pypdfium2 as pdfium

    from pipeline._exec import tesseract

    doc = pdfium.PdfDocument(render_pdf(pages))
    out = []
    for i in range(len(doc)):
        image = doc[i].render(scale=300 / 72).to_pil().convert("L")
        text, _ = tesseract.ocr_image(image, "nor")
        out.append((i + 1, text))
    return out


def print_diff(docs: list[dict]) -> None:
    """What each document's extraction missed and added, field by field (for reading errors)."""
    for g in docs:
        ex = extract_document(g["pages"], language=g.get("language"))
        gi, pi = gold_items(g), predicted_items(ex, g)
        lines = []
        for f in FIELDS:
            if f in ("header fields", "references (number/year)", "dates (ISO value)"):
                continue  # shown by their finer fields
            lines += [f"  - {f}: {item}" for item in sorted((gi[f] - pi[f]).elements(), key=repr)]
            lines += [f"  + {f}: {item}" for item in sorted((pi[f] - gi[f]).elements(), key=repr)]
        for f in HEADER_FIELDS:
            h = f"  header: {f}"
            lines += [f"  - {h.strip()}: {item}" for item in sorted((gi[h] - pi[h]).elements(), key=repr)]
            lines += [f"  + {h.strip()}: {item}" for item in sorted((pi[h] - gi[h]).elements(), key=repr)]
        print(f"== {g['name']} ({g['split']}): {'no differences' if not lines else f'{len(lines)} differences'}")
        for line in lines:
            print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--diff", action="store_true",
                    help="print, per document and field, the gold items missed (-) and the extra items predicted (+)")
    ap.add_argument("--via-pdf", action="store_true",
                    help="render each gold text to a PDF and read it back with the pipeline's reader first")
    ap.add_argument("--via-scan", action="store_true",
                    help="render each gold text to a PDF, rasterise it at 300 dpi and OCR it with tesseract nor first "
                         "(slow: ~1 s per page per core)")
    args = ap.parse_args(argv)
    docs = load_gold(args.gold)
    if args.via_pdf:
        docs = via_pdf(docs)
        print("gold texts rendered to PDF and read back with pipeline.stages._read_pdf (pdfium text layer)")
    elif args.via_scan:
        docs = via_scan(docs)
        print("gold texts rendered to PDF, rasterised at 300 dpi and OCR'd with pipeline._exec.tesseract (nor)")
    if args.diff:
        print_diff(docs)
        return 0
    report = evaluate(docs, with_baseline=True)
    perf = speed(docs)
    if args.json:
        print(json.dumps({"report": report, "speed": perf}, indent=1))
        return 0
    counts = Counter(g["split"] for g in docs)
    print(f"gold set: {len(docs)} documents ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    for split, rows in report.items():
        n = counts.get(split, len(docs))
        print(f"\n== {split} ({n} documents)")
        print(f"{'field':42} {'P':>6} {'R':>6} {'F1':>6}   {'tp/gold/pred':>14}")
        for field, (p, r, f, tp, gn, pn) in rows.items():
            print(f"{field:42} {p:6.3f} {r:6.3f} {f:6.3f}   {tp:>4}/{gn:>4}/{pn:>4}")
    print(f"\nspeed: {perf['words_per_s']:,.0f} words/s (extract_document, steady state; "
          f"pipeline build {perf['warmup_s']:.2f} s once per process); "
          f"dateparser search_dates baseline {perf['baseline_words_per_s']:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
