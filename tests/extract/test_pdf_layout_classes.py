"""What a PDF text layer changes in the text the extractors see (found by ``bench/eval_extract.py
--via-pdf``): paragraphs wrapped at the page width, so a sentence that begins with a case number is
no longer one long line, and a list ends at a blank line before wrapped prose."""

from __future__ import annotations

from tests.extract.conftest import run


def test_wrapped_sentence_starting_with_a_case_number_is_no_case_heading():
    ex = run("Eksempel kommune\n\nMØTEINNKALLING\n\nUtvalg:  Helseutvalget\nDato:    12.03.2024\n\nSAKSLISTE\n\n"
             "PS 1/24     Godkjenning av protokoll\nPS 2/24     Ny rusplan\n\n"
             "PS 2/24 ble utsatt i møtet 6. desember 2023, jf. sak 47/23, fordi utvalget ba om en vurdering\n"
             "fra brukerrådet. Planen skal behandles i kommunestyret 15. februar.\n")
    assert [(c.case_key, c.title) for c in ex.cases] == [("PS 1/2024", "Godkjenning av protokoll"),
                                                         ("PS 2/2024", "Ny rusplan")]


def test_numbered_attachment_list_ends_before_wrapped_prose():
    ex = run("Sak 12/2024 Ny gravplass\n\nVedlegg\n1. Planbeskrivelse, datert 28.06.2024\n"
             "2. Uttale frå sokneråd, sak 4/24\n\nSakens bakgrunn\nKommunestyret vedtok planprogrammet i sak 31/23 "
             "og ba om at\nalternativa skulle greiast ut. Saka vart drøfta i formannskapet i sak 40/24.\n")
    contexts = {r.target_case_key: r.context for r in ex.references}
    assert contexts["Sak 4/2024"] == "attachment"
    assert contexts["Kommunestyret 31/2023"] == "inline"
    assert contexts["Formannskapet 40/2024"] == "inline"
