"""The classes of failure found on blind batch 5 (tests/gold/blind5), each on a minimal text
of its own (not copied from the gold documents), so the general mechanism is tested rather
than the gold document. One test (or parametrised group) per mechanism."""

from __future__ import annotations

import pytest

from tests.extract.conftest import date_mention as _date, date_role as _role, run


# ---- the case number on the document label's line --------------------------------------------------
@pytest.mark.parametrize("label", ["SAKSFRAMLEGG", "Saksutgreiing", "SAKSPAPIR", "Saksprotokoll"])
def test_case_number_beside_the_document_label(label):
    ex = run(f"Eksempel regionråd\n\n{label}                                 RR 007/25\n\n"
             "Saksbehandler:  Eva Lunde\nDato:           12.02.2025\n\nRegional transportplan – innspel\n\n"
             "Bakgrunn\nPlanen skal rullerast i år.\n")
    c = ex.cases[0]
    assert (c.case_key, c.title) == ("RR 7/2025", "Regional transportplan – innspel")


def test_label_line_with_more_text_is_no_case_header():
    ex = run("Saksframlegg      PS 12/25 og PS 13/25 er slått saman\n\nSak 14/25 Budsjett\n\nTekst.\n")
    assert "PS 12/2025" not in [c.case_key for c in ex.cases]


# ---- header fields in a bordered box ("| Label | Value |") ------------------------------------------
def test_header_fields_in_a_bordered_box():
    ex = run("Eksempel kommune                         SAKSFRAMLEGG\n\n"
             "+----------------+---------------------------+\n"
             "| Saknr.         | 0112/2025                 |\n"
             "| Utval          | Levekårsutvalet           |\n"
             "| Møtedato       | 04.03.2025                |\n"
             "| Arkivsak       | 2025/301                  |\n"
             "| Sakshandsamar  | Per Ås, rådgjevar         |\n"
             "| Dato           | 17.02.2025                |\n"
             "+----------------+---------------------------+\n\n"
             "Ny ruteplan for skyss\n\nBakgrunn\nRuteplanen vert endra.\n")
    c = ex.cases[0]
    assert c.case_key == "Levekårsutvalet 112/2025"
    assert (c.committee, c.meeting_date.isoformat(), c.document_date.isoformat()) == (
        "Levekårsutvalet", "2025-03-04", "2025-02-17")
    assert (c.archive_case_no, c.case_handlers, c.title) == ("2025/301", ("Per Ås",), "Ny ruteplan for skyss")


# ---- a formula under a recommendation heading does not turn it into a decision -------------------------
def test_formula_line_under_a_recommendation_heading():
    ex = run("Styresak 4/2025 Tilskot\n\nDagleg leiar si tilråding\nStyret gjer slikt vedtak:\n"
             "1. Tilskotet vert auka.\n2. Ordninga vert evaluert.\n\nBakgrunn\nTekst om saka.\n")
    assert [(r.kind, r.item_no, r.text) for r in ex.recommendations] == [
        ("recommendation", 1, "Tilskotet vert auka."), ("recommendation", 2, "Ordninga vert evaluert.")]


def test_formula_line_alone_is_still_a_decision_heading():
    ex = run("Sak 4/2025 Tilskot\n\nBehandling:\nOrientering.\n\nStyret gjer slikt vedtak:\nTilskotet vert auka.\n")
    assert [(r.kind, r.text) for r in ex.recommendations] == [("decision", "Tilskotet vert auka.")]


# ---- Markdown table with an archive column and a body column --------------------------------------------
def test_markdown_header_table_with_archive_and_body_columns():
    ex = run("SAKSFRAMLEGG\n\n| Arkivsak  | Saknr.  | Utval                          | Møtedato   |\n"
             "|-----------|---------|--------------------------------|------------|\n"
             "| 25/00214  | 2025/12 | Eldrerådet i Eksempel kommune  | 11.03.2025 |\n\n"
             "Dato: 25.02.2025\n\nTilgjengelege møteplassar\n\nVurdering\nTekst.\n")
    c = ex.cases[0]
    assert (c.case_key, c.committee, c.archive_case_no, c.meeting_date.isoformat()) == (
        "Eldrerådet 12/2025", "Eldrerådet", "2025/214", "2025-03-11")


# ---- bare case numbers heading the case blocks of minutes -------------------------------------------------
def test_bare_numbers_head_case_blocks_of_minutes():
    ex = run("MØTEBOK – KONTROLLUTVALET\n\nMøtestad: Rådhuset\n\n\n21/25  Godkjenning av møtebok\n\n"
             "Vedtak:\nMøteboka vert godkjend.\n\n\n22/25  Revisjonsplan for 2025\n\nVedtak:\nPlanen vert vedteken.\n")
    assert [(c.case_key, c.title) for c in ex.cases] == [
        ("Kontrollutvalet 21/2025", "Godkjenning av møtebok"),
        ("Kontrollutvalet 22/2025", "Revisjonsplan for 2025")]


def test_bare_number_in_prose_is_no_case():
    ex = run("Sak 3/2025 Plan\n\n12/25  av søknadene kom for seint.\n")
    assert [c.case_key for c in ex.cases] == ["Sak 3/2025"]


# ---- cases numbered without a year take the meeting's year ------------------------------------------------
def test_cases_without_a_year_take_the_year_of_the_meeting():
    ex = run("PROTOKOLL FRA GENERALFORSAMLING I EKSEMPEL AS\n\nGeneralforsamlingen ble avholdt tirsdag 6. mai 2025 "
             "kl. 10.00.\n\nSak 1   Åpning\nStyrets leder åpnet møtet.\n\nSak 2   Årsregnskap 2024\n"
             "Generalforsamlingen fattet følgende vedtak:\nÅrsregnskapet godkjennes.\n")
    assert [c.case_key for c in ex.cases] == ["Generalforsamlingen 1/2025", "Generalforsamlingen 2/2025"]
    assert {c.meeting_date.isoformat() for c in ex.cases} == {"2025-05-06"}
    assert _role(ex, "2025-05-06") == "meeting_date"


def test_cases_without_a_year_and_without_a_date_are_no_cases():
    ex = run("Referat\n\nSak 1   Åpning\nTekst.\n\nSak 2   Eventuelt\nTekst.\n")
    assert not ex.cases


@pytest.mark.parametrize(("line", "body"), [("Protokoll fra foretaksmøte i Eksempel HF", "Foretaksmøtet"),
                                            ("REFERAT FRÅ ÅRSMØTE I EKSEMPEL IL", "Årsmøtet")])
def test_owners_meeting_is_the_body(line, body):
    ex = run(f"{line}\n\nMøtet ble avholdt 3. juni 2025.\n\nSak 1/2025 Konstituering\nTekst.\n")
    assert ex.cases[0].committee == body


# ---- the case number only in a running header ------------------------------------------------------------
def test_case_number_only_in_a_running_header():
    page1 = ("Sak 17/25 – side 1 av 2\n\nEksempel HF og kommunane i regionen\nSAKSFREMLEGG TIL FELLES UNGDOMSRÅD\n\n"
             "Møtedato:  03.04.2025\nDato:      20.03.2025\n\nHøyring om ny samhandlingsplan\n\n"
             "Bakgrunn\nPlanen er på høyring.\n")
    page2 = "Sak 17/25 – side 2 av 2\n\nVurdering\nUngdomsrådet støttar planen.\n"
    ex = run(page1, page2)
    c = ex.cases[0]
    assert (c.case_key, c.committee, c.title) == (
        "Felles ungdomsråd 17/2025", "Felles ungdomsråd", "Høyring om ny samhandlingsplan")
    assert [s.heading for s in ex.sections] == ["Bakgrunn", "Vurdering"]


# ---- saksgang cells with labelled numbers -------------------------------------------------------------------
def test_saksgang_cell_with_a_word_label():
    ex = run("SAKSUTGREIING\n\nUtval              Møtedato      Saknr.\nPlanutval          02.04.2025    "
             "PU-sak 31/25\nKommunestyret      24.04.2025\n\nNy parkeringsnorm\n\nTekst.\n")
    assert (ex.cases[0].case_key, ex.cases[0].committee) == ("PU 31/2025", "Planutval")


def test_saksgang_row_of_the_own_case_line_wins_over_the_first_row():
    ex = run("Eksempel kommune\n\nBystyresak 88/25\n\nNy gatebruksplan\n\nSaksgang              Møtedato     Saksnr.\n"
             "Byrådet               03.03.2025   Byrådssak 401/25\nBystyret              26.03.2025   Bystyresak 88/25\n"
             "\nBakgrunn\nTekst.\n")
    c = ex.cases[0]
    assert (c.case_key, c.committee, c.meeting_date.isoformat()) == ("Bystyresak 88/2025", "Bystyret", "2025-03-26")
    assert [(r.target_case_key, r.context) for r in ex.references] == [("Byrådssak 401/2025", "inline")]


# ---- a list of delegated decisions with a document-date column ---------------------------------------------
def test_list_rows_with_date_and_archive_columns():
    ex = run("Eksempel kommune\nFormannskapet\n\nDELEGERTE VEDTAK\ntil møtet onsdag 5. mars 2025\n\n"
             "Saknr.     Dok.dato     Arkivsak    Tittel\n"
             "DS 11/25   04.02.2025   25/0120     Løyve til sal av øl\n"
             "DS 12/25   11.02.2025   24/2277     Skjenkeløyve for ein kveld\n")
    assert [(c.case_key, c.title, c.document_date.isoformat(), c.archive_case_no, c.meeting_date.isoformat())
            for c in ex.cases] == [
        ("DS 11/2025", "Løyve til sal av øl", "2025-02-04", "2025/120", "2025-03-05"),
        ("DS 12/2025", "Skjenkeløyve for ein kveld", "2025-02-11", "2024/2277", "2025-03-05")]
    assert _role(ex, "2025-02-04") == "document_date"
    assert _role(ex, "2025-03-05") == "meeting_date"


# ---- meeting time labels --------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["Møtetid", "Tidspunkt", "Møtetidspunkt"])
def test_meeting_time_label_dates_the_meeting(label):
    ex = run(f"MØTEPROTOKOLL – ELDRERÅDET\n\n{label}: måndag 7. april 2025, kl. 10.00\nMøtestad: Rådhuset\n\n"
             "Sak 5/25 Budsjett\n\nVedtak:\nTeke til orientering.\n\nSak 6/25 Eventuelt\n\nVedtak:\nIngen.\n")
    assert [c.meeting_date.isoformat() for c in ex.cases] == ["2025-04-07", "2025-04-07"]


def test_time_label_with_a_clock_only_is_no_date_field():
    ex = run("Sak 5/2025 Plan\n\nTidspunkt: kl. 10.00\n\nTekst.\n")
    assert ex.cases[0].meeting_date is None


# ---- a spaced colon after a wide gap ("Dato          : 27.02. 2006") ----------------------------------------
def test_field_with_a_spaced_colon_after_a_wide_gap():
    ex = run(" Sakshandsamar : Ola Dal           Arkiv        : L12\n Dato          : 14.01. 1999     "
             "Arkivsaknr.  : 98/00311\n\n K-sak 3/99\n\n REGULERINGSPLAN FOR SENTRUM\n")
    c = ex.cases[0]
    assert (c.document_date.isoformat(), c.archive_code, c.archive_case_no) == ("1999-01-14", "L12", "1998/311")


# ---- ranges of full dates ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "start", "end"), [
    ("1.3.2024–28.2.2025", "2024-03-01", "2025-02-28"),
    ("f.o.m. 1. november 2024 t.o.m. 31. mars 2025", "2024-11-01", "2025-03-31"),
    ("f.o.m. 10. juni t.o.m. 20. juni 2025", "2025-06-10", "2025-06-20"),
    ("01.09.2025 - 31.12.2025", "2025-09-01", "2025-12-31"),
])
def test_range_of_full_dates(text, start, end):
    ex = run(f"Sak 3/2025 Løyve\n\nLøyvet gjeld {text} for heile området.\n")
    assert [(d.date.isoformat(), d.date_end.isoformat()) for d in ex.dates] == [(start, end)]


# ---- references: the body's place, named bodies, meeting numbers, OCR breaks ---------------------------------
def test_body_with_its_place_before_date_and_number():
    ex = run("Sak 5/2025 Gebyr\n\nRegulativet vart vedteke i kommunestyret i Eksempelvik 2. mai 2019, sak 2019/33, "
             "og gjeld framleis.\n")
    assert [r.target_case_key for r in ex.references] == ["Kommunestyret 33/2019"]


def test_named_body_keeps_its_name_in_a_paper_labelled_with_it():
    ex = run("Bystyresak 40/25\n\nNy sykkelstrategi\n\nBakgrunn\nBystyret vedtok forrige strategi den 4. mars 2015, "
             "sak 22/15.\n")
    assert [r.target_case_key for r in ex.references] == ["Bystyret 22/2015"]


def test_body_of_the_minutes_is_still_the_citing_body():
    ex = run("Møtebok for kommunestyret\n\nSak 10/25 Budsjett\n\nKommunestyret vedtok rammene i sak 4/25.\n\n"
             "Vedtak:\nBudsjettet vert vedteke.\n")
    assert [r.target_case_key for r in ex.references] == ["Kommunestyret 4/2025"]


def test_meeting_number_is_no_case():
    ex = run("Eksempel fylkeskommune\nKontrollutvalget\n\nPROTOKOLL FRA MØTE 3/2025\n\nSak 20/25 Årsrapport\n\n"
             "Vedtak:\nTatt til orientering.\n")
    assert not ex.references
    assert [c.case_key for c in ex.cases] == ["Kontrollutvalget 20/2025"]


def test_label_broken_over_a_line_end():
    ex = run("Sak 3/2006 Plan\n\n Planen vart vedteken av kommunestyret i F-\n sak 12/03 og skal rullerast.\n")
    assert [r.target_case_key for r in ex.references] == ["F 12/2003"]


# ---- date roles -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Hovudutvalet skal vedta planen i møtet 4. desember.",
    "Regionalt samarbeidsutvalg skal behandle rapporten 4. desember.",
    "Søknaden blir lagd fram for formannskapet som eiga sak i møtet 4. desember.",
])
def test_later_treatment_by_a_body_is_a_meeting_date(sentence):
    ex = run(f"Sak 7/2025 Plan\n\nDato: 01.10.2025\n\n{sentence}\n")
    assert _role(ex, "2025-12-04") == "meeting_date"


@pytest.mark.parametrize(("sentence", "iso"), [
    ("Første skoledag er mandag 18. august 2025.", "2025-08-18"),
    ("Haustferien startar måndag 13. oktober.", "2025-10-13"),
    ("Planleggingsdagen er fredag 3. oktober.", "2025-10-03"),
    ("Bygde-dagen laurdag 13. september samlar heile grenda.", "2025-09-13"),
    ("Revisjonen planlegger intervjuer i perioden 1.–12. desember.", "2025-12-01"),
    ("De ansatte velger nye representanter 20. november.", "2025-11-20"),
    ("Rådmannen orienterte formannskapet om saka tirsdag 16. september.", "2025-09-16"),
])
def test_event_cues_of_school_days_interviews_elections_and_briefings(sentence, iso):
    ex = run(f"Sak 7/2025 Plan\n\nDato: 01.10.2025\n\n{sentence}\n")
    assert _role(ex, iso) == "event"


def test_holiday_after_etter_is_no_event_cue():
    ex = run("Sak 7/2025 Plan\n\nDato: 01.05.2025\n\nArbeidet startar etter sommarferien, og vegen er stengd "
             "i perioden 1.–20. september 2025.\n")
    assert _role(ex, "2025-09-01") == "mentioned"


def test_moved_date_takes_the_role_of_the_date_it_replaces():
    ex = run("Sak 7/2025 Skolerute\n\nDato: 01.10.2025\n\nPlanleggingsdagen fredag 7. november 2025 bør flyttes til "
             "mandag 10. november 2025.\n")
    assert _role(ex, "2025-11-07") == "event"
    assert _role(ex, "2025-11-10") == "event"
