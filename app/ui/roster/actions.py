"""文件 menu actions: download the import template, export the selected division's roster."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QWidget

from app.services.roster import make_template
from app.services.roster_export import export_roster
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task


def _xlsx(name: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _save_name(window: QWidget, title: str, default: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        window, title, default, QCoreApplication.translate("RosterActions", "Excel 工作簿 (*.xlsx)"))
    return _xlsx(name) if name else None


def download_template(window: QMainWindow) -> None:
    """Ask which questionnaire and where, then save its blank template."""
    items = [QCoreApplication.translate("RosterActions", "农户"),
             QCoreApplication.translate("RosterActions", "合作社")]
    choice, ok = QInputDialog.getItem(
        window, QCoreApplication.translate("RosterActions", "下载导入模板"),
        QCoreApplication.translate("RosterActions", "问卷："), items, 0, False)
    if not ok:
        return
    household = choice == items[0]
    default = (QCoreApplication.translate("RosterActions", "农户导入模板.xlsx") if household
               else QCoreApplication.translate("RosterActions", "合作社导入模板.xlsx"))
    path = _save_name(window, QCoreApplication.translate("RosterActions", "保存导入模板"), default)
    if path is None:
        return
    done = QCoreApplication.translate("RosterActions", "导入模板已保存：{path}").format(path=path)
    run_task(make_template, "household" if household else "cooperative", path, owner=window,
             on_done=lambda _none: _say(window, done), on_error=lambda error: _fail(window, error))


def export_division(window: QMainWindow, ws, division: str | None, record_type: str) -> None:
    """Save the roster of ``division`` (all when ``None``); ID numbers and phones masked."""
    default = (QCoreApplication.translate("RosterActions", "农户花名册.xlsx") if record_type == "household"
               else QCoreApplication.translate("RosterActions", "合作社花名册.xlsx"))
    path = _save_name(window, QCoreApplication.translate("RosterActions", "导出花名册"), default)
    if path is None:
        return
    _say(window, QCoreApplication.translate("RosterActions", "正在导出…"))
    done = QCoreApplication.translate("RosterActions", "已导出 {count} 条（身份证号码和电话已遮蔽）：{path}")
    run_task(partial(export_roster, ws, path, record_type=record_type, division=division or None),
             owner=window, on_error=lambda error: _fail(window, error),
             on_done=lambda count: _say(window, done.format(count=count, path=path)))


def _say(window: QMainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 15_000)


def _fail(window: QWidget, error: Exception) -> None:
    QMessageBox.warning(window, QCoreApplication.translate("RosterActions", "出错了"), problem_text(error))
