"""Helpers of the roster tests: a store with the demo divisions, demo households, a filled template."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable, Mapping

from openpyxl import load_workbook

from app.services import accounts
from app.services.demo_data import DemoGenerator, VillageInfo
from app.services.divisions import DEMO_CITY, read_division_file, replace_divisions
from app.services.roster import make_template
from app.survey.definition import load_form
from app.survey.form_model import Field

TODAY = date(2026, 11, 28)
PASSWORDS = {"loan": "loan-pass-1", "town": "town-pass-1", "super": "super-pass-1",
             "viewer": "viewer-pass-1"}
ROLES = {"loan": "loan_officer", "town": "township_officer", "super": "supervisor",
         "viewer": "viewer"}


def setup_store(data_dir: Path) -> list[VillageInfo]:
    """An encrypted store with the demo city's divisions and one user per role; its villages."""
    admin = accounts.initialize(data_dir, "admin", "admin-pass-1")
    rows = read_division_file(DEMO_CITY)
    with admin.db.session() as session:
        replace_divisions(session, rows)
    for name, role in ROLES.items():
        accounts.add_user(admin, name, PASSWORDS[name], role, name)
    admin.close()
    return [VillageInfo(r["code"], r["name"]) for r in rows if r["level"] == "village"]


def unlock(data_dir: Path, name: str) -> accounts.Workspace:
    return accounts.unlock(data_dir, name, PASSWORDS[name])


def demo_households(villages: list[VillageInfo], count: int, seed: int = 5) -> list[dict]:
    generator = DemoGenerator(seed, TODAY)
    return [generator.household(villages[i % 3]) for i in range(count)]


def unsigned_households(villages: list[VillageInfo], count: int) -> list[dict]:
    """Households without signed consent: identity only, importable by anyone who imports."""
    found: list[dict] = []
    seed = 100
    while len(found) < count:
        found += [d for d in demo_households(villages, 200, seed) if not d["consent"]["signed"]]
        seed += 1
    return found[:count]


def cell_text(field: Field, value: object) -> object:
    """What a person types into the template for a stored answer (labels, 是/否)."""
    if value is None:
        return None
    if field.type == "boolean":
        return "是" if value else "否"
    if field.type == "single_choice":
        return field.choice_label(value)
    if isinstance(value, list):  # several choices (or record ids) in one cell
        return "、".join(field.choice_label(v) if field.choices else v for v in value) or None
    return value


def _get(record: Mapping, path: str) -> object:
    for part in path.split("."):
        record = record.get(part) if isinstance(record, Mapping) else None  # type: ignore[assignment]
    return record


def fill_template(path: Path, documents: Iterable[Mapping], *, form_id: str = "household",
                  sections: set[str] | None = None, sensitivities: set[str] | None = None,
                  key: str = "head_id_number") -> Path:
    """Make the template, then fill it like a person would (only ``sections`` or fields of
    ``sensitivities`` if given; the key column always)."""
    make_template(form_id, path)
    form = load_form(form_id)
    wanted = {f.path for f in form.all_fields()
              if (sections is None or f.section in sections)
              and (sensitivities is None or f.sensitivity in sensitivities) or f.name == key}
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        header = [str(c.value).splitlines()[-1] if c.value else "" for c in sheet[1]]
        if sheet.title in ("填写说明", "选项"):
            continue
        group = next((g for g in form.groups() if g.label == sheet.title), None)
        for document in documents:
            if group is None:
                row = [cell_text(form.field(n), _get(document, n)) if n in wanted else None
                       for n in header]
                sheet.append(row)
                for cell in sheet[sheet.max_row]:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        cell.data_type = "s"  # typed as text, as with a leading apostrophe
                continue
            for item in document.get(group.name) or ():
                if f"{group.name}.{header[1]}" not in wanted:
                    continue
                sheet.append([document[key]] + [cell_text(group.field(n), item.get(n))
                                                for n in header[1:]])
    workbook.save(path)
    return path
