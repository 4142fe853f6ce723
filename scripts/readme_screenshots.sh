#!/bin/sh
# README screenshots from a REAL window: run mode maximised on a 1366x768 laptop screen and
# the presenter view opened (F5) on a ground-rules step, English and Arabic, under Xvfb +
# openbox (the same stack as tests/realwindow). Writes docs/screenshots/realwindow-*.png.
set -e
PYTHON=${PYTHON:-.venv/bin/python}
OUT=${1:-docs/screenshots}
HOME_DIR=$(mktemp -d)
exec 3>"$HOME_DIR/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
DISPLAY=":$(cat "$HOME_DIR/display")"
export DISPLAY
HOME="$HOME_DIR" openbox --sm-disable >/dev/null 2>&1 &
WM=$!
trap 'kill $WM $XVFB 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
sleep 1
FACILITATOR_HOME="$HOME_DIR/home" FACILITATOR_KDF_PROFILE=test QT_QPA_PLATFORM=xcb \
  "$PYTHON" scripts/realwindow_shots.py "$OUT" en ar
