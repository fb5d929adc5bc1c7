"""assess: decide per page whether its text layer can be used or the page needs OCR.

Verdicts (``Assessment.quality``):
- ``ok``: Norwegian (or at least real-word) text, used as it is;
- ``none``: no text layer worth the name (a scan without OCR, an empty page);
- ``garbage``: a layer of broken glyphs (``(cid:12)``, replacement characters, symbol
  soup) that no repair can read;
- ``legacy_ocr``: a layer made by English-only OCR: Norwegian words with æ ø å mangled
  ("mgte", "pa", "gnsker"), detected by the absence of æ ø å over many words and by words
  that become Norwegian when a known confusion is undone.
A page needs OCR when it carries a page image and its layer is not ``ok``, or when its
layer is ``garbage`` (rendering the page and OCR'ing it is then the only way to read it).
"""

from __future__ import annotations

import re

from pipeline import lexicon
from pipeline.records import Assessment, PageText

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NOR = re.compile("[æøåÆØÅ]")
# Short words that English OCR makes out of "på", "å", "år", "også", "får", "gå", "nå", "så".
_TELLTALE = frozenset({"pa", "ogsa", "ar", "arets", "gar", "far", "na", "sa", "ga", "fa"})
# Single-character confusions of English OCR, undone to see whether a word becomes known.
_UNDO = (("g", "ø"), ("e", "ø"), ("o", "ø"), ("a", "å"), ("ae", "æ"), ("ee", "æ"), ("@", "ø"))
MIN_WORDS = 20
MIN_CHARS = 20


def assess_document(pages: tuple[PageText, ...], *, ocr_mode: str = "auto") -> list[Assessment]:
    """Assess each page, then let the document speak for its short pages.

    A scanned page with a few words says little by itself; when other pages of the same
    file carry an English-OCR layer, its layer came from the same OCR run: redo it too.
    """
    verdicts = [assess(p, ocr_mode=ocr_mode) for p in pages]
    if any(v.quality == "legacy_ocr" for v in verdicts):
        for i, (page, v) in enumerate(zip(pages, verdicts)):
            if v.quality == "ok" and page.has_image and not _NOR.search(page.text):
                verdicts[i] = Assessment(
                    quality="legacy_ocr",
                    score=v.score,
                    reason="scanned page without æ/ø/å in a document whose other pages "
                    "carry an English-OCR text layer",
                    needs_ocr=ocr_mode != "never",
                )
    return verdicts


def assess(page: PageText, *, ocr_mode: str = "auto") -> Assessment:
    text = page.text
    stripped = text.strip()
    if len(stripped) < MIN_CHARS:
        return Assessment(
            quality="none",
            score=0.0,
            reason="no text layer" if not stripped else f"only {len(stripped)} characters",
            needs_ocr=page.has_image and ocr_mode != "never",
        )
    words = _WORD.findall(text)
    if not _looks_like_text(text, words):
        return Assessment(
            quality="garbage",
            score=0.0,
            reason="text layer is broken glyphs, not words",
            needs_ocr=ocr_mode != "never",
        )
    lex = lexicon.load()
    lower = [w.lower() for w in words]
    known = sum(1 for w in lower if lex.known(w))
    hit_rate = known / len(words) if words else 0.0
    nor_letters = len(_NOR.findall(text))
    telltales = sum(1 for w in lower if w in _TELLTALE)
    undoable = sum(1 for w in lower if len(w) > 3 and not lex.known(w) and _undo_makes_known(w, lex))
    evidence = telltales + 2 * undoable
    if len(words) >= MIN_WORDS and nor_letters * 50 < len(words) and evidence >= max(2, len(words) // 60):
        return Assessment(
            quality="legacy_ocr",
            score=round(hit_rate, 3),
            reason=(
                f"English-OCR text layer: {len(words)} words without æ/ø/å, "
                f"{telltales} telltale words (pa, ogsa, ar ...) and {undoable} words that "
                "become Norwegian when an OCR confusion is undone"
            ),
            needs_ocr=page.has_image and ocr_mode != "never",
        )
    if words and hit_rate < 0.5:
        return Assessment(
            quality="garbage",
            score=round(hit_rate, 3),
            reason=f"only {hit_rate:.0%} of words are known Norwegian words",
            needs_ocr=ocr_mode != "never",
        )
    return Assessment(
        quality="ok",
        score=round(hit_rate, 3),
        reason=f"{hit_rate:.0%} of {len(words)} words are known Norwegian words",
        needs_ocr=ocr_mode == "always",
    )


def _looks_like_text(text: str, words: list[str]) -> bool:
    if text.count("(cid:") >= 3 or text.count("\ufffd") > len(text) * 0.02:
        return False
    letters = sum(len(w) for w in words)
    visible = sum(1 for c in text if not c.isspace())
    return visible > 0 and letters / visible >= 0.5


def _undo_makes_known(word: str, lex: lexicon.Lexicon) -> bool:
    for wrong, right in _UNDO:
        start = word.find(wrong)
        while start != -1:
            candidate = word[:start] + right + word[start + len(wrong) :]
            if lex.known(candidate):
                return True
            start = word.find(wrong, start + 1)
    return False
