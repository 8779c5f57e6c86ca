"""Which questionnaire a roster file is for, and the stored records its rows match (by key)."""
from __future__ import annotations

from sqlalchemy import select

from app.domain.problems import QT_TRANSLATE_NOOP
from app.roster.csv_read import CSV_TITLE
from app.roster.layout import KEY_FIELDS, MAIN_SHEETS, clean_header, header_keys
from app.roster.limits import refuse
from app.roster.reader import RawSheet
from app.services import records
from app.services.accounts import Workspace
from app.survey.definition import load_form

_LOOKUP_CHUNK = 500  # keys per query: under SQLite's parameter limit, with room


def detect_form(sheets: list[RawSheet]) -> str:
    """The questionnaire by its main sheet's name, or for a CSV by its key column."""
    cleaned = {clean_header(s.title) for s in sheets}
    for record_type, title in MAIN_SHEETS.items():
        if title in cleaned or record_type in cleaned:
            return record_type
    headers = {key for s in sheets if s.title == CSV_TITLE for cell in s.header
               for key in header_keys(cell)}
    for record_type, key in KEY_FIELDS.items():
        field = load_form(record_type).field(key)
        if key in headers or (field is not None and field.label in headers):
            return record_type
    raise refuse("no_main", QT_TRANSLATE_NOOP(
        "problems", "文件中没有“农户”或“合作社”工作表（CSV 文件中没有户主身份证号码或统一社会信用代码列）："
                    "请使用“下载导入模板”得到的表格填写"))


def stored_by_key(ws: Workspace, record_type: str, keys: list[str]) -> dict[str, list[dict]]:
    """Live stored documents by key (ID number or credit code), ``id`` included."""
    model = records.MODELS[record_type]
    column = getattr(model, KEY_FIELDS[record_type])
    found: dict[str, list[dict]] = {}
    with ws.db.session() as session:
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[start:start + _LOOKUP_CHUNK]
            rows = session.execute(select(model.id, column, model.data).where(
                column.in_(chunk), model.deleted.is_(False)))
            for record_id, key, data in rows:
                found.setdefault(key, []).append({**data, "id": record_id})
    return found
