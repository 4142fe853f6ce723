"""Outcome measures as Settings > Outcome measures lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me


@dataclass(frozen=True)
class MeasureRow:
    """One line of the list (plain data)."""

    key: str
    title: dict[str, str]
    builtin: bool
    validated: bool
    minimum: float
    maximum: float
    step: float
    phases: tuple[str, ...]
    retired: bool


def measure_table(db: Any) -> tuple[list[MeasureRow], str]:
    """Every measure, retired ones too, and the status of the Arabic WHO-5 wording.

    A write as well as a read: the built-in rows are created on first use.
    """
    with db.unit() as s:
        rows = []
        for m in cm.list_measures(s, include_retired=True):
            spec = dict(m.spec or {})
            rows.append(
                MeasureRow(
                    m.key,
                    dict(m.title or {}),
                    bool(m.builtin),
                    bool(spec.get("validated")),
                    float(spec.get("min", 0)),
                    float(spec.get("max", 10)),
                    float(spec.get("step", 1) or 1),
                    tuple(spec.get("phases") or ()),
                    me.is_retired(m),
                )
            )
        return rows, me.stored_text(s, me.WHO5, "ar").status
