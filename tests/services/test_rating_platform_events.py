"""Platform blacklist entries and conduct events, pulled by sync, feed the next stored rating."""
from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.rating.engine import rate
from app.rating.scheme import find_scheme
from app.services.ratings import rate_all, rate_cooperative, rate_household, rerun
from app.store.models import Cooperative, Household, Rating
from sync.engine.apply import apply_change
from sync.protocol import Change
from tests.conftest import DEMO_TODAY, demo_city, login, writable_copy

HOUSEHOLD_SCHEME = find_scheme("household-default")
COOPERATIVE_SCHEME = find_scheme("cooperative-default")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "events-demo", 300, seed=5)


@pytest.fixture
def loan(demo_template: Path, tmp_path: Path):
    folder = writable_copy(demo_template, tmp_path)
    workspace = login(folder, "loan")
    yield workspace
    workspace.close()


def _pull(ws, record_type: str, document: dict[str, Any], seq: int = 1) -> None:
    """Store a platform record the way a pull does (sync.engine.apply)."""
    change = Change(seq=seq, record_type=record_type, record_id=uuid.uuid4(), op="upsert", revision=1,
                    document=document)
    with ws.db.session() as session:
        apply_change(session, "sync", change)


def _blacklist(number: str, field: str = "id_number", kind: str = "dishonest_debtor") -> dict[str, Any]:
    return {field: number, "kind": kind, "case_number": "（2026）粤5102执1号",
            "court_or_agency": "潮州市湘桥区人民法院", "listed_on": "2026-03-02"}


def _honour(number: str) -> dict[str, Any]:
    return {"subject_id_number": number, "kind": "honour", "level": "county_or_above",
            "date": "2026-05-01", "source": "县文明办"}


def _computed(subject: Household | Cooperative, scheme) -> dict[str, Any]:
    return rate({**subject.data, "id": subject.id}, scheme, DEMO_TODAY).to_json()


def _credit_household(ws) -> Household:
    """A consented credit household without vetoes whose honour bonus has room for 3 points."""
    with ws.db.session() as session:
        for household in session.scalars(select(Household).where(Household.deleted.is_(False))):
            result = _computed(household, HOUSEHOLD_SCHEME)
            honours = next(i for i in result["items"] if i["indicator"] == "I1")
            if (result["credit_household"] and Decimal(result["bonus"]) <= 7
                    and Decimal(honours["points"]) <= 3):
                return household
    raise AssertionError("the demo city has no suitable household")


def _rated_cooperative(ws) -> Cooperative:
    with ws.db.session() as session:
        for cooperative in session.scalars(select(Cooperative).where(Cooperative.deleted.is_(False))):
            if _computed(cooperative, COOPERATIVE_SCHEME)["grade"] not in (None, "C"):
                return cooperative
    raise AssertionError("the demo city has no suitable cooperative")


def test_a_pulled_blacklist_entry_vetoes_the_next_household_rating_to_grade_c(loan):
    household = _credit_household(loan)
    before = rate_household(loan, household.id, DEMO_TODAY)
    _pull(loan, "blacklist_entry", _blacklist(household.data["head_id_number"]))
    after = rate_household(loan, household.id, DEMO_TODAY)
    assert before.grade != "C" and after.grade == "C" and not after.credit_household
    assert "V1" in after.result["vetoes"]
    assert after.inputs["events"][0]["record_type"] == "blacklist_entry"
    assert rerun(after) == after.result


def test_a_pulled_honour_adds_its_bonus_to_the_next_household_rating(loan):
    household = _credit_household(loan)
    before = rate_household(loan, household.id, DEMO_TODAY)
    _pull(loan, "conduct_event", _honour(household.data["head_id_number"]))
    after = rate_household(loan, household.id, DEMO_TODAY)
    assert Decimal(after.result["bonus"]) == Decimal(before.result["bonus"]) + 3
    assert rerun(after) == after.result


def test_a_blacklist_entry_in_another_persons_name_changes_nothing(loan):
    household = _credit_household(loan)
    before = rate_household(loan, household.id, DEMO_TODAY)
    _pull(loan, "blacklist_entry", _blacklist("11010519491231002X"))
    after = rate_household(loan, household.id, DEMO_TODAY)
    assert after.inputs["events"] == [] and after.result["grade"] == before.result["grade"]


def test_a_pulled_blacklist_entry_on_a_credit_code_vetoes_the_cooperative(loan):
    cooperative = _rated_cooperative(loan)
    _pull(loan, "blacklist_entry", _blacklist(cooperative.data["uscc"], field="uscc"))
    rating = rate_cooperative(loan, cooperative.id, DEMO_TODAY)
    assert rating.grade == "C" and rating.result["vetoes"]
    assert rerun(rating) == rating.result


def test_rating_a_whole_city_gives_each_subject_its_own_pulled_events_and_reruns_them(loan):
    household = _credit_household(loan)
    cooperative = _rated_cooperative(loan)
    _pull(loan, "blacklist_entry", _blacklist(household.data["head_id_number"]), seq=1)
    _pull(loan, "blacklist_entry", _blacklist(cooperative.data["uscc"], field="uscc"), seq=2)
    rate_all(loan, None, DEMO_TODAY)
    with loan.db.session() as session:
        stored = list(session.scalars(select(Rating).where(Rating.rated_on == DEMO_TODAY)))
    with_events = {r.subject_id: r for r in stored if r.inputs["events"]}
    assert set(with_events) == {household.id, cooperative.id}
    assert {r.grade for r in with_events.values()} == {"C"}
    assert all(rerun(rating) == rating.result for rating in stored)
