"""Plain data that describes a report, independent of how it is drawn.

The tracking layer builds a :class:`Report` (already translated, already passed
through disclosure control: hidden counts hold ``"x"``, withheld means ``"–"``); the export
layer turns it into a PDF. Keeping the contract as frozen dataclasses lets the
numbers be tested without rendering and the renderer be tested without a database.

Tables, key figures and charts are generic in what their cells hold. A printed
report's hold display strings (charts: numbers or gaps), the :data:`Block` union; the
group and program builders first fill the same classes with protection placeholders
(a draft, :data:`facilitator.tracking.protection.DraftBlock`), and
:func:`facilitator.tracking.protection.resolve` turns them into printed blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Literal, Sequence, TypeVar, Union

Audience = Literal["facilitator", "supervisor", "external"]
ReportKind = Literal["session", "group", "program", "handout", "recovery_kit"]

#: What a table's or key figures' cell holds (``str`` once printed).
C = TypeVar("C", covariant=True)
#: What a chart's value is (``float | None`` once printed).
V = TypeVar("V", covariant=True)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 section, 2 subsection


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "note", "warning", "small"] = "body"


@dataclass(frozen=True)
class BulletList:
    items: Sequence[str]
    numbered: bool = False


@dataclass(frozen=True)
class KeyFigures(Generic[C]):
    """A short list of label/value pairs shown as large figures."""

    items: Sequence[tuple[str, C]]


@dataclass(frozen=True)
class Table(Generic[C]):
    """Cells are display strings. ``numeric`` marks columns aligned as numbers.

    ``total_row`` marks the last row as a total. The renderer mirrors column order
    for right-to-left languages.
    """

    columns: Sequence[str]
    rows: Sequence[Sequence[C]]
    title: str = ""
    numeric: frozenset[int] = frozenset()
    total_row: bool = False
    footnote: str = ""
    col_widths: Sequence[float] | None = None  # relative widths, optional


@dataclass(frozen=True)
class Series(Generic[V]):
    name: str
    values: Sequence[V]  # printed: a number, or None = withheld or no data


@dataclass(frozen=True)
class Chart(Generic[V]):
    kind: Literal["line", "bar", "stacked_bar"]
    title: str
    categories: Sequence[str]
    series: Sequence[Series[V]]
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


#: A block as printed.
Block = Union[
    Heading, Paragraph, BulletList, KeyFigures[str], Table[str], Chart[float | None], PageBreak
]


@dataclass
class ReportHead:
    """What a report says of itself around its blocks (title page, running header)."""

    kind: ReportKind
    lang: str
    title: str
    period: str
    audience: Audience
    practice: bool = False
    confidentiality: str = ""
    generated_at: datetime | None = None
    subtitle: str = ""


@dataclass
class Report(ReportHead):
    blocks: list[Block] = field(default_factory=list)
    #: for a group or program report: what writing it adds to the release register
    #: (:class:`facilitator.tracking.release.Release`)
    release: Any = None
