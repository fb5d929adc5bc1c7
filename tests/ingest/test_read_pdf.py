"""PDF text layers: both engines give the seed text for the born-digital samples."""

import pytest

from pipeline.exceptions import InputError
from pipeline.settings import Settings
from pipeline.stages._read_pdf import read_pdf
from tests.conftest import RESOURCES, SAMPLES, normalise, truth


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_born_digital_text_layer_is_the_seed(engine, seed):
    pages, warnings = read_pdf((SAMPLES / "born-digital" / f"{seed}.pdf").read_bytes(),
                               Settings(text_engine=engine))
    assert not warnings
    assert not any(p.has_image for p in pages)
    assert normalise(" ".join(p.text for p in pages)) == normalise(truth(seed))


def test_scans_are_recognised_page_by_page():
    pages, _ = read_pdf((SAMPLES / "mixed" / "mixed-001-002.pdf").read_bytes(), Settings())
    assert [p.has_image for p in pages] == [False, False, True, True]
    assert pages[2].text == ""


@pytest.mark.parametrize("name, words", [
    ("encrypted.pdf", "encrypted"),
    ("truncated.pdf", "truncated"),
    ("corrupt.pdf", "damaged"),
    ("zero-pages.pdf", "no pages"),
])
def test_broken_pdfs_raise_readable_errors(name, words):
    with pytest.raises(InputError, match=words) as info:
        read_pdf((RESOURCES / "bad" / name).read_bytes(), Settings())
    assert info.value.stage == "read"


def test_page_limit():
    with pytest.raises(InputError, match="more than the limit"):
        read_pdf((SAMPLES / "born-digital" / "001.pdf").read_bytes(), Settings(max_pages=1))
