"""Small-number suppression: examples and a property test over random count tables."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.tracking.disclosure import (
    effective_k,
    enough_people,
    series_values,
    show_count,
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
