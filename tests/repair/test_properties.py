"""Property tests: repair never raises, is idempotent, and leaves clean text alone."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.repair import repair_document, repair_text

NORWEGIANISH = st.lists(
    st.sampled_from(list("aeiougmnrstlkpdvbhfjæøåÆØÅAPSOG@|&34 \n.,-/:Ã¸¥€â") +
                    ["Ã¸", "pa ", "ogsa ", "mgte ", " a ", "sa ", "for ", "Vi ", "ikke ",
                     "  ", "‘", "›", "†", "mÃƒÂ¸te "]),
    max_size=80,
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=300))
def test_never_raises_on_any_string(text):
    out = repair_text(text)
    assert len(out.texts) == 1
    assert out.profile.error is None, out.profile.error
    for c in out.corrections:
        assert text[c.char_start:c.char_end] == c.original
        if c.applied:
            assert out.text[c.new_start:c.new_end] == c.corrected


@SETTINGS
@given(NORWEGIANISH)
def test_never_raises_on_damage_like_strings(text):
    out = repair_text(text)
    assert out.profile.error is None, out.profile.error
    for c in out.corrections:
        assert text[c.char_start:c.char_end] == c.original
        if c.applied:
            assert out.text[c.new_start:c.new_end] == c.corrected


@SETTINGS
@given(NORWEGIANISH)
def test_repairing_twice_equals_repairing_once(text):
    once = repair_text(text).text
    assert repair_text(once).text == once


@SETTINGS
@given(st.lists(st.tuples(st.integers(1, 50), st.text(max_size=80)), max_size=4))
def test_documents_never_raise(pages):
    out = repair_document(pages)
    assert len(out.texts) == len(pages)


def test_clean_corpus_sentences_unchanged(ud_sentences):
    changed = []
    for s in ud_sentences:
        out = repair_text(s)
        if out.text != s:
            changed.append((s, out.text))
    # the target is <= 2 false changes per 10,000 words; one-sentence "documents" are the
    # hardest case (no document context), so allow at most that rate here
    n_words = sum(len(s.split()) for s in ud_sentences)
    assert len(changed) * 10_000 <= 2 * n_words, changed[:10]


@SETTINGS
@given(st.data())
def test_clean_sentence_windows_unchanged(ud_sentences, data):
    i = data.draw(st.integers(0, len(ud_sentences) - 5))
    text = " ".join(ud_sentences[i:i + 5])
    out = repair_text(text)
    assert out.text == text or _allowed(text, out.text)


def _allowed(a: str, b: str) -> bool:
    return False
