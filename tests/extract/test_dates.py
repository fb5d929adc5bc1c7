"""Dates: formats, ranges, roles and year inference."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import run

D = dt.date


@pytest.mark.parametrize(
    ("sentence", "text", "date", "date_end"),
    [
        ("Møtet er 19.01.2024.", "19.01.2024", D(2024, 1, 19), None),
        ("Møtet er 24.9.2024 i Bodø.", "24.9.2024", D(2024, 9, 24), None),
        ("Møtet er 5. februar 2025 i Bodø.", "5. februar 2025", D(2025, 2, 5), None),
        ("Konferansen er 30. okt. 2023, 12:00 - 15:30.", "30. okt. 2023", D(2023, 10, 30), None),
        ("Møtet var 24.02.22 på Hamar.", "24.02.22", D(2022, 2, 24), None),
        ("Møtet var 24.04.97 på Ørnes.", "24.04.97", D(1997, 4, 24), None),
        ("Vi møtes i uke 39 (23.-27.9.2024) i Bodø.", "uke 39 (23.-27.9.2024)", D(2024, 9, 23), D(2024, 9, 27)),
        ("Samlinga er i veke 16 (19.–22.4.2022).", "veke 16 (19.–22.4.2022)", D(2022, 4, 19), D(2022, 4, 22)),
        ("Seminaret går 23.–27. september 2024 på Stord.", "23.–27. september 2024", D(2024, 9, 23), D(2024, 9, 27)),
        ("Konferansen er\n30.\noktober\n2023", "30.\noktober\n2023", D(2023, 10, 30), None),
    ],
)
def test_date_formats(sentence, text, date, date_end):
    (d,) = run(sentence).dates
    assert (d.text, d.date, d.date_end, d.year_inferred) == (text, date, date_end, False)
    assert sentence[d.char_start : d.char_end] == text


@pytest.mark.parametrize(
    "text",
    [
        "Sak 44/08 og 08/1123 er ikkje datoar.",
        "Rapport for 4. kvartal 2013 og 2. halvår.",
        "Ring 75 55 50 00 kl. 10.00, jf. § 12-12 og NOU 2023:4.",
        "Handlingsplanen 2022-2024 og 1,8 mill. kroner.",
        "Sjå https://example.no/2022/9.%20mai/15.%20juni%202022.pdf for referatet.",
    ],
)
def test_not_dates(text):
    assert run(text).dates == ()


def test_roles():
    text = (
        "SSU sak 3/2024\n\nTittel\n\nDato dok: 19.01.2024\nMøtedato: 13.02.2024\n\n"
        "Påmelding til konferansen (frist 25. januar). Møtet med Kunnskapsparken 19.1.2024 var nyttig. "
        "Kommunen tilsette ny leiar 1.8.2023.\n"
    )
    roles = {d.text: d.role for d in run(text).dates}
    assert roles == {
        "19.01.2024": "document_date", "13.02.2024": "meeting_date", "25. januar": "deadline",
        "19.1.2024": "event", "1.8.2023": "mentioned",
    }


def test_year_inferred_from_the_document_date():
    text = "Sak 12/2023\n\nTittel\n\nDato: 02.11.2023\n\nBudsjettet skal leggjast fram i styremøtet 14. desember.\n"
    (d,) = [d for d in run(text).dates if d.year_inferred]
    assert (d.date, d.role) == (D(2023, 12, 14), "event")


def test_year_inference_uses_tense_and_weekday():
    text = (
        "Sak 9/2024\n\nTittel\n\nDato: 12.03.2024\n\n"
        "Søknaden kom inn 30. november. Rapporten skal vere klar innan 1. desember. "
        "Saka kjem att fredag 19. april.\n"
    )
    got = {d.text: d.date for d in run(text).dates if d.year_inferred}
    assert got == {"30. november": D(2023, 11, 30), "1. desember": D(2024, 12, 1), "fredag 19. april": D(2024, 4, 19)}


def test_year_from_a_year_written_just_before_and_relative_years():
    text = (
        "Sak 26/2022\n\nTittel\n\nDato dok: 06.09.2022\n\n"
        "Partnerskapsmøtet vedtok å halde møtet for 2023 21. september. SSU oppnemner komiteen i sitt møte 5. desember i år.\n"
    )
    got = {d.text: d.date for d in run(text).dates if d.year_inferred}
    assert got == {"21. september": D(2023, 9, 21), "5. desember": D(2022, 12, 5)}


def test_year_without_any_document_date_comes_from_the_text():
    text = "Konferansen 30. okt. 2023 er open.\n\nPåmelding dialogkonferanse (frist 25. oktober)\n"
    d = [d for d in run(text).dates if d.year_inferred][0]
    assert (d.date, d.role) == (D(2023, 10, 25), "deadline")


def test_from_to_range_across_months():
    (d,) = run("Planen låg ute til ettersyn frå 3. oktober til 15. november 2022.").dates
    assert (d.text, d.date, d.date_end, d.year_inferred) == ("3. oktober til 15. november 2022", D(2022, 10, 3), D(2022, 11, 15), False)


def test_meeting_date_from_protocol_and_treatment_lines():
    text = (
        "Protokoll fra bydelsutvalgets møte 12.03.2024\n\nSak 45/24 Skjenkebevilling\n\n"
        "Bydelsutvalgets behandling 12.03.2024:\nEnstemmig.\n\nSak 46/24 Budsjett\n\nTekst.\n"
    )
    ex = run(text)
    assert [(d.case_key, d.role) for d in ex.dates] == [(None, "meeting_date"), ("Sak 45/2024", "meeting_date")]
    assert all(c.meeting_date == D(2024, 3, 12) for c in ex.cases)


def test_nearest_tense_marker_decides_the_year():
    text = (
        "Møtedato: 07.11.2024\n\nSSU-sak 32/2024 Eventuelt\n\n"
        "Det ble orientert om at neste møte holdes 12. desember. Fakultetene leverte innspill innen 1. september.\n"
    )
    got = {d.text: d.date for d in run(text).dates if d.year_inferred}
    assert got == {"12. desember": D(2024, 12, 12), "1. september": D(2024, 9, 1)}
