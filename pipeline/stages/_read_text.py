"""Decode a text file whatever its legacy encoding.

UTF-8/UTF-16 (with or without BOM) are taken as they are. For the single-byte legacy
encodings of Norwegian files (cp1252, latin-1, DOS cp865/cp850, Mac Roman) generic
detectors cannot tell the code pages apart well, because they differ only in the bytes
that carry æ ø å. So we decode with each candidate and keep the one that yields the most
Norwegian letters and the fewest characters that never occur in Norwegian prose.
charset-normalizer decides "is this text at all" and handles everything that is not
Norwegian. Mojibake *inside* valid UTF-8 ("mÃ¸te") is not touched here: the repair
stage fixes it with an audit trail.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.exceptions import InputError
from pipeline.records import PageText

_NORWEGIAN = frozenset("æøåÆØÅ")
_LEGACY = ("cp1252", "latin-1", "cp865", "cp850", "mac_roman")
# Characters that appear when a Norwegian file is decoded with the wrong code page.
_WRONG = frozenset(
    "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d"
    "\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b"
    "\u009c\u009d\u009e\u009f"
    "¢¥ƒ¤¦¨¯¸¹²³¼½¾¿σµ°ΣΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈√ⁿ■‡†Œœ›‹Ÿ˜™š"
    "╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀░▒▓│┤"
    "ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰"
)


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings); raise InputError for binary content."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(enc)), enc.replace("-sig", ""), ()
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        raise InputError("read", "the .txt file holds binary data (NUL bytes), not text")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8", ()
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    controls = sum(1 for b in data[:65536] if b < 32 and b not in (9, 10, 12, 13))
    if best is None or controls > len(data[:65536]) * 0.01:
        raise InputError("read", "the .txt file is not text in any known encoding")
    candidates = list(_LEGACY)
    if best.encoding not in candidates:
        candidates.append(best.encoding)
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_score(text), -candidates.index(enc), enc, text))
    _, _, encoding, text = max(scored)
    return _normalise_newlines(text), encoding, ()


def _score(text: str) -> int:
    good = sum(1 for c in text if c in _NORWEGIAN)
    bad = sum(1 for c in text if c in _WRONG)
    return 2 * good - 5 * bad


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paginate(text: str) -> tuple[PageText, ...]:
    """Form feeds separate pages (as in pdftotext output); otherwise one page."""
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    return tuple(
        PageText(page_no=i, text=part, method="plain_text") for i, part in enumerate(parts, start=1)
    )
