"""The idle screen lock: no keyboard or mouse input for a while → the screen locks."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal

IDLE_KEY = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def idle_minutes() -> int:
    """Minutes of inactivity before the lock (setting ``security/idle_minutes``, 0 = never)."""
    try:
        return max(0, int(QSettings().value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


class IdleWatcher(QObject):
    """Installed as an application event filter; emits ``sig_idle`` after ``msecs`` without input."""

    sig_idle = Signal()

    def __init__(self, msecs: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=msecs)
        self.timer.timeout.connect(self.sig_idle)
        if msecs > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS and self.timer.interval() > 0:
            self.timer.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()
