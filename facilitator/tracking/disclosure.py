"""Small-number rules for every report that leaves the facilitator.

Groups of six to twelve people make re-identification easy: "one person in the
45-54 band reported an incident" can name someone. The thresholds live in
:mod:`facilitator.policy` (k = 5 by default, at least 11 for a report that goes
outside the programme); the decision what a reader sees is taken once per report by
:mod:`facilitator.tracking.protection`:

* every count from 1 to k-1 is hidden, and so is every cell needed to stop a
  careful reader from working one out (checked by a linear-programming audit over
  everything the report and earlier reports to the same readers print);
* every hidden cell prints the same symbol (``x``), so a reader cannot tell a small
  count from a cell hidden to protect one;
* a mean, share or change resting on fewer than k people is withheld (``–``).
"""

from __future__ import annotations

from datetime import date

from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.policy import K_DEFAULT as DEFAULT_K
from facilitator.policy import K_EXTERNAL, K_MIN
from facilitator.tracking.protection import HIDDEN, WITHHELD

NOTES = {
    "hidden": {
        "en": QT_TRANSLATE_NOOP(
            "Disclosure",
            "x: not shown, so that no count from 1 to {km1} can be read or worked "
            "out from this report or from earlier reports to the same readers. Any hidden cell "
            "may hold a small count, a larger one or 0.",
        ),
        "ar": "x: غير معروض، حتى لا يمكن قراءة أي عدد من 1 إلى {km1} أو استنتاجه من هذا "
        "التقرير أو من تقارير سابقة للقرّاء أنفسهم. قد تحمل أي خانة مخفية عددًا "
        "صغيرًا أو أكبر أو صفرًا.",
    },
    "withheld": {
        "en": QT_TRANSLATE_NOOP("Disclosure", "– withheld: based on fewer than {k} people."),
        "ar": "– محجوب: مبنيّ على أقل من {k} أشخاص.",
    },
}


def effective_k(k: int = DEFAULT_K, external: bool = False) -> int:
    """The threshold in force: at least K_EXTERNAL for external reports, never below K_MIN."""
    k = max(K_MIN, int(k))
    return max(k, K_EXTERNAL) if external else k


def is_small(n: int, k: int) -> bool:
    return 1 <= n < k


def enough_people(n: int, k: int) -> bool:
    """May a mean, share or change based on ``n`` people be shown?"""
    return n >= k


def month_only(day: date) -> date:
    """Program reports date things by month; the day is dropped before it is shown."""
    return day.replace(day=1)


__all__ = [
    "DEFAULT_K",
    "HIDDEN",
    "NOTES",
    "WITHHELD",
    "effective_k",
    "enough_people",
    "is_small",
    "month_only",
]
