"""Seed 003: a real English-OCR text layer against its hand-corrected version."""

import re
from collections import Counter

from pipeline.repair import repair_text

WORD = re.compile(r"[\w@|&]+")

# every damaged word of seed 003 and what it must become (hand-corrected)
EXPECTED = {
    "Partnerskapsmgte": "Partnerskapsmøte", "Partnerskapsmgtet": "Partnerskapsmøtet",
    "Partnerskapsmegtet": "Partnerskapsmøtet", "Partnerskapsmegte": "Partnerskapsmøte",
    "partnerskapsmgte": "partnerskapsmøte", "mgtet": "møtet", "mgte": "møte",
    "Arranggransvaret": "Arrangøransvaret", "ar": "år", "pa": "på", "arets": "årets",
    "pagaende": "pågående", "malsetting": "målsetting", "Bergensomradet": "Bergensområdet",
    "ars": "års", "innevaerende": "inneværende", "fglgende": "følgende", "vaere": "være",
    "ogsa": "også", "foreslatt": "foreslått", "gnsker": "ønsker", "omradeutvalgene":
    "områdeutvalgene", "gnske": "ønske", "bgr": "bør", "gverste": "øverste", "ga": "gå",
    "oppstatt": "oppstått", "Omradeutvalget": "Områdeutvalget", "felgende": "følgende",
}


def test_every_damaged_word_is_fixed(seed003):
    damaged, clean = seed003
    out = repair_text(damaged)
    rep = Counter(WORD.findall(out.text))
    ref = Counter(WORD.findall(clean))
    wrong = rep - ref
    missing = ref - rep
    # report: how many of the damaged words are fixed
    before = sum((Counter(WORD.findall(damaged)) - ref).values())
    print(f"seed 003: {before} damaged words, {sum(wrong.values())} left")
    assert not wrong, (wrong, missing)


def test_word_list(seed003):
    damaged, _ = seed003
    out = repair_text(damaged)
    fixed = {(c.original, c.corrected) for c in out.corrections if c.applied}
    for bad, good in EXPECTED.items():
        assert (bad, good) in fixed, bad
    # the lone-token cases
    for pair in [("|", "I"), ("&", "å"), ("3", "å"), ("a", "å")]:
        assert pair in fixed, pair
    assert "I årets partnerskapsmøte" in out.text
    assert "å sette på dagsorden" in out.text.replace("\n", " ")
    assert "å utarbeide" in out.text and "SSU å invitere" in out.text


def test_offsets_point_into_raw_and_repaired(seed003):
    damaged, _ = seed003
    out = repair_text(damaged)
    assert out.profile.damaged and "english_ocr" in out.profile.kinds
    assert out.language == "nb"
    for c in out.corrections:
        assert damaged[c.char_start:c.char_end] == c.original
        if c.applied:
            assert out.text[c.new_start:c.new_end] == c.corrected


def test_url_untouched(seed003):
    damaged, _ = seed003
    out = repair_text(damaged)
    assert "https://www.saman.no/samarbeidsavtalar/tenesteavtalar/tenesteavtale-1" in out.text
