"""Running service calls off the GUI thread, results delivered back to it by signal.

``run_task(fn, *args, on_done=..., on_error=...)`` runs ``fn`` on Qt's global thread pool;
the callbacks run on the GUI thread (queued signal of a QObject that lives there). A result
that arrives after its requester has moved on is the requester's to ignore (see
``RequestCounter``), which keeps a fast typist's search box from showing stale lists.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues, the callbacks run here."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None,
                 owner: QObject | None):
        super().__init__()
        self._on_done, self._on_error, self._owner = on_done, on_error, owner
        self.sig_done.connect(self.on_done)
        self.sig_failed.connect(self.on_failed)

    def _owner_gone(self) -> bool:
        """The widget that asked was closed meanwhile: its answer has nowhere to go."""
        return self._owner is not None and not isValid(self._owner)

    @Slot(object)
    def on_done(self, result: Any) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_done(result)

    @Slot(object)
    def on_failed(self, exc: Exception) -> None:
        _live.discard(self)
        if self._on_error and not self._owner_gone():
            self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, relay: _Relay):
        super().__init__()
        self.fn, self.args, self.relay = fn, args, relay

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # reported to the GUI, which shows it; never lost
            log.error("background task failed: %s", traceback.format_exc(limit=5))
            self._report(self.relay.sig_failed, exc)
        else:
            self._report(self.relay.sig_done, result)

    def _report(self, signal: Any, value: Any) -> None:
        """Emit unless the application shut down meanwhile (its relays are gone with it)."""
        if not isValid(self.relay):
            log.debug("background task finished after shut-down; result dropped")
            return
        try:
            signal.emit(value)
        except RuntimeError:  # deleted between the check and the emit
            log.debug("background task finished after shut-down; result dropped")


_live: set[_Relay] = set()


def run_task(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None, owner: QObject | None = None) -> None:
    """Run ``fn(*args)`` in the pool; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    With ``owner`` (the asking widget), the callbacks are skipped if it was deleted meanwhile.
    """
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)  # keep the relay alive until the task reports
    QThreadPool.globalInstance().start(_Task(fn, args, relay))


def wait_for_tasks(msecs: int = 10_000) -> bool:
    """Block until every pool task is finished (shut-down and tests only)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class RequestCounter:
    """Numbers requests so that only the answer to the latest one is used."""

    def __init__(self) -> None:
        self._latest = 0

    def next(self) -> int:
        self._latest += 1
        return self._latest

    def is_latest(self, number: int) -> bool:
        return number == self._latest
