"""The services name no command-line flag; the CLI says the same in its own words."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.cli.main import cli_message
from facilitator.errors import InputError
from facilitator.tracking import periods


@pytest.mark.parametrize(
    "date_from, date_to, service, cli",
    [
        (date(2026, 3, 5), None, "The start date 2026-03-05 does not start", "--from 2026-03-05"),
        (None, date(2026, 3, 5), "The end date 2026-03-05 does not end", "--to 2026-03-05"),
        (
            date(2026, 4, 1),
            date(2026, 1, 31),
            "The start date 2026-04-01 is after the end date 2026-01-31.",
            "--from 2026-04-01 is after --to 2026-01-31.",
        ),
    ],
)
def test_periods_name_dates_in_the_app_and_flags_on_the_command_line(
    date_from, date_to, service, cli
):
    with pytest.raises(InputError) as info:
        periods.check_months(date_from, date_to)
    assert str(info.value).startswith(service) and "--" not in str(info.value)
    assert cli_message(info.value).startswith(cli)


def test_other_errors_print_as_they_are():
    exc = InputError("Keep it under {n} characters.", params={"n": 5})
    assert cli_message(exc) == "Keep it under 5 characters."
