"""``python -m sync.platform``: serve the platform, administer it, or write its OpenAPI document.

    python -m sync.platform serve --db sqlite:///platform.db --host 127.0.0.1 --port 8443 \\
        [--certfile server.pem --keyfile server.key] [--validation-workers N] [--enable-echo]
    python -m sync.platform admin create-user --db URL li --name 李信贷 --role loan_officer
    python -m sync.platform admin issue-code --db URL li [--hours 24]
    python -m sync.platform admin assign --db URL li 445122101000 445122102201
    python -m sync.platform admin load-divisions --db URL resources/divisions/demo-city.yaml
    python -m sync.platform admin publish-scheme --db URL forms/schemes/household-default.yaml
    python -m sync.platform admin load-blacklist --db URL entries.csv
    python -m sync.platform admin load-conduct-events --db URL events.json
    python -m sync.platform admin revoke-device --db URL DEVICE_ID [--reason TEXT]
    python -m sync.platform admin revoke-certificate --db URL NUMBER --reason TEXT
    python -m sync.platform admin purge-expired --db URL [--dry-run] [--on YYYY-MM-DD]
    python -m sync.platform openapi [--output docs/openapi.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from app.chinese_argparse import ChineseArgumentParser
from app.domain.problems import QT_TRANSLATE_NOOP
from sync.platform import admin, retention
from sync.platform.db import PlatformDB

DEFAULT_DB = "sqlite:///platform.db"


DB_HELP = f"平台数据库的 SQLAlchemy URL（SQLite 或 PostgreSQL；默认 {DEFAULT_DB}）"
ARG_HELP = {"username": "平台用户名", "codes": "一个或多个 12 位区划代码（乡镇或村），整体替换原有辖区",
            "file": "文件", "device_id": "设备 ID（注册时打印）", "number": "证书编号"}


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="python -m sync.platform", description="信用村镇数据交换平台（参考实现）")
    commands = parser.add_subparsers(dest="command", required=True, metavar="SUB-COMMAND")
    serve = commands.add_parser("serve", help="启动平台服务")
    serve.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve.add_argument("--port", type=int, default=8443, help="端口（默认 8443）")
    serve.add_argument("--certfile", type=Path, help="HTTPS 服务器证书（PEM）；不给则用 HTTP，仅限本机试验")
    serve.add_argument("--keyfile", type=Path, help="HTTPS 服务器私钥（PEM）")
    serve.add_argument("--enable-echo", action="store_true", help="仅用于基准测试")
    serve.add_argument("--validation-workers", type=int, default=0, help="校验上传记录的工作进程数（0：不另开进程）")
    openapi = commands.add_parser("openapi", help="输出 OpenAPI 文档")
    openapi.add_argument("--output", type=Path, help="写入此文件（默认输出到屏幕）")
    tools = commands.add_parser("admin", help="管理操作").add_subparsers(dest="action", required=True,
                                                                      metavar="ACTION")
    _admin_parsers(tools)
    return parser


def _admin_parsers(tools) -> None:
    def add(name: str, *args: str, help: str) -> argparse.ArgumentParser:
        sub = tools.add_parser(name, help=help)
        sub.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
        sub.add_argument("--by", default="admin", help="管理员姓名（写入审计日志）")
        for arg in args:
            sub.add_argument(arg, nargs="+" if arg == "codes" else None, type=Path if arg == "file" else str,
                             help=ARG_HELP[arg])
        return sub

    user = add("create-user", "username", help="新建用户")
    user.add_argument("--name", default="", help="姓名")
    user.add_argument("--role", default="loan_officer", choices=admin.ROLES,
                      help="角色：loan_officer 信贷员（默认），township_officer 乡镇工作人员，supervisor 审核员")
    add("issue-code", "username", help="签发一次性设备登记码").add_argument(
        "--hours", type=float, default=24, help="有效小时数（默认 24）")
    add("assign", "username", "codes", help="分配乡镇或村")
    add("load-divisions", "file", help="载入区划清单（YAML）")
    add("publish-scheme", "file", help="发布评分方案（YAML）")
    add("load-blacklist", "file", help="载入失信名单（CSV 或 JSON）")
    add("load-conduct-events", "file", help="载入表彰与处罚记录（CSV 或 JSON）")
    add("revoke-device", "device_id", help="注销设备").add_argument("--reason", default="", help="注销原因")
    add("revoke-certificate", "number", help="撤销证书").add_argument("--reason", required=True, help="撤销原因")
    purge = add("purge-expired", help="列出并清理已满五年的失信名单和处罚记录（先用 --dry-run 只列出）")
    purge.add_argument("--dry-run", action="store_true", help="只列出将清理的记录，不做修改")
    purge.add_argument("--on", type=_iso_date, default=None, help="按哪一天计算五年（默认今天），YYYY-MM-DD")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text!r}") from None


def run_admin(args: argparse.Namespace) -> str:
    """Run one admin action; the line to print."""
    db = PlatformDB(args.db)
    db.create_schema()
    try:
        actions = {
            "create-user": lambda: admin.create_user(db, args.username, args.name, args.role, by=args.by),
            "issue-code": lambda: admin.issue_enrolment_code(db, args.username, by=args.by,
                                                             valid_for=timedelta(hours=args.hours)),
            "assign": lambda: admin.assign_divisions(db, args.username, args.codes, by=args.by),
            "load-divisions": lambda: admin.load_divisions(db, args.file, by=args.by),
            "publish-scheme": lambda: admin.publish_scheme(db, args.file, by=args.by),
            "load-blacklist": lambda: admin.load_blacklist(db, args.file, by=args.by),
            "load-conduct-events": lambda: admin.load_conduct_events(db, args.file, by=args.by),
            "revoke-device": lambda: admin.revoke_device(db, args.device_id, args.reason, by=args.by),
            "revoke-certificate": lambda: admin.revoke_certificate(db, args.number, args.reason, by=args.by),
            "purge-expired": lambda: purge_text(retention.purge_expired(db, args.on, dry_run=args.dry_run,
                                                                        by=args.by)),
        }
        result = actions[args.action]()
        return "完成" if result is None else str(result)
    finally:
        db.close()


_PURGED = QT_TRANSLATE_NOOP("sync", "已清理截至 {on} 已满五年的负面信息：失信名单 {blacklist} 条，处罚记录 {conduct} 条"
                                    "（各笔记本下次同步时删除其副本）")
_TO_PURGE = QT_TRANSLATE_NOOP("sync", "截至 {on} 已满五年、将清理的负面信息：失信名单 {blacklist} 条，处罚记录 {conduct} 条")
_EXPIRED_LINE = QT_TRANSLATE_NOOP("sync", "{type}  {kind}  {subject}  终止于 {ended}  {reference}  {id}")
_TYPE_NAMES = {"blacklist_entry": QT_TRANSLATE_NOOP("sync", "失信名单"),
               "conduct_event": QT_TRANSLATE_NOOP("sync", "处罚记录")}


def purge_text(result: retention.PlatformPurge) -> str:
    """The purge's lines: the counts, then (dry run) one line per expired record, subjects masked."""
    head = (_TO_PURGE if result.dry_run else _PURGED).format(
        on=result.on.isoformat(), blacklist=result.counts.get("blacklist_entry", 0),
        conduct=result.counts.get("conduct_event", 0))
    if not result.dry_run:
        return head
    return "\n".join([head, *(_EXPIRED_LINE.format(type=_TYPE_NAMES[e.record_type], kind=e.kind, subject=e.subject,
                                                   ended=e.ended_on.isoformat(), reference=e.reference or "—",
                                                   id=e.record_id) for e in result.events)])


def openapi_document() -> dict:
    """The OpenAPI document of the platform (the committed ``docs/openapi.json``)."""
    from sync.platform.app import create_app

    return create_app(PlatformDB("sqlite://")).openapi()


def openapi_text() -> str:
    return json.dumps(openapi_document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.platform.app import PlatformSettings, create_app

    db = PlatformDB(args.db)
    db.create_schema()
    app = create_app(db, PlatformSettings(enable_echo=args.enable_echo,
                                                 validation_workers=args.validation_workers))
    uvicorn.run(app, host=args.host, port=args.port, access_log=True,
                ssl_certfile=str(args.certfile) if args.certfile else None,
                ssl_keyfile=str(args.keyfile) if args.keyfile else None)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        serve(args)
    elif args.command == "openapi":
        text = openapi_text()
        if args.output:
            args.output.write_text(text, "utf-8")
        else:
            sys.stdout.write(text)
    else:
        try:
            print(run_admin(args))
        except (LookupError, ValueError, OSError) as error:
            print(f"错误：{error}", file=sys.stderr)
            return 1
    return 0
