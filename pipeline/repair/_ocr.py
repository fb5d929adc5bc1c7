"""English-OCR confusions: æ/ø/å read as a/o/g/e/ee/@/&/3/4 by tesseract ``eng``.

Written here rather than reused: no library knows these confusions or Norwegian. The
method, per word (only on pages the profile found damaged):
1. candidates from a confusion table (a→å, o/g/e/eg/@→ø, ee/ae/e→æ, |→I/l), up to three
   substitutions per word;
2. a score per form: wordfreq ``nb`` Zipf + a bonus when a word list (of the document's
   language), the archive's vocabulary or compound analysis knows it; unlisted forms get a
   penalty (wordfreq also holds OCR debris such as "ogsa");
3. replace when the best candidate beats the original by a margin: small when the
   original is no word, large when it is one ("sa"/"så", "for"/"før"); for the known
   ambiguous pairs small context rules (previous/next word) move the score;
4. lone tokens ("a", "&", "3", "4", "|") and bullets read as "o"/"e" by context rules.
Confidence is a logistic function of (score gain - margin): 0.5 at the margin.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
import math
import re
from dataclasses import dataclass

from pipeline.lexicon import Lexicon
from pipeline.repair._context import Ctx, adjust
from pipeline.repair._edits import Edit
from pipeline.repair._tokens import match_case, words

# OCR reading -> the Norwegian letter(s) it stands for, with a cost (rarer confusions cost
# more; the cost only breaks near-ties between candidates)
SUBS: dict[str, tuple[tuple[str, float], ...]] = {
    "a": (("å", 0.1), ("ø", 0.6)), "o": (("ø", 0.1),), "g": (("ø", 0.1),),
    "e": (("ø", 0.2), ("æ", 0.3)), "eg": (("ø", 0.2),), "@": (("ø", 0.0),),
    "ee": (("æ", 0.1),), "ae": (("æ", 0.1),), "ze": (("æ", 0.2),), "g@": (("ø", 0.0),),
    "@g": (("ø", 0.0),), "o@": (("ø", 0.0),), "@o": (("ø", 0.0),), "ay": (("øy", 0.2),), "|": (("l", 0.1), ("i", 0.1)),
}
MAX_SUBS = 3
# wordfreq has no nynorsk: common nn words it underrates (their nb look-alikes are frequent)
NN_FREQ = dict.fromkeys("vart eg ho dei eit ein ikkje kva korleis òg no berre mykje meir frå "
                        "då vore vere sjølv noko nokon fleire heile saman difor medan sidan "
                        "gjer gje åra året år kome vert".split(), 6.0)
UNKNOWN_MARGIN = 0.5
KNOWN_MARGIN = 1.25
LISTED_BONUS = 2.0
OTHER_BONUS = 1.0
JUNK_PENALTY = -2.0
PARTS_W = 0.6  # per compound part beyond two
WORDFREQ_ONLY = 0.5  # penalty for a form only wordfreq knows (names: "brøndbo")
MIN_WORDFREQ = 2.0  # ... and how common it must be there

_SCORES: dict[tuple[str | None, str], tuple[float, bool]] = {}  # process-wide, by language
_MAX_CACHE = 400_000


@dataclass
class Scorer:
    lex: Lexicon
    lang: str | None
    vocab: frozenset[str]

    def score(self, w: str) -> tuple[float, bool]:
        """(score, known) for a lowercase form."""
        if w in self.vocab:
            lang = self.lang or "nb"
            f = NN_FREQ.get(w, self.lex.freq(w)) if lang == "nn" else self.lex.freq(w)
            return (f + LISTED_BONUS, True)
        key = (self.lang, w)
        hit = _SCORES.get(key)
        if hit is None:
            if len(_SCORES) > _MAX_CACHE:
                _SCORES.clear()
            hit = _SCORES[key] = self._score(w)
        return hit

    def _score(self, w: str) -> tuple[float, bool]:
        """The score from the word lists and wordfreq alone (the same for every document)."""
        lang = self.lang or "nb"
        if self.lex.listed(w, lang):
            f = NN_FREQ.get(w, self.lex.freq(w)) if lang == "nn" else self.lex.freq(w)
            return (f + LISTED_BONUS, True)
        if self.lex.listed(w):  # the other written standard: unlikely in nynorsk text
            return (self.lex.freq(w) + (OTHER_BONUS if lang == "nb" else -1.5), True)
        if self.lex.compound(w):  # parts from either list (so also from ``lang``'s)
            # between compounds, the commoner head word wins: "-møte" over "-mæte"
            tail = self.lex.tail(w, lang) or self.lex.tail(w)
            # and fewer parts beat more: "omsorg-s-området" over "omsorgs-om-radet"
            parts = self.lex.parts(w, lang) or self.lex.parts(w)
            return (self.lex.freq(w) + 0.1 * self.lex.freq(tail) - PARTS_W * (parts - 2)
                    + OTHER_BONUS, True)
        return (self.lex.freq(w) + JUNK_PENALTY, False)


def candidates(w: str, max_subs: int = MAX_SUBS) -> dict[str, float]:
    """Forms of lowercase ``w`` with 1..max_subs confusions undone -> their cost."""
    return dict(_candidates(w, max_subs))


@functools.lru_cache(maxsize=100_000)
def _candidates(w: str, max_subs: int) -> tuple[tuple[str, float], ...]:
    sites = []
    for i in range(len(w)):
        for n in (1, 2):
            for r, cost in SUBS.get(w[i:i + n], ()):
                sites.append((i, i + n, r, cost))
    if not sites or len(sites) > 24:
        return ()
    out: dict[str, float] = {}

    def rec(k: int, pos: int, built: list) -> None:
        if built:
            parts, last, cost = [], 0, 0.0
            for s, e, r, c in built:
                parts.append(w[last:s])
                parts.append(r)
                last = e
                cost += c
            parts.append(w[last:])
            form = "".join(parts)
            if cost < out.get(form, 99.0):
                out[form] = cost
        if len(built) == max_subs:
            return
        for j in range(k, len(sites)):
            if sites[j][0] >= pos:
                built.append(sites[j])
                rec(j + 1, sites[j][1], built)
                built.pop()

    rec(0, 0, [])
    if w.startswith("ig") and len(w) > 3:  # "lø" read as "Ig": "Igse" = "løse"
        for form, cost in list(out.items()) + [(w, 0.0)]:
            if form.startswith("ig"):
                out.setdefault("lø" + form[2:], cost + 0.3)
    out.pop(w, None)
    return tuple(sorted(out.items()))


def _conf(m: float) -> float:
    return round(1.0 / (1.0 + math.exp(-1.5 * m)), 3)


def _kind(orig: str, new: str) -> str:
    o, n = orig.lower(), new.lower()
    if "å" in n and "å" not in o:
        return "ocr_aa"
    if "ø" in n and "ø" not in o:
        return "ocr_oe"
    if "æ" in n and "æ" not in o:
        return "ocr_ae"
    return "ocr_other"


_LONE_AA = re.compile(r"(?<!\S)[&34a](?!\S)")
_LONE = re.compile(r"(?<!\S)(4a|a4|[a&34A|])(?!\S)")
_AA_PREFIX = re.compile(r"(?<!\S)(?:4a|a4)([^\W\d_]{2,})(?!\w)")  # "4aret": "året"
_BULLET = re.compile(r"(?m)^([ \t]*)([oe])[ \t]+(?=[A-ZÆØÅ])")
_INF_END = ("e", "a")


def repair_words(text: str, scorer: Scorer) -> list[Edit]:
    """Edits for one damaged page."""
    toks = words(text)
    edits: list[Edit] = []
    done_lower: list[str] = []  # corrected lowercase tokens so far (context)
    n = len(toks)
    for idx, (s, e, tok) in enumerate(toks):
        low = tok.lower()

        def ctx(idx=idx, s=s, e=e) -> Ctx:  # built only when a rule needs it
            prev = done_lower[-1] if done_lower else ""
            prev_gap = text[toks[idx - 1][1]:s] if idx else "\n"
            if _LONE_AA.search(prev_gap):  # "om & utarbeide": the lone å comes later
                prev = "å"
            n1 = toks[idx + 1] if idx + 1 < n else None
            n2 = toks[idx + 2] if idx + 2 < n else None
            return Ctx(prev, prev_gap,
                       n1[2].lower() if n1 else "", n1[2] if n1 else "",
                       text[e:n1[0]] if n1 else "",
                       n2[2].lower() if n2 else "", text[n1[1]:n2[0]] if n2 else "")

        new = _best(tok, low, scorer, ctx)
        if new is None:
            done_lower.append("å" if low == "a" else low)
            continue
        form, conf = new
        done_lower.append(form.lower() if conf >= 0.5 else low)
        edits.append(Edit(s, e, form, _kind(tok, form), conf))
    edits.sort(key=lambda x: x.start)
    # drop overlaps (a lone "|" is both a word and a lone token)
    out: list[Edit] = []
    for ed in edits:
        if out and ed.start < out[-1].end:
            continue
        out.append(ed)
    return out


_BEST: dict[tuple[str | None, str], tuple[float, bool, str | None, float]] = {}


def _best(tok: str, low: str, scorer: Scorer, ctx: Callable[[], Ctx]):
    if len(low) < 2 or not any(ch in low for ch in "aoeg@|"):
        return None
    vocab = scorer.vocab
    if vocab and (low in vocab or any(c in vocab for c, _ in _candidates(low, MAX_SUBS))):
        so, listed, best, bs = _choose(low, scorer)  # the archive's words take part
    else:  # the same for every document of this language: computed once per process
        key = (scorer.lang, low)
        hit = _BEST.get(key)
        if hit is None:
            if len(_BEST) > _MAX_CACHE:
                _BEST.clear()
            hit = _BEST[key] = _choose(low, scorer)
        so, listed, best, bs = hit
    if best is None:
        return None
    if tok[:2] == "Ig" and best.startswith("lø"):
        tok = "l" + tok[1:]  # the capital was a misread "l": keep the word's own case
    elif tok[0] == "@" and tok[1:2].islower() and ctx().sent_start:
        tok = "Ø" + tok[1:]  # "@" stands for ø and Ø alike; a sentence starts with a capital
    gain = bs - so + (adjust(low, best, ctx()) if listed else 0.0)
    margin = KNOWN_MARGIN if listed else UNKNOWN_MARGIN
    conf = _conf(gain - margin)
    if conf < 0.2:
        return None
    return match_case(tok, best), conf


def _choose(low: str, scorer: Scorer) -> tuple[float, bool, str | None, float]:
    """(score of ``low``, listed in the document's standard, best candidate, its score)."""
    so, known = scorer.score(low)
    best, bs = None, so - 3.0 if known else so  # a listed word may lose only by context
    # a listed word is only ever one confusion away from its rival (for/før, sa/så)
    cands = _candidates(low, 1 if known else MAX_SUBS)
    lex = scorer.lex
    for c, cost in cands:  # listed candidates first: a set look-up each
        if c in scorer.vocab or lex.listed(c):
            sc = scorer.score(c)[0] - cost  # fewer and likelier confusions win ties
            if sc > bs:
                best, bs = c, sc
    if best is None:  # only then compounds ("partnerskapsmøtet"), which cost more
        for c, cost in cands:
            if len(c) < 7 or cost > 0.7:  # too short for a compound, or too unlikely
                continue
            sc, ck = scorer.score(c)
            if ck and sc - cost > bs:
                best, bs = c, sc - cost
    if best is None and not known:
        # names and words the lists lack but wordfreq knows: English-OCR debris ("ogsa") is
        # in wordfreq too, but never with æ/ø/å, which every candidate has ("brøndbo")
        for c, cost in cands:
            sc = lex.freq(c) - WORDFREQ_ONLY - cost
            if lex.freq(c) >= MIN_WORDFREQ and sc > bs:
                best, bs = c, sc
    # listed in the document's own standard ("fra" is no nynorsk word, "frå" is)
    listed = known and (low in scorer.vocab or scorer.lex.listed(low, scorer.lang))
    return so, listed, best, bs


def repair_lone(text: str, scorer: Scorer) -> list[Edit]:
    """Second pass (after the words are repaired): lone å/I and bullets."""
    out = _lone(text, scorer)
    out.extend(Edit(m.start(2), m.end(2), "•", "bullet", 0.8) for m in _BULLET.finditer(text))
    for m in _AA_PREFIX.finditer(text):  # "4aret": a word that starts with å read twice
        rest = m.group(1)
        form = "å" + rest.lower()
        if scorer.lex.listed(form, scorer.lang) or form in scorer.vocab:
            out.append(Edit(m.start(), m.end(), form.upper() if rest.isupper() else form,
                            "ocr_aa", 0.8))
    out.sort(key=lambda x: x.start)
    return out


def _lone(text: str, scorer: Scorer) -> list[Edit]:
    out = []
    for m in _LONE.finditer(text):
        s, e, ch = m.start(1), m.end(1), m.group(1)
        # neighbouring words (not across digits)
        before = text[max(0, s - 80):s].rstrip(" \t")
        after_m = re.match(r"\s+[«\"(]?([^\W\d_]+)", text[e:e + 80])
        nxt = after_m.group(1) if after_m else ""
        prev_m = re.search(r"([^\W\d_]+)[,;]?[^\S\n]*$", before)
        prev = prev_m.group(1) if prev_m else ""
        prev_end = before[-1:] if before else "\n"
        if ch == "|":
            follows = re.match(r"[ \t]+[^\W_]", text[e:e + 4])
            if follows and (prev_end in ".!?:\n" or not before):
                out.append(Edit(s, e, "I", "ocr_I", 0.9))
            elif len(prev) > 1 and prev.isupper() and len(nxt) > 1 and nxt.isupper():
                out.append(Edit(s, e, "I", "ocr_I", 0.85))  # a heading: "SØKNAD | STRANDSONEN"
            continue
        if not nxt or not nxt[0].islower():
            continue
        nxt_known = scorer.score(nxt.lower())[1]
        if ch in ("a", "4a", "a4"):  # a lone "a" is no Norwegian word; "4a": å read twice
            if nxt_known:
                out.append(Edit(s, e, "å", "lone_aa", 0.95))
        elif ch == "A":
            if nxt_known and (prev_end in ".!?:\n" or not before):
                out.append(Edit(s, e, "Å", "lone_aa", 0.8))
        elif ch == "&":
            if prev and nxt_known:
                out.append(Edit(s, e, "å", "lone_aa", 0.9))
        else:  # "3", "4": only before an infinitive ("3 sette", "for 4 berge")
            nl = nxt.lower()
            # an infinitive: ends in a vowel and "+r" is its present tense (se/ser, bli/blir)
            verbish = nl[-1:] in "aeiouyæøå" and scorer.lex.listed(nl + "r")
            if prev and not prev_end.isdigit() and nxt_known and verbish and prev.lower() not in (
                    "kl", "nr", "side", "punkt", "kapittel", "nummer", "sak"):
                out.append(Edit(s, e, "å", "lone_aa", 0.75))
    return out
