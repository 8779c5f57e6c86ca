"""Which local changes of a damaged store never reached the platform (they must be entered again
after a restore): read through a read-only connection, listed by record type and masked name.

Never an ID number: households are named by the head's masked name, cooperatives by their
masked name, other records (ratings, certificates) are counted by type. A store too damaged to
read gives None ("cannot tell"); names on unreadable pages stay unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import quote

from app.domain.masking import mask_name
from app.domain.problems import QT_TRANSLATE_NOOP

UNSYNCED_FILE = "unsynced.txt"
TYPE_NAMES = {"household": QT_TRANSLATE_NOOP("unsynced", "农户"),
              "cooperative": QT_TRANSLATE_NOOP("unsynced", "合作社"),
              "rating": QT_TRANSLATE_NOOP("unsynced", "评级"),
              "certificate": QT_TRANSLATE_NOOP("unsynced", "证书")}
OP_NAMES = {"insert": QT_TRANSLATE_NOOP("unsynced", "新建"), "patch": QT_TRANSLATE_NOOP("unsynced", "修改"),
            "delete": QT_TRANSLATE_NOOP("unsynced", "删除")}
ITEM = QT_TRANSLATE_NOOP("unsynced", "{kind} {name}（{op}）")
OTHERS = QT_TRANSLATE_NOOP("unsynced", "{kind} {count} 项")
UNKNOWN_NAME = "?"
_NAMES = {"household": "SELECT id, head_name FROM households WHERE id IN ({marks})",
          "cooperative": "SELECT id, name FROM cooperatives WHERE id IN ({marks})"}
_CHUNK = 500  # SQLite's bound-parameter limit is higher; pending records are rarely more


@dataclass(frozen=True)
class UnsyncedRecord:
    """A household or cooperative with unsent changes: its type, masked name and what was done."""

    record_type: str
    name: str
    op: str  # insert (new here), patch (edited here), delete (deleted here)


@dataclass(frozen=True)
class Unsynced:
    """``changes`` pending mutations (audit-trail lines not counted): the households and
    cooperatives they touch (``records``, oldest first) and how many other records per type."""

    changes: int
    records: tuple[UnsyncedRecord, ...]
    others: Mapping[str, int] = field(default_factory=dict)


def unsynced_changes(path: Path, key: bytes) -> Unsynced | None:
    """The unsent changes in the database ``path`` (SQLCipher under ``key``); None if unreadable."""
    import sqlcipher3

    if not Path(path).is_file():
        return None
    try:
        connection = sqlcipher3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            connection.execute("PRAGMA cipher_log_level = NONE")
            rows = connection.execute("SELECT record_type, record_id, op FROM outbox WHERE state = 'pending' "
                                      "AND record_type != 'audit_entry' ORDER BY mutation_id").fetchall()
            return Unsynced(len(rows), *_records(connection, rows))
        finally:
            connection.close()
    except sqlcipher3.DatabaseError:
        return None


def _records(connection, rows: list[tuple[str, str, str]]) -> tuple[tuple[UnsyncedRecord, ...], dict[str, int]]:
    ops: dict[tuple[str, str], str] = {}
    for record_type, record_id, op in rows:  # a record made here stays "new" whatever followed
        earlier = ops.get((record_type, record_id))
        ops[(record_type, record_id)] = op if earlier in (None, "patch") else earlier
    names = {kind: _names(connection, kind, [rid for (t, rid) in ops if t == kind]) for kind in _NAMES}
    others: dict[str, int] = {}
    for kind, _rid in ops:
        if kind not in _NAMES:
            others[kind] = others.get(kind, 0) + 1
    return tuple(UnsyncedRecord(kind, names[kind].get(rid, UNKNOWN_NAME), op)
                 for (kind, rid), op in ops.items() if kind in _NAMES), others


def _names(connection, kind: str, ids: list[str]) -> dict[str, str]:
    import sqlcipher3

    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        try:
            rows = connection.execute(_NAMES[kind].format(marks=",".join("?" * len(chunk))), chunk).fetchall()
        except sqlcipher3.DatabaseError:
            continue  # those pages are damaged: the names stay unknown, the count stands
        found.update((rid, mask_name(str(name or ""))) for rid, name in rows)
    return found


Translate = Callable[[str, str], str]


def _same(_context: str, text: str) -> str:
    return text


def describe(record: UnsyncedRecord, translate: Translate = _same) -> str:
    """``农户 张*丰（修改）``: type, masked name and what was done; ``translate(context, text)``
    turns the Chinese templates into the UI language (the identity for the CLI and the file)."""
    return translate("unsynced", ITEM).format(kind=translate("unsynced", TYPE_NAMES[record.record_type]),
                                              name=record.name,
                                              op=translate("unsynced", OP_NAMES.get(record.op, record.op)))


def describe_others(unsynced: Unsynced, translate: Translate = _same) -> list[str]:
    """``评级 3 项`` for each type of record without a name to show."""
    return [translate("unsynced", OTHERS).format(kind=translate("unsynced", TYPE_NAMES.get(kind, kind)), count=n)
            for kind, n in unsynced.others.items()]


def write_list(folder: Path, unsynced: Unsynced) -> Path | None:
    """Write the records, one a line, to ``folder/unsynced.txt`` (beside the quarantined copy); its path.

    None when there is nothing to list. Masked names only, so the file may sit in plain text.
    """
    lines = [describe(r) for r in unsynced.records] + describe_others(unsynced)
    if not lines:
        return None
    target = Path(folder) / UNSYNCED_FILE
    target.write_text("".join(line + "\n" for line in lines), "utf-8")
    return target
