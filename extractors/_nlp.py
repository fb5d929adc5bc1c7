"""The spaCy pipeline, built once per process (lazy module cache).

``spacy.blank("nb")`` has no trained components (no Norwegian model can be installed), so
sentence boundaries come from a rule component tuned to case papers: Norwegian ordinals
("5. februar") and abbreviations ("jf.", "bl.a.") do not end a sentence, blank lines and
heading lines do.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(
    "jf. jfr. bl.a. m.fl. m.m. pr. kr. adm. nr. ca. f.eks. evt. mht. v/ dvs. o.l. ref. tlf. "
    "kl. mill. mrd. st. pkt. s. nb. ev. t.o.m. f.o.m. osv. etc. e.l. vs. dir.".split()
)
_MONTH_START = re.compile(
    r"(jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)", re.IGNORECASE
)
_ORDINAL = re.compile(r"^\d{1,2}[.)]$")
_SECTION_NO = re.compile(r"(?:§§?|\bpkt\.?|\bpunkt|\bkapittel|\bkap\.?|\bledd)\s*$", re.IGNORECASE)
_CLOSERS = frozenset({"»", "”", '"', "'", ")"})


@Language.component("saksarkiv_sentences")
def _sentences(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    text = doc.text
    flags = numpy.full((len(doc), 1), -1, dtype="int64")  # -1: not a sentence start
    prev = None  # last non-space token
    newlines = 0  # newlines between prev and the current token
    for i, tok in enumerate(doc):
        if tok.is_space:
            newlines += tok.text.count("\n")
            continue
        if prev is None or _starts_sentence(text, prev, tok, newlines):
            flags[i, 0] = 1
        newlines = tok.whitespace_.count("\n")
        prev = tok
    flags[0, 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))  # one call; per token is quadratic
    return doc


def _starts_sentence(text: str, prev, tok, newlines: int) -> bool:
    p = prev.text
    upper = tok.text[:1].isupper()
    if newlines >= 2:
        return True
    ends_sentence = p in {".", "!", "?"} or (
        p.endswith(".") and len(p) > 1 and p.lower() not in _ABBREVIATIONS
        and not _ORDINAL.match(p)
    ) or (p in _CLOSERS and text[max(0, prev.idx - 1) : prev.idx] in {".", "!", "?"})  # «... 2024.» Neste
    if ends_sentence and upper and not _MONTH_START.match(tok.text):
        return True
    if _ORDINAL.match(p) and p.endswith(".") and upper and not _MONTH_START.match(tok.text) and _SECTION_NO.search(
            text, max(0, prev.idx - 12), prev.idx):
        return True  # "jf. reglementet § 14. Ordføraren svarte": a paragraph number ends the sentence
    if newlines and _ORDINAL.match(tok.text) and p[-1:] in {".", ":", ";", "!", "?"}:
        return True  # a numbered list item on a new line
    if newlines and upper and (p[-1:] in {".", ":", ";", "!", "?"} or len(_line_at(text, prev.idx)) < 60):
        return True
    return False


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)].strip()


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The process-wide pipeline: blank Norwegian Bokmål + the rule sentencizer."""
    import spacy

    model = spacy.blank("nb")
    model.max_length = 50_000_000  # tokenizer + rules only: no parser memory to guard
    model.add_pipe("saksarkiv_sentences")
    return model


class Sentences:
    """Character spans of the sentences of a text, with lookup by offset."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str) -> None:
        doc = nlp()(text)
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0, self.ends[0] if self.ends else pos
        return self.starts[i], self.ends[i]
