"""Template -> filled with demo households -> import -> the stored records equal the originals."""
from __future__ import annotations

from sqlalchemy import func, select

from app.services.roster import import_roster
from app.store.models import AuditEntry, Household, OutboxEntry
from app.survey.definition import load_form
from app.survey.validate import normalize_record
from tests.roster.roster_helpers import TODAY, demo_households, fill_template, setup_store, unlock

ECONOMIC_AND_IDENTITY = {"basic", "consent", "members", "business", "land", "finance", "debts",
                         "collection"}


def _stored(ws) -> dict[str, dict]:
    with ws.db.session() as session:
        return {row.head_id_number: {k: v for k, v in row.data.items() if k != "id"}
                for row in session.scalars(select(Household))}


def _expected(documents) -> dict[str, dict]:
    form = load_form("household")
    out = {}
    for document in documents:
        normal = normalize_record(document, form, today=TODAY)
        normal.pop("id")
        out[normal["head_id_number"]] = normal
    return out


def test_loan_then_township_import_store_exactly_the_demo_households(data_dir, tmp_path):
    villages = setup_store(data_dir)
    documents = demo_households(villages, 40)
    economic = fill_template(tmp_path / "loan.xlsx", documents, sections=ECONOMIC_AND_IDENTITY)
    social = fill_template(tmp_path / "town.xlsx", documents, sections={"social"})
    loan = unlock(data_dir, "loan")
    preview, summary = import_roster(loan, economic, today=TODAY)
    assert preview.errors == [], [p.line() for p in preview.errors[:5]]
    assert (summary.stored, summary.created, summary.updated) == (True, 40, 0)
    loan.close()
    town = unlock(data_dir, "town")
    preview, summary = import_roster(town, social, today=TODAY)
    assert preview.errors == [], [p.line() for p in preview.errors[:5]]
    assert (summary.created, summary.updated) == (0, 40)
    assert _stored(town) == _expected(documents)
    with town.db.session() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "roster_imported")))
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
    assert [(e.details["file"], e.details["created"], e.details["updated"]) for e in entries] == \
        [("loan.xlsx", 40, 0), ("town.xlsx", 0, 40)]
    assert queued >= 40
    town.close()


def test_importing_the_same_file_twice_updates_and_never_duplicates(data_dir, tmp_path):
    villages = setup_store(data_dir)
    documents = [d for d in demo_households(villages, 12) if not d["consent"]["signed"]] or \
        demo_households(villages, 12)
    path = fill_template(tmp_path / "loan.xlsx", documents, sections=ECONOMIC_AND_IDENTITY)
    loan = unlock(data_dir, "loan")
    first = import_roster(loan, path, today=TODAY)[1]
    second = import_roster(loan, path, today=TODAY)[1]
    with loan.db.session() as session:
        count = session.scalar(select(func.count()).select_from(Household))
    loan.close()
    assert (first.created, second.created, second.updated) == (len(documents), 0, len(documents))
    assert count == len(documents)


def test_a_full_export_imports_back_without_changing_a_single_record(data_dir, tmp_path):
    from app.services.roster_export import export_roster

    villages = setup_store(data_dir)
    documents = demo_households(villages, 25, seed=13)
    loan = unlock(data_dir, "loan")
    import_roster(loan, fill_template(tmp_path / "a.xlsx", documents, sections=ECONOMIC_AND_IDENTITY),
                  today=TODAY)
    loan.close()
    town = unlock(data_dir, "town")
    import_roster(town, fill_template(tmp_path / "b.xlsx", documents, sections={"social"}), today=TODAY)
    before = _stored(town)
    town.close()
    supervisor = unlock(data_dir, "super")
    export_roster(supervisor, tmp_path / "full.xlsx", full_ids=True)
    supervisor.close()
    loan = unlock(data_dir, "loan")
    preview, summary = import_roster(loan, tmp_path / "full.xlsx", today=TODAY)
    assert preview.errors == [], [p.line() for p in preview.errors[:5]]
    assert summary.updated == 25 and summary.created == 0
    assert _stored(loan) == before == _expected(documents)
    loan.close()


def test_cooperatives_round_trip_keyed_by_their_credit_code(data_dir, tmp_path):
    from app.services.demo_data import DemoGenerator
    from app.store.models import Cooperative

    villages = setup_store(data_dir)
    generator = DemoGenerator(17, TODAY)
    documents = [generator.cooperative(villages[i], []) for i in range(5)]
    documents[0]["penalties"] = [{"kind": "admin_penalty", "date": "2025-05-01", "source": "县市场监管局"}]
    for user, kinds in (("loan", {"identity", "economic"}), ("town", {"social"})):
        path = fill_template(tmp_path / f"{user}.xlsx", documents, form_id="cooperative",
                             sensitivities=kinds, key="uscc")
        ws = unlock(data_dir, user)
        preview, summary = import_roster(ws, path, today=TODAY)
        assert preview.errors == [], [p.line() for p in preview.errors[:5]]
        ws.close()
    form = load_form("cooperative")
    expected = {}
    for document in documents:
        normal = normalize_record(document, form, today=TODAY)
        normal.pop("id")
        expected[normal["uscc"]] = normal
    ws = unlock(data_dir, "town")
    with ws.db.session() as session:
        stored = {row.uscc: {k: v for k, v in row.data.items() if k != "id"}
                  for row in session.scalars(select(Cooperative))}
    ws.close()
    assert stored == expected
