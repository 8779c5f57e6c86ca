"""The rating workflow, step by step: appraisal, notice, objections, confirmation, expiry."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from app.rating.scheme import find_scheme
from app.security.roles import PermissionDenied
from app.services import workflow as wf
from app.services.ratings import rate_household
from app.store.models import AuditEntry, WorkflowStep
from test_workflow_city import RATED_ON, build_city

D = Decimal
APPRAISED_ON, NOTICE_START = date(2026, 10, 5), date(2026, 10, 10)
NOTICE_LAST = NOTICE_START + timedelta(days=6)  # the default scheme's notice: 7 days
AFTER_NOTICE = NOTICE_LAST + timedelta(days=1)
SCHEME = find_scheme("household-default", 1)


@pytest.fixture
def city(data_dir):
    return build_city(data_dir)


@pytest.fixture
def township(city):
    ws = city.login("township")
    yield ws
    ws.close()


@pytest.fixture
def supervisor(city):
    ws = city.login("supervisor")
    yield ws
    ws.close()


def rating_of(ws, household_id):
    return wf.latest_rating_id(ws, household_id)


def row_of(ws, village, household_id, today):
    return next(r for r in wf.village_overview(ws, village, today) if r.subject_id == household_id)


def noticed(city, township):
    """The village appraised (no adjustment) and its notice started."""
    wf.appraise_village(township, city.village, "评议小组一致同意初评结果", ["王村长", "李会计"], APPRAISED_ON)
    wf.start_notice(township, city.village, NOTICE_START)


def counts(ws):
    with ws.db.session() as session:
        return (session.scalar(select(func.count()).select_from(WorkflowStep)),
                session.scalar(select(func.count()).select_from(AuditEntry)))


def test_a_fresh_rating_is_computed_and_nothing_is_confirmed(city, township):
    rows = wf.village_overview(township, city.village, RATED_ON)
    assert {r.subject_id for r in rows} == {*city.households, city.unconsented}
    assert {r.stage for r in rows if r.subject_id != city.unconsented} == {wf.Stage.COMPUTED}
    assert row_of(township, city.village, city.unconsented, RATED_ON).stage is wf.Stage.NOT_RATED
    assert wf.confirmed_ratings(township, city.village, RATED_ON) == []
    assert wf.confirmed_rating(township, city.households[0], RATED_ON) is None


@pytest.mark.parametrize("points", [D("5"), D("-5"), D("2.5"), D("0"), "-1.25", 3])
def test_appraisal_moves_the_score_within_the_bound_and_regrades_by_the_scheme(city, township, points):
    household = city.households[0]
    before = row_of(township, city.village, household, RATED_ON)
    wf.appraise(township, rating_of(township, household), points, "按村民评议意见调整", "王村长、李会计", APPRAISED_ON)
    after = row_of(township, city.village, household, APPRAISED_ON)
    expected = min(max(before.computed_score + D(points), D(0)), D(100))
    assert (after.stage, after.adjustment, after.final_score) == (wf.Stage.APPRAISED, D(points), expected)
    if before.final_grade != SCHEME.veto_grade:
        assert after.final_grade == SCHEME.grade_for(expected)
        assert after.credit_household == (after.final_grade in SCHEME.credit_grades)


def test_a_second_appraisal_before_the_notice_replaces_the_first(city, township):
    household = city.households[1]
    rating = rating_of(township, household)
    computed = row_of(township, city.village, household, RATED_ON).computed_score
    wf.appraise(township, rating, D(-3), "理由一", ["甲"], APPRAISED_ON)
    wf.appraise(township, rating, D(2), "理由二", ["乙"], APPRAISED_ON)
    assert row_of(township, city.village, household, APPRAISED_ON).final_score == min(computed + 2, D(100))


def refusal(city, township, supervisor, case):
    """Run the refused action of ``case`` against a village in notice with one open objection."""
    first, second = city.households[0], city.households[1]
    actions = {
        "appraise_in_notice": lambda: wf.appraise(township, rating_of(township, second), D(1), "理由", ["甲"],
                                                  NOTICE_START),
        "notice_twice": lambda: wf.start_notice(township, city.village, NOTICE_START),
        "object_after_notice": lambda: wf.record_objection(township, rating_of(township, second), "不服",
                                                           AFTER_NOTICE),
        "confirm_in_notice": lambda: wf.confirm(supervisor, rating_of(supervisor, second), NOTICE_LAST),
        "confirm_open_objection": lambda: wf.confirm(supervisor, rating_of(supervisor, first), AFTER_NOTICE),
        "village_open_objection": lambda: wf.confirm_village(supervisor, city.village, AFTER_NOTICE),
        "upheld_without_score": lambda: wf.decide_objection(supervisor, objection_of(city, township), True, "复核属实",
                                                            AFTER_NOTICE),
        "no_answer": lambda: wf.decide_objection(supervisor, objection_of(city, township), False, " ", AFTER_NOTICE),
        "unrated": lambda: wf.appraise(township, rating_of(township, city.unconsented), D(0), "理由", ["甲"],
                                       APPRAISED_ON),
    }
    return actions[case]


def objection_of(city, ws):
    row = row_of(ws, city.village, city.households[0], NOTICE_START)
    return row.objections[0].id


@pytest.mark.parametrize(("case", "words"), [
    ("appraise_in_notice", "公示中"), ("notice_twice", "没有已评议"),
    ("object_after_notice", "不在公示期内"), ("confirm_in_notice", "才结束"), ("confirm_open_objection", "异议未处理"),
    ("village_open_objection", "异议未处理"), ("upheld_without_score", "调整分"), ("no_answer", "答复"),
    ("unrated", "授权书"),
])
def test_a_step_out_of_order_or_out_of_bounds_is_refused_in_chinese_and_writes_nothing(
        city, township, supervisor, case, words):
    noticed(city, township)
    wf.record_objection(township, rating_of(township, city.households[0]), "家庭收入登记有误", NOTICE_START)
    before = counts(township)
    with pytest.raises(wf.WorkflowError, match=words):
        refusal(city, township, supervisor, case)()
    assert counts(township) == before


@pytest.mark.parametrize(("points", "reason", "appraisers", "words"), [
    (D("5.01"), "理由", ["甲"], "超出方案允许的 ±5 分"), (D("-6"), "理由", ["甲"], "±5"),
    ("五分", "理由", ["甲"], "五分"), (D("0.001"), "理由", ["甲"], "两位小数"), (2.5, "理由", ["甲"], "两位小数"),
    (D(1), "  ", ["甲"], "评议理由"), (D(1), "理由", [" ", ""], "评议小组成员"), (D(1), "理由", "", "评议小组成员"),
])
def test_an_appraisal_out_of_bounds_or_without_reason_or_names_is_refused(city, township, points, reason,
                                                                          appraisers, words):
    with pytest.raises(wf.WorkflowError, match=words):
        wf.appraise(township, rating_of(township, city.households[0]), points, reason, appraisers, APPRAISED_ON)
    assert counts(township)[0] == 0


@pytest.mark.parametrize(("user", "action"), [
    ("loan", lambda c, ws: wf.appraise(ws, rating_of(ws, c.households[0]), D(0), "理由", ["甲"], APPRAISED_ON)),
    ("supervisor", lambda c, ws: wf.start_notice(ws, c.village, NOTICE_START)),
    ("township", lambda c, ws: wf.confirm_village(ws, c.village, AFTER_NOTICE)),
    ("viewer", lambda c, ws: wf.record_objection(ws, rating_of(ws, c.households[0]), "不服", NOTICE_START)),
])
def test_each_step_is_refused_to_roles_without_its_permission(city, user, action):
    ws = city.login(user)
    try:
        with pytest.raises(PermissionDenied):
            action(city, ws)
        assert counts(ws)[0] == 0
    finally:
        ws.close()


def test_the_notice_waits_until_every_rating_of_the_village_is_appraised(city, township):
    wf.appraise(township, rating_of(township, city.households[0]), D(1), "理由", ["甲"], APPRAISED_ON)
    with pytest.raises(wf.WorkflowError, match=f"还有 {len(city.households) - 1} 户只完成初评"):
        wf.start_notice(township, city.village, NOTICE_START)


def test_the_notice_lasts_the_schemes_notice_length(city, township):
    noticed(city, township)
    stage_on = {day: row_of(township, city.village, city.households[2], day).stage
                for day in (NOTICE_START - timedelta(days=1), NOTICE_START, NOTICE_LAST, AFTER_NOTICE)}
    assert list(stage_on.values()) == [wf.Stage.NOTICE_PENDING, wf.Stage.IN_NOTICE, wf.Stage.IN_NOTICE,
                                       wf.Stage.NOTICE_ENDED]
    assert row_of(township, city.village, city.households[2], NOTICE_START).notice_last_day == NOTICE_LAST


def test_an_objection_is_marked_tracked_against_its_twenty_day_deadline_and_answered(city, township, supervisor):
    noticed(city, township)
    received = NOTICE_START + timedelta(days=2)
    step = wf.record_objection(township, rating_of(township, city.households[0]), "家庭收入登记有误", received)
    row = row_of(township, city.village, city.households[0], received)
    assert (row.stage, row.open_objections, row.next_answer_due) == (wf.Stage.OBJECTION, 1, received + timedelta(20))
    assert not row.overdue(received + timedelta(20)) and row.overdue(received + timedelta(21))
    wf.decide_objection(supervisor, step.id, False, "经复核，收入登记无误，维持原评级", received + timedelta(5))
    row = row_of(township, city.village, city.households[0], AFTER_NOTICE)
    assert (row.stage, row.open_objections, row.objections[0].decision) == (wf.Stage.NOTICE_ENDED, 0, "rejected")
    assert row.objections[0].answer == "经复核，收入登记无误，维持原评级"


def test_the_whole_cycle_ends_in_confirmed_ratings_that_expire(city, township, supervisor):
    noticed(city, township)
    first = city.households[0]
    objection = wf.record_objection(township, rating_of(township, first), "评分偏低", NOTICE_START)
    computed = row_of(township, city.village, first, RATED_ON).computed_score
    wf.decide_objection(supervisor, objection.id, True, "复核属实，上调 4 分", AFTER_NOTICE, D(4))
    assert wf.confirm_village(supervisor, city.village, AFTER_NOTICE) == len(city.households)
    confirmed = {c.subject_id: c for c in wf.confirmed_ratings(township, city.village, AFTER_NOTICE)}
    assert set(confirmed) == set(city.households)
    mine = confirmed[first]
    assert mine.final_score == min(computed + 4, D(100)) and mine.confirmed_by == "supervisor"
    assert (mine.confirmed_on, mine.valid_until) == (AFTER_NOTICE, SCHEME.valid_until(AFTER_NOTICE))
    assert mine.rating.subject_id == first and mine.rating.result["scheme_id"] == "household-default"
    assert wf.confirmed_rating(township, first, mine.valid_until) == mine
    assert wf.confirmed_rating(township, first, mine.valid_until + timedelta(1)) is None
    assert wf.stage(township, mine.rating.id, mine.valid_until + timedelta(1)) is wf.Stage.EXPIRED


def test_a_single_rating_is_confirmed_once_its_notice_ended(city, township, supervisor):
    noticed(city, township)
    confirmed = wf.confirm(supervisor, rating_of(supervisor, city.households[3]), AFTER_NOTICE)
    assert (confirmed.subject_id, confirmed.confirmed_on) == (city.households[3], AFTER_NOTICE)
    with pytest.raises(wf.WorkflowError, match="已确认"):
        wf.confirm(supervisor, rating_of(supervisor, city.households[3]), AFTER_NOTICE)


def test_a_newer_rating_supersedes_an_older_confirmation(city, township, supervisor):
    noticed(city, township)
    wf.confirm_village(supervisor, city.village, AFTER_NOTICE)
    old = rating_of(township, city.households[0])
    loan = city.login("loan")
    try:
        rate_household(loan, city.households[0], AFTER_NOTICE + timedelta(days=3))
    finally:
        loan.close()
    today = AFTER_NOTICE + timedelta(days=3)
    assert wf.confirmed_rating(township, city.households[0], today) is None
    assert city.households[0] not in {c.subject_id for c in wf.confirmed_ratings(township, city.village, today)}
    assert wf.stage(township, old, today) is wf.Stage.SUPERSEDED
    with pytest.raises(wf.WorkflowError, match="取代"):
        wf.appraise(township, old, D(0), "理由", ["甲"], today)


def test_every_step_is_on_the_audit_trail_without_personal_data(city, township, supervisor):
    noticed(city, township)
    step = wf.record_objection(township, rating_of(township, city.households[0]), "户主张三不服", NOTICE_START)
    wf.decide_objection(supervisor, step.id, False, "维持", AFTER_NOTICE)
    wf.confirm_village(supervisor, city.village, AFTER_NOTICE)
    with township.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("workflow_%"))).all()
        actions = [e.action for e in entries]
    assert actions == ["workflow_appraised_village", "workflow_notice_started", "workflow_objection_recorded",
                       "workflow_objection_decided", "workflow_confirmed_village"]
    assert not any("张三" in str(e.details) or "王村长" in str(e.details) for e in entries)


def test_stored_steps_cannot_be_changed_or_deleted(city, township):
    noticed(city, township)
    with pytest.raises(Exception, match="insert-only"):
        with township.db.session() as session:
            session.execute(text("UPDATE workflow_steps SET score = '100.00'"))
    with pytest.raises(Exception, match="insert-only"):
        with township.db.session() as session:
            session.execute(text("DELETE FROM workflow_steps"))


def test_a_households_file_shows_its_open_objection(city, township):
    noticed(city, township)
    assert wf.subject_overview(township, city.households[0], NOTICE_START).open_objections == 0
    wf.record_objection(township, rating_of(township, city.households[0]), "不服", NOTICE_START)
    mark = wf.subject_overview(township, city.households[0], NOTICE_START)
    assert (mark.stage, mark.open_objections) == (wf.Stage.OBJECTION, 1)
    assert wf.subject_overview(township, "never-rated", NOTICE_START) is None
