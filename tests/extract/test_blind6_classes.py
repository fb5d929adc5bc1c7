"""The classes of failure found on blind batch 6 (tests/gold/blind6), each on a minimal text
of its own (not copied from the gold documents), so the general mechanism is tested rather
than the gold document. One test (or parametrised group) per mechanism."""

from __future__ import annotations

import pytest

from extractors import extract_document
from tests.extract.conftest import date_role as _role, run


def _dates(ex):
    return {(d.date.isoformat(), d.date_end.isoformat() if d.date_end else None, d.year_inferred) for d in ex.dates}


# ---- saksgang head with the nynorsk "Utvalssaksnr" or an abbreviated "Utv.saksnr" column ------------------
@pytest.mark.parametrize(("head", "row"), [
    ("Utval                         Møtedato      Utvalssaksnr", "Plan- og miljøutvalet         11.03.2025    17/25"),
    ("Utval              Utv.saksnr    Møtedato", "Levekårsutvalet    17/25         11.03.2025"),
    ("Utvalg             Utvalsak      Møtedato", "Levekårsutvalet    17/25         11.03.2025"),
])
def test_saksgang_head_with_nynorsk_or_abbreviated_number_column(head, row):
    ex = run("Eksempel kommune\n\nSAKSFRAMLEGG\n\nArkivsak:        2025/77-4\nSakshandsamar:   Kari Nes\n"
             f"Dato:            20.02.2025\n\n{head}\n{row}\nKommunestyret                 27.03.2025\n\n"
             "Ny parkeringsordning ved rådhuset\n\nSaksutgreiing\nOrdninga vert endra.\n")
    c = ex.cases[0]
    assert c.case_key.endswith(" 17/2025")
    assert (c.title, c.archive_case_no, c.meeting_date.isoformat()) == (
        "Ny parkeringsordning ved rådhuset", "2025/77", "2025-03-11")


# ---- a label and its value far apart in a two-column letter header ------------------------------------
def test_two_column_letter_header_with_wide_gaps():
    ex = run("Eksempel kommune\n\nVår dato:        14.05.2024              Vår referanse:     24/01234-5\n"
             "Deres dato:      02.05.2024              Deres referanse:\n"
             "Saksbehandler:   Ola Vik, tlf. 99 88 77 66\n\n"
             "Melding om vedtak – søknad om dispensasjon\n\n"
             "Plan- og miljøutvalget behandlet saken i møte 12.05.2024, sak 33/24, og fattet følgende vedtak:\n\n"
             "1. Søknaden innvilges.\n2. Vilkåret i punkt 3 gjelder.\n\nVedtaket var enstemmig.\n")
    c = ex.cases[0]
    assert (c.case_key, c.our_ref, c.document_date.isoformat()) == ("Plan- og miljøutvalget 33/2024", "24/01234-5",
                                                                     "2024-05-14")


# ---- a letter's subject line in sentence case, below a postal line ------------------------------------
def test_letter_subject_in_sentence_case_is_the_title_not_the_postal_line():
    ex = run("Eksempel kommune\n\nPer Hansen\nStorgata 1\n1234 VESTBYGD\n\n"
             "Melding om vedtak – klage på gebyr for feiing\n\n"
             "Formannskapet behandlet saken i møte 03.04.2024, sak 21/24, og fattet følgende vedtak:\n\n"
             "1. Klagen tas ikke til følge.\n")
    assert ex.cases[0].title == "klage på gebyr for feiing"


# ---- a prose line telling the own case's treatment opens the decision block ---------------------------
@pytest.mark.parametrize("line", [
    "Formannskapet behandlet saken i møte 03.04.2024, sak 21/24, og fattet følgende vedtak:",
    "Formannskapet har behandla søknaden i møte 03.04.2024, sak 21/24, og gjorde slikt vedtak:",
])
def test_prose_treatment_line_opens_the_decision(line):
    ex = run(f"Eksempel kommune\n\nMelding om vedtak – søknad om tilskot\n\n{line}\n\n"
             "1. Søknaden blir innvilga.\n2. Tilskotet blir betalt ut i mai.\n\nVedtaket var samrøystes.\n")
    recs = [(r.kind, r.item_no, r.text) for r in ex.recommendations]
    assert recs == [("decision", 1, "Søknaden blir innvilga."), ("decision", 2, "Tilskotet blir betalt ut i mai.")]


# ---- references: the body of a record in an attachment list, a coordinated compound body, aux + verb after ----
@pytest.mark.parametrize(("sentence", "target"), [
    ("Vedlegg:\n1. Særutskrift bystyret 14.06.2018, sak 61/18 – gebyrregulativ\n", "Bystyret 61/2018"),
    ("Vedlegg:\n1. Saksprotokoll Kultur- og oppvekstutvalget 02.02.2022, sak 7/22\n",
     "Kultur- og oppvekstutvalget 7/2022"),
    ("Saksopplysninger\nKultur- og oppvekstutvalget vedtok i sak 7/22 å sende planen på høring.\n",
     "Kultur- og oppvekstutvalget 7/2022"),
    ("Saksopplysninger\nBystyret har i sak 61/2018 vedtatt gebyrene for feiing.\n", "Bystyret 61/2018"),
])
def test_reference_body(sentence, target):
    ex = run("Saksframlegg\n\nSak 15/24 Feiegebyr\n\n" + sentence)
    assert target in [r.target_case_key for r in ex.references], [r.target_case_key for r in ex.references]


def test_generic_own_body_after_another_bodys_clause():
    ex = run("Protokoll\n\nUtval:  Ungdomsrådet\n\nPS 4/25 Plan for idrettsanlegg\n\n"
             "Kommunestyret vedtok planprogrammet 12.09.2024, sak 2024/77, og rådet gav uttale i sak 9/24.\n")
    targets = [r.target_case_key for r in ex.references]
    assert "Ungdomsrådet 9/2024" in targets and "Kommunestyret 9/2024" not in targets, targets


# ---- a label before a day and month is no case number ----------------------------------------------------
def test_label_before_a_day_and_month_is_no_case_number():
    ex = run("Saksframlegg\n\nSak 15/24 Budsjett\n\nFylkesutvalet handsamar saka som orienteringssak 23. september.\n")
    assert [r.target_case_key for r in ex.references] == []


# ---- agenda rows: a mark in a last column is no part of the title ------------------------------------------
def test_mark_in_a_closed_column_is_not_part_of_the_title():
    ex = run("Møteinnkalling\n\nSaksliste\n\nSaknr       Tittel                                              Lukket\n"
             "PS 5/25     Søknad om skjenkebevilling                          X\n"
             "PS 6/25     Budsjettkontroll\n")
    titles = {c.case_key: c.title for c in ex.cases}
    assert titles["PS 5/2025"] == "Søknad om skjenkebevilling"


# ---- dates ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["hvert år", "kvart år"])
def test_recurring_day_takes_the_documents_year(phrase):
    ex = run(f"Dato: 10.09.2024\n\nSøknaden må sendes innen 1. februar {phrase}.\n")
    assert ("2024-02-01", None, True) in _dates(ex)


def test_frå_og_med_til_og_med_range():
    ex = run("Dato: 10.09.2024\n\nSommarferien varer frå og med 23. juni 2025 til og med 15. august 2025.\n")
    assert ("2025-06-23", "2025-08-15", False) in _dates(ex)


@pytest.mark.parametrize(("sentence", "iso", "role"), [
    ("Andre termin forfaller 15. mai.", "2024-05-15", "deadline"),
    ("Tomta ble befart av utvalget 4. mars 2024.", "2024-03-04", "event"),
    ("Registreringen ble gjort av konsulenten i perioden 2.–9. april 2024.", "2024-04-02", "event"),
    ("Rådmannen orienterte om klagen, som kom inn 3. mars.", "2024-03-03", "mentioned"),
    ("Vedlegg:\n1. Saksprotokoll Helse- og omsorgsutvalget 12.03.2024, sak 9/24", "2024-03-12", "event"),
])
def test_date_roles(sentence, iso, role):
    ex = run(f"Dato: 10.04.2024\n\nSak 15/24 Tomt\n\n{sentence}\n")
    assert _role(ex, iso) == role


def test_year_after_a_page_break_is_not_the_dates():
    ex = extract_document([(1, "Frist 1. november–28. februar"), (2, "2019 ble et godt år.")])
    for d in ex.dates:
        assert "\n" not in d.text
