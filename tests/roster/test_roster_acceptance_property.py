"""Acceptance property: random valid households round-trip form → store → export → import unchanged.

Each example saves new demo households (random seed) the way the editor does: the loan
officer the identity and economic parts, the township officer the conduct part. A supervisor
exports every household with full ID numbers; the loan officer imports that file. Every row
updates its record, none is created, and the stored documents are exactly what they were;
importing the same file again changes nothing either.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from app.services import records
from app.services.roster import import_roster
from app.services.roster_export import export_roster
from app.store.models import Household
from tests.roster.roster_helpers import TODAY, demo_households, setup_store, unlock

SOCIAL = {"agri_insurance", "pension_insured", "honours", "volunteer_times_year", "fee_arrears_months",
          "penalties", "dishonest_debtor", "debt_evasion_5y", "criminal_record_5y", "false_information"}
_STORE: dict[str, object] = {}


def _store(tmp_path_factory):
    """One store for all examples (setting one up costs seconds); it grows example by example."""
    if "dir" not in _STORE:
        folder = tmp_path_factory.mktemp("acceptance") / "data"
        _STORE["villages"], _STORE["dir"] = setup_store(folder), folder
    return _STORE["dir"], _STORE["villages"]


def _documents(ws) -> dict[str, dict]:
    with ws.db.session() as session:
        return {row.id: row.data for row in session.scalars(select(Household))}


def _save_as_the_editor_does(data_dir, documents: list[dict]) -> None:
    loan = unlock(data_dir, "loan")
    saved = records.save_many(loan, [{k: v for k, v in d.items() if k not in SOCIAL} for d in documents],
                              today=TODAY)
    stored = _documents(loan)
    loan.close()
    town = unlock(data_dir, "town")
    records.save_many(town, [{**stored[r.record_id], "id": r.record_id,
                              **{k: v for k, v in d.items() if k in SOCIAL}}
                             for r, d in zip(saved, documents)], today=TODAY)
    town.close()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), count=st.integers(1, 3))
def test_random_households_round_trip_through_export_and_import_unchanged(tmp_path_factory, seed, count):
    data_dir, villages = _store(tmp_path_factory)
    check = unlock(data_dir, "loan")
    known = {d["head_id_number"] for d in _documents(check).values()}
    check.close()
    fresh = [d for d in demo_households(villages, count, seed=seed) if d["head_id_number"] not in known]
    fresh = list({d["head_id_number"]: d for d in fresh}.values())
    _save_as_the_editor_does(data_dir, fresh)
    supervisor = unlock(data_dir, "super")
    before = _documents(supervisor)
    path = tmp_path_factory.mktemp("export") / "全部农户.xlsx"
    assert export_roster(supervisor, path, full_ids=True) == len(before)
    supervisor.close()
    loan = unlock(data_dir, "loan")
    for _attempt in range(2):  # the same file twice: updates, never duplicates
        preview, summary = import_roster(loan, path, today=TODAY)
        assert preview.errors == [], [p.line() for p in preview.errors[:3]]
        assert (summary.stored, summary.created, summary.updated) == (True, 0, len(before))
        assert _documents(loan) == before
    with loan.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == len(before)
    loan.close()
