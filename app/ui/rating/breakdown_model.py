"""The stored ratings of one subject, as plain values the breakdown view shows.

Loaded on a worker thread (:func:`load_ratings`); the table model lists one rating's indicators.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.rating.scheme import SchemeError, find_scheme
from app.services.accounts import Workspace
from app.services.ratings import latest_ratings
from app.ui.table_model import RowsTableModel

HISTORY = 10  # ratings offered in the view, newest first


def scheme_title(ref: str) -> str:
    """``"household-default@1"`` as a person reads it: the scheme's title and version."""
    scheme_id, _at, version = ref.partition("@")
    try:
        title = find_scheme(scheme_id, int(version) if version.isdigit() else None).title
    except SchemeError:
        return ref  # a scheme this installation does not have: its reference is all there is
    return QCoreApplication.translate("RatingBreakdown", "{title}（第 {version} 版）").format(
        title=title, version=version or "?")


@dataclass(frozen=True)
class StoredRating:
    """One stored rating: who rated, when, and the engine's result JSON (data standard)."""

    id: str
    subject_type: str
    rated_on: date
    rated_by: str
    scheme_ref: str
    result: dict[str, Any]


def load_ratings(ws: Workspace, subject_id: str) -> list[StoredRating]:
    """The subject's latest ratings, newest first (runs on a worker thread)."""
    return [StoredRating(r.id, r.subject_type, r.rated_on, r.rated_by, f"{r.scheme_id}@{r.scheme_version}", r.result)
            for r in latest_ratings(ws, subject_id, limit=HISTORY)]


class IndicatorTableModel(RowsTableModel):
    """One row per indicator of a result: kind, indicator, points of maximum, Chinese reason."""

    right_aligned = (2,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [self.tr("类别"), self.tr("指标"), self.tr("得分"), self.tr("说明")]
        self.kinds = {"base": self.tr("基础"), "bonus": self.tr("加分"), "penalty": self.tr("扣分"),
                      "veto": self.tr("否决")}

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.rows

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.set_rows(items)

    def cell(self, item: dict[str, Any], column: int) -> str:
        if column == 0:
            return self.kinds.get(item.get("kind", ""), item.get("kind", ""))
        if column == 1:
            return f"{item.get('indicator', '')} {item.get('name', '')}".strip()
        if column == 2:
            points, most = item.get("points", ""), item.get("max")
            return f"{points} / {most}" if most and item.get("kind") == "base" else str(points)
        return str(item.get("reason", ""))
