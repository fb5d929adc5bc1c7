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


# ---- blind15 / blind16 (end-of-round batches: a mainstream mix; nynorsk papers of western Norway) --------------
def test_a_case_field_named_by_the_series_without_nr():
    ex = run("Helse Vestby HF\n\nSTYRESAK\n\nTil:        Styret i Helse Vestby HF\nStyresak:   021/2026\n"
             "Arkivsak:   2026/311\n\nSommardrift 2026\n\nFramlegg til vedtak\nStyret tek planen til orientering.\n")
    assert [(c.case_key, c.archive_case_no, c.committee) for c in ex.cases] == [("Styresak 21/2026", "2026/311", "Styret")]


def test_the_archive_field_is_no_case_label():
    ex = run("Sak 4/25 Tittel\n\nArkivsak:   25/2041\n\nTekst.\n")
    assert [c.case_key for c in ex.cases] == ["Sak 4/2025"]


def test_the_sentence_subject_names_the_body_whatever_the_verb():
    ex = run("Formannskapet\n\nSak 112/25 Symjehallen\n\nHeradsstyret sette av 1,4 mill. kroner i budsjettet for 2025, "
             "sak 87/24. Partnarskapsmøtet vert halde 5. februar (sjå sak 30).\n")
    assert [r.target_case_key for r in ex.references] == ["Heradsstyret 87/2024", "Formannskapet 30/2025"]


def test_a_date_then_i_before_the_number():
    ex = run("DS 87/21 Skjenkeløyve\n\nReglementet er vedtatt av kommunestyret 17.06.2020 i sak 41/20.\n")
    assert [r.target_case_key for r in ex.references] == ["Kommunestyret 41/2020"]


def test_a_decision_heading_prefixed_with_the_own_case_in_another_series_is_no_reference():
    ex = run("Møtebok – Formannskapet\n\nPS 98/24 Brøytekontrakter\n\nFS-98/24 Vedtak:\nKontraktane vert tildelte.\n")
    assert ex.references == () or all(r.target_number != 98 for r in ex.references)
    assert [r.kind for r in ex.recommendations] == ["decision"]


def test_delegated_decision_label_is_no_decision_heading():
    ex = run("Delegert vedtak nr.: DS 87/21\n\nDELEGERT VEDTAK\n\nSøknad om skjenkeløyve for båtfestivalen\n\n"
             "Vedtak:\nBåtforeininga får skjenkeløyve.\n")
    c = ex.cases[0]
    assert (c.case_key, c.title) == ("DS 87/2021", "Søknad om skjenkeløyve for båtfestivalen")
    assert [r.text for r in ex.recommendations] == ["Båtforeininga får skjenkeløyve."]


def test_archive_column_after_a_mark_column():
    text = ("MØTEINNKALLING\nLevekårsutvalget\n\nSAKSLISTE\n\n"
            "Saksnr.     Innhold                                  Lukket    Arkivsaksnr.\n"
            "PS 35/22    Ny forskrift                                       22/00987\n"
            "PS 36/22    Klage på vedtak om bistand               X         22/01311\n")
    assert [(c.title, c.archive_case_no) for c in run(text).cases] == [
        ("Ny forskrift", "2022/987"), ("Klage på vedtak om bistand", "2022/1311")]


def test_treatment_heading_naming_the_case_and_the_meeting():
    ex = run("Møtebok – Formannskapet\n\nPS 22/2013 Tittel\n\n"
             "Formannskapets behandling av sak 22/2013 i møte den 10.04.2013:\nEnstemmig.\n")
    assert _role(ex, "2013-04-10") == "meeting_date"
    assert [s.heading for s in ex.sections] == ["Formannskapets behandling av sak 22/2013 i møte den 10.04.2013"]


def test_sent_on_to_the_next_bodies_for_information_and_decided_on():
    ex = run("Sak 9/96 Omsorgsbustader\n\nSaken sendes videre til formannskapet 05.03.96 og kommunestyret 21.03.96.\n")
    assert [_role(ex, d) for d in ("1996-03-05", "1996-03-21")] == ["meeting_date", "meeting_date"]
    ex = run("SSU 3/26 Heimeoppfølging\n\nSaka vert lagd fram for Partnarskapsmøtet 24. april 2026 til orientering. "
             "Partnarskapsmøtet vedtok 16. oktober 2025, sak PM 07/25, at dette skal prioriterast.\n")
    assert [_role(ex, d) for d in ("2026-04-24", "2025-10-16")] == ["event", "mentioned"]


def test_a_trial_an_inspection_and_until():
    ex = run("Sak 4/25 Tittel\n\nKommunane har prøvd ut tenesta frå 1. september 2024 til 31. august 2025. "
             "Ved tilsynet 3. oktober 2025 fann dei feil. Gravferder kan haldast i kyrkja fram til 29. august 2025.\n")
    assert [_role(ex, d) for d in ("2024-09-01", "2025-10-03", "2025-08-29")] == ["event", "event", "mentioned"]


def test_a_range_with_weekdays():
    ex = run("Sak 4/25 Tittel\n\nDei gjeld frå måndag 2. februar 2026 til og med 31. desember 2026.\n")
    d = ex.dates[0]
    assert (d.date.isoformat(), d.date_end.isoformat()) == ("2026-02-02", "2026-12-31")


def test_a_body_briefed_is_an_event_a_letters_day_is_mentioned():
    ex = run("Sak 21/26 Sommardrift\n\nBrukarutvalet fekk planen til orientering 7. april 2026. Brukerutvalget ble "
             "orientert 21. mai 2026. Klager ble orientert om dette i brev 25. april 2026.\n")
    assert [_role(ex, d) for d in ("2026-04-07", "2026-05-21", "2026-04-25")] == ["event", "event", "mentioned"]


def test_a_decision_in_a_council_is_mentioned_even_after_an_event_word():
    ex = run("Sak 4/23 Brannordning\n\nVi viser til redegjørelse for hvordan avvikene fra tilsynet skal lukkes, og til "
             "vedtak i kommunestyret den 2/3-2023, sak 11/23.\n")
    assert _role(ex, "2023-03-02") == "mentioned"


# ---- blind17 / blind18 (end-of-stop batches: a northern mainstream mix; the helsefellesskap domain) ------------
def test_a_body_line_owner_dash_committee_for_a_field():
    ex = run("Helsefellesskapet Ravnby – Fagleg samarbeidsutval for overgangar og utskriving\n\nREFERAT\n\n"
             "FSU sak 14/2025 Godkjenning av referat\n\nTekst.\n")
    assert ex.cases[0].committee == "Fagleg samarbeidsutval for overgangar og utskriving"


def test_a_recommendation_heading_of_a_coordinated_body_and_its_vote_line():
    ex = run("Sak 24/25 Handlingsplan\n\nHelse- og omsorgsutvalet si innstilling:\nPlanen vert godkjend.\n\n"
             "Tilrådinga vart samrøystes vedteken.\n")
    assert [(r.kind, r.text) for r in ex.recommendations] == [("recommendation", "Planen vert godkjend.")]
    assert ex.sections == ()


def test_the_day_before_is_no_deadline_a_centre_opening_is_mentioned():
    ex = run("Innkalling til partnerskapsmøtet\n\nMøtet er torsdag 5. februar 2026. Dagen før, onsdag 4. februar, "
             "arrangeres et dialogmøte. Den nye legevaktsentralen opnar 1. september 2026.\n")
    assert [_role(ex, d) for d in ("2026-02-04", "2026-09-01")] == ["event", "mentioned"]


def test_a_limit_set_in_a_past_act_is_near_it_a_limit_that_was_is_past():
    ex = run("Brukarutvalet\n\nMøtedato: 10.10.2023\n\nSak 22/23 Høyring\n\nSSU sende utkastet på høyring, med frist "
             "1. november. Søknadsfristen var 15. mars.\n")
    assert [d.date.isoformat() for d in ex.dates if d.year_inferred] == ["2023-11-01", "2023-03-15"]


def test_listed_numbers_after_a_record_share_its_body_and_a_clause_subject_after_etter_at():
    ex = run("Brukarutvalet\n\nSak 24/23 Meldingar\n\nProtokoll frå SSU 19.09.2023, sak 28/23 og 29/23, vart lagd fram.\n")
    assert [r.target_case_key for r in ex.references] == ["SSU 28/2023", "SSU 29/2023"]
    ex = run("Styresak 24/25 Årleg melding\n\nStyret godkjente avtalen i sak 61/2024, etter at partnerskapsmøtet "
             "hadde sluttet seg til utkastet i sak 3/2024.\n")
    assert [r.target_case_key for r in ex.references] == ["Styresak 61/2024", "Partnerskapsmøtet 3/2024"]


# ---- blind19 / blind20 (final batches of stop 11: a city and a county; small municipalities) --------------------
def test_run_together_archive_number_of_ephorte():
    ex = run("Byrådssak 1187/14\n\nSaksnr.:     201403318-7\nDato:        12.05.2014\n\nTittel på saka\n\nTekst.\n")
    assert ex.cases[0].archive_case_no == "2014/3318"


def test_a_range_for_a_period():
    ex = run("Sak 34/24 Val\n\nSom styremedlem for perioden 1. juli 2024 til 30. juni 2026 vel fylkestinget Kari Hope.\n")
    d = ex.dates[0]
    assert (d.date.isoformat(), d.date_end.isoformat()) == ("2024-07-01", "2026-06-30")


def test_a_letter_telling_the_treatment_in_the_passive():
    text = ("Straumby kommune\n\nMelding om vedtak – mellombels dispensasjon for brakkerigg\n\n"
            "Søknaden vart handsama av formannskapet som plan- og bygningsutval 22. mai 2019, sak PS 41/19. Vedtaket lyder:\n\n"
            "1. Kommunen gjev mellombels dispensasjon.\n2. Dispensasjonen gjeld til 31. desember 2020.\n")
    ex = run(text)
    c = ex.cases[0]
    assert (c.case_key, c.committee, str(c.meeting_date)) == ("PS 41/2019", "Formannskapet", "2019-05-22")
    assert [(r.case_key, r.kind, r.item_no) for r in ex.recommendations] == [("PS 41/2019", "decision", 1),
                                                                            ("PS 41/2019", "decision", 2)]


def test_the_place_and_date_in_the_letterheads_right_column():
    ex = run("SKARVØY KOMMUNE                                         Skarvøy, 14.02.92\n\nF-sak 18/92\n\nTittel\n\nTekst.\n")
    assert _role(ex, "1992-02-14") == "document_date"


def test_referatsaker_under_their_own_head_are_agenda_rows():
    text = ("MØTEINNKALLING\nKommunestyret\n\nSAKSLISTE\n\nPS 44/08   Godkjenning av protokoll\n\nReferatsaker:\n"
            "RS 8/08    Brev fra Fylkesmannen\n\nOrienteringer:\nRådmannen orienterer om budsjettet. Neste møte er "
            "torsdag 11. desember 2008.\n")
    ex = run(text)
    assert [c.case_key for c in ex.cases] == ["PS 44/2008", "RS 8/2008"]
    assert next(d for d in ex.dates if d.date.isoformat() == "2008-12-11").case_key is None


def test_a_dash_line_saksgang_with_labelled_case_numbers():
    text = ("Bystyresak 112/16\n\nSaksgang\nByrådet – 26.05.2016 – Byrådssak 1188/16\n"
            "Komité for finans – 08.06.2016\nBystyret – 15.06.2016 – Bystyresak 112/16\n\nSalg av eiendom\n\nTekst.\n")
    ex = run(text)
    c = ex.cases[0]
    assert (c.case_key, c.committee, str(c.meeting_date), c.title) == (
        "Bystyresak 112/2016", "Bystyret", "2016-06-15", "Salg av eiendom")
    assert [r.target_case_key for r in ex.references] == ["Byrådssak 1188/2016"]


def test_a_committee_named_by_its_field_recommends():
    ex = run("Bystyret 45/10 Idrettshall\n\nKomité for kultur, idrett og frivillighet sin innstilling av 11.03.2010:\n"
             "1. Bystyret godkjenner forprosjektet.\n")
    assert [(r.kind, r.item_no) for r in ex.recommendations] == [("recommendation", 1)]
