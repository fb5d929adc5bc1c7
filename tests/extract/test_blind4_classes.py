"""The classes of failure found on blind batch 4 (tests/gold/blind4), each on a minimal text
of its own (not copied from the gold documents), so the general mechanism is tested rather
than the gold document. One test (or parametrised group) per mechanism."""

from __future__ import annotations

import pytest

from tests.extract.conftest import date_mention as _date, run


# ---- committee: body lines and addressees ------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Møteprotokoll – Formannskapet", "Formannskapet"),
        ("Referat: Arbeidsmiljøutvalget", "Arbeidsmiljøutvalget"),
        ("Møtebok\tHelse- og omsorgsutvalget\tEksempel kommune", "Helse- og omsorgsutvalget"),
        ("Møtebok    Levekårsutvalet    Eksempel herad", "Levekårsutvalet"),
        ("SAKSFRAMLEGG TIL FORMANNSKAPET", "Formannskapet"),
        ("Styresak til Universitetsstyret", "Universitetsstyret"),
        ("Administrativt utvalg", "Administrativt utvalg"),
        ("Bedriftsforsamlingen", None),
        ("Møtebok for Hovudutval for kultur", "Hovudutval for kultur"),
        ("Komité for helse og omsorg", "Komité for helse og omsorg"),
        ("Klagenemnda", "Klagenemnda"),
        ("Dagsorden for styret", None),  # a heading with a preposition is no body line
        ("Representantskapet – ekstraordinært møte", "Representantskapet"),
        ("Eldrerådet – konstituerande møte", "Eldrerådet"),
    ],
)
def test_body_line_after_a_document_label_or_with_a_meeting_tail(line, body):
    ex = run(f"{line}\n\nMøtedato: 11.03.2025\n\nSak 04/25 Budsjettoppfølging\n\nVedtak:\nSaka vert teken til "
             "orientering.\n\nSak 05/25 Eventuelt\n\nVedtak:\nIngen saker.\n")
    if body is None:
        assert ex.cases[0].committee is None
        assert ex.cases[0].case_key == "Sak 4/2025"
    else:
        assert ex.cases[0].committee == body
        assert [c.case_key for c in ex.cases] == [f"{body} 4/2025", f"{body} 5/2025"]


@pytest.mark.parametrize(("line", "body"), [("Til: Styret i Eksempel Havn KF", "Styret"),
                                            ("Til:   Kommunestyret i Eksempel kommune", "Kommunestyret"),
                                            ("Til: Representantskapet for Eksempel IKS", "Representantskapet")])
def test_addressee_body_with_its_owner(line, body):
    ex = run(f"{line}\nFra: Daglig leder\n\nStyresak 17/2025\nÅrsplan for drifta\n\nTekst om saka.\n")
    assert ex.cases[0].committee == body


def test_letter_to_a_named_organisation_is_no_committee():
    ex = run("Til: Eksempel Båtlag v/ styreleder\n\nStyresak 17/2025\nÅrsplan\n\nTekst.\n")
    assert ex.cases[0].committee is None


# ---- "Dato:" with a clock time dates a meeting ------------------------------------------------------
@pytest.mark.parametrize("value", ["14.05.2025, kl. 09.00–11.30", "14.05.2025 kl 18",
                                   "onsdag 14. mai 2025 18:00-20:15"])
def test_dato_with_a_clock_time_is_the_meeting_date(value):
    ex = run(f"PROTOKOLL\nStyret\n\nDato:   {value}\nStad:   Kontoret\n\nSak 1/2025 Konstituering\n\n"
             "Vedtak:\nInnkallinga vert godkjend.\n\nSak 2/2025 Årsmelding\n\nVedtak:\nGodkjend.\n")
    assert [c.meeting_date.isoformat() for c in ex.cases] == ["2025-05-14", "2025-05-14"]
    assert all(c.document_date is None for c in ex.cases)


def test_dato_without_a_time_stays_the_document_date():
    ex = run("Styresak 3/2025 Plan\n\nDato: 14.05.2025\n\nTekst.\n")
    assert ex.cases[0].document_date.isoformat() == "2025-05-14"


# ---- header laid out as one horizontal table with the case number -------------------------------------
@pytest.mark.parametrize(("head", "row"), [
    ("Møtedato     Saknummer   Arkivsak     Sakshandsamar", "03.06.2025   18/25       25/00412     Per Olav Li"),
    ("Møtedato     Saksnr      Arkivsak     Saksbehandler", "03.06.2025   18/25       25/00412     Per Olav Li"),
    ("Utvalgssak   Møtedato    Arkivsak     Saksbehandler", "18/25        03.06.2025  25/00412     Per Olav Li"),
])
def test_case_number_column_of_a_header_table(head, row):
    ex = run(f"SAKSFRAMLEGG TIL FAKULTETSSTYRET\n\n{head}\n{row}\n\nNytt emne i statistikk\n\n"
             "Dekan sitt framlegg til vedtak\nFakultetsstyret opprettar emnet.\n")
    c = ex.cases[0]
    assert c.case_key == "Fakultetsstyret 18/2025"
    assert (c.meeting_date.isoformat(), c.archive_case_no, c.case_handlers) == (
        "2025-06-03", "2025/412", ("Per Olav Li",))
    assert c.committee == "Fakultetsstyret"
    assert c.title == "Nytt emne i statistikk"


def test_saksgang_table_with_a_body_column_is_still_a_saksgang():
    ex = run("Saksframlegg\n\nUtvalg                  Møtedato     Saksnr\nPlanutvalget            02.04.2025   "
             "31/25\nBystyret                24.04.2025\n\nNy parkeringsnorm\n\nTekst.\n")
    assert (ex.cases[0].case_key, ex.cases[0].committee) == ("Planutvalget 31/2025", "Planutvalget")


# ---- saksgang written as lines under its label ---------------------------------------------------------
@pytest.mark.parametrize(
    "rows",
    [
        "Levekårsutvalet – møte 02.09.2025 – sak 33/25\nKommunestyret – møte 18.09.2025",
        "Levekårsutvalet - 02.09.2025 - sak 33/25\nKommunestyret - 18.09.2025",
        "Levekårsutvalet; 02.09.2025; saksnr. 33/25\nKommunestyret; 18.09.2025",
        "Levekårsutvalet 02.09.2025 – 33/25\nKommunestyret 18.09.2025",
    ],
)
def test_saksgang_lines_under_a_label(rows):
    ex = run(f"SAKSPAPIR\n\nSakshandsamar: Liv Moe\nDato: 20.08.2025\n\nSaksgang:\n{rows}\n\n"
             "Ny bustadsosial plan\n\nBakgrunn\nPlanen frå 2019 skal rullerast og gjeld alle tenester i kommunen.\n")
    c = ex.cases[0]
    assert (c.case_key, c.committee, c.meeting_date.isoformat()) == (
        "Levekårsutvalet 33/2025", "Levekårsutvalet", "2025-09-02")
    assert {d.date.isoformat() for d in ex.dates if d.role == "meeting_date"} == {"2025-09-02", "2025-09-18"}
    assert [s.heading for s in ex.sections] == ["Bakgrunn"]  # the "Saksgang:" label is no section
    assert not ex.references


def test_one_line_saksgang_field_dates_are_meeting_dates():
    ex = run("PS 2025/7  Trafikksikkerheitsplan\nSaksgang: Driftsutvalet 03.02.2025 (DU 2025/4) – Bystyret "
             "20.02.2025\n\nVedtak:\nPlanen vert vedteken.\n")
    assert {(d.date.isoformat(), d.role) for d in ex.dates} == {("2025-02-03", "meeting_date"),
                                                               ("2025-02-20", "meeting_date")}
    assert [r.target_case_key for r in ex.references] == ["DU 4/2025"]


# ---- agenda rows laid out over several lines -----------------------------------------------------------
def test_agenda_rows_over_several_lines():
    ex = run("MØTEINNKALLING\n\nEldrerådet\n\nDato:      tirsdag 06.05.2025\nTid:       kl. 10.00\n\nSAKSLISTE\n\n"
             "ER 7/25\n     Referat fra møtet 01.04.2025\n     Arkivsak: 25/00031\n\n"
             "ER 8/25\n     Trygghetsalarmer i hjemmetjenesten\n     Arkivsak: 25/00102\n\n"
             "Orienteringer\nLeder orienterer om seniortreffet som holdes 14. mai.\n\n"
             "Eksempelby, 25.04.2025\n")
    assert [(c.case_key, c.title, c.archive_case_no) for c in ex.cases] == [
        ("ER 7/2025", "Referat fra møtet 01.04.2025", "2025/31"),
        ("ER 8/2025", "Trygghetsalarmer i hjemmetjenesten", "2025/102")]
    assert all(c.document_date.isoformat() == "2025-04-25" for c in ex.cases)
    assert _date(ex, "01.04.2025").case_key == "ER 7/2025"
    assert _date(ex, "14. mai").case_key is None  # notice prose after the agenda is the notice's
    assert [(s.case_key, s.heading) for s in ex.sections] == [(None, "Orienteringer")]


def test_minutes_agenda_then_case_blocks_keep_their_headers():
    ex = run("Møtebok\n\nSAKSLISTE\nPS 3/25 Budsjett\nPS 4/25 Vegplan\n\nPS 3/25 Budsjett\n\nVedtak:\nVedteke.\n\n"
             "PS 4/25 Vegplan\n\nVedtak:\nVedteke.\n")
    assert [(r.case_key, r.text) for r in ex.recommendations] == [("PS 3/2025", "Vedteke."),
                                                                   ("PS 4/2025", "Vedteke.")]


# ---- date ranges "til og med" ------------------------------------------------------------------------------
@pytest.mark.parametrize("range_text", ["fra 2. juni til og med 13. juni", "frå 2. juni t.o.m. 13. juni"])
def test_range_til_og_med(range_text):
    ex = run(f"Dato: 05.05.2025\n\nSak 8/2025 Vedlikehald\n\nVegen blir stengd {range_text} for asfaltering.\n")
    d = _date(ex, range_text.split(" ", 1)[1])
    assert (d.date.isoformat(), d.date_end.isoformat(), d.year_inferred) == ("2025-06-02", "2025-06-13", True)


# ---- date roles ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "role"),
    [
        # elections are events; "fra" in a range is no "from" cue
        ("Forhåndsstemmegivningen går fra 10. august til 4. september 2027.", "10. august til 4. september 2027",
         "event"),
        ("Valdagen er måndag 13. september 2027.", "måndag 13. september 2027", "event"),
        # an ellipsis keeps the cue: "the first meeting X and the last Y"
        ("Prosjektgruppa hadde sitt første møte 3. mars og sitt siste 9. juni.", "9. juni", "event"),
        # the matter comes up for treatment later
        ("Endelig plan blir lagt fram til behandling i bystyret 12. juni 2025.", "12. juni 2025", "meeting_date"),
        ("Saka vert send til endeleg handsaming 19. juni 2025.", "19. juni 2025", "meeting_date"),
        ("Saken sluttbehandles i bystyret 12. juni.", "12. juni", "meeting_date"),
        # a limit given as a meeting
        ("Rådmannen legger fram en ny plan senest i bystyremøtet 12. juni 2025.", "12. juni 2025", "deadline"),
        ("Rapporten skal liggje føre innan møtet i formannskapet 3. juni 2025.", "3. juni 2025", "deadline"),
        # no meeting before a day: the meeting is that day
        ("Bystyret har ikke møte før 25. september.", "25. september", "event"),
        ("Søknaden må være levert før 25. september.", "25. september", "deadline"),
        # the record of a meeting named by its body
        ("Vedlagt er saksprotokoll Formannskapet 06.05.2025.", "06.05.2025", "event"),
        ("Vi viser til særutskrift kommunestyret 24.04.2025.", "24.04.2025", "event"),
    ],
)
def test_date_role_mechanisms(sentence, text, role):
    ex = run(f"Dato: 15.04.2025\n\nSak 30/2025 Tittel\n\n{sentence}\n")
    assert _date(ex, text).role == role


def test_case_comes_up_after_another_date_in_the_sentence():
    ex = run("Dato: 21.10.2025\n\nSak 40/2025 Tittel\n\nDet blir folkemøte torsdag 27. november, etter at "
             "kommunestyret har fått saka til endeleg handsaming 20. november.\n")
    d = _date(ex, "20. november")
    assert (d.date.isoformat(), d.role) == ("2025-11-20", "meeting_date")


def test_certified_copy_line_dates_the_document():
    ex = run("SAKSPROTOKOLL\n\nSak             : 12/25\nMøtedato        : 04.06.2025\n\nTittel : Ny skolerute\n\n"
             "Vedtak :\nSkoleruta vert vedteken.\n\nRett utskrift   :  Eksempelby, 06.06.2025\n")
    assert _date(ex, "06.06.2025").role == "document_date"
    assert ex.cases[0].document_date.isoformat() == "2025-06-06"


def test_paragraph_number_ends_a_sentence():
    ex = run("Dato: 10.04.2025\n\nSak 3/2025 Tittel\n\nKlagen kom inn 2.4.25, jf. forvaltningsloven § 29. "
             "Utvalet handsama klagen i møtet.\n")
    assert _date(ex, "2.4.25").role == "mentioned"  # "møtet" belongs to the next sentence


# ---- years ---------------------------------------------------------------------------------------------
def test_sentence_dates_run_forward_only_within_half_a_year():
    ex = run("Møtedato: 05.02.2026\n\nSak 9/2026 Kurs\n\nKursa blir 18. og 19. august, og fylket held "
             "fagdag for kommunane 3. mars.\n")
    assert _date(ex, "19. august").date.isoformat() == "2026-08-19"
    assert _date(ex, "3. mars").date.isoformat() == "2026-03-03"  # not 2027: the nearest to the paper's date


def test_a_quoted_sentence_ends_at_its_closing_quote():
    ex = run("Dato: 10.04.2025\n\nSak 3/2025 Tittel\n\nFramlegget lydde: «Planen gjeld til 2026.» "
             "Neste møte er 20. juni.\n")
    d = _date(ex, "20. juni")  # the year in the quote is not "a year written just before the date"
    assert (d.date.isoformat(), d.role) == ("2025-06-20", "event")


# ---- recommendation blocks -----------------------------------------------------------------------------
@pytest.mark.parametrize("vote", ["Votering:\tEnstemmig vedtatt.", "Votering: Vedtatt mot 2 stemmer.",
                                  "Røysting:    Samrøystes."])
def test_vote_label_line_ends_the_block(vote):
    ex = run(f"Sak 3/2025 Tittel\n\nVedtak:\nPlanen vert godkjend.\n{vote}\n")
    assert [r.text for r in ex.recommendations] == ["Planen vert godkjend."]


# ---- sections -----------------------------------------------------------------------------------------
def test_heading_right_under_a_running_page_header():
    page1 = ("Eksempel HF – Styresak 12-2025 – side 1 av 2\n\nStyresak 12-2025 Tittel\n\nBakgrunn\n"
             "Saka gjeld ein ny plan for akuttberedskap i heile føretaket og skal handsamast no.\n")
    page2 = ("Eksempel HF – Styresak 12-2025 – side 2 av 2\nKonsekvensar\n"
             "Planen har ingen økonomiske konsekvensar utover det som er sett av i budsjettet.\n")
    ex = run(page1, page2)
    assert [s.heading for s in ex.sections] == ["Bakgrunn", "Konsekvensar"]


# ---- references: the subject of the number's own clause ----------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("Bystyret ba om en plan i sak 12/2022, og utvalget drøftet et utkast i sak 8/24.",
         ["Bystyret 12/2022", "Miljøutvalget 8/2024"]),
        ("Bystyret ba om en plan i sak 12/2022, og utval-\nget drøftet et utkast i sak 8/24.",
         ["Bystyret 12/2022", "Miljøutvalget 8/2024"]),
        ("Bystyret ba om en plan i sak 12/2022, og formannskapet vedtok retningslinjer i sak 8/24.",
         ["Bystyret 12/2022", "Formannskapet 8/2024"]),
    ],
)
def test_reference_body_from_the_clause_subject(sentence, keys):
    ex = run(f"Utvalg: Miljøutvalget\nMøtedato: 04.02.2025\nSak: 3/25\n\nTittel: Klimaplan\n\nBakgrunn\n{sentence}\n")
    assert [r.target_case_key for r in ex.references] == keys


def test_generic_committee_word_with_an_accented_committee_name():
    ex = run("Utvalg: Komité for helse\nMøtedato: 04.02.2025\nSak: 3/25\n\nTittel: Helseplan\n\n"
             "Bakgrunn\nKomiteen drøftet et utkast i sak 31/24.\n")
    assert [r.target_case_key for r in ex.references] == ["Komité for helse 31/2024"]
