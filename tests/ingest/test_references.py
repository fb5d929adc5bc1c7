"""References resolve to archive documents, also when the target arrives later."""

import duckdb

from pipeline import api


def test_references_resolve_when_the_target_arrives_later(tmp_path):
    later = tmp_path / "later.txt"
    later.write_text("SSU sak 26/2024\n\nAnbefalinger\n\nBakgrunn:\n"
                     "SSU gjorde i sak 3/2024 vedtak, jf. SSU sak 9/2022.\n", encoding="utf-8")
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("SSU sak 3/2024\n\nDialog og partnerskapsmøtet\n\nDato dok: 19.01.2024\n",
                       encoding="utf-8")
    db = str(tmp_path / "a.duckdb")
    api.ingest([str(later)], db, workers=1)
    graph = "SELECT target_case_key, target_doc_id FROM reference_graph ORDER BY page_no, text"
    with duckdb.connect(db, read_only=True) as conn:
        assert {r[1] for r in conn.execute(graph).fetchall()} == {None}
    api.ingest([str(earlier)], db, workers=1)  # the target arrives after the reference
    with duckdb.connect(db, read_only=True) as conn:
        earlier_id = conn.execute("SELECT doc_id FROM documents WHERE filename = 'earlier.txt'").fetchone()[0]
        got = dict(conn.execute(graph).fetchall())
    assert got == {"SSU 3/2024": earlier_id, "SSU 9/2022": None}
