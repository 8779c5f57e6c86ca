"""Finding households and cooperatives: the queries behind the lists and their search box.

One search box understands what a loan officer types: Chinese characters match the name
anywhere; Latin letters match the pinyin initials from the start (张三 ← "zs"); an 18-character
ID number or an 11-digit mobile matches exactly; other digits match the end of an ID number
or phone ("1234" finds the head whose ID ends in 1234).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select

from app.domain.masking import mask_id_number, mask_phone
from app.domain.idnumber import normalize_id_number
from app.services.divisions import code_range
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.store.models import Cooperative, Division, Household, Rating

_LATIN = re.compile(r"^[A-Za-z]+$")
_DIGITS = re.compile(r"^[0-9]+[0-9Xx]?$")


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: a division (any level, or all), a search text and a sort order."""

    division_code: str | None = None
    text: str = ""
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    head_name: str
    id_number_masked: str
    phone_masked: str
    village_name: str
    group_name: str
    consent_signed: bool
    updated_at: datetime
    grade: str | None = None  # of the newest stored rating (None: not rated, or rated without a grade)
    rated: bool = False       # rated at all

    @property
    def grade_mark(self) -> str | None:
        """None: never rated; "": rated but given no grade (no consent); else the grade."""
        return (self.grade or "") if self.rated else None


@dataclass(frozen=True)
class CooperativeRow:
    id: str
    name: str
    uscc: str
    legal_rep_name: str
    phone_masked: str
    village_name: str
    updated_at: datetime


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_filter(text: str, name, initials, id_number, phone) -> ColumnElement[bool] | None:
    text = text.strip()
    if not text:
        return None
    if _LATIN.match(text):
        return initials.like(_escape_like(text.lower()) + "%", escape="\\")
    if _DIGITS.match(text):
        number = normalize_id_number(text)
        if len(number) == 18:
            return id_number == number
        if len(number) == 11 and number.startswith("1"):
            return phone == number
        suffix = "%" + _escape_like(number)
        return or_(id_number.like(suffix, escape="\\"), phone.like(suffix, escape="\\"))
    return name.like("%" + _escape_like(text) + "%", escape="\\")


def _division_filter(model, code: str | None) -> ColumnElement[bool] | None:
    bounds = code_range(code)
    if bounds is None:
        return None
    return model.village_code.between(*bounds)


HOUSEHOLD_SORTS = {"name": Household.head_pinyin, "id_number": Household.head_id_number,
                   "phone": Household.head_phone, "village": Household.village_code,
                   "group": Household.group_name, "consent": Household.consent_signed,
                   "updated": Household.updated_at}
COOPERATIVE_SORTS = {"name": Cooperative.name_pinyin, "uscc": Cooperative.uscc,
                     "legal_rep": Cooperative.legal_rep_name, "phone": Cooperative.phone,
                     "village": Cooperative.village_code, "updated": Cooperative.updated_at}


def household_ids(ws: Workspace, query: ListQuery) -> list[str]:
    """Ids of the households matching ``query``, in its order (tombstones excluded)."""
    m = Household
    conditions = [m.deleted == False,  # noqa: E712 - "= 0" lets SQLite use the covering index
                  _division_filter(m, query.division_code),
                  _text_filter(query.text, m.head_name, m.head_initials, m.head_id_number, m.head_phone)]
    ws.require(Permission.VIEW_RECORDS, "household")
    return _ids(ws, m, conditions, HOUSEHOLD_SORTS, query)


def cooperative_ids(ws: Workspace, query: ListQuery) -> list[str]:
    """Ids of the cooperatives matching ``query``; the credit code counts as the ID number."""
    m = Cooperative
    text = _text_filter(query.text, m.name, m.name_initials, m.uscc, m.phone)
    if query.text.strip() and len(query.text.strip()) == 18:
        text = or_(m.uscc == query.text.strip().upper(), m.legal_rep_id_number == query.text.strip().upper())
    conditions = [m.deleted == False,  # noqa: E712 - "= 0" lets SQLite use the covering index
                  _division_filter(m, query.division_code), text]
    ws.require(Permission.VIEW_RECORDS, "cooperative")
    return _ids(ws, m, conditions, COOPERATIVE_SORTS, query)


def _ids(ws: Workspace, model, conditions, sorts, query: ListQuery) -> list[str]:
    column = sorts.get(query.sort, sorts["name"])
    order = [column.desc() if query.descending else column.asc(), model.id]
    statement = select(model.id).where(and_(*[c for c in conditions if c is not None])).order_by(*order)
    with ws.db.engine.connect() as connection:  # a read: no unit of work needed
        return list(connection.scalars(statement))


def household_rows(ws: Workspace, ids: list[str]) -> list[HouseholdRow]:
    """List rows for ``ids`` in the same order, with ID numbers and phones masked."""
    ws.require(Permission.VIEW_RECORDS, "household")
    if not ids:
        return []
    m = Household
    statement = (select(m.id, m.head_name, m.head_id_number, m.head_phone, Division.name,
                        m.group_name, m.consent_signed, m.updated_at)
                 .join(Division, Division.code == m.village_code).where(m.id.in_(ids)))
    with ws.db.engine.connect() as session:
        grades = _latest_grades(session, ids)
        found = {row.id: HouseholdRow(row.id, row.head_name, mask_id_number(row.head_id_number),
                                      mask_phone(row.head_phone) if row.head_phone else "",
                                      row.name, row.group_name, row.consent_signed, row.updated_at,
                                      grades.get(row.id), row.id in grades)
                 for row in session.execute(statement)}
    return [found[i] for i in ids if i in found]


def _latest_grades(connection, ids: list[str]) -> dict[str, str | None]:
    """The grade of each subject's newest stored rating (None: rated, but not given a grade)."""
    statement = (select(Rating.subject_id, Rating.grade).where(Rating.subject_id.in_(ids))
                 .order_by(Rating.subject_id, Rating.rated_on, Rating.created_at))
    return {subject_id: grade for subject_id, grade in connection.execute(statement)}  # the last wins


def cooperative_rows(ws: Workspace, ids: list[str]) -> list[CooperativeRow]:
    """List rows for ``ids`` in the same order, phones masked."""
    ws.require(Permission.VIEW_RECORDS, "cooperative")
    if not ids:
        return []
    m = Cooperative
    statement = (select(m.id, m.name, m.uscc, m.legal_rep_name, m.phone, Division.name.label("village"),
                        m.updated_at)
                 .join(Division, Division.code == m.village_code).where(m.id.in_(ids)))
    with ws.db.engine.connect() as session:
        found = {row.id: CooperativeRow(row.id, row.name, row.uscc, row.legal_rep_name,
                                        mask_phone(row.phone) if row.phone else "", row.village,
                                        row.updated_at)
                 for row in session.execute(statement)}
    return [found[i] for i in ids if i in found]


def reveal_id_number(ws: Workspace, household_id: str) -> str:
    """The head's full ID number: a permission (``view_full_id``) and an audited event."""
    ws.require(Permission.VIEW_FULL_ID, "household", household_id)
    with ws.db.session() as session:
        number = session.scalar(select(Household.head_id_number).where(Household.id == household_id))
        if number is None:
            raise LookupError(household_id)
        from app.services import audit  # the audit entry goes in the same transaction

        audit.record(session, ws.actor.username, "view_full_id", "household", household_id,
                     {"field": "head_id_number"})
    return number
