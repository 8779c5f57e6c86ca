"""``python -m app backup [--out FILE] [--keep N]`` and ``python -m app restore FILE`` (administrator).

Both log in with ``--user`` and the password from ``CREDIT_VILLAGE_PASSWORD`` (or a prompt).
A refusal (no permission, a damaged backup, a wrong password) is one line on stderr, exit 1.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli import EXIT_OK, EXIT_USAGE, USER_ENV, CliError, data_dir, data_dir_argument, login, password


def _at_least_one(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}")
    return value


def register(commands) -> None:
    make = commands.add_parser("backup", help="加密备份数据库（管理员）")
    make.add_argument("--out", default=None,
                      help="备份文件或文件夹（以 / 结尾的文件夹不存在时新建；默认：数据目录 backups/ 中，"
                           "只保留最近 N 份自动备份）")
    make.add_argument("--keep", type=_at_least_one, default=10, help="自动备份保留份数（默认 10）")
    data_dir_argument(make)
    make.set_defaults(handler=_backup)
    back = commands.add_parser("restore", help="从加密备份恢复数据库（管理员）；当前数据库移到 backups/ 中保留")
    back.add_argument("file", type=Path, help="备份文件 .cvbak")
    data_dir_argument(back)
    back.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from app.security.errors import SecurityError
    from app.security.roles import Permission
    from app.services.backup import backup

    ws = login(args)
    try:
        ws.require(Permission.BACKUP, "database")  # before making a folder for it
        path = backup(ws, _target(args.out), keep=args.keep)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法写入备份 {args.out or ''}：{exc.strerror or exc}") from exc
    finally:
        ws.close()
    print(f"已备份 → {path}")
    return EXIT_OK


def _target(text: str | None) -> Path | None:
    """``--out``: a file, or a folder; ``DIR/`` names a folder, made if it does not exist yet."""
    if text is None:
        return None
    if text.endswith(("/", os.sep)):
        Path(text).mkdir(parents=True, exist_ok=True)
    return Path(text)


def _restore(args: argparse.Namespace) -> int:
    from app.security.errors import SecurityError
    from app.services.backup import restore
    from app.store.open import StoreError

    username = args.user or os.environ.get(USER_ENV)
    if not username:
        raise CliError(f"需要登录：请用 --user 指定用户名（或设置环境变量 {USER_ENV}）", EXIT_USAGE)
    try:
        summary = restore(data_dir(args), args.file, username, password())
    except (SecurityError, StoreError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法恢复 {args.file}：{exc.strerror or exc}") from exc
    kept = f"；原数据库已移至 {summary.replaced}" if summary.replaced else ""
    print(f"已从 {args.file} 恢复：{summary.households} 户{kept}")
    return EXIT_OK
