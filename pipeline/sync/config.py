"""The sync configuration: a TOML file of ``[[source]]`` tables and optional ``[fetch]``.

.. code-block:: toml

    [fetch]                       # optional; these are the defaults
    contact = ""                  # e.g. "arkiv@kommune.no": added to the User-Agent
    timeout = 30.0                # seconds to connect, and between bytes
    retries = 3                   # extra attempts on 5xx, 429, timeouts, connection errors
    backoff = 2.0                 # first retry delay in seconds, doubled each time
    rate_limit = 1.0              # at least this many seconds between requests to one host
    max_bytes = 200_000_000       # a larger file is refused (a failure, retried next run)
    max_pages = 200               # index pages fetched per source when following links

    [[source]]
    name = "Helsefellesskapet 2024"
    url = "https://example.no/saksdokumenter-2024"   # or feed = "..." or path = "inbox/"
    include = ["*.pdf"]           # optional globs: which links/files are documents
    exclude = ["*utkast*"]        # optional globs: never these
    follow = 1                    # optional: follow links to pages this many levels deep

Exactly one of ``url`` (an index page linking documents), ``feed`` (RSS/Atom) or
``path`` (a folder, relative to the config file) per source. Every problem is reported
at once, naming the source, as a :class:`ConfigError` (exit code 2).
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pipeline.sync.exceptions import ConfigError

SourceKind = Literal["url", "feed", "path"]
KINDS: tuple[SourceKind, ...] = ("url", "feed", "path")
MAX_FOLLOW = 3
_SOURCE_KEYS = {"name", "url", "feed", "path", "include", "exclude", "follow"}


@dataclass(frozen=True, slots=True)
class FetchOptions:
    contact: str = ""
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_backoff: float = 60.0
    rate_limit: float = 1.0
    max_bytes: int = 200_000_000
    max_pages: int = 200


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: SourceKind
    location: str  # the URL, or the folder (absolute)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow: int = 0


@dataclass(frozen=True, slots=True)
class SyncConfig:
    path: str
    sources: tuple[Source, ...]
    fetch: FetchOptions = field(default_factory=FetchOptions)


def load_config(path: str | Path) -> SyncConfig:
    """Read and validate the sync configuration at ``path``."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return parse_config(data, path)


def parse_config(data: dict, path: str | Path = "<config>") -> SyncConfig:
    path = Path(path)
    problems: list[str] = []
    for key in data:
        if key not in ("source", "fetch"):
            problems.append(f"unknown top-level key {key!r}{_hint(key, ('source', 'fetch'))}"
                            " (expected [[source]] tables and an optional [fetch] table)")
    fetch = _fetch_options(data.get("fetch", {}), problems)
    raw_sources = data.get("source")
    sources: list[Source] = []
    if raw_sources is None:
        problems.append("no sources: add at least one [[source]] table")
    elif not isinstance(raw_sources, list):
        problems.append("'source' must be an array of tables: write [[source]], not [source]")
    else:
        names: set[str] = set()
        for i, raw in enumerate(raw_sources, 1):
            source = _source(raw, i, path.parent, problems)
            if source is None:
                continue
            if source.name in names:
                problems.append(f"source #{i}: the name {source.name!r} is used twice")
            names.add(source.name)
            sources.append(source)
    if problems:
        raise ConfigError(f"{path}: " + ("\n  ".join(["invalid sync configuration:", *problems])))
    return SyncConfig(path=str(path), sources=tuple(sources), fetch=fetch)


def _source(raw: object, i: int, base: Path, problems: list[str]) -> Source | None:
    if not isinstance(raw, dict):
        problems.append(f"source #{i}: must be a table")
        return None
    name = raw.get("name")
    label = f"source #{i}" + (f" ({name!r})" if isinstance(name, str) and name else "")
    before = len(problems)
    for key in raw:
        if key not in _SOURCE_KEYS:
            problems.append(f"{label}: unknown key {key!r}{_hint(key, _SOURCE_KEYS)}")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{label}: 'name' is required (a non-empty string)")
    given = [k for k in KINDS if k in raw]
    if len(given) != 1:
        problems.append(
            f"{label}: needs exactly one of 'url' (index page), 'feed' (RSS/Atom) or 'path' "
            f"(folder); " + ("none given" if not given else "got " + " and ".join(given))
        )
        return None
    kind = given[0]
    location = raw[kind]
    if not isinstance(location, str) or not location.strip():
        problems.append(f"{label}: '{kind}' must be a non-empty string")
        return None
    if kind in ("url", "feed"):
        parts = urlsplit(location)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(f"{label}: '{kind}' must be an http:// or https:// URL, got {location!r}")
    else:
        folder = Path(location).expanduser()
        location = str((base / folder).resolve() if not folder.is_absolute() else folder)
    patterns = {}
    for key in ("include", "exclude"):
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problems.append(f"{label}: '{key}' must be a glob or a list of globs, e.g. [\"*.pdf\"]")
            value = []
        patterns[key] = tuple(value)
    follow = raw.get("follow", 0)
    if isinstance(follow, bool) or not isinstance(follow, int) or not 0 <= follow <= MAX_FOLLOW:
        problems.append(f"{label}: 'follow' must be a whole number from 0 to {MAX_FOLLOW}")
        follow = 0
    elif follow and kind == "path":
        problems.append(f"{label}: 'follow' applies to 'url' and 'feed' sources, not folders")
    if len(problems) > before:
        return None
    return Source(name=name.strip(), kind=kind, location=location, include=patterns["include"],
                  exclude=patterns["exclude"], follow=follow)


def _fetch_options(raw: object, problems: list[str]) -> FetchOptions:
    if not isinstance(raw, dict):
        problems.append("[fetch] must be a table")
        return FetchOptions()
    defaults = FetchOptions()
    values = {}
    fields = FetchOptions.__dataclass_fields__
    for key, value in raw.items():
        if key not in fields:
            problems.append(f"[fetch]: unknown key {key!r}{_hint(key, fields)}")
            continue
        default = getattr(defaults, key)
        if isinstance(default, str):
            ok = isinstance(value, str)
        elif isinstance(default, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
            value = float(value) if ok else value
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok:
            kind = "a string" if isinstance(default, str) else "a number >= 0"
            problems.append(f"[fetch]: {key!r} must be {kind}, got {value!r}")
            continue
        values[key] = value
    if values.get("max_bytes", 1) == 0 or values.get("timeout", 1) == 0:
        problems.append("[fetch]: 'timeout' and 'max_bytes' must be greater than 0")
    return FetchOptions(**values) if not any(p.startswith("[fetch]") for p in problems) \
        else defaults


def _hint(key: str, choices) -> str:
    close = difflib.get_close_matches(key, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
