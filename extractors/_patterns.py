"""Norwegian patterns shared by the extractors (bokmål and nynorsk).

Only patterns and small pure helpers live here; the extractors decide what a match means.
"""

from __future__ import annotations

import datetime as dt
import re

# ---- years and numbers ----------------------------------------------------------
TWO_DIGIT_PIVOT = 50  # 00-49 -> 2000-2049, 50-99 -> 1950-1999


def full_year(text: str) -> int | None:
    """'09' -> 2009, '97' -> 1997, '2024' -> 2024; None when not a plausible year."""
    if not text.isdigit():
        return None
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < TWO_DIGIT_PIVOT else 1900 + y
    if len(text) == 4 and 1900 <= y <= 2099:
        return y
    return None


# ---- dates ------------------------------------------------------------------------
MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "febr": 2, "feb": 2, "mars": 3, "mar": 3,
    "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
WEEKDAYS = {
    "mandag": 0, "måndag": 0, "tirsdag": 1, "tysdag": 1, "onsdag": 2, "torsdag": 3,
    "fredag": 4, "lørdag": 5, "laurdag": 5, "søndag": 6, "sundag": 6,
}
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{_WD})\s+(?:den\s+)?)?"

# Order matters: ranges before single dates (the finder takes non-overlapping matches
# in this order).
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date.numeric_range", re.compile(
        r"(?<![\d.,/])(?P<d1>\d{1,2})\.?\s?[-–]\s?(?P<d2>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?"
        r"(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)")),
    ("date.text_range", re.compile(
        rf"(?<![\d.,/])(?P<d1>\d{{1,2}})\.?\s?[-–]\s?(?P<d2>\d{{1,2}})\.\s*(?P<mon>{_MON})\b\.?"
        r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>(?:19|20)\d{2})\b)?", re.IGNORECASE)),
    ("date.text_range", re.compile(  # "frå 2. til 20. juni 2025"
        rf"\b(?:fra|frå)\s+(?P<d1>\d{{1,2}})\.\s+til\s+(?P<d2>\d{{1,2}})\.\s*(?P<mon>{_MON})\b\.?"
        r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>(?:19|20)\d{2})\b)?", re.IGNORECASE)),
    ("date.numeric_full_range", re.compile(  # "1.3.2024–28.2.2025", "f.o.m. 01.09.2025 t.o.m. 31.12.2025"
        r"(?<![\d.,/])(?:(?:f\.\s?o\.\s?m\.?|fra|frå)\s+)?(?P<d1>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y1>\d{4})"
        r"\s?(?:[–-]|\s(?:til(?:\s+og\s+med)?|t\.\s?o\.\s?m\.?)\s)\s?"
        r"(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y>\d{4})(?![\d/]|\.\d)", re.IGNORECASE)),
    ("date.from_to", re.compile(
        rf"(?:\b(?:fra|frå)(?:\s+og\s+med)?|(?<!\w)f\.\s?o\.\s?m\.?|\bperioden)\s+(?:(?:{_WD})\s+)?(?P<d1>\d{{1,2}})\.\s*(?P<mon>{_MON})\b\.?(?:\s+(?P<y1>(?:19|20)\d{{2}}))?"
        rf"\s+(?:til(?:\s+og\s+med)?|t\.\s?o\.\s?m\.?|–|-)\s+(?:(?:{_WD})\s+)?(?P<d2>\d{{1,2}})\.\s*(?P<mon2>{_MON})\b\.?(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>(?:19|20)\d{{2}})\b)?",
        re.IGNORECASE)),
    ("date.text_text_range", re.compile(  # "1. november–28. februar", "30. juni - 2. juli 2025"
        rf"(?<![\d.,/])(?P<d1>\d{{1,2}})\.\s*(?P<mon>{_MON})\b\.?(?:\s+(?P<y1>(?:19|20)\d{{2}}))?"
        rf"\s?[–-]\s?(?P<d2>\d{{1,2}})\.\s*(?P<mon2>{_MON})\b\.?(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>(?:19|20)\d{{2}})\b)?",
        re.IGNORECASE)),
    ("date.iso", re.compile(
        r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")),
    ("date.slash_dash", re.compile(  # older letters and journals: "sendt 5/1-89", "den 2/3-2023"
        _WEEKDAY_PREFIX + r"(?<![\d.,/-])(?P<d>\d{1,2})/(?P<m>\d{1,2})-(?P<y>\d{4}|\d{2})(?![\d/]|-\d|\.\d)",
        re.IGNORECASE)),
    ("date.numeric", re.compile(
        _WEEKDAY_PREFIX + r"(?<![\d.,/])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})"
        r"(?![\d/]|\.\d)", re.IGNORECASE)),
    ("date.text", re.compile(
        _WEEKDAY_PREFIX + rf"(?<![\d.,/])(?P<d>\d{{1,2}})\.\s*(?P<mon>{_MON})\b\.?"
        r"(?:,?(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>(?:19|20)\d{2})\b)?", re.IGNORECASE)),
]
WEEK_BEFORE = re.compile(r"\b(?:uke|veke)\s+\d{1,2}\s*\(\s*$", re.IGNORECASE)
STANDALONE_YEAR = re.compile(r"(?<![\d./-])(?:19|20)\d{2}(?![\d/]|-\d|\.\d)")


_RELATIVE = {"i år": 0, "i fjor": -1, "i fjar": -1, "neste år": 1, "til neste år": 1,
             # a recurring day ("innen 1. februar hvert år", "1. april kvart år") takes the document's year
             "hvert år": 0, "kvart år": 0, "hvart år": 0, "kvert år": 0}


def relative_year(after: str) -> int | None:
    """'5. desember i år' -> 0 (the document's year), 'i fjor' -> -1, 'neste år' -> +1."""
    m = re.match(r"^\s*,?\s*((?:til\s+)?neste\s+år|i\s+(?:år|fjor|fjar)|(?:hvert|kvart|hvart|kvert)\s+år)\b", after,
                 re.IGNORECASE)
    return _RELATIVE[re.sub(r"\s+", " ", m.group(1).lower())] if m else None


def make_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# (A year after a day and month may wrap to the next line, never across a blank line or a page break.)
# ---- case identifiers ---------------------------------------------------------------
# A case number: N/YY, N/YYYY, N-YY, N-YYYY (zero padded: 045-2023) or YYYY/N.
NUM = r"(?P<a>\d{1,4})\s?[/-]\s?(?P<b>\d{1,4})(?![\d/]|-\d|\.\d)"
NUM_RANGE = (
    r"(?:(?P<ry1>\d{4})/(?P<rn1>\d{1,4})\s?[-–]\s?(?P<ry2>\d{4})/(?P<rn2>\d{1,4})"
    r"|(?P<n1>\d{1,4})\s?[-–]\s?(?P<n2>\d{1,4})\s?/\s?(?P<ry>\d{4}|\d{2}))(?![\d/])"
)
BODY_SUFFIX = r"(?:møtet|styret|tinget|utvalget|utvalet|rådet|skapet)"
# The nouns a body line ends in (definite and indefinite), one list for every shape of body line
COUNCIL_NOUN = (r"(?:utvalget|utvalet|utvalg|utval|rådet|råd|styret|tinget|skapet|nemnda|komiteen|komitéen"
                r"|organet|organ|forumet|gruppa|gruppen)")
# Label forms, most specific first. Group "body" is the body as written (may be None:
# the generic "sak"), group "plural" marks "sakene"/"sakane".
LABELS = (
    rf"(?P<body1>[A-ZÆØÅa-zæøå][a-zæøå]+{BODY_SUFFIX})\s+(?:sak(?P<pl1>ene|ane)?)"  # Kommunestyret sak
    r"|(?P<body2>[A-ZÆØÅ]{1,6})(?:[ -]|-\n[ \t]*)sak(?P<pl2>ene|ane)?"  # SSU sak, K-sak, RS-sak, OCR "K-\n sak"
    r"|(?P<body3>[A-ZÆØÅa-zæøå][a-zæøå]{2,}sak)(?P<pl3>ene|ane)?"  # Styresak, styresak
    # an abbreviation in mixed case or glued to the word: "Kst-sak", "Fsk.sak", "Ksak", "FSsak"
    r"|(?P<body7>[A-ZÆØÅ][a-zæøå]{1,3})[.-]sak(?P<pl7>ene|ane)?|(?P<body8>[A-ZÆØÅ]{1,4})sak(?P<pl8>ene|ane)?"
    r"|(?:[Ss]ak|SAK)\s+(?P<body6>[A-ZÆØÅ]{2,6})(?=[ -]?\d)"  # "Sak SSU 22/25"
    r"|(?P<body4>[A-ZÆØÅ]{1,4})(?=[ -]?\d)"  # PS 22/2018, FS-12/14
    r"|(?P<generic>[Ss]ak(?P<pl5>ene|ane)?|SAK)(?:\s?nr\.?(?=\s?\d))?"  # Sak 44/08, sak 30, "Saknr. 19/05"
)
CASE_ID = re.compile(
    rf"\b(?:{LABELS})(?:\s+nr\.?)?[ -]?\s?(?:(?P<range>{NUM_RANGE})|{NUM}|(?P<bare>\d{{1,3}})\b(?![/-]\d|\.\d)"
    # "som orienteringssak 23. september": a day and month after the label is a date, no case number
    rf"(?!\.\s*(?:{_MON})\b))"
)
NOT_BODIES = frozenset({"NOU", "ISBN", "HF", "RHF", "KS", "NAV", "ID", "NR", "TLF", "KL", "SIDE", "FOR", "AV",
                        "MØTE"})  # "PROTOKOLL FRA MØTE 3/2025": a meeting number, no case


# A case treated, told in the passive: "Søknaden vart handsama av", "Saken ble behandlet av" (the case paper's own
# treatment in a letter; the date role and the letter's case read it alike)
PASSIVE_TREATED_BY = (r"(?:[Ss]aken|[Ss]aka|[Ss]øknaden|[Kk]lagen|SAKEN|SAKA)\s+(?:vart|ble|blei|er|har\s+vore|har\s+vært|har\s+blitt)\s+"
                      r"(?:behandlet|behandla|handsama|handsamet)\s+av")
# Dates or numbers listed one after another: "2. februar, 19. april og 29. november", "sak 28/23 og 29/23"
LISTED = re.compile(r"\s*(?:,|og|eller|,\s*og)\s*")


def split_number(a: str, b: str) -> tuple[int, int] | None:
    """('26', '2024') -> (26, 2024); ('2019', '41') -> (41, 2019); None if not a case no."""
    if len(a) == 4 and full_year(a) and len(b) != 4:
        return int(b), int(a)
    year = full_year(b) if len(b) in (2, 4) else None
    if year is None or int(a) == 0:
        return None
    return int(a), year


def normalise_body(body: str) -> str:
    body = body.strip(" -")
    if body.isupper() and len(body) <= 6:
        return body
    return body[:1].upper() + body[1:]


def case_key(body: str, number: int, year: int) -> str:
    return f"{body} {number}/{year}"


# ---- header field labels ------------------------------------------------------------
FIELD_LABELS: list[tuple[str, str]] = [
    ("avkl_sekr", r"avkl(?:art|\.)?\s*sekr(?:etariat|\.)?"),
    # a second handler: "Medsaksbehandler:", "Medsakshandsamar:", "Saksbehandler 2:" (before the handler's label)
    ("co_handler", r"med-?\s?(?:saksbehandl(?:er|ar)|sakshandsamar)|(?:saksbehandl(?:er|ar)|sakshandsamar)\s+2(?=\s*:)"),
    ("case_handler", r"(?:ansvarl[ie]g\s+)?(?:saksbehandl(?:er|ar)|sakshandsamar|saksbeh\.?|sakshands\.?)"
                     r"|saksansvarl[ie]g"),  # "Saksansvarlig:" (a bare "Ansvarlig:" names a leader, not a handler)
    # "Styremøte: 22. oktober 2024", "Rådsmøte:", "Dato og tid: tysdag 15. oktober 2024 kl. 10"
    # "Møtetid: måndag 7. april 2025, kl. 10", "Tidspunkt: tirsdag 3. juni 2025 kl. 09", "Møtetidspunkt:"
    ("meeting_date", r"møtedato|møtedag|dato\s+for\s+\w*møtet?|[a-zæøå]{3,}møte(?=\s*:)|møte\s+i\s+[\wæøåÆØÅ -]{2,30}(?=\s*:)"
                     r"|(?:møte)?tid(?:spunkt)?(?=\s*:\s*(?:[a-zæøå]+dag\s+)?(?:den\s+)?\d{1,2}\.)"
                     r"|dato\s+og\s+(?:tid|klokkeslett|stad|sted)|tid\s+og\s+(?:dato|stad|sted)(?=\s*:)"),
    ("document_date", r"dato\s+dok(?:ument)?\.?|dokumentdato|vår\s+dato|dato|datert|sendt(?=\s*:)"),  # "Sendt:" of an e-mail
    ("our_ref", r"vår\s+ref(?:eranse|\.)?|vår\s+saksnr\.?"),
    ("your_ref", r"deres\s+ref(?:eranse|\.)?|dykkar\s+ref(?:eranse|\.)?"),
    ("archive_case_no", r"arkivsak(?:s?nr\.?|snummer|s?\s?-?\s?id|-dok\.?|\s+nr\.?)?|arkivref(?:eranse|\.)?|saksnummer\s+i\s+arkiv(?:et)?|saksmappe|saksnr\.?(?=\s*:\s*(?:\d{2,4}/\d|(?:19|20)\d{7,8}\b))"),  # "Saksnr.: 201403318-7" (ePhorte)
    ("archive_code", r"arkivkode|arkivnøkkel|emnekode|klassering|arkiv"),
    ("committee", r"styre,\s*råd,\s*utvalg|utvalg|utval|organ"),
]
FIELD_LINE = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in FIELD_LABELS) + r")"
    r"(?:\s*[:;]\s*|\s{2,}|\.\s*:\s*|\s+(?=\d))(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
LABEL_ONLY = re.compile(
    r"^(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in FIELD_LABELS) + r")\s*[.:]?$",
    re.IGNORECASE,
)
MEETING_HEADER = re.compile(r"^\s*(?:møtestad|møtested|møtetid|tid)\s*:", re.IGNORECASE | re.MULTILINE)

# ---- recommendation / decision headings ---------------------------------------------
# Owner words before a heading ("Kommunedirektørens", "Rådmannen sitt"); a preposition makes
# it a title instead ("Klage på vedtak", "Endring av vedtak").
_OWNER = r"(?:(?!(?:på|om|av|etter|mot|ved|over|med|mot|som|jf\.?)\s)[\wæøåÆØÅ.-]+\s+){0,4}"  # "Som anbefalt konklusjon." is a row
# "Utvalg for plan og teknikks innstilling:": a body named in several words, in the genitive
_GENITIVE_BODY = (r"(?:[A-ZÆØÅ][a-zæøå]+\s+(?:[a-zæøå-]+\s+){1,4}[a-zæøå]+s\s+"
                  # "Komité for kultur, idrett og frivillighet sin innstilling": a body named by its field
                  r"|[A-ZÆØÅ][\wæøåé]+\s+for\s+[\wæøå ,-]{3,60}?\s+(?:si|sin|sitt)\s+)")
# "Innstilling til kommunestyret:", "Tilråding til fylkestinget": the council the recommendation goes to
_TO_COUNCIL = r"[a-zæøå]+(?:styret|tinget|rådet|skapet|utvalet|utvalget|møtet|nemnda|komiteen)"
REC_HEADING = (
    rf"(?:{_GENITIVE_BODY}|{_OWNER})(?:innstilling(?:\s+til\s+(?:konsensus|vedtak|{_TO_COUNCIL}))?|forslag\s+til\s+(?:vedtak|innstilling)"
    rf"|framlegg\s+til\s+(?:vedtak|innstilling)|tilrådn?ing(?:\s+til\s+(?:vedtak|{_TO_COUNCIL}))?"
    r"|(?:forslag|framlegg)\s+til\s+(?:uttalelse|uttale|høringsuttalelse|høyringsuttale|konsensus)"
    # "Anbefaling:", "Anbefalt konklusjon:", "Innstilling til SSU:" (the committee by its abbreviation)
    r"|anbefaling(?=\s*:)|anbefalt\s+konklusjon|tilrådd\s+konklusjon|innstilling\s+til\s+(?-i:[A-ZÆØÅ]{2,6})\b"
    # "Forslag til beslutning:", "Framlegg til avgjerd:", "Anbefalt vedtak:", "Tilrådd vedtak:"
    r"|(?:forslag|framlegg)\s+til\s+(?:beslutning|avgjerd|avgjørelse|konklusjon)|anbefalt\s+vedtak|tilrådd\s+vedtak)"  # "Kommunedirektørens forslag til uttalelse:"
)
DEC_HEADING = (rf"{_OWNER}?(?:[A-ZÆØÅ]{{1,6}}\s?-\s?)?"  # "FSK-vedtak", "AMU - vedtak"
               r"(?:vedtak|samrøystes\s+vedtak|einstemmig\s+vedtak|enstemmig\s+vedtak|konsensus"
               # what a committee concluded ("Konklusjon: SSU tar orienteringene til etterretning.") and a
               # council's own statement ("Uttale:" over numbered points in a råd's minutes): only bare and
               # with a colon, since "Konklusjon", "Revisjonens konklusjoner", "Uttale frå eldrerådet" head
               # sections of a saksframlegg
               r"|(?<![\w ])(?:konklusjon|konklusjonar|konklusjoner|uttale|uttalelse|beslutning|avgjerd)(?=\s*:)"
               r"|konsensus\s+i\s+møtet"  # "Konsensus i møtet:"
               # a council's own statement in its minutes: "Eldrerådets uttalelse:", "Rådet si uttale:"
               r"|(?<=s )(?:uttalelse|uttale|konklusjon|beslutning)(?=\s*:)"
               r"|(?<=\ssi )(?:uttale|uttalelse|konklusjon|avgjerd)(?=\s*:)|(?<=\ssin )(?:konklusjon|beslutning)(?=\s*:))")
_CASE_PREFIX = r"(?:(?:[A-ZÆØÅ]{1,6}[ -]?sak|[A-ZÆØÅ]{1,4})?\s?-?\s?\d{1,4}\s?[/-]\s?\d{1,4}\s+|[A-ZÆØÅ]{1,4}\s+[-–]\s+)?"
# "Vedtak i kommunestyret 20.06.2024": the body after a heading is words, its date digits (so the
# prose "... vedtak i kommunestyret 13.3.2023, sak 14/23" is no heading with an inline text).
_TAIL = r"(?:\s+(?:i|frå|fra)\s+(?:[^\W\d_]|[ -]){2,40}?)?(?:\s+(?:av\s+)?[\d.]{6,10})?"  # "... innstilling av 11.03.2010:"
HEADING_LINE = re.compile(
    rf"^\s*{_CASE_PREFIX}(?:(?P<rec>{REC_HEADING})|(?P<dec>{DEC_HEADING})){_TAIL}\s*"
    r"(?::\s*(?P<inline>\S.*?)?|\.)?\s*$",  # a text on the heading's line only after ":"
    re.IGNORECASE,
)
TERMINATOR = re.compile(
    r"^\s*(?:(?:enstemmig|einstemmig|samrøystes)(?:\s+(?:vedtatt|vedteke|vedtak))?"
    r"|(?:vedtaket|innstillingen|innstillinga|framlegget|forslaget|tilrådinga|tilrådingen)\s+(?:var|er|vart|ble|blei)\s+"
    r"(?:enstemmig|einstemmig|samrøystes)(?:\s+(?:vedtatt|vedteke))?"
    r"|(?:vedtatt|vedteke|vedteken|godkjent|godkjend)\s+med\s+.{0,60}\b(?:stemmer?|røyster?|røyst|mot)\b.{0,60}"
    r"|(?:vedtatt|vedteke|vedteken)\s+mot\s+\d+\s+(?:stemmer?|røyster?|røyst).{0,60}"  # "Vedtatt mot 1 stemme (Tangen)."
    r"|enst\.\s+(?:vedtatt|vedteke)"  # "Enst. vedtatt."
    r"|.*\bble\s+enstemmig\s+vedtatt)\.?\s*$",
    re.IGNORECASE,
)
ITEM = re.compile(r"^\s*(?:(?P<no>\d{1,2})\s?[.)]|(?P<letter>[a-h])\))\s+(?=\S)")  # "1. ", "2) ", "1 . ", "a) "


def item_number(m: re.Match[str]) -> int:
    """'3.' -> 3, 'c)' -> 3."""
    return int(m.group("no")) if m.group("no") else ord(m.group("letter")) - 96
# Prose headings: "Byrådet innstiller til bystyret å fatte følgende vedtak:"
PROSE_REC_HEADING = re.compile(
    r"^\s*\S.{0,120}\b(?:innstiller|innstille|rår|tilrår)\b.{0,80}\b(?:følgende|følgjande|slikt|sålydande|slik)\s+vedtak\s*:\s*$",
    re.IGNORECASE,
)
PROSE_DEC_HEADING = re.compile(
    r"^\s*\S+(?:\s+\S+){0,5}\s+(?:fattet|fatta|gjorde)\s+(?:følgende|følgjande|slikt|sålydande)\s+vedtak\s*:\s*$"
    # a letter telling the own case's treatment: "Formannskapet behandlet saken i møte 04.03.2025, sak 19/25,
    # og fattet følgende vedtak:", "Utvalet handsama saka i møtet 2. mai og gjorde slikt vedtak:"
    # (also after an opening sentence on the same line: "Vi viser til søknaden dykkar. Formannskapet handsama ...")
    r"|^\s*(?:[^\n]{0,160}?[.!]\s+(?=[A-ZÆØÅ]))?\S+(?:\s+\S+){0,3}\s+(?:har\s+)?(?:behandlet|behandla|handsama|handsamet)\s+(?:saken|saka|søknaden|klagen)\b"
    r"[^\n]{0,80}?\b(?:og\s+)?(?:fattet|fatta|gjorde|gjort)\s+(?:følgende|følgjande|slikt|sålydande)\s+vedtak\s*:\s*$"
    # "... sak PS 41/19. Vedtaket lyder:", "Vedtaket er slik:"
    r"|^(?:[^\n]{0,200}?[.!]\s+)?(?:Vedtaket|Vedtaket\s+i\s+saka|Vedtaket\s+i\s+saken)\s+(?:lyder|lyd|er\s+slik|var\s+slik)\s*:\s*$",
    re.IGNORECASE,
)
# The formula that opens a proposal without saying anything itself: "Styret i X HF fatter
# følgende vedtak:", "Kommunestyret gjer slikt vedtak:" (not a row of the block).
FORMULA_LINE = re.compile(
    r"^\s*\S+(?:\s+\S+){0,7}\s+(?:fatter|fattar|gjør|gjer|treffer|gjør\s+slikt|fatte|gjere|gjøre)\s+"
    r"(?:følgende|følgjande|slikt|sålydande|slik)\s+vedtak\s*:\s*$"
    # "Kontrollutvalget legger saken fram for kommunestyret med slik innstilling:"
    r"|^\s*\S+(?:\s+\S+){0,9}\s+(?:med|med\s+følgende|med\s+følgjande)\s+(?:slik|slikt|følgende|følgjande|sålydande)?\s*"
    r"(?:innstilling|tilråding|forslag\s+til\s+vedtak|framlegg\s+til\s+vedtak)\s*:\s*$",
    re.IGNORECASE,
)
# Any short "Label: value" line (labels we do not know are still labels, not titles)
GENERIC_FIELD = re.compile(r"^\s*[A-ZÆØÅ][\wæøåÆØÅ.,/-]*(?:\s[\wæøåÆØÅ.,/-]+){0,2}\s?:\s+\S.{0,80}$")

# ---- attachments ---------------------------------------------------------------------
VEDLEGG = re.compile(
    r"^\s*(?:(?:ikke\s+|ikkje\s+|u)?trykte\s+)?vedlegg\b(?:\s*\([^)]*\))?\s*:?\s*(?P<inline>.*)$",
    re.IGNORECASE,
)

# ---- sections --------------------------------------------------------------------------
KNOWN_SECTIONS = re.compile(
    r"^(?:bakgrunn(?:\s+for\s+saka?|\s+for\s+saken)?|saksopplysning(?:er|ar)|vurdering(?:ar|er)?|konklusjon"
    r"|innledning|innleiing|status|videre\s+prosess|vidare\s+prosess|økonomiske\s+konsekvens(?:er|ar)"
    r"|økonomi|sammendrag|samandrag|oppsummering|saksutredning|saksutgreiing|saksframstilling"
    r"|fakta|rammer|merknad(?:er|ar)?|konsekvens(?:er|ar)|høring|høyring|saksgang|lovgrunnlag|regelverk"
    r"|.{1,60}\s+vurdering|(?:behandling|handsaming)\b.{0,60}|.{1,20}\s[-–]\s(?:behandling|handsaming)"
    # "Formannskapets behandling av sak 22/2013 i møte den 10.04.2013", "Utvalet si handsaming"
    r"|[\wæøå]+(?:s|\s+si|\s+sitt|\s+sin)\s+(?:behandling|handsaming)\b.{0,60})$",
    re.IGNORECASE,
)
DOCUMENT_LABELS = re.compile(
    r"^(?:saksliste|sakliste|møteinnkalling|innkalling|møtebok|møteprotokoll|protokoll|saksframlegg"
    r"|sakspapir|saksutredning|saksutgreiing|forfall|referatsaker|dagsorden"
    r"|styredokument|styrenotat|saksdokument|særutskrift|saksprotokoll|melding\s+om\s+vedtak"
    r"|delegert\s+vedtak|delegerte\s+vedtak|administrativt\s+vedtak|administrative\s+vedtak)\b",
    re.IGNORECASE,
)


_SPACED_LETTERS = re.compile(r"^(?:\S ){3,}\S(?:\s*:)?$")
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}\.(?:\d{1,2}\.?)?\s+(?=[A-ZÆØÅ])")


def heading_core(text: str) -> str:
    """A heading line as read: 'S a k s o p p l y s n i n g e r :' -> 'Saksopplysninger',
    '1. Bakgrunn' -> 'Bakgrunn' (typewriter spacing and section numbers are layout)."""
    s = text.strip()
    if _SPACED_LETTERS.match(s):
        s = re.sub(r"(?<=\S) (?=\S)", "", s)
    s = NUMBERED_HEADING.sub("", s)
    return s.rstrip(" :").strip()
