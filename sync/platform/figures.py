"""Public-safe figures per village for the city's credit website: counts only, never a person.

Filed households and loan balances come from the household records; grades from the latest
rating each household's devices pushed; the credit-village verdict from the household scheme
published on the platform (the shipped default until one is published), through the same
:func:`app.rating.villages.evaluate_village` the field client uses.
"""
from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from app.domain.money import to_fen
from app.rating.model import Scheme
from app.rating.scheme import find_scheme, parse_scheme_text
from app.rating.villages import VillageStats, evaluate_village
from sync.platform.db import PlatformDB
from sync.platform.models import Division, Record
from sync.protocol import iso_utc

HOUSEHOLD_SCHEME = "household-default"


@dataclass
class _Village:
    filed: int = 0
    borrowing: int = 0
    borrowing_clean: int = 0
    balance_fen: int = 0
    overdue_fen: int = 0
    grades: Tally = field(default_factory=Tally)
    credit: int = 0


def public_figures(db: PlatformDB, now: datetime) -> dict[str, Any]:
    """The ``/public/figures`` body: one entry per known village, counts only."""
    with db.read() as session:
        scheme = _household_scheme(session)
        villages: dict[str, _Village] = {}
        on_file: dict[str, str] = {}
        households = session.execute(select(Record.id, Record.village_code, Record.document).where(
            Record.record_type == "household", Record.deleted.is_(False)))
        for record_id, code, document in households:
            on_file[record_id] = code
            _count_household(villages.setdefault(code, _Village()), document)
        _count_ratings(session, villages, on_file)
        divisions = session.scalars(select(Division).where(Division.level == "village")
                                    .order_by(Division.code)).all()
    rows = [_row(d.code, d.name, d.registered_households, villages.get(d.code, _Village()), scheme)
            for d in divisions]
    known = {d.code for d in divisions}
    rows += [_row(code, "", 0, v, scheme) for code, v in sorted(villages.items()) if code not in known]
    return {"scheme_id": scheme.id, "scheme_version": scheme.version, "villages": rows,
            "server_time": iso_utc(now)}


def _household_scheme(session) -> Scheme:
    published = session.scalars(select(Record).where(Record.record_type == "scheme",
                                                     Record.deleted.is_(False))).all()
    ours = [r.document for r in published if r.document.get("scheme_id") == HOUSEHOLD_SCHEME]
    if not ours:
        return find_scheme(HOUSEHOLD_SCHEME)
    latest = max(ours, key=lambda d: d["version"])
    return parse_scheme_text(latest["yaml"], latest.get("file", HOUSEHOLD_SCHEME))


def _count_household(village: _Village, document: dict[str, Any]) -> None:
    village.filed += 1
    loans = [loan for loan in document.get("loans") or () if isinstance(loan, dict)]
    balances = [(_fen(loan.get("balance")), int(loan.get("overdue_days") or 0)) for loan in loans]
    balances = [(fen, days) for fen, days in balances if fen > 0]
    if balances:
        village.borrowing += 1
        village.borrowing_clean += all(days == 0 for _, days in balances)
        village.balance_fen += sum(fen for fen, _ in balances)
        village.overdue_fen += sum(fen for fen, days in balances if days > 0)


def _fen(raw: object) -> int:
    try:
        return to_fen(Decimal(str(raw)))
    except (InvalidOperation, ValueError):
        return 0


def _count_ratings(session, villages: dict[str, _Village], on_file: dict[str, str]) -> None:
    """The latest rating (by rating date, then arrival) of every household still on file."""
    latest: dict[str, tuple[str, str, dict[str, Any]]] = {}
    rows = session.scalars(select(Record.document).where(
        Record.record_type == "rating", Record.deleted.is_(False)).order_by(Record.seq))
    for document in rows:
        if document.get("subject_type") != "household":
            continue
        subject = str(document.get("subject_id")).lower()
        if subject not in on_file:
            continue  # the household was deleted or never reached the platform
        if subject not in latest or str(document.get("rated_on")) >= latest[subject][1]:
            latest[subject] = (on_file[subject], str(document.get("rated_on")), document)
    for code, _, document in latest.values():
        village = villages[code]
        village.grades[document.get("grade") or "unrated"] += 1
        village.credit += bool(document.get("credit_household"))


def _row(code: str, name: str, registered: int, v: _Village, scheme: Scheme) -> dict[str, Any]:
    # The division list may lag behind the field work: never count fewer registered than filed.
    registered = max(registered, v.filed)
    stats = VillageStats(registered, v.filed, min(v.credit, v.filed), v.borrowing, v.borrowing_clean,
                         v.balance_fen, v.overdue_fen)
    verdict = evaluate_village(stats, scheme).is_credit_village if v.filed else False
    return {"village_code": code, "village_name": name, "township_code": code[:9] + "000",
            "registered_households": registered, "filed_households": v.filed,
            "rated_households": sum(v.grades.values()), "grade_counts": dict(sorted(v.grades.items())),
            "credit_households": v.credit, "credit_village": verdict}
