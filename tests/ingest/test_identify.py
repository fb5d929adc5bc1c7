from pipeline.exceptions import InputError
from pipeline.stages.identify import identify, media_type_of

import pytest

from tests.conftest import RESOURCES, SAMPLES


def test_media_type_comes_from_bytes_not_name():
    assert media_type_of((SAMPLES / "born-digital" / "000.pdf").read_bytes()) == "application/pdf"
    assert media_type_of((SAMPLES / "text" / "000.txt").read_bytes()) == "text/plain"
    assert media_type_of((RESOURCES / "bad" / "really-html.pdf").read_bytes()) == "text/html"
    assert media_type_of(b"") == "application/x-empty"


def test_identify_hashes_content():
    data = (SAMPLES / "text" / "001.txt").read_bytes()
    a = identify("a.txt", data)
    b = identify("elsewhere/b.txt", data)
    assert a.sha256 == b.sha256 and len(a.sha256) == 64


@pytest.mark.parametrize("name", ["really-html.pdf", "empty.pdf"])
def test_identify_refuses_what_is_not_pdf_or_text(name):
    with pytest.raises(InputError) as info:
        identify(name, (RESOURCES / "bad" / name).read_bytes())
    assert info.value.stage == "identify"


def test_prose_libmagic_mistakes_for_another_format_is_text():
    # "PS sak ..." is HP-GL plotter commands to libmagic; bytes that read as text are text
    assert media_type_of("PS sak 12/2018\n\nBudsjett for 2019\n".encode()) == "text/plain"
    assert media_type_of("PS 22/2018 Årsmelding\n".encode("cp1252")) == "text/plain"
