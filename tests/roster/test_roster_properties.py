"""Property: any valid record written as a roster reads back to the same data-standard record."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from app.roster.layout import roster_layout
from app.roster.mapping import parse_roster
from app.roster.reader import read_workbook
from app.roster.template import write_roster
from app.services.demo_data import DemoGenerator, VillageInfo
from app.survey.definition import load_form
from app.survey.validate import normalize_record, validate_record
from tests.roster.roster_helpers import TODAY

VILLAGES = [VillageInfo("445122100203", "埔坑村"), VillageInfo("445103100201", "意溪村")]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), count=st.integers(1, 4), cooperative=st.booleans())
def test_valid_records_survive_write_and_read_unchanged(tmp_path_factory, seed, count, cooperative):
    generator = DemoGenerator(seed, TODAY)
    form = load_form("cooperative" if cooperative else "household")
    documents = [generator.cooperative(VILLAGES[i % 2], []) if cooperative
                 else generator.household(VILLAGES[i % 2]) for i in range(count)]
    path = tmp_path_factory.mktemp("prop") / "r.xlsx"
    write_roster(form, path, documents)
    parsed = parse_roster(read_workbook(path), roster_layout(form), 2_000)
    assert [p for p in parsed.problems if p.severity == "error"] == []
    for document, record in zip(documents, parsed.records, strict=True):
        assert validate_record(record.raw, form, today=TODAY).ok
        expected = normalize_record(document, form, today=TODAY)
        expected.pop("id")
        assert normalize_record(record.raw, form, today=TODAY) == expected
