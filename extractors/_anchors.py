"""Where the document presents its own case(s): saksgang tables, case header lines,
agenda rows; their keys, titles and the segment of text each case owns."""

from __future__ import annotations

import bisect
import re

from extractors import _patterns as P
from extractors._layout import Line
from extractors._structure import Anchor, CaseId, Structure, box_row, case_ids, parse_case_id


def find(st: Structure) -> None:
    _saksgang(st)
    _saksgang_lines(st)
    _case_fields(st)
    _case_lines(st)
    if not st.anchors:
        _prose_case(st)
    _segments(st)


# ---- the case given only in prose (a letter "Melding om vedtak") -------------------------------
# "Formannskapet behandlet saken i møte 24.10.2023, sak 118/23, og fattet følgende vedtak"
_PROSE_CASE = re.compile(
    # "Plan- og miljøutvalget behandlet ...": a coordinated compound names one body
    rf"\b(?P<body>(?:[A-ZÆØÅ][a-zæøå]+-\s+og\s+)?[A-ZÆØÅa-zæøå][a-zæøå]+{P.BODY_SUFFIX}|[A-ZÆØÅ][a-zæøå]+styre)\s+"
    r"(?:har\s+)?"
    r"(?:behandlet|behandla|handsama|handsamet)\s+(?:saken|saka|søknaden|søknaden\s+din|klagen)\s+"
    r"i\s+(?:sitt\s+)?møte(?:t)?\b[^\n]{0,40}?"
    r"\b[Ss]ak(?:\s+nr\.?)?\s+(?P<a>\d{1,4})\s?/\s?(?P<b>\d{2,4})\b"
)
# the passive: "Søknaden vart handsama av formannskapet som plan- og bygningsutval 22. mai 2019, sak PS 41/19."
_PROSE_CASE_PASSIVE = re.compile(
    rf"\b{P.PASSIVE_TREATED_BY}\s+"
    rf"(?P<body>(?:[a-zæøå]+-\s+og\s+)?[a-zæøå]+{P.BODY_SUFFIX})\b[^\n]{{0,80}}?"
    r"\b[Ss]ak(?:\s+nr\.?)?\s+(?:(?P<label>[A-ZÆØÅ]{1,4})[ -]?)?(?P<a>\d{1,4})\s?/\s?(?P<b>\d{2,4})\b"
)
_SUBJECT_LINE = re.compile(r"^[^a-zæøå]*[A-ZÆØÅ]{3}[^a-zæøå]*$")
_POSTAL_LINE = re.compile(r"^(?:N-)?\d{4}\s+[A-ZÆØÅ]")  # "8398 STORØYA": the last line of an address


def _prose_case(st: Structure) -> None:
    lay = st.layout
    matches = sorted([*_PROSE_CASE.finditer(lay.masked), *_PROSE_CASE_PASSIVE.finditer(lay.masked)],
                     key=lambda m: m.start())
    for m in matches:
        split = P.split_number(m.group("a"), m.group("b"))
        if not split:
            continue
        label = m.groupdict().get("label")
        s, e = m.start("label") if label else m.start("a"), m.end("b")
        ln = lay.line_at(s)
        body = P.normalise_body(m.group("body"))
        a = Anchor(P.normalise_body(label) if label else body, split[0], split[1], lay.text[s:e], s, e, "prose",
                   ln.index, committee=body)
        above = lay.lines[max(0, ln.index - 15) : ln.index]
        # A subject line in sentence case carries the letter's label ("Melding om vedtak – søknad om ...");
        # it wins over an upper-case line (a postal line "8398 STORØYA" never is a subject line).
        labelled = [x for x in above if _TITLE_PREFIX.match(x.stripped) and len(x.stripped) <= 200
                    and not st.field_line(x.index)]
        for prev in reversed(labelled or above):
            t = prev.stripped
            if (t and 10 < len(t) <= 200 and (labelled or _SUBJECT_LINE.match(t)) and not st.field_line(prev.index)
                    and not P.GENERIC_FIELD.match(t) and not _POSTAL_LINE.match(t)):
                title = _TITLE_PREFIX.sub("", t)
                ts = prev.content_start + len(t) - len(title)
                a.title, a.title_span = title, (ts, ts + len(title))
                break
        st.own_spans.append((s, e))
        st.anchors.append(a)
        _keys(st)
        return


# ---- the case number as a field ("Sak: 54/24", "Sak nr.: 034-2024") ---------------------------
# Labels of the case number in the header blocks of the archive systems (Elements, ePhorte,
# Public 360, WebSak, ACOS): "Sak:", "Sak nr.:", "Saksnr/år:", "Saknr.:", "Utv.saksnr",
# "Møtesaksnr.", "F-sak nr. :", "K-sak  : 45/89" (the body written in the label), "Styresak nr.:".
_CASE_FIELD = re.compile(
    r"^\s*(?:(?P<lbody>[A-ZÆØÅ]{1,6})[- ]sak(?:\s*nr\.?)?|(?P<lbody2>(?!arkiv)[A-ZÆØÅa-zæøå]+sak)(?:\s*nr\.?)?"  # "Styresak:"
    r"|(?:sak|sak\s*nr\.?|saks?nr\.?|saksnummer|utvalgssak(?:snr\.?)?|møtesak(?:snr\.?)?|utv\.?\s*saksnr\.?"
    # a delegated decision's number: "Delegert sak nr.:   DS 112/21", "Delegert vedtak nr.: DS 45/24", "Vedtaksnr.:"
    r"|(?:delegert|delegerte)\s+(?:sak|vedtak)\s*(?:nr\.?|nummer)?|vedtaksnr\.?|vedtak\s*nr\.?)"
    r"(?:\s*/\s*år)?)"
    r"(?:\s*:\s*|\s{2,}(?=\d))(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
# A document label naming the kind of case paper: "STYRESAK", "Fylkestingssak" (not a case
# type such as "Vedtakssak" or "Orienteringssak").
_DOC_BODY_LABEL = re.compile(r"^\s*(?P<body>[A-ZÆØÅa-zæøå]{2,}sak)\s*$", re.IGNORECASE)
_CASE_TYPES = re.compile(r"^(?:vedtaks?|orienterings?|drøftings?|referat|diskusjons?|beslutnings?|melding)sak$",
                         re.IGNORECASE)


def _document_body_label(st: Structure) -> str | None:
    for ln in st.layout.lines[:20]:
        m = _DOC_BODY_LABEL.match(ln.text)
        if m and not _CASE_TYPES.match(m.group("body")) and m.group("body").lower() not in ("sak", "saksak"):
            return P.normalise_body(m.group("body").capitalize())
    return None
_BARE_NUMBER = re.compile(r"^(?P<a>\d{1,4})\s?[/-]\s?(?P<b>\d{2,4})$")
_TITLE_FIELD = re.compile(r"^\s*(?:tittel|sakstittel|sak|emne|gjelder|saken\s+gjelder|saka\s+gjeld|sakens\s+tittel)\s*:\s*(?P<title>[^\d\s].*?)\s*$", re.IGNORECASE)
_TITLE_PREFIX = re.compile(
    r"^(?:saksprotokoll|saksframlegg|sakspapir|saksutredning|saksutgreiing|melding\s+om\s+vedtak"
    r"|underretning\s+om\s+vedtak|delegert\s+vedtak|delegerte\s+vedtak|vedtak|svar)\s*[-–:]\s*",
    re.IGNORECASE,
)


def _case_fields(st: Structure) -> None:
    for ln in st.layout.lines:
        ln = box_row(ln)  # "| Saknr. | 0112/2025 |"
        m = _CASE_FIELD.match(ln.text) if not ln.blank and len(ln.text) < 120 else None
        if not m:
            continue
        value = m.group("value")
        vs = ln.start + m.start("value")
        labelled = P.CASE_ID.match(value)
        cid = parse_case_id(labelled) if labelled and labelled.end() == len(value) else None
        if cid and cid.year is not None and len(cid.numbers) == 1:
            body, number, year, end = cid.body, cid.numbers[0], cid.year, cid.end
        else:
            b = _BARE_NUMBER.match(value)
            split = P.split_number(b.group("a"), b.group("b")) if b else None
            if not split:
                continue
            label_body = m.group("lbody") or m.group("lbody2")
            if label_body and (label_body.lower() in ("sak", "saks", "utvalgssak", "møtesak")
                               or _CASE_TYPES.match(label_body)):
                label_body = None  # "Orienteringssak: 4/25" names the kind of case, not a body
            if label_body and label_body.isupper() and len(label_body) > 6:
                label_body = label_body.capitalize()  # "STYRESAK NR.:" -> "Styresak"
            body = P.normalise_body(label_body) if label_body else _document_body_label(st)
            (number, year), end = split, len(value)
        st.label_lines.add(ln.index)
        st.own_spans.append((vs, vs + end))
        st.anchors.append(Anchor(body, number, year, value[:end], vs, vs + end, "field", ln.index))
    for value, vs, line in st.column_case_numbers:  # "Møtedato  Saknummer ..." over "12.12.2024  47/24 ..."
        b = _BARE_NUMBER.match(value)
        split = P.split_number(b.group("a"), b.group("b")) if b else None
        if split:
            st.own_spans.append((vs, vs + len(value)))
            st.anchors.append(Anchor(_document_body_label(st), split[0], split[1], value, vs, vs + len(value),
                                     "field", line))


def _title_field(st: Structure, a: Anchor, start_line: int) -> None:
    lines = st.layout.lines
    for ln in lines[start_line : min(len(lines), a.line + 20)]:
        m = _TITLE_FIELD.match(ln.text)
        if m and ln.index != a.line and not P.CASE_ID.match(m.group("title")):
            title = _TITLE_PREFIX.sub("", m.group("title"))
            s = ln.start + m.end("title") - len(title)
            e = s + len(title)
            st.label_lines.add(ln.index)
            # a value wrapped onto the next line, indented to the value's column:
            # "Tittel        : Evaluering av ... utskrivningsklare" / "                pasienter"
            col = m.start("title")
            nxt = lines[ln.index + 1] if ln.index + 1 < len(lines) else None
            if (nxt is not None and not nxt.blank and nxt.content_start - nxt.start >= max(col - 1, 4)
                    and not st.field_line(nxt.index) and not P.GENERIC_FIELD.match(nxt.stripped)
                    and len(nxt.stripped) < 80):
                e = nxt.start + len(nxt.text.rstrip())
                st.label_lines.add(nxt.index)
                title = " ".join(st.layout.text[s:e].split())
            a.title, a.title_span = title, (s, e)
            return


# ---- saksgang table ("Utvalg  Møtedato  Saksnr") ----------------------------------------------
# The head row of a saksgang table names the column of bodies, of treatment order or of the
# committee's case numbers: "Utvalg  Møtedato  Saksnr", "Behandlingsrekkefølge  Møtedato  Saknr",
# "Styre, råd, utval  Møtedato  Saknr", "Utvalgssaksnr  Utvalg  Møtedato".
_SAKSGANG_HEAD = re.compile(
    r"(saksgang|sakshandsaming|utvalg|utval|utvalgssaksnr|saks?nr|behandlingsrekkefølge|handsamingsrekkjefølgje"
    r"|behandlingsrekkjefølgje|handsamingsrekkefølge|rekkefølge|styre,\s*råd|politisk\s+behandling|organ)",
    re.IGNORECASE)
_ROW_NO = re.compile(r"^\d{1,2}[.)]?$")  # "1", "2.": the running number of a saksgang row
_DATE_COL = re.compile(r"^(?:møte)?dato$", re.IGNORECASE)
_NUM_COL = re.compile(r"^(?:(?P<label>[A-ZÆØÅ]{1,4})(?:[ -]?sak)?\s?-?\s?)?(?P<a>\d{1,4})\s?[/-]\s?(?P<b>\d{1,4})$")
_ABBR_COL = re.compile(r"^[A-ZÆØÅ]{1,4}$")
_NUMERIC_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")


def _saksgang(st: Structure) -> None:
    lines = st.layout.lines
    for ln in lines:
        cols = [c for c in re.split(r"\s{2,}|\s*\|\s*", ln.stripped) if c]
        if len(cols) < 2 or not _SAKSGANG_HEAD.search(ln.text) or ln.index in st.label_lines:
            continue
        if not any(_DATE_COL.match(c.rstrip(".:")) or c.lower().startswith("møtedato") for c in cols):
            continue
        own_found = any(a.kind == "saksgang" for a in st.anchors)
        st.table_lines.add(ln.index)
        heads = _row_columns(ln)
        # A case line of its own above the table ("Bystyresak 88/25") names the paper's case: its row is
        # the own one, the rows before it are earlier treatments (references), not the first numbered row.
        own_ids = {(c.numbers[0], c.year) for x in lines[: ln.index] if (c := _whole_case_id(x.stripped))}
        j = ln.index + 1
        while j < len(lines) and not lines[j].blank:
            row = lines[j]
            st.table_lines.add(j)
            if _RULE_ROW.match(row.text):
                pass  # "|------|------|": the rule under a Markdown table's head
            elif not own_found and (not own_ids or _row_number(row) in own_ids):
                own_found = _saksgang_row(st, row, heads)
            elif _row_number(row):
                _saksgang_ref(st, row)
            j += 1


def _whole_case_id(text: str) -> CaseId | None:
    """'Bystyresak 88/25', 'PU-sak 31/25': a cell or line that is one labelled case number and nothing else."""
    m = P.CASE_ID.match(text)
    if not m or m.end() != len(text):
        return None
    cid = parse_case_id(m)
    return cid if cid and cid.body and cid.year is not None and len(cid.numbers) == 1 else None


def _cell_number(col: str) -> tuple[str | None, tuple[int, int]] | None:
    cid = _whole_case_id(col)
    if cid:
        return cid.body, (cid.numbers[0], cid.year)
    m = _NUM_COL.match(col)
    split = P.split_number(m.group("a"), m.group("b")) if m else None
    return (m.group("label"), split) if split else None


def _row_number(row: Line) -> tuple[int, int] | None:
    for _, _, col in _row_columns(row):
        found = _cell_number(col) if not _NUMERIC_DATE.match(col) else None
        if found:
            return found[1]
    return None


# A saksgang written as lines under its label, cells separated by dashes or commas:
# "Saksgang" / "Administrasjonsutvalet – møte 05.11.2024 – sak 21/24" / "Kommunestyret – møte 21.11.2024".
_SAKSGANG_LABEL = re.compile(
    r"^\s*(?:saksgang|sakshandsaming|behandlingsrekkefølge|handsamingsrekkjefølgje|behandlingsrekkjefølgje"
    r"|handsamingsrekkefølge|politisk\s+(?:behandling|handsaming))\s*:?\s*$", re.IGNORECASE)
_DASH_CELL = re.compile(r"\s+[–-]\s+|\s*[;|]\s*|\s{2,}|\t+|,\s+(?=(?:sak|møte|[A-ZÆØÅ]))")
_CELL_DATE = re.compile(rf"(?:møte(?:dato)?\s*:?\s*)?(?:[a-zæøå]+dag\s+)?"
                        rf"(?P<date>\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}"
                        rf"|\d{{1,2}}\.\s*(?:{P._MON})\s+\d{{4}})$", re.IGNORECASE)
_CELL_NUMBER = re.compile(r"^(?:(?:sak|saksnr\.?|sak\s*nr\.?|saknr\.?)\s*:?\s*|(?P<label>[A-ZÆØÅ]{1,4})[ -]?)?"
                          r"(?P<a>\d{1,4})\s?[/-]\s?(?P<b>\d{2,4})$", re.IGNORECASE)


def _saksgang_lines(st: Structure) -> None:
    lines = st.layout.lines
    for ln in lines:
        if not _SAKSGANG_LABEL.match(ln.text) or any(a.kind == "saksgang" for a in st.anchors):
            continue
        rows: list[tuple] = []
        j = ln.index + 1
        while j < len(lines) and not lines[j].blank:
            row = lines[j]
            cells, pos = [], row.content_start
            for part in _DASH_CELL.split(row.stripped):
                k = st.layout.text.find(part, pos, row.end + 1) if part else -1
                if k >= 0:
                    cells.append((k, k + len(part), part))
                    pos = k + len(part)
            if len(cells) == 1 and _CELL_DATE.search(cells[0][2]):  # "Formannskapet 12.03.2024"
                m = _CELL_DATE.search(cells[0][2])
                k = cells[0][0]
                cells = [(k, k + m.start(), cells[0][2][: m.start()].rstrip()),
                         (k + m.start(), cells[0][1], m.group())]
            dates = [(s, e) for s, e, c in cells if _CELL_DATE.search(c)]
            committee = cells[0][2] if cells else ""
            m = _CELL_DATE.search(committee)
            if m and m.start() > 0:  # "Formannskapet 12.03.2024 – sak 21/24": body and date in one cell
                committee = committee[: m.start()].strip()
            if (len(cells) < 2 or not dates or not committee[:1].isupper() or _CELL_DATE.match(committee)
                    or len(committee) > 60 or committee.endswith(".")):
                break
            st.table_lines.add(j)
            for s, e, c in cells[1:]:
                m = _CELL_NUMBER.match(c)
                split = P.split_number(m.group("a"), m.group("b")) if m else None
                if split:
                    ns, body = s + m.start("a"), P.normalise_body(m.group("label")) if m.group("label") else None
                else:
                    whole = _whole_case_id(c)  # "Bystyret – 15.06.2016 – Bystyresak 112/16"
                    if whole is None:
                        continue
                    ns, body, split = s, whole.body, (whole.numbers[0], whole.year)
                rows.append((ns, e, body, split, committee, dates[0], j))
            j += 1
        if rows:
            # The own case is the row whose number the paper's case line above gives ("Bystyresak 112/16" over
            # the saksgang); without one, the first numbered row. The other numbered rows are references.
            above = [cid for x in lines[: ln.index] if (cid := _whole_case_id(x.stripped))]
            own = next((r for r in rows if any((c.numbers[0], c.year) == r[3] for c in above)), rows[0])
            for ns, e, body, split, committee, date, row in rows:
                if (ns, e) == own[:2]:
                    st.own_spans.append((ns, e))
                    st.anchors.append(Anchor(body, split[0], split[1], st.layout.text[ns:e], ns, e, "saksgang", row,
                                             committee=committee, meeting_date_text=date))
                else:
                    st.saksgang_refs.append(CaseId(ns, e, st.layout.text[ns:e], body or P.normalise_body(committee),
                                                   (split[0],), split[1], True))
            return


def _row_columns(row: Line) -> list[tuple[int, int, str]]:
    """Columns separated by wide spacing or by '|' (tables that came out as text)."""
    cell = r"[^\s|]+(?: [^\s|]+)*" if "|" in row.text else r"\S+(?: \S+)*"
    return [(row.start + m.start(), row.start + m.end(), m.group()) for m in re.finditer(cell, row.text)]


_RULE_ROW = re.compile(r"^\s*[|+]?[-=:+| ]{3,}\s*$")


def _head_of(heads: list[tuple[int, int, str]], s: int, e: int, row: Line, head_line_start: int) -> str:
    """The head of the column a cell stands in (cells and heads aligned, as tables are laid out)."""
    rel = s - row.start
    over = [h for h in heads if h[0] - head_line_start <= rel + 1 and rel < h[1] - head_line_start + 40]
    return min(over, key=lambda h: abs((h[0] - head_line_start) - rel))[2] if over else ""


def _saksgang_row(st: Structure, row: Line, heads: list[tuple[int, int, str]] | None = None) -> bool:
    number = label = committee = None
    span = None
    date_span = None
    archive = None
    head_start = st.layout.line_at(heads[0][0]).start if heads else 0
    for s, e, col in _row_columns(row):
        if _ROW_NO.match(col):
            continue
        head = _head_of(heads, s, e, row, head_start) if heads else ""
        if head and _ARCHIVE_HEAD.match(head):
            am = _ARCHIVE_COL.match(col)  # "| Arkivsak | Saknr. | Utval |": the archive column is no case
            y = P.full_year(am.group("a")) if am else None
            if y:
                archive = (f"{y}/{int(am.group('b'))}", s, e)
            continue
        if head and _BODY_HEAD.match(head.rstrip(".:")) and not _NUM_COL.match(col):
            committee = col
            continue
        found = _cell_number(col) if not _NUMERIC_DATE.match(col) else None
        if found:
            number, span, label = found[1], (s, e), found[0] or label
        elif _NUMERIC_DATE.match(col):
            date_span = (s, e)
        elif _ABBR_COL.match(col):
            label = col
        elif committee is None:
            committee = re.sub(r"^\d{1,2}[.)]?\s+(?=\D)", "", col)  # "1 Plan- og byggesaksutvalget"
    if number is None:
        return False
    body = P.normalise_body(label) if label else None
    st.own_spans.append(span)
    st.anchors.append(Anchor(body, number[0], number[1], st.layout.text[span[0]:span[1]], span[0], span[1],
                             "saksgang", row.index, committee=_body_cell(committee) if committee else None,
                             meeting_date_text=date_span, archive_no=archive))
    return True


_ARCHIVE_HEAD = re.compile(r"^(?:arkivsak\w*\.?|arkivsaksnr\.?|arkivref\w*\.?|saksnummer\s+i\s+arkiv)$", re.IGNORECASE)
_BODY_HEAD = re.compile(r"^(?:utvalg|utval|organ|styre,\s*råd.*|politisk\s+organ)$", re.IGNORECASE)


def _body_cell(cell: str) -> str:
    """'Eldrerådet i Eksempel kommune' -> 'Eldrerådet' (the owner after 'i' is no part of the body)."""
    m = re.match(r"^(\S.*?)\s+i\s+[A-ZÆØÅ][\wæøå\- ]{1,40}$", cell)
    return m.group(1) if m and P.CASE_ID.search(cell) is None else cell


def _saksgang_ref(st: Structure, row: Line) -> None:
    label = committee = None
    found = None
    for s, e, col in _row_columns(row):
        if _ROW_NO.match(col):
            continue
        cell = _cell_number(col) if not _NUMERIC_DATE.match(col) else None
        if cell:
            found = (s, e, col, cell[1], cell[0])
        elif _ABBR_COL.match(col):
            label = col
        elif not _NUMERIC_DATE.match(col) and committee is None:
            committee = re.sub(r"^\d{1,2}[.)]?\s+(?=\D)", "", col)
    if found:
        s, e, col, (n, y), lab = found
        body = lab or label or committee
        st.saksgang_refs.append(CaseId(s, e, col, P.normalise_body(body) if body else None, (n,), y, True))


# ---- own case headers and agenda rows --------------------------------------------------------
_ARCHIVE_COL = re.compile(r"^(?P<a>\d{2,4})/(?P<b>\d{1,6})(?:-\d+)?$")
_AGENDA_HEAD = re.compile(r"^\s*(?:saksliste|sakliste|saksnr\.?\s|utv\.?\s*saksnr"
                          # the lists of a notice under their own heads: "Referatsaker:", "Delegerte saker:"
                          r"|(?:referatsaker|meldingssaker|delegerte\s+saker|delegerte\s+vedtak)\s*:?\s*$)", re.IGNORECASE)
_BARE_ROW = re.compile(r"^\s*\|?\s*(?P<a>\d{1,4})\s?/\s?(?P<b>\d{2,4})(?:\s{2,}|\s*\|\s*)(?P<rest>\S.*)$")  # also "1/25 | Title |"


# A line that runs on into the next one: "..., jf.", "... i", "... og", "for-" (a case number at
# the start of the next line is then part of the sentence, not a case header).
_CONTINUES = re.compile(r"(?:\b(?:jf|jfr|jamfør|sjå|se|i|og|av|til|fra|frå|viser)\.?|[,(–-])$", re.IGNORECASE)


_PROSE_REST = re.compile(r"^\s+[a-zæøå]")


# A document label and the paper's own case number on one line: "SAKSFRAMLEGG        RR 007/25".
_DOC_LABEL_CASE = re.compile(
    r"^\s*(?:saksframlegg|saksfremlegg|sakspapir|saksutgreiing|saksutgreiding|saksutredning|saksprotokoll"
    r"|særutskrift|møtebok|notat)\s{2,}(?=\S)", re.IGNORECASE)


_FULL_DATE_YEAR = re.compile(
    rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?|(?:{P._MON})\.?\s+)(?P<y>(?:19|20)\d{{2}})\b", re.IGNORECASE)


# "Helse Nordvest HF            Styresak 054-2025": the organisation left, the paper's own case number
# alone in the right column of a line at the top of a page (a letterhead or running header)
_RIGHT_COLUMN = re.compile(r"^\s*[^\d\s](?:(?!\s{3}).)*\s{3,}(?=\S)")


def _top_right_case(layout, ln: Line) -> int | None:
    """Start of the last column of a two-column line among the first three lines of its page."""
    m = _RIGHT_COLUMN.match(ln.text)
    if not m or re.search(r"\s{3}", ln.text[m.end():].rstrip()):
        return None
    page_start = layout.page_starts[max(0, bisect.bisect_right(layout.page_starts, ln.start) - 1)]
    above = 0
    for k in range(ln.index - 1, -1, -1):  # the content lines above it on its page, at most three
        x = layout.lines[k]
        if x.start < page_start:
            break
        above += not x.blank
        if above >= 3:
            return None
    return ln.start + m.end()


def _yearless_cases(st: Structure, yearless: list, agenda_rows: set[int]) -> list:
    """Minutes whose cases are numbered without a year ("Sak 1" ... "Sak 5", a foretaksmøte): the cases
    take the year of the first full date above the first case (the meeting's), as a year-less
    "sak 30" takes the citing paper's year. Without such a date there is no case."""
    first = yearless[0][0]
    m = _FULL_DATE_YEAR.search(st.layout.text, 0, first.start)
    if not m:
        return []
    year = int(m.group("y"))
    out = []
    for ln, cid, rest in yearless:
        if not rest.strip() or rest.strip()[:1].islower():
            continue  # "Sak 3 ble utsatt": prose, not a heading
        out.append((ln, CaseId(cid.start, cid.end, cid.text, None, cid.numbers, year, False), rest))
    return out


# "021/26 Godkjenning av protokollen": one space after the number, the heading a line of its own
_BARE_HEADING_1 = re.compile(r"^\s*(?P<a>\d{1,4})\s?/\s?(?P<b>\d{2,4})\s(?P<rest>[A-ZÆØÅ].*)$")


def _bare_heading(layout, ln: Line) -> re.Match[str] | None:
    """'9/25  Godkjenning av innkalling': a bare case number heading a case block of minutes,
    standing alone after a blank line, the title a capitalised phrase that does not end a sentence.
    With one space after the number the line must also stand alone below ('021/26 Title', blank)."""
    if ln.index == 0 or not layout.lines[ln.index - 1].blank:
        return None
    b = _BARE_ROW.match(ln.text)
    if not b:
        nxt = layout.lines[ln.index + 1] if ln.index + 1 < len(layout.lines) else None
        b = _BARE_HEADING_1.match(ln.text) if nxt is None or nxt.blank else None
    if not b:
        return None
    rest = b.group("rest").strip()
    if rest[:1].isupper() and not rest.endswith(".") and not re.search(r"\s{2,}|\d{2,4}/\d", rest):
        return b
    return None


def _case_lines(st: Structure) -> None:
    layout = st.layout
    candidates: list[tuple[Line, CaseId, str]] = []  # line, id, rest of line
    agenda_rows: set[int] = set()  # case lines under an agenda head ("SAKSLISTE", "Saksnr  Tittel")
    in_agenda = rows_seen = False
    block_rows = 0  # case lines of the current block under an agenda head
    block_wrapped = False  # the block is one case line over indented lines (a row laid out on several lines)
    row_indent = 0
    yearless: list[tuple[Line, CaseId, str]] = []
    for ln in layout.lines:
        if ln.blank:
            if in_agenda and rows_seen:
                # "VS 1/25" / "     Title" / "     Arkivsak: 24/00388", blank, "VS 2/25" ...: the agenda goes on
                nxt = layout.next_content(ln.index)
                goes_on = (block_rows == 1 and block_wrapped and nxt is not None
                           and P.CASE_ID.match(layout.masked, nxt.content_start) is not None)
                in_agenda = goes_on
            block_rows, block_wrapped = 0, False
            continue
        if in_agenda and block_rows and ln.content_start - ln.start > row_indent:
            block_wrapped = True
        if _AGENDA_HEAD.match(ln.text):
            in_agenda, rows_seen = True, False
            continue
        if (ln.index in st.table_lines or ln.index in st.headings or st.in_attachment(ln.start)
                or len(ln.stripped) > 160):
            continue
        lab = _DOC_LABEL_CASE.match(ln.text)
        m = P.CASE_ID.match(layout.masked, ln.start + lab.end() if lab else ln.content_start)
        right = None if lab or m else _top_right_case(layout, ln)
        if right:
            m = P.CASE_ID.match(layout.masked, right)
        cid = parse_case_id(m) if m else None
        if (lab or right) and cid and (layout.text[cid.end:ln.end].strip() or cid.year is None):
            cid = None  # "SAKSFRAMLEGG      RR 007/25": the case number alone after the document label
        if cid and cid.year is None and cid.body is None and len(cid.numbers) == 1 and cid.text[:1] == "S":
            yearless.append((ln, cid, layout.text[cid.end:ln.end]))  # "Sak 3   Årlig melding 2023"
        if cid and cid.year is not None and len(cid.numbers) == 1:
            candidates.append((ln, cid, layout.text[cid.end:ln.end]))
            if in_agenda:
                agenda_rows.add(ln.index)
                block_rows += 1
                row_indent = ln.content_start - ln.start
            rows_seen = rows_seen or in_agenda
            continue
        b = _BARE_ROW.match(ln.text) if in_agenda else _bare_heading(layout, ln)
        split = P.split_number(b.group("a"), b.group("b")) if b else None
        if split:
            s, e = ln.start + b.start("a"), ln.start + b.end("b")
            candidates.append((ln, CaseId(s, e, layout.text[s:e], None, (split[0],), split[1], True),
                               layout.text[e:ln.end]))
            rows_seen = True
    if not candidates and len(yearless) >= 2:
        candidates = _yearless_cases(st, yearless, agenda_rows)
    # A run of adjacent case lines is an agenda table; a lone one heads a case block
    # and stands alone (after a blank line, not inside a paragraph: "I\nsak 09-2021 vedtok").
    idx = {ln.index for ln, _, _ in candidates}
    for ln, cid, rest in candidates:
        kind = "agenda" if {ln.index - 1, ln.index + 1} & idx or ln.index in agenda_rows else "header"
        prev = layout.lines[ln.index - 1] if ln.index else None
        inside_paragraph = (prev is not None and not prev.blank
                            and (len(prev.stripped) > 60 or _CONTINUES.search(prev.stripped))
                            and not st.field_line(prev.index) and prev.index not in layout.noise_lines)
        if kind == "header" and (
            inside_paragraph
            or cid.text[:1] == "s"
            or len(rest.strip()) > 120
            or (_PROSE_REST.match(rest) and ln.stripped.endswith("."))  # "PS 2/25 ble utsatt i forrige møte."
            or (_PROSE_REST.match(rest) and _wraps_on(layout, ln))  # the same sentence wrapped by a PDF's layout
        ):
            continue
        anchor = Anchor(cid.body, cid.numbers[0], cid.year, cid.text, cid.start, cid.end, kind, ln.index)
        st.own_spans.append((cid.start, cid.end))
        _row_details(st, anchor, rest, cid.end)
        if kind == "agenda":
            _wrapped_row(st, anchor, ln)
        elif anchor.title and anchor.title_span:
            _wrapped_heading_title(st, anchor, ln)
        st.anchors.append(anchor)
    st.anchors.sort(key=lambda a: a.start)
    _keys(st)
    _case_notes(st)


# "Til sak 03/26:" below a notice's agenda: the paragraph under it is that row's text
_NOTE_LINE = re.compile(r"^\s*(?:til|om|ad|merknad(?:er|ar)?\s+til|kommentar(?:er|ar)?\s+til)\s+(?=\S)", re.IGNORECASE)


def _case_notes(st: Structure) -> None:
    rows = {(a.number, a.year): a for a in st.anchors if a.kind == "agenda"}
    if not rows:
        return
    lines = st.layout.lines
    for ln in lines:
        m = _NOTE_LINE.match(ln.text)
        if not m or len(ln.stripped) > 40:
            continue
        ids = case_ids(st.layout.masked, ln.start + m.end(), ln.end)
        if len(ids) != 1 or ids[0].start != ln.start + m.end() or st.layout.text[ids[0].end:ln.end].strip(" :") \
                or not ln.stripped.endswith(":"):
            continue
        cid = ids[0]
        year = cid.year if cid.year is not None else next(iter(rows))[1]
        a = rows.get((cid.numbers[0], year))
        if a is None or a.line > ln.index:
            continue
        j = ln.index + 1
        while j < len(lines) and not lines[j].blank:
            j += 1
        a.row_spans.append((ln.start, lines[j - 1].end + 1))
        st.note_lines.add(ln.index)


def _wraps_on(layout, ln: Line) -> bool:
    """The line is the first of a wrapped paragraph: the next line goes straight on, or this one stops
    mid-sentence ("PS 3/24 ble utsatt i møtet 6. desember 2023, jf. sak 47/23, fordi utvalget ba om" /
    "en vurdering ...")."""
    nxt = layout.lines[ln.index + 1] if ln.index + 1 < len(layout.lines) else None
    if nxt is None or nxt.blank:
        return False
    return nxt.stripped[:1].islower() or (len(ln.stripped) > 60 and ln.stripped[-1:] not in ".:")


def _row_details(st: Structure, anchor: Anchor, rest: str, rest_start: int) -> None:
    """Title (and archive number in agenda tables) from the rest of the line."""
    m = re.match(r"\s*(?:[-–:]\s*)?", rest)
    pos = m.end()
    dcol = re.match(r"(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})\s{2,}", rest[pos:])
    if dcol and _dated_column(st, anchor):
        # "DS 11/25   04.02.2025   25/0120   Title" under "Saknr.  Dok.dato  Arkivsak  Tittel"
        s = rest_start + pos
        anchor.document_date_text = (s, s + len(dcol.group("date")))
        st.column_roles[s] = "document_date"
        pos += dcol.end()
    cols = re.match(r"(?P<arch>\d{2,4}/\d{1,6}(?:-\d+)?)\s+", rest[pos:])
    if cols and _ARCHIVE_COL.match(cols.group("arch")):
        am = _ARCHIVE_COL.match(cols.group("arch"))
        y = P.full_year(am.group("a"))
        if y:
            s = rest_start + pos
            anchor.archive_no = (f"{y}/{int(am.group('b'))}", s, s + len(cols.group("arch")))
        pos += cols.end()
    title = rest[pos:].strip()
    if anchor.kind == "agenda":
        title = _later_columns(st, anchor, title, rest_start + pos + len(rest[pos:]) - len(rest[pos:].lstrip()))
    # "PS 22/25  Klage på ...      X": a mark in a last column ("Lukka", "Unntatt offentlighet") is no part of the title
    title = _MARK_COLUMN.sub("", title)
    if "|" in title:  # a table that came out as text: the first non-empty cell is the title
        cells = [c.strip() for c in title.split("|")]
        first = next((c for c in cells if c), "")
        pos += rest[pos:].find(first) if first else 0
        title = first
    if title and not P.HEADING_LINE.match(title) and not _PAGE_MARK_TITLE.match(title):
        s = rest_start + pos + (len(rest[pos:]) - len(rest[pos:].lstrip()))
        anchor.title, anchor.title_span = title, (s, s + len(title))


def _head_row(st: Structure, anchor: Anchor) -> Line | None:
    """The head row of a list ("Saksnr   Tittel   Arkivsak") right above its case rows."""
    lines = st.layout.lines
    j = anchor.line - 1
    while j >= 0 and j > anchor.line - 40 and not lines[j].blank and P.CASE_ID.match(lines[j].stripped):
        j -= 1
    return lines[j] if j >= 0 and not lines[j].blank and j != anchor.line else None


_CELL = re.compile(r"\S+(?: \S+)*")


def _later_columns(st: Structure, anchor: Anchor, title: str, title_start: int) -> str:
    """'PS 41/23    Title     23/00012' under 'Saksnr   Tittel   Arkivsak' (or '... Ansvarlig'): a cell of
    the row that starts under a later head cell is that column's value, no part of the title; an archive
    column gives the row's archive number."""
    head = _head_row(st, anchor)
    if head is None or not title:
        return title
    row = st.layout.line_at(title_start)
    col0 = title_start - row.start
    heads = [(m.start(), m.group()) for m in _CELL.finditer(head.text) if m.start() > col0 + 2]
    cut = None
    for cell in re.finditer(r"(?<=\S)\s{2,}(?P<v>\S+(?: \S+)*)", title):
        col = col0 + cell.start("v")
        name = next((h for c, h in heads if abs(c - col) <= 2), None)
        if name is None:
            continue
        cut = cell.start() if cut is None else cut
        a = _ARCHIVE_COL.match(cell.group("v"))
        if _ARCHIVE_HEAD.match(name.rstrip(".:")) and a and not anchor.archive_no and P.full_year(a.group("a")):
            s = title_start + cell.start("v")  # (after a mark in a "Lukket" column too)
            anchor.archive_no = (f"{P.full_year(a.group('a'))}/{int(a.group('b'))}", s, s + len(cell.group("v")))
    return title if cut is None else title[:cut].rstrip()


_MARK_COLUMN = re.compile(r"\s{3,}(?:[Xx✓✔*]|ja|Ja|JA)$")
_PAGE_MARK_TITLE = re.compile(r"^(?:side|sida|page)\s+\d+(?:\s*(?:av|/|of)\s*\d+)?$", re.IGNORECASE)


_DATE_HEAD = re.compile(r"\s{2,}(?:dok\.?\s*dato|dokumentdato|dato|journaldato|brevdato)\.?(?:\s{2,}|$)", re.IGNORECASE)


def _dated_column(st: Structure, anchor: Anchor) -> bool:
    """The list's head row, above its rows, names a document-date column ("Saknr.  Dok.dato  Arkivsak")."""
    head = _head_row(st, anchor)
    return head is not None and bool(_DATE_HEAD.search(head.text))


def _wrapped_row(st: Structure, anchor: Anchor, ln: Line) -> None:
    """An agenda row goes on over the indented lines below it (title, "Arkivsak: 24/00388")."""
    lines = st.layout.lines
    end = ln.end
    j = ln.index + 1
    indent = ln.content_start - ln.start
    while j < len(lines) and not lines[j].blank and lines[j].content_start - lines[j].start > indent:
        nxt = lines[j]
        if P.CASE_ID.match(st.layout.masked, nxt.content_start):
            break
        if anchor.title is None and not st.field_line(nxt.index) and not P.GENERIC_FIELD.match(nxt.stripped):
            anchor.title, anchor.title_span = nxt.stripped, (nxt.content_start, nxt.content_start + len(nxt.stripped))
        end = nxt.end
        j += 1
    anchor.row_spans.append((ln.start, end + 1))


def _keys(st: Structure) -> None:
    """Give every anchor its case key; merge repeated mentions of the same case.

    An agenda row and the block header of the same case are one case (the header
    defines where its text starts); a later header line of an already known case
    ("FS-12/14 Vedtak:") does not start a new one.
    """
    default_body = P.normalise_body(st.committee) if st.committee else "Sak"
    merged: dict[tuple[int, int], Anchor] = {}
    for a in st.anchors:
        body = a.body or (P.normalise_body(a.committee) if a.kind == "saksgang" and a.committee else default_body)
        a.key = P.case_key(body, a.number, a.year)
        k: tuple = (a.number, a.year)
        first = merged.get(k)
        if first is not None and first.body and a.body and first.body != a.body:
            k = (a.number, a.year, a.body)  # "RS 1/24" and "PS 1/24": two series, two cases
            first = merged.get(k)
        if first is None:
            merged[k] = a
        elif first.kind in ("header", "field") and a.kind == "saksgang":
            # "Bystyresak 88/25" above the title and its saksgang row: the row gives committee and meeting date
            first.committee = first.committee or a.committee
            first.meeting_date_text = first.meeting_date_text or a.meeting_date_text
        elif first.kind == "agenda" and a.kind in ("header", "field"):
            a.title = a.title or first.title
            a.title_span = a.title_span or first.title_span
            a.archive_no = a.archive_no or first.archive_no
            if first.body and not a.body:
                a.key = first.key
            merged[k] = a
    st.anchors = sorted(merged.values(), key=lambda a: a.start)


# ---- segments ----------------------------------------------------------------------------------
def _segments(st: Structure) -> None:
    headers = [a for a in st.anchors if a.kind in ("header", "saksgang", "field", "prose")]
    text_len = len(st.layout.text)
    for i, a in enumerate(headers):
        start = st.layout.lines[a.line].start
        end = st.layout.lines[headers[i + 1].line].start if i + 1 < len(headers) else text_len
        st.segments.append((start, end, a.key))
    for a in st.anchors:
        if a.kind == "agenda" and not a.row_spans:
            ln = st.layout.lines[a.line]
            st.segments.append((ln.start, ln.end + 1, a.key))
        st.segments.extend((s, e, a.key) for s, e in a.row_spans)
    for i, a in enumerate(headers):
        if a.kind == "prose":
            st.segments[i] = (0, st.segments[i][1], a.key)  # a letter: all of it is the case's text
        if a.title is None:
            start_line = headers[i - 1].line + 1 if i else 0
            _title_field(st, a, start_line)
        if a.title is None:
            _title_below(st, a)


def _title_below(st: Structure, a: Anchor) -> None:
    lines = st.layout.lines
    j = a.line + 1
    if a.line in st.layout.noise_lines and st.committee_span:
        # The case number only in a running header ("Sak 17/25 – side 1 av 2"): the title comes after
        # the organisation and body lines at the top of the paper.
        body_line = st.layout.line_at(st.committee_span[0]).index
        if a.line < body_line < a.line + 10:
            j = body_line + 1
    while j < len(lines) and j < a.line + 20:
        ln = lines[j]
        j += 1
        s = ln.stripped
        if (not s or st.field_line(ln.index) or ln.index in st.table_lines or ln.index in st.headings
                or P.VEDLEGG.match(ln.text) or ln.index in st.layout.noise_lines or _SAKSGANG_LABEL.match(ln.text)
                or (_SAKSGANG_HEAD.match(s) and re.search(r"\s{2,}", s))):
            if ln.index in st.headings or P.VEDLEGG.match(ln.text):
                return
            continue
        if P.DOCUMENT_LABELS.match(s) and len(s) < 30 or P.GENERIC_FIELD.match(s) or not re.search(r"[^\W\d_]", s):
            continue  # a label, a field, or a rule of a box ("+-----+", "=====")
        if P.KNOWN_SECTIONS.match(s.rstrip(":")):
            return
        if len(s) > 150 or P.CASE_ID.match(s):
            return
        a.title, a.title_span = s, (ln.content_start, ln.content_start + len(s))
        nxt = lines[j] if j < len(lines) else None
        if nxt is not None and _wrapped_title(st, s, nxt):  # a title hard-wrapped over two lines
            a.title = s + " " + nxt.stripped
            a.title_span = (ln.content_start, nxt.content_start + len(nxt.stripped))
        return


def _wrapped_heading_title(st: Structure, a: Anchor, ln: Line) -> None:
    """A case heading's title hard-wrapped onto the next line at the title's column (a typewritten
    "F-sak 88/97    SALG AV TOMT I" over "               INDUSTRIOMRÅDET PÅ HOLEN")."""
    lines = st.layout.lines
    nxt = lines[ln.index + 1] if ln.index + 1 < len(lines) else None
    col = a.title_span[0] - ln.start
    if nxt is None or nxt.blank or abs((nxt.content_start - nxt.start) - col) > 2:
        return
    if _wrapped_title(st, a.title, nxt):
        a.title = a.title + " " + nxt.stripped
        a.title_span = (a.title_span[0], nxt.content_start + len(nxt.stripped))


def _wrapped_title(st: Structure, first: str, nxt: Line) -> bool:
    t = nxt.stripped
    if (not t or st.field_line(nxt.index) or nxt.index in st.headings or nxt.index in st.table_lines
            or P.CASE_ID.match(t) or P.KNOWN_SECTIONS.match(P.heading_core(t)) or P.VEDLEGG.match(t)
            or len(first) + len(t) > 250 or first.endswith((".", ":", "?", "!"))):
        return False
    upper = first.upper() == first and t.upper() == t and any(c.isalpha() for c in t)
    return upper or t[:1].islower()
