"""Recommendations/decisions (one row per numbered point) and sections."""

from __future__ import annotations

import pytest

from tests.extract.conftest import run

HEADER = "PS 22/2018\n\nTittel\n\nSaksbehandler: Kari Nordmann\n\n"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Innstilling til konsensus:", "recommendation"),
        ("Forslag til vedtak", "recommendation"),
        ("Rådmannens innstilling:", "recommendation"),
        ("Kommunedirektørens innstilling:", "recommendation"),
        ("Ordførers innstilling:", "recommendation"),
        ("Rådmannen sitt framlegg til vedtak:", "recommendation"),
        ("Tilråding:", "recommendation"),
        ("Kommunedirektøren si tilråding:", "recommendation"),
        ("Innstilling:", "recommendation"),
        ("Administrerende direktørs forslag til vedtak", "recommendation"),
        ("Vedtak:", "decision"),
        ("Samrøystes vedtak:", "decision"),
        ("FS-12/14 Vedtak:", "decision"),
        ("FS - vedtak:", "decision"),
        ("Vedtak i Formannskapet 18.02.2014:", "decision"),
    ],
)
def test_headings(heading, kind):
    text = HEADER + f"{heading}\n1. Første punkt.\n2. Andre punkt som går\nover to linjer.\n\nBakgrunn\nTekst.\n"
    recs = run(text).recommendations
    assert [(r.kind, r.item_no, r.text) for r in recs] == [
        (kind, 1, "Første punkt."), (kind, 2, "Andre punkt som går over to linjer."),
    ]
    assert all(r.case_key == "PS 22/2018" for r in recs)


def test_unnumbered_paragraph_and_vote_line():
    text = HEADER + "Vedtak:\nKommunestyret godkjenner rekneskapen.\nEnstemmig vedtatt.\n\nNeste avsnitt.\n"
    (r,) = run(text).recommendations
    assert (r.kind, r.item_no, r.text) == ("decision", None, "Kommunestyret godkjenner rekneskapen.")


def test_quoted_decision_in_prose_is_not_a_decision_of_this_case():
    text = HEADER + "Bakgrunn:\nPartnerskapsmøtet gjorde i sak 08 følgende vedtak;\n\n1. Noko anna.\n"
    assert run(text).recommendations == ()


def test_sections_known_and_by_layout():
    text = HEADER + (
        "Bakgrunn:\nSaka gjeld ein plan.\n\nInnspill til partnerskapsmøtet\n\n"
        "Det kom mange innspel i møtet, og dei er samla i eit notat til SSU.\n\n"
        "Kommunenes vurdering:\nKommunane er positive.\n"
    )
    secs = run(text).sections
    assert [(s.heading, s.extractor) for s in secs] == [
        ("Bakgrunn", "section.known"), ("Innspill til partnerskapsmøtet", "section.layout"),
        ("Kommunenes vurdering", "section.known"),
    ]
    assert secs[0].text == "Saka gjeld ein plan."


def test_lettered_points_and_konsensus_and_prose_headings():
    text = HEADER + (
        "Forslag til vedtak:\na) Styret fastset rammene.\nb) Rektor får fullmakt.\n\n"
        "Konsensus:\n1) SSU sluttar seg til planen.\n\n"
        "Byrådet innstiller til bystyret å fatte følgende vedtak:\n1. Bystyret godkjenner avtalen.\n"
    )
    got = [(r.kind, r.item_no, r.text) for r in run(text).recommendations]
    assert got == [
        ("recommendation", 1, "Styret fastset rammene."), ("recommendation", 2, "Rektor får fullmakt."),
        ("decision", 1, "SSU sluttar seg til planen."), ("recommendation", 1, "Bystyret godkjenner avtalen."),
    ]
