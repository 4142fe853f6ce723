"""Small-number protection of whole reports: worked examples and a property test
with an independent attacker (interval propagation, not the production audit)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.tracking.disclosure import effective_k, enough_people
from facilitator.tracking.protection import (
    HIDDEN,
    Ledger,
    PriorRelease,
    is_protected,
    protect,
)
from tests.tracking.attacker import exposed, propagate


def attack(L: Ledger, d, prior=()):
    """What the attacker gets from the printed cells and the printed sums."""
    known = {c: L.values[c] for c in L.printed if c not in d.hidden}
    sums, distinct, zeros = list(L.equal_sums), list(L.distinct_sums), set(L.zeros)
    for p in prior:
        known.update({c: v for c, v in p.cells.items() if v is not None})
        sums += list(p.equal_sums)
        distinct += list(p.distinct_sums)
    return propagate(known, d.hidden, sums, distinct, zeros)


def test_thresholds():
    assert effective_k(5, external=True) == 11 and effective_k(3) == 3
    assert effective_k(20, True) == 20 and effective_k(1) == 2
    assert not enough_people(4, 5) and enough_people(5, 5)
    assert is_protected(0, 5, 5) and is_protected(1, 6, 5)
    assert not is_protected(1, 5, 5) and not is_protected(0, 4, 5)


def test_row_with_one_new_person_and_five_returning():
    """Issue 11: a row "<5 * 6" used to mean New = 1, Returning = 5. Now both cells
    print the same symbol and neither can be narrowed below [0, 6]."""
    L = Ledger()
    L.table("g", ["s1", "s2", "s3"], ["new", "ret"], [[1, 5], [6, 6], [7, 8]])
    d = protect(L, 5)
    assert d.text("g|s1|new") == d.text("g|s1|ret") == HIDDEN
    assert d.text("g|s1|total") == "6"
    lo, hi = d.ranges["g|s1|new"]
    assert (lo, hi) == (0, 6)
    assert not exposed(attack(L, d), L.values, 5)


def test_six_hidden_ones_summing_to_their_shown_total():
    """Six cells of 1 with a printed total of 6: each could be anything from 0 to 6."""
    L = Ledger()
    L.table("w", list("abcdef"), ["n"], [[1]] * 6, row_totals=False)
    d = protect(L, 5)
    assert all(d.text(f"w|{r}|n") == HIDDEN for r in "abcdef")
    assert d.text("w|total|n") == "6"
    assert all(r == (0, 6) for r in d.ranges.values())
    assert not exposed(attack(L, d), L.values, 5)


def test_a_groups_first_session_has_nobody_returning():
    """At a group's first session everyone is new: hiding New = 3 alone is not enough
    when the row total is printed, because Returning is known to be 0."""
    L = Ledger()
    L.table("g", ["s1", "s2", "s3"], ["new", "ret"], [[3, 0], [6, 7], [5, 9]])
    L.zero("g|s1|ret")
    d = protect(L, 5)
    assert d.text("g|s1|new") == HIDDEN
    assert d.text("g|s1|ret") == "0"
    lo, hi = d.ranges["g|s1|new"]
    assert is_protected(lo, hi, 5)
    assert not exposed(attack(L, d), L.values, 5)


def test_a_total_repeated_in_two_tables_is_one_number():
    """Months and programme types print the same total: a month table hiding it and a
    type table showing it would give the 3 new people back."""
    L = Ledger()
    L.table("m", ["2025-03", "2025-04"], ["new", "ret"], [[3, 12], [0, 3]])
    L.table("t", ["a"], ["att"], [[18]], row_totals=False, total_keys={"att": "m|total|total"})
    d = protect(L, 5)
    assert d.text("m|2025-03|new") == HIDDEN
    assert not exposed(attack(L, d), L.values, 5)


def test_an_earlier_release_makes_the_new_one_withhold_more():
    """January to March printed March's row; a report on January to February alone
    would let March's New be taken from the difference of the two totals."""
    first = Ledger()
    first.table(
        "m",
        ["2025-01", "2025-02", "2025-03"],
        ["new", "ret"],
        [[9, 20], [7, 22], [2, 25]],
        total_row="total@q1",
    )
    d1 = protect(first, 5)
    prior = PriorRelease(
        "r1",
        {c: (None if c in d1.hidden else first.values[c]) for c in first.printed},
        d1.small,
        first.equal_sums,
        first.distinct_sums,
    )
    second = Ledger()
    second.table(
        "m", ["2025-01", "2025-02"], ["new", "ret"], [[9, 20], [7, 22]], total_row="total@jf"
    )
    alone = protect(second, 5)
    assert not alone.hidden  # nothing small in January and February
    d2 = protect(second, 5, [prior])
    assert d2.because_of_earlier and d2.hidden
    assert not exposed(attack(second, d2, [prior]), {**first.values, **second.values}, 5)


tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 4), st.integers(0, 30)), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=60, deadline=None)
@given(
    cells=tables,
    other=tables,
    k=st.sampled_from([3, 5, 11]),
    row_totals=st.booleans(),
    link=st.booleans(),
    first_zero=st.booleans(),
)
def test_no_hidden_small_count_can_be_narrowed(cells, other, k, row_totals, link, first_zero):
    """Random tables, optionally two sharing their grand total: every printed number is
    true and not small, and the attacker narrows no hidden small count below its
    protection interval."""
    L = Ledger()
    L.table(
        "a",
        [f"r{i}" for i in range(len(cells))],
        [f"c{j}" for j in range(len(cells[0]))],
        cells,
        row_totals=row_totals,
    )
    if first_zero and cells[0][-1] == 0:
        L.zero(f"a|r0|c{len(cells[0]) - 1}")
    if link:
        grand = "a|total|total" if row_totals else f"a|total|c{len(cells[0]) - 1}"
        col = [sum(r[-1] for r in cells)]
        b = [list(r) for r in other]
        b[-1][-1] = 0
        b[-1][-1] = max(0, col[0] - sum(map(sum, b)))
        if sum(map(sum, b)) == L.values[grand] and row_totals:
            L.table(
                "b",
                [f"r{i}" for i in range(len(b))],
                [f"c{j}" for j in range(len(b[0]))],
                b,
                total_keys={"total": grand},
            )
    d = protect(L, k)
    for c in L.printed:
        text = d.text(c)
        if text != HIDDEN:
            assert int(text) == L.values[c] and not 1 <= L.values[c] < k
        else:
            assert c in d.hidden
    assert all(c in d.hidden for c in L.printed if 1 <= L.values[c] < k)
    assert not exposed(attack(L, d), L.values, k)
    for c in d.small:
        assert is_protected(*d.ranges[c], k)


def test_ledger_refuses_inconsistent_counts():
    L = Ledger()
    L.count("a", 3)
    with pytest.raises(ValueError):
        L.count("a", 4)
    with pytest.raises(ValueError):
        L.count("b", -1)
    L.count("c", 2)
    with pytest.raises(ValueError):
        L.sum_of("a", ["c"])


def test_the_attacker_finds_what_cell_by_cell_suppression_leaves_open():
    """The attacker is not toothless: with only the small cell hidden it recovers it."""
    L = Ledger()
    L.table("g", ["s1", "s2"], ["new", "ret"], [[1, 5], [6, 6]])
    from facilitator.tracking.protection import Decision

    naive = Decision(
        k=5,
        values=L.values,
        hidden=frozenset({"g|s1|new"}),
        printed=frozenset(L.printed),
        ranges={},
        rounds=0,
        because_of_earlier=False,
    )
    assert exposed(attack(L, naive), L.values, 5) == {"g|s1|new": (1, (1, 1))}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_report_says_in_one_sentence_when_an_earlier_release_hid_more(monkeypatch, lang):
    from datetime import date

    from facilitator.tracking import release
    from facilitator.tracking import report_text as rt
    from facilitator.tracking.periods import MonthSpan
    from facilitator.tracking.report_blocks import count_table
    from facilitator.tracking.report_model import Paragraph, Report, Table

    first = Ledger()
    first.table(
        "m",
        ["2025-01", "2025-02", "2025-03"],
        ["new", "ret"],
        [[9, 20], [7, 22], [2, 25]],
        total_row="total@q1",
    )
    d1 = protect(first, 5)
    prior = PriorRelease(
        "r1",
        {c: (None if c in d1.hidden else first.values[c]) for c in first.printed},
        d1.small,
        first.equal_sums,
        first.distinct_sums,
    )
    monkeypatch.setattr(release, "prior_releases", lambda db, audience, months, scope="": [prior])
    L = Ledger()
    table, _ = count_table(
        L,
        "m",
        ["2025-01", "2025-02"],
        ["Jan", "Feb"],
        ["new", "ret"],
        ["New", "Returning"],
        [[9, 20], [7, 22]],
        lang,
        first_column="Month",
        total_row="total@jf",
    )
    report = Report(
        kind="program", lang=lang, title="", period="", audience="supervisor", blocks=[table]
    )
    out = release.finish_report(
        None, report, L, 5, MonthSpan(date(2025, 1, 1), date(2025, 2, 28)), external=False
    )
    notes = [b.text for b in out.blocks if isinstance(b, Paragraph)]
    assert notes[0] == rt.t("register_note", lang)
    shown = next(b for b in out.blocks if isinstance(b, Table))
    assert any(c == HIDDEN for row in shown.rows for c in row)
    assert out.release.decision.because_of_earlier


def test_a_group_report_and_a_program_report_share_the_groups_months(raw_db):
    """A programme type with one group prints that group's totals in its "By program
    type" row; the group report and the program report are tied through the group's
    months, so the register audits them together."""
    from datetime import date

    from facilitator.demo import generate_demo
    from facilitator.store.models import Group
    from facilitator.tracking import release
    from facilitator.tracking.reports import build_group_report, build_program_report

    generate_demo(raw_db, groups=2, weeks=10, seed=5)
    with raw_db.session() as s:
        gid = s.query(Group.id).order_by(Group.name).first()[0]
    start, end = date(2025, 1, 1), date(2025, 3, 31)
    group = build_group_report(raw_db, gid, start, end, "en")
    release.record(raw_db, group)
    program = build_program_report(raw_db, start, end, "en")
    shared = set(group.release.cells["cells"]) | {
        c for t, ps in group.release.cells["equal"] for c in (t, *ps)
    }
    mine = {c for t, ps in program.release.cells["equal"] for c in (t, *ps)}
    assert any(c.startswith(f"g:{gid}:m|") for c in shared & mine)
    assert program.release.decision.used_releases  # audited with the group report
