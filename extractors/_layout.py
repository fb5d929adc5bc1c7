"""The document as one text: pages joined, lines, URLs masked, sentences, provenance.

All extractors work on global offsets into ``Layout.text`` (pages joined by a blank line,
so a page break is also a paragraph break); :meth:`Layout.where` turns a global span back
into ``(page_no, char_start, char_end)`` of that page's text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from extractors._nlp import Sentences

PAGE_JOIN = "\n\n"

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_CONTINUATION = re.compile(r"[a-z0-9][\w\-./%?=&#~+]*")
_EDGE_LINES = 3  # running headers/footers: among the first or last lines of a page
_PAGE_MARK = re.compile(r"\b(?:side|sida|page)\s+\d+(?:\s*(?:av|/|of)\s*\d+)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    index: int
    start: int  # global offset of the first character
    end: int  # global offset after the last character (newline excluded)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        return self.start + (len(self.text) - len(self.text.lstrip()))


@dataclass(frozen=True, slots=True)
class Url:
    start: int
    end: int
    url: str


class Layout:
    def __init__(self, pages: list[tuple[int, str]]) -> None:
        self.page_nos: list[int] = []
        self.page_starts: list[int] = []
        self.page_lens: list[int] = []
        parts: list[str] = []
        pos = 0
        for page_no, text in pages:
            if parts:
                parts.append(PAGE_JOIN)
                pos += len(PAGE_JOIN)
            self.page_nos.append(page_no)
            self.page_starts.append(pos)
            self.page_lens.append(len(text))
            parts.append(text)
            pos += len(text)
        self.text = "".join(parts)
        self.lines = _split_lines(self.text)
        self._line_starts = [ln.start for ln in self.lines]
        self.urls = _find_urls(self.text, self.lines)
        self.masked = _mask(self.text, [(u.start, u.end) for u in self.urls] + [
            (m.start(), m.end()) for m in _EMAIL.finditer(self.text)
        ])

    # --- provenance -------------------------------------------------------------
    def where(self, start: int, end: int) -> tuple[int, int, int]:
        i = max(0, bisect.bisect_right(self.page_starts, start) - 1)
        if not self.page_starts:
            return 1, 0, 0
        base = self.page_starts[i]
        length = self.page_lens[i]
        s = min(max(0, start - base), length)
        e = min(max(s, end - base), length)
        return self.page_nos[i], s, e

    # --- navigation -------------------------------------------------------------
    def line_at(self, pos: int) -> Line:
        i = max(0, bisect.bisect_right(self._line_starts, pos) - 1)
        return self.lines[i]

    def next_content(self, index: int) -> Line | None:
        for i in range(index + 1, len(self.lines)):
            if not self.lines[i].blank:
                return self.lines[i]
        return None

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.text)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.sentences.around(pos)

    @cached_property
    def noise_lines(self) -> frozenset[int]:
        """Running page headers and footers: page marks, or lines repeated on pages."""
        noise = {ln.index for ln in self.lines if _PAGE_MARK.search(ln.text) and len(ln.stripped) < 90}
        if len(self.page_starts) > 1:
            # A running header or footer sits at the same place among the first or last lines of
            # its pages; a heading that recurs in the text ("Behandling:", "Vedtak:") does not.
            per_page: dict[int, list[int]] = {}
            for ln in self.lines:
                if not ln.blank:
                    per_page.setdefault(bisect.bisect_right(self.page_starts, ln.start), []).append(ln.index)
            places: dict[tuple[str, str, int], dict[int, int]] = {}  # (line, edge, rank) -> page -> line
            runs: dict[tuple[int, str], list[int]] = {}
            for page, idx in per_page.items():
                for edge, run in (("top", idx[:_EDGE_LINES]), ("bottom", idx[::-1][:_EDGE_LINES])):
                    runs[(page, edge)] = run
                    for rank, i in enumerate(run):
                        key = re.sub(r"\d+", "#", self.lines[i].stripped.lower())
                        if len(key) < 90:
                            places.setdefault((key, edge, rank), {})[page] = i
            repeated = {i for on_pages in places.values() if len(on_pages) > 1 for i in on_pages.values()}
            # A header or footer is a block at the page's edge: a repeated line counts only when the lines
            # between it and the edge are header or footer too ("Vurdering" two lines above the footer of
            # two pages is a heading that happens to recur).
            for run in runs.values():
                for i in run:
                    if i not in repeated and i not in noise:
                        break
                    noise.add(i)
        return frozenset(noise)


def _split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def _find_urls(text: str, lines: list[Line]) -> list[Url]:
    urls = []
    for m in _URL.finditer(text):
        start, end = m.start(), m.end()
        url = _trim(m.group())
        end = start + len(url)
        # A URL broken at a line end after "/" or "-": join a lone lowercase continuation.
        if url[-1:] in "/-_" and text[end : end + 1] == "\n":
            nxt_end = text.find("\n", end + 1)
            nxt = text[end + 1 : nxt_end if nxt_end >= 0 else len(text)]
            cont = nxt.strip()
            if cont and _URL_CONTINUATION.fullmatch(cont) and nxt == nxt.lstrip():
                cont = _trim(cont)
                url += cont
                end = end + 1 + len(cont)
        urls.append(Url(start, end, url))
    return urls


def _trim(url: str) -> str:
    url = url.rstrip(".,;:!?»\"'*")
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1].rstrip(".,;:!?")
    return url


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
