"""make bench-scale: how ``saksarkiv ingest`` scales (issue 6), in one run.

1. scanned pages: pages/s with 1 and 2 workers on copies of the scanned samples, and on
   one long scan (its pages fan out over the workers); target speed-up ≥ 1.8 on 2 cores;
2. the same scanned files through ``ocrmypdf -l nor --jobs N`` (one file after another,
   as a user would script it); target saksarkiv / ocrmypdf ≥ 1.0;
3. born-digital throughput for 100, 1,000 and 5,000 synthetic documents (distinct copies
   of the born-digital samples); target: the cost per document stays flat as the batch
   grows (the marginal cost between sizes is printed too);
4. peak memory of each run: the largest total resident memory of the whole process tree
   (parent + workers + tesseract), sampled every 0.2 s.

Every run is ``saksarkiv ingest`` as a user runs it (process start included), on a fresh
archive. The machine must be otherwise idle: numbers taken while other jobs run tesseract
are meaningless. ``--quick`` runs a small version (9 scanned pages; 20/100/300 documents).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, pages_of, table  # noqa: E402

SAMPLES = ROOT / "samples" / "documents"
SAKSARKIV = str(Path(sys.executable).parent / "saksarkiv")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def copies(src_dir: Path, dest: Path, n: int, pattern: str = "*.pdf") -> list[Path]:
    """n distinct copies of each file (a trailing comment changes the hash, not the text)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        for f in sorted(src_dir.glob(pattern)):
            p = dest / f"{f.stem}-{i:05d}{f.suffix}"
            p.write_bytes(f.read_bytes() + f"\n%copy {i}\n".encode())
            out.append(p)
    return out


def long_scan(dest: Path) -> Path:
    """One PDF holding every scanned sample page, twice."""
    out = pdfium.PdfDocument.new()
    for _ in range(2):
        for f in sorted((SAMPLES / "scanned").glob("*.pdf")):
            src = pdfium.PdfDocument(str(f))
            out.import_pages(src)
            src.close()
    dest.parent.mkdir(parents=True, exist_ok=True)
    out.save(str(dest))
    out.close()
    return dest



class PeakMemory:
    """Largest total RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV)
    mem = PeakMemory(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    peak = mem.stop()
    done = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return done, seconds, peak


def saksarkiv(folder: Path, workers: int, work: Path, *extra: str) -> dict:
    db = work / f"bench-{time.monotonic_ns()}.duckdb"
    done, seconds, peak = run([SAKSARKIV, "ingest", str(folder), "--db", str(db),
                               "--workers", str(workers), "--json", "--log-json", *extra])
    summary = json.loads(done.stdout)
    for f in work.glob(db.name + "*"):
        f.unlink()
    # Steady state, from the --log-json lines: pages of the documents after the first one
    # over the time between the first and the last (worker start-up left out).
    events = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    docs = [e for e in events if e["event"] == "document" and e["outcome"] == "loaded"]
    steady = None
    if len(docs) >= 3 and docs[-1]["elapsed"] > docs[0]["elapsed"]:
        steady = sum(e["pages"] for e in docs[1:]) / (docs[-1]["elapsed"] - docs[0]["elapsed"])
    return {"seconds": seconds, "pages": summary["pages"], "docs": summary["documents_new"],
            "failed": summary["documents_failed"], "peak_mb": peak / 2**20,
            "run_seconds": summary["seconds"], "steady": steady,
            "startup": docs[0]["elapsed"] if docs else None}


def ocrmypdf(files: list[Path], jobs: int, work: Path) -> dict:
    out = work / "ocrmypdf"
    out.mkdir(exist_ok=True)
    started, peak = time.perf_counter(), 0
    for f in files:
        done, _, p = run(["ocrmypdf", "-q", "-l", "nor", "--jobs", str(jobs), "--output-type",
                          "pdf", "--optimize", "0", str(f), str(out / f.name)])
        if done.returncode != 0:
            sys.exit(f"ocrmypdf failed on {f}:\n{done.stderr[-2000:]}")
        peak = max(peak, p)
    return {"seconds": time.perf_counter() - started, "peak_mb": peak / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small version (about a minute)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel runs")
    ap.add_argument("--sizes", help="born-digital batch sizes, comma-separated")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [20, 100, 300] if args.quick else [100, 1000, 5000])
    n = args.workers
    print(f"bench-scale on {os.cpu_count()} cores; load average now "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} (should be ~0 for valid numbers)")
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        # -- 1 and 2: scanned pages --------------------------------------------------------
        scans = copies(SAMPLES / "scanned", work / "scanned", 1 if args.quick else 2)
        sets = [("scanned samples", work / "scanned", scans)]
        if not args.quick:
            big = long_scan(work / "long" / "long-scan.pdf")
            sets.append(("one long scan", work / "long", [big]))
        rows = []
        for name, folder, files in sets:
            pages = pages_of(files)
            one = saksarkiv(folder, 1, work)
            many = saksarkiv(folder, n, work)
            ocr = ocrmypdf(files, n, work)
            assert one["pages"] == many["pages"] == pages, (one, many, pages)
            rows.append({
                "input": f"{name} ({len(files)} files, {pages} pages)",
                "1 worker p/s": f"{pages / one['seconds']:.2f}",
                f"{n} workers p/s": f"{pages / many['seconds']:.2f}",
                "speed-up": f"{one['seconds'] / many['seconds']:.2f}",
                "steady speed-up": (f"{many['steady'] / one['steady']:.2f}"
                                    if one["steady"] and many["steady"] else "-"),
                f"ocrmypdf --jobs {n} p/s": f"{pages / ocr['seconds']:.2f}",
                "vs ocrmypdf": f"{ocr['seconds'] / many['seconds']:.2f}",
                "peak MB (1 / n / ocrmypdf)":
                    f"{one['peak_mb']:.0f} / {many['peak_mb']:.0f} / {ocr['peak_mb']:.0f}",
            })
        print("\nScanned pages (targets: speed-up >= 1.8 on 2 cores; vs ocrmypdf >= 1.0). p/s are end"
              " to end (process start included); 'steady' leaves out the workers' start-up")
        print(table(rows, list(rows[0])))

        # -- 3: born-digital batches -------------------------------------------------------
        rows, previous = [], None
        for size in sizes:
            folder = work / f"born-{size}"
            files = copies(SAMPLES / "born-digital", folder, -(-size // 5))[:size]
            for extra in sorted(folder.glob("*.pdf"))[len(files):]:
                extra.unlink()
            r = saksarkiv(folder, n, work)
            assert r["docs"] == size, r
            marginal = ""
            if previous:
                d_docs, d_secs = size - previous[0], r["seconds"] - previous[1]
                marginal = f"{1000 * d_secs / d_docs:.1f}"
            previous = (size, r["seconds"])
            rows.append({"documents": size, "pages": r["pages"],
                         "seconds": f"{r['seconds']:.1f}",
                         "docs/s": f"{size / r['seconds']:.1f}",
                         "pages/s": f"{r['pages'] / r['seconds']:.1f}",
                         "ms/doc": f"{1000 * r['seconds'] / size:.1f}",
                         "marginal ms/doc": marginal,
                         "steady docs/s": f"{r['steady'] / (r['pages'] / size):.1f}"
                                          if r["steady"] else "-",
                         "peak MB": f"{r['peak_mb']:.0f}"})
            shutil.rmtree(folder)
        print(f"\nBorn-digital batches, {n} workers, default stages (target: ms/doc flat; "
              "'marginal' = extra time per extra document vs the row above)")
        print(table(rows, list(rows[0])))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
