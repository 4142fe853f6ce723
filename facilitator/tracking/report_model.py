"""Plain data that describes a report, independent of how it is drawn.

The tracking layer builds a :class:`Report` (already translated, already passed
through disclosure control: hidden counts hold ``"x"``, withheld means ``"–"``); the export
layer turns it into a PDF. Keeping the contract as frozen dataclasses lets the
numbers be tested without rendering and the renderer be tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Sequence, Union

Audience = Literal["facilitator", "supervisor", "external"]
ReportKind = Literal["session", "group", "program", "handout", "recovery_kit"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 section, 2 subsection


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "note", "warning", "small"] = "body"
    #: Never alone at the top of a page: it moves on together with the block above it
    #: (a result line with the list it concludes).
    keep_with_previous: bool = False


@dataclass(frozen=True)
class BulletList:
    items: Sequence[str]
    numbered: bool = False


@dataclass(frozen=True)
class KeyFigures:
    """A short list of label/value pairs shown as large figures."""

    items: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    """Cells are display strings. ``numeric`` marks columns aligned as numbers.

    ``total_row`` marks the last row as a total. The renderer mirrors column order
    for right-to-left languages.
    """

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    title: str = ""
    numeric: frozenset[int] = frozenset()
    total_row: bool = False
    footnote: str = ""
    col_widths: Sequence[float] | None = None  # relative widths, optional


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # None = withheld or no data


@dataclass(frozen=True)
class Chart:
    kind: Literal["line", "bar", "stacked_bar"]
    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    y_label: str = ""
    y_min: float | None = None
    y_max: float | None = None
    note: str = ""
    #: Categories that cover only part of their span (a month the period cuts short):
    #: drawn dashed and hollow, and said so under the chart.
    partial: frozenset[int] = frozenset()
    #: Where each category sits in time (days, e.g. ``date.toordinal()``): a line chart
    #: then spaces its points by time, so sessions 1 and 3 weeks apart look it.
    x_values: Sequence[float] | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, BulletList, KeyFigures, Table, Chart, PageBreak]


@dataclass
class Report:
    kind: ReportKind
    lang: str
    title: str
    period: str
    audience: Audience
    blocks: list[Block] = field(default_factory=list)
    practice: bool = False
    confidentiality: str = ""
    generated_at: datetime | None = None
    subtitle: str = ""
    #: for a group or program report: what writing it adds to the release register
    #: (:class:`facilitator.tracking.release.Release`)
    release: Any = None
