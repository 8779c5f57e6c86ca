"""Every user-visible string goes through Qt's translation system and has its English text."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.paths import resource_path
from app.ui.i18n import install_language

TS = resource_path("translations", "app_en.ts")
QM = resource_path("translations", "app_en.qm")
UPDATE = resource_path("translations", "update.py")


def _load_update_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations_update", UPDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in tree.iter("context") for message in context.iter("message")}


def test_every_message_has_a_finished_english_translation():
    unfinished = [key for key, translation in _messages(TS).items()
                  if translation.get("type") == "unfinished" or not (translation.text or "").strip()]
    assert unfinished == []


def test_translation_source_lists_every_string_in_the_code(tmp_path: Path):
    update = _load_update_module()
    fresh = tmp_path / "app_en.ts"
    shutil.copy(TS, fresh)
    update.update(fresh)
    assert set(_messages(fresh)) == set(_messages(TS)), "run resources/translations/update.py"


def test_compiled_translation_is_up_to_date(tmp_path: Path):
    update = _load_update_module()
    update.release(TS, tmp_path / "app_en.qm")
    assert (tmp_path / "app_en.qm").read_bytes() == QM.read_bytes(), "run resources/translations/update.py"


@pytest.fixture
def english(app):
    assert install_language(app, "en")
    yield app
    install_language(app, "zh_CN")


def test_main_window_speaks_english_when_asked(english, qtbot, demo_ws):
    from app.ui.main_window import MainWindow

    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_ready, timeout=10_000):
        window.show()
    assert window.windowTitle().startswith("Credit Village Field Client")
    assert window.tabs.tabText(0) == "Households"
    assert window.households.model.headerData(0, _horizontal(), _display()) == "Head"
    assert window.households.count_label.text().endswith("households")


def test_pseudo_translation_marks_every_string(app, qtbot, demo_ws):
    from app.ui.main_window import MainWindow

    install_language(app, "pseudo")
    try:
        window = MainWindow(demo_ws)
        qtbot.addWidget(window)
        assert window.windowTitle().startswith("［信用村镇外业助手")
    finally:
        install_language(app, "zh_CN")


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _display():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.DisplayRole
