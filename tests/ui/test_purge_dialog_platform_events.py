"""管理 → 清理过期负面信息 lists the expired platform events beside the local ones and purges them."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.services import accounts
from app.store.models import PulledRecord
from app.ui.backup.purge_dialog import PurgeDialog
from sync.engine.apply import apply_change
from sync.protocol import Change
from tests.conftest import demo_password

SHOTS = Path("/tmp/shots")


def _pulled_earlier(ws, record_type: str, document: dict) -> None:
    change = Change(seq=1, record_type=record_type, record_id=uuid.uuid4(), op="upsert", revision=1,
                    document=document)
    with ws.db.session() as session:
        apply_change(session, "sync", change)


def test_the_purge_dialog_lists_and_purges_expired_platform_events(app, qtbot, city_dir: Path):
    old = date(date.today().year - 6, 1, 15).isoformat()
    ws = accounts.unlock(city_dir, "admin", demo_password("admin"))
    _pulled_earlier(ws, "blacklist_entry", {"id_number": "445122197503080130", "kind": "dishonest_debtor",
                                            "case_number": "（2015）粤5122执1号", "court_or_agency": "饶平县人民法院",
                                            "listed_on": "2015-01-05", "removed_on": old})
    _pulled_earlier(ws, "conduct_event", {"subject_id_number": "445122197503080130", "kind": "public_order",
                                          "date": old, "source": "镇派出所"})
    dialog = PurgeDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "purge-dialog-platform.png"))
    assert "平台下发的失信名单 1 条、处罚记录 1 条" in dialog.counts.text()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.on_purge()
    assert dialog.summary.events["platform.blacklist_entry"] == 1
    with ws.db.session() as session:
        assert session.scalars(select(PulledRecord)).all() == []
    ws.close()
