#!/bin/sh
# The real-window tests (tests/realwindow) at each laptop/projector size, one pytest per size:
# Qt picks its platform (xcb here) once per process. Each run starts its own Xvfb + openbox.
set -e
PYTHON=${PYTHON:-.venv/bin/python}
SIZES=${FACILITATOR_REALWINDOW_SIZES:-"1280x720 1366x768 1920x1080"}
for size in $SIZES; do
  echo "real-window tests at $size"
  FACILITATOR_REALWINDOW=$size "$PYTHON" -m pytest tests/realwindow -q -p no:cacheprovider "$@"
done
