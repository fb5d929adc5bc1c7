"""Mojibake: text decoded with the wrong code page.

- UTF-8 read as cp1252 / latin-1 / Mac Roman, also doubly encoded ("mÃ¸te", "mÃƒÂ¸te",
  "m√∏te"): reused from ftfy (``fix_encoding_and_explain``), which is well tested and
  conservative on text that is not mojibake. It runs per line, only on lines holding a
  character mojibake produces; the line diff becomes word-level edits.
- Legacy single-byte mix-ups ftfy does not cover (it only undoes UTF-8): DOS cp865 read as
  cp1252 ("m›te", "†r", "v‘re"), Mac Roman read as cp1252 ("m¿te"), latin-1 read as cp865
  ("m°te"). For each (written, read) pair we know where æøåÆØÅ land; the pair whose
  markers turn the most words into listed words wins, and only words that the mapping turns
  into known words are changed (or, when the evidence is overwhelming, every word with a
  marker between letters).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from pipeline.repair._edits import Edit

_SUSPECT = re.compile("[\u0080-\u009f\u00c2\u00c3\u00e2\u00c5\u0192\u2020-\u203a\u221a\u02dc"
                      "\u00a4\u00a6\u00b8\u00a5\u00b6\u2122\u0153\u017e\u00ef\u00bf\u00bd]")
_NOR = "æøåÆØÅéèòóôäöüÉÄÖÜ"
_QUOTES = "‘’‚„“”«»'\""  # edge markers that may be real punctuation


def _sloppy(b: bytes, enc: str) -> str:
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode(enc))
        except UnicodeDecodeError:
            out.append(chr(x))
    return "".join(out)


def _maps() -> dict[str, dict[str, str]]:
    pairs = [("cp865", "cp1252"), ("mac_roman", "cp1252"), ("latin-1", "cp865"),
             ("cp1252", "mac_roman"), ("cp865", "latin-1")]
    out = {}
    for true, read in pairs:
        m = {}
        for c in _NOR:
            try:
                wrong = _sloppy(c.encode(true), read)
            except UnicodeEncodeError:
                continue
            if wrong != c and not wrong.isascii():
                m[wrong] = c
        out[f"{true}>{read}"] = m
    return out


MAPS = _maps()


def _utf8_table() -> dict[str, str]:
    """UTF-8 bytes of Norwegian letters read as cp1252/latin-1, once and twice."""
    out = {}
    for c in _NOR:
        for read in ("cp1252", "latin-1"):
            once = _sloppy(c.encode("utf-8"), read)
            out[once] = c
            out[_sloppy(once.encode("utf-8"), read)] = c
    return out


_UTF8_TABLE = _utf8_table()
_UTF8_RE = re.compile("|".join(re.escape(k) for k in sorted(_UTF8_TABLE, key=len, reverse=True)))


def fix_utf8(text: str) -> list[Edit]:
    """ftfy's UTF-8 mojibake repair, as word-level edits."""
    if not _SUSPECT.search(text):
        return []
    import ftfy

    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):  # not splitlines(): U+0085 is mojibake here, not a break
        line += "\n"
        if _SUSPECT.search(line):
            fixed = line
            for _ in range(3):  # doubly (or triply) encoded text needs more than one round
                again = ftfy.fix_encoding(fixed)
                if again == fixed:
                    break
                fixed = again
            # what ftfy finds too short to be sure of ("VÃ¥r"): sequences that are never
            # Norwegian, only the UTF-8 bytes of æøå (and é, ä, ...) read as cp1252/latin-1
            fixed = _UTF8_RE.sub(lambda m: _UTF8_TABLE[m.group()], fixed)
            if fixed != line and fixed.endswith("\n"):
                edits.extend(_diff_edits(line[:-1], fixed[:-1], pos))
        pos += len(line)
    return edits


_RUN = re.compile(r"[^ \t]+|[ \t]+")  # not \s: U+0085 and U+00A0 are mojibake debris here


def _diff_edits(a: str, b: str, base: int) -> list[Edit]:
    """Diff of a line and its fix by whitespace-separated runs (readable whole-word edits;
    a diff by characters is quadratic on the long lines of flowed text)."""
    ta = [m.span() for m in _RUN.finditer(a)]
    tb = [m.span() for m in _RUN.finditer(b)]
    ra, rb = [a[x:y] for x, y in ta], [b[x:y] for x, y in tb]
    if len(ra) == len(rb):  # the usual case: the fix changed runs, not their number
        ops = [("replace", i, i + 1, i, i + 1) for i in range(len(ra)) if ra[i] != rb[i]]
    else:
        ops = difflib.SequenceMatcher(None, ra, rb, autojunk=False).get_opcodes()
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        if i1 == i2 or j1 == j2:  # a pure insertion or deletion: take a neighbour along
            if i1 > 0 and j1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            elif i2 < len(ta) and j2 < len(tb):
                i2, j2 = i2 + 1, j2 + 1
        s = ta[i1][0] if i1 < len(ta) else len(a)
        e = ta[i2 - 1][1] if i2 > i1 else s
        bs = tb[j1][0] if j1 < len(tb) else len(b)
        be = tb[j2 - 1][1] if j2 > j1 else bs
        # leave shared punctuation at the edges out of the edit: "mÃ¸tet." -> "møtet"
        while e > s and be > bs and a[e - 1] == b[be - 1] and not a[e - 1].isalnum():
            e, be = e - 1, be - 1
        while e > s and be > bs and a[s] == b[bs] and not a[s].isalnum():
            s, bs = s + 1, bs + 1
        if a[s:e] != b[bs:be]:
            out.append(Edit(base + s, base + e, b[bs:be], "mojibake", 0.99))
    return out


def legacy_evidence(text: str, known: Callable[[str], bool]) -> tuple[str | None, int, int]:
    """(best code-page pair, words it fixes into known words, words with its markers)."""
    best, best_hits, best_total = None, 0, 0
    for name, m in MAPS.items():
        if not any(ch in text for ch in m):
            continue
        hits = total = 0
        for tok in _tokens(text, m):
            total += 1
            if known(_apply(tok, m).lower()):
                hits += 1
        if hits > best_hits:
            best, best_hits, best_total = name, hits, total
    return best, best_hits, best_total


def _tokens(text: str, m: dict[str, str]):
    pat = _token_re(tuple(sorted(m)))
    for mt in pat.finditer(text):
        tok = mt.group()
        if any(ch in m for ch in tok) and any(ch.isalpha() and ch not in m for ch in tok):
            yield tok


_RE_CACHE: dict[tuple[str, ...], re.Pattern] = {}


def _token_re(markers: tuple[str, ...]) -> re.Pattern:
    pat = _RE_CACHE.get(markers)
    if pat is None:
        cls = "".join(re.escape(c) for c in markers)
        pat = re.compile(rf"(?:[^\W\d_]|[{cls}])+")
        _RE_CACHE[markers] = pat
    return pat


def _apply(tok: str, m: dict[str, str]) -> str:
    return "".join(m.get(ch, ch) for ch in tok)


def fix_legacy(text: str, pair: str, known: Callable[[str], bool], strong: bool) -> list[Edit]:
    m = MAPS[pair]
    pat = _token_re(tuple(sorted(m)))
    out = []
    lone = {k: v for k, v in m.items() if v in "åÅ"}
    for mt in pat.finditer(text):
        tok = mt.group()
        s, e = mt.span()
        if tok in lone and (s == 0 or text[s - 1].isspace()) and (
                e == len(text) or not text[e].isalnum()):
            out.append(Edit(s, e, lone[tok], "legacy_codepage", 0.9))  # "å" as a word
            continue
        if not any(ch in m for ch in tok) or not any(ch.isalpha() and ch not in m for ch in tok):
            continue
        # markers at the edges may be real punctuation (‘quoted’): keep them unless needed
        core = tok
        for cand in (tok, tok.strip("".join(m))):
            new = _apply(cand, m)
            if cand and known(new.lower()):
                off = tok.find(cand)
                out.append(Edit(s + off, s + off + len(cand), new, "legacy_codepage", 0.95))
                break
        else:
            inner = core.strip("".join(ch for ch in m if ch in _QUOTES))
            if strong and inner and any(ch in m for ch in inner):
                off = tok.find(inner)
                out.append(Edit(s + off, s + off + len(inner), _apply(inner, m),
                                "legacy_codepage", 0.7))
    return out
