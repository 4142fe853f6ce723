"""Protect a built report and keep the register of reports that left the facilitator.

:func:`finish_report` is the one place that decides what a reader of a group or
program report sees: it takes the report's blocks with their true counts and the
:class:`~facilitator.tracking.protection.Ledger`, audits them together with the
earlier releases to the same readers whose months overlap, and prints the result.
:func:`record` adds a report to the register once its file is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select

from facilitator.store.db import Database
from facilitator.store.models_release import ReportRelease
from facilitator.tracking import report_text as rt
from facilitator.tracking.periods import MonthSpan
from facilitator.tracking.protection import (
    Decision,
    DraftReport,
    Ledger,
    PriorRelease,
    printed,
    protect,
    resolve,
)
from facilitator.tracking.report_blocks import disclosure_notes
from facilitator.tracking.report_model import Paragraph, Report, ReportHead


@dataclass(frozen=True)
class Release:
    """What a written report will add to the register."""

    kind: str
    audience: str  # internal | external
    start: date
    end: date
    k: int
    cells: dict[str, Any]
    decision: Decision


def prior_releases(
    db: Database, audience: str, months: MonthSpan, scope: str = ""
) -> list[PriorRelease]:
    """Earlier releases to ``audience`` whose months overlap ``months``, oldest first;
    those of the same ``scope`` (``program``, or ``group:<id>``) have their own hidden
    small counts re-audited as well."""
    with db.session() as s:
        rows = s.scalars(
            select(ReportRelease)
            .where(
                ReportRelease.audience == audience,
                ReportRelease.period_start <= months.end,
                ReportRelease.period_end >= months.start,
            )
            .order_by(ReportRelease.released_at)
        ).all()
        return [
            PriorRelease(
                r.id,
                dict(r.cells.get("cells", {})),
                frozenset(r.cells.get("small", ())),
                [(t, tuple(ps)) for t, ps in r.cells.get("equal", ())],
                [(t, tuple(ps)) for t, ps in r.cells.get("distinct", ())],
                frozenset(r.cells.get("zeros", ())),
                recheck=bool(scope) and r.cells.get("scope") == scope,
            )
            for r in rows
        ]


def finish_report(
    db: Database,
    draft: DraftReport,
    L: Ledger,
    k: int,
    months: MonthSpan | None,
    *,
    external: bool,
) -> Report:
    """Protect the whole report (suppression, audit, earlier releases), then print it."""
    audience = "external" if external else "internal"
    scope = _scope(draft, L)
    prior = prior_releases(db, audience, months, scope) if months else []
    decision = protect(L, k, prior)
    lang = draft.lang
    blocks = resolve(draft.blocks, decision, rt.t_disclosure("hidden", lang, k))
    if decision.because_of_earlier:
        blocks.insert(0, Paragraph(rt.t("register_note", lang), "note"))
    if months is not None and L.values:
        blocks.append(disclosure_notes(lang, k))
    report = printed(draft, blocks)
    if months is not None:
        report.release = Release(
            kind=report.kind,
            audience=audience,
            start=months.start,
            end=months.end,
            k=k,
            cells={
                "scope": scope,
                "cells": {
                    c: (None if c in decision.hidden else decision.values[c])
                    for c in sorted(L.printed)
                },
                "small": sorted(decision.small),
                "equal": [[t, list(ps)] for t, ps in L.equal_sums],
                "distinct": [[t, list(ps)] for t, ps in L.distinct_sums],
                "zeros": sorted(L.zeros),
            },
            decision=decision,
        )
    return report


def _scope(report: ReportHead, L: Ledger) -> str:
    """``program``, or ``group:<id>`` (from the ledger's keys; a group report's keys
    all start with ``g:<group id>:``)."""
    if report.kind != "group":
        return "program"
    heads = {c.split(":", 2)[1] for c in L.values if c.startswith("g:")}
    return f"group:{heads.pop()}" if len(heads) == 1 else "group"


def record(db: Database, report: Report) -> str | None:
    """Add a written report to the register; returns its id (None for reports that
    carry no protected counts, such as a session summary)."""
    rel = getattr(report, "release", None)
    if rel is None:
        return None
    with db.unit() as s:
        row = ReportRelease(
            kind=rel.kind,
            audience=rel.audience,
            period_start=rel.start,
            period_end=rel.end,
            k=rel.k,
            cells=rel.cells,
        )
        s.add(row)
        s.flush()
        return row.id


@dataclass(frozen=True)
class RegisterEntry:
    id: str
    released_at: Any
    kind: str
    audience: str
    start: date
    end: date
    k: int
    cells: int
    hidden: int


def entries(db: Database) -> list[RegisterEntry]:
    with db.session() as s:
        rows = s.scalars(select(ReportRelease).order_by(ReportRelease.released_at)).all()
        return [
            RegisterEntry(
                r.id,
                r.released_at,
                r.kind,
                r.audience,
                r.period_start,
                r.period_end,
                r.k,
                len(r.cells.get("cells", {})),
                sum(1 for v in r.cells.get("cells", {}).values() if v is None),
            )
            for r in rows
        ]


def clear(db: Database) -> int:
    """Empty the register (an administrator's decision); returns how many were removed."""
    with db.unit() as s:
        n = len(s.scalars(select(ReportRelease.id)).all())
        s.execute(delete(ReportRelease))
        return n


__all__ = ["Release", "finish_report", "record", "entries", "clear", "prior_releases"]
