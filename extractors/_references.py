"""References to other cases (attachment lists and inline mentions) and URLs."""

from __future__ import annotations

import re

from extractors import _patterns as P
from extractors._structure import CaseId, Structure, case_ids
from extractors.records import CaseReference

# "Fylkestinget vedtok i sak 2018/77", "Partnerskapsmøtet i 2023 gjorde i sak 08",
# "kommunestyret si handsaming i sak 61/2017", "I sak 09-2021 vedtok partnerskapsmøtet".
# A coordinated compound names one body: "Miljø- og planutvalget", "Plan- og bygningsutvalet".
_BODY = (rf"(?:(?:[A-ZÆØÅa-zæøå][a-zæøå]+-\s+og\s+)?[A-ZÆØÅa-zæøå][a-zæøå]+{P.BODY_SUFFIX}"
         # a committee named by its field: "Utvalg for plan og teknikk", "Hovudutval for samferdsel"
         r"|(?:[Hh]ovud|[Hh]oved)?[Uu]tval(?:g)?\s+for\s+[a-zæøå]+(?:(?:,\s*|\s+og\s+)[a-zæøå]+){0,3}"
         # an adjective and a council noun: "Strategisk samarbeidsutval handsama ... sak 11-25"
         r"|(?-i:[A-ZÆØÅ])[a-zæøå]+\s+[a-zæøå]+(?:utvalget|utvalet|utvalg|utval|organet|organ)(?![a-zæøå])"
         # a group or forum: "Protokoll fra styringsgruppen for legevakten 20.11.2025, sak 9/25"
         r"|[A-ZÆØÅa-zæøå][a-zæøå]+(?:gruppen|gruppa|forumet)(?![a-zæøå]))")
# What a body does in a case: decided, asked, approved, treated ("Kommunestyret ba i sakene
# 31–33/2022", "Kommunestyret bad i sak 61/2022", "Bystyret godkjente i sak 12/2023").
_VERB = (r"(?:vedtok|vedtak|gjorde|behandlet|behandla|handsama|handsamet|drøftet|drøfta|ba|bad|godkjente|godkjende"
         r"|avgjorde|avga|avgav|besluttet|bestemte|avslo|avviste|uttalte|tilrådde|anbefalte|innstilte|slo\s+fast"
         r"|sluttet\s+seg\s+til|slutta\s+seg\s+til|heldt\s+fast\s+på|holdt\s+fast\s+på"
         # "rådet gav uttale i sak 12/24", "Formannskapet ga tilskot i sak 41/22"
         r"|gav|ga|gjekk\s+inn\s+for|gikk\s+inn\s+for)")
# A date between the body and the number: "vedtak i kommunestyret 13.3.2023, sak 14/23",
# "vedtak i kommunestyret den 2/3-2023, sak 11/23", "handsama kravet 30.3.2023, sak 21/23".
_DATE_TEXT = (rf"(?:den\s+)?(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}/\d{{1,2}}-\d{{2,4}}"
              rf"|\d{{1,2}}\.\s*[a-zæøå]{{3,9}}\.?(?:\s+\d{{4}})?)")
# "vedteke i kommunestyret i Eksempelvik 2. mai 2019, sak 2019/33": the body's place may come first
# "vedtatt av kommunestyret 17.06.2020 i sak 41/20": a date, then "i"
_BEFORE_NUMBER = rf"(?:\s+i\s+[A-ZÆØÅ][\wæøå-]+)?(?:\s+{_DATE_TEXT})?(?:\s+i|\s*,)\s+$"
_ORG = r"[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]*){0,4}"
_SUBJECT_BEFORE = re.compile(rf"^\W*(?P<body>{_BODY}|{_ORG})\b(?:\s+i\s+\d{{4}})?\s+{_VERB}\b")
_BODY_VERB_BEFORE = re.compile(
    rf"\b(?P<body>{_BODY})\s+(?:har\s+|hadde\s+|hev\s+)?{_VERB}(?:\s+[\wæøå.,-]+){{0,6}}?(?:\s+i|\s+{_DATE_TEXT}\s*,)\s+$", re.IGNORECASE)
# "Kommunestyret har i sak 87/2024 vedtatt", "Bystyret hadde i sak 12/23 bede om": the verb after the number
_AUX_BEFORE = re.compile(
    rf"\b(?P<body>{_BODY})\s+(?:har|hadde|hev)\s+(?:(?:tidligere|tidlegare|også|og|allereie|allerede)\s+)?i\s+$",
    re.IGNORECASE)
# The record of a meeting named in an attachment list: "Særutskrift heradsstyret 15.12.2015, sak 102/15",
# "Saksprotokoll Miljø- og planutvalget 31.01.2012, sak 4/12", "Protokoll frå formannskapet 3.3.2024, sak 9/24"
_RECORD_BEFORE = re.compile(
    rf"\b(?:saksprotokoll|særutskrift|møteprotokoll|protokoll|møtebok|utskrift)\s+(?:(?:fra|frå|i|for)\s+)?"
    rf"(?P<body>{_BODY}|(?-i:[A-ZÆØÅ]{{2,6}}))(?:\s+(?:for|i)\s+[\wæøå-]+)?\s+{_DATE_TEXT}\s*,\s+$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(
    rf"\b(?P<body>{_BODY})(?:\s+(?:si|sin|sitt|sine)|s)\s+(?:handsaming|behandling|vedtak)(?:\s+i|\s+{_DATE_TEXT}\s*,)\s+$",
    re.IGNORECASE
)  # "kommunestyret si handsaming i sak", "kommunestyrets vedtak i sak", "kommunestyret sitt vedtak 14. desember 2023, sak"
# The sentence's subject is a body and the number follows in its clause ("Heradsstyret sette av 1,4 mill.
# kroner til tiltaket i budsjettet for 2025, sak 87/24."): the body, whatever the verb (a fallback)
_SUBJECT_ANY_VERB = re.compile(rf"^\W*(?P<body>{_BODY})\s+(?:har\s+|hadde\s+)?(?-i:[a-zæøå]{{2,}})\b[^;:()]*"
                               r"(?<!\bse\s)(?<!\bsjå\s)(?<!\bjf\.\s)(?<!\bjfr\.\s)$")  # not "(se sak 30)"
_VERB_AFTER = re.compile(rf"^\s+{_VERB}\s+(?P<body>{_BODY})\b")
# "vedtatt av kommunestyret i sak 09-2021", "drøfta i formannskapet i sak 61/2017"
_PREP_BODY_BEFORE = re.compile(
    # "godkjent av det tidligere samhandlingsutvalget i sak 4/2012": a former body keeps its name
    rf"\b(?:av|i|for|frå|fra)\s+(?:(?:det|den|dei|de)\s+(?:tidligere|tidlegare|gamle|daværende|daverande)\s+)?"
    rf"(?P<body>{_BODY}){_BEFORE_NUMBER}", re.IGNORECASE)
# "jf. sak 61/2017 i kommunestyret", "sakene 78-79/2023 i fylkesutvalet"
_BODY_AFTER = re.compile(rf"^\s+(?:i|fra|frå)\s+(?P<body>{_BODY})\b", re.IGNORECASE)
# Words for the citing body itself: "Utvalget behandlet ... i sak 61/2017" in the committee's paper
# Agenda series of the archive systems, not bodies: politisk sak, orienteringssak, delegert sak,
# meldingssak. A generic "sak 30" in a PS case is the committee's case.
_SERIES_LABELS = frozenset({"PS", "OS", "DS", "MS"})
_GENERIC_OWN = frozenset({"utvalget", "utvalet", "styret", "rådet", "nemnda", "komiteen", "komitéen"})
_HYPHEN_BREAK = re.compile(r"(\w)-\n\s*(\w)")


def extract(st: Structure) -> list[CaseReference]:
    lay = st.layout
    own_starts = {a.start for a in st.anchors} | {s for s, _ in st.own_spans}
    found: list[CaseId] = []
    for cid in case_ids(lay.masked):
        f = st.field_at(cid.start)
        if cid.start in own_starts or (f and f.field in ("our_ref", "your_ref", "archive_case_no", "archive_code")):
            continue
        ln = lay.line_at(cid.start)
        if ln.index in st.table_lines:
            continue
        if ln.index in st.headings and cid.start == ln.content_start and (cid.numbers[0], cid.year) in {
                (a.number, a.year) for a in st.anchors}:
            continue  # "FS-98/24 Vedtak:" heading the decision of the own case PS 98/24: the case, in another series
        found.append(cid)
    found += st.saksgang_refs
    # Resolve year and body of each mention first: a number whose body one mention gives
    # ("Kommunestyret handsama kravet 30.3.2023, sak 21/23") keeps it in the document's other,
    # bare mentions of the same number ("det er sakene 14/23 og 21/23 vi har kontrollert").
    resolved = []
    for cid in sorted(found, key=lambda c: c.start):
        from_key = st.case_at(cid.start)
        from_anchor = next((a for a in st.anchors if a.key == from_key), None)
        year, year_rule = cid.year, "explicit"
        if year is None:
            shift = P.relative_year(lay.masked[cid.end : cid.end + 16])
            base = from_anchor.year if from_anchor else None
            year = _sentence_year(st, cid) or (base + shift if base and shift is not None else base)
            year_rule = "context"
        body, body_rule = cid.body, "label"
        if body is None:
            body, body_rule = _body_from_sentence(st, cid), "sentence"
        prev = resolved[-1] if resolved else None
        if body is None and prev and prev[5] and P.LISTED.fullmatch(lay.masked, prev[0].end, cid.start):
            body, body_rule = prev[5], "listed"  # "Protokoll frå SSU 19.09.2023, sak 28/23 og 29/23": SSU's both
        resolved.append((cid, from_key, from_anchor, year, year_rule, body, body_rule))
    explicit = {(n, c.year): c.body for c in found if c.body for n in c.numbers}
    for cid, *_, year, _yr, body, _br in resolved:
        if cid.body is None and body:
            for n in cid.numbers:
                explicit.setdefault((n, year), body)
    own_numbers = {(a.number, a.year) for a in st.anchors}
    own_bodies = {(a.number, a.year, a.key.rsplit(" ", 1)[0]) for a in st.anchors}
    out: list[CaseReference] = []
    for cid, from_key, from_anchor, year, year_rule, body, body_rule in resolved:
        context = "attachment" if st.in_attachment(cid.start) else "inline"
        for n in cid.numbers:
            b = body
            if cid.body is None and (n, year) in explicit:
                b, body_rule = explicit[(n, year)], "same_document"
            if b is None:
                b = from_anchor.key.rsplit(" ", 1)[0] if from_anchor else (st.committee or "Sak")
                if from_anchor and b in _SERIES_LABELS and st.committee:
                    b = P.normalise_body(st.committee)  # "PS 10/2025" cites "sak 30": the committee's case
                body_rule = "own_case" if from_anchor else "document_body"
            key = P.case_key(b, n, year) if b and year else None
            if key is not None and key == from_key:
                continue
            if (n, year) in own_numbers and not (cid.body and (n, year, cid.body) not in own_bodies):
                continue  # the document's own case(s), mentioned in its text, are no references
            conf = 0.9 if cid.body and cid.explicit_year else 0.75 if cid.explicit_year else 0.6
            page, cs, ce = lay.where(cid.start, cid.end)
            out.append(CaseReference(from_key, lay.text[cid.start:cid.end], b, n, year, key, context, None,
                                     page, cs, ce, f"reference.{body_rule}.{year_rule}", conf))
    for u in lay.urls:
        page, cs, ce = lay.where(u.start, u.end)
        out.append(CaseReference(st.case_at(u.start), lay.text[u.start:u.end], None, None, None, None, "url",
                                 u.url, page, cs, ce, "reference.url", 0.95))
    out.sort(key=lambda r: (r.page_no, r.char_start))
    return out


def _sentence_year(st: Structure, cid: CaseId) -> int | None:
    s, _ = st.layout.sentence(cid.start)
    before = st.layout.masked[s : cid.start]
    years = {int(m.group(1)) for m in re.finditer(r"\bi\s+((?:19|20)\d{2})\b(?![/-]\d)", before)}
    return years.pop() if len(years) == 1 else None


# The clause of the number has a subject of its own: "Kommunestyret ba om ... i sak 45/2014, og komiteen
# behandlet ... i sak 31/16" (the second number is the committee's, not the council's).
_CLAUSE_SUBJECT = re.compile(
    rf",\s+(?:og|men|mens|så|der|da|etter\s+at|fordi|sidan|siden|når)\s+(?P<body>[\wæøåÆØÅé]+)\s+"
    rf"(?:har\s+|hadde\s+)?{_VERB}\b[^,]*$", re.IGNORECASE)  # ", etter at partnerskapsmøtet hadde sluttet seg til ..."


def _body_from_sentence(st: Structure, cid: CaseId) -> str | None:
    s, e = st.layout.sentence(cid.start)
    before = _HYPHEN_BREAK.sub(r"\1\2", st.layout.masked[s : cid.start])  # "komi-\nteen" is one word
    after = st.layout.masked[cid.end : e]
    clause = _CLAUSE_SUBJECT.search(before)
    if clause and (clause.group("body").lower() in _GENERIC_OWN or re.fullmatch(_BODY, clause.group("body"))):
        body = P.normalise_body(clause.group("body"))
        return None if _is_own_body(st, body, cid) else body
    # a possessive right before the number beats the sentence's subject: "Eldrerådet ga uttalelse ..., jf. også
    # kommunestyrets vedtak i sak 65/23"
    for m in (_RECORD_BEFORE.search(before), _OWNER_BEFORE.search(before), _SUBJECT_BEFORE.search(before),
              _AUX_BEFORE.search(before), _BODY_VERB_BEFORE.search(before),
              _PREP_BODY_BEFORE.search(before), _VERB_AFTER.match(after), _BODY_AFTER.match(after),
              _SUBJECT_ANY_VERB.match(before)):
        if m:
            body = P.normalise_body(m.group("body"))
            if body.lower().endswith("området"):  # "bruken av området i sakene 4-7/2023": a place
                continue
            return None if _is_own_body(st, body, cid) else body
    return None


def _is_own_body(st: Structure, body: str, cid: CaseId) -> bool:
    """'Styret' in a Styresak paper, 'Utvalget' in the committee's own paper, 'Kommunestyret'
    in its own minutes keyed 'Kommunestyret': the citing body, whose key body is used."""
    low = body.lower().replace("é", "e")
    stem = re.sub(r"(?:et|en|a)$", "", low)
    key = st.case_at(cid.start)
    own = [key.rsplit(" ", 1)[0].lower().replace("é", "e")] if key else []
    if low in _GENERIC_OWN:
        own.extend(c.lower().replace("é", "e") for c in (st.committee, *(a.committee for a in st.anchors)) if c)
        return any(stem in o for o in own)
    if st.committee and not own:
        own.append(st.committee.lower().replace("é", "e"))
    # A body named in full ("Bystyret vedtok ... sak 22/15") in a paper labelled "Bystyresak" keeps its name;
    # only the body itself (a key "Kommunestyret" in its own minutes) is the citing body.
    # "Fellesrådet" in the paper of "Hallvik kyrkjelege fellesråd": the own body named by its noun
    # "Viltnemnda" in the paper of "Landbruks- og viltnemnda": the last part of a coordinated name
    return any((o.startswith(stem) or (" " in o and (o.endswith(stem) or o.endswith(low)))) and not (o.endswith("sak") and not low.endswith("sak"))
               for o in own if len(stem) >= 4)
