"""The hash chain of the append-only audit log: pure functions over plain mappings.

Every entry has ``seq`` (1, 2, 3, ...), ``at`` (ISO 8601 string), ``actor``, ``action``,
``target_type``, ``target_id``, ``details`` (a JSON object), ``prev_hash`` and ``hash``.
``hash = SHA-256(prev_hash || canonical_bytes(entry))`` in hex, and ``prev_hash`` is
the hash of the entry before (:data:`GENESIS` for the first). Changing, deleting,
inserting or reordering any entry therefore breaks the link at that point, and
:func:`verify_chain` names the first sequence number where that happens.

What the chain does and does not prove. A plain chain uses no secret: whoever can
write the database can recompute every hash after the entry they changed, and the
rewritten log verifies. It detects tampering only by someone who cannot also replace
the *head* hash that was recorded somewhere they cannot write. That is why the client
sends its head ``(seq, hash)`` to the city platform at every sync: from then on that
prefix is anchored, and :func:`verify_chain` with ``anchor=`` shows any rewrite of it
(or the deletion of its tail), while the unsynced tail stays tamper-evident only
against careless edits such as a row changed with a SQLite browser.

A keyed variant (HMAC-SHA256 instead of SHA-256) is available through ``key=``, but
on a laptop the key would sit beside the log or derive from the database key that
every user can unwrap, so it adds little against the people who can write the
database; it helps only where the key lives elsewhere (e.g. on the platform).

``canonical_bytes`` covers exactly :data:`CONTENT_FIELDS`, so a store row may carry
extra columns (a UUID id, say) without breaking verification; a field added later
must join :data:`CONTENT_FIELDS` together with a new chain from that point.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.security.errors import make_problem

GENESIS = "0" * 64
CONTENT_FIELDS = ("seq", "at", "actor", "action", "target_type", "target_id", "details")


@dataclass(frozen=True)
class Anchor:
    """A head ``(seq, hash)`` recorded where the laptop cannot rewrite it (the platform)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """The result of :func:`verify_chain`.

    ``verified`` counts the entries that checked out before the first fault (or all);
    ``head_hash`` is the hash of the last good entry; ``first_bad_seq`` is the sequence
    number at which the chain first fails (entries before it are intact).
    """

    ok: bool
    verified: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: Problem | None = None


def canonical_bytes(entry: Mapping[str, Any]) -> bytes:
    """The content of ``entry`` as stable JSON: sorted keys, UTF-8, no spaces, no NaN.

    Only :data:`CONTENT_FIELDS` are included; ``prev_hash`` enters the hash separately
    and ``hash`` cannot cover itself. Values must be JSON-native (str, int, bool,
    None, lists, dicts with str keys): a Decimal or date must be a string already, so
    that what is stored is exactly what was hashed. ``KeyError`` if a field is missing.
    """
    content = {name: entry[name] for name in CONTENT_FIELDS}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def chain_hash(prev_hash: str, entry: Mapping[str, Any], key: bytes | None = None) -> str:
    """SHA-256 (or HMAC-SHA256 with ``key``) hex of ``prev_hash`` followed by the content."""
    message = prev_hash.encode("ascii") + canonical_bytes(entry)
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def new_entry(prev: Mapping[str, Any] | None, *, key: bytes | None = None,
              **fields: Any) -> dict[str, Any]:
    """The entry that follows ``prev`` (or starts the chain), with seq, prev_hash and hash.

    ``fields`` needs ``at``, ``actor`` and ``action``; ``target_type``, ``target_id``
    default to None and ``details`` to ``{}``. ``details`` is copied through JSON, so
    the entry holds exactly what a JSON column gives back (tuples become lists).
    """
    reserved = {"seq", "prev_hash", "hash"} & set(fields)
    if reserved:
        raise TypeError(f"new_entry fills {sorted(reserved)} itself")
    entry: dict[str, Any] = {"target_type": None, "target_id": None, **fields}
    entry["details"] = json.loads(json.dumps(fields.get("details", {}), allow_nan=False))
    entry["seq"] = 1 if prev is None else int(prev["seq"]) + 1
    entry["prev_hash"] = GENESIS if prev is None else str(prev["hash"])
    entry["hash"] = chain_hash(entry["prev_hash"], entry, key)
    return entry


def verify_chain(entries: Iterable[Mapping[str, Any]], *, key: bytes | None = None,
                 start: Anchor | None = None, anchor: Anchor | None = None) -> ChainReport:
    """Check ``entries`` in the order given (the store reads them by ``seq``).

    ``start`` verifies a tail that begins after a trusted entry (default: the chain
    begins at seq 1 after :data:`GENESIS`); ``anchor`` is a head recorded on the
    platform, which must be present with that exact hash.
    """
    expected_seq = 1 if start is None else start.seq + 1
    head = GENESIS if start is None else start.hash
    verified = 0
    for entry in entries:
        problem = _fault(entry, expected_seq, head, key)
        if problem is not None:
            return ChainReport(False, verified, head, expected_seq, problem)
        if anchor is not None and entry["seq"] == anchor.seq and entry["hash"] != anchor.hash:
            return ChainReport(False, verified, head, expected_seq, _anchor_problem(anchor))
        head, expected_seq, verified = entry["hash"], expected_seq + 1, verified + 1
    if anchor is not None and expected_seq <= anchor.seq:
        return ChainReport(False, verified, head, expected_seq, _anchor_problem(anchor))
    return ChainReport(True, verified, head)


def _fault(entry: Mapping[str, Any], expected_seq: int, head: str,
           key: bytes | None) -> Problem | None:
    """Why ``entry`` cannot stand at ``expected_seq`` after ``head``, or None if it can."""
    try:
        seq, prev_hash, stored = int(entry["seq"]), entry["prev_hash"], entry["hash"]
        actual = chain_hash(str(prev_hash), entry, key)
    except (KeyError, TypeError, ValueError, UnicodeEncodeError):
        return _problem("audit.malformed", QT_TRANSLATE_NOOP(
            "problems", "审计日志第{seq}条记录格式不完整，无法校验"), seq=expected_seq)
    if seq > expected_seq:
        return _problem("audit.gap", QT_TRANSLATE_NOOP(
            "problems", "审计日志第{seq}条的位置出现了第{found}条记录，中间的记录可能被删除或调换顺序"),
            seq=expected_seq, found=seq)
    if seq < expected_seq:
        return _problem("audit.out_of_order", QT_TRANSLATE_NOOP(
            "problems", "审计日志第{seq}条的位置出现了重复或靠前的第{found}条记录，记录可能被插入或调换顺序"),
            seq=expected_seq, found=seq)
    if prev_hash != head:
        return _problem("audit.broken_link", QT_TRANSLATE_NOOP(
            "problems", "审计日志第{seq}条与前一条记录的链接断开，记录可能被删除、插入或调换"),
            seq=expected_seq)
    if not hmac.compare_digest(str(stored), actual):
        return _problem("audit.edited", QT_TRANSLATE_NOOP(
            "problems", "审计日志第{seq}条记录的内容与其校验值不符，记录可能被修改"), seq=expected_seq)
    return None


def _anchor_problem(anchor: Anchor) -> Problem:
    return _problem("audit.anchor_mismatch", QT_TRANSLATE_NOOP(
        "problems", "审计日志与已同步到平台的第{seq}条记录不一致，日志可能被改写或截断"), seq=anchor.seq)


def _problem(code: str, template: str, **params: object) -> Problem:
    return make_problem("audit", code, template, **params)
