"""Glyph loss: a font lost one glyph, so that letter became a space everywhere.

"I  STILLI G" is "INNSTILLING" with "N" gone. Evidence: a letter that never occurs in the
document although it should (by its frequency in Norwegian), and pairs of neighbouring
fragments that become words when joined with it. Repair per line: a small dynamic
programme decides for each space whether it is a real space or the lost letter. Words
that are fine are never glued together; a glued result must be a word; listed, frequent
and long words score best, so "planen i" beats "plane ni" and "INNSTILLING" beats
"IN STILLING".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.repair._edits import Edit

LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
_CORE = re.compile(r"^[^\w]*(.*?)[^\w]*$", re.S)
MAX_JOIN = 6
# letter frequencies in Norwegian running text (share of letters), for the absence test
FREQ = dict(zip("etnrsilakodgmvfupbhjøyåæcwzxq",
                (.15, .087, .075, .075, .063, .057, .053, .06, .032, .045, .043, .04, .035,
                 .024, .017, .018, .016, .015, .017, .015, .009, .007, .008, .006, .001,
                 .0005, .0005, .0005, .0002)))
SHORT_WORDS = frozenset("i å og en et ei er på de du vi om så nå da ja ha se gå få bo by ut at av "
                        "ny to ti me eg ho no òg ta la dø sa ga må år øy ål in is".split())
GLUE_FAIL = -10.0  # a glued result that is no word: never
_CLOSING = re.compile(r"[.,;:!?)»]+")  # closing punctuation


@dataclass(frozen=True)
class Words:
    """What the glyph repair needs to know about words (lower-case forms)."""

    known: Callable[[str], bool]  # listed, compound or vocabulary
    listed: Callable[[str], bool] = lambda w: True  # in a word list
    freq: Callable[[str], float] = lambda w: 0.0  # Zipf


def _core(w: str) -> str:
    return _CORE.match(w).group(1)


def _solid(core: str, words: Words) -> bool:
    """A fragment that is a word in its own right (short ones only if real: "i", "er")."""
    c = core.lower()
    return bool(c) and (c in SHORT_WORDS if len(c) <= 2 else words.known(c))


def _cased(w: str, g: str) -> bool:
    """A lost capital sits in an all-capital word (or starts one); a small letter after it."""
    if w.isalpha():  # letters only: the same test with string methods
        tail_lower = len(w) == 1 or w[1:].islower()
        if g.isupper():
            return w.isupper() or (w[0] == g and tail_lower)
        rest = w.replace(g, "")
        return tail_lower or not rest or rest.isupper()
    letters = [c for c in w if c.isalpha()]
    if g.isupper():
        return all(c.isupper() for c in letters) or (
            w[:1] == g and all(c.islower() for c in letters[1:]))
    return all(c.islower() for c in letters[1:]) or all(c.isupper() or c == g for c in letters)


def fa_before(frags: list[str], i: int) -> bool:
    """Is there text before fragment ``i`` on its line that does not end a sentence?"""
    for f in reversed(frags[:i]):
        if f:
            return f[-1] not in ".!?:"
    return False


def evidence(text: str, words: Words) -> tuple[str | None, int]:
    """(lost glyph, number of neighbour pairs that become words when joined with it)."""
    present = set(text)
    lower = sum(map(str.islower, text))  # small letters (a character is lower only if cased)
    doubled = text.count("  ")
    # a lost small letter must be absent and common enough that its absence means
    # something; capitals are too rare for that, so for them the joins below must speak
    cands = [g for g in LETTERS if g not in present and (
        (g.islower() and FREQ.get(g, 0.0) * lower >= 6) or (g.isupper() and doubled >= 2))]
    if not cands:
        return None, 0
    pairs = []  # neighbouring fragments of which one is empty or not a word
    solid: dict[str, bool] = {}
    for line in text.split("\n"):
        frags = line.split(" ")
        flags = []
        for f in frags:
            ok = solid.get(f)
            if ok is None:
                ok = solid[f] = _solid(_core(f), words)
            flags.append(ok)
        for i in range(len(frags) - 1):
            if not (flags[i] and flags[i + 1]):
                # does a sentence start here? (a capital opens a word mid-sentence only in names)
                opens = not fa_before(frags, i)
                pairs.append((frags[i], frags[i + 1], opens))
    # (fa + g + fb).strip(...) is fa.lstrip(...) + g + fb.rstrip(...): g is a letter, so the
    # ends of each pair are cut once, not once per candidate letter
    strip = ".,;:!?()«»\"'"
    cut = []
    for fa, fb, opens in pairs:
        a, b = fa.lstrip(strip), fb.rstrip(strip)
        cut.append((fa, fb, opens, a, b, a.lower(), b.lower()))
    # a lost capital can only make an all-capital word or start one: other pairs need no look
    cut_upper = [c for c in cut if not c[3] or not any(ch.islower() for ch in c[0] + c[1])]
    best, best_n = None, 0
    for g in cands:
        n = 0
        gl = g.lower()
        for fa, fb, opens, a, b, al, bl in (cut_upper if g.isupper() else cut):
            low = al + gl + bl
            # a join counts when it makes a real word out of real letters: the lost letter
            # between two column gaps ("2      Møtedato") makes only "Å" or "I", no evidence
            if not words.known(low):
                continue
            joined = a + g + b
            if (g.isupper() and not fa and not opens and not joined.isupper()
                    and _solid(_core(fb), words)):
                continue  # "to klager på  vedtaket": no "Uvedtaket" mid-sentence
            rest = len(joined) - joined.count(g)
            if _cased(joined, g) and (
                    rest >= 3
                    # short words count when common: "p" + "å", "m" + "å" (not "Å" alone)
                    or (rest >= 1 and g.islower() and words.listed(low) and words.freq(low) >= 5.0)):
                n += 1
        if n > best_n:
            best, best_n = g, n
    return best, best_n


def repair(text: str, g: str, words: Words) -> list[Edit]:
    """Edits for one page."""
    out: list[Edit] = []
    pos = 0
    memo: dict[tuple[str, bool], float] = {}  # word scores: fragments recur on a page
    for line in text.split("\n"):
        out.extend(_line(line.rstrip("\r"), pos, g, words, memo))
        pos += len(line) + 1
    return out


def _word_score(w: str, words: Words, g: str = "", glued: bool = False) -> float:
    if not w:  # a double space: in a document that lost a glyph, likely the glyph
        return -1.5
    c = _core(w)
    if not c or not c.isalpha():
        if glued:
            return GLUE_FAIL  # never glue digits or punctuation
        # closing punctuation after a space ("skibakke ."): like a double space, the glyph
        return -1.5 if _CLOSING.fullmatch(w) else 0.0
    if g and g in c and not _cased(c, g):
        return GLUE_FAIL
    if glued and g.isupper() and len(c.replace(g, "")) < 2:
        return GLUE_FAIL  # a lone capital in a gap: a column gap, not a word
    low = c.lower()
    if not words.known(low):
        return GLUE_FAIL if glued else -1.5
    f = words.freq(low)
    if not f and not words.listed(low):
        return 0.1 * len(c) - 1.5  # a compound nobody lists: weak ("tonnabokommunar")
    # known letters count, each word costs: prefers "INNSTILLING" to "IN STILLING"
    return 0.3 * len(c) - 1.5 + 0.25 * f


def _line(line: str, base: int, g: str, words: Words,
          memo: dict[tuple[str, bool], float] | None = None) -> list[Edit]:
    frags = line.split(" ")
    n = len(frags)
    if n == 1:
        return []
    memo = {} if memo is None else memo

    def score(w: str, glued: bool) -> float:
        hit = memo.get((w, glued))
        if hit is None:
            hit = memo[(w, glued)] = _word_score(w, words, g, glued)
        return hit

    # digits and punctuation are solid (never glued), but not closing punctuation after a
    # space: "regnskape , som" lost its "t" there
    solid = [_solid(_core(f), words) if _core(f).isalpha() else bool(f) and not _CLOSING.fullmatch(f)
             for f in frags]
    if all(solid):
        return []  # nothing to glue: every fragment is fine as it is
    # broken[i]: the first fragment at or after i that is not fine (n: none)
    broken = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        broken[k] = k if not solid[k] else broken[k + 1]
    # best[j]: best score for fragments[:j] ending at a real space (or line start)
    best = [float("-inf")] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for j in range(1, n + 1):
        for i in range(max(0, j - MAX_JOIN), j):
            glued = j - i > 1
            if glued and broken[i] >= j:
                continue  # never glue words that are fine as they are
            sc = best[i] + score(g.join(frags[i:j]), glued) - 0.1 * (j - i - 1)
            if sc > best[j]:
                best[j], back[j] = sc, i
    # (g occurs in no fragment: the text lost it, so scoring with it changes nothing here)
    base_score = sum(score(f, False) for f in frags)
    if best[n] <= base_score + 0.5:
        return []
    starts = [0]
    for f in frags[:-1]:
        starts.append(starts[-1] + len(f) + 1)
    out = []
    j = n
    while j > 0:
        i = back[j]
        if j - i > 1:
            s, e = starts[i], starts[j - 1] + len(frags[j - 1])
            out.append(Edit(base + s, base + e, g.join(frags[i:j]), "glyph_loss", 0.9))
        j = i
    out.reverse()
    return out
