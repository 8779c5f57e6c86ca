"""A copy of the files from a lost laptop yields no names, ID numbers or phones without a password.

The store is the demo city plus fresh writes, a real migration (so ``backups/`` holds the copy
taken before it) and a made backup; the files are read as raw bytes while a workspace is
still open, so the write-ahead log with the latest pages is on disk too.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from alembic import command
from app.services import accounts
from app.services.backup import backup
from app.services.demo import create_demo_store
from app.services.records import bulk_insert
from app.store import migrate
from app.store.models import Household
from app.store.open import StoreError, open_database
from tests.conftest import DEMO_TODAY, demo_password

WRITTEN = {"head_name": "司马静怡", "head_id_number": "44512219900101123X", "head_phone": "13912345678"}


def _migrate_one_step_again(folder: Path, key: bytes) -> None:
    """Step the schema back one revision, so the next login migrates (and copies) for real."""
    db = open_database(folder, key=key, upgrade=False)
    config = migrate.alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    db.close()


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    """(data folder, the secrets to look for); the loan officer's workspace stays open meanwhile."""
    folder = tmp_path_factory.mktemp("laptop")
    admin, _ = create_demo_store(folder, 80, seed=21, today=DEMO_TODAY)
    key = admin.key
    admin.close()
    _migrate_one_step_again(folder, key)
    ws = accounts.unlock(folder, "loan", demo_password("loan"))  # migrates: copy in backups/
    with ws.db.session() as s:
        demo = s.execute(select(Household.head_name, Household.head_id_number, Household.head_phone)
                         .where(Household.head_phone != "").limit(1)).one()._asdict()
        village = s.scalar(select(Household.village_code).limit(1))
        bulk_insert(s, [{"record_type": "household", "village_code": village, **WRITTEN,
                         "members": [], "consent": {"signed": False}}])
    with ws.db.session() as s:  # both sets are really stored, so not finding them means something
        assert s.scalar(select(Household.id).where(Household.head_phone == demo["head_phone"]))
        assert s.scalar(select(Household.id).where(Household.head_name == WRITTEN["head_name"]))
    admin = accounts.unlock(folder, "admin", demo_password("admin"))
    backup(admin)
    admin.close()
    yield folder, [*demo.values(), *WRITTEN.values()]
    ws.close()


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix != ".log" and p.name != "keys.json"]


def _forms(value: str) -> list[bytes]:
    """How a value could sit in a file: UTF-8, UTF-16, or escaped inside a JSON document."""
    return [value.encode("utf-8"), value.encode("utf-16-le"), json.dumps(value)[1:-1].encode("ascii")]


def test_the_store_has_a_database_a_wal_a_migration_copy_and_a_backup(laptop):
    folder, _ = laptop
    names = [p.name for p in _files(folder)]
    assert "credit-village.db" in names
    assert (folder / "credit-village.db-wal").stat().st_size > 0
    assert any(name.startswith("credit-village-before-") and name.endswith(".db") for name in names)
    assert any(name.endswith(".cvbak") for name in names)


def test_no_file_of_the_store_contains_a_name_an_id_number_or_a_phone(laptop):
    folder, secrets = laptop
    for path in _files(folder):
        raw = path.read_bytes()
        for value in secrets:
            for form in _forms(value):
                assert form not in raw, f"{value!r} readable in {path.name}"


def test_the_database_and_its_migration_copy_are_not_readable_as_sqlite(laptop):
    folder, _ = laptop
    for path in [folder / "credit-village.db", *(folder / "backups").glob("credit-village-before-*.db")]:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            sqlite3.connect(str(path)).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_a_wrong_key_cannot_open_it(laptop):
    folder, _ = laptop
    with pytest.raises(StoreError, match="不是本程序的数据库文件"):
        open_database(folder, key=b"\x00" * 32)
