"""Text files in legacy encodings decode to the right Norwegian text."""

import pytest

from pipeline.exceptions import InputError
from pipeline.stages._read_text import decode, paginate
from tests.conftest import RESOURCES

ENC = RESOURCES / "encodings"


def expected_for(name: str) -> str:
    specific = ENC / "expected" / f"{name}.txt"
    path = specific if specific.exists() else ENC / "expected.txt"
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("utf8", "utf-8"),
        ("utf8-bom", "utf-8"),
        ("utf16", "utf-16"),
        ("cp1252", "cp1252"),
        ("latin1", None),  # latin-1 and cp1252 agree on every byte such a file has
        ("cp865", "cp865"),
        ("macroman", "mac_roman"),
    ],
)
def test_legacy_encodings_decode(name, encoding):
    text, detected, _ = decode((ENC / f"{name}.txt").read_bytes())
    assert text == expected_for(name)
    if encoding:
        assert detected == encoding


def test_mojibake_is_left_for_the_repair_stage():
    # Valid UTF-8 that *contains* mojibake decodes as it is; repair fixes it with an audit trail.
    text, detected, _ = decode((ENC / "mojibake.txt").read_bytes())
    assert detected == "utf-8" and "Ã¸" in text


def test_binary_txt_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode((RESOURCES / "bad" / "binary.txt").read_bytes())


def test_form_feeds_are_pages():
    pages = paginate("side en\fside to\f")
    assert [p.page_no for p in pages] == [1, 2]
    assert pages[1].text == "side to"
