"""``python -m app villages [--township CODE] [--on DATE] [--json]``: credit villages and townships.

For each village the filing, rating and loan figures and whether it meets the scheme's
credit-village criteria (the failing ones named); for each township the credit-township
criteria likewise. ``--json`` prints the report as JSON; otherwise a Chinese table.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from datetime import date

from app.cli import EXIT_OK, EXIT_USAGE, CliError, data_dir_argument, login

GRADES = ("AAA", "AA", "A", "B", "C")
_COLUMNS = (("村", 12), ("代码", 13), ("登记", 6), ("建档", 6), ("已评", 6), ("信用户", 7), *((g, 5) for g in GRADES),
            ("借款户", 7), ("无逾期", 7), ("不良率", 8), ("信用村", 7))


def register(commands) -> None:
    parser = commands.add_parser("villages", help="信用村、信用乡镇评定情况（各村建档、评级、贷款与达标情况）")
    parser.add_argument("--township", default=None, help="只看该乡镇（12 位区划代码）")
    parser.add_argument("--on", default=None, help="截至日期 YYYY-MM-DD：各户取此日及以前的最新评级（默认今天）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    data_dir_argument(parser)
    parser.set_defaults(handler=_villages)


def _villages(args: argparse.Namespace) -> int:
    from app.domain.divisions import is_division_code, level_of
    from app.domain.problems import DomainError
    from app.rating.errors import SchemeError
    from app.security.errors import SecurityError
    from app.services.villages import village_report

    if args.township is not None and (not is_division_code(args.township) or level_of(args.township) != "township"):
        raise CliError(f"{args.township} 不是乡镇的 12 位区划代码", EXIT_USAGE)
    on = _date(args.on)
    ws = login(args)
    try:
        report = village_report(ws, args.township, on)
    except (DomainError, SchemeError, SecurityError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if args.json else table(report))
    return EXIT_OK


def _date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}", EXIT_USAGE) from None


def table(report) -> str:
    """The report as readable Chinese: the criteria, then each township with its villages."""
    from app.rating.fmt import percent

    c = report.criteria
    lines = [f"信用村镇评定（评分方案 {report.scheme_ref}，截至 {report.on.isoformat()}）"]
    if "village_filed_ratio_min" in c:
        lines.append(f"信用村标准：建档率 ≥ {percent(c['village_filed_ratio_min'])}，"
                     f"信用户占建档户 ≥ {percent(c['village_credit_household_ratio_min'])}，"
                     f"借款户中无逾期 ≥ {percent(c['village_no_overdue_ratio_min'])}，"
                     f"不良贷款率 ≤ {percent(c['village_npl_ratio_max'])}")
    if "township_credit_village_ratio_min" in c:
        lines.append(f"信用乡镇标准：信用村占行政村 ≥ {percent(c['township_credit_village_ratio_min'])}，"
                     f"不良贷款率 ≤ {percent(c['township_npl_ratio_max'])}")
    townships = {t.code: t for t in report.townships}
    groups: dict[str, list] = {}
    for village in report.villages:
        groups.setdefault(village.township_code, []).append(village)
    for code, villages in groups.items():
        lines.append("")
        if code in townships:
            lines.extend(_township_lines(townships[code], percent))
        lines.append(_row([name for name, _width in _COLUMNS]))
        for village in villages:
            lines.extend(_village_lines(village, percent))
    return "\n".join(lines)


def _township_lines(township, percent) -> list[str]:
    e, s = township.evaluation, township.stats
    verdict = "达到信用乡镇标准" if e.is_credit_township else "未达信用乡镇标准"
    lines = [f"乡镇 {township.name}（{township.code}）：{s.villages} 个村中信用村 {s.credit_villages} 个，"
             f"不良贷款率 {percent(e.npl_ratio)}，{verdict}"]
    if e.failures:
        lines.append("  未达标：" + "；".join(f.message for f in e.failures))
    return lines


def _village_lines(village, percent) -> list[str]:
    s, e = village.stats, village.evaluation
    cells = [village.name, village.code, s.registered_households, s.filed_households, village.rated_households,
             s.credit_households, *(village.grades.get(g, 0) for g in GRADES), s.borrowing_households,
             s.borrowing_without_overdue, percent(e.npl_ratio), "是" if e.is_credit_village else "否"]
    lines = [_row([str(cell) for cell in cells])]
    if e.failures:
        lines.append("    未达标：" + "；".join(f.message for f in e.failures))
    return lines


def _row(cells: list[str]) -> str:
    """Cells padded to their column's width in terminal columns (a CJK character takes two)."""
    out = []
    for index, (cell, (_name, width)) in enumerate(zip(cells, _COLUMNS)):
        pad = " " * max(0, width - _width(cell))
        out.append(cell + pad if index < 2 else pad + cell)
    return " ".join(out).rstrip()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
