"""Recovery codes: entropy, normalisation, and every single typo caught by group."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.errors import RecoveryCodeTypo
from facilitator.store import recovery


def test_code_shape_and_entropy():
    code = recovery.generate()
    groups = code.split("-")
    assert len(groups) == 7 and all(len(g) == 5 for g in groups)
    assert recovery.ENTROPY_BITS >= 128
    assert math.log2(len(recovery.ALPHABET)) * 4 * 7 == recovery.ENTROPY_BITS
    assert set(code.replace("-", "")) <= set(recovery.ALPHABET)
    assert recovery.generate() != code


def test_normalisation_accepts_human_variants():
    code = recovery.generate()
    messy = " " + code.lower().replace("-", "  ").replace("0", "o").replace("1", "l") + "\n"
    assert recovery.parse(messy) == code


def test_every_single_character_substitution_is_reported_with_its_group():
    code = recovery.generate()
    flat = code.replace("-", "")
    for pos, original in enumerate(flat):
        for ch in recovery.ALPHABET:
            if ch == original:
                continue
            typo = flat[:pos] + ch + flat[pos + 1 :]
            with pytest.raises(RecoveryCodeTypo, match=f"Group {pos // 5 + 1} "):
                recovery.parse(typo)


def test_adjacent_swaps_and_group_reordering_are_caught():
    code = recovery.generate()
    flat = code.replace("-", "")
    for pos in range(len(flat) - 1):
        if flat[pos] != flat[pos + 1] and pos % 5 != 4:
            swapped = flat[:pos] + flat[pos + 1] + flat[pos] + flat[pos + 2 :]
            with pytest.raises(RecoveryCodeTypo):
                recovery.parse(swapped)
    groups = code.split("-")
    reordered = "-".join([groups[1], groups[0], *groups[2:]])
    if groups[0] != groups[1]:
        with pytest.raises(RecoveryCodeTypo, match="Group 1"):
            recovery.parse(reordered)


def test_wrong_length_and_foreign_letters():
    code = recovery.generate()
    with pytest.raises(RecoveryCodeTypo, match="35 letters and digits but 34"):
        recovery.parse(code[:-1])
    with pytest.raises(RecoveryCodeTypo, match="Group 1 of the recovery code contains 'U'"):
        recovery.parse("U" + code[1:])


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 34), st.sampled_from(recovery.ALPHABET))
def test_property_single_typo_never_passes(pos, ch):
    flat = recovery.generate().replace("-", "")
    if flat[pos] == ch:
        return
    with pytest.raises(RecoveryCodeTypo):
        recovery.parse(flat[:pos] + ch + flat[pos + 1 :])
