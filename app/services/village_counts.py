"""The counts behind the credit-village report, aggregated in SQL per village in one pass.

:func:`village_counts` reads the households table once (its loans with SQLite's JSON
functions) and each household's latest rating from the ratings index, and groups by village.
Money is integer fen, converted from the data standard's decimal strings by exact text
arithmetic (never through a float).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, text

# The latest rating of each household on or before the day: rated_on, then insertion order
# (rowid) decide; rowid rather than created_at, which is stored after the large JSON columns
# (reading it would walk every row's overflow pages). One sequential scan of the ratings
# table (NOT INDEXED) reads only the first page of each row: with a rating or two per
# household that is twice as fast as ranking on the (subject_id, rated_on) index and then
# fetching each latest row by rowid (0.9 s against 2.2 s for 100,000 ratings).
_LATEST = """
latest AS (
  SELECT subject_id, grade, credit_household FROM (
    SELECT subject_id, grade, credit_household,
           row_number() OVER (PARTITION BY subject_id ORDER BY rated_on DESC, rowid DESC) AS n
    FROM ratings NOT INDEXED WHERE subject_type = 'household' AND deleted = 0 AND rated_on <= :on)
  WHERE n = 1
)"""

# A balance such as "12345.6" → 1234560 fen: whole yuan times 100 plus the first two decimals.
_FEN = ("CASE WHEN b IS NULL THEN 0 WHEN instr(b, '.') = 0 THEN CAST(b AS INTEGER) * 100 "
        "ELSE CAST(substr(b, 1, instr(b, '.') - 1) AS INTEGER) * 100 "
        "+ CAST(substr(substr(b, instr(b, '.') + 1) || '00', 1, 2) AS INTEGER) END")

# One row per household (grouped by rowid: the table is scanned in that order, no sorting),
# its loans summed; a loan is overdue when overdue_days > 0, and only loans with a balance
# make a household a borrower. Entries of ``loans`` that are not objects are skipped rather
# than failing the whole report (the validator never lets them in).
_QUERY = """
WITH {latest}, loan AS (
  SELECT h.rowid AS hid, h.id AS id, h.village_code AS village,
         CAST(json_extract(l.value, '$.balance') AS TEXT) AS b,
         CAST(COALESCE(json_extract(l.value, '$.overdue_days'), 0) AS INTEGER) AS days
  FROM households h LEFT JOIN json_each(h.data, '$.loans') l ON l.type = 'object'
  WHERE h.deleted = 0 {where}
), money AS (
  SELECT hid, id, village, days, {fen} AS fen FROM loan
), per_household AS (
  SELECT hid, id, village, SUM(CASE WHEN fen > 0 THEN fen ELSE 0 END) AS balance,
         SUM(CASE WHEN fen > 0 AND days > 0 THEN fen ELSE 0 END) AS overdue
  FROM money GROUP BY hid
)
SELECT p.village, latest.subject_id IS NOT NULL AS rated, latest.grade, COALESCE(latest.credit_household, 0),
       COUNT(*), SUM(balance > 0), SUM(balance > 0 AND overdue = 0), SUM(balance), SUM(overdue)
FROM per_household p LEFT JOIN latest ON latest.subject_id = p.id
GROUP BY p.village, rated, latest.grade, latest.credit_household
"""


@dataclass
class VillageCounts:
    """One village's filed households, latest grades and loans (balances in fen)."""

    filed_households: int = 0
    credit_households: int = 0
    grades: Counter[str | None] = field(default_factory=Counter)  # latest grade (None: no consent) -> households
    borrowing_households: int = 0
    borrowing_without_overdue: int = 0
    loan_balance_fen: int = 0
    overdue_balance_fen: int = 0

    @property
    def rated_households(self) -> int:
        """Households whose latest rating has a grade."""
        return sum(count for grade, count in self.grades.items() if grade is not None)


def village_counts(connection: Connection, village_range: tuple[str, str] | None,
                   on: date) -> dict[str, VillageCounts]:
    """Per village code (within ``village_range``, inclusive; all if None): its counts.

    A household without any rating on or before ``on`` appears in no grade.
    """
    where = "AND h.village_code BETWEEN :low AND :high" if village_range else ""
    sql = _QUERY.format(latest=_LATEST, where=where, fen=_FEN)
    params = {"on": on.isoformat()}
    if village_range:
        params.update(low=village_range[0], high=village_range[1])
    counts: dict[str, VillageCounts] = {}
    for code, rated, grade, credit, households, borrowing, without, balance, overdue in connection.execute(
            text(sql), params):
        village = counts.setdefault(code, VillageCounts())
        village.filed_households += households
        village.credit_households += households if credit else 0
        if rated:  # grade None: rated without consent
            village.grades[grade] += households
        village.borrowing_households += borrowing
        village.borrowing_without_overdue += without
        village.loan_balance_fen += balance
        village.overdue_balance_fen += overdue
    return counts
