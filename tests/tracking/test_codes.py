import random

import pytest

from facilitator.errors import InputError
from facilitator.tracking import codes


def test_codes_use_only_unambiguous_characters():
    seen = {codes.generate_code() for _ in range(2000)}
    assert len(seen) > 1500  # random, not a counter or a constant
    for code in seen:
        assert codes.CODE_RE.match(code)
        assert not set(code) & set("0O1IL5SBZ8")


def test_unique_code_redraws_on_collision():
    # The chooser first replays a taken code twice, then offers a free one.
    letters = iter("KTKTMN")
    digits = iter("474799")

    def choose(alphabet):
        return next(letters) if alphabet == codes.LETTERS else next(digits)

    assert codes.new_unique_code({"KT-47"}, choose) == "MN-99"
    rng = random.Random(3)
    taken = set()
    for _ in range(300):
        taken.add(codes.new_unique_code(taken, codes.seeded_chooser(rng)))
    assert len(taken) == 300


def test_collision_retry_gives_up_cleanly():
    def stuck(alphabet):
        return alphabet[0]

    with pytest.raises(InputError):
        codes.new_unique_code({"AA-33"}, stuck, attempts=5)


@pytest.mark.parametrize(
    "typed,expected", [("kt47", "KT-47"), (" KT 47 ", "KT-47"), ("kt-97", "KT-97")]
)
def test_normalize_accepts_what_people_type(typed, expected):
    assert codes.normalize_code(typed) == expected


@pytest.mark.parametrize("bad", ["", "K-47", "KO-47", "KT-40", "KT-477", "12-AB"])
def test_normalize_rejects_non_codes(bad):
    with pytest.raises(InputError):
        codes.normalize_code(bad)
