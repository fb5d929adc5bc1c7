"""Norwegian lexicons, loaded once per process.

Sources (all installable offline, no downloads at run time):
- Debian ``wnorwegian``: full-form word lists ``/usr/share/dict/bokmaal`` and
  ``/usr/share/dict/nynorsk`` (generated from the same data as hunspell ``nb_NO``/``nn_NO``);
  The files are ISO-8859-1 (reading them as UTF-8 turned every æ/ø/å into U+FFFD);
- wordfreq ``nb`` frequencies (bokmål only; wordfreq has no nynorsk list).

``known`` is the permissive test the assess stage uses (any list, or any wordfreq entry;
wordfreq ``nb`` also holds English-OCR debris such as "ogsa", so it is not proof of a
word). The repair stage uses the stricter ``listed`` (in a word list), ``freq`` (a fast
Zipf lookup from wordfreq's table) and ``compound`` (a word the lists do not hold but
that splits into listed parts, e.g. "partnerskapsmøtet" = "partnerskap" + s + "møtet").
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

DICT_DIR = Path("/usr/share/dict")
_WORDLISTS = {"nb": "bokmaal", "nn": "nynorsk"}
MIN_PART = 3  # shortest compound head (letters)
MIN_TAIL = 4  # shortest compound tail: "ste", "ene" would make almost anything a compound
_LINKS = "se"  # linking morphemes (one letter): partnerskap+s+møtet, barn+e+hage


def _read_wordlist(name: str) -> frozenset[str]:
    path = DICT_DIR / name
    if not path.exists():
        return frozenset()
    data = path.read_bytes()
    try:  # Debian ships these lists in ISO-8859-1; accept UTF-8 too
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return frozenset(w for w in (line.strip().lower() for line in text.splitlines()) if w)


@dataclass(frozen=True)
class Lexicon:
    nb: frozenset[str]
    nn: frozenset[str]

    def known(self, word: str) -> bool:
        w = word.lower()
        return w in self.nb or w in self.nn or zipf(w) > 0

    def listed(self, word: str, lang: str | None = None) -> bool:
        """In a word list: ``lang`` "nb"/"nn" for one list, ``None`` for either."""
        w = word.lower()
        if lang == "nb":
            return w in self.nb
        if lang == "nn":
            return w in self.nn
        return w in self.nb or w in self.nn

    def freq(self, word: str) -> float:
        """Zipf frequency in wordfreq ``nb`` (0 when unknown); a plain table lookup."""
        f = _freq_table().get(word.lower())
        return round(math.log10(f) + 9, 2) if f else 0.0

    def compound(self, word: str, lang: str | None = None) -> bool:
        """Listed, or a compound of listed parts (the last part carries the inflection)."""
        return _compound(self, word.lower(), lang, 2)

    def tail(self, word: str, lang: str | None = None) -> str:
        """The longest listed final part of ``word`` (its head word), or ""."""
        w = word.lower()
        for i in range(MIN_PART, len(w) - MIN_TAIL + 1):
            if self.listed(w[i:], lang):
                return w[i:]
        return ""


    def parts(self, word: str, lang: str | None = None) -> int:
        """The fewest listed parts ``word`` splits into (1: listed; 0: no compound)."""
        w = word.lower()
        for depth in (0, 1, 2):
            if _compound(self, w, lang, depth):
                return depth + 1
        return 0


_COMPOUND_CACHE: dict[tuple[int, str, str | None, int], bool] = {}


def _compound(lex: Lexicon, w: str, lang: str | None, depth: int) -> bool:
    return _compound_cached(lex, w, lang, depth)


def _compound_cached(lex: Lexicon, w: str, lang: str | None, depth: int) -> bool:
    key = (id(lex), w, lang, depth)  # one Lexicon per process: id() is a cheap, safe key
    hit = _COMPOUND_CACHE.get(key)
    if hit is None:
        if len(_COMPOUND_CACHE) > 500_000:
            _COMPOUND_CACHE.clear()
        hit = _COMPOUND_CACHE[key] = _compound_uncached(lex, w, lang, depth)
    return hit


def _compound_uncached(lex: Lexicon, w: str, lang: str | None, depth: int) -> bool:
    if lang == "nb":
        a = b = lex.nb
    elif lang == "nn":
        a = b = lex.nn
    else:
        a, b = lex.nb, lex.nn
    if w in a or w in b:
        return True
    if depth == 0 or len(w) < MIN_PART + MIN_TAIL or not w.isalpha():
        return False
    ends = range(MIN_PART, len(w) - MIN_TAIL + 1)
    for i in ends:  # the last part of any compound is a listed word ending ``w``
        t = w[i:]
        if t in a or t in b:
            break
    else:
        return False
    for i in ends:
        # the head first (a set look-up or two), the tail (possibly recursive) after;
        # linking morphemes: partnerskap+s+møtet, barn+e+hage
        head = w[:i]
        if not (head in a or head in b):
            if i <= MIN_PART or head[-1] not in _LINKS:
                continue
            stem = head[:-1]
            if not (stem in a or stem in b):
                continue
        tail = w[i:]
        if _compound_cached(lex, tail, lang, 0) or (
                depth > 1 and _compound_cached(lex, tail, lang, depth - 1)):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _freq_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("nb")


@functools.lru_cache(maxsize=None)
def zipf(word: str) -> float:
    """wordfreq Zipf frequency of ``word`` in Norwegian Bokmål (0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nb")


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """The process-wide lexicon (loaded on first use, then cached)."""
    return Lexicon(nb=_read_wordlist(_WORDLISTS["nb"]), nn=_read_wordlist(_WORDLISTS["nn"]))
