"""The classes of failure found on blind batches 10 and 11 (tests/gold/blind10: helsefellesskap papers
with other habits; blind11: bodies the earlier batches covered least), each on a minimal text of its
own (not copied from the gold documents)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import date_role as _role, run


# ---- committees named by a body line -------------------------------------------------------------------------
@pytest.mark.parametrize(("body_line", "committee"), [
    ("Helsefellesskapet Nordvik – Strategisk samarbeidsutvalg", "Strategisk samarbeidsutvalg"),  # owner – body
    ("INNKALLING – PARTNERSKAPSMØTET 2025", "Partnerskapsmøtet"),
    ("Den norske kyrkja\nStrandvik kyrkjelege fellesråd", "Strandvik kyrkjelege fellesråd"),  # adjective + noun
    ("Eksempel kommune\n\nMØTEPROTOKOLL – Styret i Eksempel Eigedom KF", "Styret"),
    ("Eksempel kommune\n\nSaksprotokoll i Ungdomsrådet - 05.11.2024", "Ungdomsrådet"),
])
def test_body_lines_of_other_bodies(body_line, committee):
    ex = run(f"{body_line}\n\nDato: 12.03.2025\n\nSak 04/25   Årsmelding\n\nTekst om saka.\n")
    assert [c.committee for c in ex.cases] == [committee]


# ---- a generic series word and an agenda table with "|" -------------------------------------------------------
def test_motesak_names_no_body():
    ex = run("Faglig samarbeidsutvalg for rehabilitering\n\nMøtesak 12/25   Felles rutine\n\nTekst.\n")
    assert [c.case_key for c in ex.cases] == ["Faglig samarbeidsutvalg for rehabilitering 12/2025"]


def test_agenda_table_with_bars_and_bare_numbers():
    ex = run("INNKALLING – PARTNERSKAPSMØTET 2025\n\nDato: torsdag 23. oktober 2025\n\nSaksliste\n\n"
             "Sak  | Tittel                      | Type\n1/25 | Godkjenning av innkalling   | Beslutningssak\n"
             "2/25 | Statusrapport 2024          | Orienteringssak\n")
    assert [(c.case_key, c.title) for c in ex.cases] == [("Partnerskapsmøtet 1/2025", "Godkjenning av innkalling"),
                                                         ("Partnerskapsmøtet 2/2025", "Statusrapport 2024")]


# ---- header fields --------------------------------------------------------------------------------------------
def test_a_line_of_label_value_pairs_is_not_a_row_of_column_labels():
    ex = run("Eksempel regionråd\n\nSAKSFRAMLEGG\n\nSaksbehandler:  Ingrid Moe          Arkiv:   N03\n"
             "Arkivsak:       25/00188-4          Dato:    03.03.2025\n\nSak 9/25 Rutestruktur\n\nTekst.\n")
    case = ex.cases[0]
    assert list(case.case_handlers) == ["Ingrid Moe"] and case.archive_code == "N03"
    assert case.document_date.isoformat() == "2025-03-03"


def test_column_labels_may_end_with_a_colon():
    ex = run("Statens vegvesen\n\nSakshandsamar/telefon:   Dykkar referanse:   Vår referanse:   Vår dato:\n"
             "Eirik Fosse / 915 22 874   24/01187-4          24/118734-6      12.11.2024\n\nSvar på søknad\n\nTekst.\n")
    assert any(d.role == "document_date" and d.date.isoformat() == "2024-11-12" for d in ex.dates)


@pytest.mark.parametrize(("fields", "handler"), [
    ("Saksansvarlig:  Kari Vang", "Kari Vang"),  # the only handler field
    ("Saksansvarlig:  Prorektor Hilde Dal\nSaksbehandler:  Jonas Berg", "Jonas Berg"),  # beside a handler: a leader
])
def test_saksansvarlig_is_the_handler_only_without_a_saksbehandler(fields, handler):
    ex = run(f"Eksempel utvalg\n\nSak 12/2025 Felles rutine\n\n{fields}\nDato: 03.03.2025\n\nTekst.\n")
    assert list(ex.cases[0].case_handlers) == [handler]


# ---- recommendation and decision headings -------------------------------------------------------------------------
def test_cooperation_recommendation_and_decision_headings():
    ex = run("Referat fra møte i Klinisk samarbeidsutvalg\n\nDato: 12.03.2025\n\nSak 20/25 Indikatorer\n\n"
             "Anbefalt konklusjon:\nUtvalget slutter seg til indikatorene.\n\nBeslutning:\nSom anbefalt konklusjon.\n\n"
             "Sak 21/25 Møteplan\n\nForslag til konsensus:\nMøteplanen godkjennes.\n\nKonsensus i møtet: Som forslaget.\n")
    assert [(r.case_key.split()[-1], r.kind, r.text) for r in ex.recommendations] == [
        ("20/2025", "recommendation", "Utvalget slutter seg til indikatorene."),
        ("20/2025", "decision", "Som anbefalt konklusjon."),
        ("21/2025", "recommendation", "Møteplanen godkjennes."),
        ("21/2025", "decision", "Som forslaget."),
    ]


def test_statement_headings_of_a_council():
    ex = run("Saksprotokoll i Eldrerådet - 05.11.2024\n\nSak 31/24 Høring\n\n"
             "Kommunedirektørens forslag til uttalelse:\n1. Rådet støtter planen.\n\n"
             "Behandling:\nRådsmedlem Per Li foreslo et nytt punkt 2:\n«Rådet ber om buss.»\n\n"
             "Eldrerådets uttalelse:\n1. Rådet støtter planen.\n2. Rådet ber om buss.\n\nVedtatt mot 1 stemme (Li).\n")
    assert [(r.kind, r.item_no) for r in ex.recommendations] == [("recommendation", 1), ("decision", 1), ("decision", 2)]
    assert not any(s.heading.startswith(("Rådsmedlem", "Vedtatt")) for s in ex.sections)


# ---- references: the own body by its noun, a possessive before the number -------------------------------------
def test_own_body_named_by_its_noun_and_possessive_before_the_number():
    ex = run("Strandvik kyrkjelege fellesråd\n\nSak 19/24 Gravplass\n\nFellesrådet handsama skissa i sak 7/24. Rådet "
             "viste til arbeidet, jf. kommunestyret sitt vedtak 14. desember 2023, sak 88/23.\n")
    assert sorted(r.target_case_key for r in ex.references) == ["Kommunestyret 88/2023",
                                                                 "Strandvik kyrkjelege fellesråd 7/2024"]


# ---- date cues ----------------------------------------------------------------------------------------------------
_PAPER = ("Eksempel kommune\n\nSAKSFRAMLEGG\n\nSaksbehandler:  Per Ås\nDato:           28.05.2024\n\n"
          "Utvalg                    Møtedato      Saksnr\nFormannskapet             04.06.2024    41/24\n\n"
          "Budsjettinnspel\n\nSaksopplysningar\n{}\n")


@pytest.mark.parametrize(("sentence", "iso", "role"), [
    # the verb elided in the second clause keeps the treatment
    ("Formannskapet handsamar budsjettet 20. november og kommunestyret 12. desember.", "2024-12-12", "meeting_date"),
    # a year naming the budget is not the date's year
    ("Kommunen har bede om innspel til budsjettet for 2025 innan 15. juni.", "2024-06-15", "deadline"),
    ("Mottakarane blir inviterte til frivilligfest fredag 7. februar 2025.", "2025-02-07", "event"),
])
def test_date_cues_of_blind10_and_blind11(sentence, iso, role):
    assert _role(run(_PAPER.format(sentence)), iso) == role


# ---- vocabulary added after the round (not from a gold error): forums and groups, case-type words,
# ---- more heading words; a typewritten heading title wrapped at its column ------------------------------------
@pytest.mark.parametrize(("body_line", "committee"), [
    ("Styringsgruppa for legevaktsamarbeidet", "Styringsgruppa for legevaktsamarbeidet"),
    ("Referat frå Samarbeidsforum for barn og unge", "Samarbeidsforum for barn og unge"),
])
def test_forums_and_groups_are_committees(body_line, committee):
    ex = run(f"{body_line}\n\nDato: 12.03.2025\n\nSak 04/25   Årsmelding\n\nTekst om saka.\n")
    assert [c.committee for c in ex.cases] == [committee]


def test_case_type_words_name_no_body():
    ex = run("Brukarutvalet\n\nBeslutningssak 4/25   Ny møteplan\n\nTekst.\n")
    assert [c.case_key for c in ex.cases] == ["Brukarutvalet 4/2025"]


@pytest.mark.parametrize(("heading", "kind"), [
    ("Forslag til beslutning:", "recommendation"), ("Anbefalt vedtak:", "recommendation"),
    ("Framlegg til avgjerd:", "recommendation"), ("Utvalgets konklusjon:", "decision"),
])
def test_more_heading_words(heading, kind):
    ex = run(f"Sak 7/2025 Møteplan\n\n{heading}\nMøteplanen godkjennes.\n")
    assert [(r.kind, r.text) for r in ex.recommendations] == [(kind, "Møteplanen godkjennes.")]


def test_typewritten_heading_title_wrapped_at_its_column():
    ex = run("Formannskapet\n\nF-sak 88/97    SALG AV TOMT I\n               INDUSTRIOMRÅDET PÅ HOLEN\n\n"
             "Rådmannens innstilling:\nTomta selges.\n")
    assert ex.cases[0].title == "SALG AV TOMT I INDUSTRIOMRÅDET PÅ HOLEN"


# ---- blind12 (a region's mix, scored once; tests/gold/README.md) ---------------------------------------------------
def test_generic_word_then_the_body_abbreviation():
    ex = run("Helsefellesskapet Nordvik\nStrategisk samarbeidsutvalg\n\nSak SSU 22/25   Felles retningslinje\n\n"
             "Saksbehandler:  Kari Li\nMøte i SSU:     13.11.2025\n\nTekst.\n")
    assert [c.case_key for c in ex.cases] == ["SSU 22/2025"]
    assert ex.cases[0].meeting_date.isoformat() == "2025-11-13"


def test_body_line_with_the_meetings_year():
    ex = run("Helsefellesskapet Nordvik\n\nREFERAT\nPartnarskapsmøtet 2026\n\nDato: 26.02.2026\n\nSak 1/26 Opning\n\nTekst.\n")
    assert [c.committee for c in ex.cases] == ["Partnarskapsmøtet"]


def test_record_of_a_group_names_the_reference_body():
    ex = run("Sak 118/2025 Legevakt\n\nVedlegg\n1. Protokoll fra styringsgruppen for legevakten 20.11.2025, sak 9/25\n")
    assert [r.target_case_key for r in ex.references] == ["Styringsgruppen 9/2025"]


@pytest.mark.parametrize(("sentence", "iso", "end", "role"), [
    ("Ei spørjeundersøking vart gjennomført frå 2. til 20. juni 2025.", "2025-06-02", "2025-06-20", "event"),
    ("Fylkesutvalet handsama saka i sak 2021/118, og avtalane gjeld til 31.12.2025.", "2025-12-31", None, "mentioned"),
    ("Legevakten skal dekke vaktene 24.–26. desember.", "2024-12-24", "2024-12-26", "event"),
])
def test_date_cues_of_blind12(sentence, iso, end, role):
    ex = run(_PAPER.format(sentence))
    hits = [d for d in ex.dates if d.date.isoformat() == iso]
    assert hits, [(d.text, d.date) for d in ex.dates]
    assert hits[0].role == role and (hits[0].date_end.isoformat() if hits[0].date_end else None) == end
