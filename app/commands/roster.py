"""``template``, ``import`` and ``export``: Excel rosters from the command line.

``python -m app template --form household --out T.xlsx`` writes the blank import template;
``python -m app import FILE.xlsx [--dry-run] [--good-rows] [--errors E.xlsx]`` checks every
row and stores all of them or none (``--good-rows``: the rows without errors); every problem
is printed as ``sheet 第 N 行 column：message``; exit 1 when rows were refused.
``python -m app export --out F.xlsx [--village CODE] [--form cooperative] [--full-ids]``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_FAILURE, EXIT_OK, CliError, data_dir_argument, login

FORMS = ("household", "cooperative")
KIND_WORDS = {"households": "household", "cooperatives": "cooperative", **{f: f for f in FORMS}}
SHOWN_PROBLEMS = 200  # lines printed; the error workbook (--errors) holds them all
NOUNS = {"household": "户", "cooperative": "个合作社"}


def register(commands) -> None:
    template = commands.add_parser("template", help="生成 Excel 导入模板（农户或合作社）")
    template.add_argument("--form", choices=FORMS, default="household", help="问卷（默认 household）")
    template.add_argument("--out", type=Path, required=True, help="保存为（.xlsx）")
    template.set_defaults(handler=_template)

    imp = commands.add_parser("import", help="导入 Excel 花名册（先检查全部行；有错误时不导入）")
    imp.add_argument("file", type=Path, nargs="+", metavar="FILE",
                     help="要导入的 .xlsx 文件（也可写成 households FILE 或 cooperatives FILE）")
    imp.add_argument("--form", choices=FORMS, default=None, help="问卷（默认按工作表名识别）")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不保存")
    imp.add_argument("--good-rows", action="store_true", help="只导入没有错误的行，其余行列出原因")
    imp.add_argument("--errors", type=Path, default=None, help="把问题清单另存为 Excel 文件")
    data_dir_argument(imp)
    imp.set_defaults(handler=_import)

    exp = commands.add_parser("export", help="导出农户或合作社花名册（审核员；身份证号码默认遮蔽）")
    exp.add_argument("--out", type=Path, required=True, help="保存为（.xlsx）")
    exp.add_argument("--village", "--division", dest="division", default=None,
                     help="只导出该区划（12 位代码：村、乡镇或县）")
    exp.add_argument("--form", choices=FORMS, default="household", help="问卷（默认 household）")
    exp.add_argument("--full-ids", action="store_true", help="导出完整的身份证号码和电话（需相应权限）")
    data_dir_argument(exp)
    exp.set_defaults(handler=_export)


def _out(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应以 .xlsx 结尾：{path}", 2)
    if not path.parent.is_dir():
        raise CliError(f"找不到文件夹：{path.parent}")
    return path


def _template(args: argparse.Namespace) -> int:
    from app.services.roster import make_template

    try:
        make_template(args.form, _out(args.out))
    except OSError as exc:
        raise CliError(f"无法保存 {args.out}：{exc.strerror or exc}") from None
    print(f"导入模板已保存：{args.out}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.roster.report import write_error_workbook
    from app.security.errors import SecurityError
    from app.services.roster import commit_import, preview_import

    form, path = _kind_and_file(args)
    ws = login(args)
    try:
        preview = preview_import(ws, path, form_id=form, progress=_progress)
        summary = None if args.dry_run else commit_import(ws, preview, good_rows_only=args.good_rows,
                                                          progress=_progress)
    except (DomainError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    for problem in preview.problems[:SHOWN_PROBLEMS]:
        print(problem.line())
    if len(preview.problems) > SHOWN_PROBLEMS:
        print(f"……另有 {len(preview.problems) - SHOWN_PROBLEMS} 条（用 --errors 保存完整清单）")
    if args.errors is not None and preview.problems:
        write_error_workbook(preview.problems, args.errors)
        print(f"问题清单已保存：{args.errors}")
    noun = NOUNS[preview.record_type]
    print(f"共 {preview.rows} 行：新建 {preview.created} {noun}，更新 {preview.updated} {noun}；"
          f"错误 {len(preview.errors)} 处（{preview.error_rows} 行），提醒 {len(preview.warnings)} 处")
    if summary is None:
        print("只检查（--dry-run），未保存。")
        return EXIT_FAILURE if preview.errors else EXIT_OK
    if not summary.stored:
        print("有错误，全部未导入：请改正后重新导入，或用 --good-rows 只导入没有错误的行。")
        return EXIT_FAILURE
    print(f"已导入：新建 {summary.created} {noun}，更新 {summary.updated} {noun}"
          + (f"，跳过有错误的 {summary.skipped} 行" if summary.skipped else "") + "。")
    return EXIT_FAILURE if summary.skipped else EXIT_OK


def _kind_and_file(args: argparse.Namespace) -> tuple[str | None, Path]:
    """``import FILE`` or ``import households FILE`` (the issue's spelling)."""
    if len(args.file) == 1:
        return args.form, args.file[0]
    if len(args.file) == 2 and str(args.file[0]) in KIND_WORDS:
        return KIND_WORDS[str(args.file[0])], args.file[1]
    raise CliError("用法：import [households|cooperatives] FILE.xlsx", 2)


def _export(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.security.errors import SecurityError
    from app.services.roster_export import export_roster

    out = _out(args.out)
    ws = login(args)
    try:
        count = export_roster(ws, out, record_type=args.form, division=args.division,
                              full_ids=args.full_ids)
    except (DomainError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法保存 {out}：{exc.strerror or exc}") from None
    finally:
        ws.close()
    masked = "完整号码" if args.full_ids else "身份证号码和电话已遮蔽"
    print(f"已导出 {count} {NOUNS[args.form]}（{masked}）：{out}")
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
