"""Confidence intervals and effect sizes against values worked out by hand."""

import math

import pytest

from facilitator.tracking.stats import change_stats, t975


@pytest.mark.parametrize(
    "df,expected",
    [
        (1, 12.7062),
        (2, 4.3027),
        (5, 2.5706),
        (10, 2.2281),
        (30, 2.0423),
        (40, 2.0211),
        (60, 2.0003),
        (120, 1.9799),
        (1000, 1.9623),
    ],
)
def test_t_quantile_matches_published_tables(df, expected):
    assert t975(df) == pytest.approx(expected, abs=2e-4)


def test_t_quantile_is_decreasing_and_tends_to_normal():
    values = [t975(df) for df in range(1, 400)]
    assert all(a > b for a, b in zip(values, values[1:]))
    assert t975(10**6) == pytest.approx(1.95996, abs=1e-4)


def test_change_stats_hand_computed():
    # diffs 1, 2, 3, 4, 5: mean 3, sample sd sqrt(2.5) = 1.5811, se = 0.7071,
    # t(4) = 2.7764, half width = 1.9632, d_z = 3 / 1.5811 = 1.8974
    st = change_stats([1, 2, 3, 4, 5])
    assert st.n == 5
    assert st.mean == pytest.approx(3.0)
    assert st.sd == pytest.approx(math.sqrt(2.5))
    assert st.ci_low == pytest.approx(3 - 1.9632, abs=1e-3)
    assert st.ci_high == pytest.approx(3 + 1.9632, abs=1e-3)
    assert st.d_z == pytest.approx(1.8974, abs=1e-4)


def test_change_stats_negative_and_degenerate():
    st = change_stats([-2, 0, -1, -1])  # mean -1, sd sqrt(2/3)=0.8165, t(3)=3.1824
    assert st.mean == pytest.approx(-1)
    assert st.d_z == pytest.approx(-1 / math.sqrt(2 / 3))
    assert st.ci_high == pytest.approx(-1 + 3.1824 * math.sqrt(2 / 3) / 2, abs=1e-4)
    one = change_stats([2.0])
    assert (one.n, one.mean, one.ci_low, one.d_z) == (1, 2.0, None, None)
    same = change_stats([1, 1, 1])
    assert same.d_z is None and same.ci_low == pytest.approx(1.0)
    assert change_stats([]).mean is None
