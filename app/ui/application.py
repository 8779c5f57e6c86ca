"""Starting the GUI: the application object, font, language, store, main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.store.open import StoreError, open_database
from app.ui.fonts import install_bundled_font
from app.ui.i18n import install_language, saved_language


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with names, the bundled font and the chosen language installed."""
    QCoreApplication.setOrganizationName("CreditVillage")
    QCoreApplication.setApplicationName("CreditVillageField")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    install_bundled_font(app)
    install_language(app, language or saved_language())
    return app


def run_gui(data_dir: Path, language: str | None = None) -> int:
    """Open the store of ``data_dir`` and run the main window until it closes."""
    from app.ui.main_window import MainWindow

    app = make_application(language=language)
    try:
        db = open_database(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "无法打开数据库"), str(exc))
        return 1
    window = MainWindow(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
