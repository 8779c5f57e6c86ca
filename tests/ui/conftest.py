"""GUI fixtures: QSettings in a temporary folder, the app's font and language installed."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.ui.application import make_application


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path):
    """Language and window state of a test never touch the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def app(qapp):
    """The QApplication as the real program sets it up (font, default language)."""
    return make_application(language="zh_CN")
