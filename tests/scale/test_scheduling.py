"""The runner's scheduling, with an in-process stand-in for the pool: a scan's pages
become separate tasks (so they spread over the workers), open documents stay bounded."""

from __future__ import annotations

from pipeline import _driver, _executors, _runner, archive
from pipeline._executors import Done
from pipeline.records import OcrResult
from pipeline.settings import Settings
from pipeline.stages.load import Loader
from tests.conftest import SAMPLES
from tests.scale._inputs import distinct_copies


class InlinePool:
    """Runs each task when submitted; records what was submitted and the peak in flight."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.submitted: list[tuple] = []
        self._done: list[Done] = []
        self.peak_open = 0

    def free(self) -> int:
        return self.workers - len(self._done)

    def submit(self, key, fn, *args) -> None:
        self.submitted.append(key)
        self._done.append(Done(key, True, fn(*args)))

    def poll(self, timeout):
        done, self._done = self._done, []
        return done

    def running(self):
        return {}

    def kill(self, key, overdue=False):
        pass

    def close(self):
        pass


def fake_ocr(path, page_no, settings):
    return OcrResult(page_no=page_no, text=f"Side {page_no} lest med OCR.", confidence=90.0,
                     lang="nor", seconds=0.0)


def run(paths, pool, monkeypatch, settings=Settings(repair=False, extract=False)):
    monkeypatch.setattr(_executors, "ocr_page", fake_ocr)
    monkeypatch.setattr(_driver, "ocr_page", fake_ocr)  # the page done inline
    monkeypatch.setattr(_runner, "_make_pool", lambda *a: pool)
    conn = archive.connect(":memory:")
    summary = _runner.ingest([str(p) for p in paths], Loader(conn), db=":memory:",
                             command="test", settings=settings, workers=pool.workers)
    return summary, conn


def test_pages_of_a_scan_are_separate_tasks(monkeypatch):
    pool = InlinePool(2)
    summary, conn = run([SAMPLES / "scanned" / "001.pdf"], pool, monkeypatch)
    assert [k[1:] for k in pool.submitted] == [("start", 0), ("page", 1), ("page", 2),
                                               ("finish", 0)]
    assert summary.documents_new == 1 and summary.pages_ocr == 2
    assert conn.execute("SELECT text FROM pages ORDER BY page_no").fetchall() == [
        ("Side 1 lest med OCR.",), ("Side 2 lest med OCR.",)]


def test_a_document_with_one_page_to_ocr_is_one_task(monkeypatch):
    pool = InlinePool(2)
    run([SAMPLES / "scanned" / "003.pdf"], pool, monkeypatch)  # one page
    assert [k[1] for k in pool.submitted] == ["start"]


def test_open_documents_stay_bounded(monkeypatch, tmp_path):
    files = distinct_copies(tmp_path / "in", 2)
    pool = InlinePool(2)
    seen = []
    real = _runner._Run.execute

    def spy(self, jobs, p):
        original = p.submit

        def submit(key, fn, *args):
            seen.append(len(self.docs))
            original(key, fn, *args)

        p.submit = submit
        return real(self, jobs, p)

    monkeypatch.setattr(_runner._Run, "execute", spy)
    summary, _ = run([tmp_path / "in"], pool, monkeypatch)
    assert summary.documents_new == len(files)
    assert max(seen) <= 2 * pool.workers
