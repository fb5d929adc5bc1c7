"""Build the repair dev/test corpus: clean text and the same text damaged.

Classes of damage (each sample is a page: clean text + damaged text):
- ``ocr_eng``: clean text rendered to a 300 dpi page image (PIL + DejaVu fonts) and OCR'd
  with tesseract ``-l eng`` -- the mechanism that damaged seed 003. The OCR output is cached
  in ``bench/data/repair/ocr_cache.jsonl`` (keyed by a hash of font + page text), so reruns
  never OCR; ``--rebuild`` redoes it.
- ``mojibake``: UTF-8 read as cp1252 (single and double), as latin-1, and the legacy
  single-byte mix-ups (DOS cp865 read as cp1252, Mac Roman read as cp1252).
- ``glyph_loss``: a font that lost one glyph, so the letter became a space everywhere.

Sources:
- ``/work/shared/corpora/ud-nb-dev-sentences.txt``: the ``# text`` lines of the UD Norwegian
  Bokmål treebank (NDT) dev split, CC BY-SA 4.0, (c) the Language Bank at the National
  Library of Norway and the University of Oslo. Cached OCR output derived from it is
  distributed under the same licence.
- the clean seeds ``samples/truth/00[0-4]_*.txt`` (not ``*.damaged.txt``);
- nynorsk case-paper prose written for this purpose: ``bench/data/repair/nynorsk_*.txt``.

- blind: ``bench/data/repair_blind/blind_{nb,nn}.txt``, case-paper prose in bokmål and
  nynorsk written by a session that never saw the repair code (CC0), in texts of ~350 words.

Split: UD sentences go to dev/test in alternating blocks of 40 sentences; the seeds and
``nynorsk_test.txt`` are test only, ``nynorsk_dev.txt`` is dev; the ``blind`` texts are their
own split (its first scores were recorded before any error in it was read, see
``bench/data/repair_blind/README.md``). Tune on dev, report test and blind.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "repair"
BLIND = ROOT / "bench" / "data" / "repair_blind"
CACHE = DATA / "ocr_cache.jsonl"
UD = Path("/work/shared/corpora/ud-nb-dev-sentences.txt")
if not UD.exists():
    UD = ROOT.parent / "shared" / "corpora" / "ud-nb-dev-sentences.txt"
SEEDS = ROOT / "samples" / "truth"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ("DejaVuSans.ttf", "DejaVuSerif.ttf")
DPI = 300
PAGE_W, PAGE_H = int(8.27 * DPI), int(11.69 * DPI)  # A4
MARGIN = 240
FONT_PT = 11
BLOCK = 40


@dataclass(frozen=True)
class Sample:
    split: str  # dev / test
    cls: str  # ocr_eng / mojibake / glyph_loss
    source: str  # ud / seed:000 / nynorsk
    lang: str  # nb / nn
    clean: str
    damaged: str
    note: str = ""


# --- sources -----------------------------------------------------------------------------


def _ud_texts() -> dict[str, list[str]]:
    sents = [s.strip() for s in UD.read_text(encoding="utf-8").splitlines() if s.strip()]
    out: dict[str, list[str]] = {"dev": [], "test": []}
    for i in range(0, len(sents), BLOCK):
        block = sents[i : i + BLOCK]
        split = "dev" if (i // BLOCK) % 2 == 0 else "test"
        # paragraphs of four sentences
        paras = [" ".join(block[j : j + 4]) for j in range(0, len(block), 4)]
        out[split].append("\n\n".join(paras))
    return out


def sources() -> list[tuple[str, str, str, str]]:
    """(split, source, lang, text) for every clean text."""
    out = []
    ud = _ud_texts()
    for split in ("dev", "test"):
        for t in ud[split]:
            out.append((split, "ud", "nb", t))
    for p in sorted(SEEDS.glob("00[0-4]_*.txt")):
        if p.name.endswith(".damaged.txt"):
            continue
        out.append(("test", "seed:" + p.name[:3], "nb", p.read_text(encoding="utf-8")))
    out.append(("dev", "nynorsk", "nn", (DATA / "nynorsk_dev.txt").read_text(encoding="utf-8")))
    out.append(("test", "nynorsk", "nn", (DATA / "nynorsk_test.txt").read_text(encoding="utf-8")))
    for lang, name in (("nb", "blind_nb.txt"), ("nn", "blind_nn.txt")):
        path = BLIND / name
        if path.exists():
            out.extend(("blind", "blind:" + lang, lang, chunk) for chunk in _chunks(path))
    return out


def _chunks(path: Path, words: int = 350) -> list[str]:
    """Paragraphs grouped into texts of about ``words`` words."""
    out, cur, n = [], [], 0
    for para in path.read_text(encoding="utf-8").split("\n\n"):
        if para.strip():
            cur.append(para.strip())
            n += len(para.split())
        if n >= words:
            out.append("\n\n".join(cur))
            cur, n = [], 0
    if cur:
        out.append("\n\n".join(cur))
    return out


# --- rendering and OCR -------------------------------------------------------------------


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        cur = ""
        for w in words:
            cand = w if not cur else cur + " " + w
            if font.getlength(cand) <= width or not cur:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


def paginate(text: str, font_name: str) -> list[str]:
    """Split ``text`` into page texts (the lines as they will be drawn)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONT_DIR / font_name), int(FONT_PT * DPI / 72))
    lines = _wrap(text, font, PAGE_W - 2 * MARGIN)
    step = int(FONT_PT * DPI / 72 * 1.45)
    per_page = (PAGE_H - 2 * MARGIN) // step
    pages = ["\n".join(lines[i : i + per_page]) for i in range(0, len(lines), per_page)]
    return [p for p in pages if p.strip()]


def render(page_text: str, font_name: str, path: str) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT_DIR / font_name), int(FONT_PT * DPI / 72))
    step = int(FONT_PT * DPI / 72 * 1.45)
    img = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(img)
    y = MARGIN
    for line in page_text.split("\n"):
        draw.text((MARGIN, y), line, font=font, fill=0)
        y += step
    img.save(path, dpi=(DPI, DPI))


def ocr_eng(path: str, lang: str = "eng") -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    res = subprocess.run(
        ["tesseract", path, "stdout", "-l", lang],
        capture_output=True, text=True, env=env, check=True,
    )
    return res.stdout


def _key(font: str, text: str) -> str:
    return hashlib.sha1(f"{font}\0{DPI}\0{FONT_PT}\0{text}".encode()).hexdigest()[:16]


def load_cache() -> dict[str, dict]:
    if not CACHE.exists():
        return {}
    out = {}
    for line in CACHE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["key"]] = rec
    return out


def ocr_samples(rebuild: bool = False, verbose: bool = True) -> list[Sample]:
    cache = {} if rebuild else load_cache()
    todo = []
    plan = []
    n = 0
    for split, source, lang, text in sources():
        for page in paginate(text, FONTS[n % len(FONTS)]):
            font = FONTS[n % len(FONTS)]
            n += 1
            key = _key(font, page)
            plan.append((split, source, lang, font, key, page))
            if key not in cache:
                todo.append((split, source, lang, font, key, page))
    if todo:
        with tempfile.TemporaryDirectory() as td:
            for i, (split, source, lang, font, key, page) in enumerate(todo):
                img = os.path.join(td, "page.png")
                render(page, font, img)
                cache[key] = {"key": key, "split": split, "source": source, "lang": lang,
                              "font": font, "clean": page, "ocr": ocr_eng(img)}
                if verbose:
                    print(f"  ocr {i + 1}/{len(todo)} {split} {source}", file=sys.stderr)
                # write incrementally so an interrupted build resumes
                keep = {p[4] for p in plan}
                CACHE.write_text(
                    "".join(json.dumps(r, ensure_ascii=False) + "\n"
                            for k, r in cache.items() if k in keep),
                    encoding="utf-8",
                )
    return [Sample(split, "ocr_eng", source, lang, page, cache[key]["ocr"], font)
            for split, source, lang, font, key, page in plan]


# --- generated damage ----------------------------------------------------------------------


# The same byte-by-byte decoding the repair stage undoes (bytes cp1252 leaves undefined
# become U+0080..U+009F, as in real files).
from pipeline.repair._mojibake import _sloppy  # noqa: E402


def _mojibake(text: str, how: str) -> str:
    if how == "utf8>cp1252":
        return text.encode("utf-8").decode("cp1252", errors="replace")
    if how == "utf8>cp1252x2":
        once = text.encode("utf-8").decode("cp1252", errors="replace")
        return once.encode("utf-8").decode("cp1252", errors="replace")
    if how == "utf8>latin1":
        return text.encode("utf-8").decode("latin-1")
    if how == "cp865>cp1252":
        return _sloppy(text.encode("cp865", errors="replace"), "cp1252")
    if how == "macroman>cp1252":
        return _sloppy(text.encode("mac_roman", errors="replace"), "cp1252")
    raise ValueError(how)


MOJIBAKE_KINDS = ("utf8>cp1252", "utf8>cp1252x2", "utf8>latin1", "cp865>cp1252",
                  "macroman>cp1252")


def _encodable(text: str) -> str:
    """Keep characters every legacy code page can hold (the clean side must round-trip)."""
    table = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"',
             "•": "-", "…": "..."}
    text = "".join(table.get(c, c) for c in text)
    return "".join(c for c in text
                   if c == "\n" or (c.encode("cp865", "ignore") and c.encode("mac_roman", "ignore")))


def generated_samples() -> list[Sample]:
    out: list[Sample] = []
    srcs = sources()
    i = 0
    for split, source, lang, text in srcs:
        if source == "ud" and i % 3:  # a third of the UD blocks is plenty
            i += 1
            continue
        i += 1
        how = MOJIBAKE_KINDS[i % len(MOJIBAKE_KINDS)]
        clean = _encodable(text) if how in ("cp865>cp1252", "macroman>cp1252") else text
        out.append(Sample(split, "mojibake", source, lang, clean, _mojibake(clean, how), how))
    # glyph loss: one letter became a space everywhere in the text
    glyphs = ["ø", "N", "å", "n", "æ", "t"]
    j = 0
    for split, source, lang, text in srcs:
        if source == "ud" and i % 4:
            i += 1
            continue
        i += 1
        g = glyphs[j % len(glyphs)]
        j += 1
        if g not in text:
            continue
        out.append(Sample(split, "glyph_loss", source, lang, text, text.replace(g, " "),
                          f"lost {g!r}"))
    return out


NOR_CACHE = DATA / "ocr_cache_nor.jsonl"


def ocr_nor_seed003(rebuild: bool = False) -> str | None:
    """Seed 003's clean text rendered and OCR'd with tesseract ``nor`` (cached)."""
    clean = next((p for p in SEEDS.glob("003_*.txt") if not p.name.endswith(".damaged.txt")),
                 None)
    if clean is None:
        return None
    text = clean.read_text(encoding="utf-8")
    font = FONTS[0]
    pages = paginate(text, font)
    cache = {}
    if NOR_CACHE.exists() and not rebuild:
        for line in NOR_CACHE.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            cache[rec["key"]] = rec
    out = []
    changed = False
    with tempfile.TemporaryDirectory() as td:
        for page in pages:
            key = _key(font + ":nor", page)
            if key not in cache:
                img = os.path.join(td, "page.png")
                render(page, font, img)
                cache[key] = {"key": key, "clean": page, "ocr": ocr_eng(img, "nor")}
                changed = True
            out.append(cache[key]["ocr"])
    if changed:
        NOR_CACHE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                     for r in cache.values()), encoding="utf-8")
    return "\n".join(out)


def all_samples(rebuild: bool = False) -> list[Sample]:
    return ocr_samples(rebuild=rebuild) + generated_samples()


if __name__ == "__main__":
    s = ocr_samples(rebuild="--rebuild" in sys.argv)
    print(len(s), "OCR pages")
