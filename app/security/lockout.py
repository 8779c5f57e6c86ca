"""When an account locks after failed logins, and for how long. Pure: ``now`` is passed in.

After :data:`FREE_ATTEMPTS` (5) consecutive failures the account locks for 1 minute;
every further failure doubles the delay (2, 4, 8, 16, 32 minutes), capped at 1 hour.
A successful login resets the counter (the store's job). The lock slows down guessing
at the login screen; it is no defence against someone who copies the database, which
is what argon2 and the encryption at rest are for.

Laptops keep their own clock: turning it back lengthens a lock, turning it forward
shortens it. Only an administrator of the laptop can do that, and they could also
reset the counter directly, so the policy does not try to outwit the clock.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.security.errors import make_problem

FREE_ATTEMPTS = 5  # failures allowed before the first lock
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)
# Beyond this exponent the doubled delay is over the cap anyway; stops huge powers of two.
_MAX_DOUBLINGS = 16


def lock_delay(failed_attempts: int) -> timedelta | None:
    """How long the account locks after ``failed_attempts`` consecutive failures, or None."""
    if failed_attempts < 0:
        raise ValueError(f"failed_attempts must be >= 0, got {failed_attempts}")
    if failed_attempts < FREE_ATTEMPTS:
        return None
    doublings = min(failed_attempts - FREE_ATTEMPTS, _MAX_DOUBLINGS)
    return min(FIRST_DELAY * 2**doublings, MAX_DELAY)


def next_lock_until(failed_attempts: int, now: datetime) -> datetime | None:
    """The moment the lock ends after ``failed_attempts`` failures counted at ``now``, or None."""
    delay = lock_delay(failed_attempts)
    return None if delay is None else now + delay


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    """True while ``now`` is before ``locked_until`` (the lock ends exactly at that moment)."""
    return locked_until is not None and now < locked_until


def locked_problem(locked_until: datetime, now: datetime) -> Problem:
    """The message for a refused login: how many whole minutes are left (at least 1)."""
    seconds = max((locked_until - now).total_seconds(), 0.0)
    minutes = max(1, math.ceil(seconds / 60))
    return make_problem("password", "login.locked", QT_TRANSLATE_NOOP(
        "problems", "连续输错密码次数过多，账户已暂时锁定，请{minutes}分钟后再试"), minutes=minutes)
