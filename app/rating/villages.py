"""Credit village (信用村) and credit township (信用乡镇) evaluation from plain counts.

Ratios are exact ``Decimal`` fractions compared with the scheme's thresholds; money is
integer fen. Every criterion that fails is named with a Chinese message, kept as its
``QT_TRANSLATE_NOOP("problems", ...)`` template and parameters so that the GUI can show it in
the user's language (the parameters are percentages, the same in every language).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Mapping

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.fmt import percent
from app.rating.model import Scheme

FILED = QT_TRANSLATE_NOOP("problems", "建档户数占登记户数 {ratio}，低于 {limit}")
CREDIT = QT_TRANSLATE_NOOP("problems", "信用户占建档户数 {ratio}，低于 {limit}")
NO_OVERDUE = QT_TRANSLATE_NOOP("problems", "借款户中无逾期户占 {ratio}，低于 {limit}")
NPL = QT_TRANSLATE_NOOP("problems", "不良贷款率 {ratio}，高于 {limit}")
CREDIT_VILLAGES = QT_TRANSLATE_NOOP("problems", "信用村占行政村数 {ratio}，低于 {limit}")
NOTHING = {"registered": QT_TRANSLATE_NOOP("problems", "登记户数为 0，无法达标"),
           "filed": QT_TRANSLATE_NOOP("problems", "建档户数为 0，无法达标"),
           "borrowing": QT_TRANSLATE_NOOP("problems", "借款户数为 0，无法达标"),
           "villages": QT_TRANSLATE_NOOP("problems", "行政村数为 0，无法达标")}
NO_CRITERIA = QT_TRANSLATE_NOOP("problems", "评分方案 {scheme} 没有规定{what}标准")
BAD_COUNTS = QT_TRANSLATE_NOOP("problems", "统计数字不合理：{field} = {value}（{why}）")


@dataclass(frozen=True)
class VillageStats:
    """One village's counts (households) and loan balances (fen)."""

    registered_households: int
    filed_households: int
    credit_households: int
    borrowing_households: int
    borrowing_without_overdue: int
    loan_balance_fen: int
    overdue_balance_fen: int


@dataclass(frozen=True)
class TownshipStats:
    """One township's villages and loan balances (fen)."""

    villages: int
    credit_villages: int
    loan_balance_fen: int
    overdue_balance_fen: int


@dataclass(frozen=True)
class Failure:
    """One criterion missed: a ``problems`` template and its parameters (as a Problem's)."""

    criterion: str  # filed_ratio, credit_household_ratio, no_overdue_ratio, npl_ratio, credit_village_ratio
    template: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The Chinese sentence (CLI, JSON)."""
        return self.template.format(**self.params)


@dataclass(frozen=True)
class VillageEvaluation:
    """Ratios are None where the denominator is 0 (no borrowers: nothing overdue)."""

    is_credit_village: bool
    filed_ratio: Decimal | None
    credit_household_ratio: Decimal | None
    no_overdue_ratio: Decimal | None
    npl_ratio: Decimal
    failures: tuple[Failure, ...]


@dataclass(frozen=True)
class TownshipEvaluation:
    is_credit_township: bool
    credit_village_ratio: Decimal | None
    npl_ratio: Decimal
    failures: tuple[Failure, ...]


def evaluate_village(stats: VillageStats, scheme: Scheme) -> VillageEvaluation:
    """Whether the village meets the scheme's credit-village criteria, and which it misses."""
    criteria = scheme.credit_village
    if criteria is None:
        raise ValueError(NO_CRITERIA.format(scheme=scheme.ref, what=QT_TRANSLATE_NOOP("problems", "信用村")))
    _check(stats, [("filed_households", "registered_households"), ("credit_households", "filed_households"),
                   ("borrowing_without_overdue", "borrowing_households"),
                   ("overdue_balance_fen", "loan_balance_fen")])
    failures: list[Failure] = []
    filed = _at_least(failures, "filed_ratio", stats.filed_households, stats.registered_households,
                      criteria.filed_ratio_min, FILED, "registered")
    credit = _at_least(failures, "credit_household_ratio", stats.credit_households, stats.filed_households,
                       criteria.credit_household_ratio_min, CREDIT, "filed")
    no_overdue = None
    if stats.borrowing_households:  # without borrowers nothing is overdue
        no_overdue = _at_least(failures, "no_overdue_ratio", stats.borrowing_without_overdue,
                               stats.borrowing_households, criteria.no_overdue_ratio_min, NO_OVERDUE, "borrowing")
    npl = _npl(failures, stats.overdue_balance_fen, stats.loan_balance_fen, criteria.npl_ratio_max)
    return VillageEvaluation(not failures, filed, credit, no_overdue, npl, tuple(failures))


def evaluate_township(stats: TownshipStats, scheme: Scheme) -> TownshipEvaluation:
    """Whether the township meets the scheme's credit-township criteria, and which it misses."""
    criteria = scheme.credit_township
    if criteria is None:
        raise ValueError(NO_CRITERIA.format(scheme=scheme.ref, what=QT_TRANSLATE_NOOP("problems", "信用乡镇")))
    _check(stats, [("credit_villages", "villages"), ("overdue_balance_fen", "loan_balance_fen")])
    failures: list[Failure] = []
    ratio = _at_least(failures, "credit_village_ratio", stats.credit_villages, stats.villages,
                      criteria.credit_village_ratio_min, CREDIT_VILLAGES, "villages")
    npl = _npl(failures, stats.overdue_balance_fen, stats.loan_balance_fen, criteria.npl_ratio_max)
    return TownshipEvaluation(not failures, ratio, npl, tuple(failures))


def _check(stats: object, parts: list[tuple[str, str]]) -> None:
    """Counts are whole and ≥ 0, and each part is at most its whole."""
    for spec in fields(stats):  # type: ignore[arg-type]
        value = getattr(stats, spec.name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(BAD_COUNTS.format(field=spec.name, value=value,
                                               why=QT_TRANSLATE_NOOP("problems", "应为非负整数")))
    for part, whole in parts:
        if getattr(stats, part) > getattr(stats, whole):
            raise ValueError(BAD_COUNTS.format(field=part, value=getattr(stats, part),
                                               why=QT_TRANSLATE_NOOP("problems", "大于 {whole}").format(whole=whole)))


def _at_least(failures: list[Failure], criterion: str, part: int, whole: int, limit: Decimal,
              template: str, whole_kind: str) -> Decimal | None:
    """part / whole, with a failure if below ``limit`` (or if ``whole`` is 0: ``NOTHING[whole_kind]``)."""
    if whole == 0:
        failures.append(Failure(criterion, NOTHING[whole_kind]))
        return None
    ratio = Decimal(part) / Decimal(whole)
    if ratio < limit:
        failures.append(Failure(criterion, template, {"ratio": percent(ratio), "limit": percent(limit)}))
    return ratio


def _npl(failures: list[Failure], overdue_fen: int, balance_fen: int, limit: Decimal) -> Decimal:
    ratio = Decimal(overdue_fen) / Decimal(balance_fen) if balance_fen else Decimal(0)
    if ratio > limit:
        failures.append(Failure("npl_ratio", NPL, {"ratio": percent(ratio), "limit": percent(limit)}))
    return ratio
