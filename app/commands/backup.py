"""``python -m app backup`` and ``python -m app restore FILE`` (administrator)."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli import EXIT_OK, CliError, data_dir, data_dir_argument, login, password
from app.security.errors import SecurityError


def register(commands) -> None:
    make = commands.add_parser("backup", help="加密备份数据库（管理员）")
    make.add_argument("--out", type=Path, default=None, help="备份文件（默认：数据目录 backups/ 中，保留最近 N 份）")
    make.add_argument("--keep", type=int, default=10, help="自动备份保留份数（默认 10）")
    data_dir_argument(make)
    make.set_defaults(handler=_backup)
    back = commands.add_parser("restore", help="从加密备份恢复数据库（管理员）；当前数据库移到 backups/ 中保留")
    back.add_argument("file", type=Path, help="备份文件 .cvbak")
    data_dir_argument(back)
    back.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from app.services.backup import backup

    ws = login(args)
    try:
        path = backup(ws, args.out, keep=args.keep)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法写入备份：{exc.strerror}") from exc
    finally:
        ws.close()
    print(f"已备份 → {path}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from app.services.backup import record_restore, restore

    username = args.user or os.environ.get("CREDIT_VILLAGE_USER")
    if not username:
        raise CliError("需要登录：请用 --user 指定用户名", 2)
    secret = password()
    try:
        summary = restore(data_dir(args), args.file, username, secret)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    from app.services.accounts import unlock

    ws = unlock(data_dir(args), username, secret)
    try:
        record_restore(ws, args.file, summary)
    finally:
        ws.close()
    kept = f"；原数据库已移至 {summary.replaced}" if summary.replaced else ""
    print(f"已从 {args.file} 恢复：{summary.households} 户{kept}")
    return EXIT_OK
