"""The blank import template of a questionnaire, and the instructions sheet rosters carry."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from app.roster.layout import INSTRUCTIONS_SHEET, RosterLayout, roster_layout
from app.roster.limits import DEFAULT_LIMITS, ImportLimits
from app.roster.writer import Progress, help_note, open_workbook, save, write_sheets
from app.survey.form_model import FormDefinition

_TITLE = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_template(form: FormDefinition, path: Path) -> None:
    """Save the empty roster of ``form`` (with instructions) as ``path`` (.xlsx)."""
    write_roster(form, path, ())


def write_roster(form: FormDefinition, path: Path, documents: Iterable[Mapping], *,
                 note: str = "", total: int = 0, progress: Progress | None = None) -> int:
    """Save ``documents`` (data-standard JSON, ready to show) in the roster layout of ``form``.

    ``note`` is added at the top of the instructions (say, that ID numbers are masked).
    Returns the number of documents written.
    """
    layout = roster_layout(form)
    workbook, sheets = open_workbook(layout)
    _instructions(workbook.create_sheet(INSTRUCTIONS_SHEET), layout, note, DEFAULT_LIMITS)
    written = write_sheets(workbook, sheets, layout, documents, total=total, progress=progress)
    save(workbook, path)
    return written


def _instructions(sheet, layout: RosterLayout, note: str, limits: ImportLimits) -> None:
    form = layout.form
    for letter, width in zip("ABCDE", (16, 30, 22, 10, 70)):
        sheet.column_dimensions[letter].width = width
    key = layout.key_field.label
    lines = [
        f"{form.title}（问卷 {form.form_id} 第 {form.version} 版）",
        note,
        f"1. 每户（每个合作社）在“{layout.main.title}”表中占一行。",
        f"2. 家庭成员、土地、借款等多项信息填在各自的表中，每项一行，第一列填{key}，"
        f"与“{layout.main.title}”表中的一致。",
        "3. 表头第一行是中文名称（带 * 的必填），第二行是数据标准字段名；"
        "其他系统导出的表只要表头是中文名称或字段名之一即可导入。",
        "4. 有下拉箭头的列请从列表中选择；是/否 列填“是”或“否”；日期写成 2024-03-15；"
        "金额单位为元，最多两位小数。",
        "5. 身份证号码列已设为文本格式，请不要改成数字格式（否则末几位会丢失）。",
        "6. 未签署信用信息采集授权书的农户，不能填写生产经营、收入、资产和借贷信息。",
        f"7. 导入时先检查全部行；任何一行有错误时整个文件都不导入，请按错误清单改正后重新导入。"
        f"已有档案按{key}匹配并更新，不会重复建档。",
        f"8. 文件不超过 {limits.max_file_bytes // 1_000_000} MB，每表不超过 {limits.max_rows:,} 行、"
        f"{limits.max_columns} 列，每格不超过 {limits.max_cell_chars} 个字。",
    ]
    sheet.append([_cell(sheet, lines[0], _TITLE)])
    for line in lines[1:]:
        if line:
            sheet.append([_cell(sheet, line, None)])
    sheet.append([])
    sheet.append([_cell(sheet, text, _BOLD) for text in ("表", "列", "字段名", "必填", "说明")])
    for part in layout.sheets:
        for column in part.columns:
            field = column.field
            required = "是" if column.is_key or (field.required and field.relevant is None) else \
                "适用时" if field.required else ""
            sheet.append([part.title, field.label, field.name, required,
                          _cell(sheet, help_note(field, key=column.is_key).replace("\n", " "), None)])


def _cell(sheet, text: str, font: Font | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, text)
    if font is not None:
        cell.font = font
    cell.alignment = Alignment(vertical="top")
    return cell
