"""Recommendation/decision blocks (one row per numbered point) and sections."""

from __future__ import annotations

import re

from extractors import _patterns as P
from extractors._layout import Line
from extractors._structure import Structure
from extractors.records import Recommendation, Section


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---- recommendations ----------------------------------------------------------------------
def recommendations(st: Structure) -> list[Recommendation]:
    out: list[Recommendation] = []
    lines = st.layout.lines
    for idx, h in sorted(st.headings.items()):
        key = st.case_at(lines[idx].start)
        rule = f"recommendation.{h.kind}"
        if h.inline:
            s = h.inline_start
            page, cs, ce = st.layout.where(s, lines[idx].end)
            out.append(Recommendation(key, h.kind, h.text, None, _clean(h.inline), page, cs, ce, rule + ".inline", 0.8))
            continue
        for item_no, s, e in _block_items(st, idx):
            text = st.layout.text[s:e]
            if item_no is not None:
                text = P.ITEM.sub("", text, count=1)
            text = _clean(text)
            if not text:
                continue
            page, cs, ce = st.layout.where(s, e)
            conf = 0.9 if item_no is not None else 0.8
            out.append(Recommendation(key, h.kind, h.text, item_no, text, page, cs, ce, rule, conf))
    return out


# A vote label ends a block, with or without its text on the line ("Votering:<TAB>Enstemmig vedtatt.")
_VOTE_LABEL = re.compile(r"^\s*(?:votering|røysting|avrøysting|avstemming|avstemning)\s*:", re.IGNORECASE)


def _stops(st: Structure, ln: Line) -> bool:
    s = ln.stripped
    return (
        ln.index in st.headings
        or bool(_VOTE_LABEL.match(s))
        or st.field_line(ln.index)
        or ln.index in st.layout.noise_lines
        or bool(P.TERMINATOR.match(s))
        or bool(P.KNOWN_SECTIONS.match(P.heading_core(s)) and len(s) < 60)
        or bool(P.VEDLEGG.match(ln.text) and len(s) < 40)
        or st.anchor_line(ln.index)
    )


def _block_items(st: Structure, idx: int) -> list[tuple[int | None, int, int]]:
    """(item_no, start, end) of each point of the block under heading line ``idx``."""
    lines = st.layout.lines
    j = idx + 1
    while j < len(lines) and (lines[j].blank or lines[j].index in st.layout.noise_lines):
        j += 1
    if j >= len(lines) or _stops(st, lines[j]):
        return []
    items: list[tuple[int | None, int, int]] = []
    first = P.ITEM.match(lines[j].text)
    if not first or P.item_number(first) != 1:
        # An intro paragraph ending in ":" may lead into numbered points ("... legger saken fram
        # med følgende forslag til vedtak:" / "Styret fatter følgende vedtak:").
        start, end = _paragraph(st, j)
        k = j
        while k < len(lines) and lines[k].end < end:
            k += 1
        nxt = st.layout.next_content(k)
        nm = P.ITEM.match(nxt.text) if nxt is not None else None
        if not (st.layout.text[start:end].rstrip().endswith(":") and nm and P.item_number(nm) == 1):
            return [(None, start, end)]
        if not P.FORMULA_LINE.match(st.layout.text[start:end].replace("\n", " ")):
            items.append((None, start, end))
        j = nxt.index
    expected = 1
    cur_start = cur_end = None
    while j < len(lines):
        ln = lines[j]
        m = P.ITEM.match(ln.text)
        if ln.blank or ln.index in st.layout.noise_lines:
            nxt = st.layout.next_content(j)
            nm = P.ITEM.match(nxt.text) if nxt is not None else None
            if nm is None or P.item_number(nm) != expected:
                break
            j += 1
            continue
        if m and P.item_number(m) == expected:
            if cur_start is not None:
                items.append((expected - 1, cur_start, cur_end))
            cur_start, cur_end = ln.content_start, ln.end
            expected += 1
        elif _stops(st, ln):
            break
        else:
            cur_end = ln.end
        j += 1
    if cur_start is not None:
        items.append((expected - 1, cur_start, cur_end))
    return items


def _paragraph(st: Structure, j: int) -> tuple[int, int]:
    lines = st.layout.lines
    start = lines[j].content_start
    end = lines[j].end
    j += 1
    while j < len(lines) and not lines[j].blank and not _stops(st, lines[j]):
        if P.ITEM.match(lines[j].text) and lines[j - 1].stripped.endswith(":"):
            break  # "... følgende vedtak:" then "a) ..." on the next line
        end = lines[j].end
        j += 1
    return start, end


# ---- sections ------------------------------------------------------------------------------
_LIST_MARK = re.compile(r"^\s*(?:[-–•*·o]\s|\d{1,2}[.)]\s|[a-z]\)\s|\[)")
_PLACE_DATE = re.compile(
    r"^[A-ZÆØÅ][\wæøå\- ]{1,30},\s*(?:den\s+)?\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|[a-zæøå]+\.?\s+\d{4})$")
_LABEL_SENTENCE = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:\s[\wæøå-]+)?\s?:\s+\S.*[.!]$")
_GENERIC_HEADING = re.compile(r"^[A-ZÆØÅ][^\n]{1,78}$")
_QUESTION_HEADING = re.compile(r"^(?:hva|kva|hvordan|korleis|kvifor|hvorfor|hvem|kven|når|kor)\s", re.IGNORECASE)  # "Hva saken gjelder:"
# A sentence that leads into a list: a finite verb, or a preposition before the colon
_LEAD_IN = re.compile(
    r"\s(?:er|var|gis|gjevast|gjeld|gjelder|har|blir|vert|skal|kan|må|vil|bør|omfattar|omfatter|inneber|innebærer"
    r"|følgende|følgjande|disse|desse|foreslo|foreslår|fremmet|fremma|sette\s+fram|la\s+fram|ønskjer|ønsker)(?=\s|:)|\s(?:om|for|til|med|av|på|i|at|som|blant\s+anna|blant\s+annet|bl\.a\.)\s*:$",
    re.IGNORECASE)


def _is_heading(st: Structure, ln: Line, body_start: int) -> tuple[bool, float]:
    s = ln.stripped
    bare = P.heading_core(s)
    numbered = bool(P.NUMBERED_HEADING.match(s))
    if numbered:
        if not _numbered_heading(st, ln, bare):
            return False, 0.0
        s = bare
    if (not bare or ln.index in st.headings or st.field_line(ln.index) or ln.index in st.layout.noise_lines
            or ln.index in st.table_lines or ln.index in st.note_lines or P.VEDLEGG.match(ln.text)
            or P.DOCUMENT_LABELS.match(bare) and (bare.isupper() or ln.start < body_start)
            or any(a.line == ln.index or (a.title_span and a.title_span[0] == ln.content_start)
                   for a in st.anchors)
            or (_LIST_MARK.match(ln.text) and not numbered) or P.TERMINATOR.match(s) or s.lower().startswith(("http", "www."))):
        return False, 0.0
    nxt = st.layout.next_content(ln.index)
    if nxt is not None and nxt.index in st.table_lines and nxt.index == ln.index + 1:
        return False, 0.0  # "Saksgang:" over its table labels the table, it heads no text
    if P.KNOWN_SECTIONS.match(bare) and len(bare) < 80:
        return True, 0.9
    if ln.start < body_start:
        return False, 0.0
    prev = st.layout.lines[ln.index - 1] if ln.index else None
    nxt = st.layout.next_content(ln.index)
    if prev is not None and not prev.blank and prev.index not in st.layout.noise_lines:
        return False, 0.0  # (a heading right under a running page header stands alone)
    words = bare.split()
    if (nxt is None or not _GENERIC_HEADING.match(bare) or len(words) > 10 or s[-1:] in ",;"
            or (s.endswith(".") and len(words) < 4) or re.search(r"\s{3,}", s)):
        return False, 0.0
    if s.endswith(".") and "." in s[:-1].replace("bl.a", ""):
        return False, 0.0
    if _LABEL_SENTENCE.match(s):
        return False, 0.0  # "Røysting: Tilrådinga vart vedteken med 4 mot 1 røyst.": a label and its value
    if s.endswith(":") and _LEAD_IN.search(s) and not _QUESTION_HEADING.match(s):
        return False, 0.0  # "De viktigste endringene er:", "Under siste sak gis det orienteringer om:" lead into a list
    following = st.layout.lines[ln.index + 1] if ln.index + 1 < len(st.layout.lines) else None
    if following is not None and not following.blank and (following.stripped[:1].islower() or len(s) >= 60):
        return False, 0.0  # a wrapped paragraph line, not a heading
    if nxt.index in st.note_lines:
        return True, 0.7  # "Merknader til sakene" over "Til sak 03/26:" and its note
    paragraph = (len(nxt.stripped) >= 60 or nxt.stripped.endswith(".")
                 or (nxt.stripped.endswith(":") and len(nxt.stripped) >= 25))
    if not paragraph or _is_known_or_label(st, nxt):
        return False, 0.0
    # Under a heading comes prose, not a "Label: value" line ("Kopi til: ...") or a row laid out
    # in columns (a signature line "Kari Ås, leiar      Per Li, sekretær"); and a "Place, date"
    # line ("Hurdal, 12.03.2025") dates the paper, it heads nothing.
    if P.GENERIC_FIELD.match(nxt.stripped) or re.search(r"\S\s{3,}\S", nxt.stripped) or _PLACE_DATE.match(bare):
        return False, 0.0
    if nxt.index == ln.index + 1 and st.anchor_line(nxt.index):
        return False, 0.0  # "Politiske saker" over agenda rows labels a group of rows
    return True, 0.6


def _numbered_heading(st: Structure, ln: Line, bare: str) -> bool:
    """'2. Planens hovedgrep' over a paragraph: a numbered heading, not a list item."""
    lines = st.layout.lines
    prev = lines[ln.index - 1] if ln.index else None
    following = lines[ln.index + 1] if ln.index + 1 < len(lines) else None
    if (prev is not None and not prev.blank) or following is None or following.blank:
        return False
    if len(bare.split()) > 8 or bare.endswith((".", ",", ";")) or st.in_attachment(ln.start):
        return False
    f = following.stripped
    return not _LIST_MARK.match(following.text) and f[:1].isupper() and (len(f) >= 60 or f.endswith((".", ":")))


def _is_known_or_label(st: Structure, ln: Line) -> bool:
    return ln.index in st.headings or st.field_line(ln.index) or bool(P.KNOWN_SECTIONS.match(ln.stripped.rstrip(":")))


def sections(st: Structure) -> list[Section]:
    lay = st.layout
    body_start = _body_start(st)
    heads: list[tuple[Line, float]] = []
    for ln in lay.lines:
        if ln.blank:
            continue
        ok, conf = _is_heading(st, ln, body_start)
        if ok:
            heads.append((ln, conf))
    breaks = sorted(
        {lay.lines[i].start for i in st.headings}
        | {ln.start for ln, _ in heads}
        | {lay.lines[a.line].start for a in st.anchors if a.kind == "header"}
        | {s for s, _ in st.attachments}
        | {len(lay.text)}
    )
    out = []
    for ln, conf in heads:
        end = next(b for b in breaks if b > ln.start)
        text = lay.text[ln.end:end].strip()
        page, cs, _ = lay.where(ln.content_start, ln.end)
        _, _, ce = lay.where(ln.content_start, end)
        kind = "section.known" if conf >= 0.9 else "section.layout"
        out.append(Section(st.case_at(ln.start), P.heading_core(ln.stripped), text, page, cs, ce, kind, conf))
    return out


def _body_start(st: Structure) -> int:
    """Generic headings only count after the first case's title (a header is no section)."""
    if not st.anchors:
        return 0
    first = min(st.anchors, key=lambda a: a.start)
    return first.title_span[1] if first.title_span else first.end
