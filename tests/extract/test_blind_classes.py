"""The classes of failure found on the blind batch (tests/gold/blind), each on a minimal
text of its own, so the general mechanism is tested rather than the gold document."""

from __future__ import annotations

import pytest

from tests.extract.conftest import run


@pytest.mark.parametrize(
    ("field_line", "key"),
    [
        ("Saksnr/år:        073/2023", "Sak 73/2023"),
        ("F-sak nr.    : 112/94", "F 112/1994"),
        ("Saknr.: 14/2024", "Sak 14/2024"),
        ("Sak nr.:        S 41/2024", "S 41/2024"),
        ("Styresak nr.: 12-2025", "Styresak 12/2025"),
    ],
)
def test_case_number_field_labels(field_line, key):
    ex = run(f"{field_line}\nSaksbehandler: Kari Nordmann\n\nEin tittel\n\nTekst her.\n")
    assert [c.case_key for c in ex.cases] == [key]


def test_document_label_names_the_body_of_a_bare_case_field():
    ex = run("Sykehuset X HF\n\nSTYRESAK\n\nSaksnr/år: 073/2023\nSaksmappe: 2023/3318\n\n"
             "Saken gjelder: Plan for noe\n\nTekst.\n")
    c = ex.cases[0]
    assert c.case_key == "Styresak 73/2023" and c.title == "Plan for noe" and c.archive_case_no == "2023/3318"


def test_case_number_field_is_not_the_archive_number():
    ex = run("Utval: Styringsgruppa\nSaksnr.: 14/2024\nArkivsak: 2022/3190\n\nTittel her\n\nTekst.\n")
    assert ex.cases[0].case_key == "Styringsgruppa 14/2024"
    assert ex.cases[0].archive_case_no == "2022/3190"


def test_case_given_only_in_prose_of_a_letter():
    text = ("Deres ref.:            Vår ref.: 23/2771-11        Dato: 30. okt. 2023\n\n"
            "MELDING OM VEDTAK – SØKNAD OM FESTE AV GRUNN\n\n"
            "Formannskapet behandlet saken i møte 24.10.2023, sak 118/23, og fattet følgende vedtak:\n\n"
            "Vedtak:\n1. Kommunen fester bort grunnen.\n2. Festetiden er 40 år.\n")
    ex = run(text)
    c = ex.cases[0]
    assert c.case_key == "Formannskapet 118/2023"
    assert c.title == "SØKNAD OM FESTE AV GRUNN"
    assert c.meeting_date.isoformat() == "2023-10-24"
    assert [r.item_no for r in ex.recommendations] == [1, 2]
    assert not ex.references


def test_saksgang_row_number_is_not_part_of_the_committee():
    ex = run("Saksgang                              Møtedato      Saknr\n"
             "1 Plan- og byggesaksutvalget          30.01.2024    7/24\n\nTittel\n\nTekst.\n")
    assert ex.cases[0].case_key == "Plan- og byggesaksutvalget 7/2024"


def test_case_number_after_a_line_ending_in_jf_is_a_reference():
    ex = run("F-sak nr. : 112/94\n\nTittel\n\nPengene settes av til fondet, jf.\nK-sak 88/93. Resten dekkes.\n")
    assert [c.case_key for c in ex.cases] == ["F 112/1994"]
    assert [r.target_case_key for r in ex.references] == ["K 88/1993"]


def test_pipe_table_titles():
    ex = run("Saksnr     | Innhold                       | Lukket\n"
             "PS 14/24   | Godkjenning av protokoll      |\n"
             "PS 15/24   | Klage på vedtak               | X (Offl. § 13)\n")
    assert [c.title for c in ex.cases] == ["Godkjenning av protokoll", "Klage på vedtak"]


def test_formula_line_and_lettered_points():
    ex = run("Sak 5/2024 Tittel\n\nForslag til vedtak\nStyret i X HF fatter følgende vedtak:\n"
             "a) Første punkt.\nb) Andre punkt.\n\nBakgrunn\nTekst om saken som er lang nok til å være et avsnitt.\n")
    assert [(r.item_no, r.text) for r in ex.recommendations] == [(1, "Første punkt."), (2, "Andre punkt.")]


def test_intro_paragraph_then_numbered_points():
    ex = run("Sak 5/2024 Tittel\n\nSekretariatets innstilling\nUtvalget legger saken fram med følgende forslag:\n\n"
             "1. Rapporten tas til orientering.\n2. Tiltak følges opp.\n")
    assert [r.item_no for r in ex.recommendations] == [None, 1, 2]


@pytest.mark.parametrize("heading", ["FSK-vedtak:", "AMU - vedtak:", "Vedtak:"])
def test_body_prefixed_decision_headings(heading):
    ex = run(f"Sak 5/2024 Tittel\n\n{heading}\nInnkalling og sakliste vert godkjend.\n\nRøysting:\nSamrøystes.\n")
    assert [(r.kind, r.text) for r in ex.recommendations] == [("decision", "Innkalling og sakliste vert godkjend.")]


def test_short_vote_line_ends_a_point():
    ex = run("Sak 5/2024 Tittel\n\nVedtak:\n1. Budsjettet vedtas.\n2. Planen vedtas som framlagt.\nEnstemmig.\n")
    assert [r.text for r in ex.recommendations] == ["Budsjettet vedtas.", "Planen vedtas som framlagt."]


def test_numbered_and_spaced_letter_headings():
    ex = run("Sak 5/2024 Tittel\n\n1. Bakgrunn\nStyret ba om en plan for å redusere antallet korridorpasienter i fjor.\n\n"
             "2. Planens hovedgrep\nPlanen bygger på kapasitetsanalysen som ble lagt fram tidligere i år.\n\n"
             "S a k s o p p l y s n i n g e r :\n\nEiendommen har stått ledig siden 1992, og den skal nå selges.\n")
    assert [s.heading for s in ex.sections] == ["Bakgrunn", "Planens hovedgrep", "Saksopplysninger"]


def test_list_of_dates_takes_the_year_written_once():
    ex = run("Referat 12.12.2023\n\nMøteplan: Rådet møtes 2. februar, 14. juni og 29. november 2024.\n")
    got = [(d.date.isoformat(), d.role, d.year_inferred) for d in ex.dates[1:]]
    assert got == [("2024-02-02", "event", True), ("2024-06-14", "event", True), ("2024-11-29", "event", False)]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Formannskapet behandlet saken i møte 24.10.2023.", "meeting_date"),
        ("Kinn kommunestyre handsamar saka torsdag 17. oktober 2024.", "meeting_date"),
        ("Fylkestinget får saka til endeleg handsaming 22.10.2024.", "meeting_date"),
        ("Prosjektplanen ble behandlet i møte 18. april 2024.", "event"),
        ("Gjennomgangen ble lagt fram for utdanningsutvalget 24. april 2024.", "event"),
        ("Arbeidstilsynet hadde tilsyn med bufellesskapet 19. mars 2024.", "event"),
        ("Det blir frukostseminar i rådhuset onsdag 9. oktober 2024.", "event"),
        ("Det vart halde folkemøte på Eid 15. januar og i Florø 17. januar 2024.", "event"),
        ("Ny avtaleperiode starter 1. januar 2024.", "mentioned"),
    ],
)
def test_date_roles_from_cues(sentence, role):
    ex = run(f"Sak 5/2024 Tittel\n\n{sentence}\n")
    assert ex.dates[-1].role == role


def test_own_case_mentioned_in_prose_is_not_a_reference_and_named_bodies_win():
    text = ("Utvalg: Formannskapet\n\nFSK-sak 4/25 Sal av tomt\n\nSakene 4/25 og 5/25 vart drøfta saman. "
            "Tomta var drøfta i formannskapet i sak 61/2017. Sjå òg sak 61/2019 i kommunestyret.\n\n"
            "FSK-sak 5/25 Tilskot\n\nTekst.\n")
    ex = run(text)
    assert [r.target_case_key for r in ex.references] == ["Formannskapet 61/2017", "Kommunestyret 61/2019"]


def test_committee_from_referat_line_and_to_field():
    ex = run("REFERAT FRÅ ARBEIDSMILJØUTVALET (AMU)\n\nAMU-sak 14/24 Godkjenning\n\nTekst.\n")
    assert ex.cases[0].committee == "Arbeidsmiljøutvalet"
    ex = run("Til: Representantskapet\nSak: RS 05/2024\n\nÅrsregnskap\n\nTekst.\n")
    assert ex.cases[0].committee == "Representantskapet"
    ex = run("Til: Mosjøen Båtforening\nSak: RS 05/2024\n\nÅrsregnskap\n\nTekst.\n")
    assert ex.cases[0].committee is None


def test_more_archive_system_labels():
    ex = run("Vår ref.: 24/118-4\nVår dato: 12.02.2024\nKlassering: FE-033\nSaksnr.: 7/24\nUtvalg: Formannskapet\n\n"
             "Tittel\n\nRådmannens tilrådning:\nSaken tas til orientering.\n")
    c = ex.cases[0]
    assert (c.case_key, c.document_date.isoformat(), c.archive_code) == ("Formannskapet 7/2024", "2024-02-12", "FE-033")
    assert [(r.kind, r.text) for r in ex.recommendations] == [("recommendation", "Saken tas til orientering.")]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("Saka vart drøfta i sakene 12/23, 14/23 og 15/23 i fjor.",
         ["Formannskapet 12/2023", "Formannskapet 14/2023", "Formannskapet 15/2023"]),
        ("Jf. sak 12 og 13/2023 om budsjett.", ["Formannskapet 12/2023", "Formannskapet 13/2023"]),
        ("Jf. sakene 8/2023–10/2023 om budsjett.",
         ["Formannskapet 8/2023", "Formannskapet 9/2023", "Formannskapet 10/2023"]),
        ("Vist til sakene 30 og 31 i vår.", ["Formannskapet 30/2024", "Formannskapet 31/2024"]),
        ("Jf. sak 30 og 2 andre saker.", ["Formannskapet 30/2024"]),
        ("Jf. sak 12/2023 og 14 prosent.", ["Formannskapet 12/2023"]),
    ],
)
def test_lists_of_case_numbers_after_one_label(sentence, targets):
    ex = run(f"Utvalg: Formannskapet\nSaksnr.: 5/2024\n\nTittel\n\n{sentence}\n")
    assert [r.target_case_key for r in ex.references] == targets


@pytest.mark.parametrize(
    "header",
    [
        "Saksbehandler    Løpenr.      Arkivsak-dok.   Dato\nKari Holm        21455/2024   24/1876-3       04.03.2024\n",
        "Arkivsak: 24/1876   JournalpostID: 24/21455   Saksbehandler: Kari Holm   Dato: 04.03.2024\n",
        "Saksbehandler: Kari Holm  Arkiv: 033  Arkivsaksnr.: 24/1876\nDato: 04.03.2024\n",
    ],
)
def test_header_tables_with_unknown_columns_and_tight_spacing(header):
    ex = run(f"{header}\nSak 5/2024 Tittel\n\nTekst.\n")
    c = ex.cases[0]
    assert (c.case_handlers, c.document_date.isoformat(), c.archive_case_no) == (("Kari Holm",), "2024-03-04", "2024/1876")
