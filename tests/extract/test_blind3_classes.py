"""The classes of failure found on blind batch 3 (tests/gold/blind3), each on a minimal text
of its own (not copied from the gold documents), so the general mechanism is tested rather
than the gold document. One test (or parametrised group) per mechanism."""

from __future__ import annotations

import pytest

from tests.extract.conftest import date_mention as _date, run


def _dates(ex):
    return {(d.text, d.date.isoformat(), d.date_end.isoformat() if d.date_end else None, d.role, d.year_inferred)
            for d in ex.dates}


# ---- layout: running headers and footers ----------------------------------------------------
def test_heading_that_recurs_on_every_page_is_no_running_header():
    page1 = ("Eksempel kommune  Møtebok\n\nSak 3/2025 Første sak\n\nBehandling:\nUtvalet drøfta saka grundig og "
             "kom fram til eit samla syn på saka.\n\nVedtak:\nSaka vert teken til orientering.\n\nside 1 av 2")
    page2 = ("Eksempel kommune  Møtebok\n\nUtvalet bad om at saka vert følgd opp i budsjettet for neste år og at "
             "administrasjonen legg fram ein plan.\n\nSak 4/2025 Andre sak\n\nBehandling:\nUtvalet gjekk gjennom "
             "planen og bad om ei ny vurdering til neste møte.\n\nVedtak:\nSaka vert utsett.\n\nside 2 av 2")
    ex = run(page1, page2)
    assert [(s.case_key, s.heading) for s in ex.sections] == [
        ("Sak 3/2025", "Behandling"), ("Sak 4/2025", "Behandling")]
    assert {r.case_key for r in ex.recommendations} == {"Sak 3/2025", "Sak 4/2025"}
    assert "Eksempel kommune  Møtebok" not in {s.heading for s in ex.sections}


# ---- saksgang tables ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "head",
    [
        "Behandlingsrekkefølge                 Møtedato      Saknr",
        "Handsamingsrekkjefølgje               Møtedato      Saksnr",
        "Styre, råd, utval                     Møtedato      Saknr",
    ],
)
def test_saksgang_head_words_and_row_numbers(head):
    ex = run(f"Saksframlegg\n\n{head}\n"
             "1  Hovudutval for miljø               04.04.2025    22/25\n"
             "2  Bystyret                           24.04.2025\n\n"
             "Ny plan for kantslått\n\nBakgrunn\n"
             "Planen skal gjelde frå neste sesong og gjeld alle kommunale vegar.\n")
    c = ex.cases[0]
    assert c.case_key == "Hovudutval for miljø 22/2025"
    assert c.committee == "Hovudutval for miljø"
    assert c.meeting_date.isoformat() == "2025-04-04"
    assert c.title == "Ny plan for kantslått"


# ---- the same number in two agenda series ---------------------------------------------------------
def test_same_number_in_two_series_is_two_cases():
    ex = run("Utvalg: Teknisk utvalg\nDato: 02.09.2025\n\nSAKSLISTE\n\n"
             "Meldingssaker\n"
             "MS 2/25     25/00110       Referat fra trafikksikkerhetsgruppa\n\n"
             "Politiske saker\n"
             "PS 2/25     25/00871       Parkeringsregulering i sentrum\n"
             "PS 3/25     25/00902       Vinterdrift av gang- og sykkelveier\n\n"
             "PS 2/25 ble utsatt i forrige møte.\n")
    assert [c.case_key for c in ex.cases] == ["MS 2/2025", "PS 2/2025", "PS 3/2025"]
    assert ex.cases[1].title == "Parkeringsregulering i sentrum"
    assert not ex.references  # "PS 2/25" in prose is an own agenda row
    assert "Politiske saker" not in {s.heading for s in ex.sections}


# ---- body line with a council noun in the indefinite form ----------------------------------------
@pytest.mark.parametrize(("body_line", "body"), [("Tysnes eldreråd", "Tysnes eldreråd"),
                                                 ("Vinje kommunestyre", "Vinje kommunestyre"),
                                                 ("Ås menighetsråd", "Ås menighetsråd")])
def test_body_line_in_the_indefinite_form(body_line, body):
    ex = run(f"{body_line}\n\nMØTEBOK\n\nMøtedato: 03.04.2025\n\nSak 07/25 Budsjett for neste år\n\n"
             "Vedtak:\nBudsjettet vert godkjent.\n\nSak 08/25 Eventuelt\n\nVedtak:\nIngen saker.\n")
    assert [c.case_key for c in ex.cases] == [f"{body} 7/2025", f"{body} 8/2025"]
    assert ex.cases[0].committee == body


def test_title_line_is_no_body_line():
    ex = run("Valg av nytt styre\n\nSak 3/2025\n\nTekst.\n")
    assert ex.cases[0].case_key == "Sak 3/2025"


# ---- case number as a field with the body in the label -------------------------------------------
def test_case_field_with_body_label_and_spaced_colon():
    ex = run("S A K S U T R E D N I N G\n\nSaksnr.       : 91/0456\nF-sak         : 17/91\n"
             "Møtedato      : 12.03.91\nSaksbehandler : Per Olav Dahl\n\nVEDLIKEHOLD AV SKOLEBYGG\n\n"
             "Vedlegg :\n1. Tilstandsrapport fra bygningsavdelingen,\n   datert 04.02.91\n2. Utskrift av F-sak 3/90\n")
    c = ex.cases[0]
    assert c.case_key == "F 17/1991"
    assert c.archive_case_no == "1991/456"
    assert c.meeting_date.isoformat() == "1991-03-12"
    assert c.document_date is None  # "datert 04.02.91" in the list is no Dato field
    assert [(r.target_case_key, r.context) for r in ex.references] == [("F 3/1990", "attachment")]


# ---- meeting date labels ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Styremøte:      12.06.2025", "2025-06-12"),
        ("Rådsmøte: 4. mars 2025", "2025-03-04"),
        ("Dato og tid:    onsdag 5. mars 2025 kl. 09.00", "2025-03-05"),
    ],
)
def test_meeting_date_labels(line, iso):
    ex = run(f"Sak 12/2025 Årsmelding\n\n{line}\nSaksbehandler: Kari Li\n\nTekst om saka.\n")
    assert ex.cases[0].meeting_date.isoformat() == iso
    assert any(d.role == "meeting_date" and d.date.isoformat() == iso for d in ex.dates)


def test_next_meeting_line_is_no_meeting_date_field():
    ex = run("Sak 12/2025 Årsmelding\n\nMøtedato: 04.03.2025\n\nTekst.\n\nNeste møte: tysdag 6. mai kl. 18.00.\n")
    assert ex.cases[0].meeting_date.isoformat() == "2025-03-04"
    assert _date(ex, "tysdag 6. mai").role == "event"


# ---- committee: "Til:" a generic body ---------------------------------------------------------------
@pytest.mark.parametrize("body", ["Styret", "Representantskapet", "Kontrollutvalget"])
def test_to_a_generic_body(body):
    ex = run(f"Til: {body}\nFra: Daglig leder\n\nStyresak 9/2025\nÅRSREGNSKAP 2024\n\nTekst.\n")
    assert ex.cases[0].committee == body


# ---- references: the body that acts in the case ---------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Bystyret ba i sak 44/2021 om en ny vurdering.", "Bystyret 44/2021"),
        ("Formannskapet bad i sak 12/22 om ei utgreiing.", "Formannskapet 12/2022"),
        ("Fylkestinget sluttet seg til planen i sak 8/2023.", "Fylkestinget 8/2023"),
        ("Vi viser til vedtak i bystyret 4.5.2022, sak 33/22, om utbygging.", "Bystyret 33/2022"),
        ("Det vises til vedtak i formannskapet den 9/11-2021, sak 101/21.", "Formannskapet 101/2021"),
        ("Kommunestyret behandla klagen 12.6.2022, sak 41/22, og heldt fast på vedtaket.", "Kommunestyret 41/2022"),
    ],
)
def test_reference_body_from_the_acting_body(sentence, key):
    ex = run(f"Fylkesmannen\n\nSvar på klage\n\n{sentence}\n")
    assert [r.target_case_key for r in ex.references] == [key]


def test_a_number_resolved_once_keeps_its_body_in_bare_mentions():
    ex = run("Brev\n\nBystyret behandla klagen 12.6.2022, sak 41/22. "
             "Vi har vurdert sakene 33/22 og 41/22 samla.\n")
    assert [r.target_case_key for r in ex.references] == ["Bystyret 41/2022", "Sak 33/2022", "Bystyret 41/2022"]


def test_generic_case_in_an_agenda_series_case_is_the_committees():
    ex = run("Utvalg: Teknisk utvalg\nDato: 10.02.2025\n\nPS 4/2025 Brøyting av private veier\n\n"
             "Behandling:\nOrdningen følger reglene som utvalget vedtok i sak 17 i fjor.\n")
    assert [r.target_case_key for r in ex.references] == ["Teknisk utvalg 17/2024"]


# ---- dates: forms and ranges --------------------------------------------------------------------
def test_day_whose_month_is_written_once():
    ex = run("Dato: 10.01.2025\n\nMarknaden vert halden fredag 6. og laurdag 7. juni. "
             "Kurset går 3., 4. og 5. mars 2025.\n")
    got = _dates(ex)
    assert ("fredag 6.", "2025-06-06", None, "event", True) in got
    assert ("laurdag 7. juni", "2025-06-07", None, "event", True) in got
    assert {d.date.isoformat() for d in ex.dates} >= {"2025-03-03", "2025-03-04", "2025-03-05"}
    assert _date(ex, "3.").year_inferred and not _date(ex, "5. mars 2025").year_inferred


def test_range_of_two_day_month_dates_over_the_new_year():
    ex = run("Dato: 20.03.2025\n\nFra 15. desember–10. januar var vegen stengt.\n")
    d = ex.dates[-1]
    assert (d.date.isoformat(), d.date_end.isoformat(), d.year_inferred) == ("2024-12-15", "2025-01-10", True)


def test_day_slash_month_dash_year_dates():
    ex = run("Vår ref.: 24/3-12\n\nSøknaden ble mottatt 7/2-91 og behandlet den 14/3-1991.\n")
    assert sorted(d.date.isoformat() for d in ex.dates) == ["1991-02-07", "1991-03-14"]


# ---- years: tense ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("Klagefristen gikk ut 2. mai, og ingen klaget.", "2025-05-02"),
        ("Søkerne søkte etter fristen 2. mai.", "2025-05-02"),
        ("Leieavtalen går ut 31. mai og må fornyes.", "2026-05-31"),
        ("Kommunen skal sende rapporten innen 1. august.", "2025-08-01"),
    ],
)
def test_tense_of_the_clause_decides_the_year(sentence, iso):
    ex = run(f"Dato: 01.07.2025\n\nSak 30/2025 Tittel\n\n{sentence}\n")
    assert ex.dates[-1].date.isoformat() == iso


def test_dates_of_one_sentence_run_forward():
    ex = run("Møtedato: 03.03.2025\n\nSak 9/2025 Plan\n\n"
             "Forslaget ble sendt på høring 08.01.2025 med høringsfrist 7. februar.\n")
    assert _date(ex, "7. februar").date.isoformat() == "2025-02-07"


# ---- date roles -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "role"),
    [
        ("Referatet frå 12.02.2025 vart godkjent.", "12.02.2025", "event"),
        ("Protokollen fra møtet 28.01.2025 ble godkjent.", "28.01.2025", "event"),
        ("Saken var oppe til drøfting 03.03.25 i formannskapet.", "03.03.25", "event"),
        ("Asfaltering er planlagt i perioden 2.–6. juni 2025.", "2.–6. juni 2025", "event"),
        ("Konfirmasjonen blir holdt søndag 11. mai.", "søndag 11. mai", "event"),
        ("Bystyret behandler økonomiplanen 18. juni 2025.", "18. juni 2025", "meeting_date"),
        ("Bystyret skal behandle saka 18. juni 2025.", "18. juni 2025", "meeting_date"),
        ("Bystyret behandlet økonomiplanen 18. juni 2024.", "18. juni 2024", "event"),
        ("Bygget skal stå ferdig 1. september, og innflytting er planlagt uka etter.", "1. september", "mentioned"),
    ],
)
def test_date_role_cues(sentence, text, role):
    ex = run(f"Dato: 01.04.2025\n\nSak 30/2025 Tittel\n\n{sentence}\n")
    assert _date(ex, text).role == role


# ---- recommendation blocks ------------------------------------------------------------------------
@pytest.mark.parametrize("vote", ["Vedtatt med 7 mot 2 stemmer (H, FrP).", "Vedteke med 5 mot 4 røyster.",
                                  "Vedteke med 6 mot 1 røyst (Sp)."])
def test_vote_line_with_counts_ends_the_block(vote):
    ex = run(f"Sak 3/2025 Tittel\n\nVedtak:\nPlanen vert godkjend.\n{vote}\n")
    assert [r.text for r in ex.recommendations] == ["Planen vert godkjend."]


def test_prose_citing_a_decision_with_a_date_is_no_heading():
    ex = run("Brev\n\nVi viser til vedtak i formannskapet 12.5.2024, sak 22/24, om nye gebyrer.\n\n"
             "Det gjeld også vedtak i bystyret 3.6.2024. Tekst.\n")
    assert ex.recommendations == ()


# ---- sections -----------------------------------------------------------------------------------------
def test_closing_lines_are_no_sections():
    ex = run("Sak 4/2025 Tittel\n\nBakgrunn\nSaka gjeld ein ny plan for vegvedlikehald i heile kommunen.\n\n"
             "Med helsing\n\nKari Li\n\nBrevet er godkjent elektronisk\n\n"
             "Kopi til: Vegvesenet, Fylkeskommunen og Statsforvaltaren i fylket vårt\n\n"
             "Eksempelby, 12.03.2025\nOla Nordmann, leiar                 Kari Li, sekretær\n")
    assert [s.heading for s in ex.sections] == ["Bakgrunn"]
