"""Commands that log in check the store first, as the GUI's login does: a damaged SQLCipher file
is quarantined, never opened, and the command stops with one Chinese line naming the copy, the
changes never synced (masked) and the backup to restore."""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from app.cli import main
from app.domain.masking import mask_name
from app.paths import DATABASE_FILE
from app.services import accounts, integrity
from app.services.backup import backup
from app.services.unsynced import UNSYNCED_FILE
from app.store.models import Household, OutboxEntry
from tests.conftest import demo_password
from tests.services.test_integrity import damage_pages, snapshot

ID_NUMBER = re.compile(r"\d{17}[\dXx]")


def _pending_edits(folder: Path, count: int) -> list[str]:
    """``count`` households with an unsent edit, and one unsent rating; the heads' full names."""
    ws = accounts.unlock(folder, "admin", demo_password("admin"))
    try:
        with ws.db.session() as session:
            households = session.scalars(select(Household).limit(count)).all()
            for household in households:
                session.add(OutboxEntry(record_type="household", record_id=household.id, op="patch",
                                        base_revision=1, fields={"head_phone": "13800000000"}, state="pending"))
            session.add(OutboxEntry(record_type="rating", record_id="r1", op="insert", base_revision=0,
                                    fields={}, state="pending"))
            session.add(OutboxEntry(record_type="audit_entry", record_id="a1", op="insert", base_revision=0,
                                    fields={}, state="pending"))  # a trail line, not a change to re-enter
            return [h.head_name for h in households]
    finally:
        ws.close()


def _run(monkeypatch, capsys, folder: Path, user: str, *command: str, password: str | None = None):
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", password or demo_password(user))
    code = main([*command, "--data-dir", str(folder), "--user", user])
    return code, *capsys.readouterr()


def test_a_command_that_logs_in_stops_at_a_damaged_store_with_one_line(city_dir: Path, monkeypatch, capsys):
    names = _pending_edits(city_dir, 5)
    ws = accounts.unlock(city_dir, "admin", demo_password("admin"))
    good = backup(ws, city_dir / "backups" / "good.cvbak")
    ws.close()
    damage_pages(city_dir / DATABASE_FILE)
    before = snapshot(city_dir)
    code, out, err = _run(monkeypatch, capsys, city_dir, "loan", "info")
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert "已损坏" in err and "quarantine" in err and f"restore {good}" in err
    assert "6 项本地修改尚未同步" in err  # five edits and a rating; the audit line is no change
    assert not ID_NUMBER.search(err) and not any(name in err for name in names if len(name) > 1)
    assert snapshot(city_dir) == before  # nothing written to the live store
    [folder] = (city_dir / integrity.QUARANTINE).iterdir()
    listed = (folder / UNSYNCED_FILE).read_text("utf-8").splitlines()
    assert len(listed) == 6 and listed[-1] == "评级 1 项" and str(folder / UNSYNCED_FILE) in err
    masked = {mask_name(name) for name in names} | {"?"}
    assert all(line.startswith("农户 ") and line.split(" ")[1].split("（")[0] in masked for line in listed[:5])


def test_every_command_that_logs_in_runs_the_check(city_dir: Path, monkeypatch, capsys):
    damage_pages(city_dir / DATABASE_FILE)
    for user, command in (("admin", ("backup",)), ("supervisor", ("audit", "verify")), ("admin", ("purge",))):
        code, out, err = _run(monkeypatch, capsys, city_dir, user, *command)
        assert code == 1 and err.count("\n") == 1 and "已损坏" in err, command
    assert not list((city_dir / "backups").glob("*.cvbak"))  # no backup of a damaged store was made


def test_a_wrong_password_on_a_damaged_store_is_an_ordinary_refusal(city_dir: Path, monkeypatch, capsys):
    damage_pages(city_dir / DATABASE_FILE)
    code, _out, err = _run(monkeypatch, capsys, city_dir, "loan", "info", password="wrong-password-1")
    assert code == 1 and err.count("\n") == 1 and "已损坏" not in err
    assert not (city_dir / integrity.QUARANTINE).exists()


def test_an_intact_store_is_checked_and_opened(city_dir: Path, monkeypatch, capsys):
    code, out, err = _run(monkeypatch, capsys, city_dir, "loan", "info", "--json")
    assert code == 0 and '"households"' in out and err == ""
    assert not (city_dir / integrity.QUARANTINE).exists()
