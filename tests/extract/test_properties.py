"""Property tests: extraction never raises, and provenance always points at the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract_document, to_rows

WORDS = [
    "SSU", "sak", "Sak", "PS", "K-sak", "3/2024", "26-2022", "44/08", "2019/41", "sakene", "4-7/2023",
    "Vedlegg", "Vedtak:", "Innstilling til konsensus:", "Saksbehandler:", "Møtedato:", "Dato dok:",
    "Arkivsaksnr.:", "1.", "2.", "uke", "39", "(23.-27.9.2024)", "19.01.2024", "5.", "februar", "2025",
    "frist", "torsdag", "18.", "april", "https://x.no/a/", "Bakgrunn", "jf.", "i", "år", "\n", "\n\n",
    "  ", "æøå", "Sakshandsamar", "Samrøystes vedtak", "FS-12/14", "31.02.2024", "00/00", "0.0.0",
    # forms added after blind3
    "5/1-89", "29/2-2023", "25.", "og", "laurdag", "1. november–28. februar", "Styremøte:", "Dato og tid:",
    "Til: Styret", "RS 1/24", "PS 1/24", "Behandlingsrekkefølge", "Saknr", "Førde sokneråd", "K-sak :", "i fjor",
    "Vedteke med 4 mot 1 røyst.", "går ut", "skal sende", "",
    # forms added after blind4
    "Protokoll – Kommunestyret", "Møtebok\tTjenesteutvalget\tX kommune", "STYRESAK TIL HØGSKULESTYRET",
    "Partssammensatt utvalg", "Til: Styret i X RHF", "Dato: 25.04.2024, kl. 10.00–12.30",
    "Møtedato  Saknummer  Arkivsak  Sakshandsamar", "12.12.2024  47/24  24/00938  Kari Li", "Saksgang",
    "Utvalet – møte 05.11.2024 – sak 21/24", "Saksgang: Formannskapet 28.05.2024 (FS 2024/33) – Bystyret",
    "VS 1/25\n     Tittel\n     Arkivsak: 24/00388", "frå 1. juli til og med 8. august", "t.o.m.",
    "Votering:\tEnstemmig vedtatt.", "Rett utskrift :", "«Fristen er 1. mai 2025.»", "ikkje møte før",
    "seinast i styremøtet", "til handsaming i", "sluttbehandles", "komi-\nteen", "og sitt siste", "valdagen",
    # forms added after blind5
    "SAKSFRAMLEGG      SR 058/24", "| Saknr.   | 0037/2024 |", "+------+------+", "|---|---|",
    "| Arkivsak | Saknr. | Utval | Møtedato |", "| 24/00512 | 2024/45 | Kontrollutvalet i X kommune | 03.12.2024 |",
    "9/25  Godkjenning av innkalling", "Sak 1   Opning", "PROTOKOLL FRA FORETAKSMØTE I X HF",
    "SAKSFREMLEGG TIL FELLES BRUKERUTVALG", "Sak 52/24 – side 1 av 3", "TU-sak 14/06", "K-\n sak 41/02",
    "Saknr.     Dok.dato     Arkivsak    Tittel", "DS 58/24   03.09.2024   24/1876     Løyve", "Møtetid:",
    "Tidspunkt:", "Møtetidspunkt: 24.09.2024, kl. 18", "til møtet tysdag 22. oktober 2024", "ble avholdt",
    "1.1.2023–30.6.2024", "f.o.m. 1. desember 2024 t.o.m. 30. april 2025", "Dato          : 27.02. 2006",
    "MØTE 2/2025", "flyttast til", "juleferien", "planleggingsdagen", "skal vedta ho i møtet", "lagd fram for",
    # forms added after blind6
    "Utval      Møtedato      Utvalssaksnr", "Utval   Utv.saksnr   Møtedato", "Formannskapet   34/25   05.06.2025",
    "Vår dato:          07.03.2025          Vår referanse:     25/00341-7", "Deres referanse:", "8398 STORØYA",
    "Melding om vedtak – søknad", "behandlet saken i møte 04.03.2025, sak 19/25, og fattet følgende vedtak:",
    "Særutskrift heradsstyret 15.12.2015, sak 102/15", "Miljø- og planutvalget", "har i sak 87/2024 vedtatt",
    "rådet gav uttale i sak 12/24", "orienteringssak 23. september", "PS 22/25   Tittel          X", "Lukka",
    "frå og med 21. desember 2026 til og med 1. januar 2027", "hvert år", "kvart år", "forfaller", "befart",
    "ble gjort", "kom inn", "februar\n\n2019",
]

text_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=80).map(" ".join)
pages = st.lists(st.tuples(st.integers(min_value=-3, max_value=10_000), text_like | st.text()), max_size=4,
                 unique_by=lambda p: p[0])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_never_raises_and_provenance_is_valid(pages):
    ex = extract_document(pages)
    assert ex.warnings == ()
    rows = to_rows(ex)
    assert set(rows) >= {"cases", "dates", "case_references", "recommendations", "sections"}
    by_page = dict(pages)
    for group in (ex.cases, ex.dates, ex.references, ex.recommendations, ex.sections):
        for rec in group:
            assert 0 <= rec.char_start <= rec.char_end <= len(by_page[rec.page_no])
            assert 0.0 <= rec.confidence <= 1.0
    for rec in (*ex.dates, *ex.cases):
        assert by_page[rec.page_no][rec.char_start : rec.char_end] == rec.text


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_any_unicode_is_fine(text):
    extract_document([(1, text)], language="nn")


def test_odd_inputs():
    assert extract_document([]).cases == ()
    assert extract_document([(1, "")]).dates == ()
    extract_document([(1, "\x00\f\r\n" * 100)])
    extract_document([(1, "Sak 1/2024\n" * 2000)])
    extract_document([(1, None)])  # type: ignore[list-item]


def test_deterministic():
    text = "SSU sak 3/2024\n\nTittel\n\nDato dok: 19.01.2024\n\nVedtak:\n1. A.\n2. B.\n"
    assert extract_document([(1, text)]) == extract_document([(1, text)])
