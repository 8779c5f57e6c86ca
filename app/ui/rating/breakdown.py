"""The rating breakdown of a household or cooperative: its latest rating, every point explained.

Shows score, base, bonus, penalty, grade, vetoes and credit line of the chosen stored rating
(newest first), and one row per indicator with its points and the engine's Chinese reason.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QTableView, QVBoxLayout, QWidget)

from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text
from app.ui.rating.breakdown_model import IndicatorTableModel, StoredRating, load_ratings, scheme_title
from app.ui.workers import run_task

_FIELDS = ("score", "grade", "base", "credit", "bonus", "credit_line", "penalty", "vetoes", "complete", "scheme")


class RatingBreakdownDialog(QDialog):
    """Opened for one subject id; loads its ratings on a worker thread."""

    sig_loaded = Signal(int)  # number of stored ratings shown

    def __init__(self, ws: Workspace, subject_id: str, title: str = "", parent=None):
        super().__init__(parent)
        self.ws, self.subject_id = ws, subject_id
        self.ratings: list[StoredRating] = []
        self.setWindowTitle(self.tr("评级明细") + (f" — {title}" if title else ""))
        self.resize(900, 640)
        self.status = QLabel(self.tr("正在读取评级…"))
        self.history = QComboBox()
        self.history.currentIndexChanged.connect(self.on_rating_chosen)
        self.values = {name: QLabel() for name in _FIELDS}
        self.model = IndicatorTableModel(self)
        self.table = self._make_table()
        self._lay_out()
        run_task(load_ratings, ws, subject_id, on_done=self.on_loaded, on_error=self.on_failed, owner=self)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column, width in enumerate((60, 230, 120)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("评级记录：")))
        top.addWidget(self.history, 1)
        labels = {"score": self.tr("总分"), "grade": self.tr("等级"), "base": self.tr("基础分"),
                  "credit": self.tr("信用户"), "bonus": self.tr("加分"), "credit_line": self.tr("建议授信额度"),
                  "penalty": self.tr("扣分"), "vetoes": self.tr("一票否决"), "complete": self.tr("资料完整"),
                  "scheme": self.tr("评分方案")}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for index, name in enumerate(_FIELDS):
            row, column = divmod(index, 2)
            self.values[name].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name].setWordWrap(True)
            grid.addWidget(QLabel(labels[name] + self.tr("：")), row, column * 2)
            grid.addWidget(self.values[name], row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        summary = QWidget()
        summary.setLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    # -- handlers ------------------------------------------------------------------------
    def on_loaded(self, ratings: list[StoredRating]) -> None:
        self.ratings = ratings
        self.history.blockSignals(True)
        self.history.clear()
        for rating in ratings:
            self.history.addItem(self.tr("{date}　{scheme}　评分人 {user}").format(
                date=rating.rated_on.isoformat(), scheme=scheme_title(rating.scheme_ref), user=rating.rated_by))
        self.history.blockSignals(False)
        self.history.setEnabled(len(ratings) > 1)
        if ratings:
            self.on_rating_chosen(0)
        else:
            self._set_status(self.tr("尚未评级：请先在“评定”菜单中批量评级。"))
        self.sig_loaded.emit(len(ratings))

    def on_failed(self, error: Exception) -> None:
        self._set_status(self.tr("无法读取评级：{error}").format(error=problem_text(error)))
        self.sig_loaded.emit(0)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))  # an empty line would only push the figures down

    def on_rating_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.ratings):
            return
        result = self.ratings[index].result
        self._show_summary(result, self.ratings[index].scheme_ref)
        self.model.set_items(result.get("items", []))
        self.table.resizeRowsToContents()

    def _show_summary(self, result: dict, scheme_ref: str) -> None:
        yes, no = self.tr("是"), self.tr("否")
        not_rated = result.get("grade") is None
        self._set_status(self.tr("未签署信用信息采集授权书：不予评级。") if not_rated else "")
        missing = result.get("missing") or []
        texts = {
            "score": result.get("score", ""), "grade": result.get("grade") or self.tr("未评级"),
            "base": result.get("base", ""), "credit": yes if result.get("credit_household") else no,
            "bonus": result.get("bonus", ""), "penalty": result.get("penalty", ""),
            "credit_line": self.tr("{amount} 元").format(amount=result.get("credit_line", "0.00")),
            "vetoes": "、".join(result.get("vetoes") or []) or self.tr("无"),
            "complete": yes if result.get("complete") else self.tr("否，缺少：{fields}").format(fields="、".join(missing)),
            "scheme": scheme_title(scheme_ref),
        }
        for name, text in texts.items():
            self.values[name].setText(str(text))
        grade = self.values["grade"]
        grade.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.values["score"].setStyleSheet("font-weight: bold; font-size: 15px;")
