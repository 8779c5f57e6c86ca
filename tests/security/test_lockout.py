"""An account locks after five failures, for a delay that doubles from one minute up to an hour."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.security.lockout import is_locked, lock_delay, locked_problem, next_lock_until

NOW = datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize("failures, minutes", [
    (0, None), (1, None), (4, None),
    (5, 1), (6, 2), (7, 4), (8, 8), (9, 16), (10, 32),
    (11, 60), (12, 60), (40, 60), (10**6, 60),
])
def test_lock_delay_after_consecutive_failures(failures, minutes):
    expected = None if minutes is None else timedelta(minutes=minutes)
    assert lock_delay(failures) == expected
    assert next_lock_until(failures, NOW) == (None if expected is None else NOW + expected)


def test_a_negative_failure_count_is_a_programming_error():
    with pytest.raises(ValueError):
        lock_delay(-1)


@pytest.mark.parametrize("locked_until, locked", [
    (None, False),
    (NOW + timedelta(seconds=1), True),
    (NOW, False),
    (NOW - timedelta(minutes=5), False),
])
def test_an_account_is_locked_only_before_the_lock_ends(locked_until, locked):
    assert is_locked(locked_until, NOW) is locked


@pytest.mark.parametrize("remaining, minutes", [
    (timedelta(seconds=1), 1), (timedelta(seconds=60), 1), (timedelta(seconds=61), 2),
    (timedelta(minutes=32), 32), (timedelta(0), 1),
])
def test_the_locked_message_rounds_the_remaining_time_up_to_whole_minutes(remaining, minutes):
    problem = locked_problem(NOW + remaining, NOW)
    assert problem.code == "login.locked"
    assert problem.params["minutes"] == minutes
    assert f"{minutes}分钟后再试" in problem.message
