"""The command line: ``python -m app SUB-COMMAND``; with no sub-command the GUI starts.

Every sub-command takes ``--data-dir``. A user error (a wrong path, a bad argument, a file
that is not what it should be) prints one line on stderr and exits non-zero; never a
traceback.
"""
from __future__ import annotations

import argparse
import importlib
import getpass
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from app import __version__
from app.chinese_argparse import ChineseArgumentParser
from app.paths import DATA_DIR_ENV, default_data_dir

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
# Feature packages add their sub-commands here: each module has ``register(subparsers)`` and
# uses this module's helpers (``data_dir_argument``, ``login``, ``CliError``).
COMMAND_MODULES = ["audit", "rating", "backup", "documents", "certificates", "users", "maintenance", "sync", "roster", "villages", "workflow"]


class CliError(Exception):
    """A user error: printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.code = code


class _Parser(ChineseArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + traceback
        raise CliError(self.error_line(message), EXIT_USAGE)


USER_ENV, PASSWORD_ENV = "CREDIT_VILLAGE_USER", "CREDIT_VILLAGE_PASSWORD"


def data_dir_argument(parser: argparse.ArgumentParser, login: bool = True, *, top: bool = False) -> None:
    """``--data-dir`` (and ``--user``). On a sub-command they default to nothing rather than
    ``None``, so that ``python -m app --data-dir D info`` keeps the ``D`` given before it."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", type=Path, default=default,
                        help=f"数据目录（默认：环境变量 {DATA_DIR_ENV}，否则 {default_data_dir()}）")
    if login:
        parser.add_argument("--user", default=default,
                            help=f"登录用户名（默认：环境变量 {USER_ENV}）；密码取自环境变量 "
                                 f"{PASSWORD_ENV}，否则在终端提示输入")


def _positive_int(text: str) -> int:
    value = int(text) if text.isdigit() else -1
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}")
    return value


def iso_date(text: str) -> date:
    """An argparse type: a ``YYYY-MM-DD`` date, with a Chinese message otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text!r}") from None


_iso_date = iso_date  # the name feature modules imported first


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m app", description="信用村镇外业助手：不带子命令时启动图形界面。")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    data_dir_argument(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="SUB-COMMAND")

    demo = commands.add_parser("demo", help="生成演示城市的数据（区划、农户、合作社）")
    demo.add_argument("--households", type=_positive_int, default=3000, help="农户数（默认 3000）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子：同一种子生成相同数据")
    demo.add_argument("--today", type=iso_date, default=None, help=argparse.SUPPRESS)
    data_dir_argument(demo)
    demo.set_defaults(handler=_cmd_demo)

    info = commands.add_parser("info", help="数据库概况：总数及各区划的户数")
    info.add_argument("--json", action="store_true", help="输出 JSON，供脚本使用")
    data_dir_argument(info)
    info.set_defaults(handler=_cmd_info)

    selftest = commands.add_parser("selftest", help="自检：在临时数据目录中建库、生成小型演示数据、评级、出具并验证证书，并离屏打开主窗口")
    data_dir_argument(selftest, login=False)
    selftest.set_defaults(handler=_cmd_selftest)
    for module in COMMAND_MODULES:
        importlib.import_module(f"app.commands.{module}").register(commands)
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    return args.data_dir or default_data_dir()


def password(prompt: str = "密码：") -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"需要密码：请设置环境变量 {PASSWORD_ENV}，或在终端中运行以便输入", EXIT_USAGE)
    return getpass.getpass(prompt)


def login(args: argparse.Namespace):
    """The workspace of the user named by ``--user`` (or the environment), after the password.

    Checks the store first, as the GUI's login does (``integrity.unlock_checked``: a probe, or
    a ``quick_check`` for a small store): a damaged store is quarantined, not opened, and the
    command stops with one line saying what to do.
    """
    from app.commands.damage import damage_line
    from app.security.errors import SecurityError
    from app.services.integrity import StoreDamaged, unlock_checked
    from app.store.open import StoreError

    username = args.user or os.environ.get(USER_ENV)
    if not username:
        raise CliError(f"需要登录：请用 --user 指定用户名（或设置环境变量 {USER_ENV}）", EXIT_USAGE)
    secret = password()
    try:
        return unlock_checked(data_dir(args), username, secret)
    except StoreDamaged as exc:
        raise CliError(damage_line(Path(data_dir(args)), username, secret, exc)) from exc
    except (SecurityError, StoreError) as exc:
        raise CliError(str(exc)) from exc


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.security.errors import SecurityError
    from app.services.accounts import is_initialized
    from app.services.demo import DEMO_ACCOUNTS, DemoError, create_demo, create_demo_store
    from app.store.open import StoreError

    progress = _progress_printer(args.households)
    fresh = not is_initialized(data_dir(args))
    try:
        if fresh:
            ws, summary = create_demo_store(data_dir(args), args.households, seed=args.seed,
                                            today=args.today, progress=progress)
        else:
            ws = login(args)
            summary = create_demo(ws, args.households, seed=args.seed, today=args.today, progress=progress)
    except (DemoError, SecurityError, StoreError) as exc:
        raise CliError(str(exc)) from exc
    ws.close()
    print(f"演示数据已生成：{summary.villages} 个村，{summary.households} 户农户，"
          f"{summary.cooperatives} 个合作社 → {ws.db.path}")
    if fresh:
        print("演示账户（仅用于演示数据）：")
        for name, password, role, display in DEMO_ACCOUNTS:
            print(f"  {name:<11} 密码 {password:<16} {display}")
    return EXIT_OK


def _progress_printer(total: int) -> Callable[[int, int], None]:
    step = max(total // 10, 1)
    last = [0]

    def report(done: int, _total: int) -> None:
        if done - last[0] >= step or done == total:
            last[0] = done
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    return report


def _cmd_info(args: argparse.Namespace) -> int:
    from app.services.info import store_info

    ws = login(args)
    try:
        info = store_info(ws.db)
    finally:
        ws.close()
    if args.json:
        print(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"数据库：{info.database}")
    print(f"农户 {info.households} 户，合作社 {info.cooperatives} 个")
    for d in info.divisions:
        indent = {"county": "", "township": "  ", "village": "    "}[d.level]
        print(f"{indent}{d.code} {d.name}  登记 {d.registered_households} 户，建档 {d.households} 户，"
              f"合作社 {d.cooperatives} 个")
    return EXIT_OK


def _cmd_selftest(args: argparse.Namespace) -> int:
    from app.ui.selftest import run_selftest

    if args.data_dir is None:
        with tempfile.TemporaryDirectory(prefix="cv-selftest-") as folder:
            return run_selftest(Path(folder))
    from app.paths import DATABASE_FILE
    from app.services.accounts import is_initialized

    if is_initialized(args.data_dir) or (Path(args.data_dir) / DATABASE_FILE).exists():
        raise CliError("自检需要一个新的数据目录（或不指定 --data-dir）")
    return run_selftest(args.data_dir)


# Commands that may make the data folder; the others need it to exist already.
_CREATE_DATA_DIR = {None, "demo", "restore", "selftest"}


def _start_logging(args: argparse.Namespace) -> None:
    from app.logs import configure_logging

    folder = args.data_dir or default_data_dir()
    if args.command not in _CREATE_DATA_DIR and not Path(folder).is_dir():
        return  # a mistyped --data-dir is reported in one line; it must not leave a logs/ folder behind
    try:
        configure_logging(folder)
    except OSError:
        pass  # an unusable data folder is reported by the command itself, in one line


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _start_logging(args)
        if args.command is None:
            from app.ui.application import run_gui

            return run_gui(args.data_dir or default_data_dir(), language=args.lang)
        return args.handler(args)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        sys.stderr.close()
        return EXIT_OK
