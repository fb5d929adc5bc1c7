"""Edits in raw-text coordinates, composed across repair passes.

Each pass sees the text as the previous passes left it and proposes edits on *that* text;
``EditLog.apply`` maps them back onto the raw text (merging with an earlier edit when they
touch the same span), so every correction's ``char_start``/``char_end`` point into
``text_raw`` and ``new_start``/``new_end`` into the final text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # offsets into the text the pass saw
    end: int
    new: str
    kind: str
    confidence: float


@dataclass(slots=True)
class _RawEdit:
    start: int  # offsets into the raw text
    end: int
    new: str
    kind: str
    confidence: float


class EditLog:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.edits: list[_RawEdit] = []  # sorted, non-overlapping, raw coordinates
        self.text = raw

    def apply(self, edits: list[Edit]) -> None:
        """Apply one pass's edits (non-overlapping, offsets into ``self.text``)."""
        if not edits:
            return
        if not self.edits:  # the first pass with changes: its offsets are raw offsets
            self.edits = [_RawEdit(ed.start, ed.end, ed.new, ed.kind, ed.confidence)
                          for ed in sorted(edits, key=lambda x: x.start)]
            self.text = self.render()
            return
        for ed in sorted(edits, key=lambda x: x.start, reverse=True):
            # recomputed after each edit (few edits per page; simple beats clever here)
            self._apply_one(ed, self._current_spans())
        self.text = self.render()

    def _current_spans(self) -> list[tuple[int, int]]:
        """The span in the current text of each edit already made to the raw text."""
        spans = []
        delta = 0
        for e in self.edits:
            cs = e.start + delta
            spans.append((cs, cs + len(e.new)))
            delta += len(e.new) - (e.end - e.start)
        return spans

    def to_raw(self, pos: int) -> int:
        """Map an offset in the current text to the raw text."""
        spans = []
        delta = 0
        for e in self.edits:
            cs = e.start + delta
            spans.append((cs, cs + len(e.new)))
            delta += len(e.new) - (e.end - e.start)
        return self._to_raw(pos, spans)

    def _to_raw(self, pos: int, spans: list[tuple[int, int]]) -> int:
        delta = 0
        for e, (cs, ce) in zip(self.edits, spans):
            if pos <= cs:
                break
            delta = (e.end) - ce
        return pos + delta

    def _apply_one(self, ed: Edit, spans: list[tuple[int, int]]) -> None:
        touching = [i for i, (cs, ce) in enumerate(spans)
                    if cs < ed.end and ed.start < ce or (cs == ce and ed.start <= cs <= ed.end)
                    or (ed.start == ed.end and cs <= ed.start <= ce)]
        if not touching:
            rs, re_ = self._to_raw(ed.start, spans), self._to_raw(ed.end, spans)
            new = _RawEdit(rs, re_, ed.new, ed.kind, ed.confidence)
            self.edits.append(new)
            self.edits.sort(key=lambda e: (e.start, e.end))
            return
        first, last = touching[0], touching[-1]
        cur_s = min(ed.start, spans[first][0])
        cur_e = max(ed.end, spans[last][1])
        raw_s = min(self.edits[first].start, self._to_raw(cur_s, spans) if cur_s < spans[first][0] else self.edits[first].start)
        raw_e = max(self.edits[last].end, self._to_raw(cur_e, spans) if cur_e > spans[last][1] else self.edits[last].end)
        text = self.text
        merged_new = text[cur_s:ed.start] + ed.new + text[ed.end:cur_e]
        kinds = []
        for i in touching:
            kinds.extend(self.edits[i].kind.split("+"))
        kinds.extend(ed.kind.split("+"))
        kind = "+".join(dict.fromkeys(kinds))
        conf = min([self.edits[i].confidence for i in touching] + [ed.confidence])
        for i in reversed(touching):
            del self.edits[i]
        self.edits.append(_RawEdit(raw_s, raw_e, merged_new, kind, conf))
        self.edits.sort(key=lambda e: (e.start, e.end))
        # keep self.text in step for further merges within this pass
        self.text = self.render()

    def render(self) -> str:
        out = []
        pos = 0
        for e in self.edits:
            out.append(self.raw[pos:e.start])
            out.append(e.new)
            pos = e.end
        out.append(self.raw[pos:])
        return "".join(out)

    def final(self) -> list[tuple[int, int, str, str, str, float, int, int]]:
        """(raw_start, raw_end, original, corrected, kind, confidence, new_start, new_end)."""
        out = []
        delta = 0
        for e in self.edits:
            ns = e.start + delta
            out.append((e.start, e.end, self.raw[e.start:e.end], e.new, e.kind, e.confidence,
                        ns, ns + len(e.new)))
            delta += len(e.new) - (e.end - e.start)
        return [o for o in out if o[2] != o[3]]
