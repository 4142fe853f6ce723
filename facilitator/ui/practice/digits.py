"""Numbers in practice text in the interface's digits, participant codes left alone.

Scenario text says "protocol steps 1 and 2" and names participants by code ("K4T"). In
Arabic the numbers are written with the interface's digits (as every screen writes
them), but a code is an identifier: "K4T" must stay "K4T", never "K٤T".
"""

from __future__ import annotations

import re

from facilitator.ui.run.common import locale_digits

#: A run of ASCII digits not touching an ASCII letter (so not part of a code).
_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])")


def text_digits(text: str, lang: str) -> str:
    """``text`` with its numbers in the interface's digits when ``lang`` is Arabic."""
    if lang != "ar":
        return text
    return _NUMBER.sub(lambda m: locale_digits(m.group(0)), text)
