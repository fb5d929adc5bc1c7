"""The document's own cases with their header fields."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from extractors import _patterns as P
from extractors._structure import Anchor, FieldHit, Structure
from extractors.records import Case, CaseField, DateMention

_TITLE_WORD = re.compile(
    r"^(?:\w*(?:sjef|leiar|leder|rådgiver|rådgjevar|direktør|konsulent|sekretær|koordinator|"
    r"saksbehandler|sakshandsamar)|seniorrådgiver|seniorrådgjevar|adm\.?)$",
    re.IGNORECASE,
)
_ARCHIVE_NO = re.compile(r"(?<!\d)(?P<a>\d{2,4})\s?/\s?(?P<b>\d{1,7})")
_RUN_TOGETHER = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})(?P<n>\d{5,6})(?:-\d+)?\b")
_PREFIX_FIELDS = ("committee", "meeting_date", "document_date")


_NAME_WORD = re.compile(r"^(?:[A-ZÆØÅ][\wæøåÆØÅ'-]*\.?|[A-ZÆØÅ]\.|van|von|de|af|der|den)$")
_INITIALS = re.compile(r"^[A-ZÆØÅ]{2,4}$")


def _name(part: str) -> str | None:
    words = part.strip(" .:-").split()
    while len(words) > 2 and _TITLE_WORD.match(words[0]):
        words = words[1:]  # "Økonomisjef Kari Vang"
    if (any(w[:1].islower() for w in words) and _NAME_WORD.match(words[-1] if words else "")
            and not re.search(r"\s(?:og|o\.)\s", part)):
        run = []  # "Direktør for økonomi Tor Ås": the name is the last run of capitalised words
        for w in reversed(words):
            if not (_NAME_WORD.match(w) and w[:1].isupper()):
                break
            run.insert(0, w)
        if len(run) >= 2 and len(run) < len(words):
            words = run
    if len(words) == 1 and _INITIALS.match(words[0]):
        return words[0]  # "TKK"
    if 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and words[0][:1].isupper():
        return " ".join(words)
    return None


def persons(value: str) -> tuple[str, ...]:
    """'A B/C D', 'A B og C D', 'A B, økonomisjef', 'A B, Sogn og Fjordane revisjon' -> names."""
    out = []
    for part in re.split(r"\s*(?:/|,|;|&)\s*", value):
        name = _name(part)
        if name:
            out.append(name)
        elif re.search(r"\s(?:og|o\.)\s", part):
            out.extend(n for n in (_name(p) for p in re.split(r"\s+(?:og|o\.)\s+", part)) if n)
    return tuple(out)


def _normalise(field: str, value: str, dates: _Dates, hit: FieldHit) -> str | None:
    value = value.strip()
    if field in ("document_date", "meeting_date"):
        for d in dates:
            if d.date and hit.start <= dates.start(d) < hit.end:
                return d.date.isoformat()
        return None
    if field == "archive_case_no":
        run = _RUN_TOGETHER.match(value)  # ePhorte prints year and serial together: "201403318-7" -> 2014/3318
        if run:
            return f"{run.group('y')}/{int(run.group('n'))}"
        m = _ARCHIVE_NO.search(value)
        y = P.full_year(m.group("a")) if m else None
        return f"{y}/{int(m.group('b'))}" if y else None
    if field == "archive_code":
        return re.split(r"\s{2,}", value)[0].strip() or None
    return value or None


class _Dates(list):
    """Date mentions with their global offsets (records keep page offsets)."""

    def __init__(self, located: list[tuple[DateMention, int]]) -> None:
        super().__init__(d for d, _ in located)
        self.starts = {id(d): g for d, g in located}

    def start(self, d: DateMention) -> int:
        return self.starts.get(id(d), -1)


def build(st: Structure, located: list[tuple[DateMention, int]]) -> list[Case]:
    dates = _Dates(located)
    first_header = min((s for s, _, _ in st.segments), default=len(st.layout.text))
    return [_case(st, a, _fields_for(st, a, first_header), dates) for a in st.anchors]


def _fields_for(st: Structure, a: Anchor, first_header: int) -> list[FieldHit]:
    if len(st.anchors) == 1:
        return list(st.fields)
    own = [f for f in st.fields if st.case_at(f.start) == a.key]
    prelude = [f for f in st.fields if f.start < first_header and f.field in _PREFIX_FIELDS]
    return own + prelude


def _case(st: Structure, a: Anchor, hits: list[FieldHit], dates: _Dates) -> Case:
    lay = st.layout
    values: dict[str, tuple[str, FieldHit | None, tuple[int, int], str]] = {}
    fields: list[CaseField] = []
    for f in hits:
        if f.field in values:
            continue
        if f.field == "archive_case_no" and any(s <= f.start < e for s, e in st.own_spans):
            continue  # "Saksnr.: 14/2024" read as the case number is not the archive number
        v = _normalise(f.field, f.value, dates, f)
        if v is None:
            continue
        if f.field == "document_date" and st.meeting_dato(f):
            if "meeting_date" in values:
                continue
            values["meeting_date"] = (v, f, (f.start, f.end), "case.header_field")
            continue
        values[f.field] = (v, f, (f.start, f.end), "case.header_field")
    if a.committee:
        values.setdefault("committee", (a.committee, None, (a.start, a.end), "case.saksgang"))
    if "committee" not in values and st.committee:
        values["committee"] = (st.committee, None, st.committee_span or (0, 0), "case.document_body")
    if a.meeting_date_text:
        s, e = a.meeting_date_text
        d = next((x.date for x in dates if x.date and s <= dates.start(x) < e), None)
        if d:
            values["meeting_date"] = (d.isoformat(), None, (s, e), "case.saksgang")
    if a.document_date_text:
        s, e = a.document_date_text
        d = next((x.date for x in dates if x.date and s <= dates.start(x) < e), None)
        if d:
            values.setdefault("document_date", (d.isoformat(), None, (s, e), "case.agenda_row"))
    if a.archive_no:
        v, s, e = a.archive_no
        values.setdefault("archive_case_no", (v, None, (s, e), "case.agenda_row"))
    for role in ("document_date", "meeting_date"):
        if role in values:
            continue
        # In minutes of several cases a "Place, date" line dates the minutes, not the case it follows.
        keys = (None,) if role == "document_date" and len(st.anchors) > 1 else (a.key, None)
        for key in keys:
            d = next((x for x in dates if x.case_key == key and x.role == role and x.date), None)
            if d:
                s = dates.start(d)
                values[role] = (d.date.isoformat(), None, (s, s + len(d.text)), "case.date_role")
                break
    for name, (v, hit, (s, e), rule) in values.items():
        page, cs, ce = lay.where(s, e)
        fields.append(CaseField(a.key, name, v, lay.text[s:e], page, cs, ce, rule,
                                0.95 if rule == "case.header_field" else 0.8))
    handlers = persons(values["case_handler"][0]) if "case_handler" in values else ()
    if "co_handler" in values:  # "Medsaksbehandler:" adds the second handler (its row fills case_handler too)
        handlers += tuple(n for n in persons(values.pop("co_handler")[0]) if n not in handlers)
        fields[:] = [replace(f, field="case_handler", extractor="case.co_handler") if f.field == "co_handler" else f
                     for f in fields]
    sekr = persons(values["avkl_sekr"][0]) if "avkl_sekr" in values else ()
    page, cs, ce = lay.where(a.start, a.end)
    body = a.key.rsplit(" ", 1)[0]
    conf = {"header": 0.95, "saksgang": 0.9, "field": 0.85, "agenda": 0.85, "prose": 0.7}[a.kind]

    def get(name: str) -> str | None:
        return values[name][0] if name in values else None

    def day(name: str) -> dt.date | None:
        v = get(name)
        return dt.date.fromisoformat(v) if v else None

    return Case(
        case_key=a.key, body=body, number=a.number, year=a.year, title=a.title,
        case_handlers=handlers, avkl_sekr=sekr, document_date=day("document_date"),
        meeting_date=day("meeting_date"), our_ref=get("our_ref"), your_ref=get("your_ref"),
        archive_case_no=get("archive_case_no"), archive_code=get("archive_code"), committee=get("committee"),
        text=a.text, page_no=page, char_start=cs, char_end=ce, extractor=f"case.{a.kind}", confidence=conf,
        fields=tuple(fields),
    )
