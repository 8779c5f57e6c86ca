"""Retrying a platform call that failed for a passing reason: no answer, or a 5xx.

Push and pull are safe to repeat (the platform acknowledges a replayed mutation as
``duplicate``; a pull from the same cursor returns the same changes), so a call that timed
out or lost its connection is simply made again after a growing pause. Any other failure
(401, 403, 426, a response that is not the platform's) is final and raised at once.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from sync.errors import CertificateRejected, ServerFailed, SyncError, Unreachable

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` calls in all, pausing ``first_delay`` seconds, then ``factor`` times longer each time."""

    attempts: int = 3
    first_delay: float = 1.0
    factor: float = 2.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)

    def delays(self) -> list[float]:
        """The pauses (seconds) between the attempts."""
        return [self.first_delay * self.factor ** n for n in range(max(self.attempts - 1, 0))]


NO_RETRY = RetryPolicy(attempts=1)


def is_transient(error: SyncError) -> bool:
    """True for failures worth another try: unreachable (but not an untrusted certificate), 5xx."""
    return (isinstance(error, Unreachable) and not isinstance(error, CertificateRejected)) \
        or isinstance(error, ServerFailed)


def call_with_retry(fn: Callable[[], T], policy: RetryPolicy) -> T:
    """``fn()``, repeated after a pause while it fails transiently; the last failure is raised."""
    for delay in policy.delays():
        try:
            return fn()
        except SyncError as error:
            if not is_transient(error):
                raise
        policy.sleep(delay)
    return fn()
