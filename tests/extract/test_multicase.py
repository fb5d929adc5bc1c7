"""Agendas and minutes hold many cases: fields, dates and points go to the right one."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import run

MINUTES = """MØTEBOK

Utval: Hovudutval for helse og omsorg
Møtestad: Rådhuset
Dato: 12.03.2024

Saksliste
PS 8/24  Godkjenning av protokoll
PS 9/24  Bustadsosial handlingsplan

PS 8/24 Godkjenning av protokoll

Framlegg til vedtak:
Protokollen frå møtet 6. februar vert godkjend.

Samrøystes vedtak:
Protokollen frå møtet 6. februar vert godkjend.

PS 9/24 Bustadsosial handlingsplan

Sakshandsamar: Ola Brekke
Arkivsak-dok.: 23/1187-14

Kommunedirektøren sitt framlegg til vedtak:
1. Utvalet rår kommunestyret til å vedta planen.
2. Tiltaka vert innarbeidde i budsjettet.

Handsaming i møtet:
Saka vart drøfta, jf. PS 41/23.

Vedtak:
1. Utvalet rår kommunestyret til å vedta planen.
2. Tiltaka vert innarbeidde i budsjettet.
3. Administrasjonen legg fram status innan 1. desember.
"""


def test_minutes_are_split_into_cases():
    ex = run(MINUTES)
    assert [c.case_key for c in ex.cases] == ["PS 8/2024", "PS 9/2024"]
    first, second = ex.cases
    assert first.title == "Godkjenning av protokoll"
    assert second.case_handlers == ("Ola Brekke",) and first.case_handlers == ()
    assert second.archive_case_no == "2023/1187"
    # "Dato" in a møtebok header (with Møtestad) is the meeting date, shared by all cases
    assert first.meeting_date == second.meeting_date == dt.date(2024, 3, 12)
    assert first.committee == second.committee == "Hovudutval for helse og omsorg"


def test_points_dates_sections_and_references_follow_their_case():
    ex = run(MINUTES)
    by_case = {}
    for r in ex.recommendations:
        by_case.setdefault(r.case_key, []).append((r.kind, r.item_no))
    assert by_case == {
        "PS 8/2024": [("recommendation", None), ("decision", None)],
        "PS 9/2024": [("recommendation", 1), ("recommendation", 2), ("decision", 1), ("decision", 2), ("decision", 3)],
    }
    dates = [(d.case_key, d.date, d.role) for d in ex.dates]
    assert dates == [
        (None, dt.date(2024, 3, 12), "meeting_date"),
        ("PS 8/2024", dt.date(2024, 2, 6), "event"),
        ("PS 8/2024", dt.date(2024, 2, 6), "event"),
        ("PS 9/2024", dt.date(2024, 12, 1), "deadline"),
    ]
    assert [(s.case_key, s.heading) for s in ex.sections] == [("PS 9/2024", "Handsaming i møtet")]
    # the agenda rows are the cases themselves, not references
    assert [(r.from_case_key, r.target_case_key) for r in ex.references] == [("PS 9/2024", "PS 41/2023")]


def test_a_case_continues_across_pages():
    page1 = "Styresak 45-2023\n\nBudsjett 2024\n\nDato dok: 02.11.2023\n\nForslag til vedtak:\n1. Styret tek saka til vitande.\n"
    page2 = "Helse Førde HF – Styresak 45-2023 – side 2\n\nVurdering\nKlinikkane skal levere planar innan 1. desember.\n"
    ex = run(page1, page2)
    assert [c.case_key for c in ex.cases] == ["Styresak 45/2023"]
    (deadline,) = [d for d in ex.dates if d.role == "deadline"]
    assert (deadline.page_no, deadline.case_key, deadline.date) == (2, "Styresak 45/2023", dt.date(2023, 12, 1))
    assert page2[deadline.char_start : deadline.char_end] == "1. desember"
    assert [(s.heading, s.page_no) for s in ex.sections] == [("Vurdering", 2)]
