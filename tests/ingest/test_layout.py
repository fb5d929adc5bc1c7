"""A PDF text layer keeps its layout: blank lines between blocks, wide gaps between table cells."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors import extract_document
from pipeline.settings import Settings
from pipeline.stages._layout import Run, layout_text
from pipeline.stages._read_pdf import read_pdf


def test_runs_on_one_line_keep_their_columns_and_a_gap_makes_a_blank_line():
    runs = [  # y grows downwards; 10 pt lines, ~5 pt per character
        Run(100, 100, 150, 110, "Utvalg"), Run(250, 100, 300, 110, "Møtedato"),
        Run(100, 112, 165, 122, "Formannskapet"), Run(250, 112, 300, 122, "12.03.2024"),
        Run(100, 140, 200, 150, "Nytt ventilasjonsanlegg"),
        Run(120, 152, 180, 162, "innrykket linje"),
    ]
    lines = layout_text(runs).split("\n")
    assert lines[0].startswith("Utvalg") and lines[1].startswith("Formannskapet")
    assert lines[0].index("Møtedato") == lines[1].index("12.03.2024")  # cells line up
    assert "  " in lines[0].strip()
    assert lines[2] == ""  # the vertical gap before the title
    assert lines[3] == "Nytt ventilasjonsanlegg"
    assert lines[4].startswith("    innrykket")  # indented by its distance from the margin


def test_words_of_a_line_are_joined_by_one_space_and_touching_runs_by_none():
    runs = [Run(0, 0, 30, 10, "Saken"), Run(33, 0, 53, 10, "gjeld"), Run(53, 0, 70, 10, "møtet")]
    assert layout_text(runs) == "Saken gjeldmøtet"


def test_nothing_in_nothing_out():
    assert layout_text([]) == ""
    assert layout_text([Run(0, 0, 10, 10, "  ")]) == ""


def _paper_pdf() -> bytes:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("DejaVuSans", 10)
    y = 800
    for cells in (["Eksempel kommune"], [], ["Saksbehandler:", "Kari Nordmann"], ["Arkivsak:", "24/1234"],
                  ["Dato:", "12.02.2024"], [], ["Utvalg", "Møtedato", "Saksnr"],
                  ["Formannskapet", "12.03.2024", "23/24"], ["Kommunestyret", "21.03.2024"], [],
                  ["Nytt ventilasjonsanlegg i rådhuset"], [], ["Kommunedirektørens innstilling"],
                  ["Kommunestyret bevilger 2 mill. kroner til nytt ventilasjonsanlegg."], [],
                  ["Saksopplysninger"], ["Anlegget er fra 1985 og må skiftes ut før vinteren."]):
        for x, cell in zip((56, 200, 300), cells):
            c.drawString(x, y, cell)
        y -= 14 if cells else 10
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_header_table_in_a_pdf_reaches_the_extractors(engine):
    pages, _ = read_pdf(_paper_pdf(), Settings(text_engine=engine))
    text = pages[0].text
    assert "\n\n" in text  # blocks stay apart
    ex = extract_document([(p.page_no, p.text) for p in pages])
    assert [c.case_key for c in ex.cases] == ["Formannskapet 23/2024"]
    case = ex.cases[0]
    assert case.title == "Nytt ventilasjonsanlegg i rådhuset"
    assert case.meeting_date.isoformat() == "2024-03-12"
    assert list(case.case_handlers) == ["Kari Nordmann"]
    assert [r.text for r in ex.recommendations] == ["Kommunestyret bevilger 2 mill. kroner til nytt ventilasjonsanlegg."]
    assert "Saksopplysninger" in [s.heading for s in ex.sections]


def test_tesseract_words_are_laid_out_by_their_lines():
    from pipeline._exec.tesseract import _layout_text

    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [  # two blocks (columns of a table row), the second one 6 px lower (a skewed scan)
        (5, 1, 1, 1, 1, 1, 100, 100, 120, 30, 95, "Formannskapet"),
        (5, 1, 2, 1, 1, 1, 600, 106, 200, 30, 95, "12.03.2024"),
        (5, 1, 1, 1, 2, 1, 100, 140, 60, 30, 95, "Bystyret"),
        (5, 1, 3, 1, 1, 1, 100, 300, 90, 30, 95, "Saksopplysninger"),
        (4, 1, 3, 1, 1, 0, 100, 300, 90, 30, -1, ""),
    ]
    tsv = "\n".join([head] + ["\t".join(map(str, r)) for r in rows])
    lines = _layout_text(tsv).split("\n")
    assert lines[0].startswith("Formannskapet") and lines[0].rstrip().endswith("12.03.2024")
    assert "  " in lines[0]
    assert lines[1] == "Bystyret" and lines[2] == "" and lines[3] == "Saksopplysninger"
