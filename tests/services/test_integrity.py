"""A damaged store is found at login, copied to quarantine/, never opened, and a good backup is offered."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.cli import main
from app.paths import DATABASE_FILE
from app.security.backup_crypto import decrypt_file, encrypt_file
from app.security.keyfile import KeyFile
from app.services import accounts, backup_check, integrity
from app.services.accounts import AccountError
from app.services.backup import backup, restore
from app.store.models import OutboxEntry
from tests.conftest import demo_password

ADMIN = ("admin", demo_password("admin"))
CHINESE = re.compile(r"[\u4e00-\u9fff]")
PAGE = 4096


def damage_pages(path: Path, first_page: int | None = None, pages: int = 3) -> None:
    """Overwrite whole pages of a database file with garbage (as a failing disk would)."""
    size = path.stat().st_size
    start = first_page if first_page is not None else size // PAGE // 2
    with open(path, "r+b") as handle:
        handle.seek(start * PAGE)
        handle.write(b"\xa5" * PAGE * pages)


def key_of(folder: Path) -> bytes:
    return integrity.key_for(folder, *ADMIN)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and "quarantine" not in p.parts and p.suffix != ".log"}


@pytest.mark.parametrize("mode", [integrity.PROBE, integrity.QUICK, integrity.FULL])
def test_an_intact_store_passes_every_check_mode(city_dir: Path, mode: str):
    report = integrity.check_database(city_dir / DATABASE_FILE, key_of(city_dir), mode)
    assert report.ok and report.problems == () and report.mode == mode and report.seconds >= 0


@pytest.mark.parametrize("mode", [integrity.QUICK, integrity.FULL])
def test_overwritten_pages_fail_the_quick_and_the_full_check(city_dir: Path, mode: str):
    damage_pages(city_dir / DATABASE_FILE)
    report = integrity.check_database(city_dir / DATABASE_FILE, key_of(city_dir), mode)
    assert not report.ok and 1 <= len(report.problems) <= 5
    assert all("\n" not in line for line in report.problems)


def test_a_damaged_first_page_fails_even_the_probe(city_dir: Path):
    damage_pages(city_dir / DATABASE_FILE, first_page=0, pages=1)
    assert not integrity.check_database(city_dir / DATABASE_FILE, key_of(city_dir), integrity.PROBE).ok


def test_a_damaged_store_is_quarantined_and_nothing_is_written_to_it(city_dir: Path):
    damage_pages(city_dir / DATABASE_FILE)
    before = snapshot(city_dir)
    with pytest.raises(integrity.StoreDamaged) as refused:
        integrity.unlock_checked(city_dir, *ADMIN)
    assert CHINESE.search(str(refused.value)) and not refused.value.report.ok
    copy = refused.value.quarantined
    assert copy.parent == city_dir / integrity.QUARANTINE
    assert (copy / DATABASE_FILE).read_bytes() == before[DATABASE_FILE]
    assert (copy / "keys.json").read_bytes() == before["keys.json"]
    assert snapshot(city_dir) == before  # no login audited, no failure counted: untouched


def test_a_store_that_stays_damaged_is_quarantined_once(city_dir: Path):
    damage_pages(city_dir / DATABASE_FILE)
    folders = set()
    for _ in range(3):
        with pytest.raises(integrity.StoreDamaged) as refused:
            integrity.unlock_checked(city_dir, *ADMIN)
        folders.add(refused.value.quarantined)
    assert len(folders) == 1 and len(list((city_dir / integrity.QUARANTINE).iterdir())) == 1


def test_a_wrong_password_on_a_damaged_store_is_an_ordinary_refused_login(city_dir: Path):
    damage_pages(city_dir / DATABASE_FILE)
    with pytest.raises(AccountError):
        integrity.unlock_checked(city_dir, "admin", "wrong-password-1")
    assert not (city_dir / integrity.QUARANTINE).exists()
    assert KeyFile.load(city_dir).failures_of("admin").count == 1  # counted as by accounts.unlock


def test_an_intact_store_opens_as_with_an_ordinary_login(city_dir: Path):
    ws = integrity.unlock_checked(city_dir, *ADMIN)
    try:
        assert ws.actor.username == "admin"
    finally:
        ws.close()


@pytest.mark.parametrize("size, mode", [(1024, integrity.QUICK),
                                        (integrity.INLINE_QUICK_CHECK_BYTES, integrity.QUICK),
                                        (integrity.INLINE_QUICK_CHECK_BYTES + 1, integrity.PROBE)])
def test_login_affords_a_quick_check_only_for_small_stores(tmp_path: Path, size: int, mode: str):
    path = tmp_path / DATABASE_FILE
    with open(path, "wb") as handle:
        handle.truncate(size)
    assert integrity.startup_mode(path) == mode


def _backup(folder: Path, out: Path) -> Path:
    ws = accounts.unlock(folder, *ADMIN)
    try:
        return backup(ws, out)
    finally:
        ws.close()


def _reseal_damaged(good: Path, target: Path, work: Path) -> None:
    """A backup that decrypts fine but holds a damaged database (sealed with the right key)."""
    key = backup_check.unwrap_for(backup_check.read_header(good).wrapped_keys, *ADMIN)
    inner = work / "inner.db"
    decrypt_file(good, inner, key)
    damage_pages(inner)
    encrypt_file(inner, target, key, wrapped_keys=backup_check.read_header(good).wrapped_keys)


def test_the_last_good_backup_is_the_newest_that_passes_its_own_check(city_dir: Path, tmp_path: Path):
    folder = city_dir / "backups"
    old = _backup(city_dir, folder / "a-old.cvbak")
    cut = _backup(city_dir, folder / "b-cut.cvbak")
    cut.write_bytes(cut.read_bytes()[:-50])
    _reseal_damaged(old, folder / "c-damaged-inside.cvbak", tmp_path)
    stamps = {"a-old": 100, "b-cut": 200, "c-damaged-inside": 300}
    for info in backup_check.list_backups(city_dir):
        os.utime(info.path, (stamps[info.path.stem], stamps[info.path.stem]))
    assert [i.path.stem for i in backup_check.list_backups(city_dir)] == ["c-damaged-inside", "b-cut", "a-old"]
    assert backup_check.last_good_backup(city_dir, *ADMIN).path == old
    assert backup_check.last_good_backup(city_dir, "admin", "wrong-password-1") is None
    assert not list(city_dir.glob(".check-*"))  # the decrypted copies are gone


def test_after_restoring_the_offered_backup_the_store_opens_again(city_dir: Path):
    made = _backup(city_dir, city_dir / "backups" / "good.cvbak")
    damage_pages(city_dir / DATABASE_FILE)
    with pytest.raises(integrity.StoreDamaged):
        integrity.unlock_checked(city_dir, *ADMIN)
    offered = backup_check.last_good_backup(city_dir, *ADMIN)
    assert offered.path == made
    restore(city_dir, offered.path, *ADMIN)
    integrity.unlock_checked(city_dir, *ADMIN).close()
    assert list((city_dir / integrity.QUARANTINE).iterdir())  # the damaged copy is still kept


def test_pending_changes_counts_unsynced_mutations_of_a_store(city_dir: Path):
    ws = accounts.unlock(city_dir, *ADMIN)
    with ws.db.session() as session:
        for state in ("pending", "pending", "applied"):
            session.add(OutboxEntry(record_type="household", record_id="x", op="patch", base_revision=1,
                                    fields={}, state=state))
    ws.close()
    assert integrity.pending_changes(city_dir / DATABASE_FILE, key_of(city_dir)) == 2
    assert integrity.pending_changes(city_dir / "missing.db", key_of(city_dir)) is None
    assert not (city_dir / "missing.db").exists()


def test_a_missing_database_file_fails_the_check_without_being_created(tmp_path: Path):
    report = integrity.check_database(tmp_path / DATABASE_FILE, bytes(32), integrity.FULL)
    assert not report.ok and not (tmp_path / DATABASE_FILE).exists()


def _check(monkeypatch, capsys, folder: Path, *extra: str) -> tuple[int, str, str]:
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", ADMIN[1])
    code = main(["check", "--data-dir", str(folder), "--user", "admin", *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("extra", [(), ("--quick",)])
def test_the_check_command_says_an_intact_store_is_intact(city_dir: Path, monkeypatch, capsys, extra):
    code, out, err = _check(monkeypatch, capsys, city_dir, *extra)
    assert code == 0 and out.count("\n") == 1 and "完好" in out and err == ""


def test_the_check_command_reports_damage_in_one_line_with_the_backup_to_restore(city_dir: Path, monkeypatch,
                                                                                 capsys):
    made = _backup(city_dir, city_dir / "backups" / "good.cvbak")
    damage_pages(city_dir / DATABASE_FILE)
    code, out, err = _check(monkeypatch, capsys, city_dir)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "已损坏" in err and str(made) in err and "quarantine" in err and "Traceback" not in err


def test_the_check_command_refuses_a_wrong_password_in_one_line(city_dir: Path, monkeypatch, capsys):
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", "wrong-password-1")
    code = main(["check", "--data-dir", str(city_dir), "--user", "admin"])
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and CHINESE.search(err)
