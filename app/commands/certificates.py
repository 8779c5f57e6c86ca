"""Printing from the store and the certificate register on the command line.

``certificates --village CODE --out F.pdf`` (one page per confirmed credit household, numbers
issued or reused), ``certificate --household ID --out F.pdf``, ``notice-list --village CODE
--out F.pdf``, ``rating-report --household ID --out F.pdf``, ``reprint --number N --out F.pdf``
(supervisor), ``revoke --number N --reason TEXT`` (supervisor), ``register [--village CODE]
[--json]``. Each logs in; a refusal prints one Chinese line and exits 1.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

from app.cli import EXIT_OK, CliError, data_dir_argument, login


def _on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", type=date.fromisoformat, default=None, help="按此日期办理（YYYY-MM-DD，默认今天）")
    data_dir_argument(parser)


def register(commands) -> None:
    batch = commands.add_parser("certificates", help="为一个村已确认的信用户签发并打印证书（一页一证）")
    batch.add_argument("--village", required=True, help="村的 12 位区划代码")
    batch.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _on(batch)
    batch.set_defaults(handler=_certificates)
    one = commands.add_parser("certificate", help="为一户已确认的信用户签发并打印证书")
    one.add_argument("--household", required=True, help="农户（或合作社）ID")
    one.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _on(one)
    one.set_defaults(handler=_certificate)
    notice = commands.add_parser("notice-list", help="打印一个村的信用户评定结果公示名单")
    notice.add_argument("--village", required=True, help="村的 12 位区划代码")
    notice.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _on(notice)
    notice.set_defaults(handler=_notice_list)
    report = commands.add_parser("rating-report", help="打印一户的信用评定表")
    report.add_argument("--household", required=True, help="农户（或合作社）ID")
    report.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _on(report)
    report.set_defaults(handler=_rating_report)
    again = commands.add_parser("reprint", help="补打证书（审核员；计数并记入审计日志）")
    again.add_argument("--number", required=True, help="证书编号")
    again.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _on(again)
    again.set_defaults(handler=_reprint)
    revoke = commands.add_parser("revoke", help="撤销证书（审核员，须写明原因）")
    revoke.add_argument("--number", required=True, help="证书编号")
    revoke.add_argument("--reason", required=True, help="撤销原因")
    _on(revoke)
    revoke.set_defaults(handler=_revoke)
    book = commands.add_parser("register", help="证书登记簿：每张证书的签发、补打、撤销、取代和过期情况")
    book.add_argument("--village", default=None, help="只列该区划（12 位代码）的证书")
    book.add_argument("--json", action="store_true", help="输出 JSON")
    _on(book)
    book.set_defaults(handler=_register)


def _run(args: argparse.Namespace, action: Callable[[Any, date], int]) -> int:
    """Log in, run ``action(ws, today)``, turn refusals into one-line errors."""
    from app.domain.problems import DomainError
    from app.security.errors import SecurityError

    ws = login(args)
    try:
        return action(ws, args.on or date.today())
    except (DomainError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法写入 {getattr(args, 'out', '')}：{exc.strerror or exc}") from exc
    finally:
        ws.close()


def _say(args: argparse.Namespace, message: Callable[[Any, date], str]) -> int:
    """:func:`_run` of a command whose whole answer is the one line ``message(ws, today)``."""
    def action(ws, today: date) -> int:
        print(message(ws, today))
        return EXIT_OK
    return _run(args, action)


def _certificates(args: argparse.Namespace) -> int:
    from app.services.certificates_pdf import village_certificates_pdf

    def message(ws, today: date) -> str:
        numbers = village_certificates_pdf(ws, args.village, today, args.out)
        return f"已输出 {len(numbers)} 张证书（{numbers[0]} … {numbers[-1]}）→ {args.out}"
    return _say(args, message)


def _certificate(args: argparse.Namespace) -> int:
    from app.services.certificates_pdf import household_certificate_pdf

    return _say(args, lambda ws, today: f"证书 {household_certificate_pdf(ws, args.household, today, args.out)}"
                                        f" → {args.out}")


def _notice_list(args: argparse.Namespace) -> int:
    from app.services.certificates_documents import notice_list_pdf

    return _say(args, lambda ws, today: f"公示名单 {notice_list_pdf(ws, args.village, today, args.out)} 页 → {args.out}")


def _rating_report(args: argparse.Namespace) -> int:
    from app.services.certificates_documents import rating_report_pdf

    return _say(args, lambda ws, _today: f"信用评定表 {rating_report_pdf(ws, args.household, args.out)} 页 → {args.out}")


def _reprint(args: argparse.Namespace) -> int:
    from app.services.certificates_pdf import reprint_pdf

    def message(ws, _today: date) -> str:
        cert = reprint_pdf(ws, args.number, args.out)
        return f"证书 {cert.number} 第 {cert.reprint_count} 次补打 → {args.out}"
    return _say(args, message)


def _revoke(args: argparse.Namespace) -> int:
    from app.services.certificates import revoke_certificate

    return _say(args, lambda ws, _today: f"证书 {revoke_certificate(ws, args.number, args.reason).number} 已撤销")


def _register(args: argparse.Namespace) -> int:
    from app.services.certificates_register import STATUS_LABELS, certificate_register

    def action(ws, today: date) -> int:
        entries = certificate_register(ws, args.village, today)
        if args.json:
            print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
            return EXIT_OK
        for e in entries:
            extra = f"，由 {e.superseded_by} 取代" if e.superseded_by else ""
            extra += f"，撤销原因：{e.revoke_reason}" if e.revoke_reason else ""
            print(f"{e.number}  {STATUS_LABELS[e.status]}  {e.grade:<3}  {e.holder}  "
                  f"{e.valid_from}～{e.valid_until}  签发 {e.issued_by} {e.issued_on}  补打 {e.reprint_count} 次{extra}")
        print(f"共 {len(entries)} 张证书", file=sys.stderr)
        return EXIT_OK
    return _run(args, action)
