"""Words and the spans repair must never touch (URLs, e-mail, numbers, codes)."""

from __future__ import annotations

import bisect
import functools
import re

# A word: letters, plus the two characters English OCR puts where ø and I belong.
WORD = re.compile(r"(?:[^\W\d_]|[@|])+")
# (alternative, what it cannot match without): the scan compiles only the alternatives
# whose marker occurs in the text -- the same matches, several times faster
_PROTECT_PARTS = (
    (r"(?:https?://|ftp://|www\.)\S+", "url"),  # URLs: "://" or "www."
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", "@"),  # e-mail
    (r"\d+\s?&\s?\d+", "&"),  # archive codes: "033 &14" (KS key), "033&14"
    (r"&\d+", "&"),
    (r"\b[^\W\d]*+\d\w*+(?:[/.:-][^\W\d]*+\d\w*+)+", ""),  # case numbers, dates: 26/2024
    (r"\\\S+|\S+\\\S*", "\\"),  # paths
)
_PROTECT = re.compile("|".join(p for p, _ in _PROTECT_PARTS))  # all of them (reference)


@functools.lru_cache(maxsize=64)
def _protect(present: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(p for p, ch in _PROTECT_PARTS if not ch or ch in present))


AEOEAA = re.compile(r"[æøåÆØÅ]")
WORD_AEOEAA = re.compile(r"[^\W\d_]*[æøåÆØÅ][^\W\d_]*")


def protected_spans(text: str) -> list[tuple[int, int]]:
    present = frozenset(ch for ch in "@&\\" if ch in text) | (
        {"url"} if "://" in text or "www." in text else frozenset())
    return [m.span() for m in _protect(present).finditer(text)]


# the same tokens, but only whole runs that touch no digit on either side (possessive: a
# run followed by a digit is not shortened to fit)
_WORD_FREE = re.compile(r"(?<![^\W_]|[@|])(?:[^\W\d_]|[@|])++(?!\d)")


def words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens outside protected spans and not glued to digits."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD_FREE.finditer(text)]
    spans = protected_spans(text)
    if not spans or not toks:
        return toks
    starts = [t[0] for t in toks]
    drop = set()
    for ps, pe in spans:  # tokens overlapping a protected span
        i = bisect.bisect_left(starts, ps)
        if i and toks[i - 1][1] > ps:
            i -= 1
        while i < len(toks) and toks[i][0] < pe:
            drop.add(i)
            i += 1
    return [t for i, t in enumerate(toks) if i not in drop] if drop else toks


def match_case(model: str, word: str) -> str:
    """``word`` with the letter case of ``model`` ("PA" -> "PÅ", "Pa" -> "På")."""
    if not model or not word:
        return word
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and (len(letters) > 1 or len(word) == 1):
        return word.upper()
    if model[0].isupper() or model[0] == "|" or (model[0] == "@" and model[1:2].isupper()):
        return word[:1].upper() + word[1:]
    return word
