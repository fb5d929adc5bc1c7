"""make bench-query: a synthetic archive of 10,000 case documents, then query latencies.

Documents are generated from templates (saksframlegg of several bodies, bokmål and
nynorsk), prose sentences from the UD Norwegian dev corpus and the seeds, with varied
bodies, years, dates and references — not OCR'd. They go through ``saksarkiv ingest``
(repair, extraction, load, search index), then we time, on one read-only connection:
search (the ``search()`` macro) and the views with typical filters.
Targets (issue 5): search p95 ≤ 50 ms, view queries p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, table  # noqa: E402

SAKSARKIV = str(Path(sys.executable).parent / "saksarkiv")
CORPUS = ROOT.parent / "shared" / "corpora" / "ud-nb-dev-sentences.txt"
BODIES = ["SSU", "PS", "FS", "KS", "Styresak", "Kommunestyret", "Formannskapet", "Partnerskapsmøtet"]
TOPICS = ["fastlegekrise", "partnerskapsmøte", "rekruttering av helsepersonell", "digital hjemmeoppfølging",
          "samarbeidsavtale", "akuttmedisin", "handlingsplan", "dialogmøte", "legevakt", "psykisk helse",
          "budsjett", "økonomiplan", "barnehage", "skolestruktur", "havnevesen", "vannforsyning"]
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]
NAMES = ["Knut Erik Dahlmo", "Stian Molvik", "Trude K. Kristensen", "Marit Lind", "Ola Nordmann",
         "Kari Holm", "Ingrid Berg", "Per Hansen", "Sigrid Aasen", "Jon Eide"]


def sentences() -> list[str]:
    lines = [s.strip() for s in CORPUS.read_text(encoding="utf-8").splitlines() if len(s.split()) > 5]
    return lines or ["Saken gjelder oppfølging av tidligere vedtak."]


def document(i: int, rng: random.Random, prose: list[str]) -> str:
    body = rng.choice(BODIES)
    year = rng.randint(2008, 2025)
    number = rng.randint(1, 120)
    topic = rng.choice(TOPICS)
    nn = rng.random() < 0.2
    d1 = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}"
    meet = f"{rng.randint(1, 28)}. {rng.choice(MONTHS)} {year}"
    label = body if body.endswith("sak") else f"{body} sak"  # "Styresak 12/2021", "PS sak 3/2020"
    refs = [f"{label} {rng.randint(1, 120)}/{rng.randint(max(2008, year - 3), year)}" for _ in range(rng.randint(0, 3))]
    handler = "Sakshandsamar" if nn else "Saksbehandler"
    innst = "Framlegg til vedtak" if nn else "Forslag til vedtak"
    lines = [
        f"{label} {number}/{year}",
        "",
        f"{topic.capitalize()} – status og vidare arbeid" if nn else f"{topic.capitalize()} – status og videre arbeid",
        "",
        f"{handler}: {rng.choice(NAMES)}",
        f"Dato dok: {d1}",
        f"Møtedato: {meet}",
        f"Vår ref: {year}/{rng.randint(100, 9999)}",
        "",
    ]
    if refs:
        lines += ["Vedlegg:", *refs, ""]
    lines += [f"{innst}:", ""]
    for k in range(1, rng.randint(2, 4)):
        lines.append(f"{k}. {body} tar saken om {topic} til orientering og ber om ny sak innen {rng.randint(1, 28)}. {rng.choice(MONTHS)}.")
    lines += ["", "Bakgrunn:" if not nn else "Bakgrunn:"]
    lines += [" ".join(rng.choice(prose) for _ in range(rng.randint(4, 9)))]
    lines += ["", "Vurdering:", " ".join(rng.choice(prose) for _ in range(rng.randint(3, 8)))
              + f" Saken om {topic} ble sist behandlet i sak {rng.randint(1, 120)}/{year - 1}."]
    return "\n".join(lines) + "\n"


def timed(conn, sql, params, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        conn.execute(sql, params).fetchall()
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=30, help="timed runs per query")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", help="keep the archive at this path")
    args = ap.parse_args()
    rng = random.Random(20241204)
    prose = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(args.documents):
            (folder / f"sak-{i:05d}.txt").write_text(document(i, rng, prose), encoding="utf-8")
        db = Path(args.keep) if args.keep else Path(tmp) / "bench.duckdb"
        db.unlink(missing_ok=True)
        t = time.perf_counter()
        proc = subprocess.run([SAKSARKIV, "ingest", str(folder), "--db", str(db), "--json", "-q",
                               "--workers", str(args.workers)], capture_output=True, text=True)
        load_s = time.perf_counter() - t
        if proc.returncode != 0:
            raise SystemExit(proc.stderr + proc.stdout)
        summary = json.loads(proc.stdout)
        size_mb = db.stat().st_size / 1e6

        from pipeline import query

        conn = query.open_readonly(str(db))
        keys = [r[0] for r in conn.execute("SELECT case_key FROM cases USING SAMPLE 20 ROWS (reservoir, 7)").fetchall()]
        counts = dict(conn.execute(
            "SELECT 'cases', count(*) FROM cases UNION ALL SELECT 'recommendations', count(*) FROM recommendations "
            "UNION ALL SELECT 'references', count(*) FROM case_references UNION ALL "
            "SELECT 'search_units', count(*) FROM search_units").fetchall())
        queries = [
            ("search 'fastlegekrise'", "SELECT * FROM search(?)", ["fastlegekrise"]),
            ("search 'partnerskapsmøte'", "SELECT * FROM search(?)", ["partnerskapsmøte"]),
            ("search 'rekruttering helsepersonell'", "SELECT * FROM search(?)", ["rekruttering helsepersonell"]),
            ("decision_history body+year", "SELECT * FROM decision_history WHERE body = ? AND year >= ? ORDER BY meeting_date", ["SSU", 2022]),
            ("decision_history one case", "SELECT * FROM decision_history WHERE case_key = ?", [keys[2] if len(keys) > 2 else "SSU 3/2024"]),
            ("decision_history text ILIKE", "SELECT case_key, text FROM decision_history WHERE text ILIKE ?", ["%legevakt%"]),
            ("case_timeline one case", "SELECT * FROM case_timeline WHERE case_key = ? ORDER BY date", [keys[0] if keys else "SSU 3/2024"]),
            ("reference_graph into a case", "SELECT * FROM reference_graph WHERE target_case_key = ?", [keys[1] if len(keys) > 1 else "SSU 3/2024"]),
            ("review_queue first 100", "SELECT * FROM review_queue LIMIT 100", []),
        ]
        rows = []
        for name, sql, params in queries:
            conn.execute(sql, params).fetchall()  # warm
            ms = timed(conn, sql, params, args.runs)
            rows.append({"query": name, "median ms": f"{statistics.median(ms):.1f}", "p95 ms": f"{pct(ms, 95):.1f}",
                         "target p95": "≤ 50", "ok": "yes" if pct(ms, 95) <= 50 else "NO"})
        conn.close()
    print(f"make bench-query: {args.documents} synthetic documents, {args.workers} workers")
    print(f"load (saksarkiv ingest, end to end): {load_s:.1f} s = {args.documents / load_s:.0f} documents/s; "
          f"pages {summary['pages']}, failed {summary['documents_failed']}")
    print(f"archive size on disk: {size_mb:.1f} MB; rows: {counts}")
    print(table(rows, ["query", "median ms", "p95 ms", "target p95", "ok"]))


if __name__ == "__main__":
    main()
