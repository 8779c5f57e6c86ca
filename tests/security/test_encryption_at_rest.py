"""A copy of the files from a lost laptop yields no names, ID numbers or phones without a password."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services import accounts
from app.services.backup import backup
from app.services.demo import create_demo_store
from app.store.models import Household
from app.store.open import open_database
from tests.conftest import DEMO_TODAY, demo_password


@pytest.fixture(scope="module")
def laptop(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("laptop")
    admin, _ = create_demo_store(folder, 80, seed=21, today=DEMO_TODAY)
    backup(admin)  # an exported backup, in backups/
    admin.close()
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    with ws.db.session() as s:
        secrets = s.execute(select(Household.head_name, Household.head_id_number, Household.head_phone)
                            .where(Household.head_phone != "").limit(1)).one()._asdict()
    ws.close()  # the WAL may still hold recent pages: it is grepped too
    return folder, secrets


def _every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix != ".log" and p.name != "keys.json"]


def test_no_file_of_the_store_contains_a_name_an_id_number_or_a_phone(laptop):
    folder, secrets = laptop
    files = _every_file(folder)
    assert any(p.suffix == ".cvbak" for p in files) and any(p.name.endswith(".db") for p in files)
    for path in files:
        raw = path.read_bytes()
        for value in secrets.values():
            for encoding in ("utf-8", "utf-16-le"):
                assert value.encode(encoding) not in raw, f"{value!r} readable in {path.name}"


def test_the_database_is_not_readable_as_sqlite(laptop):
    folder, _ = laptop
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(str(folder / "credit-village.db")).execute("select count(*) from households").fetchone()


def test_a_wrong_key_cannot_open_it(laptop):
    from app.store.open import StoreError

    folder, _ = laptop
    with pytest.raises(StoreError):
        open_database(folder, key=b"\x00" * 32)
