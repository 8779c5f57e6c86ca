"""A data directory that cannot be used is refused with one clear sentence, and damaged nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import DATABASE_FILE
from app.store.open import StoreError, open_database


def test_a_file_given_as_data_directory_is_refused(tmp_path: Path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    with pytest.raises(StoreError, match="不是文件夹"):
        open_database(not_a_folder)


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(data_dir: Path):
    impostor = data_dir / DATABASE_FILE
    impostor.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = impostor.read_bytes()
    with pytest.raises(StoreError, match="不是本程序的数据库文件"):
        open_database(data_dir)
    assert impostor.read_bytes() == before
