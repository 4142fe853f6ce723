"""Loaded automatically by every subprocess the privacy tests start (they put this
folder on PYTHONPATH): installs the network tripwire before any project code runs."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "facilitator_privacy_netguard", Path(__file__).resolve().parent.parent / "netguard.py"
)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
_GUARD = _module.install_for_subprocess()
