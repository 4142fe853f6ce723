"""Helpers to look inside Report objects the way a reader of the PDF would."""

import re

from facilitator.tracking.report_model import (
    BulletList,
    Chart,
    Heading,
    KeyFigures,
    Paragraph,
    Table,
)

INT = re.compile(r"^\d+$")
COUNTISH = re.compile(r"^(\d+|x)$")


def all_text(report) -> list[str]:
    out = [report.title, report.subtitle, report.period, report.confidentiality]
    for b in report.blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(b.text)
        elif isinstance(b, BulletList):
            out += list(b.items)
        elif isinstance(b, KeyFigures):
            out += [x for pair in b.items for x in pair]
        elif isinstance(b, Table):
            out += [b.title, b.footnote, *b.columns]
            out += [c for row in b.rows for c in row]
        elif isinstance(b, Chart):
            out += [b.title, b.note, b.y_label, *b.categories, *(s.name for s in b.series)]
    return [t for t in out if t]


def tables(report) -> list[Table]:
    return [b for b in report.blocks if isinstance(b, Table)]


def check_table_disclosure(table: Table, k: int) -> None:
    """No count 1..k-1 shown; in count tables no hidden cell is alone in its line."""
    for row in table.rows:
        for cell in row[1:]:
            if INT.match(cell):
                assert not 1 <= int(cell) < k, (table.title, table.columns, row)
    body = [row[1:] for row in table.rows]
    if not body or not all(COUNTISH.match(c) for row in body for c in row):
        return  # a table of means and shares, not an additive count table
    has_total_col = table.columns[-1] in TOTAL_HEADERS
    if has_total_col:
        for row in body:
            hidden = sum(1 for c in row if not INT.match(c))
            assert hidden != 1, (table.columns, row)
            if hidden == 0:
                assert int(row[-1]) == sum(int(c) for c in row[:-1])
    if table.total_row:
        for j in range(len(body[0])):
            col = [row[j] for row in body]
            hidden = sum(1 for c in col if not INT.match(c))
            assert hidden != 1, (table.columns, j, col)
            if hidden == 0:
                assert int(col[-1]) == sum(int(c) for c in col[:-1])


TOTAL_HEADERS = {"Total", "Attended", "People", "المجموع", "حضروا", "الأشخاص"}
