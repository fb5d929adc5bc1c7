"""Which links an index page or a feed offers, and which of them are documents.

Links are resolved against the page (or its ``<base href>``) and kept only when they are
http(s); fragments are dropped. A link is a *document* when it matches the source's
``include`` globs (by default: its path ends in ``.pdf``, ``.txt`` or ``.text``) and none of
its ``exclude`` globs. A glob without ``/`` is matched against the link's last path
segment, one with ``/`` against the whole URL; case does not matter.
"""

from __future__ import annotations

import fnmatch
import posixpath
import warnings
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

DOCUMENT_GLOBS = ("*.pdf", "*.txt", "*.text")
# Links to these are neither documents (by default) nor pages worth following.
_NOT_PAGES = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".zip", ".gz",
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".mp3", ".mp4", ".xml", ".json",
    ".pdf", ".txt", ".text",
})


def absolute(link: str, base: str) -> str | None:
    link = (link or "").strip()
    if not link:
        return None
    try:
        url, _ = urldefrag(urljoin(base, link))
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def page_links(body: bytes, base_url: str) -> list[str]:
    """The http(s) links of an HTML page, in order, without duplicates."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(body, "html.parser")
    base = soup.find("base", href=True)
    if base is not None:
        base_url = absolute(base["href"], base_url) or base_url
    return _unique(absolute(a["href"], base_url) for a in soup.find_all(["a", "area"], href=True))


def feed_links(body: bytes, feed_url: str) -> tuple[list[str], list[str]]:
    """``(enclosures, entry links)`` of an RSS or Atom feed.

    Enclosures (and links typed as PDF) are documents whatever their name; entry links
    usually point to a page about the item (followed when ``follow`` allows).
    """
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": feed_url})
    if parsed.bozo and not parsed.entries and not parsed.feed:
        raise ValueError(f"not an RSS or Atom feed ({parsed.bozo_exception})")
    enclosures, entries = [], []
    for entry in parsed.entries:
        for link in entry.get("links", []):
            href = absolute(link.get("href", ""), feed_url)
            if href is None:
                continue
            if link.get("rel") == "enclosure" or "pdf" in (link.get("type") or ""):
                enclosures.append(href)
            else:
                entries.append(href)
        if entry.get("link"):
            href = absolute(entry["link"], feed_url)
            if href:
                entries.append(href)
    return _unique(enclosures), _unique(entries)


def matches(url_or_path: str, patterns: tuple[str, ...]) -> bool:
    """Does a glob match this link (or folder path relative to its source)?"""
    whole = url_or_path.lower()
    if "://" in whole:
        name = posixpath.basename(unquote(urlsplit(url_or_path).path)).lower()
    else:
        name = posixpath.basename(whole)
    for pattern in patterns:
        p = pattern.lower()
        if fnmatch.fnmatchcase(whole if "/" in p else name, p):
            return True
    return False


def is_document(url: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    return matches(url, include or DOCUMENT_GLOBS) and not matches(url, exclude)


def is_followable(url: str, start_url: str, exclude: tuple[str, ...]) -> bool:
    """A page link worth following: same site as the source, not a file, not excluded."""
    a, b = urlsplit(url), urlsplit(start_url)
    if (a.scheme, a.netloc) != (b.scheme, b.netloc):
        return False
    suffix = posixpath.splitext(unquote(a.path))[1].lower()
    return suffix not in _NOT_PAGES and not matches(url, exclude)


def _unique(urls) -> list[str]:
    seen: dict[str, None] = {}
    for url in urls:
        if url and url not in seen:
            seen[url] = None
    return list(seen)
