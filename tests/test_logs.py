"""Logs go to a rotating file in the data folder and never carry a full ID number or phone."""
from __future__ import annotations

import logging
from pathlib import Path

from app.logs import configure_logging


def test_personal_data_is_masked_in_the_log_file(data_dir: Path):
    path = configure_logging(data_dir)
    log = logging.getLogger("test")
    log.info("saved household of 445122199001011234, phone 13812345678")
    try:
        raise ValueError("bad id 44052219600202123X")
    except ValueError:
        log.exception("import failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text("utf-8")
    assert "saved household" in text and "import failed" in text
    for secret in ("445122199001011234", "13812345678", "44052219600202123X"):
        assert secret not in text
    assert path.parent == data_dir / "logs"
