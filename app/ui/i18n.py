"""Languages: Chinese is the source language of every string; English comes from a .qm file.

``install_language(app, "en")`` loads ``resources/translations/app_en.qm`` and Qt's own
translations of standard dialogs. ``"pseudo"`` wraps every string in brackets and stretches it
by a third, to find labels that are cut off or not translated (as Vorta does).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.paths import resource_path

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


class PseudoTranslator(QTranslator):
    """Makes every string visibly translated and a third longer."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401
        if not source_text:
            return source_text
        return "［" + source_text + "·" * max(1, len(source_text) // 3) + "］"

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def saved_language() -> str:
    value = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES or value == "pseudo" else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    QSettings().setValue(SETTINGS_KEY, language)


def install_language(app: QCoreApplication, language: str) -> bool:
    """Install the translators of ``language``; False if its file could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "pseudo":
        translator = PseudoTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if language == DEFAULT_LANGUAGE:
        return True
    ours = QTranslator(app)
    if not ours.load(str(resource_path("translations", f"app_{language}.qm"))):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
