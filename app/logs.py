"""Logging: a rotating file in the data folder, with personal data masked on the way out.

Every record passes ``mask_text`` (the project's one masking rule) after formatting, so an
ID number or mobile number that slips into a message or a traceback never reaches the file.
"""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.domain.masking import mask_text

LOG_FILE = "credit-village.log"
MAX_BYTES = 2_000_000
BACKUPS = 5


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks ID numbers and phones anywhere in the text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_text(super().format(record))


def configure_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's logs to ``data_dir/logs/credit-village.log`` (rotated); returns the path."""
    folder = Path(data_dir) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "credit_village", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                   encoding="utf-8")
    handler.credit_village = True
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
