"""Rating a data-standard JSON document, as ``python -m app rate --input FILE`` does.

A document is one record (a dict), a list of records, or ``{"records": [...], "events": [...]}``.
Platform records (``record_type`` ``blacklist_entry`` or ``conduct_event``) anywhere in a list
are not rated: they feed the vetoes and conduct indicators of the records they name.
The answer has the same shape: a result, a list of results, or ``{"results": [...]}``;
each result is the data standard's "Rating result" preceded by ``record_id`` (the record's ``id``).
"""
from __future__ import annotations

from datetime import date
from collections.abc import Mapping
from typing import Any

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.engine import rate
from app.rating.errors import RecordError, SchemeError
from app.rating.fields import RECORD_TYPES
from app.rating.model import Scheme
from app.rating.scheme import find_scheme

DEFAULT_SCHEMES = {"household": "household-default", "cooperative": "cooperative-default"}
PLATFORM_TYPES = ("blacklist_entry", "conduct_event")

_AT_RECORD = QT_TRANSLATE_NOOP("problems", "第 {number} 条记录（records[{index}]）：{message}")
_NOT_RECORD = QT_TRANSLATE_NOOP("problems", "{field}：应为一个 JSON 对象")
_RECORD_TYPE = QT_TRANSLATE_NOOP("problems", "{field}：应为 {types}，现在是 {raw!r}")
_SCHEME_TYPE = QT_TRANSLATE_NOOP("problems", "{field}：方案 {scheme} 只评{expected}记录，这条是 {raw}")
_BAD_REF = QT_TRANSLATE_NOOP("problems", "评分方案写法应为“编号@版本”，如 household-default@1，现在是 {ref!r}")
_BAD_DOCUMENT = QT_TRANSLATE_NOOP("problems", "输入应为一条记录、记录列表，或含 records 的对象")


def rate_json_document(doc: dict[str, Any] | list[Any], scheme_ref: str | None,
                       on: date) -> dict[str, Any] | list[dict[str, Any]]:
    """Rate every record of ``doc`` on ``on`` and return the results as data-standard JSON.

    ``scheme_ref`` ("ID@VERSION" or "ID" for the latest) rates every record with that
    scheme; None picks the default scheme of each record's ``record_type``. Raises
    :class:`RecordError` (message naming the record and field) or :class:`SchemeError`.
    """
    fixed = parse_scheme_ref(scheme_ref) if scheme_ref else None
    if isinstance(doc, list):
        return _rate_all(doc, [], fixed, on)
    if isinstance(doc, dict) and "records" in doc:
        records, events = doc["records"], doc.get("events") or []
        if not isinstance(records, list) or not isinstance(events, list):
            raise RecordError(_BAD_DOCUMENT, field="records")
        return {"results": _rate_all(records, events, fixed, on)}
    if isinstance(doc, dict):
        return _rate_all([doc], [], fixed, on)[0]
    raise RecordError(_BAD_DOCUMENT, field="")


def parse_scheme_ref(ref: str) -> Scheme:
    """The scheme that ``"ID@VERSION"`` (or ``"ID"``: the latest version) names."""
    ident, _, version = ref.partition("@")
    if not ident or (version and not version.isdigit()):
        raise SchemeError(_BAD_REF.format(ref=ref))
    return find_scheme(ident, int(version) if version else None)


def _rate_all(items: list[Any], events: list[Any], fixed: Scheme | None, on: date) -> list[dict[str, Any]]:
    platform = [*events, *(i for i in items if isinstance(i, Mapping) and i.get("record_type") in PLATFORM_TYPES)]
    results = []
    for index, record in enumerate(items):
        if isinstance(record, Mapping) and record.get("record_type") in PLATFORM_TYPES:
            continue
        try:
            scheme = _scheme_for(record, fixed)
            result = rate(record, scheme, on, events=platform).to_json()
            results.append({"record_id": record.get("id"), **result})
        except RecordError as error:
            message = _AT_RECORD.format(number=index + 1, index=index, message=error)
            raise RecordError(message, field=error.field, index=index) from None
    return results


def _scheme_for(record: Any, fixed: Scheme | None) -> Scheme:
    if not isinstance(record, Mapping):
        raise RecordError(_NOT_RECORD.format(field="record"), field="")
    record_type = record.get("record_type")
    if record_type not in RECORD_TYPES:
        raise RecordError(_RECORD_TYPE.format(field="record_type", types="、".join(RECORD_TYPES),
                                              raw=record_type), field="record_type")
    if fixed is None:
        return find_scheme(DEFAULT_SCHEMES[record_type])
    if fixed.record_type != record_type:
        raise RecordError(_SCHEME_TYPE.format(field="record_type", scheme=fixed.ref,
                                              expected=fixed.record_type, raw=record_type),
                          field="record_type")
    return fixed
