"""Exporting households or cooperatives as a roster workbook (the import template's layout).

ID numbers and phones are masked by the project's one rule (:mod:`app.domain.masking`) unless
``full_ids`` is asked for, which needs the permission to see full ID numbers too; a full
export re-imports as it is. Text that could run as a formula is neutralised by the writer.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Mapping

from sqlalchemy import func, select

from app.domain.divisions import is_division_code
from app.domain.masking import mask_id_number, mask_phone
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.roster.template import write_roster
from app.security.roles import Permission
from app.services import audit, records
from app.services.accounts import Workspace
from app.services.divisions import code_range
from app.services.rating_rows import NO_DIVISION
from app.store.models import Division
from app.survey.definition import load_form
from app.survey.form_model import FormDefinition, RepeatGroup

Progress = Callable[[int, int], None]
MASKED_NOTE = "本表中的身份证号码和电话号码已按规则遮蔽（保留前后几位），仅供核对，不能直接导入。"
FULL_NOTE = "本表含完整的身份证号码和电话号码，属于个人信息：请妥善保管，用后删除。"
_ORDER = {"household": "head_pinyin", "cooperative": "name_pinyin"}


class ExportError(DomainError):
    """An export refused before anything was written."""


def export_roster(ws: Workspace, path: Path, *, record_type: str = "household",
                  division: str | None = None, full_ids: bool = False,
                  progress: Progress | None = None) -> int:
    """Write the live records of ``division`` (every record when ``None``) to ``path``; the count.

    Needs the export permission (and, for ``full_ids``, the full-ID permission); audited
    with the count, the division and whether IDs were masked.
    """
    ws.require(Permission.EXPORT, record_type, division)
    if full_ids:
        ws.require(Permission.VIEW_FULL_ID, record_type, division)
    if division is not None and not is_division_code(division):
        raise ExportError(Problem("division", "export.division", QT_TRANSLATE_NOOP(
            "problems", "“{code}”不是 12 位区划代码"), {"code": division}))
    form = load_form(record_type)
    model = records.MODELS[record_type]
    where = [model.deleted.is_(False)]
    bounds = code_range(division)
    if bounds is not None:
        where.append(model.village_code.between(*bounds))
    with ws.db.session() as session:
        if division is not None and session.get(Division, division) is None:
            raise ExportError(Problem("division", "export.no_division", NO_DIVISION, {"division": division}))
        total = session.scalar(select(func.count()).select_from(model).where(*where)) or 0
        rows = session.execute(select(model.id, model.data).where(*where).order_by(
            model.village_code, getattr(model, _ORDER[record_type]), model.id)
            .execution_options(yield_per=500))
        documents = (_shown(form, {**data, "id": record_id}, full_ids) for record_id, data in rows)
        count = write_roster(form, path, documents, note=FULL_NOTE if full_ids else MASKED_NOTE,
                             total=total, progress=progress)
    with ws.db.session() as session:
        audit.record(session, ws.actor.username, "export", record_type, division,
                     {"count": count, "masked": not full_ids, "format": "xlsx"})
    return count


def _shown(form: FormDefinition, document: Mapping, full_ids: bool) -> dict:
    """The document as exported: ID numbers and phones masked unless ``full_ids``."""
    if full_ids:
        return dict(document)
    shown = dict(document)
    for field, into in _sensitive(form, shown):
        value = into.get(field.name)
        if isinstance(value, str) and value:
            into[field.name] = mask_id_number(value) if field.type == "id_number" else mask_phone(value)
    return shown


def _sensitive(form: FormDefinition, document: dict) -> Iterator[tuple]:
    """(field, the dict holding it) for every ID-number and phone answer, group items included."""
    for item in form.items():
        if isinstance(item, RepeatGroup):
            fields = [f for f in item.fields if f.type in ("id_number", "phone")]
            if fields and isinstance(document.get(item.name), list):
                document[item.name] = [dict(entry) for entry in document[item.name]]
                for entry in document[item.name]:
                    yield from ((f, entry) for f in fields)
        elif item.type in ("id_number", "phone") and "." not in item.name:
            yield item, document
