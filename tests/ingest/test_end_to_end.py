"""The samples through the whole pipeline: born-digital, scanned, legacy, mixed, text."""

import pytest

from tests.conftest import normalise, truth

pytestmark = pytest.mark.slow

SEEDS = ("000", "001", "002", "003", "004")


def doc_pages(conn, relpath):
    return conn.execute(
        "SELECT p.page_no, p.method, p.quality, p.text_raw, p.text, p.text_layer, p.reason "
        "FROM pages p JOIN documents d USING (doc_id) WHERE d.source LIKE ? ORDER BY p.page_no",
        ["%/" + relpath],
    ).fetchall()


@pytest.mark.parametrize("seed", SEEDS)
def test_born_digital_text_matches_seed(samples_archive, seed):
    pages = doc_pages(samples_archive, f"born-digital/{seed}.pdf")
    assert pages and all(p[1] == "text_layer" and p[2] == "ok" for p in pages)
    text = " ".join(p[3] for p in pages)
    assert normalise(text) == normalise(truth(seed))


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_scanned_samples_are_ocrd_in_norwegian(samples_archive, seed):
    pages = doc_pages(samples_archive, f"scanned/{seed}.pdf")
    assert all(p[1] == "ocr" and p[2] == "none" for p in pages)
    text = " ".join(p[4] for p in pages)
    for phrase in ("møte", "Innstilling til konsensus", "Saksbehandler"):
        assert phrase in text, phrase


@pytest.mark.parametrize("seed", SEEDS)
def test_legacy_layer_is_detected_and_reocrd(samples_archive, seed):
    pages = doc_pages(samples_archive, f"legacy/{seed}.pdf")
    assert pages and all(p[1] == "ocr" and p[2] == "legacy_ocr" for p in pages)
    layer = " ".join(p[5] or "" for p in pages)
    assert not any(c in layer for c in "æøå")  # the English layer is kept for the record


def test_legacy_partnerskapsmote_comes_out_right(samples_archive):
    pages = doc_pages(samples_archive, "legacy/003.pdf")
    layer = " ".join(p[5] for p in pages)
    text = " ".join(p[4] for p in pages)
    assert "Partnerskapsmøte" not in layer
    assert "Partnerskapsmøte" in text and "Partnerskapsmøtet" in text
    assert "mgte" not in text and "metet" not in text


def test_mixed_pdf_is_read_page_by_page(samples_archive):
    pages = doc_pages(samples_archive, "mixed/mixed-001-002.pdf")
    methods = [p[1] for p in pages]
    assert "text_layer" in methods and "ocr" in methods
    origin = samples_archive.execute(
        "SELECT text_origin FROM documents WHERE source LIKE '%mixed-001-002.pdf'"
    ).fetchone()[0]
    assert origin == "mixed"


def test_every_page_says_why(samples_archive):
    rows = samples_archive.execute(
        "SELECT count(*) FILTER (WHERE reason = '' OR reason IS NULL), "
        "count(*) FILTER (WHERE method = 'ocr' AND ocr_confidence IS NULL) FROM pages"
    ).fetchone()
    assert rows == (0, 0)


def test_documents_table_follows_the_data_contract(samples_archive):
    origins = dict(samples_archive.execute(
        "SELECT text_origin, count(*) FROM documents GROUP BY ALL").fetchall())
    assert origins == {"text_layer": 5, "ocr": 10, "mixed": 1, "plain_text": 5}
    bad = samples_archive.execute(
        "SELECT count(*) FROM documents WHERE status NOT IN ('ok', 'partial') "
        "OR doc_id <> sha256 OR language NOT IN ('nb', 'nn')").fetchone()[0]
    assert bad == 0
