# saksarkiv: two commands set everything up on a fresh Debian machine:
#   make demo   # installs what is missing, ingests samples/ into samples.duckdb, prints a summary
#   make test   # the same set-up, then the test suite
# Both are idempotent and quick when everything is in place.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export OMP_THREAD_LIMIT := 1

# Debian packages and a file each one provides (checked before installing anything).
APT_PKGS := tesseract-ocr tesseract-ocr-nor tesseract-ocr-eng poppler-utils hunspell-no wnorwegian libmagic1 fonts-dejavu-core
NEEDS := /usr/bin/tesseract /usr/share/tesseract-ocr/5/tessdata/nor.traineddata \
         /usr/share/tesseract-ocr/5/tessdata/eng.traineddata /usr/bin/pdftotext \
         /usr/share/hunspell/nb_NO.dic /usr/share/dict/bokmaal /usr/share/dict/nynorsk \
         /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
BENCH_PKGS := ocrmypdf

.PHONY: help setup system-deps bench-deps demo test test-fast samples bench bench-query bench-scale eval-repair eval-extract eval-extract-pdf clean

help:
	@echo "make demo          set up and ingest samples/ into samples.duckdb"
	@echo "make test          set up and run the tests"
	@echo "make test-fast     tests without the slow OCR end-to-end ones"
	@echo "make bench         ingest speed against pdftotext, pdfplumber and ocrmypdf"
	@echo "make bench-query   10,000-document archive: load time, size, search and view latency"
	@echo "make bench-scale   workers speed-up, ocrmypdf ratio, memory, 100/1,000/5,000 documents"
	@echo "make eval-repair   repair quality (WER/CER/precision/recall) on the dev corpus"
	@echo "make eval-extract  extraction precision/recall/F1 on the gold set"
	@echo "make eval-extract-pdf  the same with each gold text rendered to a PDF and read back first"
	@echo "make samples       rebuild samples/documents from samples/truth"

setup: system-deps $(STAMP)

system-deps:
	@missing=""; for f in $(NEEDS); do [ -e $$f ] || missing="$$missing $$f"; done; \
	[ -n "$$(ldconfig -p 2>/dev/null | grep libmagic.so.1)" ] || missing="$$missing libmagic"; \
	if [ -n "$$missing" ]; then \
	  echo "missing:$$missing"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "+ apt-get install $(APT_PKGS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PKGS) >/dev/null; \
	  else \
	    echo "Install the system packages with:"; \
	    echo "  sudo apt-get install $(APT_PKGS)"; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml requirements.lock
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

demo: setup
	$(BIN)/saksarkiv ingest samples/documents --db samples.duckdb
	@$(BIN)/python -m pipeline._demo samples.duckdb

test: setup
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

samples: setup
	$(BIN)/python samples/build.py
	$(BIN)/python tests/resources/build.py

bench-deps:
	@command -v ocrmypdf >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(BENCH_PKGS) >/dev/null; } || { echo "sudo apt-get install $(BENCH_PKGS)"; exit 1; }

bench: setup bench-deps
	$(BIN)/python bench/bench_ingest.py

bench-query: setup
	$(BIN)/python bench/bench_query.py

bench-scale: setup bench-deps
	$(BIN)/python bench/bench_scale.py

eval-repair: setup
	$(BIN)/python bench/eval_repair.py

eval-extract: setup
	$(BIN)/python bench/eval_extract.py

eval-extract-pdf: setup
	$(BIN)/python bench/eval_extract.py --via-pdf

clean:
	rm -rf $(VENV) samples.duckdb samples.duckdb.wal .pytest_cache *.egg-info
