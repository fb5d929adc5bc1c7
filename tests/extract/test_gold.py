"""F1 on the gold set (tests/gold) must not fall below what the extractors reach today.

Thresholds sit a little under the measured scores (see the report of
``bench/eval_extract.py``) so a regression fails and an improvement does not.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("eval_extract", ROOT / "bench" / "eval_extract.py")
eval_extract = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_extract)

# Minimum F1 per split and field: what the extractors reach today, slightly rounded down.
# Every split has been looked at by now (see tests/gold/README.md), so these guard against
# regressions; they are not estimates for unseen documents (the work report has those).
FIELDS = ("case numbers", "header fields", "dates (ISO value)", "date roles", "dates (year inferred)",
          "references", "references (number/year)", "recommendations", "sections")
SPLITS = ("seed", "dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "blind", "blind2",
          "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13",
          "blind14", "blind15", "blind16", "blind17", "blind18", "blind19",
          "blind20", "all")
EXCEPTIONS = {
    ("seed", "dates (ISO value)"): 0.95,  # 003: "30. November" has no year and no dated context
    ("seed", "date roles"): 0.9,  # 004: "Passert 30. oktober 2023" has no cue
    ("seed", "dates (year inferred)"): 0.8,
    ("seed", "sections"): 0.95,  # 000: a footer line looks like a heading
    ("heldout4", "date roles"): 0.85,  # "i perioden 1.–15. juni" (event) read as mentioned
    ("heldout4", "sections"): 0.85,  # a letter's subject line looks like a heading
    ("blind8", "date roles"): 0.98,  # n10: "etter at kommunestyret har gjort ved-\ntak 22. mai" (a later meeting)
    ("blind9", "dates (ISO value)"): 0.98,  # p08: a year-less period whose year (2024) is in the sentence before
    ("blind9", "date roles"): 0.98,
    ("blind9", "dates (year inferred)"): 0.95,
    # blind10/blind11 after their round (first look in tests/gold/README.md): what is left are date roles of
    # other bodies' meetings, hard-wrapped agenda titles of a 1997 OCR paper (r09), one handler field
    ("blind10", "header fields"): 0.99,
    ("blind10", "dates (ISO value)"): 0.97,
    ("blind10", "date roles"): 0.9,
    ("blind10", "dates (year inferred)"): 0.95,
    ("blind10", "references"): 0.98,
    ("blind10", "references (number/year)"): 0.98,
    ("blind11", "header fields"): 0.94,
    ("blind11", "date roles"): 0.92,
    ("blind11", "sections"): 0.96,
    ("blind12", "date roles"): 0.9,  # other bodies' coming meetings, "2. og 3. mars" (event vs mentioned)
    # blind13 after its round: an event in an agenda row's title ("Ungdommens fylkesting 6.–8. mars") is read as
    # mentioned (first look in tests/gold/README.md)
    ("blind13", "date roles"): 0.98,
    # blind17/blind18 (end of stop 11): dates in Vedlegg entries of reports read as events (a tilsyn), a council's
    # decision "i møtet DATE" (event or mentioned: the annotators differ), a body named in prose where the same
    # number was written with a label elsewhere (y09)
    ("blind17", "header fields"): 0.99,  # y10: a handler given only by name, phone and e-mail under no label
    ("blind17", "date roles"): 0.94,
    ("blind17", "references"): 0.94,
    ("blind18", "date roles"): 0.98,
    # blind19/blind20 (the last batches of stop 11): a one-row "Behandlingsorgan  Møtedato" table names no committee,
    # "Byrådets innstilling til bystyret" over the title is read as a heading (a02), roles of dates in unusual phrasing
    ("blind19", "header fields"): 0.96,
    ("blind19", "date roles"): 0.97,
    ("blind19", "recommendations"): 0.98,
    ("blind20", "date roles"): 0.94,
    ("blind20", "recommendations"): 0.98,
    # "all" (146 documents with blind11) measures 0.997 / 0.997 / 0.986 / 0.991 / 0.999 / 0.995 on these fields;
    # the remaining errors are the exceptions above. blind4 to blind7 have none.
    ("all", "header fields"): 0.99,
    ("all", "dates (ISO value)"): 0.99,
    ("all", "date roles"): 0.98,
    ("all", "dates (year inferred)"): 0.99,
    ("all", "references"): 0.99,
    ("all", "references (number/year)"): 0.99,
    ("all", "sections"): 0.99,
    ("all", "recommendations"): 0.99,
}
THRESHOLDS = {split: {f: EXCEPTIONS.get((split, f), 1.0) for f in FIELDS} for split in SPLITS}


@pytest.fixture(scope="module")
def report():
    return eval_extract.evaluate()


@pytest.mark.parametrize(("split", "field", "minimum"),
                         [(s, f, m) for s, fields in THRESHOLDS.items() for f, m in fields.items()])
def test_f1_at_least(report, split, field, minimum):
    p, r, f1, tp, gold, pred = report[split][field]
    assert f1 >= minimum, f"{split} {field}: F1 {f1:.3f} < {minimum} (tp {tp}, gold {gold}, predicted {pred})"


def test_gold_set_is_complete():
    docs = eval_extract.load_gold()
    splits = [d["split"] for d in docs]
    assert splits.count("seed") == 5
    assert len(docs) - 5 >= 12
    for d in docs:
        for key in ("cases", "dates", "references", "recommendations", "sections", "split", "language"):
            assert key in d, (d["name"], key)


# Through a PDF: each gold text rendered as a born-digital PDF and read back with the pipeline's reader
# (``bench/eval_extract.py --via-pdf``), so layout reconstruction and wrapped paragraphs are guarded too.
# Measured on the 146 documents up to blind11: 0.997 / 0.989 / 0.997 / 0.972 / 0.991 / 0.986 / 0.988 /
# 0.990 / 0.981 (content-order text, before the layout reader, on the 128 documents then: case numbers
# 0.865, date roles 0.556, recommendations 0.497, sections 0.379).
VIA_PDF = {"case numbers": 0.98, "header fields": 0.98, "dates (ISO value)": 0.99, "date roles": 0.96,
           "dates (year inferred)": 0.98, "references": 0.97, "references (number/year)": 0.97,
           "recommendations": 0.97, "sections": 0.96}


@pytest.fixture(scope="module")
def report_via_pdf():
    return eval_extract.evaluate(eval_extract.via_pdf(eval_extract.load_gold()))


@pytest.mark.parametrize(("field", "minimum"), VIA_PDF.items())
def test_f1_through_a_pdf_at_least(report_via_pdf, field, minimum):
    p, r, f1, tp, gold, pred = report_via_pdf["all"][field]
    assert f1 >= minimum, f"via PDF {field}: F1 {f1:.3f} < {minimum} (tp {tp}, gold {gold}, predicted {pred})"
