"""Recovery codes: the one credential that always opens a store.

A recovery code is shown once when a store is created and is the last resort when the
keyring entry is gone and the passphrase is forgotten. It is read off paper and typed
back in, possibly years later, so it is built for people rather than machines:

* Crockford base32 (digits and upper-case letters without I, L, O, U), so there is no
  0/O or 1/I/L ambiguity; normalisation maps those look-alikes back.
* 7 groups of 5 characters: 4 random characters and 1 check character per group,
  i.e. 28 x 5 = 140 bits of entropy (>= 128 required).
* The check character is a weighted sum over GF(32) of the group's characters plus a
  per-group constant. Because the field has no zero divisors, *every* single wrong
  character and every swap of two neighbouring characters changes the check, and the
  per-group constant catches groups typed in the wrong order. A failed check names the
  group, so the user knows where to look (:class:`RecoveryCodeTypo`).

The code itself is never stored: only the database key wrapped by a key derived from
it (see :mod:`facilitator.store.keyfile`).
"""

from __future__ import annotations

import secrets

from facilitator.errors import RecoveryCodeTypo
from facilitator.i18n import QT_TRANSLATE_NOOP

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
GROUPS = 7
DATA_CHARS = 4
GROUP_LEN = DATA_CHARS + 1
ENTROPY_BITS = GROUPS * DATA_CHARS * 5
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_LOOKALIKES = {"O": "0", "I": "1", "L": "1"}
_WEIGHTS = (2, 3, 5, 7)  # distinct, non-zero elements of GF(32)
_MODULUS = 0b100101  # x^5 + x^2 + 1, irreducible over GF(2)


def _gf_mul(a: int, b: int) -> int:
    """Multiply two elements of GF(2^5)."""
    result = 0
    while b:
        if b & 1:
            result ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _MODULUS
    return result


def _check_char(group_index: int, data: str) -> str:
    acc = (group_index * 11 + 3) % 32  # the group's own constant: catches reordering
    for weight, ch in zip(_WEIGHTS, data):
        acc ^= _gf_mul(weight, _VALUE[ch])
    return ALPHABET[acc]


def generate() -> str:
    """A fresh recovery code, formatted ``XXXXX-XXXXX-...`` for display."""
    groups = []
    for g in range(GROUPS):
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_CHARS))
        groups.append(data + _check_char(g, data))
    return "-".join(groups)


def normalise(text: str) -> str:
    """Upper-case, drop spaces and dashes, map O to 0 and I/L to 1."""
    out = []
    for ch in text.upper():
        if ch in " -\t\r\n_.":
            continue
        out.append(_LOOKALIKES.get(ch, ch))
    return "".join(out)


def parse(text: str) -> str:
    """Validate a typed code and return its canonical dashed form.

    Raises :class:`RecoveryCodeTypo` naming the first group with a mistake.
    """
    code = normalise(text)
    expected = GROUPS * GROUP_LEN
    if len(code) != expected:
        raise RecoveryCodeTypo(
            QT_TRANSLATE_NOOP(
                "store",
                "The recovery code should have {expected} letters and "
                "digits but {got} were typed. Check for a missing or extra "
                "character.",
            ),
            params=dict(expected=expected, got=len(code)),
        )
    groups = [code[i : i + GROUP_LEN] for i in range(0, expected, GROUP_LEN)]
    for g, group in enumerate(groups):
        bad = [ch for ch in group if ch not in _VALUE]
        if bad:
            raise RecoveryCodeTypo(
                QT_TRANSLATE_NOOP(
                    "store",
                    "Group {n} of the recovery code contains '{ch}', "
                    "which never appears in recovery codes: please check "
                    "that group.",
                ),
                params=dict(n=g + 1, ch=bad[0]),
            )
        if _check_char(g, group[:DATA_CHARS]) != group[DATA_CHARS]:
            raise RecoveryCodeTypo(
                QT_TRANSLATE_NOOP(
                    "store",
                    "Group {n} of the recovery code ({group}) looks "
                    "mistyped: please check that group.",
                ),
                params=dict(n=g + 1, group=group),
            )
    return "-".join(groups)


def secret_bytes(text: str) -> bytes:
    """The bytes a wrapping key is derived from: the canonical code, checked first."""
    return parse(text).encode("ascii")
