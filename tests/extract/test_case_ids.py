"""Case identifiers in the formats real papers use, and header fields (bokmål, nynorsk)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import run


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("SSU sak 3/2024", "SSU 3/2024"),
        ("SSU sak 26-2022", "SSU 26/2022"),
        ("Sak 44/08", "Sak 44/2008"),
        ("PS 22/2018", "PS 22/2018"),
        ("K-sak 27/97", "K 27/1997"),
        ("Sak 2019/41", "Sak 41/2019"),
        ("FS-12/14", "FS 12/2014"),
        ("Sak 04-22", "Sak 4/2022"),
        ("Styresak 045-2024", "Styresak 45/2024"),
        ("RS-sak 5/2024", "RS 5/2024"),
        ("PS 52 /22", "PS 52/2022"),
        # abbreviations in mixed case or glued to the word, "Saknr." (none of them in the gold set)
        ("Kst-sak 14/24", "Kst 14/2024"),
        ("Fsk.sak 3/2025", "Fsk 3/2025"),
        ("Ksak 14/97", "K 14/1997"),
        ("Saknr. 19/05", "Sak 19/2005"),
        ("Utv.sak 45/21", "Sak 45/2021"),
    ],
)
def test_case_header_formats(header, key):
    ex = run(f"{header}\n\nEin tittel på saka\n\nSaksbehandler: Kari Nordmann\n")
    assert [c.case_key for c in ex.cases] == [key]
    case = ex.cases[0]
    assert case.title == "Ein tittel på saka"
    assert len(str(case.year)) == 4
    page_text = f"{header}\n\nEin tittel på saka\n\nSaksbehandler: Kari Nordmann\n"
    assert page_text[case.char_start : case.char_end] == case.text


def test_generic_sak_takes_the_committee_as_body():
    ex = run("Utvalg: Formannskapet\nMøtedato: 12.03.2024\n\nSak 12/24 Budsjett\n\nTekst her.\n")
    assert ex.cases[0].case_key == "Formannskapet 12/2024"
    assert ex.cases[0].committee == "Formannskapet"


def test_header_fields_bokmal():
    text = (
        "SSU sak 26/2024\n\nHelsefellesskapet 2024\n\n"
        "Saksbehandler: Knut Erik Dahlmo/Stian Molvik\nAvkl. sekr; TKK/KED\n"
        "Dato dok: 17.10.2024\nMøtedato: 04.12.2024\nVår ref: 26/2024\nDeres ref: 24/118\n"
        "Arkivsaksnr.: 08/1123\nArkiv: 033\nUtvalg: Strategisk samarbeidsutvalg\n"
    )
    c = run(text).cases[0]
    assert c.case_handlers == ("Knut Erik Dahlmo", "Stian Molvik")
    assert c.case_handler == "Knut Erik Dahlmo; Stian Molvik"
    assert c.avkl_sekr == ("TKK", "KED")
    assert c.document_date == dt.date(2024, 10, 17)
    assert c.meeting_date == dt.date(2024, 12, 4)
    assert (c.our_ref, c.your_ref) == ("26/2024", "24/118")
    assert c.archive_case_no == "2008/1123"
    assert c.archive_code == "033"
    assert c.committee == "Strategisk samarbeidsutvalg"
    fields = {f.field: f for f in c.fields}
    assert text[fields["our_ref"].char_start : fields["our_ref"].char_end] == "26/2024"


def test_header_fields_nynorsk():
    text = (
        "Sak 2019/41\nUtval: Opplæringsutvalet\nMøtedato: 07.05.2019\n"
        "Sakshandsamar: Eirik Haugland og Solveig Bremnes\nArkivsak ID: 2019/3312\nDykkar ref: 19/88-2\n\n"
        "Skulebruksplan\n"
    )
    c = run(text).cases[0]
    assert c.case_key == "Opplæringsutvalet 41/2019"
    assert c.case_handlers == ("Eirik Haugland", "Solveig Bremnes")
    assert c.archive_case_no == "2019/3312"
    assert c.your_ref == "19/88-2"
    assert c.title == "Skulebruksplan"


def test_fields_laid_out_as_a_table():
    text = (
        "Sak 2021/34\n\nSakshandsamar   Arkiv        ArkivsakID\n"
        "Sigrid Nes      FE-614       21/4410\n\nNytt reglement\n"
    )
    c = run(text).cases[0]
    assert c.case_handlers == ("Sigrid Nes",)
    assert (c.archive_code, c.archive_case_no) == ("FE-614", "2021/4410")
    assert c.title == "Nytt reglement"


def test_saksgang_table_gives_case_committee_and_meeting_date():
    text = (
        "Arkivsaksnr.: 14/236\n\nSaksgang         Møtedato    Saksnr.\n"
        "Formannskapet    18.02.2014  FS-12/14\nKommunestyret    06.03.2014\n\nRegnskapsrapport\n"
    )
    c = run(text).cases[0]
    assert c.case_key == "FS 12/2014"
    assert c.committee == "Formannskapet"
    assert c.meeting_date == dt.date(2014, 2, 18)
    assert c.title == "Regnskapsrapport"


def test_agenda_table_rows_are_cases_with_archive_numbers():
    text = (
        "Utvalg: Kommunestyret\nMøtedato: 18.09.2008\n\nSAKSLISTE\n\n"
        "Saksnr.   Arkivsaksnr.   Tittel\n44/08     08/1123        BUDSJETTREGULERING 2008\n"
        "45/08     07/2210        SALG AV BOLIGER\n\nBø, 04.09.2008\n"
    )
    cases = run(text).cases
    assert [c.case_key for c in cases] == ["Kommunestyret 44/2008", "Kommunestyret 45/2008"]
    assert [c.archive_case_no for c in cases] == ["2008/1123", "2007/2210"]
    assert all(c.meeting_date == dt.date(2008, 9, 18) for c in cases)
    assert all(c.document_date == dt.date(2008, 9, 4) for c in cases)
    # the case numbers are not read as dates ("44/08")
    assert {d.date for d in run(text).dates} == {dt.date(2008, 9, 18), dt.date(2008, 9, 4)}


def test_a_case_number_inside_a_sentence_is_not_a_case_header():
    ex = run("SSU sak 26/2022\n\nTittel\n\nBakgrunn:\nI\nsak 09-2021 vedtok partnerskapsmøtet noko.\n")
    assert [c.case_key for c in ex.cases] == ["SSU 26/2022"]


def test_case_number_given_as_a_field_and_title_field():
    text = (
        "Saksprotokoll\n\nUtvalg: Formannskapet\nMøtedato: 05.06.2024\nSak: 54/24\n\n"
        "Arkivsak: 24/1432\nTittel: SAKSPROTOKOLL - KJØP AV TOMT\n\nVedtak:\nFormannskapet godkjenner kjøpet.\n"
    )
    (c,) = run(text).cases
    assert (c.case_key, c.title, c.archive_case_no) == ("Formannskapet 54/2024", "KJØP AV TOMT", "2024/1432")
    assert c.meeting_date == dt.date(2024, 6, 5)


def test_pipe_separated_saksgang_table():
    text = (
        "SAKSFRAMLEGG\n\n| Utval | Møtedato | Saksnr |\n| Formannskapet | 14.02.2023 | 012/23 |\n"
        "| Heradsstyret | 28.02.2023 | 009/23 |\n\nSakshandsamar: Torbjørn Nå\n\nReguleringsplan for sentrum\n"
    )
    ex = run(text)
    (c,) = ex.cases
    assert (c.case_key, c.committee, c.meeting_date) == ("Formannskapet 12/2023", "Formannskapet", dt.date(2023, 2, 14))
    assert c.title == "Reguleringsplan for sentrum"
    assert [r.target_case_key for r in ex.references] == ["Heradsstyret 9/2023"]


def test_round_six_labels_and_body_lines():
    text = (
        "Hovudutval for samferdsel og mobilitet\n\nSaknr.: 45/24\nDato for styremøte: 11.09.2024\n"
        "Saksbehandler: Direktør for økonomi Tor Ås\nSaksnummer i arkiv: 2024/4411\n\nNye takstar\n"
    )
    (c,) = run(text).cases
    assert c.case_key == "Hovudutval for samferdsel og mobilitet 45/2024"
    assert (c.meeting_date, c.case_handlers, c.archive_case_no) == (dt.date(2024, 9, 11), ("Tor Ås",), "2024/4411")
    assert run("Møtebok for kommunestyret i Stryn\n\nKS-sak 23/24  Årsmelding\n").cases[0].committee == "Kommunestyret"


@pytest.mark.parametrize(
    "second",
    ["Medsaksbehandler: Per Hansen, rådgiver", "Medsakshandsamar: Per Hansen", "Saksbehandler 2: Per Hansen"],
)
def test_a_second_handler_field_adds_the_second_handler(second):
    text = f"Sak 3/2024\n\nTittel her\n\nSaksbehandler: Kari Nordmann\n{second}\nDato: 12.03.2024\n"
    c = run(text).cases[0]
    assert c.case_handlers == ("Kari Nordmann", "Per Hansen")
    rows = [f for f in c.fields if f.field == "case_handler"]
    assert [text[f.char_start : f.char_end] for f in rows] == [f.text for f in rows]
    assert {f.extractor for f in rows} == {"case.header_field", "case.co_handler"}
