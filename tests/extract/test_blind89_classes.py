"""The classes of failure found on blind batches 8 and 9 (tests/gold/blind8, tests/gold/blind9: other
municipal kinds and the helsefellesskap domain), each on a minimal text of its own (not copied from
the gold documents), so the general mechanism is tested rather than the gold document."""

from __future__ import annotations

import pytest

from tests.extract.conftest import date_role as _role, run


_PAPER = ("Eksempel kommune\n\nSAKSFRAMLEGG\n\nSaksbehandler:  Per Ås\nArkivsak:       2025/310-2\n"
          "Dato:           03.03.2025\n\n"
          "Utvalg                    Møtedato      Saksnr\nHovedutvalg for helse     02.04.2025    11/25\n\n"
          "Nytt legekontor\n\nSaksopplysninger\n{}\n")


# ---- committees of the health-cooperation bodies: abbreviation in brackets, adjective + compound, "for" -----
@pytest.mark.parametrize(("body_line", "committee"), [
    ("Samarbeidsfellesskapet Nordvik\nStrategisk samarbeidsutvalg (SSU)", "Strategisk samarbeidsutvalg"),
    ("Helsefellesskapet Nordvik\n\nReferat fra møte i Administrativt samarbeidsutvalg (ASU)",
     "Administrativt samarbeidsutvalg"),
    ("Helsefellesskapet Nordvik\n\nProtokoll – Partnerskapsmøtet", "Partnerskapsmøtet"),
    ("Helsefellesskapet Nordvik\n\nReferat frå Fagleg samarbeidsutval for barn og unge", "Fagleg samarbeidsutval for barn og unge"),
    ("Eksempel kommune\n\nMØTEPROTOKOLL\n\nRåd for eldre og personar med funksjonsnedsetting",
     "Råd for eldre og personar med funksjonsnedsetting"),
    ("Nordvik HF og kommunane\nOverordna samarbeidsorgan (OSO)", "Overordna samarbeidsorgan"),
])
def test_cooperation_body_lines_name_the_committee(body_line, committee):
    ex = run(f"{body_line}\n\nDato: 12.03.2025\n\nSak 04/25   Felles rutine for utskriving\n\nTekst om saka.\n")
    assert [c.committee for c in ex.cases] == [committee]
    assert ex.cases[0].case_key == f"{committee} 4/2025"  # a generic "Sak" takes the committee


# ---- a delegated decision carries its number in a field -----------------------------------------------------
@pytest.mark.parametrize("label", ["Delegert sak nr.:", "Delegert vedtak nr.:", "Vedtaksnr.:"])
def test_delegated_decision_number_field(label):
    ex = run(f"Eksempel kommune\n\nDELEGERT VEDTAK\n\n{label}   DS 45/24\nArkivsak:   24/880-3\n"
             "Dato:       12.06.2024\n\nTillatelse til graving i kommunal veg\n\nVedtak:\n1. Tillatelse gis.\n")
    assert [c.case_key for c in ex.cases] == ["DS 45/2024"]
    assert ex.cases[0].title == "Tillatelse til graving i kommunal veg"


# ---- bare "Konklusjon:" / "Uttale:" in minutes are decisions; "Konklusjon" heading a paper's part is not ---
def test_conclusion_and_statement_in_minutes_are_decisions():
    ex = run("Referat fra møte i Eksempelrådet\n\nDato: 12.03.2025\n\nSak 04/25 Budsjett\n\n"
             "Konklusjon: Rådet tar budsjettet til orientering.\n\nSak 05/25 Plan for eldreomsorg\n\n"
             "Uttale:\n1. Rådet støttar planen.\n2. Rådet ber om fleire plassar.\n")
    recs = [(r.case_key, r.kind, r.item_no, r.text) for r in ex.recommendations]
    assert recs == [
        ("Eksempelrådet 4/2025", "decision", None, "Rådet tar budsjettet til orientering."),
        ("Eksempelrådet 5/2025", "decision", 1, "Rådet støttar planen."),
        ("Eksempelrådet 5/2025", "decision", 2, "Rådet ber om fleire plassar."),
    ]


def test_conclusion_heading_of_a_paper_is_a_section():
    ex = run(_PAPER.format("Kommunen har behov for nye lokaler til legekontoret i sentrum.\n\nKonklusjon\n"
                           "Kommunedirektøren mener leie er den beste løsningen på kort sikt for kommunen.\n\n"
                           "Revisjonens konklusjoner\nRevisjonen finner at rutinene i hovedsak blir fulgt i dag."))
    assert not ex.recommendations
    assert {"Konklusjon", "Revisjonens konklusjoner"} <= {s.heading for s in ex.sections}


# ---- a formula opening an innstilling ("... med slik innstilling:") is no row -------------------------------
def test_innstilling_formula_is_no_row():
    ex = run("Sak 14/2023 Rapport om innkjøp\n\nSekretariatets innstilling\nKontrollutvalget legger saken fram for "
             "kommunestyret med slik innstilling:\n1. Rapporten tas til orientering.\n2. Anbefalingene følges opp.\n")
    assert [(r.kind, r.item_no) for r in ex.recommendations] == [("recommendation", 1), ("recommendation", 2)]


# ---- a sentence leading into a list is no heading; a question heading is -----------------------------------
def test_lead_in_sentence_is_no_heading():
    ex = run(_PAPER.format("Avtalen er revidert.\n\nDe viktigste endringene er:\n- ny rutine for varsling av "
                           "utskrivingsklare pasienter\n- felles opplæring\n\nHva saken gjelder:\nSaken gjelder "
                           "godkjenning av revidert samarbeidsavtale med helseforetaket for perioden fram til 2028."))
    heads = {s.heading for s in ex.sections}
    assert "De viktigste endringene er" not in heads and "Hva saken gjelder" in heads


# ---- reference bodies: an adjective and a council noun; a former body ----------------------------------------
@pytest.mark.parametrize(("sentence", "target"), [
    ("Strategisk samarbeidsutval handsama utkastet i møtet 11. februar 2025, sak 06-25.", "Strategisk samarbeidsutval 6/2025"),
    ("Rutinen ble godkjent av det tidligere samhandlingsutvalget i sak 7/2013.", "Samhandlingsutvalget 7/2013"),
])
def test_reference_body_named_by_adjective_or_as_former_body(sentence, target):
    ex = run(_PAPER.format(sentence))
    assert [r.target_case_key for r in ex.references] == [target]


# ---- date cues ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "iso", "role"), [
    # a body given the matter for information, even when it is laid before it in a meeting
    ("Vedtaket legges fram for Plan- og miljøutvalget til orientering i møtet 30. april 2025.", "2025-04-30", "event"),
    # laid before a body without "i møtet"; the case coming back
    ("Saken legges fram for formannskapet 15. april og sluttbehandles i kommunestyret 24. april.", "2025-04-15",
     "meeting_date"),
    ("Saka kjem att i møtet 20. mai.", "2025-05-20", "meeting_date"),
    ("Saken tas opp igjen i HOU 20.05.2025.", "2025-05-20", "meeting_date"),
    # a limit set by an occasion
    ("Skilting må vere på plass før opninga 2. juni.", "2025-06-02", "deadline"),
    # taken into use / agreed to right before the date
    ("Hovudutvalet vart orientert om det nye systemet, som etter planen tas i bruk 1. september 2025.", "2025-09-01",
     "mentioned"),
    ("Partnerskapsmøtet sluttet seg 24. januar til strategien.", "2025-01-24", "mentioned"),
    # a pilot over a period is an activity; validity over a period is not
    ("Piloten gjekk frå 1. februar til 31. oktober 2024 i to kommunar.", "2024-02-01", "event"),
    ("Avtalen gjeld frå 1. februar til 31. oktober 2025.", "2025-02-01", "mentioned"),
    # a committee's meeting named by its abbreviation
    ("Saken ble forberedt i SSU 28. november 2024.", "2024-11-28", "event"),
    # school start is a school day
    ("Bygget skal tas i bruk ved skolestart 18. august 2025.", "2025-08-18", "event"),
])
def test_date_cues_of_blind8_and_blind9(sentence, iso, role):
    assert _role(run(_PAPER.format(sentence)), iso) == role


def test_year_after_a_colon_names_the_subject_not_the_date():
    ex = run(_PAPER.format("Frister:\n- Frist for innspill til budsjett 2026: 15. august"))
    assert _role(ex, "2025-08-15") == "deadline"


def test_present_tense_presentation_is_in_the_future():
    # the paper is dated 03.03.2025: "legger fram ... 2. oktober" is the coming October, not the last
    ex = run(_PAPER.format("Sekretariatet legger fram en oppsummering i SSU-møtet 2. oktober."))
    assert _role(ex, "2025-10-02") == "event"


# ---- a title field wrapped onto the value column of the next line --------------------------------------------
def test_wrapped_title_field():
    ex = run("OSO-sak       : 11/14\nTittel        : Evaluering av tjenesteavtale om utskrivningsklare\n"
             "                pasienter\nMøtedato      : 04.06.2014\n\nTekst om saken.\n")
    assert ex.cases[0].title == "Evaluering av tjenesteavtale om utskrivningsklare pasienter"
