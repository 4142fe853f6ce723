"""The identifying-text check now lives in :mod:`facilitator.tracking.identifying`
(the bundle export applies it too); this name stays for the run screens."""

from facilitator.tracking.identifying import (  # noqa: F401
    CTX,
    KIND_LABELS,
    Finding,
    find_identifying,
    is_identifying,
    normalise,
)
