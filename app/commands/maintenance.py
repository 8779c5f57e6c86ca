"""``python -m app check`` (is the store intact?) and ``python -m app purge`` (retention limit).

``check`` reads the store with any user's password and never writes to it: on damage it
copies the store into ``quarantine/``, names the newest backup that passes its own check and
exits 1, all in one line. ``purge`` (administrator) removes negative events older than five
years; ``--dry-run`` only counts them.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli import (EXIT_FAILURE, EXIT_OK, EXIT_USAGE, USER_ENV, CliError, _iso_date, data_dir,
                     data_dir_argument, login, password)
from app.commands.damage import damage_line
from app.domain.problems import QT_TRANSLATE_NOOP


def register(commands) -> None:
    check = commands.add_parser("check", help="检查数据库是否完好；损坏时隔离副本并给出最近的完好备份")
    check.add_argument("--quick", action="store_true",
                       help="只做 quick_check（较快，不核对索引内容）；默认做完整的 integrity_check")
    data_dir_argument(check)
    check.set_defaults(handler=_check)
    purge = commands.add_parser("purge", help="清理超过五年的负面信息（管理员）")
    purge.add_argument("--dry-run", action="store_true", help="只统计将清理的条数，不做修改")
    purge.add_argument("--on", type=_iso_date, default=None, help="按哪一天计算五年（默认今天），YYYY-MM-DD")
    data_dir_argument(purge)
    purge.set_defaults(handler=_purge)


def _check(args: argparse.Namespace) -> int:
    from app.paths import DATABASE_FILE
    from app.services import integrity

    folder = Path(data_dir(args))
    username = args.user or os.environ.get(USER_ENV)
    if not username:
        raise CliError(f"需要登录：请用 --user 指定用户名（或设置环境变量 {USER_ENV}）", EXIT_USAGE)
    secret = password()
    key = integrity.key_for(folder, username, secret) if (folder / DATABASE_FILE).exists() else None
    if key is None:  # let the ordinary login say why (not set up, wrong password, locked)
        login(args).close()
        raise CliError(f"{folder / DATABASE_FILE} 无法读取")
    report = integrity.check_database(folder / DATABASE_FILE, key,
                                      integrity.QUICK if args.quick else integrity.FULL)
    if report.ok:
        print(f"数据库完好（{report.mode}，{report.seconds:.1f} 秒）")
        return EXIT_OK
    quarantined = integrity.quarantine(folder)
    damaged = integrity.StoreDamaged(report, quarantined, *integrity.list_unsynced(quarantined, key))
    raise CliError(damage_line(folder, username, secret, damaged), EXIT_FAILURE)


def _purge(args: argparse.Namespace) -> int:
    from app.security.errors import SecurityError
    from app.services.retention import purge

    ws = login(args)
    try:
        summary = purge(ws, args.on, dry_run=args.dry_run)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    verb = "将清理" if summary.dry_run else "已清理"
    parts = "，".join(f"{_LIST_NAMES.get(k, k)} {n} 条" for k, n in sorted(summary.events.items()))
    print(f"{verb}截至 {summary.on} 已满五年的负面信息：{summary.total_events} 条，涉及 {summary.records} 份档案"
          + (f"（{parts}）" if parts else ""))
    return EXIT_OK


_LIST_NAMES = {"household.penalties": "农户不良行为记录", "cooperative.penalties": "合作社行政处罚记录",
               "platform.blacklist_entry": QT_TRANSLATE_NOOP("cli", "平台失信名单记录"),
               "platform.conduct_event": QT_TRANSLATE_NOOP("cli", "平台处罚记录")}
