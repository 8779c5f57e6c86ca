"""The workflow's refusals: one Chinese sentence each, translatable (context "problems")."""
from __future__ import annotations

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

NO_RATING = QT_TRANSLATE_NOOP("problems", "没有评级 {rating_id}")
NEVER_RATED = QT_TRANSLATE_NOOP("problems", "{subject_id} 还没有评级")
NO_VILLAGE = QT_TRANSLATE_NOOP("problems", "没有村 {village}")
SUPERSEDED = QT_TRANSLATE_NOOP("problems", "评级 {rating_id} 已被更新的评级取代，请对最新的评级操作")
NOT_RATED = QT_TRANSLATE_NOOP("problems", "该户未签署信息采集授权书，没有等级，不进入评议和公示")
WRONG_STAGE = QT_TRANSLATE_NOOP("problems", "评级处于“{stage}”阶段，不能{action}")
TOO_MUCH = QT_TRANSLATE_NOOP("problems", "评议调整 {points} 分超出方案允许的 ±{max} 分")
NOT_POINTS = QT_TRANSLATE_NOOP("problems", "调整分应为最多两位小数的分数，现在是“{points}”")
NO_REASON = QT_TRANSLATE_NOOP("problems", "请写明评议理由")
NO_APPRAISERS = QT_TRANSLATE_NOOP("problems", "请填写评议小组成员的姓名")
NO_CONTENT = QT_TRANSLATE_NOOP("problems", "请写明异议的内容")
NO_ANSWER = QT_TRANSLATE_NOOP("problems", "请写明给异议人的答复")
NEEDS_ADJUSTMENT = QT_TRANSLATE_NOOP("problems", "异议成立时须给出复核后的调整分")
BEFORE_RATING = QT_TRANSLATE_NOOP("problems", "日期 {on} 早于评级日 {rated_on}")
OUT_OF_NOTICE = QT_TRANSLATE_NOOP("problems", "{on} 不在公示期内（{start} 至 {last}），不能登记异议")
NO_OBJECTION = QT_TRANSLATE_NOOP("problems", "没有待处理的异议 {objection_id}")
BEFORE_OBJECTION = QT_TRANSLATE_NOOP("problems", "处理日期 {on} 早于异议受理日 {received}")
NOTHING_TO_NOTICE = QT_TRANSLATE_NOOP("problems", "村 {village} 没有已评议、待公示的评级")
UNAPPRAISED = QT_TRANSLATE_NOOP("problems", "村 {village} 还有 {count} 户只完成初评，请先评议再公示")
NOTHING_TO_APPRAISE = QT_TRANSLATE_NOOP("problems", "村 {village} 没有待评议的初评结果")
NOTICE_NOT_ENDED = QT_TRANSLATE_NOOP("problems", "公示期到 {last} 才结束，{on} 还不能确认")
OPEN_OBJECTIONS = QT_TRANSLATE_NOOP("problems", "还有 {count} 件异议未处理，不能确认")
VILLAGE_IN_NOTICE = QT_TRANSLATE_NOOP("problems", "村 {village} 还有 {count} 户在公示期内，公示结束后才能确认")
NOTHING_TO_CONFIRM = QT_TRANSLATE_NOOP("problems", "村 {village} 没有公示期满、待确认的评级")

# The action words of WRONG_STAGE. Like the stage labels (workflow_state.STAGE_LABELS) they are
# in the "workflow" context: the refusal carries them as Chinese labels for the CLI (``stage``,
# ``action``) and as codes (``stage_value``, ``action_code``); the GUI translates the labels in
# that context (app.ui.accounts.dialogs.translate_message).
LABEL_CONTEXT = "workflow"
ACTIONS = {
    "appraise": QT_TRANSLATE_NOOP("workflow", "评议"),
    "object": QT_TRANSLATE_NOOP("workflow", "登记异议"),
    "confirm": QT_TRANSLATE_NOOP("workflow", "确认"),
}


class WorkflowError(DomainError):
    """A workflow step refused (wrong order, out-of-bound adjustment, notice not ended...)."""


def refuse(code: str, template: str, **params: object) -> WorkflowError:
    return WorkflowError(Problem(field="workflow", code=f"workflow.{code}", template=template, params=params))
