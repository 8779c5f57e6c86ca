"""Reading data-standard fields out of a record, once per rating, into typed values.

A reader returns the value, :data:`MISSING` when a required field is absent (the rating
is then incomplete and names it), or raises :class:`RecordError` when a field is there
but is not what the data standard says. Optional fields that are absent read as 0/false.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import partial
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from app.domain.area import parse_area
from app.domain.idnumber import normalize_id_number
from app.domain.money import parse_money
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError
from app.rating.errors import RecordError
from app.rating.events import HONOUR, Event, PlatformFacts, merge
from app.rating.fields import HONOUR_LEVEL, LAND_KIND, FieldSpec


class _Sentinel:
    def __init__(self, name: str):
        self._name = name

    def __repr__(self) -> str:
        return self._name


MISSING: Any = _Sentinel("MISSING")  # a required field was not collected
UNDEFINED: Any = _Sentinel("UNDEFINED")  # a derived value that has no meaning (debt ratio of no assets)
ZERO = Decimal("0.00")

Reader = Callable[[Mapping[str, Any], PlatformFacts], Any]


class Loan(NamedTuple):
    balance: Decimal
    overdue_days: int


class Plot(NamedTuple):
    kind: str
    area_mu: Decimal


def fault(path: str, template: str, **params: object) -> RecordError:
    """A :class:`RecordError` for ``path`` with a Chinese message from ``template``."""
    return RecordError(template.format(field=path, **params), field=path)


_NOT_INT = QT_TRANSLATE_NOOP("problems", "{field}：应为整数，现在是 {raw!r}")
_NOT_BOOL = QT_TRANSLATE_NOOP("problems", "{field}：应为 true 或 false，现在是 {raw!r}")
_NOT_CODE = QT_TRANSLATE_NOOP("problems", "{field}：“{raw}”不是可用的代码，可选：{codes}")
_NOT_DATE = QT_TRANSLATE_NOOP("problems", "{field}：日期应写成 YYYY-MM-DD，现在是 {raw!r}")
_NOT_LIST = QT_TRANSLATE_NOOP("problems", "{field}：应为列表，现在是 {raw!r}")
_NOT_ITEM = QT_TRANSLATE_NOOP("problems", "{field}：缺少必填项或不是对象")
_NOT_TEXT = QT_TRANSLATE_NOOP("problems", "{field}：应为文本，现在是 {raw!r}")
_BAD_VALUE = QT_TRANSLATE_NOOP("problems", "{field}：{message}")


def read_int(raw: object, path: str) -> int:
    """A non-negative whole number (a count of years, people, months, events)."""
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise fault(path, _NOT_INT, raw=raw)
    return raw


def read_bool(raw: object, path: str) -> bool:
    if not isinstance(raw, bool):
        raise fault(path, _NOT_BOOL, raw=raw)
    return raw


def read_code(raw: object, path: str, codes: Mapping[str, str]) -> str:
    if not isinstance(raw, str) or raw not in codes:
        raise fault(path, _NOT_CODE, raw=raw, codes="、".join(codes))
    return raw


def read_date(raw: object, path: str) -> date:
    try:
        return date.fromisoformat(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise fault(path, _NOT_DATE, raw=raw) from None


# The data standard's own spelling of money and areas ("85000.00", "12.5"): read directly,
# since parse_money/parse_area cost ten times more and this is most of a rating's input.
# Anything else (signs, separators, full-width digits, units, faults) goes to the domain.
PLAIN = re.compile(r"\d{1,12}(?:\.\d{1,2})?")
CENT = Decimal("0.01")


def read_money(raw: object, path: str, *, signed: bool = False) -> Decimal:
    """Yuan with two places (see :func:`app.domain.money.parse_money`)."""
    if type(raw) is str and PLAIN.fullmatch(raw):
        return Decimal(raw).quantize(CENT)
    try:
        return parse_money(raw, field=path, allow_negative=signed)  # type: ignore[arg-type]
    except DomainError as error:
        raise fault(path, _BAD_VALUE, message=error.problem.message) from None


def read_area(raw: object, path: str) -> Decimal:
    """Mu with two places (see :func:`app.domain.area.parse_area`)."""
    if type(raw) is str and PLAIN.fullmatch(raw):
        return Decimal(raw).quantize(CENT)
    try:
        return parse_area(raw, field=path)  # type: ignore[arg-type]
    except DomainError as error:
        raise fault(path, _BAD_VALUE, message=error.problem.message) from None


def read_id_number(raw: object, path: str) -> str:
    if not isinstance(raw, str):
        raise fault(path, _NOT_TEXT, raw=raw)
    return normalize_id_number(raw)


def _items(raw: object, path: str) -> list[Mapping[str, Any]]:
    if not isinstance(raw, list):
        raise fault(path, _NOT_LIST, raw=raw)
    for index, item in enumerate(raw):
        # dict first: the ABC check of Mapping is slow and records are JSON dicts.
        if type(item) is not dict and not isinstance(item, Mapping):
            raise fault(f"{path}[{index}]", _NOT_ITEM)
    return raw


# Paths such as "loans[1].balance" are built only when something is wrong: a rating reads
# many list items and must stay fast.

def _need(item: Mapping[str, Any], key: str, path: str, index: int) -> Any:
    value = item.get(key)
    if value is None:
        raise fault(f"{path}[{index}].{key}", _NOT_ITEM)
    return value


def _money_at(raw: Any, path: str, index: int, key: str) -> Decimal:
    if type(raw) is str and PLAIN.fullmatch(raw):
        return Decimal(raw).quantize(CENT)
    return read_money(raw, f"{path}[{index}].{key}")


def _int_at(raw: Any, path: str, index: int, key: str) -> int:
    if type(raw) is int and raw >= 0:
        return raw
    return read_int(raw, f"{path}[{index}].{key}")


def _bool_at(raw: Any, path: str, index: int, key: str) -> bool:
    if raw is True or raw is False:
        return raw
    return read_bool(raw, f"{path}[{index}].{key}")


def _date_at(raw: Any, path: str, index: int, key: str) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise fault(f"{path}[{index}].{key}", _NOT_DATE, raw=raw) from None


def _code_at(raw: Any, path: str, index: int, key: str, codes: Mapping[str, str]) -> str:
    if raw in codes and type(raw) is str:
        return raw
    return read_code(raw, f"{path}[{index}].{key}", codes)


def read_loans(raw: object, path: str) -> tuple[Loan, ...]:
    return tuple([Loan(_money_at(_need(loan, "balance", path, i), path, i, "balance"),
                       _int_at(_need(loan, "overdue_days", path, i), path, i, "overdue_days"))
                  for i, loan in enumerate(_items(raw, path))])


def read_land(raw: object, path: str) -> tuple[Plot, ...]:
    plots = []
    for i, plot in enumerate(_items(raw, path)):
        area = _need(plot, "area_mu", path, i)
        if not (type(area) is str and PLAIN.fullmatch(area)):
            area = read_area(area, f"{path}[{i}].area_mu")
        plots.append(Plot(_code_at(_need(plot, "kind", path, i), path, i, "kind", LAND_KIND),
                          Decimal(area).quantize(CENT)))
    return tuple(plots)


def read_members(raw: object, path: str) -> tuple[bool, ...]:
    """Each member's ``is_labour`` (all the rating needs of members)."""
    return tuple([_bool_at(_need(m, "is_labour", path, i), path, i, "is_labour")
                  for i, m in enumerate(_items(raw, path))])


def read_honours(raw: object, path: str) -> tuple[Event, ...]:
    return tuple([Event(_date_at(_need(h, "date", path, i), path, i, "date"), HONOUR,
                        _code_at(_need(h, "level", path, i), path, i, "level", HONOUR_LEVEL),
                        str(h.get("title", "")))
                  for i, h in enumerate(_items(raw, path))])


def read_penalties(raw: object, path: str, kinds: Mapping[str, str]) -> tuple[Event, ...]:
    """Penalty events; ``kinds`` is the scheme's vocabulary (``event_kinds``)."""
    return tuple([Event(_date_at(_need(p, "date", path, i), path, i, "date"),
                        _code_at(_need(p, "kind", path, i), path, i, "kind", kinds),
                        None, str(p.get("source", "")))
                  for i, p in enumerate(_items(raw, path))])


def read_codes(raw: object, path: str, codes: Mapping[str, str]) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise fault(path, _NOT_LIST, raw=raw)
    return tuple(read_code(code, f"{path}[{i}]", codes) for i, code in enumerate(raw))


_OPTIONAL_DEFAULTS: dict[str, object] = {"money": ZERO, "signed_money": ZERO, "bool": False, "int": 0}


def make_reader(spec: FieldSpec, event_kinds: Mapping[str, str]) -> Reader:
    """A reader for one field, chosen once when a scheme is compiled; ``event_kinds`` are the
    penalty kinds the scheme knows (a record's penalty of another kind is refused)."""
    name, kind = spec.name, spec.kind
    parse = _parser(spec, event_kinds)
    absent = _OPTIONAL_DEFAULTS[kind] if spec.optional else MISSING

    if kind == "honours" or kind == "penalties":
        def read_events(record: Mapping[str, Any], facts: PlatformFacts) -> Any:
            raw = record.get(name)
            extra = facts.honours if kind == "honours" else facts.penalties
            if raw is None:
                return MISSING
            return merge(parse(raw), extra)
        return read_events

    def read(record: Mapping[str, Any], facts: PlatformFacts) -> Any:
        raw = record.get(name)
        return absent if raw is None else parse(raw)
    return read


def _parser(spec: FieldSpec, event_kinds: Mapping[str, str]) -> Callable[[object], Any]:
    name, codes = spec.name, spec.codes
    parsers: dict[str, Callable[[object], Any]] = {
        "money": partial(read_money, path=name),
        "signed_money": partial(read_money, path=name, signed=True),
        "int": partial(read_int, path=name),
        "bool": partial(read_bool, path=name),
        "enum": partial(read_code, path=name, codes=codes),
        "date": partial(read_date, path=name),
        "id_number": partial(read_id_number, path=name),
        "loans": partial(read_loans, path=name),
        "land": partial(read_land, path=name),
        "members": partial(read_members, path=name),
        "honours": partial(read_honours, path=name),
        "penalties": partial(read_penalties, path=name, kinds=event_kinds),
        "codes": partial(read_codes, path=name, codes=codes),
    }
    return parsers[spec.kind]
