"""The other printed documents from the store: a village's 公示名单 and a subject's 信用评定表.

The notice list shows the village's households whose latest rating is (or is about to be) in
its public notice as a credit household, with the workflow's final score and grade; ID numbers
are masked by the renderer. The rating report shows the latest rating with every item, the
village appraisal (adjustment, reason, appraisers) and the final result.
Where to object: the Settings ``notice/objection_place``, ``notice/objection_phone`` and
``notice/objection_person``, else the village committee and "（见村务公开栏）".
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from app.documents.model import (
    Appraisal, NoticeList, NoticeRow, ObjectionContact, RatingReport, ReportItem, SubjectIdentity,
)
from app.documents.notice_list import render_notice_list
from app.documents.rating_report import render_rating_report
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.rating.result import RatingResult
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.services.certificates_data import division_names
from app.services.workflow_state import Stage
from app.services.workflow import village_overview
from app.services.workflow_store import latest_of_subject, state_of, steps_of
from app.store.models import Cooperative, Household, Rating, Setting

_IN_NOTICE = {Stage.NOTICE_PENDING, Stage.IN_NOTICE, Stage.OBJECTION}
_NOTHING_IN_NOTICE = QT_TRANSLATE_NOOP("problems", "村 {village_code} 目前没有处于公示期的信用户评级，无公示名单可打印")
_NOT_RATED = QT_TRANSLATE_NOOP("problems", "{subject_id} 尚未评级，没有评定表可打印")


def _refuse(code: str, template: str, **params: object) -> DomainError:
    return DomainError(Problem(field="document", code=code, template=template, params=params))


def notice_list_data(ws: Workspace, village_code: str, today: date) -> NoticeList:
    """The notice list of ``village_code`` as it stands on ``today``."""
    ws.require(Permission.PRINT, "division", village_code)
    overview = [row for row in village_overview(ws, village_code, today)
                if row.subject_type == "household" and row.credit_household and row.stage in _IN_NOTICE]
    with ws.db.session() as session:
        rows = []
        for item in overview:
            household = session.get(Household, item.subject_id)
            rows.append(NoticeRow(household.head_name, household.head_id_number, household.group_name,
                                  item.final_grade or "", item.final_score))
        if not rows:
            raise _refuse("notice.empty", _NOTHING_IN_NOTICE, village_code=village_code)
        village, township, _county = division_names(session, village_code)
        contact = ObjectionContact(_setting(session, "notice/objection_place", f"{village}村民委员会"),
                                   _setting(session, "notice/objection_phone", "（见村务公开栏）"),
                                   _setting(session, "notice/objection_person", ""))
    return NoticeList(village, township, f"{township}{village}村民委员会",
                      min(r.notice_start for r in overview), max(r.notice_last_day for r in overview), contact,
                      tuple(rows), today)


def _setting(session, key: str, default: str) -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def notice_list_pdf(ws: Workspace, village_code: str, today: date, out: Path | BinaryIO) -> int:
    """Write the village's notice list PDF; returns the page count."""
    return render_notice_list(notice_list_data(ws, village_code, today), out)


def rating_report_data(ws: Workspace, subject_id: str) -> RatingReport:
    """The rating report of ``subject_id``'s latest rating, with its appraisal and final result."""
    ws.require(Permission.PRINT, "rating", subject_id)
    with ws.db.session() as session:
        head = latest_of_subject(session, subject_id)
        if head is None:
            raise _refuse("report.not_rated", _NOT_RATED, subject_id=subject_id)
        steps = steps_of(session, [head.id]).get(head.id, [])
        state = state_of(head, steps)
        result = RatingResult.from_json(session.get(Rating, head.id).result)
        subject = _identity(session, head.subject_type, subject_id)
    appraised = [step for step in steps if step.step == "appraised"]
    appraisal = None
    if appraised:
        last = appraised[-1]
        appraisal = Appraisal(Decimal(last.adjustment or "0"), last.reason,
                              tuple(name for name in last.appraisers.split("、") if name))
    items = tuple(ReportItem(i.indicator, i.kind, i.name, i.points, i.max, i.reason)
                  for i in result.items)
    base_score = result.score - result.adjustment  # the computed score, before any appraisal
    return RatingReport(subject, result.scheme_id, result.scheme_version, result.rated_on, base_score,
                        result.base, result.bonus, result.penalty, result.grade or "", items,
                        state.score, state.grade or "",
                        state.credit_line if state.credit_line is not None else result.credit_line,
                        vetoes=result.vetoes, appraisal=appraisal)


def rating_report_pdf(ws: Workspace, subject_id: str, out: Path | BinaryIO) -> int:
    """Write the subject's rating report PDF; returns the page count."""
    return render_rating_report(rating_report_data(ws, subject_id), out)


def _identity(session, subject_type: str, subject_id: str) -> SubjectIdentity:
    if subject_type == "cooperative":
        coop = session.get(Cooperative, subject_id)
        village, township, county = division_names(session, coop.village_code)
        return SubjectIdentity("cooperative", coop.name, coop.uscc, village, township, county)
    household = session.get(Household, subject_id)
    village, township, county = division_names(session, household.village_code)
    return SubjectIdentity("household", household.head_name, household.head_id_number, village, township,
                           county, household.group_name)
