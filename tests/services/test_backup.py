"""Backups restore exactly what was saved, and a damaged or foreign backup changes nothing."""
from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.security.backup_crypto import BackupCorrupt, encrypt_file, read_header
from app.security.keyfile import KeyFile
from app.security.roles import PermissionDenied
from app.services import accounts, audit
from app.services import backup as backup_service
from app.services.accounts import AccountError
from app.services.backup import backup, daily_backup_if_due, restore
from app.services.records import bulk_insert
from app.services.search import ListQuery, household_ids
from app.store.db import sqlcipher_connector
from app.store.models import Household
from tests.conftest import DEMO_TODAY, demo_password

ADMIN = ("admin", demo_password("admin"))
HOUSEHOLDS = 120
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A demo store made once; each test works on its own copy."""
    from app.services.demo import create_demo_store

    folder = tmp_path_factory.mktemp("template") / "store"
    admin, _ = create_demo_store(folder, HOUSEHOLDS, seed=9, today=DEMO_TODAY)
    admin.close()
    return folder


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "store"))


@pytest.fixture
def made(store: Path, tmp_path: Path) -> Path:
    """A backup of ``store`` taken by the administrator, outside the data folder."""
    admin = accounts.unlock(store, *ADMIN)
    try:
        return backup(admin, tmp_path / "b.cvbak")
    finally:
        admin.close()


def _ids(folder: Path) -> set[str]:
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    try:
        return set(household_ids(ws, ListQuery()))
    finally:
        ws.close()


def _insert(ws: accounts.Workspace, name: str) -> None:
    with ws.db.session() as s:
        village = s.scalar(select(Household.village_code).limit(1))
        bulk_insert(s, [{"record_type": "household", "village_code": village, "head_name": name,
                         "head_id_number": "445122199001011234", "members": [], "consent": {"signed": False}}])


def _add_household(folder: Path, name: str) -> None:
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    try:
        _insert(ws, name)
    finally:
        ws.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a data folder and its bytes (what "changes nothing" compares)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_restore_brings_back_exactly_the_backed_up_records(store: Path, made: Path):
    before = _ids(store)
    _add_household(store, "后来者")
    assert len(_ids(store)) == HOUSEHOLDS + 1
    summary = restore(store, made, *ADMIN)
    assert summary.households == HOUSEHOLDS and _ids(store) == before
    assert summary.replaced.exists() and summary.replaced.parent == store / "backups"
    assert summary.replaced.with_name(summary.replaced.name + ".keys.json").exists()
    assert not list(store.glob(".restore*"))  # no staged copy or its journals left behind


def test_the_restore_is_audited_in_the_restored_database(store: Path, made: Path):
    restore(store, made, *ADMIN)
    ws = accounts.unlock(store, *ADMIN)
    try:
        entry = audit.find_entries(ws.db, audit.AuditFilter(action="restored"), limit=1)[0]
        assert entry["actor"] == "admin" and entry["details"]["file"] == made.name
        assert audit.verify(ws.db).ok
    finally:
        ws.close()


def test_restore_works_on_a_new_laptop_with_each_users_own_password(store: Path, made: Path, tmp_path: Path):
    new_laptop = tmp_path / "new"
    restore(new_laptop, made, *ADMIN)
    assert _ids(new_laptop) == _ids(store)  # the loan officer logs in with the key copy from the header


def _cut(at):
    return lambda data, header_end: data[:at(len(data), header_end)]


def _flip(at):
    def damage(data: bytes, header_end: int) -> bytes:
        changed = bytearray(data)
        changed[at(len(data), header_end)] ^= 0x10
        return bytes(changed)
    return damage


DAMAGES = {
    "cut to nothing": _cut(lambda n, h: 0),
    "cut inside the magic": _cut(lambda n, h: 5),
    "cut inside the fixed header": _cut(lambda n, h: 30),
    "cut inside the key copies": _cut(lambda n, h: h // 2),
    "cut right after the header": _cut(lambda n, h: h),
    "cut inside the first chunk": _cut(lambda n, h: h + 10),
    "cut in half": _cut(lambda n, h: n // 2),
    "cut by one byte": _cut(lambda n, h: n - 1),
    "one bit flipped in the key copies": _flip(lambda n, h: h // 2),
    "one bit flipped in the header mac": _flip(lambda n, h: h - 5),
    "one bit flipped in the data": _flip(lambda n, h: n // 3),
    "one bit flipped in the last tag": _flip(lambda n, h: n - 1),
    "bytes appended": lambda data, h: data + b"\x00" * 16,
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_backup_is_refused_in_chinese_and_changes_nothing(store: Path, made: Path, damage):
    header = read_header(made)
    header_end = len(header.raw) + len(header.mac)
    made.write_bytes(damage(made.read_bytes(), header_end))
    _add_household(store, "不能丢")
    before = _snapshot(store)
    with pytest.raises((BackupCorrupt, AccountError)) as refused:
        restore(store, made, *ADMIN)
    assert CHINESE.search(str(refused.value))
    assert _snapshot(store) == before
    assert len(_ids(store)) == HOUSEHOLDS + 1  # the live database still opens, with the newer data


@pytest.mark.parametrize("username, password, code", [
    ("admin", "not-the-password", "backup.wrong_password"),
    ("nobody", ADMIN[1], "backup.wrong_password"),
    ("loan", demo_password("loan"), "backup.not_allowed"),  # in the backup, but may not restore
])
def test_a_wrong_password_or_a_user_without_the_right_is_refused_and_changes_nothing(
        store: Path, made: Path, username, password, code):
    before = _snapshot(store)
    with pytest.raises(AccountError) as refused:
        restore(store, made, username, password)
    assert refused.value.code == code and CHINESE.search(str(refused.value))
    assert _snapshot(store) == before


def _sealed(store: Path, tmp_path: Path, plain: Path) -> Path:
    """``plain`` sealed as a backup with the store's real key and key copies."""
    admin = accounts.unlock(store, *ADMIN)
    key = admin.key
    admin.close()
    sealed = tmp_path / "forged.cvbak"
    encrypt_file(plain, sealed, key, wrapped_keys=KeyFile.load(store).users)
    return sealed


def test_a_correctly_sealed_file_that_is_not_a_database_is_refused(store: Path, tmp_path: Path):
    plain = tmp_path / "noise.bin"
    plain.write_bytes(bytes(range(256)) * 64)
    sealed = _sealed(store, tmp_path, plain)
    before = _snapshot(store)
    with pytest.raises(BackupCorrupt) as refused:
        restore(store, sealed, *ADMIN)
    assert refused.value.code == "backup.integrity" and _snapshot(store) == before


def test_a_sealed_database_without_our_schema_is_refused(store: Path, tmp_path: Path):
    admin = accounts.unlock(store, *ADMIN)
    plain = tmp_path / "other.db"
    connection = sqlcipher_connector(plain, admin.key)()
    admin.close()
    connection.execute("CREATE TABLE users (username TEXT, role TEXT, active INTEGER)")
    connection.execute("INSERT INTO users VALUES ('admin', 'admin', 1)")
    connection.commit()
    connection.close()
    sealed = _sealed(store, tmp_path, plain)
    before = _snapshot(store)
    with pytest.raises(BackupCorrupt) as refused:
        restore(store, sealed, *ADMIN)
    assert refused.value.code == "backup.schema" and _snapshot(store) == before


def test_a_backup_taken_during_writes_restores_to_a_consistent_state(store: Path, tmp_path: Path):
    committed, stop, started = [0], threading.Event(), threading.Event()
    writer_ws = accounts.unlock(store, "loan", demo_password("loan"))

    def write() -> None:
        while not stop.is_set():
            _insert(writer_ws, f"并发{committed[0]}")
            committed[0] += 1
            if committed[0] >= 3:
                started.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert started.wait(20)
        admin = accounts.unlock(store, *ADMIN)
        low = committed[0]
        made = backup(admin, tmp_path / "b.cvbak")
        high = committed[0] + 1  # one insert may have been committed but not yet counted
        admin.close()
    finally:
        stop.set()
        writer.join()
        writer_ws.close()
    target = tmp_path / "restored"
    restore(target, made, *ADMIN)
    ws = accounts.unlock(target, *ADMIN)
    try:
        with ws.db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            count = c.execute(select(func.count()).select_from(Household)).scalar()
        assert HOUSEHOLDS + low <= count <= HOUSEHOLDS + high
        assert audit.verify(ws.db).ok
    finally:
        ws.close()


def test_the_copy_before_encryption_is_never_plaintext_and_is_deleted(store: Path, tmp_path: Path, monkeypatch):
    seen = []

    def spy(src, dst, key, **kwargs):
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            sqlite3.connect(str(src)).execute("SELECT count(*) FROM sqlite_master").fetchone()
        seen.append(Path(src))
        encrypt_file(src, dst, key, **kwargs)

    monkeypatch.setattr(backup_service, "encrypt_file", spy)
    admin = accounts.unlock(store, *ADMIN)
    try:
        backup(admin, tmp_path / "b.cvbak")
    finally:
        admin.close()
    assert seen and not seen[0].exists()


def test_a_loan_officer_may_not_make_backups_and_the_refusal_is_audited(store: Path):
    ws = accounts.unlock(store, "loan", demo_password("loan"))
    try:
        with pytest.raises(PermissionDenied):
            backup(ws)
        entry = audit.find_entries(ws.db, audit.AuditFilter(action="permission_denied"), limit=1)[0]
        assert entry["actor"] == "loan" and entry["details"]["permission"] == "backup"
        assert not list((store / "backups").glob("*.cvbak"))
    finally:
        ws.close()


def test_automatic_backups_are_named_by_time_audited_and_only_the_newest_kept(store: Path, tmp_path: Path):
    admin = accounts.unlock(store, *ADMIN)
    try:
        named = backup(admin, store / "backups" / "before-handover.cvbak")  # chosen by hand: never pruned
        into_folder = backup(admin, tmp_path)  # a folder: the default name inside it
        made = [backup(admin, keep=2) for _ in range(4)]
        entries = audit.find_entries(admin.db, audit.AuditFilter(action="backup_made"))
    finally:
        admin.close()
    for path in [into_folder, *made]:
        assert re.fullmatch(r"credit-village-\d{8}-\d{6}(-\d+)?\.cvbak", path.name)
    assert into_folder.parent == tmp_path
    assert set((store / "backups").glob("*.cvbak")) == {named, *made[-2:]}
    assert sorted(e["details"]["file"] for e in entries) == sorted(p.name for p in [named, into_folder, *made])
    assert all(e["details"]["bytes"] > 0 for e in entries)


def test_the_daily_backup_is_made_once_a_day_and_only_by_someone_allowed(store: Path):
    loan = accounts.unlock(store, "loan", demo_password("loan"))
    try:
        assert daily_backup_if_due(loan) is None
    finally:
        loan.close()
    admin = accounts.unlock(store, *ADMIN)
    try:
        first = daily_backup_if_due(admin)
        assert first is not None and first.exists()
        assert daily_backup_if_due(admin) is None
    finally:
        admin.close()


def _run(monkeypatch, capsys, folder: Path, user: str, password: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", password)
    code = main([*args, "--data-dir", str(folder), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_backup_and_restore_commands_succeed_with_exit_code_zero(store: Path, tmp_path: Path,
                                                                     monkeypatch, capsys):
    out_file = tmp_path / "cli.cvbak"
    code, out, _ = _run(monkeypatch, capsys, store, *ADMIN, "backup", "--out", str(out_file))
    assert code == 0 and out_file.exists() and str(out_file) in out
    _add_household(store, "后来者")
    code, out, _ = _run(monkeypatch, capsys, store, *ADMIN, "restore", str(out_file))
    assert code == 0 and f"{HOUSEHOLDS} 户" in out and len(_ids(store)) == HOUSEHOLDS


@pytest.mark.parametrize("case", ["loan officer backs up", "truncated file", "wrong password", "missing file"])
def test_a_refused_backup_or_restore_command_prints_one_line_and_exits_1(store: Path, made: Path,
                                                                          monkeypatch, capsys, case):
    if case == "truncated file":
        made.write_bytes(made.read_bytes()[:-100])
    user, password = ("loan", demo_password("loan")) if case == "loan officer backs up" else ADMIN
    args = {"loan officer backs up": ["backup"], "truncated file": ["restore", str(made)],
            "wrong password": ["restore", str(made)],
            "missing file": ["restore", str(made.with_name("none.cvbak"))]}[case]
    password = "wrong-password-9" if case == "wrong password" else password
    before = _snapshot(store)
    code, _, err = _run(monkeypatch, capsys, store, user, password, *args)
    assert code == 1 and err.count("\n") == 1 and CHINESE.search(err) and "Traceback" not in err
    if case != "loan officer backs up":  # a refused backup writes its audit entry; a restore nothing
        assert {k: v for k, v in _snapshot(store).items() if not k.endswith(".log")} == \
               {k: v for k, v in before.items() if not k.endswith(".log")}
