"""``python -m app workflow ...``: appraisal, public notice, objections, confirmation, status.

Every sub-command logs in and acts as that user (the role matrix decides who may do what);
``--on`` is the step's date (default today). A refusal prints one Chinese line, exit code 1.
"""
from __future__ import annotations

import argparse
import json
from contextlib import contextmanager
from datetime import date
from typing import Any, Iterator

from app.cli import EXIT_OK, EXIT_USAGE, CliError, data_dir_argument, login


def register(commands) -> None:
    parser = commands.add_parser("workflow", help="评议、公示、异议与确认（按村或按户）")
    steps = parser.add_subparsers(dest="step", metavar="STEP", parser_class=type(parser), required=True)

    appraise = _step(steps, "appraise", "评议：按户调整分数（--household），或整村按初评通过（--village）", _appraise)
    _target(appraise)
    appraise.add_argument("--adjust", default="0", help="调整分（最多两位小数，方案上限内，默认 0）")
    appraise.add_argument("--reason", required=True, help="评议理由")
    appraise.add_argument("--appraisers", required=True, help="评议小组成员姓名，用“、”或逗号分隔")

    notice = _step(steps, "start-notice", "发起整村公示", _start_notice)
    notice.add_argument("--village", required=True, help="村的 12 位区划代码")

    obj = _step(steps, "object", "登记异议（公示期内）", _object)
    obj.add_argument("--household", required=True, help="农户（或合作社）档案 ID")
    obj.add_argument("--content", required=True, help="异议内容")

    decide = _step(steps, "decide", "处理异议并答复（审核员）", _decide)
    decide.add_argument("--objection", required=True, help="异议编号（object 或 status 显示）")
    outcome = decide.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--uphold", metavar="ADJUST", default=None, help="异议成立：复核后的调整分")
    outcome.add_argument("--reject", action="store_true", help="异议不成立，维持原结果")
    decide.add_argument("--answer", required=True, help="给异议人的答复")

    confirm = _step(steps, "confirm", "审核确认（按户或整村，公示期满且无未处理异议）", _confirm)
    _target(confirm)

    status = _step(steps, "status", "某村各户的评级、阶段、异议和期限", _status)
    status.add_argument("--village", required=True, help="村的 12 位区划代码")
    status.add_argument("--json", action="store_true", help="输出 JSON")


def _step(steps, name: str, help_text: str, handler) -> argparse.ArgumentParser:
    parser = steps.add_parser(name, help=help_text)
    parser.add_argument("--on", default=None, help="日期 YYYY-MM-DD（默认今天；公示为开始日）")
    data_dir_argument(parser)
    parser.set_defaults(handler=handler)
    return parser


def _target(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--household", default=None, help="农户（或合作社）档案 ID：对其最新评级操作")
    which.add_argument("--village", default=None, help="村的 12 位区划代码：整村操作")


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[Any]:
    """The logged-in workspace; service refusals become one-line errors."""
    from app.domain.problems import DomainError
    from app.rating.errors import SchemeError
    from app.security.errors import SecurityError

    ws = login(args)
    try:
        yield ws
    except (DomainError, SchemeError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()


def _appraise(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    on = _date(args.on)
    with _session(args) as ws:
        if args.village:
            count = wf.appraise_village(ws, args.village, args.reason, args.appraisers, on)
            print(f"已评议 {count} 户（按初评结果，不调整）")
            return EXIT_OK
        step = wf.appraise(ws, wf.latest_rating_id(ws, args.household), args.adjust, args.reason,
                           args.appraisers, on)
    print(f"已评议：调整 {step.adjustment} 分，评议后 {step.score} 分，等级 {step.grade}")
    return EXIT_OK


def _start_notice(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    start = _date(args.on)
    with _session(args) as ws:
        count = wf.start_notice(ws, args.village, start)
        last = wf.village_overview(ws, args.village, start)
    last_day = max((r.notice_last_day for r in last if r.notice_start == start and r.notice_last_day), default=start)
    print(f"已发起公示：{count} 户，{start.isoformat()} 至 {last_day.isoformat()}")
    return EXIT_OK


def _object(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    on = _date(args.on)
    with _session(args) as ws:
        step = wf.record_objection(ws, wf.latest_rating_id(ws, args.household), args.content, on)
    print(f"已登记异议 {step.id}")
    return EXIT_OK


def _decide(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    on = _date(args.on)
    with _session(args) as ws:
        upheld = args.uphold is not None
        step = wf.decide_objection(ws, args.objection, upheld, args.answer, on, args.uphold)
    print(f"异议成立：调整 {step.adjustment} 分，复核后 {step.score} 分，等级 {step.grade}" if upheld
          else "异议不成立：维持原结果")
    return EXIT_OK


def _confirm(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    on = _date(args.on)
    with _session(args) as ws:
        if args.village:
            print(f"已确认 {wf.confirm_village(ws, args.village, on)} 户")
            return EXIT_OK
        confirmed = wf.confirm(ws, wf.latest_rating_id(ws, args.household), on)
    print(f"已确认：{confirmed.final_score} 分，等级 {confirmed.final_grade}，有效期至 {confirmed.valid_until}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from app.services import workflow as wf

    today = _date(args.on)
    with _session(args) as ws:
        rows = wf.village_overview(ws, args.village, today)
    if args.json:
        print(json.dumps([_json(row, today) for row in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        due = f"，答复期限 {row.next_answer_due}" if row.next_answer_due else ""
        late = "（已超期）" if row.overdue(today) else ""
        rated = row.stage != wf.Stage.NOT_RATED  # no consent: no score to show (not 0.00)
        computed, final = (row.computed_score, row.final_score) if rated else ("-", "-")
        print(f"{row.subject_id}  {row.subject_name}  初评 {computed}  最终 {final} "
              f"{row.final_grade or '-'}  {wf.STAGE_LABELS[row.stage]}  未处理异议 {row.open_objections}{due}{late}")
        for case in (o for o in row.objections if o.open):  # the ids ``decide`` needs
            print(f"    异议 {case.id}：{case.received_on} 受理，{case.answer_due} 前答复")
    print(f"共 {len(rows)} 户")
    return EXIT_OK


def _json(row: Any, today: date) -> dict[str, Any]:
    """One overview row as JSON: decimals and dates as text."""
    def text(value: Any) -> Any:
        return None if value is None else str(value)

    return {"rating_id": row.rating_id, "subject_type": row.subject_type, "subject_id": row.subject_id,
            "subject_name": row.subject_name, "rated_on": text(row.rated_on),
            "computed_score": text(row.computed_score), "adjustment": text(row.adjustment),
            "final_score": text(row.final_score), "final_grade": row.final_grade,
            "credit_household": row.credit_household, "stage": str(row.stage),
            "notice_start": text(row.notice_start), "notice_last_day": text(row.notice_last_day),
            "open_objections": row.open_objections, "next_answer_due": text(row.next_answer_due),
            "overdue": row.overdue(today), "confirmed_on": text(row.confirmed_on),
            "valid_until": text(row.valid_until),
            "objections": [{"id": o.id, "received_on": text(o.received_on), "answer_due": text(o.answer_due),
                            "decided_on": text(o.decided_on), "decision": o.decision} for o in row.objections]}


def _date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}", EXIT_USAGE) from None
