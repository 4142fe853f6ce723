# Two commands: `make run` and `make test`. Both set up everything on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
TS      := $(wildcard resources/translations/*.ts)
QM      := $(TS:.ts=.qm)

.PHONY: run test demo screenshots bench lint translations lupdate system-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $@

# Debian packages the tests use to check PDFs (qpdf, pdftotext, pdftoppm) and to read
# Arabic pages back by OCR (tesseract with its Arabic model).
SYSTEM_PACKAGES := qpdf poppler-utils tesseract-ocr tesseract-ocr-ara
system-deps:
	@if ! command -v qpdf >/dev/null || ! command -v pdftotext >/dev/null \
	    || ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx ara; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; fi; \
	fi

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Re-collect translatable strings into the .ts sources (keeps existing translations).
lupdate: $(STAMP)
	BIN=$(BIN) scripts/update_translations.sh

run: $(STAMP) translations
	$(BIN)/facilitator

demo: $(STAMP) translations
	$(BIN)/facilitator --demo

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/facilitator --demo --screenshots out/screenshots

test: $(TSTAMP) translations system-deps
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(TSTAMP) translations
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis resources/translations/*.qm
