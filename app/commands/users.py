"""``python -m app users list|add|reset-password|deactivate|activate`` and ``passwd`` (own password)."""
from __future__ import annotations

import argparse

from app.cli import EXIT_OK, CliError, data_dir_argument, login, password
from app.security.errors import SecurityError
from app.security.roles import Role, role_label


def register(commands) -> None:
    users = commands.add_parser("users", help="用户管理（管理员）")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="列出用户")
    data_dir_argument(listing)
    listing.set_defaults(handler=_list)
    add = actions.add_parser("add", help="新建用户；新用户的密码取自环境变量 CREDIT_VILLAGE_NEW_PASSWORD 或终端输入")
    add.add_argument("username", help="登录用户名")
    add.add_argument("--role", required=True, choices=[r.value for r in Role if r is not Role.ADMIN] + ["admin"],
                     help="角色：" + "，".join(f"{r.value} {role_label(r)}" for r in Role))
    add.add_argument("--name", default="", help="姓名")
    data_dir_argument(add)
    add.set_defaults(handler=_add)
    for action, text in (("reset-password", "为用户设置新密码"), ("deactivate", "停用用户（销毁其密钥副本）"),
                         ("activate", "重新启用用户（随后需重设密码）")):
        parser = actions.add_parser(action, help=text)
        parser.add_argument("username", help="用户名")
        data_dir_argument(parser)
        parser.set_defaults(handler=_manage, users_action=action)
    passwd = commands.add_parser("passwd", help="修改自己的密码（新密码取自 CREDIT_VILLAGE_NEW_PASSWORD 或终端输入）")
    data_dir_argument(passwd)
    passwd.set_defaults(handler=_passwd)


def _new_password() -> str:
    import os

    value = os.environ.get("CREDIT_VILLAGE_NEW_PASSWORD")
    if value is not None:
        return value
    first = _prompt("新密码：")
    if _prompt("再次输入新密码：") != first:
        raise CliError("两次输入的新密码不一致", 2)
    return first


def _prompt(text: str) -> str:
    import getpass
    import sys

    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("需要新密码：请设置环境变量 CREDIT_VILLAGE_NEW_PASSWORD，或在终端中运行", 2)
    return getpass.getpass(text)


def _run(args: argparse.Namespace, action) -> int:
    ws = login(args)
    try:
        action(ws)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    except ValueError as exc:
        raise CliError(str(exc), 2) from exc
    finally:
        ws.close()
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from app.services.user_admin import user_rows

    def show(ws) -> None:
        for row in user_rows(ws):
            demo = "（演示）" if row.is_demo else ""
            state = ("可登录" if row.can_log_in else "已启用，需重置密码") if row.active else "已停用"
            print(f"{row.username:<16} {role_label(row.role):<8} {state:<10} {row.display_name}{demo}")

    return _run(args, show)


def _add(args: argparse.Namespace) -> int:
    from app.services.accounts import add_user

    secret = _new_password()
    code = _run(args, lambda ws: add_user(ws, args.username, secret, args.role, args.name))
    print(f"已新建用户 {args.username}（{role_label(args.role)}）")
    return code


def _manage(args: argparse.Namespace) -> int:
    from app.services.accounts import reset_password, set_active

    if args.users_action == "reset-password":
        secret = _new_password()
        code = _run(args, lambda ws: reset_password(ws, args.username, secret))
    else:
        code = _run(args, lambda ws: set_active(ws, args.username, args.users_action == "activate"))
    print({"reset-password": f"已为 {args.username} 设置新密码",
           "deactivate": f"已停用 {args.username}",
           "activate": f"已启用 {args.username}；请为其重置密码（users reset-password）后再登录"}[args.users_action])
    return code


def _passwd(args: argparse.Namespace) -> int:
    from app.services.accounts import change_password

    old = password("原密码：")
    secret = _new_password()
    code = _run(args, lambda ws: change_password(ws, old, secret))
    print("密码已修改")
    return code
