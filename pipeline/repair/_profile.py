"""The per-document error profile: is the text damaged, how, and how hard to repair.

Evidence, counted per page and summed:
- words, and words with æ/ø/å (clean Norwegian has them in roughly one word in ten);
- telltales of English OCR: "pa", "ogsa", "vaere", lone "a"/"&", words with "@"/"|", and
  unlisted words that one or two undone confusions turn into frequent listed words
  ("mgte", "gnsker"); counted in full only where æ/ø/å are rare;
- English function words (an English page is not damaged Norwegian);
- legacy code-page markers and lost-glyph joins (see ``_mojibake``, ``_glyph``).
A page is damaged when it has telltales and (almost) no æ/ø/å; clean pages are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import lexicon
from pipeline.repair import _glyph, _mojibake
from pipeline.repair._ocr import Scorer, candidates
from pipeline.repair._tokens import words

TELLTALE = frozenset("pa ogsa ma na fa vaere veere vere naer neer ar ars arets aret arene "
                     "gar sma nar mgte mgtet gnsker gnske fglgende felgende bgr fgr ogsaa "
                     "pagaende omradet apne mate matte".split())
ENGLISH = frozenset("the and of is to that with this are was were be have has which from "
                    "will would not it its an by".split())
NN_MARK = {"ikkje": 3, "eg": 2, "ho": 2, "dei": 2, "eit": 2, "ein": 2, "vere": 3, "vore": 2,
           "korleis": 3, "kva": 3, "kvifor": 3, "berre": 3, "mykje": 3, "sjølv": 2, "difor": 3,
           "noko": 3, "nokon": 2, "meir": 3, "fleire": 3, "saman": 2, "heile": 2, "frå": 2,
           "òg": 3, "vart": 2, "høyring": 3, "følgjande": 3, "kome": 2, "gje": 2, "leggje": 2,
           "hgyring": 3, "fglgjande": 3, "sjolv": 2, "sjglv": 2, "fra": 0, "dykk": 2,
           "skulle": 0, "medan": 2, "sidan": 2, "blir": 0, "ynskjer": 2, "ønskjer": 2,
           "gnskjer": 2, "onskjer": 2, "vedtek": 2, "teke": 2, "tilrår": 2}
NB_MARK = {"ikke": 3, "jeg": 2, "hun": 2, "hva": 3, "hvordan": 3, "hvorfor": 3, "bare": 3,
           "mye": 3, "selv": 2, "derfor": 3, "noe": 3, "noen": 2, "mer": 2, "flere": 3,
           "sammen": 2, "hele": 2, "være": 3, "vaere": 3, "veere": 3, "også": 2, "ogsa": 2,
           "høring": 3, "følgende": 3, "fglgende": 3, "felgende": 3, "ble": 2, "hvis": 2,
           "hvor": 2, "komme": 2, "gi": 1, "ønsker": 2, "gnsker": 2, "mens": 2, "siden": 1,
           "enn": 0, "et": 1, "en": 1}


@dataclass(frozen=True)
class Profile:
    """Summary of a document's damage, stored as JSON with the document."""

    damaged: bool
    kinds: tuple[str, ...]  # english_ocr, mojibake, legacy_codepage, glyph_loss
    aggressiveness: str  # none / conservative (encoding, glyph) / aggressive (+ OCR words)
    language: str | None
    words: int
    aeoeaa_words: int
    telltales: int
    english_words: int
    mojibake_fixes: int
    legacy_codepage: str | None
    legacy_hits: int
    lost_glyph: str | None
    glyph_joins: int
    damaged_pages: tuple[int, ...]
    error: str | None = None

    @classmethod
    def failed(cls, error: str) -> Profile:
        return cls(False, (), "none", None, 0, 0, 0, 0, 0, None, 0, None, 0, (), error)


@dataclass
class DocProfile:
    scorer: Scorer
    language: str | None = None
    words: int = 0
    aeo: int = 0
    tell: int = 0
    english: int = 0
    mojibake_lines: int = 0
    legacy_codepage: str | None = None
    legacy_hits: int = 0
    legacy_total: int = 0
    lost_glyph: str | None = None
    glyph_joins: int = 0
    damaged_pages: tuple[int, ...] = ()
    kinds: list[str] = field(default_factory=list)

    def words_oracle(self) -> _glyph.Words:
        sc = self.scorer
        return _glyph.Words(known=lambda w: sc.score(w)[1],
                            listed=lambda w: w in sc.vocab or sc.lex.listed(w),
                            freq=sc.lex.freq)

    @property
    def aggressiveness(self) -> str:
        if self.damaged_pages:
            return "aggressive"
        return "conservative" if self.kinds else "none"

    def public(self) -> Profile:
        return Profile(bool(self.kinds), tuple(self.kinds), self.aggressiveness, self.language,
                       self.words, self.aeo, self.tell, self.english, self.mojibake_lines,
                       self.legacy_codepage, self.legacy_hits, self.lost_glyph,
                       self.glyph_joins, self.damaged_pages)


_WORD_LOWER = re.compile(r"[^\W\d_]+")
_LONE_A = re.compile(r"(?<!\S)[a&](?=[ \t]+[^\W\d_])")
_AEO_CHARS = frozenset("æøåÆØÅ")  # (a set test per word is ten times a regex search)


def detect_language(text: str) -> str | None:
    """"nb" or "nn" from function words and word-list membership; None without evidence."""
    toks = [w.lower() for w in _WORD_LOWER.findall(text or "")]
    if not toks:
        return None
    lex = lexicon.load()
    nb = nn = 0.0
    for w in toks:
        nb += NB_MARK.get(w, 0)
        nn += NN_MARK.get(w, 0)
    sample = toks[:3000]
    only_nb = sum(1 for w in sample if len(w) > 3 and w in lex.nb and w not in lex.nn)
    only_nn = sum(1 for w in sample if len(w) > 3 and w in lex.nn and w not in lex.nb)
    nb += only_nb * 0.5
    nn += only_nn * 0.5
    if nn >= 2 and nn > nb:
        return "nn"
    if nb >= 2:
        return "nb"
    return None


def _page_telltales(text: str, scorer: Scorer, full: bool) -> tuple[int, int, int, int, int]:
    """(words, words with æøå, telltales, English function words, unknown words)."""
    toks = words(text)
    nw = len(toks)
    aeo = sum(1 for _, _, t in toks if not _AEO_CHARS.isdisjoint(t))
    tell = len(_LONE_A.findall(text))
    eng = unknown = 0
    lex = scorer.lex
    seen: dict[str, tuple[int, int, int]] = {}  # a word's (english, unknown, telltale) counts
    for _, _, t in toks:
        low = t.lower()
        hit = seen.get(low)
        if hit is None:
            known = scorer.score(low)[1]
            is_tell = 0
            if low in TELLTALE or "@" in low or "|" in low:
                is_tell = 1
            elif full and len(low) >= 3 and not known and _AEO_CHARS.isdisjoint(low):
                for c in candidates(low):
                    if lex.listed(c) and scorer.score(c)[0] >= 4.5:  # listed, fairly frequent
                        is_tell = 1
                        break
            hit = seen[low] = (
                low in ENGLISH,
                not (low in lex.nb or low in lex.nn or low in scorer.vocab) and not known,
                is_tell)
        eng += hit[0]
        unknown += hit[1]
        tell += hit[2]
    return nw, aeo, tell, eng, unknown


def profile_document(texts: list[str], vocabulary: frozenset[str], page_nos: list[int] | None = None,
                     mojibake_fixes: int = 0, legacy: DocProfile | None = None) -> DocProfile:
    page_nos = page_nos or list(range(1, len(texts) + 1))
    lex = lexicon.load()
    joined = "\n".join(texts)
    lang = detect_language(joined)
    vocab = frozenset(w.lower() for w in vocabulary)
    prof = DocProfile(Scorer(lex, lang, vocab), language=lang)
    scorer = prof.scorer
    known = lambda w: scorer.score(w)[1]  # noqa: E731
    # encoding damage
    prof.mojibake_lines = mojibake_fixes
    if legacy is not None:  # second look, after the code-page repair
        pair, hits, total = legacy.legacy_codepage, legacy.legacy_hits, legacy.legacy_total
    else:
        pair, hits, total = _mojibake.legacy_evidence(joined, known)
    if pair and hits >= 2 and hits * 2 >= total:
        prof.legacy_codepage, prof.legacy_hits, prof.legacy_total = pair, hits, total
        prof.kinds.append("legacy_codepage")
    # per page OCR evidence
    per_page = []
    for t in texts:
        toks = _WORD_LOWER.findall(t)
        aeo_rate = sum(1 for w in toks if not _AEO_CHARS.isdisjoint(w)) / max(1, len(toks))
        per_page.append(_page_telltales(t, scorer, full=aeo_rate < 0.03 or len(toks) < 40))
    prof.words = sum(p[0] for p in per_page)
    prof.aeo = sum(p[1] for p in per_page)
    prof.tell = sum(p[2] for p in per_page)
    prof.english = sum(p[3] for p in per_page)
    # glyph loss: only worth the search when many words are unknown or spaces are doubled
    unknown = sum(p[4] for p in per_page)
    doubled = joined.count("  ")
    if prof.words and (unknown > 0.03 * prof.words or doubled >= 2):
        g, n = _glyph.evidence(joined, prof.words_oracle())
        # doubled spaces alone are no evidence: tables and column layouts have them
        strong = n * 60 >= prof.words or n >= 10
        # English OCR also leaves no æ/ø/å: then only strong evidence counts
        weak = n >= 4 and n * 150 >= prof.words and prof.tell == 0
        if g and n >= 3 and (strong or weak):
            prof.lost_glyph, prof.glyph_joins = g, n
            prof.kinds.append("glyph_loss")
    doc_damaged = prof.tell >= 3 and (prof.aeo * 2 <= prof.tell or prof.aeo * 40 < prof.words)
    damaged = []
    for no, (nw, aeo, tell, eng, _) in zip(page_nos, per_page):
        if not nw or eng * 5 > nw:
            continue
        if (tell >= 1 and (aeo * 40 < nw or aeo * 2 <= tell)) or (doc_damaged and aeo * 40 < nw):
            damaged.append(no)
    prof.damaged_pages = tuple(damaged)
    if damaged:
        prof.kinds.append("english_ocr")
    if prof.mojibake_lines:
        prof.kinds.insert(0, "mojibake")
    return prof
