"""The classes of failure found on blind batches 13 and 14 (tests/gold/blind13: bodies rare in the earlier
batches; blind14: papers as they come out of a text layer), each on a minimal text of its own (not copied
from the gold documents)."""

from __future__ import annotations

from tests.extract.conftest import date_role as _role, run


# ---- case lines --------------------------------------------------------------------------------------------
def test_bare_number_with_one_space_heads_a_case_block_of_minutes():
    ex = run("MØTEBOK\nHovudutval for kultur\n\nMøtedato: 3. mars 2026\n\n"
             "014/26 Godkjenning av møtebok\n\nVedtak:\nMøteboka vert godkjend.\n\n"
             "015/26 Tilskot til lag og organisasjonar 2026\n\nVedtak:\nTilskota vert fordelte som tilrådd.\n")
    assert [(c.case_key, c.title) for c in ex.cases] == [
        ("Hovudutval for kultur 14/2026", "Godkjenning av møtebok"),
        ("Hovudutval for kultur 15/2026", "Tilskot til lag og organisasjonar 2026")]
    assert [r.case_key for r in ex.recommendations] == ["Hovudutval for kultur 14/2026", "Hovudutval for kultur 15/2026"]


def test_a_number_starting_a_prose_line_heads_nothing():
    ex = run("Sak 3/2026 Budsjett\n\nTekst om saka.\n\n12/25 Dette er ein heil setning som held fram\n"
             "på neste line og er prosa.\n")
    assert [c.case_key for c in ex.cases] == ["Sak 3/2026"]


def test_case_number_alone_in_the_right_column_of_the_letterhead():
    text = ("Helse Austvik HF                                   Styresak 071-2025\n"
            "                                                   Side 1 av 2\n"
            "STYREDOKUMENT\n\nTil:     Styret i Helse Austvik HF          Dato:   02.10.2025\n\n"
            "Budsjett 2026\n\nForslag til vedtak\nStyret vedtar budsjettet.\n")
    ex = run(text)
    assert [(c.case_key, c.title, c.committee) for c in ex.cases] == [("Styresak 71/2025", "Budsjett 2026", "Styret")]


def test_right_column_of_a_line_lower_down_is_no_case():
    ex = run("Sak 4/2025 Tittel\n\nTekst.\n\nEin tabell\n\nRad ein                 PS 12/2024\n")
    assert [c.case_key for c in ex.cases] == ["Sak 4/2025"]


# ---- agenda columns after the title ------------------------------------------------------------------------
def test_later_columns_of_an_agenda_row_are_no_part_of_the_title():
    text = ("MØTEINNKALLING\nFormannskapet\n\nSAKSLISTE\n\n"
            "Saksnr      Tittel                                   Arkivsak\n"
            "PS 11/25    Godkjenning av protokoll                 25/00031\n"
            "PS 12/25    Salg av tomt                             24/01198\n")
    rows = {c.case_key: (c.title, c.archive_case_no) for c in run(text).cases}
    assert rows == {"PS 11/2025": ("Godkjenning av protokoll", "2025/31"), "PS 12/2025": ("Salg av tomt", "2024/1198")}
    text = ("MØTEINNKALLING\nUngdomsrådet\n\nSAKSLISTE\n"
            "Sak nr.     Sak                                      Ansvarlig\n"
            "UR 3/25     Valg av delegater                        Leder\n"
            "UR 4/25     Uttale om busstilbodet                   Jonas Vik\n")
    assert [(c.title, c.archive_case_no) for c in run(text).cases] == [("Valg av delegater", None),
                                                                       ("Uttale om busstilbodet", None)]


def test_a_note_on_an_agenda_row_belongs_to_that_row():
    text = ("MØTEINNKALLING\nUngdomsrådet\n\nMøtedato: onsdag 14. januar 2026\n\nSAKSLISTE\n\n"
            "UR 01/26    Godkjenning av innkalling\nUR 02/26    Uttale om opningstider\n\n"
            "Merknader til sakene\n\nTil sak 02/26:\nBiblioteket ber om uttale innan 30. januar.\n")
    ex = run(text)
    d = next(x for x in ex.dates if x.date.isoformat() == "2026-01-30")
    assert (d.case_key, d.role) == ("UR 2/2026", "deadline")
    assert "Til sak 02/26" not in [s.heading for s in ex.sections]


# ---- header fields -----------------------------------------------------------------------------------------
def test_addressee_in_the_left_column_of_a_two_column_header():
    ex = run("SAKSFRAMLEGG\n\nTil:        Kontrollutvalget        Dato: 12.03.2025\nSak:    14/25\n\nTittel\n\nTekst.\n")
    assert ex.cases[0].committee == "Kontrollutvalget"


def test_paper_date_inside_a_notice_is_the_papers_document_date():
    text = ("MØTEINNKALLING\n\nUtvalg:   Formannskapet\nMøtested: Rådhuset\nDato:     07.06.2023\nTidspunkt: 09:00\n\n"
            "SAKSLISTE\n\nPS 43/23    Tilskudd til idrettslag\nPS 44/23    Eventuelt\n\n\f"
            "PS 43/23    Tilskudd til idrettslag\n\n"
            "Saksbehandler:  Eli Berg                 Arkivsak:   23/00734\n"
            "Dato:           25.05.2023               Arkiv:      243\n\nTekst.\n")
    pages = text.split("\f")
    ex = run(*pages)
    c = next(c for c in ex.cases if c.case_key == "PS 43/2023")
    assert (str(c.document_date), str(c.meeting_date)) == ("2023-05-25", "2023-06-07")


def test_sent_line_of_an_email_dates_the_document():
    ex = run("Sendt:      tysdag 20. mai 2025 14:32\nEmne:  Melding om vedtak\n\nSak 38/25\n\nTekst.\n")
    assert _role(ex, "2025-05-20") == "document_date"


# ---- date roles ----------------------------------------------------------------------------------------------
def test_another_bodys_treatment_with_its_own_case_number_is_an_event():
    ex = run("Møtebok – Kommunestyret\n\nPS 45/21 Planstrategi\n\nBehandling:\nFormannskapet behandlet saken 2. september, sak 61/21. "
             "Forslaget ble vedtatt.\n")
    assert _role(ex, "2021-09-02") == "event"


def test_the_own_cases_treatment_with_its_number_is_the_meeting_date():
    ex = run("Formannskapet\n\nPS 19/25 Søknad om løyve\n\nFormannskapet behandlet saken i møte 04.03.2025, sak 19/25. "
             "Søknaden ble innvilget.\n")
    assert _role(ex, "2025-03-04") == "meeting_date"


def test_a_later_treatment_by_the_next_body_named_with_for():
    ex = run("Sak 8/22 Tiltaksplan\n\nHovudutval for helse og omsorg gjer endeleg vedtak om planen 25. mai 2022.\n")
    assert _role(ex, "2022-05-25") == "meeting_date"
    ex = run("SSU 8/26 Handlingsplan\n\nPlanen vert lagd fram for Partnarskapsmøtet 23. april 2026.\n")
    assert _role(ex, "2026-04-23") == "meeting_date"


def test_indented_rows_under_a_saksgang_field_line():
    ex = run("F-sak nr.: 31/88\n\nSaksgang :   Formannskapet    23.03.88\n             Kommunestyret    14.04.88\n\n"
             "Tekst.\n")
    assert _role(ex, "1988-03-23") == "meeting_date"
    assert _role(ex, "1988-04-14") == "meeting_date"


def test_event_words_rounds_bid_openings_and_a_hyphen_wrapped_cue():
    ex = run("Sak 4/25 Tittel\n\nVerneomboda gjekk vernerunde i bygget 22. oktober 2025. Protokoll frå "
             "tilbodsopninga 15.04.2025 ligg ved. Utvalet var på synfa-\nring i området 6. februar 2025.\n")
    assert [_role(ex, d) for d in ("2025-10-22", "2025-04-15", "2025-02-06")] == ["event", "event", "event"]


def test_a_term_running_out_and_an_approved_record_are_mentioned_but_a_limit_running_out_is_a_deadline():
    ex = run("Sak 4/24 Brøyting\n\nKommunalsjefen orienterte om at dagens kontrakt går ut 30. april 2024. "
             "Møteboka er godkjend elektronisk av leiar 15.04.2024. Anbodsfristen gjekk ut 15. mars 2024. "
             "Kontrakten skal vere signert innen 1. mai 2024.\n")
    assert [_role(ex, d) for d in ("2024-04-30", "2024-04-15", "2024-03-15", "2024-05-01")] == [
        "mentioned", "mentioned", "deadline", "deadline"]


# ---- headings ------------------------------------------------------------------------------------------------
def test_recommendation_to_the_council_and_a_vote_label_line():
    ex = run("Sak 13/24 Detaljregulering\n\nRøysting: Tilrådinga vart vedteken med 4 mot 1 røyst.\n\n"
             "Innstilling til kommunestyret:\nPlanen vert vedteken.\n")
    assert [(r.kind, r.text) for r in ex.recommendations] == [("recommendation", "Planen vert vedteken.")]
    assert ex.sections == () or all("Røysting" not in s.heading for s in ex.sections)


def test_a_heading_recurring_near_the_foot_of_two_pages_is_no_running_footer():
    page = "{case}\n\nBakgrunn\nTekst om saka.\n\nVurdering\n{text}\nSide {n} av 2\n"
    ex = run(page.format(case="Sak 1/23 Budsjett", text="Kommunedirektøren tilrår budsjettet.", n=1),
             page.format(case="Sak 2/23 Ny skule ved fjorden", text="Skulen bør byggjast no.", n=2))
    assert [s.heading for s in ex.sections].count("Vurdering") == 2


# ---- references --------------------------------------------------------------------------------------------
def test_the_last_part_of_a_coordinated_own_body_name_is_the_own_body():
    ex = run("Møtebok for Landbruks- og viltnemnda\n\nSaknr. 20/96 Fellingsløyve\n\n"
             "Viltnemnda handsama same spørsmålet i sak 14/95.\n")
    assert [r.target_case_key for r in ex.references] == ["Landbruks- og viltnemnda 14/1995"]


def test_a_heading_over_notes_on_agenda_rows():
    text = ("MØTEINNKALLING\nUngdomsrådet\n\nSAKSLISTE\n\nUR 01/26    Godkjenning av innkalling\n"
            "UR 02/26    Uttale om opningstider\n\nMerknader til sakene\n\nTil sak 02/26:\n"
            "Biblioteket ber om uttale innan 30. januar.\n")
    assert [(s.case_key, s.heading) for s in run(text).sections] == [(None, "Merknader til sakene")]


def test_a_count_and_an_opening_are_events_a_survey_far_from_the_date_is_not():
    ex = run("Sak 4/23 Parkering\n\nEi telling 14.–18. november 2022 viste at plassane var fulle. "
             "Tilboda vart opna 15. april 2023 med to tilbydarar til stades. Undersøkelsen omfatter søknader "
             "som kom inn i perioden 1. januar 2021–31. desember 2022.\n")
    assert [_role(ex, d) for d in ("2022-11-14", "2023-04-15", "2021-01-01")] == ["event", "event", "mentioned"]
