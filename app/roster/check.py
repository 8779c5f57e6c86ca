"""Every parsed record through the one validator, its problems placed on the cells they concern."""
from __future__ import annotations

import re
from datetime import date
from typing import Collection

from app.domain.problems import Problem
from app.roster.mapping import ParsedRecord, ParsedRoster
from app.roster.report import Place, RowProblem
from app.survey.validate import validate_record

_ITEM = re.compile(r"^(?P<group>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<name>.+))?$")
# Faults of a cell already reported by the mapping (the validator would only say "missing").
_ECHOES = ("field.required",)


def check_roster(parsed: ParsedRoster, *, today: date,
                 known_region_codes: Collection[str] = ()) -> None:
    """Validate every record of ``parsed`` with :func:`app.survey.validate.validate_record`."""
    for record in parsed.records:
        check_record(parsed, record, today=today, known_region_codes=known_region_codes)


def check_record(parsed: ParsedRoster, record: ParsedRecord, *, today: date,
                 known_region_codes: Collection[str] = ()) -> None:
    """Validate one record and add its problems, located, to ``record.problems``."""
    form = parsed.layout.form
    report = validate_record(record.raw, form, today=today, known_region_codes=known_region_codes)
    seen = {p.problem.field for p in record.problems}
    for problem in report.problems:
        if problem.field in seen and problem.code in _ECHOES:
            continue
        record.problems.append(RowProblem(locate(parsed, record, problem), problem))


def locate(parsed: ParsedRoster, record: ParsedRecord, problem: Problem) -> Place:
    """The cell (or row) a validator problem is about."""
    form = parsed.layout.form
    path = problem.field
    if path in record.places:
        return record.places[path]
    match = _ITEM.match(path)
    if match:
        row = record.places.get(f"{match['group']}[{match['index']}]")
        group = form.group(match["group"])
        field = group.field(match["name"] or "") if group else None
        if row is not None:
            return Place(row.sheet, row.row, field.label if field else "")
    group = form.group(path)
    if group is not None:
        first = record.places.get(f"{path}[0]")
        if first is not None:
            return Place(first.sheet, first.row, "")
        sheet = parsed.layout.sheet(group.label)
        return Place(parsed.layout.main.title, record.row, sheet.title if sheet else group.label)
    field = form.field(path)
    return Place(parsed.layout.main.title, record.row, field.label if field else "")
