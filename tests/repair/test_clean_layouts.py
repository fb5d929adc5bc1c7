"""Clean papers with layout (header tables, agenda columns, lists) come through untouched.

The hand-written gold documents of the extractors are clean Norwegian with the layouts
real papers have; column gaps once made the glyph-loss repair insert "Å" and "I".
"""

from pathlib import Path

import pytest

from pipeline.repair import repair_document

GOLD = Path(__file__).resolve().parents[1] / "gold"
FILES = sorted(GOLD.glob("**/*.txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_clean_layout_is_unchanged(path):
    text = path.read_text(encoding="utf-8")
    pages = [(i + 1, p) for i, p in enumerate(text.split("\f"))]
    outcome = repair_document(pages)
    applied = [(c.original, c.corrected, c.kind) for c in outcome.corrections if c.applied]
    assert applied == []
    assert "\f".join(outcome.texts) == text


def test_column_gaps_are_not_a_lost_glyph():
    text = ("Møtested: møterom 2        Møtedato: 12.03.2024\n"
            "Sak 3/2024   Budsjett 2025    Lukket\nSak 4/2024   Økonomiplan    Åpen\n") * 3
    outcome = repair_document([(1, text)])
    assert outcome.texts[0] == text and outcome.profile.lost_glyph is None
