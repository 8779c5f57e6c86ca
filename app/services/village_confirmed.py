"""The final results behind the credit-village report: appraised, decided and confirmed ratings.

A credit village is judged on its *confirmed* credit households (RATING-SCHEME.md: a rating
becomes final when a supervisor confirms it after the appraisal, notice and objections; the
glossary: a credit household is one whose *final* grade meets the bar). Only ratings with
workflow steps can differ from their computed result, and those are few next to all
households, so they are read from the steps table and folded here (app.services.workflow_state)
rather than in the report's one aggregate pass.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, make_dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, text

from app.services.workflow_state import Stage, StepRow, fold
from app.services.workflow_store import scheme_version

# Latest household ratings on or before the day (ordered as village_counts orders them) that
# have at least one workflow step on or before the day, with their village.
_RATINGS = """
SELECT r.id, h.village_code, r.score, r.grade, r.credit_household, r.scheme_id, r.scheme_version
FROM ratings r JOIN households h ON h.id = r.subject_id AND h.deleted = 0
WHERE r.id IN (SELECT rating_id FROM workflow_steps WHERE subject_type = 'household' AND "on" <= :on {steps_where})
  AND r.subject_type = 'household' AND r.deleted = 0 AND r.rated_on <= :on
  AND NOT EXISTS (SELECT 1 FROM ratings n WHERE n.subject_id = r.subject_id AND n.deleted = 0
                  AND n.rated_on <= :on
                  AND (n.rated_on > r.rated_on OR (n.rated_on = r.rated_on AND n.rowid > r.rowid)))
"""

_STEPS = """
SELECT id, rating_id, step, "on", actor, adjustment, score, grade, credit_household, credit_line, reason,
       appraisers, objection_id, decision
FROM workflow_steps WHERE subject_type = 'household' AND "on" <= :on {steps_where}
ORDER BY at, rowid
"""


@dataclass
class FinalCounts:
    """One village's ratings after the workflow (only villages with workflow steps appear)."""

    confirmed_credit_households: int = 0  # confirmed, valid on the day, final credit household
    regraded: Counter[str | None] = field(default_factory=Counter)  # final minus computed grades


# A step row as :func:`fold` reads it: the fields of StepRow, as plain values read by SQL.
_Step = make_dataclass("_Step", list(StepRow.__annotations__.items()), frozen=True)


def final_counts(connection: Connection, village_range: tuple[str, str] | None, on: date) -> dict[str, FinalCounts]:
    """Per village code (within ``village_range``; all if None): confirmed credit households and
    how the final grades of its latest ratings differ from the computed ones, as of ``on``."""
    where = "AND village_code BETWEEN :low AND :high" if village_range else ""
    params: dict[str, object] = {"on": on.isoformat()}
    if village_range:
        params.update(low=village_range[0], high=village_range[1])
    steps: dict[str, list[_Step]] = defaultdict(list)
    for row in connection.execute(text(_STEPS.format(steps_where=where)), params):
        steps[row[1]].append(_Step(row[0], row[2], date.fromisoformat(str(row[3])), *_rest(row)))
    found: dict[str, FinalCounts] = {}
    for rating_id, village, score, grade, credit, scheme_id, version in connection.execute(
            text(_RATINGS.format(steps_where=where)), params):
        state = fold(Decimal(str(score)), grade, bool(credit), steps[rating_id], scheme_version(scheme_id, version))
        counts = found.setdefault(village, FinalCounts())
        if state.grade != grade:
            counts.regraded[state.grade] += 1
            counts.regraded[grade] -= 1
        valid = state.stage(on) is Stage.CONFIRMED and state.confirmed_on is not None and state.confirmed_on <= on
        counts.confirmed_credit_households += bool(valid and state.credit_household)
    return found


def _rest(row: tuple) -> tuple:
    """The step columns after ``on``, with the boolean read back from SQLite's 0/1."""
    actor, adjustment, score, grade, credit, line, reason, appraisers, objection_id, decision = row[4:]
    return (actor, adjustment, score, grade, None if credit is None else bool(credit), line, reason or "",
            appraisers or "", objection_id, decision)
