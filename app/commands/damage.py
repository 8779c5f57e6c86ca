"""The one line the command line prints about a damaged store: what happened and what to do.

Shared by ``check`` and by every command that logs in (``app.cli.login`` runs the same probe
as the GUI's login). Names the quarantined copy, the changes never synced (the first few by
type and masked name, the rest in ``unsynced.txt`` beside the copy) and the newest good backup
with the command that restores it. Writes nothing to the live store.
"""
from __future__ import annotations

from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP

SHOWN = 3  # records named in the line itself; the file lists them all
DAMAGED = QT_TRANSLATE_NOOP("cli", "数据库已损坏（{problem}），未打开也未改动；副本已隔离到 {folder}；{unsynced}；{offer}")
UNSYNCED = QT_TRANSLATE_NOOP("cli", "{count} 项本地修改尚未同步，恢复后需重新录入：{records}")
UNSYNCED_MORE = QT_TRANSLATE_NOOP("cli", "{shown}等（清单见 {file}）")
ALL_SYNCED = QT_TRANSLATE_NOOP("cli", "没有尚未同步的修改")
UNKNOWN = QT_TRANSLATE_NOOP("cli", "无法读出未同步的修改")
OFFER = QT_TRANSLATE_NOOP("cli", "请用 python -m app restore {path} 从最近的完好备份恢复")
NO_BACKUP = QT_TRANSLATE_NOOP("cli", "没有通过检查的备份，请联系管理员（不要删除隔离的副本）")


def damage_line(folder: Path, username: str, secret: str, damaged) -> str:
    """The line for ``damaged`` (an ``integrity.StoreDamaged``) in the data folder ``folder``.

    Looking for the good backup decrypts and checks backups newest first (seconds for a big store).
    """
    from app.services import backup_check

    good = backup_check.last_good_backup(folder, username, secret)
    offer = OFFER.format(path=good.path) if good else NO_BACKUP
    problem = damaged.report.problems[0] if damaged.report.problems else damaged.report.mode
    return DAMAGED.format(problem=problem, folder=damaged.quarantined,
                          unsynced=_unsynced_text(damaged.unsynced, damaged.unsynced_file), offer=offer)


def _unsynced_text(unsynced, listed: Path | None) -> str:
    from app.services.unsynced import describe, describe_others

    if unsynced is None:
        return UNKNOWN
    if not unsynced.changes:
        return ALL_SYNCED
    named = "、".join(describe(r) for r in unsynced.records[:SHOWN])
    if len(unsynced.records) > SHOWN and listed is not None:
        named = UNSYNCED_MORE.format(shown=named, file=listed)
    parts = ([named] if named else []) + describe_others(unsynced)
    return UNSYNCED.format(count=unsynced.changes, records="、".join(parts))
