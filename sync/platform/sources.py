"""Reading what administrators load: division lists, blacklist entries and conduct events.

Every row is checked before anything is written, and a bad row refuses the whole file with
its row number, so a half-loaded file never reaches the field.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.domain.divisions import is_division_code, level_of
from app.domain.idnumber import parse_id_number
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError
from app.domain.uscc import parse_uscc

BLACKLIST_KINDS = ("dishonest_debtor", "serious_dishonest")
_ROW = QT_TRANSLATE_NOOP("sync", "{file} 第 {row} 条：{fault}")
_NEEDS = QT_TRANSLATE_NOOP("sync", "缺少“{field}”")
_KIND = QT_TRANSLATE_NOOP("sync", "类别“{kind}”不是 {allowed} 之一")
_DATE = QT_TRANSLATE_NOOP("sync", "“{field}”不是 YYYY-MM-DD 日期：{value}")
_SUBJECT = QT_TRANSLATE_NOOP("sync", "需要身份证号码（id_number / subject_id_number）或统一社会信用代码（uscc）")
_LEVEL = QT_TRANSLATE_NOOP("sync", "区划代码 {code} 与层级 {level} 不符")


class SourceError(ValueError):
    """A file refused whole; the message names the file and the row."""


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a CSV (header line, UTF-8 with or without BOM) or JSON (a list of objects) file."""
    text = path.read_text("utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        rows = data.get("entries", data.get("events")) if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise SourceError(_ROW.format(file=path.name, row=0, fault="JSON 应为对象列表"))
        return rows
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(io.StringIO(text))]


def blacklist_entries(path: Path) -> list[dict[str, Any]]:
    """Checked ``blacklist_entry`` documents of the data standard."""
    return [_checked(path, n, row, _blacklist_entry) for n, row in enumerate(read_rows(path), 1)]


def conduct_events(path: Path) -> list[dict[str, Any]]:
    """Checked ``conduct_event`` documents (``village_code`` kept when the file gives one)."""
    return [_checked(path, n, row, _conduct_event) for n, row in enumerate(read_rows(path), 1)]


def division_rows(path: Path) -> list[dict[str, Any]]:
    """The divisions of a YAML division list (``counties: [{code, name, townships: [...]}]``)."""
    document = yaml.safe_load(path.read_text("utf-8"))
    rows = []
    for county in document["counties"]:
        rows.append(_division(county, "county", None))
        for township in county["townships"]:
            rows.append(_division(township, "township", county["code"]))
            rows += [_division(v, "village", township["code"]) for v in township["villages"]]
    for row in rows:
        if not is_division_code(row["code"]) or level_of(row["code"]) != row["level"]:
            raise SourceError(_LEVEL.format(code=row["code"], level=row["level"]))
    return rows


def _division(item: dict[str, Any], level: str, parent: str | None) -> dict[str, Any]:
    return {"code": str(item["code"]), "name": str(item["name"]), "level": level, "parent_code": parent,
            "registered_households": int(item.get("registered_households", 0))}


def _checked(path: Path, number: int, row: dict[str, Any], build) -> dict[str, Any]:
    try:
        return build(row)
    except (DomainError, ValueError) as fault:
        raise SourceError(_ROW.format(file=path.name, row=number, fault=fault)) from None


def _blacklist_entry(row: dict[str, Any]) -> dict[str, Any]:
    kind = _required(row, "kind")
    if kind not in BLACKLIST_KINDS:
        raise ValueError(_KIND.format(kind=kind, allowed="、".join(BLACKLIST_KINDS)))
    entry = {"record_type": "blacklist_entry", **_subject(row, "id_number"), "kind": kind,
             "case_number": _required(row, "case_number"),
             "court_or_agency": _required(row, "court_or_agency"),
             "listed_on": _date(row, "listed_on")}
    if row.get("removed_on"):
        entry["removed_on"] = _date(row, "removed_on")
    return entry


def _conduct_event(row: dict[str, Any]) -> dict[str, Any]:
    event = {"record_type": "conduct_event", **_subject(row, "subject_id_number"),
             "kind": _required(row, "kind"), "date": _date(row, "date"), "source": _required(row, "source")}
    for optional in ("level", "note", "village_code"):
        if row.get(optional):
            event[optional] = str(row[optional])
    return event


def _subject(row: dict[str, Any], id_key: str) -> dict[str, str]:
    raw_id = row.get("subject_id_number") or row.get("id_number")
    if raw_id:
        return {id_key: parse_id_number(str(raw_id)).number}
    if row.get("uscc"):
        return {"uscc": parse_uscc(str(row["uscc"]))}
    raise ValueError(_SUBJECT)


def _required(row: dict[str, Any], name: str) -> str:
    value = str(row.get(name) or "").strip()
    if not value:
        raise ValueError(_NEEDS.format(field=name))
    return value


def _date(row: dict[str, Any], name: str) -> str:
    value = _required(row, name)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(_DATE.format(field=name, value=value)) from None
