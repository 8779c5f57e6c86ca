"""Per-row checks of an import that need the store or the user: matches, villages, rights.

They say before anything is stored what :func:`app.services.records.save_many` would refuse
(a section the role may not fill, a village the store does not know) and what it would excuse
(required answers of another role's sections become warnings).
"""
from __future__ import annotations

from typing import Mapping

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.roster.check import locate
from app.roster.mapping import ParsedRecord, ParsedRoster
from app.roster.report import Place, RowProblem
from app.security.roles import PERMISSION_LABELS, role_label
from app.services import records
from app.services.accounts import Workspace
from app.survey.form_model import FormDefinition, RepeatGroup
from app.survey.validate import normalize_record


def ambiguous(parsed: ParsedRoster, record: ParsedRecord, count: int) -> RowProblem:
    key = parsed.layout.key_field
    return RowProblem(record.places.get(key.name, Place(parsed.layout.main.title, record.row)),
                      Problem(key.name, "roster.ambiguous", QT_TRANSLATE_NOOP(
                          "problems", "已有 {count} 份档案的{label}是这个号码，无法确定更新哪一份：请先在"
                                      "系统中合并重复档案"), {"count": count, "label": key.label}))


def check_village(parsed: ParsedRoster, record: ParsedRecord, villages: set[str]) -> None:
    code = str(record.raw.get("village_code") or "").strip()
    if len(code) == 12 and code.isdigit() and code not in villages:
        problem = Problem("village_code", "roster.village_unknown", QT_TRANSLATE_NOOP(
            "problems", "村代码 {code} 不在本机的行政区划中：请核对，或先同步区划"), {"code": code})
        record.problems.append(RowProblem(locate(parsed, record, problem), problem))


def check_permissions(ws: Workspace, form: FormDefinition, parsed: ParsedRoster,
                       record: ParsedRecord, stored: Mapping | None,
                       rights: tuple[dict[str, str], dict[str, bool]] | None = None) -> None:
    """What save_many would refuse or excuse for this user, said per cell before storing.

    Sections the user may not fill: their answers are refused (a loan officer does not import
    conduct records), their missing required answers are left to whoever may (a warning).
    """
    kinds, allowed = rights or section_rights(ws, form)
    for index, problem in enumerate(record.problems):
        key = problem.problem.field.split("[")[0].split(".")[0]
        if problem.problem.code == "field.required" and not allowed[kinds.get(key, "identity")]:
            record.problems[index] = RowProblem(problem.place, Problem(
                problem.problem.field, problem.problem.code, problem.problem.template,
                problem.problem.params, "warning"))
    for key in sorted(_filled_keys(form, record.raw, stored)):
        kind = kinds.get(key, "identity")
        if not allowed[kind]:
            permission = records.SENSITIVITY_PERMISSIONS[kind]
            problem = Problem(key, "roster.not_permitted", QT_TRANSLATE_NOOP(
                "problems", "{role}不能导入此项（需要“{permission}”权限）：请删除这一列的内容，"
                            "或请有权限的同事导入"),
                {"role": role_label(ws.actor.role), "permission": PERMISSION_LABELS[permission]})
            record.problems.append(RowProblem(locate(parsed, record, problem), problem))


def section_rights(ws: Workspace, form: FormDefinition) -> tuple[dict[str, str], dict[str, bool]]:
    """Top-level key -> sensitivity of its section, and which sensitivities ``ws`` may fill.

    Worked out once per import and passed to :func:`check_permissions` (not once per row).
    """
    allowed = {kind: ws.can(permission) for kind, permission in records.SENSITIVITY_PERMISSIONS.items()}
    return records.sensitivities(form), allowed


def _filled_keys(form: FormDefinition, raw: Mapping, stored: Mapping | None) -> set[str]:
    """Top-level keys the import would set (a new record) or change (an update, compared as stored)."""
    if stored is not None:
        document = normalize_record(raw, form)
        return set(records.changed_fields({k: v for k, v in stored.items() if k != "id"}, document))
    keys = (item.name if isinstance(item, RepeatGroup) else item.name.split(".")[0]
            for item in form.items())
    return {key for key in keys if raw.get(key) not in (None, "", [], {})}
