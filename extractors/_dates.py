"""Dates: Norwegian spans found by our own patterns, a role from where and how they are
written, and a year from the document's context when the text leaves it out."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from extractors import _patterns as P
from extractors._structure import Structure, case_ids
from extractors.records import DateMention


@dataclass
class _Raw:
    start: int
    end: int
    rule: str
    day: int
    month: int
    year: int | None
    day2: int | None
    weekday: int | None
    match_start: int  # before the "uke 39 (" extension
    month2: int | None = None  # "frå 3. oktober til 15. november 2022"
    year_start: int | None = None  # the start's own year when written
    year_end: int | None = None  # the end's own year when written ("1.3.2024–28.2.2025")


def find(st: Structure) -> list[_Raw]:
    text = st.layout.masked
    taken = bytearray(len(text) + 1)  # 1 where an earlier (more specific) pattern matched
    found: list[_Raw] = []
    for rule, rx in P.DATE_PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(taken[s:e]):
                continue
            if rule == "date.slash_dash" and _archive_like(st, text, s):
                continue
            starts = st.layout.page_starts  # a date never runs over a page break ("1." | "februar")
            if bisect.bisect_right(starts, s) != bisect.bisect_right(starts, e - 1):
                continue
            raw = _raw(rule, m)
            if raw is None:
                continue
            taken[s:e] = b"\x01" * (e - s)
            found.append(raw)
    found.sort(key=lambda r: r.start)
    found = _elided(text, found, taken)
    for r in found:  # "uke 39 (23.-27.9.2024)": the week is part of the mention
        w = P.WEEK_BEFORE.search(text, max(0, r.start - 14), r.start)
        if w and w.end() == r.start:
            r.start = w.start()
            if text[r.end : r.end + 1] == ")":
                r.end += 1
    return found


_ARCHIVE_CONTEXT = re.compile(r"(?:ref|sak|nr|arkiv|journal)[\wæøå.]*\s*[:.]?\s*$", re.IGNORECASE)


def _archive_like(st: Structure, text: str, pos: int) -> bool:
    """'Vår ref.: 24/3-12' is an archive number with a document number, not 24 March 2012."""
    f = st.field_at(pos)
    if f is not None and f.field not in ("document_date", "meeting_date"):
        return True
    return bool(_ARCHIVE_CONTEXT.search(text, max(0, pos - 30), pos))


# A day whose month is written once, after the next day: "laurdag 25. og sundag 26. mai",
# "7. og 8. november 2023", "3., 4. og 5. juni".
_ELIDED_DAY = re.compile(
    rf"(?:(?P<wd>{P._WD})\s+(?:den\s+)?)?(?<![\d.,/])(?P<d>\d{{1,2}})\.\s*(?:,\s*(?:og\s+)?|\s+(?:og|eller)\s+)$",
    re.IGNORECASE,
)


def _elided(text: str, found: list[_Raw], taken: bytearray) -> list[_Raw]:
    out: list[_Raw] = []
    for r in found:
        extra: list[_Raw] = []
        nxt = r
        while nxt.rule == "date.text" and nxt.day2 is None and len(extra) < 10:
            m = _ELIDED_DAY.search(text, max(0, nxt.start - 40), nxt.start)
            if not m or any(taken[m.start() : m.end()]) or not 1 <= int(m.group("d")) < nxt.day:
                break
            wd = P.WEEKDAYS.get(m.group("wd").lower()) if m.group("wd") else None
            s, e = m.start(), m.start("d") + len(m.group("d")) + 1
            taken[s:e] = b"\x01" * (e - s)
            nxt = _Raw(s, e, "date.text", int(m.group("d")), r.month, None, None, wd, s)
            extra.append(nxt)
        out.extend(reversed(extra))
        out.append(r)
    return out


_ABBREVIATED = frozenset({"jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des"})


def _raw(rule: str, m: re.Match[str]) -> _Raw | None:
    g = m.groupdict()
    if g.get("mon"):
        month = P.MONTHS[g["mon"].lower()]
    else:
        month = int(g["m"])
    year = P.full_year(g["y"]) if g.get("y") else None
    if g.get("y") and year is None:
        return None
    day = int(g["d1"] if g.get("d1") else g["d"])
    day2 = int(g["d2"]) if g.get("d2") else None
    if not (1 <= month <= 12 and 1 <= day <= 31) or (
        day2 is not None and not g.get("mon2") and not g.get("m2") and not day < day2 <= 31
    ):
        return None
    wd = P.WEEKDAYS.get(g["wd"].lower()) if g.get("wd") else None
    month2 = P.MONTHS[g["mon2"].lower()] if g.get("mon2") else (int(g["m2"]) if g.get("m2") else None)
    if month2 is not None and not 1 <= month2 <= 12:
        return None
    if month2 is not None:
        y1 = P.full_year(g["y1"]) if g.get("y1") else None
        if year is not None and y1 is None:
            y1 = year - 1 if month2 < month else year
        start_date = P.make_date(y1, month, day) if y1 else None
        end_date = P.make_date(year, month2, day2) if year else None
        if (start_date and end_date and end_date < start_date) or day2 is None:
            return None
        # "frå 1. juli til 8. august": the "frå" is part of the range, not a cue before it
        return _Raw(m.start("d1"), m.end(), rule, day, month, y1, day2, None, m.start(), month2, y1, year)
    end = m.end()
    if g.get("mon") and g["mon"].lower() not in _ABBREVIATED and m.group().endswith(".") and not g.get("y"):
        end -= 1  # "30. November." - the full stop ends the sentence
    return _Raw(m.start(), end, rule, day, month, year, day2, wd, m.start())


# ---- roles --------------------------------------------------------------------------------
# "forfaller 20. mars", "forfell", "forfallsdato": a due date is a limit
_DEADLINE = re.compile(r"\b(?:\w*frist\w*|innen|innan|før(?!\s*,)|seinast|senest|forfaller|forfell|forfalt|forfallsdato\w*)\b",
                       re.IGNORECASE)
_EVENT = re.compile(
    r"\b(?:\w*møte[ts]?\w*|møtte|\w*konferanse\w*|\w*arrangement\w*|(?!inn)\w*samling\w*|\w*seminar\w*|"
    r"(?:fag|tema|kurs|studie|open|åpen|inspirasjons)dag\w*|markert|markeres|markerast|markering\w*|"
    r"tilsyn|tilsynet|tilsyna|\w*synfaring\w*|vernerund\w*|(?:anbuds|tilbods|tilbuds)(?:åpning|opning)\w*|"
    r"workshop\w*|webinar\w*|besøk|besøket|besøkte|\w*festival\w*|\w*konsert\w*|"
    r"\w*fest(?:en|ar|ane|er|ene)?|"
    # duty shifts: "få søkere til vaktene 24.–26. desember", "ekstra bakvakt 31. desember"
    r"vakt(?:a|en|ene|ane|er|ar)|bakvakt\w*|nattevakt\w*|"
    r"dugnad\w*|samles|samlast|samlas|lagt\s+fram\s+for|"
    # elections: "førehandsrøystinga går frå ...", "Valgdagene er ...", "tidligstemmegivningen"
    r"(?:tidleg|tidlig|førehands|forhånds)?(?:røysting|stemming|stemmegiving|stemmegivning)(?:a|en)?|"
    r"valg?dag(?:en|ar|ane|er|ene|a)?|lagd\s+fram\s+for|lagt\s+frem\s+for|"
    r"(?:protokoll|referat|møtebok)\s+(?:fra|frå)\s+[\wæøå]+|"
    r"finne[rs]?\s+sted|finn\s+stad|avholdt|avholdes|avvikles|arrangeres|arrangerast|berammet|"
    r"beramma|gjennomført|gjennomføres|gjennomførast|gjennomføre|drøftet|drøfta|drøfting|drøftinga|behandlet|"
    r"behandla|handsama|behandling|handsaming|(?:uke|veke)\s+\d{1,2}|åpning\w*|opning\w*|kurs|befaring\w*|befart|befares|befarast|"
    # the school year and named days: "Første skuledag er ...", "planleggingsdagen", "vinterferien er",
    # "Bygde-dagen laurdag 26. oktober"; interviews, elections of members, a briefing given
    r"\w*skuledag\w*|\w*skoledag\w*|skulestart\w*|skolestart\w*|planleggingsdag\w*|"
    # a pilot or trial over a period: "Piloten gjekk frå 1. februar til 31. oktober 2024"
    r"pilot(?:en|ar|ane|er|ene|prosjekt\w*|perioden?)?|utprøving\w*|prøveperiode\w*|(?<!etter )(?<!før )\w*ferie(?:n|a|ar|ane|r|ne)?|"
    r"[\wæøå]+-dagen|velger|veljer|orienterte)\b",
    re.IGNORECASE,
)
# Cues that only count before the date ("vert haldne laurdag 25. mai", "er planlagd i perioden
# 1.–15. juni"); after it they belong to the next clause ("ferdig 1. september, og innflytting er planlagd").
_EVENT_BEFORE = re.compile(
    r"\b(?:halden|haldne|halde|haldast|holdes|holdt|avholdt|planlagt|planlagd|planlegges|planleggast|intervju\w*"
    # work carried out at the time: "Kartleggingen ble gjort ... i perioden 4.–22. mars"
    r"|(?:ble|blei|vart|blir|vert)\s+(?:gjort|gjord|gjennomført|utført|utførd)"
    # an activity that takes place or took place: "Utdelinga skjer i perioden ...", an exam passed
    # a count or survey right before its days: "Ei telling 14.–18. november viste ...", "kartlegginga i perioden"
    r"|(?:\w*telling(?:a|en|ar|er)?|kartlegging\w*|\w*undersøking(?:a|ar|ane)?|\w*undersøkelsen?)"
    r"(?=\s+(?:i\s+(?:perioden\s+|veke\s+|uke\s+)?|frå\s+|fra\s+)?$)"
    # a body briefed on the matter: "Brukarutvalet fekk planen til orientering 7. april", "ble orientert 21. mai"
    r"|(?:ble|blei|vart|er|blir|vert|var)\s+orientert|til\s+orientering"
    r"|prøvd\s+ut|prøvde\s+ut|prøver\s+ut|prøvast\s+ut|prøves\s+ut|testa\s+ut|testet\s+ut"  # a trial over a period
    r"|skjer|skjedde|foregår|foregikk|(?:vart|ble|blei|blir|vert)\s+(?:opna|opnet|åpnet|åpna)|går\s+føre\s+seg|gjekk\s+føre\s+seg|avla|avlagt|avlegg|avlegger|eksamen\w*"
    # a committee's meeting named by its abbreviation right before the date: "ble forberedt i SSU 28. november"
    r"|i\s+(?-i:[A-ZÆØÅ]{2,6})(?=\s*$))\b",
    re.IGNORECASE
)
# Minutes of a meeting dated by it: "møteboka frå 30.11.2023", "protokollen fra møtet 28.01.2025"
_MINUTES_OF = re.compile(
    r"\b(?:møtebok|møteprotokoll|protokoll|referat|møtereferat)(?:en|a|et|ane|ene)?\s+(?:fra|frå)\s+"
    r"(?:møtet\s+)?$"
    # "Saksprotokoll Formannskapet 18.06.2024", "Særutskrift kommunestyret 12.3.2024": the record of a meeting
    # "Saksprotokoll Utvalg for plan og miljø 04.03.2025": a body named in several words, capitalised
    r"|\b(?:saksprotokoll|møteprotokoll|s(?:æ|ae)rutskrift|møtebok)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+"
    r"(?:\s+(?:for|og|i|[\wæøå-]+)){1,5}\s*$"
    r"|\b(?:saksprotokoll|møteprotokoll|s(?:æ|ae)rutskrift|protokoll|møtebok)\s+(?:(?:fra|frå|for|i)\s+)?"
    # "Saksprotokoll Miljø- og planutvalget 31.01.2012": a coordinated compound body name
    r"(?:møte\s+i\s+)?(?:[\wæøåÆØÅ]+-\s+og\s+)?[\wæøåÆØÅ-]+(?:\s+[\wæøåÆØÅ-]+)?\s*$",
    re.IGNORECASE,
)
# "har ikkje kommunestyremøte før 17. oktober": the next meeting is on that day, no limit is set
_NO_MEETING_BEFORE = re.compile(r"\b(?:ikkje|ikke)\s+(?:[\wæøå]+\s+){0,2}?[\wæøå]*møte[rt]?\w*\s+før\s*$",
                                re.IGNORECASE)
_SAKSGANG_FIELD = re.compile(
    r"^\s*(?:saksgang|sakshandsaming|behandlingsrekkefølge|handsamingsrekkjefølgje|behandlingsrekkjefølgje"
    r"|handsamingsrekkefølge|politisk\s+(?:behandling|handsaming))\s*:\s*\S", re.IGNORECASE)
# "søknaden, som kom inn 2. april", "mottatt 3. mars": a date of arrival right before the date is mentioned,
# whatever cue came earlier in the clause ("orienterte om søknaden, som kom inn ...")
_MENTIONED = re.compile(r"\b(?:datert|av|pr\.|per|frå|fra|sidan|siden|f\.o\.m\.|kom\s+inn|kjem\s+inn|mottatt|motteke"
                        r"|mottok|mottek|innkomen|innkommet"
                        # "som etter planen tas i bruk 1. september", "Partnerskapsmøtet sluttet seg 24. januar til"
                        r"|tas\s+i\s+bruk|takast\s+i\s+bruk|(?:blir|vert)\s+(?:teke|tatt)\s+i\s+bruk"
                        r"|sluttet\s+seg|slutta\s+seg|sluttar\s+seg|slutter\s+seg"
                        # validity up to a day: "avtalane gjeld til 31.12.2025", "kontrakten løper til 30. april"
                        r"|gjeld\s+(?:fram\s+)?til|gjelder\s+(?:fram\s+)?til|varer\s+til|varar\s+til|løper\s+til"
                        r"|(?<!frist\s)(?:fram|frem)\s+til"  # "Gravferder kan haldast i kyrkja fram til 29. august"
                        # the day a body decided: "Partnarskapsmøtet vedtok 16. oktober 2025, sak PM 07/25, at ..."
                        r"|vedtok|vedtek|besluttet|bestemte|opnar|åpner|opner"  # "legevaktsentralen opnar 1. september"
                        r"|vedtak\s+i\s+[\wæøå-]+(?:\s+den)?"  # "og til vedtak i kommunestyret den 2/3-2023, sak 11/23"
                        # a letter's day: "Klager ble orientert om dette i brev 25. april 2023"
                        r"|(?:i|per|pr\.|ved)\s+(?:brev|e-post|epost|skriv)(?:et)?"
                        # a term running out: "dagens kontrakt går ut 30. april", "avtalen utløper 31.12.2025"
                        r"|går\s+ut|gjekk\s+ut|gikk\s+ut|løper\s+ut|utløper|utløp|går\s+over"
                        # a record approved or signed: "Møteboka er godkjend elektronisk av leiar 15.04.2024"
                        r"|(?:godkjent|godkjend|signert|underskrevet|underskriven)"
                        r"(?:\s+(?!(?:innen|innan|før|seinast|senest)\b)[\wæøå]+){0,4})\s*$",
                        re.IGNORECASE)
_TIME_AFTER = re.compile(r"^[,\s]*(?:kl\.?\s*)?\d{1,2}[:.]\d{2}\b")
# "Hurdal, 12.03.2025"; also after a certifying label: "Rett utskrift   :  Nordvik, 09.02.2017"
_PLACE_DATE_LINE = re.compile(
    r"^\s*(?i:(?:rett\s+)?(?:sær)?utskrift\w*(?:\s+(?:bekreftes|stadfestast|stadfestes|stadfestar|bekreftet))?\s*:\s*)?"
    r"[A-ZÆØÅ][\wæøå\- ]{1,30},\s*(?:den\s+)?$")
# "Styremøte 12.03.2024", "til møtet onsdag 5. mars 2025" (a list or notice to a meeting)
_MEETING_LINE = re.compile(rf"^\s*(?:(?:til|for)\s+(?:\w*møtet|møtet\s+i\s+[\wæøå ]{{2,40}})|\w*møte|møte\s+i\s+[\wæøå ]{{2,40}})"
                           rf"(?:\s+(?:{P._WD}))?(?:\s+den)?\s*$", re.IGNORECASE)
# The minutes' own meeting told in a sentence of the header: "Generalforsamlingen ble avholdt tirsdag 6. mai 2025"
_HELD = re.compile(r"\b(?:møte|møtet|[\wæøå]+møtet|[\wæøå]*forsamlingen|representantskapet)\s+(?:ble|blei|vart|er|blir|vert)\s+"
                   r"(?:avholdt|avhalde|holdt|haldt|halde|heldt)\b[^.]{0,40}$", re.IGNORECASE)
_TREATMENT_LINE = re.compile(
    r"^\s*(?:(?:behandling|handsaming|vedtak)\s+i\s+[\wæøåÆØÅ -]{2,40}"
    r"|[\wæøåÆØÅ]+(?:s|\s+si|\s+sitt|\s+sin)\s+(?:behandling|handsaming|vedtak)"
    # "Formannskapets behandling av sak 22/2013 i møte den 10.04.2013:"
    r"(?:\s+av\s+(?:sak|saka|saken)\s+\S+)?(?:\s+i\s+(?:møte|møtet))?(?:\s+den)?)\s*$",
    re.IGNORECASE,
)  # "Behandling i Formannskapet 18.02.2014:", "Bydelsutvalgets behandling 12.03.2024:"
# The case itself goes to a meeting: "Formannskapet behandlet saken i møte 24.10.2023",
# "Kinn kommunestyre handsamar saka torsdag 17. oktober", "får saka til endeleg handsaming 22.10.2024"
_SAME_CASE = re.compile(
    r"\b(?:behandle[rt]?|behandles|behandla|handsama[rs]?|handsamar|handsamer|handsamast|får|fått|fikk|fekk)"
    r"\s+(?:saken|saka)\b[^\n]{0,50}$",
    re.IGNORECASE,
)
# A past treatment is the case's own meeting only when its number or decision follows ("Formannskapet
# behandlet saken i møte 04.03.2025, sak 19/25, og fattet følgende vedtak:"); without them it is another
# body's earlier meeting on the matter, an event ("formannskapet behandlet saken i møte 3. juni 2025.").
_PAST_TREATED = re.compile(r"(?:behandlet|behandla|handsama|handsamet)\s", re.IGNORECASE)
_PASSIVE_TREATED = re.compile(rf"\b{P.PASSIVE_TREATED_BY}\b[^\n.]{{0,80}}(?:\d{{1,2}}\.\s*)?$")
_OWN_DECISION_AFTER = re.compile(r"^[^.\n]{0,60}?\b(?:fattet|fatta|gjorde|gjort)\b[^.\n]{0,30}vedtak", re.IGNORECASE)
_CASE_AFTER = re.compile(r"^[^.\n]{0,40}?\bsak\s+(?:[A-ZÆØÅ]{1,4}[ -]?)?(?P<a>\d{1,4})(?:\s?[/-]\s?(?P<b>\d{2,4}))?", re.IGNORECASE)


def _own_decision_after(st: Structure, after: str) -> bool:
    """'..., sak 19/25, og fattet følgende vedtak:' tells the own case's treatment; '..., sak 4/26, og slutta
    seg til innstillinga' with a number that is none of the document's cases is another body's (its own
    case number in its own series)."""
    if _OWN_DECISION_AFTER.match(after):
        return True
    m = _CASE_AFTER.match(after)
    if not m:
        return False
    if not m.group("b") or not st.anchors:
        return True
    split = P.split_number(m.group("a"), m.group("b"))
    return split is None or any((a.number, a.year) == split for a in st.anchors)
_SUBJECT_END = re.compile(r"([A-ZÆØÅa-zæøå][a-zæøå-]{3,})\s+(?:har\s+)?$")


def _other_body(st: Structure, before: str, pos: int) -> bool:
    """The subject of "X behandlet saken" is a body other than the document's own (its committee, its
    cases' bodies); unknown when the document names none."""
    m = _SUBJECT_END.search(before)
    if not m:
        return False
    stem = re.sub(r"(?:et|en|a)$", "", m.group(1).lower())
    key = st.case_at(pos)
    own = [c.lower() for c in (st.committee, *(a.committee for a in st.anchors)) if c]
    if key and len(key.rsplit(" ", 1)[0]) > 3 and not key.lower().startswith("sak "):
        own.append(key.rsplit(" ", 1)[0].lower())  # a body, not the bare label "Sak 5/2024" or a series "PS"
    return bool(own) and not any(o.startswith(stem) for o in own)


# A body given the matter for information is briefed, it does not treat it: "Brukarutvalet får saka til
# orientering i møtet 2. april" is an event
_FOR_INFORMATION = re.compile(r"\btil\s+orientering\b", re.IGNORECASE)
# Another body treats the case (present or future tense): "Kommunestyret handsamar budsjettet
# 12. desember", "Bystyret skal behandle planen 5. juni" ("behandlet" in the past is an event).
_BODY_TREATS = re.compile(
    rf"\b[A-ZÆØÅa-zæøå][a-zæøå]*(?:{P.BODY_SUFFIX}|utvalg|utval|nemnda|komiteen)"
    r"(?:\s+for\s+[a-zæøå]+(?:\s+(?:og|i)\s+[a-zæøå]+)?)?\s+(?:skal\s+|vil\s+)?"  # "Hovudutval for helse og omsorg"
    r"(?:behandler|behandle|handsamar|handsamer|handsame|tek\s+stilling\s+til|tar\s+stilling\s+til"
    # "gjer endeleg vedtak om planen 25. mai"
    r"|vedtar|vedtek|skal\s+vedta|vil\s+vedta|(?:gjer|gjør|fattar|fatter)\s+(?:endeleg\s+|endelig\s+)?vedtak)\b[^\n.]{0,80}$",
    re.IGNORECASE,
)
_TREATED_IN = re.compile(
    r"\b(?:skal\s+)?(?:slutt|endeleg|endelig)?(?:behandles|behandlast|handsamast|handsamas)"
    r"\s+i\s+[\wæøåÆØÅ -]{2,60}$|"
    r"\b(?:behandles|behandlast|handsamast)\s+i\s+[\wæøåÆØÅ -]{2,60}\s[\d.]+\s+og\s+i\s+[\wæøåÆØÅ -]{2,40}$",
    re.IGNORECASE,
)
# The matter comes up for treatment in a later meeting: "Endeleg plan blir lagd fram til handsaming i
# styremøtet 26. mars 2025", "Saka vert send til endeleg behandling i kommunestyret 12. juni"
_TO_TREATMENT = re.compile(
    r"\b(?:blir|vert|skal|vil|legges|leggast|sendes|sendast)\b[^.\n]{0,50}?\btil\s+(?:endeleg\s+|endelig\s+|vidare\s+"
    r"|videre\s+|ny\s+)?(?:behandling|handsaming|sluttbehandling)(?:\s+i\s+[\wæøåÆØÅ -]{2,50})?\s*$"
    # "Søknaden blir lagd fram for formannskapet som eiga sak i møtet 4. desember"
    r"|\b(?:blir|vert|skal|vil)\b[^.\n]{0,50}?\b(?:lagd|lagt|lagde|lagte)\s+(?:fram|frem)\s+for\s+[^.\n]{0,40}?"
    rf"(?:\bi\s+(?:\w*møtet|\w*møte)|\b[\wæøå]*(?:{P.BODY_SUFFIX}|utval|utvalg))\s*$"  # "vert lagd fram for Partnarskapsmøtet 23. april"
    # the matter, present passive: "Saken legges fram for representantskapet i møtet 24. april 2025",
    # "Planen legges fram for bystyret i møte 23. april" (h08, a later treatment by the next body)
    r"|\b[a-zæøå]{3,}(?:en|et|a|ane|ene|ne)\s+(?:legges|leggast|leggjast|leggst)\s+(?:fram|frem)\s+for\s+[^.\n]{0,40}?"
    rf"(?:\bi\s+(?:\w*møtet|\w*møte)|\b[\wæøå]*(?:{P.BODY_SUFFIX}|utval|utvalg))\s*$"
    # sent on: "Saken sendes videre til formannskapet 05.03.96 og kommunestyret 21.03.96"
    rf"|\b(?:saken|saka)\s+(?:sendes|sendast|oversendes|oversendast|går)\s+(?:videre\s+|vidare\s+)?til\s+"
    rf"[\wæøå]*(?:{P.BODY_SUFFIX}|utval|utvalg)\s*$"
    # the case comes back: "Saka kjem att i møtet 4. november", "Saken tas opp igjen i OSO 22.10.2014"
    r"|\b(?:saken|saka)\s+(?:kjem|kommer|kjem\s+tilbake|kommer\s+tilbake|tas|takast|vert\s+teken|blir\s+tatt)"
    r"\s+(?:opp\s+)?(?:att|igjen|tilbake)?\s*(?:i|til)\s+(?:\w*møtet|\w*møte|(?-i:[A-ZÆØÅ]{2,6})|[\wæøå]+(?:utvalget|utvalet|styret|rådet))\s*$",
    re.IGNORECASE,
)
# A limit given as a meeting: "seinast i styremøtet 19. juni 2025", "innen kommunestyrets møte 12. mai"
_LIMIT_MEETING = re.compile(
    r"\b(?:seinast|senest|innan|innen)\s+(?:i\s+)?(?:[\wæøå]+s\s+)?[\wæøå]*møte[t]?"
    r"(?:\s+(?:i|til)\s+[\wæøå]+)?\s*$"
    # "før opninga 4. november", "innen oppstarten 1. august": a limit set by an occasion
    r"|\b(?:før|seinast\s+før|senest\s+før|innan|innen)\s+(?:opninga|åpningen|oppstarten|oppstart|skulestart|skolestart"
    r"|innflyttinga|innflyttingen|overtakinga|overtakelsen)\s*$", re.IGNORECASE)
_INVITATION = re.compile(
    r"^\s*(?:møte)?innkalling\b|^\s*innkalling\s+til\s+møte"
    r"|^\s*(?:møte)?protokoll\s+(?:fra|frå|for)\s+(?:[\wæøå]+s\s+)?(?:møte|møtet)\b",
    re.IGNORECASE,
)


_SAKSGANG_ROW = re.compile(r"^\s{4,}[A-ZÆØÅ][\wæøå -]{1,50}?\s{2,}$")


_RUNS_OUT = re.compile(r"\s*(?:går|gjekk|gikk|løper)\s+ut|\s*utløp", re.IGNORECASE)
_HYPHEN_WRAP = re.compile(r"(?<=[a-zæøå])-\n[ \t]*(?=[a-zæøå])")


def _saksgang_continued(lay, ln, before_line: str) -> bool:
    """An indented 'Body   DATE' line under a 'Saksgang:' field line (or another such row)."""
    if not _SAKSGANG_ROW.match(before_line):
        return False
    for j in range(ln.index - 1, max(-1, ln.index - 8), -1):
        prev = lay.lines[j]
        if prev.blank:
            return False
        if _SAKSGANG_FIELD.match(prev.text):
            return True
        if not _SAKSGANG_ROW.match(re.sub(r"\S+\s*$", "", prev.text)):
            return False
    return False


def _field_role(st: Structure, pos: int) -> tuple[str, float] | None:
    if pos in st.column_roles:
        return st.column_roles[pos], 0.9  # a list row's "Dok.dato" cell
    f = st.field_at(pos)
    if f is None:
        return None
    if f.field == "document_date":
        return ("meeting_date" if st.meeting_dato(f) else "document_date"), 0.95
    if f.field == "meeting_date":
        return "meeting_date", 0.95
    return "mentioned", 0.8


# "2. februar, 19. april og 29. november 2024", "15. januar og i Florø 17. januar",
# "i møte 11.10.2023 og i foretakets arbeidsmiljøutval 17. oktober"
_COORDINATED = re.compile(
    r"^\s*(?:,|og|eller|and|,\s*og)(?:\s+(?:i|på|ved|for)\s+(?:[\wæøåÆØÅ-]+\s+){0,3}?[\wæøåÆØÅ-]+"
    # "sitt første møte 7. mai og sitt siste 27. august": an ellipsis keeps the cue
    rf"|\s+[a-zæøå]+(?:{P.BODY_SUFFIX})"  # "20. november og kommunestyret 12. desember": the verb elided
    r"|\s+(?:(?:sitt|sin|si|sine|det|den|dei|de|hans|hennar|hennes|deira|deres)\s+)?"
    r"(?:siste|neste|andre|tredje|fjerde|femte|første|førre|forrige|nest\s+siste|påfølgende|påfølgjande))?\s*$"
)
# A date moved or put off to another: the new date is what the old one was (a meeting, a day off)
_MOVED = re.compile(r"^\s*(?:(?:bør|skal|må|blir|vert|er|ble|blei|vart|kan)\s+)?(?:flyttast|flyttes|flytta|flyttet|"
                    r"flytte|utsett|utsatt|utsettes|utsetjast|utsatt)\s+til\s+$", re.IGNORECASE)
# "avla prøven 3. juni 2025, og stadfortredaren 28. mai 2025": a second subject with the same verb
_ELLIPSIS = re.compile(r"^\s*,?\s*og\s+(?-i:[a-zæøå])[\wæøå]+(?:en|et|a|ane|ene|aren|eren)\s*$", re.IGNORECASE)


def _role(st: Structure, r: _Raw, prev_end: int, next_start: int,
          prev_role: tuple[str, float, str] | None = None) -> tuple[str, float, str]:
    lay = st.layout
    if prev_role and prev_end and _MOVED.match(lay.masked[prev_end:r.match_start]):
        return prev_role[0], prev_role[1], "date.moved"  # "fredag 7. november bør flyttes til mandag 10. november"
    if prev_role and prev_end and _COORDINATED.match(lay.masked[prev_end:r.match_start]) \
            and prev_role[2] in ("date.cue", "date.cue_after", "date.coordinated", "date.body_treats",
                                 "date.treated_in", "date.same_case"):
        return prev_role[0], prev_role[1], "date.coordinated"
    if prev_role and prev_end and prev_role[2] in ("date.cue", "date.coordinated") and prev_role[0] == "event":
        gap = lay.masked[prev_end:r.match_start]
        if _ELLIPSIS.match(gap) and not (_DEADLINE.search(gap) or _EVENT.search(gap) or _MENTIONED.search(gap)):
            return prev_role[0], prev_role[1], "date.coordinated"
    hit = _field_role(st, r.start)
    if hit:
        return hit[0], hit[1], "date.header_field"
    ln = lay.line_at(r.start)
    if ln.index in st.table_lines:
        return "meeting_date", 0.9, "date.saksgang_table"
    before_line = lay.text[ln.start : r.start]
    if _SAKSGANG_FIELD.match(before_line):  # "Saksgang: Formannskapet 28.05.2024 (FS 2024/33) – Bystyret 13.06.2024"
        return "meeting_date", 0.85, "date.saksgang_line"
    if _saksgang_continued(lay, ln, before_line):  # "Saksgang :  Formannskapet  23.03.88" / "   Kommunestyret  14.04.88"
        return "meeting_date", 0.85, "date.saksgang_line"
    after_line = lay.text[r.end : ln.end].strip(" .:")
    if not after_line:
        # also the right column of the letterhead: "SKARVØY KOMMUNE        Skarvøy, 14.02.92"
        if _PLACE_DATE_LINE.match(before_line) or (
                ln.index < 5 and _PLACE_DATE_LINE.match(re.split(r"(?<=\S)\s{3,}(?=\S)", before_line)[-1])):
            return "document_date", 0.85, "date.place_line"
        if _MEETING_LINE.match(before_line) or _TREATMENT_LINE.match(before_line):
            return "meeting_date", 0.85, "date.meeting_line"
    s_start, s_end = lay.sentence(r.start)
    clause = lay.masked[max(s_start, prev_end):r.match_start]
    if _LIMIT_MEETING.search(clause):
        return "deadline", 0.75, "date.limit_meeting"  # "seinast i styremøtet 19. juni": a limit set by a meeting
    if _TO_TREATMENT.search(clause) and not _FOR_INFORMATION.search(lay.masked[max(s_start, prev_end):s_end]):
        return "meeting_date", 0.75, "date.treated_in"  # "blir lagd fram til handsaming i styremøtet 26. mars"
    if _TREATED_IN.search(lay.masked[s_start:r.match_start]):
        return "meeting_date", 0.75, "date.treated_in"
    same = _SAME_CASE.search(lay.masked[max(s_start, prev_end):r.match_start])
    if same and not _DEADLINE.search(same.group()) and not _FOR_INFORMATION.search(same.group()) and not (
            _PAST_TREATED.match(same.group()) and not _own_decision_after(st, lay.masked[r.end:s_end])
            and _other_body(st, lay.masked[max(s_start, prev_end):max(s_start, prev_end) + same.start()], r.start)):
        return "meeting_date", 0.7, "date.same_case"
    if _PASSIVE_TREATED.search(lay.masked[max(s_start, prev_end):r.match_start]) and _CASE_AFTER.match(
            lay.masked[r.end:s_end]) and _own_decision_after(st, lay.masked[r.end:s_end]):
        return "meeting_date", 0.7, "date.same_case"  # "Søknaden vart handsama av formannskapet DATE, sak PS 41/19"
    if _BODY_TREATS.search(lay.masked[max(s_start, prev_end):r.match_start]):
        return "meeting_date", 0.7, "date.body_treats"
    in_header = not st.anchors or r.start < min(a.start for a in st.anchors) or ln.index < 12
    if in_header and _INVITATION.match(lay.text[s_start:r.start]) and not _DEADLINE.search(lay.text[s_start:r.start]):
        return "meeting_date", 0.8, "date.invitation"
    if st.anchors and r.start < min(a.start for a in st.anchors) and _HELD.search(lay.masked[s_start:r.match_start]):
        return "meeting_date", 0.75, "date.held"  # the header of minutes: "Møtet ble avholdt 6. mai 2025"
    lo = max(s_start, prev_end, r.match_start - 90)
    before = _HYPHEN_WRAP.sub("", lay.masked[lo : r.match_start])  # "synfa-\nring": the cue word whole
    cut = max(before.rfind(".\n"), before.rfind(":\n"))
    if cut >= 0:  # a line ending in "." or ":" ends the sentence even where the sentencizer ran on
        before = before[cut + 2 :]
    if _MINUTES_OF.search(before) or _NO_MEETING_BEFORE.search(before):
        return "event", 0.7, "date.cue"
    mentioned = _MENTIONED.search(before)
    if mentioned and _DEADLINE.search(before[: mentioned.start()]) and _RUNS_OUT.match(mentioned.group()):
        mentioned = None  # "Anbodsfristen gjekk ut 15. april": a limit that ran out is the limit
    if mentioned:
        head = before[: mentioned.start()]
        if not (r.day2 is not None and mentioned.group().strip().lower() in ("frå", "fra")
                and (_EVENT.search(head) or _EVENT_BEFORE.search(head))):
            return "mentioned", 0.7, "date.cue"
        # an activity over a period: "Piloten gjekk frå 1. februar til 31. oktober 2024" (validity, "gjeld frå
        # ... til ...", has no activity and stays mentioned)
    cues = [(m.end(), "deadline") for m in _DEADLINE.finditer(before)]
    cues += [(m.end(), "event") for rx in (_EVENT, _EVENT_BEFORE) for m in rx.finditer(before)]
    if cues:
        return max(cues)[1], 0.75, "date.cue"
    after = lay.masked[r.end : min(s_end, next_start, r.end + 60, ln.end)]
    if _TIME_AFTER.match(after) or _EVENT.search(after):
        return "event", 0.65, "date.cue_after"
    return "mentioned", 0.6, "date.default"


# ---- years ------------------------------------------------------------------------------
def _sentence_year(st: Structure, pos: int, raws: list[_Raw]) -> int | None:
    lay = st.layout
    s, e = lay.sentence(pos)
    blocked = [(r.start, r.end) for r in raws if s <= r.start < e]
    blocked += [(c.start, c.end) for c in case_ids(lay.masked, s, e)]
    years = {
        int(m.group())
        for m in P.STANDALONE_YEAR.finditer(lay.masked, s, e)
        if not any(bs <= m.start() < be for bs, be in blocked)
    }
    return years.pop() if len(years) == 1 else None


def _context_years(st: Structure, dated: list[tuple[_Raw, str, str | None]]) -> tuple[dict, int | None]:
    per_case: dict[str | None, int] = {}
    for role in ("document_date", "meeting_date"):
        for r, rl, key in dated:
            if rl == role and r.year is not None:
                per_case.setdefault(key, r.year)
    for a in st.anchors:
        per_case.setdefault(a.key, a.year)
    doc_year = per_case.get(None)
    if doc_year is None:
        explicit = Counter(r.year for r, _, _ in dated if r.year is not None)
        if explicit:
            doc_year = explicit.most_common(1)[0][0]
        else:
            standalone = Counter(int(m.group()) for m in P.STANDALONE_YEAR.finditer(st.layout.masked))
            doc_year = standalone.most_common(1)[0][0] if standalone else None
    if doc_year is None and per_case:
        doc_year = next(iter(per_case.values()))
    return per_case, doc_year


def _near_year(st: Structure, r: _Raw, prev_end: int) -> int | None:
    """A year written just before the date, in the same clause: 'for 2022 21. september'."""
    lay = st.layout
    s_start, _ = lay.sentence(r.match_start)
    lo = max(s_start, r.match_start - 25, prev_end)
    years = [m for m in P.STANDALONE_YEAR.finditer(lay.masked, lo, r.match_start)]
    if years and re.search(r"[:\w]", lay.masked[years[-1].end() : r.match_start]):
        # "Frist for innspill til budsjett 2017: 15. august", "innspel til budsjettet for 2025 innan 15. juni":
        # the year names the budget, not the date
        return None
    return int(years[-1].group()) if years else None


def _reference_dates(dated: list[tuple[_Raw, str, str | None]]) -> dict[str | None, dt.date]:
    """The date a document (or case) is written from: document date, else meeting date."""
    refs: dict[str | None, dt.date] = {}
    for role in ("document_date", "meeting_date"):
        for r, rl, key in dated:
            d = P.make_date(r.year, r.month, r.day)
            if rl == role and d and key not in refs:
                refs[key] = d
    return refs


def _previous_explicit_dates(dated: list[tuple[_Raw, str, str | None]]) -> dict[int, dt.date | None]:
    """For each mention: the last full date written before it (else the first one after)."""
    out: dict[int, dt.date | None] = {}
    last = None
    first = next((d for x, _, _ in dated if (d := P.make_date(x.year, x.month, x.day))), None)
    for x, _, _ in dated:
        out[id(x)] = last or first
        d = P.make_date(x.year, x.month, x.day)
        if d:
            last = d
    return out


_PAST = re.compile(
    r"\b(?:var|vart|ble|blei|hadde|hatt|har\s+vore|har\s+vært|vedtok|kom|sende|sendte|la\s+fram|"
    r"gjorde|møtte|tiltrådte|avholdt|vart\s+halde|behandlet|handsama|drøfta|drøftet|leverte|levert|"
    r"mottok|mottatt|motteke|fekk|fikk|kom\s+inn|sendte\s+inn|gikk|gjekk|søkte|søkt|søkte\s+om|meldte|"
    r"varslet|varsla|fastsatte|bestemte|godkjente|godkjende|"
    r"utløp|løp\s+ut|startet|starta|begynte|avsluttet|avslutta|opnet|åpnet|opna)\b",
    re.IGNORECASE,
)
# Present tense of a term running out or starting is about the future: "avtalen går ut 30. september",
# "kontrakten utløper 1. mars", "arbeidet tar til 2. mai".
_FUTURE = re.compile(
    r"\b(?:skal|vil|blir|vert|planlagd|planlagt|neste|kommende|komande|foreslås|foreslått|holdes|haldast|"
    r"går\s+ut|gjeng\s+ut|utløper|løper\s+ut|tar\s+til|startar|starter|begynner|byrjar|opnar|åpner|"
    # a scheduled presentation: "Sekretariatet legger fram en oppsummering ... i SSU-møtet 2. oktober"
    r"legger\s+fram|legg\s+fram|legger\s+frem|presenterer|presenteres|presenterast)\b",
    re.IGNORECASE,
)
# A past form after a modal is an infinitive: "skal sende", "må levere", "vil gå".
_AFTER_MODAL = re.compile(
    r"\b(?:skal|vil|må|kan|bør|skulle|ville|kunne|måtte|burde|vert|blir|bli|verte)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LIMIT_PHRASE = re.compile(r"\b(?:med\s+(?:\w*frist|svarfrist)|frist|innan|innen|seinast|senest)\s*$", re.IGNORECASE)
_SLACK = dt.timedelta(days=7)
_FORWARD_DAYS = 183  # the dates of one sentence run forward within half a year


def _closest_year(ref: dt.date, r: _Raw, clause: str = "", role: str = "") -> int:
    """The year for day.month as seen from the reference date.

    A weekday decides when given; a past-tense clause ("kom inn 30. april") takes the
    latest such day not after the reference date, a future one ("innan 1. desember",
    "frist") the earliest not before it; otherwise the nearest.
    """
    options = []
    tense = _tense(clause)
    if role == "deadline":
        # a limit set in a past act ("sende ... på høyring, med frist 1. november") is near it; a limit that
        # was ("Søknadsfristen var 15. mars") is past
        tense = None if tense == "past" and _LIMIT_PHRASE.search(clause) else tense or "future"
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = P.make_date(y, r.month, r.day)
        if not d:
            continue
        weekday_ok = r.weekday is None or d.weekday() == r.weekday
        wrong_side = (tense == "past" and d > ref + _SLACK) or (tense == "future" and d < ref - _SLACK)
        options.append((not weekday_ok, wrong_side, abs((d - ref).days), y))
    return min(options)[3] if options else ref.year


def _tense(clause: str) -> str | None:
    """The tense marker nearest the date decides ("leverte ... innen 1. september": past,
    "vart orientert om at neste møte blir 12. desember": future)."""
    past = max((m.end() for m in _PAST.finditer(clause) if not _AFTER_MODAL.search(clause, 0, m.start())),
               default=-1)
    future = max((m.end() for m in _FUTURE.finditer(clause)), default=-1)
    if past < 0 and future < 0:
        return None
    return "past" if past > future else "future"


def _with_weekday(year: int, r: _Raw) -> int:
    if r.weekday is None:
        return year
    for y in (year, year + 1, year - 1):
        d = P.make_date(y, r.month, r.day)
        if d and d.weekday() == r.weekday:
            return y
    return year


def extract(st: Structure) -> list[tuple[DateMention, int]]:
    """Date mentions, each with its global start offset."""
    lay = st.layout
    raws = find(st)
    dated: list[tuple[_Raw, str, str | None]] = []
    roles = []
    for i, r in enumerate(raws):
        prev_end = raws[i - 1].end if i else 0
        next_start = raws[i + 1].start if i + 1 < len(raws) else len(lay.text)
        role = _role(st, r, prev_end, next_start, roles[-1] if roles else None)
        roles.append(role)
        dated.append((r, role[0], st.case_at(r.start)))
    list_year: dict[int, int] = {}  # "2. februar, 19. april og 29. november 2024": the list's year
    for i in range(len(raws) - 2, -1, -1):
        r, nxt = raws[i], raws[i + 1]
        if r.year is None and P.LISTED.fullmatch(lay.masked, r.end, nxt.match_start):
            y = nxt.year if nxt.year is not None else list_year.get(i + 1)
            if y is not None and (nxt.month, nxt.day) >= (r.month, r.day):
                list_year[i] = y
    per_case, doc_year = _context_years(st, dated)
    refs = _reference_dates(dated)
    previous = _previous_explicit_dates(dated)
    out = []
    resolved: dict[int, dt.date] = {}  # index in raws -> date
    for i, ((r, role, key), (_, conf, rule)) in enumerate(zip(dated, roles)):
        prev_end = raws[i - 1].end if i else 0
        inferred = r.year is None
        year = r.year
        if inferred:
            ref = refs.get(key) or refs.get(None) or previous[id(r)]
            near = _near_year(st, r, prev_end)
            shift = P.relative_year(lay.masked[r.end : r.end + 12])
            base = ref.year if ref is not None else per_case.get(key) or doc_year
            if i in list_year:
                year = list_year[i]
            elif shift is not None and base:
                year = base + shift  # "5. desember i år"
            elif near is not None:
                year = _with_weekday(near, r)  # "for 2022 21. september"
            elif ref is not None:
                s_start, _ = lay.sentence(r.match_start)
                clause = lay.masked[max(s_start, prev_end) : r.match_start]
                before = resolved.get(i - 1) if i and raws[i - 1].end > s_start else None
                year = None
                if before is not None and _tense(clause) is None:
                    # "lagt ut 19.01.2024 med høringsfrist 16. februar": a sentence's dates run forward,
                    # but not by most of a year ("allmøte 26. november, etter at ... 21. november")
                    year = before.year if (r.month, r.day) >= (before.month, before.day) else before.year + 1
                    year = _with_weekday(year, r)
                    ahead = P.make_date(year, r.month, r.day)
                    if ahead is None or (ahead - before).days > _FORWARD_DAYS:
                        year = None
                if year is None:
                    year = _closest_year(ref, r, clause, role)
            else:
                base = _sentence_year(st, r.match_start, raws) or base
                year = _with_weekday(base, r) if base else None
            conf *= 0.85
        date = P.make_date(year, r.month, r.day)
        if date is None:
            continue
        resolved[i] = date
        if r.month2 is not None:
            span = r.year_end - r.year if r.year_end is not None and r.year is not None else None
            step = span if span is not None and span >= 0 else (1 if r.month2 < r.month else 0)
            end = P.make_date(year + step, r.month2, r.day2) if year else None
        else:
            end = P.make_date(year, r.month, r.day2) if r.day2 else None
        page, cs, ce = lay.where(r.start, r.end)
        out.append((DateMention(key, lay.text[r.start:r.end], date, end, role, inferred, page, cs, ce,
                                f"{r.rule}+{rule}", round(conf, 3)), r.start))
    return out

