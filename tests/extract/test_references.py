"""References to other cases: attachment lists, inline mentions, ranges, URLs."""

from __future__ import annotations

from tests.extract.conftest import run

HEADER = "SSU sak 26/2024\n\nTittel på saka\n\nDato dok: 17.10.2024\n\n"


def refs(text):
    return [(r.target_case_key or r.url, r.context) for r in run(text).references]


def test_attachment_list():
    text = HEADER + (
        "Vedlegg\n\n[SSU sak 03-2023 Evaluering av dialogmøtet 2022](#)\n\n"
        "[Partnerskapsmøtet sak 08-2023 Dialog- og partnerskapsmøtet 2024](#)\n\n"
        "Innstilling til konsensus:\n\n1. SSU tek saka til orientering.\n"
    )
    assert refs(text) == [("SSU 3/2023", "attachment"), ("Partnerskapsmøtet 8/2023", "attachment")]


def test_inline_forms():
    text = HEADER + (
        "Bakgrunn:\nMed konsensus i SSU sak 09-2022 og SSU sak 16-2022 punkt 1 vart datoen sett. "
        "Møtet blir digitalt (se sak 30), jf. sak 61/2017. Saka vart drøfta i sakene 4-7/2023 og i K-sak 27/97.\n"
    )
    assert refs(text) == [
        ("SSU 9/2022", "inline"), ("SSU 16/2022", "inline"), ("SSU 30/2024", "inline"),
        ("SSU 61/2017", "inline"), ("SSU 4/2023", "inline"), ("SSU 5/2023", "inline"),
        ("SSU 6/2023", "inline"), ("SSU 7/2023", "inline"), ("K 27/1997", "inline"),
    ]
    r = [r for r in run(text).references if r.text == "sak 30"][0]
    assert (r.target_number, r.target_year, r.target_body) == (30, 2024, "SSU")


def test_body_from_the_sentence_and_from_elsewhere_in_the_document():
    text = HEADER + (
        "Bakgrunn:\nFylkestinget vedtok i sak 2018/77 ein ny plan. Partnerskapsmøtet i 2023 gjorde i sak 08 vedtak. "
        "Sjå og vedlegget PS 4/2018; kommunestyret handsama saka (jf. sak 4/2018).\n"
    )
    assert refs(text) == [
        ("Fylkestinget 77/2018", "inline"), ("Partnerskapsmøtet 8/2023", "inline"),
        ("PS 4/2018", "inline"), ("PS 4/2018", "inline"),
    ]


def test_urls_are_references_and_broken_lines_are_joined():
    text = HEADER + (
        "Sjå https://www.saman.no/samarbeidsavtalar/tenesteavtale-1. Meir: "
        "https://www.helsefellesskap-innlandet.no/\nsamhandlingsarena\n[lenke](#)\n"
    )
    assert refs(text) == [
        ("https://www.saman.no/samarbeidsavtalar/tenesteavtale-1", "url"),
        ("https://www.helsefellesskap-innlandet.no/samhandlingsarena", "url"),
    ]


def test_own_case_is_not_a_reference():
    text = HEADER + "Bakgrunn:\nDenne saka, SSU sak 26/2024, følgjer opp SSU sak 3/2024.\n"
    assert refs(text) == [("SSU 3/2024", "inline")]
