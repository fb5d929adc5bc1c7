"""The sources file: the documented shape is accepted, everything else is exit code 2
with a message naming the source and the problem."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.sync import ConfigError, load_config


def _load(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_the_documented_shape(tmp_path):
    (tmp_path / "inbox").mkdir()
    cfg = _load(tmp_path, """
[fetch]
contact = "arkiv@kommune.no"
rate_limit = 2

[[source]]
name = "Helsefellesskapet 2024"
url = "https://example.no/saksdokumenter-2024"
include = ["*.pdf"]
exclude = "*utkast*"
follow = 1

[[source]]
name = "nyheter"
feed = "https://example.no/rss"

[[source]]
name = "innboks"
path = "inbox"
""")
    a, b, c = cfg.sources
    assert (a.kind, a.include, a.exclude, a.follow) == ("url", ("*.pdf",), ("*utkast*",), 1)
    assert (b.kind, b.location) == ("feed", "https://example.no/rss")
    assert c.kind == "path" and c.location == str(tmp_path / "inbox")
    assert cfg.fetch.rate_limit == 2.0 and cfg.fetch.contact == "arkiv@kommune.no"


@pytest.mark.parametrize("text, message", [
    ("[[source]]\nurl = 'https://x.no/'", "'name' is required"),
    ("[[source]]\nname = 'a'", "exactly one of 'url' (index page), 'feed' (RSS/Atom) or 'path'"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\npath = 'inbox'", "got url and path"),
    ("[[source]]\nname = 'a'\nurl = 'ftp://x.no/'", "must be an http:// or https:// URL"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\nfolow = 1", "did you mean 'follow'"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\nfollow = -1", "'follow' must be a whole number"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\nfollow = true", "'follow' must be a whole number"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\ninclude = [1]", "'include' must be a glob"),
    ("[[source]]\nname = 'a'\nurl = 'https://x.no/'\n[[source]]\nname = 'a'\nfeed = 'https://y.no/'",
     "the name 'a' is used twice"),
    ("[source]\nname = 'a'\nurl = 'https://x.no/'", "write [[source]], not [source]"),
    ("sources = []", "unknown top-level key 'sources' (did you mean 'source'?)"),
    ("", "no sources"),
    ("[fetch]\ntimeout = 'fast'\n[[source]]\nname = 'a'\nurl = 'https://x.no/'", "'timeout' must be a number"),
    ("[[source]\nname = 'a'", "not valid TOML"),
])
def test_problems_are_named(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text)
    assert message in str(caught.value)
    assert caught.value.exit_code == 2


def test_every_problem_at_once(tmp_path):
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, "[[source]]\nname = 'a'\n[[source]]\nurl = 'https://x.no/'\n")
    assert "source #1 ('a')" in str(caught.value) and "source #2" in str(caught.value)


def test_cli_exits_2_on_a_bad_config_and_3_never_touches_the_db(app, tmp_path):
    config = tmp_path / "sources.toml"
    config.write_text("[[source]]\nname = 'a'\n", encoding="utf-8")
    db = tmp_path / "a.duckdb"
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db)])
    assert result.exit_code == 2
    assert "exactly one of 'url'" in result.stderr
    assert not db.exists()
    result = CliRunner().invoke(app, ["sync", "--config", str(tmp_path / "nope.toml"), "--db", str(db)])
    assert result.exit_code == 2 and "no such config file" in result.stderr
