"""Credit villages and townships: per village the filing, rating and loan figures, and whether
the scheme's credit-village criteria are met (the failing ones named); per township likewise.

Counts come from SQL aggregates (:mod:`app.services.village_counts`), so a 100,000-household
store is reported in about a second; the judgement is :mod:`app.rating.villages`. A household
counts with its latest rating on or before the report day, as the workflow left it on that day:
its grade is the final one (after appraisal and upheld objections), and it is a credit household
for the criteria only once that rating is confirmed and still valid (see
:mod:`app.services.village_confirmed` for why); ``computed_credit_households`` shows how many
the computed ratings alone would give.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.rating.batch import DEFAULT_SCHEMES
from app.rating.model import Scheme
from app.rating.scheme import find_scheme
from app.rating.villages import (TownshipEvaluation, TownshipStats, VillageEvaluation, VillageStats,
                                 evaluate_township, evaluate_village)
from app.security.roles import Permission
from app.services.village_confirmed import FinalCounts, final_counts
from app.services.village_counts import VillageCounts, village_counts
from app.services.accounts import Workspace
from app.services.divisions import code_range
from app.services.rating_batch import NOT_RATED
from app.services.rating_rows import NO_DIVISION, refuse
from app.store.models import Division

ALL_VILLAGES = ("000000000000", "999999999999")


@dataclass(frozen=True)
class VillageReport:
    """One village: households (counts), loan balances (fen), grades of the latest ratings."""

    code: str
    name: str
    township_code: str
    stats: VillageStats
    rated_households: int  # latest rating has a grade (households without consent are not rated)
    grades: dict[str, int]  # final grade (or NOT_RATED) -> households
    computed_credit_households: int  # credit households by the computed ratings, confirmed or not
    evaluation: VillageEvaluation


@dataclass(frozen=True)
class TownshipReport:
    code: str
    name: str
    stats: TownshipStats
    evaluation: TownshipEvaluation
    village_codes: tuple[str, ...]


@dataclass(frozen=True)
class DivisionReport:
    """The villages and townships under a division, judged by ``scheme_ref``'s criteria."""

    scheme_ref: str
    on: date
    criteria: dict[str, Decimal]  # threshold name -> ratio, for charts ("filed_ratio_min", ...)
    villages: list[VillageReport] = field(default_factory=list)
    townships: list[TownshipReport] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: ratios as decimal strings (None where undefined), money in fen."""
        return {"scheme": self.scheme_ref, "on": self.on.isoformat(),
                "criteria": {name: str(value) for name, value in self.criteria.items()},
                "villages": [_village_json(v) for v in self.villages],
                "townships": [_township_json(t) for t in self.townships]}


def village_report(ws: Workspace, division_code: str | None, on: date, *,
                   scheme: Scheme | None = None) -> DivisionReport:
    """Report the villages under ``division_code`` (all if None) and the townships wholly in it.

    A village code reports that village alone; ``scheme`` (default: the latest household
    scheme) supplies the credit-village and credit-township criteria.
    """
    ws.require(Permission.VIEW_RECORDS, "division", division_code)
    scheme = scheme or find_scheme(DEFAULT_SCHEMES["household"])
    low, high = code_range(division_code) or ALL_VILLAGES
    with ws.db.session() as session:
        if division_code is not None and session.get(Division, division_code) is None:
            raise refuse("rating.no_division", NO_DIVISION, division=division_code)
        divisions = session.execute(select(Division.code, Division.name, Division.level, Division.parent_code,
                                           Division.registered_households)
                                    .where(Division.level.in_(("village", "township")))
                                    .order_by(Division.code)).all()
        counts = village_counts(session.connection(), code_range(division_code), on)
        finals = final_counts(session.connection(), code_range(division_code), on)
    villages = [_village(row, counts.get(row.code) or VillageCounts(), finals.get(row.code) or FinalCounts(), scheme)
                for row in divisions
                if row.level == "village" and low <= row.code <= high]
    townships = [_township(row, villages, scheme) for row in divisions
                 if row.level == "township" and low <= row.code[:9] + "000" and row.code[:9] + "999" <= high]
    return DivisionReport(scheme.ref, on, _criteria(scheme), villages, townships)


def _village(row: Any, counts: VillageCounts, final: FinalCounts, scheme: Scheme) -> VillageReport:
    # A village whose registered count lags behind its files is judged on its files.
    stats = VillageStats(max(row.registered_households, counts.filed_households), counts.filed_households,
                         final.confirmed_credit_households, counts.borrowing_households,
                         counts.borrowing_without_overdue, counts.loan_balance_fen, counts.overdue_balance_fen)
    grades = counts.grades + final.regraded  # Counter addition keeps only positive counts
    named = {grade or NOT_RATED: count for grade, count in sorted(grades.items(), key=lambda g: str(g[0]))}
    rated = sum(count for grade, count in grades.items() if grade is not None)
    return VillageReport(row.code, row.name, row.parent_code or "", stats, rated, named,
                         counts.credit_households, evaluate_village(stats, scheme))


def _township(row: Any, villages: list[VillageReport], scheme: Scheme) -> TownshipReport:
    own = [v for v in villages if v.township_code == row.code]
    stats = TownshipStats(len(own), sum(v.evaluation.is_credit_village for v in own),
                          sum(v.stats.loan_balance_fen for v in own), sum(v.stats.overdue_balance_fen for v in own))
    return TownshipReport(row.code, row.name, stats, evaluate_township(stats, scheme), tuple(v.code for v in own))


def _criteria(scheme: Scheme) -> dict[str, Decimal]:
    criteria: dict[str, Decimal] = {}
    for prefix, rule in (("village_", scheme.credit_village), ("township_", scheme.credit_township)):
        if rule is not None:
            criteria.update({prefix + name: value for name, value in asdict(rule).items()})
    return criteria


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.0001")))


def _failures(evaluation: VillageEvaluation | TownshipEvaluation) -> list[dict[str, str]]:
    return [{"criterion": f.criterion, "message": f.message} for f in evaluation.failures]


def _village_json(village: VillageReport) -> dict[str, Any]:
    e = village.evaluation
    return {"code": village.code, "name": village.name, "township_code": village.township_code,
            **asdict(village.stats), "computed_credit_households": village.computed_credit_households,
            "rated_households": village.rated_households, "grades": village.grades,
            "filed_ratio": _ratio(e.filed_ratio), "credit_household_ratio": _ratio(e.credit_household_ratio),
            "no_overdue_ratio": _ratio(e.no_overdue_ratio), "npl_ratio": _ratio(e.npl_ratio),
            "is_credit_village": e.is_credit_village, "failures": _failures(e)}


def _township_json(township: TownshipReport) -> dict[str, Any]:
    e = township.evaluation
    return {"code": township.code, "name": township.name, **asdict(township.stats),
            "credit_village_ratio": _ratio(e.credit_village_ratio), "npl_ratio": _ratio(e.npl_ratio),
            "is_credit_township": e.is_credit_township, "failures": _failures(e)}
