# Two commands: `make run` and `make test`. Both set up everything on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
TS      := $(wildcard resources/translations/*.ts)
QM      := $(TS:.ts=.qm)

.PHONY: run test demo screenshots readme-screenshots bench lint lint-format translations lupdate system-deps qt-runtime clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $@

# Debian packages the tests use: qpdf, pdftotext, pdftoppm check PDFs; age and minisign
# are the reference tools for report bundles; Xvfb, openbox and Qt's xcb runtime libraries
# run the real-window tests (tests/realwindow); tesseract reads Arabic pages back by OCR. Only the missing ones are installed.
SYSTEM_DEPS := qpdf poppler-utils age minisign xvfb openbox libxcb-cursor0 libxcb-icccm4 \
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 \
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libfontconfig1 \
  tesseract-ocr tesseract-ocr-ara xdotool
system-deps:
	@missing=$$(for p in $(SYSTEM_DEPS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages the tests need:" $$missing; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; fi; \
	fi

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Re-collect translatable strings into the .ts sources (keeps existing translations).
lupdate: $(STAMP)
	BIN=$(BIN) scripts/update_translations.sh

# Qt's X11 plugin needs libxcb-cursor0 & co.: installed when possible, else named plainly.
qt-runtime:
	@$(PY) scripts/check_qt_runtime.py

run: $(STAMP) translations qt-runtime
	$(BIN)/facilitator

demo: $(STAMP) translations qt-runtime
	$(BIN)/facilitator --demo

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/facilitator --demo --screenshots out/screenshots

# The README's real-window pictures (Xvfb + openbox at 1366x768): docs/screenshots/realwindow-*.
readme-screenshots: $(STAMP) translations system-deps
	PYTHON=$(BIN)/python scripts/readme_screenshots.sh docs/screenshots

# Every Python file of the project is held by `ruff format --check`.
PYTHON_TREES := facilitator tests benchmarks scripts

# ruff (lint + format), mypy (with the excuse list in pyproject.toml) and the
# import-linter contracts. .pre-commit-config.yaml runs the same four.
lint: $(TSTAMP) lint-format
	$(BIN)/ruff check $(PYTHON_TREES)
	$(BIN)/mypy
	$(BIN)/lint-imports

lint-format: $(TSTAMP)
	$(BIN)/ruff format --check $(PYTHON_TREES)

test: lint translations system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	PYTHON=$(BIN)/python scripts/realwindow_tests.sh

bench: $(TSTAMP) translations
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis resources/translations/*.qm
