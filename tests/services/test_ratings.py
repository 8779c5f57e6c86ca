"""Stored ratings: every household rated, history kept, every rating reproducible from its row."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.rating.batch import rate_json_document
from app.security.roles import PermissionDenied
from app.services import rating_batch, ratings
from app.services.audit import AuditFilter, find_entries
from app.services.ratings import (NOT_RATED, RatingError, inputs_hash, rate_all, rate_cooperative, rate_household,
                                  rerun)
from app.store.models import Cooperative, Division, Household, Rating
from tests.conftest import DEMO_TODAY, demo_city, login, writable_copy

HOUSEHOLDS = 300
LATER = date(2027, 11, 28)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo city of 300 households, made once; each test works on its own copy."""
    return demo_city(tmp_path_factory, "ratings-demo", HOUSEHOLDS, seed=5)


@pytest.fixture
def city(demo_template: Path, tmp_path: Path) -> Path:
    return writable_copy(demo_template, tmp_path)


@pytest.fixture
def loan(city: Path):
    workspace = login(city, "loan")
    yield workspace
    workspace.close()


def _all_ratings(ws) -> list[Rating]:
    """The ratings made by the test: the demo's own are all dated before DEMO_TODAY."""
    with ws.db.session() as session:
        return list(session.scalars(select(Rating).where(Rating.rated_on >= DEMO_TODAY)
                                    .order_by(Rating.created_at, Rating.id)))


def _household_ids(ws, **where) -> set[str]:
    with ws.db.session() as session:
        return set(session.scalars(select(Household.id).filter_by(deleted=False, **where)))


def _cooperative_ids(ws, **where) -> set[str]:
    with ws.db.session() as session:
        return set(session.scalars(select(Cooperative.id).filter_by(deleted=False, **where)))


def test_rating_the_whole_city_stores_one_rating_per_household_and_per_cooperative(loan):
    summary = rate_all(loan, None, DEMO_TODAY)
    stored = _all_ratings(loan)
    cooperatives = _cooperative_ids(loan)
    assert len(cooperatives) > 0  # the demo city has some
    assert sorted(r.subject_id for r in stored) == sorted(_household_ids(loan) | cooperatives)
    assert summary.households.rated == HOUSEHOLDS and summary.cooperatives.rated == len(cooperatives)
    assert summary.rated == HOUSEHOLDS + len(cooperatives) and not summary.failed and not summary.cancelled
    assert {r.subject_id for r in stored if r.subject_type == "cooperative"} == cooperatives
    assert {r.rated_by for r in stored} == {"loan"}
    for kind, counts in (("household", summary.households), ("cooperative", summary.cooperatives)):
        of_kind = [r for r in stored if r.subject_type == kind]
        assert counts.by_grade == {grade: sum((r.grade or NOT_RATED) == grade for r in of_kind)
                                   for grade in counts.by_grade}
        assert counts.scheme_ref == f"{kind}-default@1" and {r.scheme_id for r in of_kind} == {f"{kind}-default"}


def test_a_stored_cooperative_rating_is_the_engines_result_and_reruns_identically(loan):
    cooperative_id = sorted(_cooperative_ids(loan))[0]
    rating = rate_cooperative(loan, cooperative_id, DEMO_TODAY)
    with loan.db.session() as session:
        document = {**session.get(Cooperative, cooperative_id).data, "id": cooperative_id}
    expected = {k: v for k, v in rate_json_document(document, None, DEMO_TODAY).items() if k != "record_id"}
    assert (rating.subject_type, rating.scheme_id, rating.result) == ("cooperative", "cooperative-default", expected)
    assert rerun(rating) == rating.result
    entries = find_entries(loan.db, AuditFilter(actor="loan", action="rated"))
    assert [(e["target_type"], e["target_id"]) for e in entries] == [("cooperative", cooperative_id)]


def test_rating_only_households_leaves_the_cooperatives_alone(loan):
    summary = rate_all(loan, None, DEMO_TODAY, subject_types=("household",))
    assert {r.subject_type for r in _all_ratings(loan)} == {"household"}
    assert summary.rated == HOUSEHOLDS and summary.cooperatives.rated == 0


def test_a_stored_rating_is_the_engines_result_for_the_household_document(loan):
    rate_all(loan, None, DEMO_TODAY)
    rating = _all_ratings(loan)[0]
    with loan.db.session() as session:
        document = session.get(Household, rating.subject_id).data
    assert rating.result == {k: v for k, v in rate_json_document(document, None, DEMO_TODAY).items()
                             if k != "record_id"}
    assert (rating.score, rating.grade, rating.credit_household, rating.complete) == (
        rating.result["score"], rating.result["grade"], rating.result["credit_household"], rating.result["complete"])
    assert rating.inputs == {"record": document, "events": []}
    assert (type(rating.rated_on), type(rating.created_at), type(rating.complete)) == (date, datetime, bool)
    assert rating.inputs_hash == inputs_hash(rating.inputs) and len(rating.inputs_hash) == 64


def test_rating_again_adds_rows_and_never_overwrites_the_earlier_ones(loan):
    rate_all(loan, None, DEMO_TODAY)
    before = {r.id: (r.rated_on, r.result, r.inputs_hash) for r in _all_ratings(loan)}
    rate_all(loan, None, LATER)
    after = _all_ratings(loan)
    assert len(after) == 2 * len(before)
    assert {r.id: (r.rated_on, r.result, r.inputs_hash) for r in after if r.id in before} == before
    assert sorted(r.rated_on for r in after if r.id not in before) == [LATER] * len(before)


def test_every_stored_rating_reruns_from_its_snapshot_to_the_identical_result(loan):
    rate_all(loan, None, DEMO_TODAY)
    rate_all(loan, None, LATER)
    stored = _all_ratings(loan)
    assert len(stored) == 2 * (HOUSEHOLDS + len(_cooperative_ids(loan)))
    assert [rerun(r) for r in stored] == [r.result for r in stored]


def test_a_rerun_refuses_a_snapshot_changed_after_rating(loan):
    rating = rate_household(loan, sorted(_household_ids(loan))[0], DEMO_TODAY)
    rating.inputs = {**rating.inputs, "record": {**rating.inputs["record"], "annual_net_income": "999999.00"}}
    with pytest.raises(RatingError, match="快照"):
        rerun(rating)


def test_households_without_consent_are_stored_incomplete_and_never_credit_households(loan):
    unconsented = _household_ids(loan, consent_signed=False)
    assert unconsented  # the demo city has some (about 4%)
    summary = rate_all(loan, None, DEMO_TODAY)
    stored = [r for r in _all_ratings(loan) if r.subject_id in unconsented]
    assert len(stored) == len(unconsented) == summary.households.by_grade[NOT_RATED]
    for rating in stored:
        assert (rating.complete, rating.credit_household, rating.grade) == (False, False, None)
        assert rating.result["missing"] == ["consent"]


@pytest.mark.parametrize("call", [
    lambda ws, household_id: rate_household(ws, household_id, DEMO_TODAY),
    lambda ws, _household_id: rate_all(ws, None, DEMO_TODAY),
], ids=["one household", "whole city"])
def test_a_viewer_is_refused_rating_and_the_refusal_is_audited(city, call):
    viewer = login(city, "viewer")
    try:
        household_id = sorted(_household_ids(viewer))[0]
        with pytest.raises(PermissionDenied):
            call(viewer, household_id)
        assert _all_ratings(viewer) == []
        refusals = find_entries(viewer.db, AuditFilter(actor="viewer", action="permission_denied"))
        assert [entry["details"]["permission"] for entry in refusals] == ["rate"]
    finally:
        viewer.close()


def test_rating_one_household_stores_a_row_and_audits_it(loan):
    household_id = sorted(_household_ids(loan, consent_signed=True))[0]
    first = rate_household(loan, household_id, DEMO_TODAY)
    second = rate_household(loan, household_id, LATER)
    assert first.id != second.id and rerun(second) == second.result
    assert [r.id for r in ratings.latest_ratings(loan, household_id)] == [second.id, first.id]
    entries = find_entries(loan.db, AuditFilter(actor="loan", action="rated"))
    assert [(e["target_id"], e["details"]["rating_id"]) for e in entries] == [
        (household_id, second.id), (household_id, first.id)]


@pytest.mark.parametrize("call, message", [
    (lambda ws: rate_household(ws, "00000000-0000-4000-8000-000000000000", DEMO_TODAY), "没有农户档案"),
    (lambda ws: rate_cooperative(ws, "00000000-0000-4000-8000-000000000000", DEMO_TODAY), "没有合作社档案"),
    (lambda ws: rate_all(ws, "445199999999", DEMO_TODAY), "没有区划"),
], ids=["unknown household", "unknown cooperative", "unknown village"])
def test_rating_what_does_not_exist_is_refused_in_one_sentence(loan, call, message):
    with pytest.raises(RatingError, match=message):
        call(loan)
    assert _all_ratings(loan) == []


def test_rating_a_village_rates_only_its_households(loan):
    with loan.db.session() as session:
        village = session.scalars(select(Division.code).where(Division.level == "village")
                                  .order_by(Division.code)).first()
    summary = rate_all(loan, village, DEMO_TODAY)
    in_village = _household_ids(loan, village_code=village) | _cooperative_ids(loan, village_code=village)
    assert {r.subject_id for r in _all_ratings(loan)} == in_village and summary.rated == len(in_village) > 0


def test_a_household_whose_record_cannot_be_read_is_listed_and_the_rest_are_rated(loan):
    broken = sorted(_household_ids(loan, consent_signed=True))[0]
    with loan.db.session() as session:
        household = session.get(Household, broken)
        household.data = {**household.data, "annual_net_income": "八万五"}
    summary = rate_all(loan, None, DEMO_TODAY)
    assert [household_id for household_id, _reason in summary.failed] == [broken]
    assert "annual_net_income" in summary.failed[0][1]
    assert {r.subject_id for r in _all_ratings(loan)} == (_household_ids(loan) | _cooperative_ids(loan)) - {broken}


def test_progress_is_reported_after_every_page_and_cancel_keeps_the_pages_done(loan, monkeypatch):
    monkeypatch.setattr(rating_batch, "PAGE", 40)
    total = HOUSEHOLDS + len(_cooperative_ids(loan))
    reports: list[tuple[int, int]] = []
    summary = rate_all(loan, None, DEMO_TODAY, progress=lambda done, total: reports.append((done, total)),
                       cancel=lambda: len(reports) == 3)
    assert reports == [(40, total), (80, total), (120, total)]
    assert summary.cancelled and summary.rated == 120 == len(_all_ratings(loan))


def test_a_full_run_reports_progress_over_households_then_cooperatives_up_to_the_total(loan, monkeypatch):
    monkeypatch.setattr(rating_batch, "PAGE", 128)
    cooperatives = len(_cooperative_ids(loan))
    assert cooperatives < 128  # so the cooperatives are one page of their own
    total = HOUSEHOLDS + cooperatives
    reports: list[tuple[int, int]] = []
    rate_all(loan, None, DEMO_TODAY, progress=lambda done, total: reports.append((done, total)))
    assert reports == [(128, total), (256, total), (HOUSEHOLDS, total), (total, total)]


def test_each_page_is_audited_with_its_count_and_subject_type_in_the_same_run(loan, monkeypatch):
    monkeypatch.setattr(rating_batch, "PAGE", 128)
    rate_all(loan, None, DEMO_TODAY)
    entries = [e for e in find_entries(loan.db, AuditFilter(actor="loan", action="rated_batch"))
               if e["details"]["rated_on"] == DEMO_TODAY.isoformat()]  # not the demo's own
    assert sorted((e["details"]["subject_type"], e["details"]["ratings"]) for e in entries) == [
        ("cooperative", len(_cooperative_ids(loan))), ("household", 44), ("household", 128), ("household", 128)]
    assert len(_all_ratings(loan)) == HOUSEHOLDS + len(_cooperative_ids(loan))
