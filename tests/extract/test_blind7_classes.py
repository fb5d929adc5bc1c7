"""The classes of failure found on blind batch 7 (tests/gold/blind7), each on a minimal text
of its own (not copied from the gold documents), so the general mechanism is tested rather
than the gold document. One test (or parametrised group) per mechanism."""

from __future__ import annotations

import pytest

from extractors import extract_document
from tests.extract.conftest import date_role as _role, run


_PAPER = ("Eksempel kommune\n\nSAKSFRAMLEGG\n\nSaksbehandler:  Per Ås\nArkivsak:       2025/310-2\n\n"
          "Utvalg                    Møtedato      Saksnr\nHovedutvalg for helse     02.09.2025    41/25\n\n"
          "Nytt legekontor\n\nSaksopplysninger\n{}\n")


# ---- another body's earlier (past) treatment of the matter is an event, the own case's is the meeting -----
@pytest.mark.parametrize(("sentence", "iso", "role"), [
    ("Eldrerådet behandlet saken i møte 12. mai 2025 og støtter forslaget.", "2025-05-12", "event"),
    ("Brukarrådet handsama saka i møte 20. mai 2025.", "2025-05-20", "event"),
    # the own case's treatment followed by its number or decision stays the meeting
    ("Hovedutvalget behandlet saken i møte 02.09.2025, sak 41/25, og fattet følgende vedtak:", "2025-09-02",
     "meeting_date"),
])
def test_past_treatment_by_another_body_is_an_event(sentence, iso, role):
    assert _role(run(_PAPER.format(sentence)), iso) == role


def test_past_treatment_without_a_known_own_body_stays_a_meeting():
    ex = run("Sak 7/2025 Tittel\n\nSkolestyret behandlet saken i møte 14.02.2025.\n")
    assert _role(ex, "2025-02-14") == "meeting_date"


# ---- a body given the matter for information is briefed (event), not a treatment ---------------------------
def test_matter_for_information_is_an_event():
    ex = run(_PAPER.format("Ungdomsrådet får saken til orientering i møtet 28. august."))
    assert _role(ex, "2025-08-28") == "event"


# ---- the case itself laid before a body in a meeting (present passive) is a later treatment ----------------
@pytest.mark.parametrize("sentence", [
    "Saken legges fram for kommunestyret i møtet 18. september 2025.",
    # any matter in the present passive (h08's annotation follows this convention since stop 10)
    "Planen legges fram for kommunestyret i møte 18. september 2025.",
    "Reglementet leggast fram for heradsstyret i møtet 18. september 2025.",
])
def test_case_laid_before_a_body_in_a_meeting_is_the_meeting(sentence):
    assert _role(run(_PAPER.format(sentence)), "2025-09-18") == "meeting_date"


def test_new_matter_asked_for_in_a_meeting_stays_an_event():
    ex = run(_PAPER.format("Styret ber direktøren legge fram en ny plan i styremøtet 18. september 2025."))
    assert _role(ex, "2025-09-18") == "event"


# ---- cues: an activity that takes place, an exam passed (with an elided second subject), no "innsamling" ---
@pytest.mark.parametrize(("sentence", "iso", "role"), [
    ("Opplæringen skjer i perioden 6.–17. oktober 2025.", "2025-10-06", "event"),
    ("Lederen avla etablererprøven 4. mars 2025, og nestlederen 11. mars 2025.", "2025-03-04", "event"),
    ("Lederen avla etablererprøven 4. mars 2025, og nestlederen 11. mars 2025.", "2025-03-11", "event"),
    ("Kommunen kunngjorde innsamlingen av hageavfall 3. februar 2025.", "2025-02-03", "mentioned"),
])
def test_activity_and_exam_cues(sentence, iso, role):
    assert _role(run(_PAPER.format(sentence)), iso) == role


# ---- the record of a meeting of a body named in several words (an attachment) ------------------------------
def test_record_of_a_multiword_body_is_an_event():
    ex = run(_PAPER.format("Vedlegg:\n1. Saksprotokoll Hovedutvalg for helse og omsorg 10.06.2025, sak 30/25"))
    assert _role(ex, "2025-06-10") == "event"


# ---- an empty field followed on its line by another label takes nothing ------------------------------------
def test_empty_field_does_not_take_the_next_label():
    ex = run("Eksempel kommune\n\nDeres ref.:      Deres dato: 02.04.2025      Vår ref.: 25/88-3      "
             "Dato: 30.04.2025\n\nSvar på søknad om tilskudd\n\nSak 19/2025\n\nTekst.\n")
    assert all(c.your_ref is None for c in ex.cases)


# ---- a recommendation heading owned by a body named in several words, in the genitive ----------------------
def test_genitive_multiword_body_recommendation_heading():
    ex = run("Protokoll – Kommunestyret\n\nPS 12/25 Ny gravplass\n\nHovedutvalg for miljø og tekniskes innstilling:\n"
             "Forslag til plan for ny gravplass vedtas.\n\nKommunestyrets vedtak:\nSom innstillingen.\n")
    recs = [(r.kind, r.text) for r in ex.recommendations]
    assert ("recommendation", "Forslag til plan for ny gravplass vedtas.") in recs
    assert not any("innstilling" in s.heading.lower() for s in ex.sections)


# ---- a letter's decision opened by a prose line after an opening sentence ----------------------------------
def test_decision_line_after_an_opening_sentence():
    ex = run("Eksempel kommune\n\nMelding om vedtak\n\nVi viser til søknaden. Driftsutvalget behandlet saken i møte "
             "12.05.2025, sak 22/25, og gjorde følgende vedtak:\n\n1. Søknaden innvilges.\n2. Tilskuddet er 20 000 "
             "kroner.\n\nMed hilsen\nKari Li\n")
    assert [(r.kind, r.item_no) for r in ex.recommendations] == [("decision", 1), ("decision", 2)]


# ---- a reference's body: a committee named by its field, and the verb "avga" -------------------------------
@pytest.mark.parametrize(("sentence", "key"), [
    ("Hovedutvalg for helse og omsorg behandlet planen i sak 18/25.", "Hovedutvalg for helse og omsorg 18/2025"),
    ("Eldrerådet avga uttalelse til planen i sak 9/25.", "Eldrerådet 9/2025"),
])
def test_reference_body_named_by_field_or_giving_a_statement(sentence, key):
    ex = run("Protokoll – Kommunestyret\n\nPS 50/25 Plan\n\n" + sentence + "\n")
    assert key in [r.target_case_key for r in ex.references]


# ---- a date never runs over a page break -------------------------------------------------------------------
def test_date_does_not_cross_a_page_break():
    ex = extract_document([(1, "Sak 3/2025 Tittel\n\nFrist 1."), (2, "februar\n\n2025")])
    by_page = {1: "Sak 3/2025 Tittel\n\nFrist 1.", 2: "februar\n\n2025"}
    for d in ex.dates:
        assert by_page[d.page_no][d.char_start:d.char_end] == d.text
