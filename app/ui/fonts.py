"""The bundled CJK font, registered so Chinese never renders as boxes on a bare machine."""
from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resource_path

FONT_FILE = "DroidSansFallbackFull.ttf"
log = logging.getLogger(__name__)


def install_bundled_font(app: QApplication, point_size: int = 10) -> str | None:
    """Register the bundled font and make it the application font's fallback for Han text.

    Returns the family name, or None when the file is missing (then the system's fonts
    are used and the selftest fails, since a field laptop may have none).
    """
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
    if font_id < 0:
        log.error("bundled font could not be loaded: %s", FONT_FILE)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    # Latin from the system UI font when there is one; Han always from the bundled font.
    font.setFamilies([app.font().family(), family] if app.font().family() != family else [family])
    font.setPointSize(point_size)
    app.setFont(font)
    return family
