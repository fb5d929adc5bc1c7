"""Words and the spans repair must never touch (URLs, e-mail, numbers, codes)."""

from __future__ import annotations

import re

# A word: letters, plus the two characters English OCR puts where ø and I belong.
WORD = re.compile(r"(?:[^\W\d_]|[@|])+")
_PROTECT = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"  # e-mail
    r"|\d+\s?&\s?\d+"  # archive codes: "033 &14" (KS key), "033&14"
    r"|&\d+"
    r"|\b\w*\d\w*(?:[/.:-]\w*\d\w*)+"  # case numbers, dates, refs: 26/2024, 03-2023, 17.10.2024
    r"|\\\S+|\S+\\\S*"  # paths
)
AEOEAA = re.compile(r"[æøåÆØÅ]")
WORD_AEOEAA = re.compile(r"[^\W\d_]*[æøåÆØÅ][^\W\d_]*")


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECT.finditer(text)]


def words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens outside protected spans and not glued to digits."""
    spans = protected_spans(text)
    out = []
    k = 0
    n = len(text)
    for m in WORD.finditer(text):
        s, e = m.span()
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] < e:
            continue
        if (s > 0 and text[s - 1].isdigit()) or (e < n and text[e].isdigit()):
            continue
        out.append((s, e, m.group()))
    return out


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
