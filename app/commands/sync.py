"""``python -m app enrol --url URL --code CODE``, ``python -m app sync [--url URL]``,
``sync status``, ``review list`` and ``review resolve ID --keep local|server``.

``sync`` pushes the outbox then pulls, and prints what happened; any failure is one line and
exit code 1, with everything unsent kept for the next try.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, data_dir_argument, login


def register(commands) -> None:
    enrol = commands.add_parser("enrol", help="用平台管理员给的一次性注册码把本机注册到数据交换平台")
    enrol.add_argument("--url", "--server", dest="url", required=True, help="平台地址，如 https://platform.example.cn")
    enrol.add_argument("--code", required=True, help="一次性注册码")
    enrol.add_argument("--device-name", default=None, help="设备名称（默认：计算机名）")
    enrol.add_argument("--ca-bundle", type=Path, default=None, help="平台证书的 CA 证书文件（PEM，城市自建 CA 时用）")
    data_dir_argument(enrol)
    enrol.set_defaults(handler=_enrol)
    sync = commands.add_parser("sync", help="与数据交换平台同步：先上传本机修改，再下载平台的变化")
    sync.add_argument("--url", "--server", dest="url", default=None, help="本次使用的平台地址（默认：注册时的地址）")
    data_dir_argument(sync)
    sync.set_defaults(handler=_sync)
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION")
    status = actions.add_parser("status", help="同步状态：待上传、被拒绝、待处理冲突、上次同步时间")
    data_dir_argument(status)
    status.set_defaults(handler=_status)
    review = commands.add_parser("review", help="同步冲突（同一字段两边都改过）：列出或选定保留哪一边的值")
    steps = review.add_subparsers(dest="review_action", metavar="ACTION", required=True)
    listing = steps.add_parser("list", help="列出待处理的冲突")
    data_dir_argument(listing)
    listing.set_defaults(handler=_review_list)
    resolve = steps.add_parser("resolve", help="处理一条冲突")
    resolve.add_argument("item", type=int, help="冲突编号（见 review list）")
    resolve.add_argument("--keep", required=True, choices=["local", "server"], help="保留本机（local）或平台（server）的值")
    data_dir_argument(resolve)
    resolve.set_defaults(handler=_review_resolve)


def _run(args: argparse.Namespace, action):
    """Log in, run ``action(ws)``, turn the engine's refusals into one-line CLI errors."""
    from app.domain.problems import DomainError
    from app.security.errors import SecurityError
    from sync.errors import SyncError

    ws = login(args)
    try:
        return action(ws)
    except SyncError as exc:
        raise CliError(exc.message) from exc
    except (DomainError, SecurityError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()


def _enrol(args: argparse.Namespace) -> int:
    from sync.engine.service import enrol

    if not args.url.startswith(("https://", "http://")):
        raise CliError(f"平台地址应以 https:// 开头：{args.url}", EXIT_USAGE)
    status = _run(args, lambda ws: enrol(ws, args.url, args.code, device_name=args.device_name,
                                         ca_bundle=args.ca_bundle))
    print(f"已注册：平台 {status.platform_url}，用户 {status.username}，设备 {status.device_id}，"
          f"证书编号段 {status.certificate_series:03d}")
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from sync.engine.service import sync_now

    report = _run(args, lambda ws: sync_now(ws, url=args.url))
    push, pull = report.push, report.pull
    print(f"已上传 {push.sent} 条（记录 {push.sent - push.audit_lines} 条，审计日志 {push.audit_lines} 条）：成功 {push.count('applied')}，重复（平台已有）{push.count('duplicate')}，"
          f"被拒绝 {push.count('rejected')}，冲突 {push.count('conflict')}；已下载 {pull.received} 条；"
          f"待处理冲突 {report.reviews} 条")
    for warning in report.warnings:
        print(f"注意：{warning}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from sync.engine.service import rejections, sync_status

    status, refused = _run(args, lambda ws: (sync_status(ws), rejections(ws)))
    if not status.enrolled:
        print("本机尚未注册到数据交换平台（python -m app enrol --url URL --code CODE）")
        return EXIT_FAILURE
    last = status.last_sync_at.strftime("%Y-%m-%d %H:%M:%S UTC") if status.last_sync_at else "从未同步"
    print(f"平台 {status.platform_url}  用户 {status.username}  设备 {status.device_id}")
    print(f"待上传 {status.pending} 条，被拒绝 {status.rejected} 条，待处理冲突 {status.reviews} 条；上次同步：{last}")
    if status.last_error:
        print(f"上次同步失败：{status.last_error}")
    for item in refused:
        print(f"被拒绝 #{item.mutation_id} {item.record_type} {item.record_id}：{item.reason}")
        for field, message in item.problems:
            print(f"    {field}：{message}")
    return EXIT_OK


def _review_list(args: argparse.Namespace) -> int:
    from sync.engine.service import open_reviews

    items = _run(args, open_reviews)
    if not items:
        print("没有待处理的冲突")
    for item in items:
        print(f"#{item.id} {item.subject} {item.field_label}（{item.field}）："
              f"本机 {_shown(item.local_value)} ｜ 平台 {_shown(item.server_value)}")
    return EXIT_OK


def _review_resolve(args: argparse.Namespace) -> int:
    from sync.engine.service import resolve

    _run(args, lambda ws: resolve(ws, args.item, args.keep))
    print(f"冲突 #{args.item} 已处理：保留{'本机' if args.keep == 'local' else '平台'}的值，下次同步时上传")
    return EXIT_OK


def _shown(value) -> str:
    import json

    return "（空）" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
