from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "samples" / "truth"


@pytest.fixture(scope="session")
def seed003() -> tuple[str, str]:
    damaged = next(TRUTH.glob("003_*.damaged.txt")).read_text(encoding="utf-8")
    clean = next(p for p in TRUTH.glob("003_*.txt")
                 if not p.name.endswith(".damaged.txt")).read_text(encoding="utf-8")
    return damaged, clean


@pytest.fixture(scope="session")
def clean_seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(TRUTH.glob("00[0-4]_*.txt"))
            if not p.name.endswith(".damaged.txt")]


@pytest.fixture(scope="session")
def ud_sentences() -> list[str]:
    for p in (Path("/work/shared/corpora/ud-nb-dev-sentences.txt"),
              ROOT.parent / "shared" / "corpora" / "ud-nb-dev-sentences.txt"):
        if p.exists():
            return [s for s in p.read_text(encoding="utf-8").splitlines() if s.strip()]
    pytest.skip("UD corpus not available")
