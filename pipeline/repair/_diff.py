"""``format_diff``: the changes for a person (``saksarkiv repair --diff``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.repair import RepairOutcome


def format_diff(text_raw: str, outcome: RepairOutcome, page_no: int | None = None) -> str:
    """Changed lines (``-`` raw, ``+`` repaired) with each change, then the suggestions.

    ``text_raw`` is one page's raw text; ``page_no`` picks the page's corrections (default:
    the first page in ``outcome``).
    """
    corr = list(outcome.corrections)
    if page_no is None and corr:
        page_no = corr[0].page_no
    corr = [c for c in corr if c.page_no == page_no]
    idx = 0
    if outcome.texts and page_no is not None:
        pages = sorted({c.page_no for c in outcome.corrections})
        idx = pages.index(page_no) if page_no in pages and len(pages) == len(outcome.texts) else 0
    new_text = outcome.texts[idx] if outcome.texts else text_raw
    applied = [c for c in corr if c.applied]
    suggested = [c for c in corr if not c.applied]
    p = outcome.profile
    out = [f"# profile: damaged={p.damaged} kinds={','.join(p.kinds) or '-'} "
           f"aggressiveness={p.aggressiveness} language={p.language or '?'} "
           f"words={p.words} æøå-words={p.aeoeaa_words} telltales={p.telltales}",
           f"# {len(applied)} change(s) applied, {len(suggested)} suggestion(s)"]
    raw_lines = text_raw.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    raw_starts, pos = [], 0
    for ln in raw_lines:
        raw_starts.append(pos)
        pos += len(ln)
    new_starts, pos = [], 0
    for ln in new_lines:
        new_starts.append(pos)
        pos += len(ln)

    def line_of(starts: list[int], off: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= off:
                lo = mid
            else:
                hi = mid - 1
        return max(lo, 0)

    by_line: dict[int, list] = {}
    for c in applied:
        by_line.setdefault(line_of(raw_starts, c.char_start), []).append(c)
    for ln, cs in sorted(by_line.items()):
        nl = line_of(new_starts, cs[0].new_start) if cs[0].new_start >= 0 else ln
        out.append(f"@@ line {ln + 1} @@")
        out.append("- " + (raw_lines[ln].rstrip("\n") if ln < len(raw_lines) else ""))
        out.append("+ " + (new_lines[nl].rstrip("\n") if nl < len(new_lines) else ""))
        out.append("  " + "   ".join(f"{c.original!r} → {c.corrected!r} ({c.kind}, {c.confidence:.2f})"
                                      for c in cs))
    if suggested:
        out.append("# suggestions (not applied):")
        for c in suggested:
            ln = line_of(raw_starts, c.char_start) + 1 if raw_starts else 1
            out.append(f"  line {ln}: {c.original!r} → {c.corrected!r} ({c.kind}, {c.confidence:.2f})")
    return "\n".join(out) + "\n"
