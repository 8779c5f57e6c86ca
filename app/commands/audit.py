"""``python -m app audit verify|export``: check the hash chain, export the trail."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.security.errors import SecurityError
from app.cli import EXIT_FAILURE, EXIT_OK, CliError, data_dir_argument, iso_date, login


def register(commands) -> None:
    parser = commands.add_parser("audit", help="审计日志：校验哈希链、导出")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="重新计算哈希链，发现被修改、删除或插入的记录")
    data_dir_argument(verify)
    verify.set_defaults(handler=_verify)
    export = actions.add_parser("export", help="导出审计日志为 CSV（需要“查看审计日志”权限）")
    export.add_argument("--out", type=Path, required=True, help="CSV 文件")
    export.add_argument("--actor", default="", help="只导出该用户的记录")
    export.add_argument("--action", default="", help="只导出该类操作，如 login、permission_denied")
    export.add_argument("--since", type=_day, default="", help="起始日期 YYYY-MM-DD（含）")
    export.add_argument("--until", type=_day, default="", help="截止日期 YYYY-MM-DD（含）")
    data_dir_argument(export)
    export.set_defaults(handler=_export)


def _day(text: str) -> str:
    """A ``YYYY-MM-DD`` date, checked (a typo would otherwise export nothing without a word)."""
    return iso_date(text).isoformat()


def _verify(args: argparse.Namespace) -> int:
    from app.security.roles import Permission
    from app.services import audit

    ws = login(args)
    try:
        ws.require(Permission.VIEW_AUDIT, "audit_log")
        report = audit.verify(ws.db)
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    if report.ok:
        print(f"审计日志完整：{report.verified} 条记录，链头 {report.head_hash[:16]}…")
        return EXIT_OK
    print(f"审计日志被篡改：{report.problem.message}（第 {report.first_bad_seq} 条）", file=sys.stderr)
    return EXIT_FAILURE


def _export(args: argparse.Namespace) -> int:
    from app.security.roles import Permission
    from app.services import audit

    ws = login(args)
    try:
        ws.require(Permission.VIEW_AUDIT, "audit_log")
        entries = audit.find_entries(ws.db, audit.AuditFilter(args.actor, args.action, args.since, args.until),
                                     limit=1_000_000)
        with ws.db.session() as session:
            audit.record(session, ws.actor.username, "audit_exported", details={"entries": len(entries)})
        count = audit.export_csv(entries, args.out)
    except OSError as exc:
        raise CliError(f"无法写入 {args.out}：{exc.strerror}") from exc
    except SecurityError as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(f"已导出 {count} 条审计记录 → {args.out}")
    return EXIT_OK
