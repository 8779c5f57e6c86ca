"""The restore offer for a damaged store names the changes never synced (type and masked name)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.domain.masking import mask_name
from app.paths import DATABASE_FILE
from app.services import accounts, integrity
from app.store.models import Household, OutboxEntry
from app.ui.backup import startup
from app.ui.backup.restore_dialog import RestoreDialog
from tests.conftest import demo_password
from tests.services.test_integrity import damage_pages

ADMIN = ("admin", demo_password("admin"))
SHOTS = Path("/tmp/shots")


def _pending(folder: Path, count: int) -> list[str]:
    ws = accounts.unlock(folder, *ADMIN)
    with ws.db.session() as session:
        households = session.scalars(select(Household).limit(count)).all()
        for household in households:
            session.add(OutboxEntry(record_type="household", record_id=household.id, op="insert",
                                    base_revision=0, fields={}, state="pending"))
        names = [h.head_name for h in households]
    ws.close()
    return names


def test_the_restore_offer_lists_the_unsynced_records_masked(app, qtbot, city_dir: Path):
    names = _pending(city_dir, 10)
    damage_pages(city_dir / DATABASE_FILE)
    with pytest.raises(integrity.StoreDamaged) as refused:
        integrity.unlock_checked(city_dir, *ADMIN)
    damaged = refused.value
    assert damaged.unsynced.changes == 10 and damaged.unsynced_file.parent == damaged.quarantined
    intro = startup.damaged_intro(damaged.quarantined, damaged.unsynced, damaged.unsynced_file)
    dialog = RestoreDialog(city_dir, "admin", intro=intro, password=ADMIN[1])
    qtbot.addWidget(dialog)
    dialog.show()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "restore-offer-unsynced.png"))
    shown = dialog.findChildren(QLabel)[0].text()
    assert "10 项修改尚未同步" in shown and str(damaged.unsynced_file) in shown
    assert f"农户 {mask_name(names[0])}（新建）" in shown and not any(n in shown for n in names if len(n) > 1)


@pytest.mark.parametrize("unsynced, expected", [(None, "无法从损坏的数据库读出"),
                                                (integrity.Unsynced(0, ()), "所有修改都已同步")])
def test_the_offer_says_when_it_cannot_tell_or_nothing_waits(app, tmp_path: Path, unsynced, expected):
    assert expected in startup.damaged_intro(tmp_path, unsynced, None)
