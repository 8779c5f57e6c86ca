"""Backups restore exactly what was saved, and a damaged or foreign backup changes nothing."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.security.backup_crypto import BackupCorrupt
from app.security.roles import PermissionDenied
from app.services import accounts, audit
from app.services.accounts import AccountError
from app.services.backup import backup, restore
from app.services.records import bulk_insert
from app.services.search import ListQuery, household_ids
from app.store.models import Household
from sqlalchemy import func, select
from tests.conftest import DEMO_TODAY, demo_password

ADMIN = ("admin", demo_password("admin"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    from app.services.demo import create_demo_store

    folder = tmp_path / "store"
    admin, _ = create_demo_store(folder, 120, seed=9, today=DEMO_TODAY)
    admin.close()
    return folder


def _count(folder: Path) -> int:
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    try:
        return len(household_ids(ws, ListQuery()))
    finally:
        ws.close()


def _add_household(folder: Path, name: str) -> None:
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    try:
        with ws.db.session() as s:
            village = s.scalar(select(Household.village_code).limit(1))
            bulk_insert(s, [{"record_type": "household", "village_code": village, "head_name": name,
                             "head_id_number": "445122199001011234", "members": [], "consent": {"signed": False}}])
    finally:
        ws.close()


def test_a_restore_brings_back_exactly_the_backed_up_records(store: Path, tmp_path: Path):
    admin = accounts.unlock(store, *ADMIN)
    made = backup(admin, tmp_path / "b.cvbak")
    admin.close()
    _add_household(store, "后来者")
    assert _count(store) == 121
    summary = restore(store, made, *ADMIN)
    assert summary.households == 120 and _count(store) == 120
    assert summary.replaced.exists()  # the replaced database is kept, not deleted


def test_restore_works_on_a_new_laptop_with_a_users_own_password(store: Path, tmp_path: Path):
    admin = accounts.unlock(store, *ADMIN)
    made = backup(admin, tmp_path / "b.cvbak")
    admin.close()
    new_laptop = tmp_path / "new"
    restore(new_laptop, made, *ADMIN)
    assert _count(new_laptop) == 120


@pytest.mark.parametrize("damage", ["truncate_half", "truncate_tail", "flip_bit", "wrong_password"])
def test_a_damaged_backup_or_wrong_password_is_refused_and_changes_nothing(store: Path, tmp_path: Path, damage):
    admin = accounts.unlock(store, *ADMIN)
    made = backup(admin, tmp_path / "b.cvbak")
    admin.close()
    _add_household(store, "不能丢")
    data = bytearray(made.read_bytes())
    password = ADMIN[1]
    if damage == "truncate_half":
        made.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "truncate_tail":
        made.write_bytes(bytes(data[:-7]))
    elif damage == "flip_bit":
        data[len(data) // 3] ^= 0x10
        made.write_bytes(bytes(data))
    else:
        password = "not-the-password"
    before = (store / "credit-village.db").read_bytes()
    with pytest.raises((BackupCorrupt, AccountError)):
        restore(store, made, ADMIN[0], password)
    assert (store / "credit-village.db").read_bytes() == before
    assert _count(store) == 121


def test_a_backup_taken_during_writes_restores_to_a_consistent_state(store: Path, tmp_path: Path):
    stop = threading.Event()

    def write() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            _add_household(store, f"并发{number}")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        admin = accounts.unlock(store, *ADMIN)
        made = backup(admin, tmp_path / "b.cvbak")
        admin.close()
    finally:
        stop.set()
        writer.join()
    target = tmp_path / "restored"
    restore(target, made, *ADMIN)
    ws = accounts.unlock(target, *ADMIN)
    try:
        with ws.db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.execute(select(func.count()).select_from(Household)).scalar() >= 120
        assert audit.verify(ws.db).ok
    finally:
        ws.close()


def test_a_loan_officer_may_not_make_backups_and_the_refusal_is_audited(store: Path):
    ws = accounts.unlock(store, "loan", demo_password("loan"))
    try:
        with pytest.raises(PermissionDenied):
            backup(ws)
        entry = audit.find_entries(ws.db, audit.AuditFilter(action="permission_denied"), limit=1)[0]
        assert entry["details"]["permission"] == "backup"
    finally:
        ws.close()


def test_automatic_backups_keep_only_the_newest(store: Path):
    admin = accounts.unlock(store, *ADMIN)
    try:
        for _ in range(4):
            backup(admin, keep=2)
    finally:
        admin.close()
    assert len(list((store / "backups").glob("credit-village-*.cvbak"))) == 2
