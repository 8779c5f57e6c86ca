"""What the documents print: plain frozen values, mapped from store records by the services.

Money is Decimal yuan (two places), dates are ``datetime.date``, points are Decimal.
ID numbers arrive in full; every renderer masks them with :mod:`app.domain.masking`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

SubjectKind = Literal["household", "cooperative"]
ItemKind = Literal["base", "bonus", "penalty", "veto"]


@dataclass(frozen=True)
class CertificateData:
    """One 信用户证书: ``holder_name`` is the head's name or the cooperative's name."""

    certificate_no: str
    subject_kind: SubjectKind
    holder_name: str
    village_name: str
    township_name: str
    county_name: str
    grade: str
    credit_line: Decimal
    valid_from: date
    valid_until: date
    issuing_township: str
    issuing_bank: str
    issued_on: date
    device_id: str


@dataclass(frozen=True)
class NoticeRow:
    """One household on the notice list; ``id_number`` is FULL, the renderer masks it."""

    head_name: str
    id_number: str
    group: str
    proposed_grade: str
    score: Decimal


@dataclass(frozen=True)
class ObjectionContact:
    """Where and how villagers raise an objection during the notice period."""

    place: str
    phone: str
    person: str = ""


@dataclass(frozen=True)
class NoticeList:
    """A 公示名单 for one village, posted on the village board for the notice period."""

    village_name: str
    township_name: str
    issuing_body: str
    notice_start: date
    notice_end: date
    objection_contact: ObjectionContact
    rows: tuple[NoticeRow, ...]
    printed_on: date


@dataclass(frozen=True)
class ReportItem:
    """One indicator's result; ``max_points`` is None for items without a ceiling (vetoes)."""

    indicator: str
    kind: ItemKind
    name: str
    points: Decimal
    max_points: Decimal | None
    reason: str


@dataclass(frozen=True)
class Appraisal:
    """The village appraisal group's adjustment (at most ±5 points) with its written reason."""

    points: Decimal
    reason: str
    appraisers: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubjectIdentity:
    """Who was rated: a household (``id_number`` of the head, FULL) or a cooperative (USCC)."""

    kind: SubjectKind
    name: str
    id_number: str
    village_name: str
    township_name: str
    county_name: str
    group: str = ""


@dataclass(frozen=True)
class RatingReport:
    """A 信用评定表: the computed rating, every item explained, the appraisal and the result."""

    subject: SubjectIdentity
    scheme_id: str
    scheme_version: int
    rated_on: date
    score: Decimal
    base: Decimal
    bonus: Decimal
    penalty: Decimal
    grade: str
    items: tuple[ReportItem, ...]
    final_score: Decimal
    final_grade: str
    credit_line: Decimal
    vetoes: tuple[str, ...] = ()
    appraisal: Appraisal | None = None
    notes: tuple[str, ...] = field(default=())
