"""``export-template``, ``import`` and ``export``: Excel (and CSV) rosters from the command line.

As the issue spells them::

    python -m app export-template households|cooperatives FILE.xlsx      # no login
    python -m app import households|cooperatives FILE.xlsx|FILE.csv [--dry-run] [--good-rows]
    python -m app export households|cooperatives FILE.xlsx [--village CODE] [--full-ids]

Every row is checked; all are stored or none (``--good-rows``: the rows without errors). Each
problem is printed as ``sheet 第 N 行 column：message`` and, when rows are rejected, the whole
list is saved as an error workbook next to the input (``FILE-错误.xlsx``, or ``--errors``).
Exit 1 when rows were rejected. The first spellings still work: ``template --form F --out T``,
``import FILE``, ``export --out F [--form F]``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, data_dir_argument, login

FORMS = ("household", "cooperative")
KIND_WORDS = {"households": "household", "cooperatives": "cooperative", **{f: f for f in FORMS}}
SHOWN_PROBLEMS = 200  # lines printed; the error workbook holds them all
NOUNS = {"household": "户", "cooperative": "个合作社"}
_KINDS = "households|cooperatives"


def register(commands) -> None:
    for name, help_text in (("export-template", "生成 Excel 导入模板：export-template households|cooperatives FILE.xlsx"),
                            ("template", "（旧写法）生成导入模板：template --form F --out FILE.xlsx")):
        template = commands.add_parser(name, help=help_text)
        template.add_argument("target", nargs="*", metavar="ARG", help=f"{_KINDS} FILE.xlsx")
        template.add_argument("--form", choices=FORMS, default=None, help=argparse.SUPPRESS)
        template.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
        template.set_defaults(handler=_template)

    imp = commands.add_parser("import", help="导入花名册（.xlsx 或 .csv；先检查全部行，有错误时不导入）")
    imp.add_argument("file", nargs="+", metavar="ARG", help=f"{_KINDS} FILE（.xlsx 或 .csv）")
    imp.add_argument("--form", choices=FORMS, default=None, help="问卷（默认按工作表名识别）")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不保存")
    imp.add_argument("--good-rows", action="store_true", help="只导入没有错误的行，其余行列出原因")
    imp.add_argument("--errors", type=Path, default=None,
                     help="问题清单保存为（默认：输入文件旁的 文件名-错误.xlsx）")
    data_dir_argument(imp)
    imp.set_defaults(handler=_import)

    exp = commands.add_parser("export", help="导出花名册：export households|cooperatives FILE.xlsx（身份证号码默认遮蔽）")
    exp.add_argument("target", nargs="*", metavar="ARG", help=f"{_KINDS} FILE.xlsx")
    exp.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    exp.add_argument("--village", "--division", dest="division", default=None,
                     help="只导出该区划（12 位代码：村、乡镇或县）")
    exp.add_argument("--form", choices=FORMS, default=None, help=argparse.SUPPRESS)
    exp.add_argument("--full-ids", action="store_true", help="导出完整的身份证号码和电话（需相应权限）")
    data_dir_argument(exp)
    exp.set_defaults(handler=_export)


def kind_and_path(words: list[str], form: str | None, out: Path | None, usage: str,
                  default: str | None = None) -> tuple[str | None, Path]:
    """``KIND FILE``, ``FILE`` (with ``--form``) or ``--out FILE``: the questionnaire and the file."""
    if len(words) == 2 and words[0] in KIND_WORDS and out is None:
        return KIND_WORDS[words[0]], Path(words[1])
    if len(words) == 1 and words[0] not in KIND_WORDS and out is None:
        return form or default, Path(words[0])
    if not words and out is not None:
        return form or default, out
    if len(words) == 1 and words[0] in KIND_WORDS and out is not None:
        return KIND_WORDS[words[0]], out
    raise CliError(f"用法：{usage}", EXIT_USAGE)


def _out(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应以 .xlsx 结尾：{path}", EXIT_USAGE)
    if not path.parent.is_dir():
        raise CliError(f"找不到文件夹：{path.parent}")
    return path


def _template(args: argparse.Namespace) -> int:
    from app.services.roster import make_template

    form, path = kind_and_path(args.target, args.form, args.out,
                               f"export-template {_KINDS} FILE.xlsx", default="household")
    try:
        make_template(form or "household", _out(path))
    except OSError as exc:
        raise CliError(f"无法保存 {path}：{exc.strerror or exc}") from None
    print(f"导入模板已保存：{path}")
    return EXIT_OK


def error_workbook_path(source: Path) -> Path:
    """Where rejected rows are listed by default: ``花名册-错误.xlsx`` beside ``花名册.xlsx``."""
    return source.with_name(f"{source.stem}-错误.xlsx")


def _import(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.security.errors import SecurityError
    from app.services.roster import commit_import, preview_import

    form, path = kind_and_path(args.file, args.form, None, f"import {_KINDS} FILE.xlsx [--dry-run]")
    if args.errors is not None and not args.errors.parent.is_dir():  # say so before a long check
        raise CliError(f"找不到文件夹：{args.errors.parent}")
    ws = login(args)
    try:
        preview = preview_import(ws, path, form_id=form, progress=_progress)
        summary = None if args.dry_run else commit_import(ws, preview, good_rows_only=args.good_rows,
                                                          progress=_progress)
    except (DomainError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    _print_problems(preview, args.errors or error_workbook_path(path), explicit=args.errors is not None)
    noun = NOUNS[preview.record_type]
    print(f"共 {preview.rows} 行：新建 {preview.created} {noun}，更新 {preview.updated} {noun}；"
          f"错误 {len(preview.errors)} 处（{preview.error_rows} 行），提醒 {len(preview.warnings)} 处")
    if summary is None:
        print("只检查（--dry-run），未保存。")
        return EXIT_FAILURE if preview.errors else EXIT_OK
    if not summary.stored:
        print("没有可导入的行（问题见上）：请改正后重新导入。" if args.good_rows else
              "有错误，全部未导入：请改正后重新导入，或用 --good-rows 只导入没有错误的行。")
        return EXIT_FAILURE
    print(f"已导入：新建 {summary.created} {noun}，更新 {summary.updated} {noun}"
          + (f"，跳过有错误的 {summary.skipped} 行" if summary.skipped else "") + "。")
    return EXIT_FAILURE if summary.skipped else EXIT_OK


def _print_problems(preview, errors: Path, *, explicit: bool) -> None:
    """Every problem on the console (the first 200) and, if rows are rejected, in a workbook."""
    from app.roster.report import write_error_workbook

    for problem in preview.problems[:SHOWN_PROBLEMS]:
        print(problem.line())
    if len(preview.problems) > SHOWN_PROBLEMS:
        print(f"……另有 {len(preview.problems) - SHOWN_PROBLEMS} 条，见问题清单")
    if preview.problems and (preview.errors or explicit):
        try:
            write_error_workbook(preview.problems, errors)
        except OSError as exc:
            print(f"无法保存问题清单 {errors}：{exc.strerror or exc}", file=sys.stderr)
        else:
            print(f"问题清单已保存：{errors}")


def _export(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.security.errors import SecurityError
    from app.services.roster_export import export_roster

    form, path = kind_and_path(args.target, args.form, args.out,
                               f"export {_KINDS} FILE.xlsx [--village CODE]", default="household")
    out = _out(path)
    ws = login(args)
    try:
        count = export_roster(ws, out, record_type=form or "household", division=args.division,
                              full_ids=args.full_ids)
    except (DomainError, SecurityError) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法保存 {out}：{exc.strerror or exc}") from None
    finally:
        ws.close()
    masked = "完整号码" if args.full_ids else "身份证号码和电话已遮蔽"
    print(f"已导出 {count} {NOUNS[form or 'household']}（{masked}）：{out}")
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
