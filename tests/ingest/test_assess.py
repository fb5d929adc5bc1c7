"""The assess stage tells good text layers from missing, broken and English-OCR ones."""

from pipeline.records import PageText
from pipeline.stages.assess import assess, assess_document
from tests.conftest import TRUTH, truth


def page(text, has_image=True):
    return PageText(page_no=1, text=text, method="text_layer", has_image=has_image)


def test_clean_seeds_are_ok():
    for seed in ("000", "001", "002", "003", "004"):
        verdict = assess(page(truth(seed)))
        assert verdict.quality == "ok", (seed, verdict)
        assert not verdict.needs_ocr


def test_english_ocr_layer_is_detected():
    damaged = next(TRUTH.glob("003_*.damaged.txt")).read_text(encoding="utf-8")
    verdict = assess(page(damaged))
    assert verdict.quality == "legacy_ocr" and verdict.needs_ocr
    assert "without æ/ø/å" in verdict.reason


def test_english_ocr_layer_on_a_born_digital_page_is_kept_for_repair():
    damaged = next(TRUTH.glob("003_*.damaged.txt")).read_text(encoding="utf-8")
    verdict = assess(page(damaged, has_image=False))
    assert verdict.quality == "legacy_ocr" and not verdict.needs_ocr


def test_missing_and_broken_layers():
    assert assess(page("")).quality == "none"
    assert assess(page("")).needs_ocr
    assert not assess(page("", has_image=False)).needs_ocr
    cid = " ".join(f"(cid:{i})" for i in range(40))
    assert assess(page(cid)).quality == "garbage"
    assert assess(page("x7#@ q%$ zz~~ 0x1f ### //// ^^^ ¤¤¤ ||| ;;; --- +++ *** 99")).quality == "garbage"


def test_ocr_modes():
    assert assess(page(truth("001")), ocr_mode="always").needs_ocr
    assert not assess(page(""), ocr_mode="never").needs_ocr


def test_document_context_marks_short_scanned_pages():
    damaged = next(TRUTH.glob("003_*.damaged.txt")).read_text(encoding="utf-8")
    short = PageText(page_no=2, text="Helse Bergen, Terminus Hall og SSU den 30. November 2024",
                     method="text_layer", has_image=True)
    verdicts = assess_document((page(damaged), short))
    assert [v.quality for v in verdicts] == ["legacy_ocr", "legacy_ocr"]
