"""Small statistics without SciPy: mean, SD, 95% t confidence interval, paired d_z.

The two-sided 95% Student t quantile comes from a table for 1-30 degrees of freedom
(four decimals, the textbook values) and from the Cornish-Fisher expansion around
the normal quantile above that, which agrees with the exact value to better than
1e-4 from 30 degrees of freedom on. Pulling in SciPy for one quantile would add a
large dependency to a desktop app for no gain in accuracy that matters here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist, fmean, stdev
from typing import Sequence

_T975 = (
    12.7062,
    4.3027,
    3.1824,
    2.7764,
    2.5706,
    2.4469,
    2.3646,
    2.3060,
    2.2622,
    2.2281,
    2.2010,
    2.1788,
    2.1604,
    2.1448,
    2.1314,
    2.1199,
    2.1098,
    2.1009,
    2.0930,
    2.0860,
    2.0796,
    2.0739,
    2.0687,
    2.0639,
    2.0595,
    2.0555,
    2.0518,
    2.0484,
    2.0452,
    2.0423,
)
_Z975 = NormalDist().inv_cdf(0.975)


def t975(df: int) -> float:
    """Upper 97.5% quantile of Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@dataclass(frozen=True)
class ChangeStats:
    """Summary of paired differences (post minus pre), one per person."""

    n: int
    mean: float | None
    sd: float | None
    ci_low: float | None
    ci_high: float | None
    d_z: float | None  # Cohen's d_z: mean difference / SD of differences


def change_stats(diffs: Sequence[float]) -> ChangeStats:
    """Mean change with a 95% t interval and the paired effect size d_z.

    With one difference there is a mean but no spread, so no interval or effect
    size; with no spread at all (every difference equal) d_z is undefined.
    """
    n = len(diffs)
    if n == 0:
        return ChangeStats(0, None, None, None, None, None)
    mean = fmean(diffs)
    if n == 1:
        return ChangeStats(1, mean, None, None, None, None)
    sd = stdev(diffs)
    half = t975(n - 1) * sd / math.sqrt(n)
    d_z = mean / sd if sd > 0 else None
    return ChangeStats(n, mean, sd, mean - half, mean + half, d_z)
