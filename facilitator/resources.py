"""One way to find bundled resources, from a checkout and from an installed wheel.

``facilitator/resources`` is a link to the top-level ``resources/`` folder in a
checkout and a real folder inside the wheel, so :func:`resource_path` works in both.
"""

from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def resources_root() -> Path:
    root = Path(str(_res.files("facilitator") / "resources"))
    if root.is_dir():
        return root
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
