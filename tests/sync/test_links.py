"""Links of pages and feeds; which are documents; names never matter for paths."""

from __future__ import annotations

from pipeline.sync import _links
from pipeline.sync._store import Store

BASE = "http://127.0.0.1:8000/moter/2024/index.html"


def test_page_links_are_absolute_http_and_unique():
    html = b"""<html><body>
    <a href="sak1.pdf">1</a> <a href="sak1.pdf#page=2">1 again</a>
    <a href="../../etc/x.pdf">x</a> <a href="/abs/evil.pdf">abs</a>
    <a href="file:///etc/passwd">f</a> <a href="javascript:alert(1)">j</a>
    <a href="mailto:a@b.no">m</a> <a href="  ">blank</a> <a href="http://[bad">bad</a>
    <area href="kart.pdf"></body></html>"""
    assert _links.page_links(html, BASE) == [
        "http://127.0.0.1:8000/moter/2024/sak1.pdf",
        "http://127.0.0.1:8000/etc/x.pdf",
        "http://127.0.0.1:8000/abs/evil.pdf",
        "http://127.0.0.1:8000/moter/2024/kart.pdf",
    ]


def test_base_href_is_respected():
    html = b'<html><head><base href="http://127.0.0.1:8000/filer/"></head><a href="a.pdf">a</a></html>'
    assert _links.page_links(html, BASE) == ["http://127.0.0.1:8000/filer/a.pdf"]


def test_atom_feed_enclosures_and_entry_links():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><title>Sak</title><link href="/sak/1"/>
      <link rel="enclosure" type="application/pdf" href="/vedlegg/1"/></entry></feed>"""
    enclosures, entries = _links.feed_links(atom, "http://127.0.0.1:8000/atom.xml")
    assert enclosures == ["http://127.0.0.1:8000/vedlegg/1"]
    assert entries == ["http://127.0.0.1:8000/sak/1"]


def test_documents_include_and_exclude():
    doc = _links.is_document
    assert doc("http://h/a/Sak.PDF", (), ())
    assert not doc("http://h/a/side.html", (), ())
    assert not doc("http://h/a/utkast-1.pdf", (), ("utkast-*",))
    assert doc("http://h/dokument?id=7", ("http://h/dokument*",), ())
    assert not doc("http://h/a/sak.pdf", ("*protokoll*",), ())
    assert _links.matches("2024/mars/protokoll.pdf", ("protokoll.pdf",))
    assert _links.matches("2024/mars/protokoll.pdf", ("2024/*",))


def test_followable_pages_stay_on_the_site():
    start = "http://127.0.0.1:8000/moter/"
    assert _links.is_followable("http://127.0.0.1:8000/moter/2024-03", start, ())
    assert not _links.is_followable("http://127.0.0.1:9000/moter/2024-03", start, ())
    assert not _links.is_followable("http://127.0.0.1:8000/logo.png", start, ())
    assert not _links.is_followable("http://127.0.0.1:8000/arkiv/", start, ("*/arkiv/*",))


def test_store_names_come_from_the_hash_only(tmp_path):
    store = Store(tmp_path / "s")
    w = store.writer()
    w.write(b"%PDF-1.4 hello")
    first = w.commit(".pdf")
    assert first.path.startswith(str(store.root)) and first.path.endswith(f"{first.sha256}.pdf")
    w = store.writer()
    w.write(b"%PDF-1.4 hello")
    assert w.commit(".pdf").path == first.path  # never overwritten, same name same bytes
    import pytest

    for bad in ("../../etc/passwd", "a" * 63 + "/"):
        with pytest.raises(ValueError):
            store.path_for(bad, ".pdf")
    with pytest.raises(ValueError):
        store.path_for("a" * 64, "/../../x")
    assert list((tmp_path / "s" / ".tmp").iterdir()) == []
