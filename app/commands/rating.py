"""``python -m app rate --input RECORD.json``: rate data-standard records without storing anything;
``python -m app rate-all [--village CODE | --township CODE]``: rate and store the households and
cooperatives of the store.

One record gives one result, a JSON array gives an array of results in the same order (batch
scoring for other systems); ``{"records": [...], "events": [...]}`` adds platform blacklist
entries and conduct events. ``--json`` prints the data standard's rating result; without it a
readable Chinese breakdown. A bad file, record or scheme: one line, exit code 2.
``rate-all`` logs in, stores one new rating per household and per cooperative and prints the
count per grade of each; exit code 1 if some record could not be read (the others are stored
all the same).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, data_dir_argument, login

GRADE_ORDER = ("AAA", "AA", "A", "B", "C")  # display order; other grades follow, by name
KIND_LABELS = {"base": "基础", "bonus": "加分", "penalty": "扣分", "veto": "否决"}


def register(commands) -> None:
    parser = commands.add_parser("rate", help="按评分方案为数据标准 JSON 记录评分（不保存）")
    parser.add_argument("--input", type=Path, required=True, help="记录文件（单条记录、数组或含 records/events 的对象）")
    parser.add_argument("--scheme", default=None, help="评分方案 ID[@版本]（默认按记录类型选用默认方案的最新版本）")
    parser.add_argument("--on", default=None, help="评分日期 YYYY-MM-DD（默认今天）")
    parser.add_argument("--json", action="store_true", help="输出评分结果 JSON")
    parser.set_defaults(handler=_rate)
    every = commands.add_parser("rate-all", help="为全部（或某村、某乡镇的）农户和合作社评分并保存评级（信贷员）")
    where = every.add_mutually_exclusive_group()
    where.add_argument("--village", default=None, help="只评该村（12 位区划代码）")
    where.add_argument("--township", default=None, help="只评该乡镇（12 位区划代码）")
    every.add_argument("--on", default=None, help="评分日期 YYYY-MM-DD（默认今天）")
    data_dir_argument(every)
    every.set_defaults(handler=_rate_all)


def _rate(args: argparse.Namespace) -> int:
    from app.rating.batch import rate_json_document

    on = _date(args.on)
    document = _read(args.input)
    try:
        results = rate_json_document(document, args.scheme, on)
    except ValueError as exc:  # RecordError and SchemeError: one Chinese sentence each
        raise CliError(f"无法评分：{exc}", EXIT_USAGE) from exc
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return EXIT_OK
    for result in results if isinstance(results, list) else [results]:
        print(breakdown(result))
    return EXIT_OK


def _rate_all(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.rating.errors import SchemeError
    from app.security.errors import SecurityError
    from app.services.ratings import rate_all

    on, division = _date(args.on), _division(args)
    ws = login(args)
    try:
        summary = rate_all(ws, division, on, progress=_progress)
    except (DomainError, SchemeError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(grade_counts(summary))
    for subject_id, reason in summary.failed:
        print(f"无法评分：{subject_id}：{reason}", file=sys.stderr)
    return EXIT_FAILURE if summary.failed else EXIT_OK


def _division(args: argparse.Namespace) -> str | None:
    from app.domain.divisions import is_division_code, level_of

    code, level = (args.village, "village") if args.village else (args.township, "township")
    if code is None:
        return None
    if not is_division_code(code) or level_of(code) != level:
        label = "村" if level == "village" else "乡镇"
        raise CliError(f"{code} 不是{label}的 12 位区划代码", EXIT_USAGE)
    return code


def _progress(done: int, total: int) -> None:
    print(f"  {done}/{total}", file=sys.stderr, flush=True)


def grade_counts(summary) -> str:
    """The run's ratings per grade, households then cooperatives, best grade first, in Chinese."""
    lines = [*_kind_counts("农户", "户", summary.households)]
    if summary.cooperatives.scheme_ref:
        lines.extend(_kind_counts("合作社", "个", summary.cooperatives))
    if summary.failed:
        lines.append(f"无法评分 {len(summary.failed)} 条档案（原因见标准错误输出）")
    if summary.cancelled:
        lines.append("已取消：其余档案未评分")
    return "\n".join(lines)


def _kind_counts(kind: str, unit: str, counts) -> list[str]:
    from app.services.ratings import NOT_RATED

    order = {grade: index for index, grade in enumerate(GRADE_ORDER)}
    lines = [f"{kind}：评分方案 {counts.scheme_ref}，共评 {counts.rated} {unit}"]
    for grade in sorted(counts.by_grade, key=lambda g: (order.get(g, len(order)), g)):
        label = "未评级（未签署授权书）" if grade == NOT_RATED else grade
        lines.append(f"  {counts.by_grade[grade]:>7} {unit}  {label}")  # count first: CJK labels misalign
    return lines


def _date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}", EXIT_USAGE) from None


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise CliError(f"找不到文件：{path}", EXIT_USAGE) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取 {path}：{exc}", EXIT_USAGE) from None
    except json.JSONDecodeError as exc:
        raise CliError(f"{path} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）", EXIT_USAGE) from None


def breakdown(result: dict[str, Any]) -> str:
    """A rating result as readable Chinese lines."""
    if result.get("grade") is None and result.get("missing") == ["consent"]:
        return "未签署信用信息采集授权书：不予评级。\n"
    credit = "是" if result["credit_household"] else "否"
    lines = [f"评分方案 {result['scheme_id']} 第 {result['scheme_version']} 版，评分日 {result['rated_on']}",
             f"总分 {result['score']}（基础 {result['base']} + 加分 {result['bonus']} − 扣分 {result['penalty']}），"
             f"等级 {result['grade']}，信用户：{credit}，建议授信额度 {result['credit_line']} 元"]
    if result.get("vetoes"):
        lines.append("一票否决：" + "、".join(result["vetoes"]))
    for item in result["items"]:
        kind = KIND_LABELS.get(item["kind"], item["kind"])
        lines.append(f"  [{kind}] {item['indicator']} {item['points']:>6} 分  {item['reason']}")
    if not result["complete"]:
        lines.append("资料不全，缺少：" + "、".join(result["missing"]))
    return "\n".join(lines) + "\n"
