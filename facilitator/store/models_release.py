"""The release register: every group or program report written to a file.

A report that leaves the facilitator is a release. Two releases to the same readers
can be compared, so a new report is protected together with the earlier ones whose
periods overlap (:mod:`facilitator.tracking.release`). The register keeps what a
reader of those earlier reports holds: the audience, the period, the cells as they
were printed (a number, or hidden) and how they add up. It holds no names: cells
are keyed by month, programme type, random session or group ids and category.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.store.models import Base, _ts, _uuid_pk


class ReportRelease(Base):
    __tablename__ = "report_release"
    id: Mapped[str] = _uuid_pk()
    released_at: Mapped[datetime] = _ts()
    kind: Mapped[str] = mapped_column(String(16))  # group | program
    audience: Mapped[str] = mapped_column(String(16))  # internal | external
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    k: Mapped[int] = mapped_column(Integer)
    #: {"cells": {key: value or null}, "small": [key], "equal": [[total, [parts]]],
    #:  "distinct": [[total, [parts]]], "zeros": [key]}
    cells: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
