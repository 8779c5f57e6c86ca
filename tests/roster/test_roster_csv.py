"""CSV rosters: UTF-8 with or without BOM and GB18030 load like a workbook; bad files refused."""
from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from app.roster.csv_read import decode
from app.roster.limits import ImportLimits, RosterFileError
from app.roster.layout import roster_layout
from app.services.roster import import_roster
from app.store.models import Household
from app.survey.definition import load_form
from tests.roster.roster_helpers import TODAY, _get, cell_text, setup_store, unlock, unsigned_households

BASIC = {"basic", "consent", "collection"}


def _csv_text(documents, *, header: str = "label") -> str:
    """The main sheet of the roster as CSV text: only the identity columns people fill."""
    form = load_form("household")
    columns = [c for c in roster_layout(form).main.columns if c.field.section in BASIC]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.field.label if header == "label" else c.field.name for c in columns])
    for document in documents:
        writer.writerow(["" if (v := cell_text(c.field, _get(document, c.name))) is None else v
                         for c in columns])
    return out.getvalue()


def _heads(ws) -> dict[str, str]:
    with ws.db.session() as session:
        return {row.head_id_number: row.data["head_name"] for row in session.scalars(select(Household))}


@pytest.mark.parametrize("encoding, header", [("utf-8-sig", "label"), ("utf-8", "name"),
                                              ("gb18030", "label")])
def test_a_csv_in_each_encoding_excel_writes_imports_then_updates(data_dir, tmp_path, encoding, header):
    villages = setup_store(data_dir)
    documents = unsigned_households(villages, 3)
    path = tmp_path / "花名册.csv"
    path.write_bytes(_csv_text(documents, header=header).encode(encoding))
    ws = unlock(data_dir, "loan")
    preview, summary = import_roster(ws, path, today=TODAY)
    assert preview.errors == [], [p.line() for p in preview.errors[:3]]
    assert (summary.stored, summary.created) == (True, 3)
    assert _heads(ws) == {d["head_id_number"]: d["head_name"] for d in documents}
    _preview, again = import_roster(ws, path, today=TODAY)
    assert (again.created, again.updated) == (0, 3)
    assert len(_heads(ws)) == 3
    ws.close()


def test_an_id_number_excel_turned_into_1_1e17_is_a_row_error_in_a_csv(data_dir, tmp_path):
    villages = setup_store(data_dir)
    text = _csv_text(unsigned_households(villages, 2))
    number = unsigned_households(villages, 2)[1]["head_id_number"]
    path = tmp_path / "r.csv"
    path.write_text(text.replace(number, "4.40522E+17"), encoding="utf-8")
    ws = unlock(data_dir, "loan")
    preview, summary = import_roster(ws, path, today=TODAY)
    ws.close()
    assert [p.problem.code for p in preview.errors] == ["roster.number_id"]
    assert (preview.errors[0].place.sheet, preview.errors[0].place.row) == ("农户", 3)
    assert not summary.stored


@pytest.mark.parametrize("content, code", [
    (b"\x00\x01binary", "roster.not_csv"),
    ('户主姓名\n"张三\n'.encode(), "roster.no_main"),  # an open quote swallows the rest
    (b"head_name,head_id_number\n\xff\xfe\xfa\xfb,1\n", "roster.csv_encoding"),
])
def test_files_that_are_not_a_readable_roster_csv_are_refused(data_dir, tmp_path, content, code):
    setup_store(data_dir)
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    ws = unlock(data_dir, "loan")
    with pytest.raises(RosterFileError) as caught:
        import_roster(ws, path, today=TODAY)
    ws.close()
    assert caught.value.problem.code == code


def test_the_row_and_column_limits_apply_to_a_csv(data_dir, tmp_path):
    setup_store(data_dir)
    ws = unlock(data_dir, "loan")
    long = tmp_path / "long.csv"
    long.write_text("head_name\n" + "张三\n" * 11, encoding="utf-8")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{n}" for n in range(30)) + "\n", encoding="utf-8")
    codes = []
    for path in (long, wide):
        with pytest.raises(RosterFileError) as caught:
            import_roster(ws, path, form_id="household", today=TODAY,
                          limits=ImportLimits(max_rows=10, max_columns=20))
        codes.append(caught.value.problem.code)
    ws.close()
    assert codes == ["roster.too_many_rows", "roster.too_many_columns"]


def test_utf8_is_preferred_and_gb18030_is_the_fallback():
    assert decode("户主,张三".encode("gb18030"), "x.csv") == "户主,张三"
    assert decode("\ufeff户主".encode("utf-8"), "x.csv") == "户主"
    assert decode("户主".encode("utf-8"), "x.csv") == "户主"
