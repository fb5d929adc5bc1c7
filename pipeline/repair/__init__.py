"""repair: undo Norwegian character corruption, with an audit trail.

Public API (the rest of the pipeline and ``saksarkiv repair`` call only these):
``repair_document``, ``repair_text``, ``format_diff``, ``detect_language``,
``RepairOutcome``, ``Profile``.

Per document, in this order (each pass sees the previous pass's text; every change is
kept in raw-text coordinates, see ``_edits``):
1. profile: how is the document damaged? (``_profile``); clean text stops here;
2. UTF-8 mojibake (ftfy) and legacy code-page mix-ups (``_mojibake``);
3. glyph loss, a letter turned into spaces (``_glyph``);
4. English-OCR confusions on pages the profile found damaged (``_ocr``).
Changes whose confidence is below ``threshold`` are returned as suggestions
(``applied=False``) and not made. The function is pure and never raises on a string.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from pipeline.records import Correction
from pipeline.repair._diff import format_diff
from pipeline.repair._edits import Edit, EditLog
from pipeline.repair._profile import Profile, detect_language, profile_document

__all__ = ["RepairOutcome", "Profile", "repair_document", "repair_text", "format_diff",
           "detect_language", "clear_caches", "DEFAULT_THRESHOLD"]

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class RepairOutcome:
    texts: tuple[str, ...]
    corrections: tuple[Correction, ...]
    language: str | None
    profile: Profile

    def profile_json(self) -> str:
        return json.dumps(asdict(self.profile), ensure_ascii=False, sort_keys=True)

    @property
    def text(self) -> str:
        """The first page's repaired text (for ``repair_text``)."""
        return self.texts[0] if self.texts else ""


def clear_caches() -> None:
    """Forget the process-wide word scores (benchmarks measure the cold start with it)."""
    from pipeline import lexicon
    from pipeline.repair import _ocr

    _ocr._SCORES.clear()
    _ocr._BEST.clear()
    _ocr._candidates.cache_clear()
    lexicon._COMPOUND_CACHE.clear()


def repair_text(text: str, **kw) -> RepairOutcome:
    """Repair one page (page number 1)."""
    return repair_document([(1, text)], **kw)


def repair_document(pages: Sequence[tuple[int, str]], *, vocabulary: frozenset[str] = frozenset(),
                    threshold: float | None = None) -> RepairOutcome:
    """Repair a document's pages; ``pages`` are (page_no, text_raw)."""
    pages = [(int(no), t if isinstance(t, str) else "") for no, t in pages]
    try:
        return _repair(pages, vocabulary, DEFAULT_THRESHOLD if threshold is None else threshold)
    except Exception as exc:  # noqa: BLE001 - repair must never lose a document
        prof = Profile.failed(f"{type(exc).__name__}: {exc}")
        return RepairOutcome(tuple(t for _, t in pages), (), None, prof)


def _repair(pages: list[tuple[int, str]], vocabulary: frozenset[str],
            threshold: float) -> RepairOutcome:
    from pipeline.repair import _glyph, _mojibake, _ocr

    logs = [EditLog(t) for _, t in pages]
    suggestions: list[tuple[int, Edit, int, int]] = []  # (page index, edit, raw s, raw e)

    def run(i: int, edits: list[Edit]) -> None:
        keep = []
        for ed in edits:
            if ed.confidence >= threshold:
                keep.append(ed)
            else:
                suggestions.append((i, ed, logs[i].to_raw(ed.start), logs[i].to_raw(ed.end)))
        logs[i].apply(keep)

    # 1. mojibake first: everything else needs real letters
    n_moji = 0
    for i, log in enumerate(logs):
        edits = _mojibake.fix_utf8(log.text)
        n_moji += len(edits)
        run(i, edits)
    prof = profile_document([log.text for log in logs], vocabulary, [no for no, _ in pages], n_moji)
    scorer = prof.scorer
    known = lambda w: scorer.score(w)[1]  # noqa: E731
    if prof.legacy_codepage:
        strong = prof.legacy_hits >= 5 and prof.legacy_hits * 2 >= prof.legacy_total
        for i, log in enumerate(logs):
            run(i, _mojibake.fix_legacy(log.text, prof.legacy_codepage, known, strong))
        # the rest of the profile must see real letters, not code-page debris
        first = prof
        prof = profile_document([log.text for log in logs], vocabulary,
                                [no for no, _ in pages], n_moji, legacy=first)
        scorer = prof.scorer
    # 2. glyph loss
    if prof.lost_glyph:
        for i, log in enumerate(logs):
            run(i, _glyph.repair(log.text, prof.lost_glyph, prof.words_oracle()))
    # 3. English-OCR confusions, damaged pages only
    if prof.aggressiveness == "aggressive":
        damaged = set(prof.damaged_pages)
        for i, log in enumerate(logs):
            if pages[i][0] in damaged:
                run(i, _ocr.repair_words(log.text, scorer))
                run(i, _ocr.repair_lone(log.text, scorer))

    corrections: list[Correction] = []
    for i, log in enumerate(logs):
        page_no = pages[i][0]
        for rs, re_, orig, new, kind, conf, ns, ne in log.final():
            corrections.append(Correction(page_no, rs, re_, orig, new, kind, conf, True, ns, ne))
    for i, ed, rs, re_ in suggestions:
        corrections.append(Correction(pages[i][0], rs, re_, pages[i][1][rs:re_], ed.new,
                                      ed.kind, ed.confidence, False))
    corrections.sort(key=lambda c: (c.page_no, c.char_start, not c.applied))
    return RepairOutcome(tuple(log.text for log in logs), tuple(corrections), prof.language,
                         prof.public())
