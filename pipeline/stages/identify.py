"""identify: content hash and media type from the file's bytes (magic), not its name."""

from __future__ import annotations

import hashlib

import magic

from pipeline.exceptions import InputError
from pipeline.records import Identified

SUPPORTED = frozenset({"application/pdf", "text/plain"})

_PERSON_NAMES = {
    "text/html": "an HTML page",
    "application/x-empty": "an empty file",
    "inode/x-empty": "an empty file",
    "application/zip": "a ZIP archive",
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/tiff": "a TIFF image",
    "application/msword": "a Word document",
    "application/octet-stream": "binary data",
}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type_of(data: bytes) -> str:
    if not data:
        return "application/x-empty"
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        # libmagic wants %PDF- at offset 0; PDF readers accept it within the first 1 KB.
        return "application/pdf"
    mime = magic.from_buffer(data[:65536], mime=True)
    if mime.startswith("text/") and mime not in ("text/html", "text/xml"):
        return "text/plain"
    if mime not in _BINARY_TRUSTED and _looks_like_text(data[:65536]):
        # libmagic's weaker rules mistake plain prose for other formats: a Norwegian
        # agenda starting "PS sak 12/2018" is "HP-GL plotter commands" to it.
        return "text/plain"
    return mime


# Formats libmagic recognises by strong signatures: believed even when bytes look textual.
_BINARY_TRUSTED = frozenset({
    "text/html", "text/xml", "application/zip", "application/gzip", "application/x-bzip2",
    "application/x-xz", "application/x-7z-compressed", "application/x-rar",
    "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
    "application/rtf", "text/rtf", "application/postscript", "application/json",
    "application/x-executable", "application/x-sharedlib",
})


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) * 0.01


def identify(path: str, data: bytes) -> Identified:
    """Raise :class:`InputError` (stage ``identify``) for content we cannot ingest."""
    media_type = media_type_of(data)
    ident = Identified(path=path, sha256=sha256_of(data), media_type=media_type, size=len(data))
    if not data:
        raise InputError("identify", "the file is empty (0 bytes)")
    if media_type not in SUPPORTED:
        what = _PERSON_NAMES.get(media_type, f"of type {media_type}")
        raise InputError(
            "identify",
            f"the file's content is {what} (by its bytes), not a PDF or a text file; "
            "its name's extension is not trusted",
        )
    return ident
