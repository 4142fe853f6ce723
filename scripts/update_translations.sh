#!/bin/sh
# Collect every translatable string (UI: self.tr / QCoreApplication.translate; core:
# QT_TRANSLATE_NOOP) from facilitator/ into the Qt Linguist sources, keeping existing
# translations. Then translate what `scripts/ts_tool.py list` reports and check with
# `scripts/ts_tool.py check`. `make translations` compiles the .qm files.
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
LIST=$(mktemp)
trap 'rm -f "$LIST"' EXIT
find facilitator -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort > "$LIST"
"$BIN/pyside6-lupdate" @"$LIST" -no-obsolete -locations none -target-language ar \
    -ts resources/translations/facilitator_ar.ts
# English is the source language; its catalogue only supplies plural forms (%n).
"$BIN/pyside6-lupdate" @"$LIST" -no-obsolete -locations none -pluralonly -target-language en \
    -ts resources/translations/facilitator_en.ts
"$BIN/python" scripts/ts_tool.py stats
