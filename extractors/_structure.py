"""The document's structure, found once and shared by every extractor.

Header field lines, recommendation/decision headings, attachment (Vedlegg) blocks and the
committee; then (in :mod:`extractors._anchors`) saksgang and agenda tables, the document's
own case(s) and the segment of text that belongs to each case (agendas and minutes hold
several).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from extractors import _patterns as P
from extractors._layout import Layout, Line


_PAPER_FIELDS = frozenset({"case_handler", "co_handler", "archive_case_no", "archive_code", "our_ref", "your_ref"})
_CLOCK = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}[.:]\d{2}\s*[–-]\s*\d{1,2}[.:]\d{2}\b",
                    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CaseId:
    """A case identifier found in the text (own case or reference)."""

    start: int
    end: int
    text: str
    body: str | None  # as written and normalised; None: generic "sak" or bare number
    numbers: tuple[int, ...]  # several for a range "sakene 4-7/2023"
    year: int | None  # None: "sak 30" (year from context)
    explicit_year: bool


@dataclass(frozen=True, slots=True)
class FieldHit:
    field: str
    label: str
    value: str
    line: int
    start: int  # global offsets of the value
    end: int


@dataclass(frozen=True, slots=True)
class Heading:
    kind: str  # recommendation / decision
    text: str
    line: int
    inline: str | None
    inline_start: int


@dataclass
class Anchor:
    """Where the document presents one of its own cases."""

    body: str | None
    number: int
    year: int
    text: str
    start: int
    end: int
    kind: str  # header / agenda / saksgang
    line: int
    title: str | None = None
    title_span: tuple[int, int] | None = None
    committee: str | None = None
    meeting_date_text: tuple[int, int] | None = None
    document_date_text: tuple[int, int] | None = None  # a list row's "Dok.dato" cell
    archive_no: tuple[str, int, int] | None = None
    key: str = ""
    row_spans: list[tuple[int, int]] = field(default_factory=list)  # agenda row(s) of this case, with wrapped lines


@dataclass
class Structure:
    layout: Layout
    fields: list[FieldHit] = field(default_factory=list)
    headings: dict[int, Heading] = field(default_factory=dict)
    attachments: list[tuple[int, int]] = field(default_factory=list)
    table_lines: set[int] = field(default_factory=set)  # saksgang / agenda tables
    saksgang_refs: list[CaseId] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)  # one per distinct case, in order
    own_spans: list[tuple[int, int]] = field(default_factory=list)  # every own-case mention
    label_lines: set[int] = field(default_factory=set)  # label rows of column-laid-out fields
    # The case number in a header laid out in columns ("Møtedato  Saknummer  Arkivsak" over its values):
    # (value, global start, line)
    column_case_numbers: list[tuple[str, int, int]] = field(default_factory=list)
    _cache: tuple | None = field(default=None, repr=False)
    segments: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, key
    committee: str | None = None
    committee_span: tuple[int, int] | None = None
    column_roles: dict[int, str] = field(default_factory=dict)  # start of a date cell -> role ("Dok.dato")
    meeting_layout: bool = False  # a møtebok/innkalling header: "Dato" is the meeting date
    note_lines: set[int] = field(default_factory=set)  # "Til sak 03/26:" over a note on an agenda row

    def meeting_dato(self, hit: FieldHit) -> bool:
        """A plain "Dato:" that dates a meeting: in a møtebok/innkalling header, or with a clock time
        ("Dato: 25.04.2024, kl. 10.00–12.30"; a paper is not dated to the minute)."""
        if hit.label.strip().lower() not in {"dato", "datert"}:
            return False
        if _CLOCK.search(hit.value):
            return True
        # a case paper's header inside a notice: "Saksbehandler: X    Arkivsak: 23/00734" / "Dato: 25.05.2023"
        return self.meeting_layout and not any(
            f.field in _PAPER_FIELDS and abs(f.line - hit.line) <= 1 for f in self.fields)

    def case_at(self, pos: int) -> str | None:
        if len(self.anchors) == 1:
            return self.anchors[0].key
        for s, e, key in self.segments:  # one per case: few
            if s <= pos < e:
                return key
        return None

    def case_body(self, number: int, year: int) -> str | None:
        for a in self.anchors:
            if (a.number, a.year) == (number, year):
                return a.key.rsplit(" ", 1)[0]
        return None

    def in_attachment(self, pos: int) -> bool:
        i = bisect.bisect_right(self.attachments, (pos, float("inf"))) - 1
        return i >= 0 and self.attachments[i][0] <= pos < self.attachments[i][1]

    def field_line(self, index: int) -> bool:
        return index in self.label_lines or index in self._index()[0]

    def field_at(self, pos: int) -> FieldHit | None:
        starts, hits = self._index()[1:3]
        i = bisect.bisect_right(starts, pos) - 1
        return hits[i] if i >= 0 and pos < hits[i].end else None

    def anchor_line(self, index: int) -> bool:
        return index in self._index()[3]

    def _index(self) -> tuple[set[int], list[int], list[FieldHit], set[int]]:
        """Lookups rebuilt when fields or anchors change (they only grow while building)."""
        key = (len(self.fields), len(self.anchors))
        if self._cache is None or self._cache[0] != key:
            hits = sorted(self.fields, key=lambda f: f.start)
            self._cache = (key, ({f.line for f in hits}, [f.start for f in hits], hits,
                                 {a.line for a in self.anchors}))
        return self._cache[1]


# words for a case that name no body: a meeting's or committee's case, or the kind of case
# ("Møtesak 12/25", "Beslutningssak 4/25", "Orienteringssak 3/25")
_GENERIC_SERIES = re.compile(r"^(?:møtesak|utv|utvalgssak|utvalssak|utvalsak|politisk\s*sak|vedtakssak|beslutningssak"
                             r"|orienteringssak|drøftingssak|diskusjonssak)$", re.IGNORECASE)


def parse_case_id(m: re.Match[str]) -> CaseId | None:
    g = m.groupdict()
    start = m.start()
    if g["body2"] and len(g["body2"]) == 1 and m.group()[1:2] == " ":
        g["body2"] = None  # "I sak 11-21": a capitalised preposition, not a body
        start += 2
    text = m.string[start : m.end()]
    written = g["body1"] or g["body2"] or g["body3"] or g["body4"] or g["body6"] or g["body7"] or g["body8"]
    if written and _GENERIC_SERIES.match(written):
        written = None  # "Møtesak 12/25", "Utvalgssak 4/24": the word names no body
    if g["body4"] and (g["body4"] in P.NOT_BODIES or g["bare"]):
        return None
    body = P.normalise_body(written) if written else None
    if g["range"]:
        if g["ry1"]:
            y1, y2 = int(g["ry1"]), int(g["ry2"])
            n1, n2, year = int(g["rn1"]), int(g["rn2"]), y1 if y1 == y2 else None
        else:
            n1, n2, year = int(g["n1"]), int(g["n2"]), P.full_year(g["ry"])
        if year is None or not (0 < n1 <= n2) or n2 - n1 > 50:
            return None
        return CaseId(start, m.end(), text, body, tuple(range(n1, n2 + 1)), year, True)
    if g["a"]:
        split = P.split_number(g["a"], g["b"])
        if split is None:
            return None
        return CaseId(start, m.end(), text, body, (split[0],), split[1], True)
    if g["bare"] and int(g["bare"]) > 0:
        return CaseId(start, m.end(), text, body, (int(g["bare"]),), None, False)
    return None


# More numbers after one label: "sakene 12/23, 14/23 og 15/23", "sak 12 og 13/2023",
# "sakene 4/2024–7/2024", "sakene 30 og 31".
_CONTINUATION = re.compile(
    r"(?P<sep>\s*,\s*(?:og\s+)?|\s+(?:og|eller)\s+|\s?[-–]\s?)(?P<a>\d{1,4})(?:\s?(?P<slash>[/-])\s?(?P<b>\d{2,4}))?"
    r"(?![\d/]|[-–]\d|\.\d|,\d|\s*(?:%|prosent|kr\b|mill|år\b|dagar|dager|timar|timer|veker|uker|medlem))"
)


def _continuations(text: str, m: re.Match[str], head: CaseId, end: int) -> list[CaseId]:
    g = m.groupdict()
    plural = any(g.get(k) for k in ("pl1", "pl2", "pl3", "pl5", "pl7", "pl8"))
    parts: list[tuple[int, int, str, int, int | None, bool]] = []  # start, end, sep, number, year, dash
    pos = head.end
    while len(parts) < 20:
        c = _CONTINUATION.match(text, pos, end)
        if not c:
            break
        dash = c.group("sep").strip() in ("-", "–")
        if c.group("b"):
            split = P.split_number(c.group("a"), c.group("b"))
            if split is None:
                break
            number, year = split
        else:
            if dash or head.year is not None:
                break
            number, year = int(c.group("a")), None
        if number == 0:
            break
        parts.append((c.start("a"), c.end(), c.group("sep"), number, year, dash))
        pos = c.end()
    while parts and parts[-1][4] is None and not plural:
        parts.pop()  # "sak 30 og 2 andre": a bare number continues a list only of "sakene"
    if not parts:
        return []
    list_year = parts[-1][4]
    out = []
    prev_n, prev_y = head.numbers[-1], head.year
    for s, e, _sep, number, year, dash in parts:
        year = year if year is not None else list_year
        if dash and prev_y is not None and year == prev_y and 0 < number - prev_n <= 50:
            numbers = tuple(range(prev_n + 1, number + 1))  # "4/2024–7/2024"
        elif dash:
            break
        else:
            numbers = (number,)
        out.append(CaseId(s, e, text[s:e], head.body, numbers, year, year is not None))
        prev_n, prev_y = number, year
    return out


def case_ids(text: str, start: int = 0, end: int | None = None) -> list[CaseId]:
    out = []
    stop = len(text) if end is None else end
    for m in P.CASE_ID.finditer(text, start, stop):
        cid = parse_case_id(m)
        if cid is None:
            continue
        more = _continuations(text, m, cid, stop)
        if cid.year is None and more and more[-1].year is not None:
            cid = CaseId(cid.start, cid.end, cid.text, cid.body, cid.numbers, more[-1].year, True)  # "sak 12 og 13/2023"
        out.append(cid)
        out.extend(more)
    return out


def build(layout: Layout) -> Structure:
    st = Structure(layout)
    st.meeting_layout = bool(P.MEETING_HEADER.search(layout.text)) and not re.search(
        r"^\s*møtedato\b", layout.text, re.IGNORECASE | re.MULTILINE
    )
    _fields(st)
    _headings(st)
    _attachments(st)
    _committee(st)
    from extractors import _anchors  # the document's own cases (needs the above)

    _anchors.find(st)
    return st


# ---- header fields ------------------------------------------------------------------
_BOX_ROW = re.compile(r"^\s*\|[^|]+\|[^|]+\|\s*$")


def box_row(ln: Line) -> Line:
    """'| Saknr.   | 0112/2025 |': a label/value row of a bordered header box, read as 'Saknr.   0112/2025'
    (the bars blanked, offsets kept)."""
    if "|" in ln.text and _BOX_ROW.match(ln.text):
        return Line(ln.index, ln.start, ln.end, ln.text.replace("|", " "))
    return ln


def _fields(st: Structure) -> None:
    lines = st.layout.lines
    skip: set[int] = set()
    for ln in lines:
        ln = box_row(ln)
        if ln.blank or len(ln.text) > 200 or ln.index in skip:
            continue
        if _column_fields(st, ln):
            skip.update({ln.index, ln.index + 1})
            continue
        # Several fields may share a line, separated by wide spacing.
        for chunk_start, chunk in _chunks(ln):
            m = P.FIELD_LINE.match(chunk)
            if not m or P.LABEL_ONLY.match(m.group("value")) or _column_heads(m.group("value")):
                continue
            name = next(n for n, _ in P.FIELD_LABELS if m.group(n))
            if name in _REF_FIELDS and _NEXT_LABEL.match(m.group("value")):
                continue
            if m.group(name)[:1].islower() and ":" not in chunk[m.end(name) : m.start("value")]:
                continue  # "   datert 12.12.88": a wrapped line of prose or a list item, not a field
            vs = chunk_start + m.start("value")
            st.fields.append(
                FieldHit(name, m.group(name), m.group("value"), ln.index, vs, chunk_start + m.end("value"))
            )
    # "Saksansvarlig:" is the handler only where no "Saksbehandler:" is given (beside one it names the leader)
    handlers = [f for f in st.fields if f.field == "case_handler"]
    if any(not _RESPONSIBLE.match(f.label) for f in handlers):
        st.fields[:] = [f for f in st.fields if not (f.field == "case_handler" and _RESPONSIBLE.match(f.label))]


_RESPONSIBLE = re.compile(r"^saksansvarl[ie]g", re.IGNORECASE)


# "Dykkar ref.:       Dykkar dato: 12.05.2025": an empty field, its "value" is the next label and its value
_REF_FIELDS = frozenset({"our_ref", "your_ref", "archive_case_no", "archive_code", "document_date", "meeting_date"})
_NEXT_LABEL = re.compile(r"^[A-ZÆØÅ][a-zæøå]+\.?(?:\s[a-zæøå]+\.?){0,2}\s*:\s*\S")


_COLUMN_HEAD = re.compile(
    r"^(?:utval(?:g)?s?sak(?:snr)?\.?|utv\.?\s*saksnr\.?|saks?nr\.?|saksnummer|møtedato|dato|utvalg|utval|sak|saksgang|"
    r"møte|behandling|handsaming)$",
    re.IGNORECASE,
)


def _column_heads(value: str) -> bool:
    """'Utvalgssak    Møtedato': the rest of a table's header row, not a field's value."""
    chunks = [c for c in re.split(r"\s{2,}", value.strip()) if c]
    return bool(chunks) and all(_COLUMN_HEAD.match(c.rstrip(".:")) or P.LABEL_ONLY.match(c) for c in chunks)


# "Utvalgssaksnr", nynorsk "Utvalssaksnr", "Utv.saksnr": the committee's case-number column of a saksgang.
_TABLE_HEAD = re.compile(r"^(?:saksgang|saks?nr\.?|utval(?:g)?s?sak\w*\.?|utv\.?\s*saksnr\.?|sak\s*nr\.?|sak|behandling"
                         r"|handsaming)$",
                         re.IGNORECASE)
# A column of the committee's case number in a header table ("Møtedato  Saknummer  Arkivsak  Sakshandsamar")
_CASE_NO_HEAD = re.compile(r"^(?:saks?nummer|saks?nr\.?|sak\s*nr\.?|utval(?:g)?s?sak(?:snr)?\.?|møtesak(?:snr)?\.?)$",
                           re.IGNORECASE)
# Heads of a saksgang table's column of bodies (the table is then a saksgang, not header fields)
_BODY_COL_HEAD = re.compile(r"^(?:saksgang|utvalg|utval|organ|styre,\s*råd.*|behandling|handsaming|"
                            r"\w*rekkefølge|\w*rekkjefølgje|politisk\s+behandling)$", re.IGNORECASE)
_LABEL_LIKE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ./-]{1,25}(?: [\wæøåÆØÅ./-]{1,15}){0,2}[.:]?$")


def _column_fields(st: Structure, ln: Line) -> bool:
    """Labels on one line, values below them ("Sakshandsamar   Arkiv   ArkivsakID")."""
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", ln.text)]
    known = [h for h in heads if P.LABEL_ONLY.match(h[1])]
    # Unknown label-like heads ("Løpenr.", "Dok.nr", "JournalpostID") may sit among known ones.
    if len(heads) < 2 or len(known) < 2 or not all(P.LABEL_ONLY.match(h) or _LABEL_LIKE.match(h) for _, h in heads):
        return False
    # "Saksbehandler:  Ingvild Rasten Moe      Arkiv:   N03": a label with its colon followed by a value on its
    # own line is a line of fields, not a row of column labels
    if any(h.endswith(":") and P.LABEL_ONLY.match(h) and not P.LABEL_ONLY.match(nxt)
           for (_, h), (_, nxt) in zip(heads, heads[1:])):
        return False
    names = {next(n for n, _ in P.FIELD_LABELS if m.group(n)) for _, h in known if (m := P.LABEL_ONLY.match(h))}
    case_col = [h for h in heads if _CASE_NO_HEAD.match(h[1]) and not P.LABEL_ONLY.match(h[1])]
    # "Møtedato  Saknummer  Arkivsak  Sakshandsamar": the case number among header fields, no column of bodies
    header_table = bool(case_col) and not any(_BODY_COL_HEAD.match(h) for _, h in heads) and bool(
        names & {"archive_case_no", "case_handler"})
    if any(_TABLE_HEAD.match(h.rstrip(":")) for _, h in heads) and len(known) < len(heads) and not header_table:
        return False  # "Utvalg  Møtedato  Saksnr": a saksgang table, not header fields
    if ln.index + 1 >= len(st.layout.lines):
        return False
    below = st.layout.lines[ln.index + 1]
    cells = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", below.text)]
    if not cells or len(cells) > len(heads):
        return False
    for pos, value in cells:
        col = min(heads, key=lambda h: abs(h[0] - pos))
        m = P.LABEL_ONLY.match(col[1])
        if m is None:
            if header_table and col in case_col:
                st.column_case_numbers.append((value, below.start + pos, below.index))
            continue  # a column we have no field for
        name = next(n for n, _ in P.FIELD_LABELS if m.group(n))
        st.fields.append(FieldHit(name, col[1], value, below.index, below.start + pos, below.start + pos + len(value)))
    st.label_lines.add(ln.index)
    return True


# Where the next field of a header line starts: wide spacing, or two spaces before "Label:"
_FIELD_GAP = re.compile(
    r"\s{4,}(?![\s:;])|\s{2,}(?=[A-ZÆØÅ][\wæøåÆØÅ./-]*(?:\s[\wæøåÆØÅ./-]+){0,2}\s?:\s)"
)


def _chunks(ln: Line) -> list[tuple[int, str]]:
    parts = []
    pos = 0
    text = ln.text
    for gap in _FIELD_GAP.finditer(text):
        if gap.start() > pos and text[pos:gap.start()].strip():
            chunk = text[pos:gap.start()]
            lead = len(chunk) - len(chunk.lstrip())
            parts.append((ln.start + pos + lead, chunk.strip()))
        pos = gap.end()
    if text[pos:].strip():
        chunk = text[pos:]
        lead = len(chunk) - len(chunk.lstrip())
        parts.append((ln.start + pos + lead, chunk.strip()))
    # "Vår dato:          07.03.2025        Vår referanse:     25/00341-7": a label with its colon and the
    # value set far to its right in a two-column header are one field (the value is not a label itself)
    merged: list[tuple[int, str]] = []
    for start, part in parts:
        if merged and merged[-1][1].endswith(":") and P.LABEL_ONLY.match(merged[-1][1]) \
                and not P.LABEL_ONLY.match(part) and not P.FIELD_LINE.match(part):
            prev_start = merged[-1][0]
            merged[-1] = (prev_start, text[prev_start - ln.start : start - ln.start + len(part)])
        else:
            merged.append((start, part))
    parts = merged
    if len(parts) > 1 and any(P.FIELD_LINE.match(p) for _, p in parts):
        return parts  # "Møtested: Rådhuset      Møtedato: 12.03.2009"
    return [(ln.start, ln.text)]


# ---- recommendation / decision headings ----------------------------------------------
def _headings(st: Structure) -> None:
    for ln in st.layout.lines:
        if ln.blank or len(ln.stripped) > 160:
            continue
        m = P.HEADING_LINE.match(ln.text)
        if not m:
            prose = "recommendation" if P.PROSE_REC_HEADING.match(ln.text) else (
                "decision" if P.PROSE_DEC_HEADING.match(ln.text) else None)
            if prose:
                st.headings[ln.index] = Heading(prose, ln.stripped.rstrip(" :"), ln.index, None, 0)
            continue
        inline = m.group("inline")
        if inline is None and ln.stripped.isupper() and P.DOCUMENT_LABELS.match(ln.stripped):
            continue  # "DELEGERT VEDTAK" over the title names the kind of paper; "Vedtak:" heads the decision
        prev = st.layout.lines[ln.index - 1] if ln.index else None
        if prev is not None and prev.index in st.headings and P.FORMULA_LINE.match(ln.text):
            continue  # "Dagleg leiar si tilråding" / "Styret gjer slikt vedtak:": the formula opens it
        if inline is None and ln.stripped.endswith(".") and not m.group("rec"):
            continue  # "Enstemmig vedtatt." closes a block, it does not open one
        if inline and len(ln.stripped) - len(inline) > 90:
            continue
        text = ln.stripped[: len(ln.stripped) - len(inline)] if inline else ln.stripped
        kind = "recommendation" if m.group("rec") else "decision"
        st.headings[ln.index] = Heading(
            kind, text.rstrip(" :."), ln.index, inline, ln.start + (m.start("inline") if inline else 0)
        )


# ---- attachment lists -------------------------------------------------------------------
def _attachments(st: Structure) -> None:
    lines = st.layout.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = P.VEDLEGG.match(ln.text)
        if not m or len(ln.stripped) > 200 or (not m.group("inline") and len(ln.stripped) > 40):
            i += 1
            continue
        start, end = ln.start, ln.end
        j = i + 1
        blanks = 0
        items = others = 0  # content lines of the list so far: numbered/bulleted, or not
        while j < len(lines) and j < i + 30:
            nxt = lines[j]
            if nxt.blank:
                blanks += 1
                if blanks >= 3:
                    break
                j += 1
                continue
            if _block_breaker(st, nxt) and not P.VEDLEGG.match(nxt.text):
                break
            item = bool(_LIST_ITEM.match(nxt.text))
            if blanks and items and not others and not item:
                break  # a numbered list, a blank line, then no item ("Sakens bakgrunn" over wrapped prose)
            items, others = items + item, others + (not item)
            blanks = 0
            end = nxt.end
            j += 1
        st.attachments.append((start, end))
        i = j


_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}\s?[.)]|[-–•*·]|[a-h]\))\s")


def _block_breaker(st: Structure, ln: Line) -> bool:
    s = P.heading_core(ln.stripped)
    return (
        ln.index in st.headings
        or st.field_line(ln.index)
        or bool(P.KNOWN_SECTIONS.match(s))
        or (len(s) > 120 and s.endswith(".") and not s.startswith("["))
    )


# ---- committee ------------------------------------------------------------------------------
_BODY_LINE = re.compile(
    # "Møtebok for kommunestyret i Stryn", "Protokoll – Kommunestyret", "Møtebok<TAB>Tjenesteutvalget<TAB>X
    # kommune", "STYRESAK TIL HØGSKULESTYRET" (a document label, then the body)
    r"^\s*(?i:(?:Møtebok|Møteprotokoll|Protokoll|Møteinnkalling|Innkalling|Møtereferat|Referat|Saksprotokoll"
    r"|Saksframlegg|Saksfremlegg|Sakspapir|Saksutgreiing|Saksutredning|Styresak|Sak)"
    r"(?:\s+(?:for|frå|fra|til|i)\s+|\s*[–:|-]\s*|\t+|\s{2,})"  # "Saksprotokoll i Eldrerådet - 05.11.2024"
    # "SAKSFREMLEGG TIL FELLES UNGDOMSRÅD": one word may precede the council noun
    # "Referat fra møte i Strategisk samarbeidsutvalg (SSU)", "Protokoll – Partnerskapsmøtet",
    # "MØTEPROTOKOLL – Styret i Nordbø Eigedom KF"
    r"(?:møte\s+i\s+)?(?P<body3>(?:[\wæøå]+-\s+og\s+|(?i:felles|sentrale?|regionale?|lokale?)\s+|[A-ZÆØÅ][a-zæøå]+\s+)?"
    rf"(?:[\wæøå]+{P.COUNCIL_NOUN}"
    r"|(?i:partn[ae]rskapsmøtet)|Styret))(?!\s+for\s))\b(?:\s+\([A-ZÆØÅ]{2,6}\))?"
    r"|^\s*(?P<body>Kommunestyret|Formannskapet|Fylkestinget|Bystyret|Bydelsutvalget|Styret|Fylkesutvalget"
    r"|[A-ZÆØÅ][\wæøå\-]*(?:\s+[\wæøå\-]+){0,3}"
    rf"{P.COUNCIL_NOUN}"
    r"|[A-ZÆØÅ][a-zæøå\-]+\s+(?:utvalget|utvalet|utvalg|utval)"  # "Partssammensatt utvalg"
    r"|(?:Dialog-\s+og\s+)?[Pp]artn[ae]rskapsmøtet)"
    # "Eldrerådet i Ullensvang herad", "Representantskapet – ordinært vårmøte", "Overordnet samarbeidsorgan (OSO)"
    r"(?:\s+i\s+[A-ZÆØÅ][\wæøå\- ]{1,40}|\s+[–-]\s+[\wæøå ]{0,30}møte)?(?:\s+\([A-ZÆØÅ]{2,6}\))?"
    r"(?:\s+(?:19|20)\d{2})?\s*$"  # "Partnarskapsmøtet 2026": the year names the meeting
    # "Hovudutval for samferdsel", "Komité for helse og omsorg", also after a label ("Møtebok for Utval for ...")
    r"|^\s*(?i:(?:Møtebok|Møteprotokoll|Protokoll|Møteinnkalling|Innkalling|Referat|Saksframlegg)"
    r"(?:\s+(?:for|frå|fra|til)\s+|\s*[–:|-]\s*|\t+|\s{2,}))?"
    # "Fagleg samarbeidsutval for psykisk helse og rus", "Råd for personar med funksjonsnedsetting"
    r"(?P<body2>(?:(?:Hoved|Hovud)?[Uu]tval[g]?|(?:[A-ZÆØÅ][a-zæøå]+\s+)?[\wæøå]*(?:utval|utvalg|forum|gruppe|gruppa|gruppen)"
    r"|Komit[eé](?:en)?|Rådet|Råd)"
    r"\s+for\s+[\wæøå ,-]{3,60}?)(?:\s+\([A-ZÆØÅ]{2,6}\))?\s*$"
    # A place and a council noun in the indefinite form: "Førde sokneråd", "Vinje kommunestyre",
    # "Rana eldreråd", "Voss bystyre", "Askøy kontrollutval"
    # "Helsefellesskapet Øvre Vassdal – Strategisk samarbeidsutvalg": an owner, a dash, then the committee
    r"|^\s*[A-ZÆØÅ][^\n–]{2,60}?\s+[–-]\s+(?P<body5>(?:[A-ZÆØÅ][a-zæøå]+\s+)?[A-ZÆØÅa-zæøå][a-zæøå]*"
    rf"{P.COUNCIL_NOUN}(?:\s+for\s+[\wæøå ,-]{{3,60}}?)?)(?:\s+\([A-ZÆØÅ]{{2,6}}\))?\s*$"  # "X – Fagleg samarbeidsutval for ..."
    # "Hallvik kyrkjelege fellesråd": an adjective may come before the noun
    r"|^\s*(?P<body4>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+){0,2}(?:\s+[a-zæøå]{3,}e)?\s+"
    r"[a-zæøå]{2,}(?:råd|styre|utval|utvalg|ting|nemnd|skap))\s*$"
)


# "Til: Representantskapet", "Til behandling i: Kommunestyret": the addressee is a body
# (a letter's "Til: Mosjøen Båtforening" is not).
_TO_BODY = re.compile(
    r"^\s*(?:til|til\s+behandling\s+i|mottaker|mottakar)\s*:\s*(?P<body>(?:[A-ZÆØÅ][\wæøå\-]*)?"  # "Til: Styret"
    rf"(?:{P.BODY_SUFFIX}|nemnda|komiteen|komitéen|utval|representantskapet))"
    r"(?:\s+(?:i|for|ved)\s+[A-ZÆØÅ][\wæøå\- ]{1,60})?\s*$",  # "Til: Styret i Helse Nord RHF"
    re.IGNORECASE,
)


_PREPOSITION = re.compile(r"\s(?:til|for|fra|frå|av|om|med|på|mot|etter)\s", re.IGNORECASE)


# The owners' meeting of a company is its body: "PROTOKOLL FRA FORETAKSMØTE I X HF" -> "Foretaksmøtet"
_OWNER_MEETING = re.compile(
    r"^\s*(?i:(?:protokoll|møteprotokoll|referat|innkalling)\s+(?:fra|frå|til|for)\s+"
    r"(?:ordinært\s+|ekstraordinært\s+|ordinert\s+|ekstraordinert\s+)?"
    r"(?P<m>foretaksmøte|generalforsamling|årsmøte|representantskapsmøte))(?:\s+(?i:i|for)\s+\S.*)?\s*$")


def _owner_meeting(ln: Line) -> tuple[str, int, int] | None:
    m = _OWNER_MEETING.match(ln.text)
    if not m:
        return None
    word = m.group("m").lower()
    body = {"generalforsamling": "Generalforsamlingen", "representantskapsmøte": "Representantskapet"}.get(
        word, word.capitalize() + "t")
    return body, ln.start + m.start("m"), ln.start + m.end("m")


def _committee(st: Structure) -> None:
    hits = [f for f in st.fields if f.field == "committee"]
    if hits:
        st.committee, st.committee_span = hits[0].value.strip(), (hits[0].start, hits[0].end)
        return
    for ln in st.layout.lines[:25]:
        # "Til:   Styret i X HF      Dato: ...": the addressee's column of a two-column header
        m = _TO_BODY.match(ln.text) or _TO_BODY.match(re.sub(r"^(\s*[^:]{1,30}:\s*\S.*?)\s{3,}\S.*$", r"\1", ln.text))
        if m:
            st.committee = P.normalise_body(m.group("body"))
            st.committee_span = (ln.start + m.start("body"), ln.start + m.end("body"))
            return
    for ln in st.layout.lines[:15]:
        if P.CASE_ID.match(ln.stripped) and ln.index not in st.layout.noise_lines:
            return  # a body line counts only above the first case (a running header "Sak 17/25 – side 1" is none)
        owner = _owner_meeting(ln)
        if owner:
            st.committee, st.committee_span = owner[0], owner[1:]
            return
        m = _BODY_LINE.match(ln.text)
        if m:
            group = next(g for g in ("body", "body2", "body3", "body4", "body5") if m.group(g))
            body = m.group(group).strip()
            if group == "body" and _PREPOSITION.search(body):
                continue  # "Innstilling til kommunestyret", "Dagsorden for styret": a heading, not the body
            st.committee = P.normalise_body(body.capitalize() if body.isupper() and len(body) > 6 else body)
            st.committee_span = (ln.start + m.start(group), ln.start + m.end(group))
            return
