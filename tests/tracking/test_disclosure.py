"""Small-number suppression: examples and a property test over random count tables."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.tracking.disclosure import (
    effective_k,
    enough_people,
    series_values,
    show_count,
    suppress_linked,
    suppress_table,
)

INT = re.compile(r"^\d+$")


def lines_of(table):
    n_rows, n_cols = len(table.values), len(table.values[0])
    out = []
    if table.row_totals:
        out += [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    if table.col_totals:
        out += [[(i, j) for i in range(n_rows)] for j in range(n_cols)]
    return out


def attacker_recovers(table) -> set:
    """Cells an attacker can compute from what is shown, solving one line at a time."""
    known = {(i, j) for i, r in enumerate(table.hidden) for j, h in enumerate(r) if not h}
    recovered = set()
    progress = True
    while progress:
        progress = False
        for line in lines_of(table):
            unknown = [c for c in line if c not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                recovered.add(unknown[0])
                progress = True
    return recovered


def test_examples():
    assert show_count(0, 5) == "0" and show_count(4, 5) == "<5" and show_count(5, 5) == "5"
    assert effective_k(5, external=True) == 11 and effective_k(3) == 3 and effective_k(20, True) == 20
    assert not enough_people(4, 5) and enough_people(5, 5)
    t = suppress_table([[3, 10, 7], [12, 0, 8], [6, 9, 15]], 5)
    shown = t.display()
    assert shown[0][0] == "<5"
    # one extra cell per affected row and column, forming a rectangle: 3, 7, 6, 15
    assert shown == [["<5", "10", "*", "20"], ["12", "0", "8", "20"],
                     ["*", "9", "*", "30"], ["21", "19", "30", "70"]]
    assert not attacker_recovers(t)


def test_small_total_is_hidden_too():
    t = suppress_table([[2, 0], [0, 9]], 5)
    shown = t.display()
    assert shown[0][2] == "<5"  # row total 2
    assert "2" not in [c for row in shown for c in row]
    assert not attacker_recovers(t)


def test_series_hides_a_lone_small_value_and_a_neighbour():
    assert series_values([3, 10, 12], 5) == [None, None, 12.0]
    assert series_values([6, 7], 5) == [6.0, 7.0]
    assert series_values([], 5) == []


tables = st.integers(1, 6).flatmap(lambda rows: st.integers(1, 5).flatmap(
    lambda cols: st.lists(st.lists(st.one_of(st.integers(0, 4), st.integers(0, 40)),
                                   min_size=cols, max_size=cols),
                          min_size=rows, max_size=rows)))


@settings(max_examples=400, deadline=None)
@given(cells=tables, k=st.sampled_from([3, 5, 11]), row_totals=st.booleans(),
       col_totals=st.booleans())
def test_no_small_count_shown_and_none_recoverable(cells, k, row_totals, col_totals):
    t = suppress_table(cells, k, row_totals=row_totals, col_totals=col_totals)
    shown = t.display()
    for i, row in enumerate(shown):
        for j, text in enumerate(row):
            if INT.match(text):
                value = int(text)
                assert not 1 <= value < k, (cells, shown)
                assert value == t.values[i][j]  # what is shown is true
            else:
                assert t.hidden[i][j]
                assert text in (f"<{k}", "*")
                assert (text == f"<{k}") == (1 <= t.values[i][j] < k)
    for line in lines_of(t):
        hidden = sum(1 for i, j in line if t.hidden[i][j])
        assert hidden == 0 or hidden >= 2, (cells, shown)
    assert not attacker_recovers(t), (cells, shown)
    if row_totals:
        for r in t.values:
            assert r[-1] == sum(r[:-1])


def linked_attacker_recovers(tables, links) -> set:
    """Like ``attacker_recovers`` but over several tables at once, where a linked pair
    of cells is one number: a value solved in one table is known in the other."""
    same = {}
    for a, b in links:
        a = (a[0], a[1] % len(tables[a[0]].values), a[2] % len(tables[a[0]].values[0]))
        b = (b[0], b[1] % len(tables[b[0]].values), b[2] % len(tables[b[0]].values[0]))
        same[a], same[b] = b, a
    known = {(t, i, j) for t, tab in enumerate(tables) for i, r in enumerate(tab.hidden)
             for j, h in enumerate(r) if not h}
    known |= {same[c] for c in known if c in same}  # shown in one table, known in both
    lines = [[(t, i, j) for i, j in line] for t, tab in enumerate(tables)
             for line in lines_of(tab)]
    recovered, progress = set(), True
    while progress:
        progress = False
        for line in lines:
            unknown = [c for c in line if c not in known]
            if len(unknown) == 1:
                for c in (unknown[0], same.get(unknown[0])):
                    if c is not None:
                        known.add(c)
                        recovered.add(c)
                progress = True
    return recovered


def test_linked_tables_hide_a_shared_total_in_both_places():
    """Three people for six weeks: March 3 new + 12 returning, April 3 returning. The
    month table hides the period's 18 attendances; a type table on its own shows 18,
    and 18 - 15 shown returning gives the 3 new people back."""
    months, types = [[3, 12], [0, 3]], [[18]]
    links = [((0, -1, 2), (1, -1, 0))]
    alone = [suppress_table(months, 5), suppress_table(types, 5, row_totals=False)]
    assert alone[0].display()[-1] == ["<5", "15", "*"] and alone[1].display()[-1] == ["18"]
    assert linked_attacker_recovers(alone, links)  # the bug, when suppressed apart
    m, t = suppress_linked([(months, True, True), (types, False, True)], 5, links=links)
    assert m.display()[-1][2] == t.display()[-1][0] == "*"
    assert t.display()[0][0] == "*"  # the one type row would give the total back
    assert not linked_attacker_recovers([m, t], links)


def test_linked_cells_must_agree():
    import pytest

    with pytest.raises(ValueError):
        suppress_linked([([[1, 2]], True, True), ([[4]], False, True)], 5,
                        links=[((0, -1, 0), (1, -1, 0))])


visits = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 6),
                            st.integers(0, 12)), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(records=visits, k=st.sampled_from([5, 11]))
def test_program_style_linked_tables_never_give_a_cell_away(records, k):
    """Records of (month, type, new, returning) summed by month and by type, the way
    the program report does; the two totals rows state the same numbers."""
    n_months = max(r[0] for r in records) + 1
    n_types = max(r[1] for r in records) + 1
    months = [[sum(r[2] for r in records if r[0] == m), sum(r[3] for r in records if r[0] == m)]
              for m in range(n_months)]
    types = [[sum(r[2] + r[3] for r in records if r[1] == t), sum(r[2] for r in records
                                                              if r[1] == t)]
             for t in range(n_types)]
    links = [((0, -1, 0), (1, -1, 1)), ((0, -1, 2), (1, -1, 0))]
    m, t = suppress_linked([(months, True, True), (types, False, True)], k, links=links)
    assert m.hidden[-1][0] == t.hidden[-1][1] and m.hidden[-1][2] == t.hidden[-1][0]
    for tab in (m, t):
        for i, row in enumerate(tab.display()):
            for j, text in enumerate(row):
                assert not (INT.match(text) and 1 <= int(text) < k)
    assert not linked_attacker_recovers([m, t], links)


def test_change_rows_by_type_hide_a_count_the_total_would_give_away():
    from facilitator.tracking.report_blocks import partition_change_rows
    from facilitator.tracking.stats import change_stats

    small = change_stats([1.0, 2.0, 0.0])
    big = change_stats([1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 1.0] * 3)
    total = change_stats([1.0, 2.0, 0.0] + [1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 1.0] * 3)
    rows = partition_change_rows(["A", "B"], [small, big], total, 5, "en")
    assert rows[0] == ["A", "<5", "–", "–", "–"]
    # 24 - 21 would give the small group back, and B's interval and effect size
    # together give its n, so B's row is withheld as well
    assert rows[1] == ["B", "*", "–", "–", "–"]
    assert rows[2][:2] == ["Total", "24"] and rows[2][2] != "–"


def test_retention_share_is_withheld_when_either_side_is_small():
    from facilitator.tracking.analytics import Retention
    from facilitator.tracking.report_blocks import retention_text

    assert retention_text(Retention(25, 24, 0), 5) == "–"  # one person did not return
    assert retention_text(Retention(25, 3, 0), 5) == "–"   # three returned
    assert retention_text(Retention(25, 0, 0), 5) == "0%"  # nobody returned: no one singled out
    assert retention_text(Retention(25, 25, 3), 5) == "100%"
    assert retention_text(Retention(25, 20, 0), 5) == "80%"
    assert retention_text(Retention(25, 20, 0), 11) == "–"  # 5 did not return, below 11
    assert retention_text(Retention(4, 2, 0), 5) == "–"
