"""The audit chain detects an edited, deleted, inserted or reordered entry and names where."""
from __future__ import annotations

import hashlib
import hmac
import json
from decimal import Decimal

import pytest

from app.security.audit_chain import (
    GENESIS, Anchor, canonical_bytes, chain_hash, new_entry, verify_chain,
)

KEY = b"k" * 32


def make_chain(count: int = 6, key: bytes | None = None) -> list[dict]:
    entries, prev = [], None
    for number in range(1, count + 1):
        prev = new_entry(prev, key=key, at=f"2024-05-01T09:{number:02d}:00+08:00", actor="王信贷",
                         action="save_household", target_type="household", target_id=f"hh-{number}",
                         details={"changed": ["income"], "note": f"第{number}次保存"})
        entries.append(prev)
    return entries


def rehash_from(entries: list[dict], start: int, key: bytes | None = None) -> list[dict]:
    """What someone with write access does: recompute every link after ``start`` (0-based)."""
    fixed = [dict(entry) for entry in entries]
    for index in range(start, len(fixed)):
        fixed[index]["seq"] = index + 1
        fixed[index]["prev_hash"] = GENESIS if index == 0 else fixed[index - 1]["hash"]
        fixed[index]["hash"] = chain_hash(fixed[index]["prev_hash"], fixed[index], key)
    return fixed


def test_canonical_bytes_are_sorted_compact_utf8_and_leave_out_the_hashes():
    entry = {"seq": 1, "at": "2024-05-01T09:00:00+08:00", "actor": "张三", "action": "login",
             "target_type": None, "target_id": None, "details": {"b": 1, "a": "乡"},
             "prev_hash": GENESIS, "hash": "ignored", "row_id": "extra column"}
    expected = ('{"action":"login","actor":"张三","at":"2024-05-01T09:00:00+08:00",'
                '"details":{"a":"乡","b":1},"seq":1,"target_id":null,"target_type":null}')
    assert canonical_bytes(entry) == expected.encode("utf-8")


def test_chain_hash_is_sha256_hex_of_the_previous_hash_then_the_content():
    entry = make_chain(1)[0]
    expected = hashlib.sha256(GENESIS.encode() + canonical_bytes(entry)).hexdigest()
    assert chain_hash(GENESIS, entry) == expected == entry["hash"]
    assert len(expected) == 64


@pytest.mark.parametrize("value", [Decimal("1.50"), float("nan")])
def test_details_that_json_cannot_store_exactly_are_refused(value):
    with pytest.raises((TypeError, ValueError)):
        new_entry(None, at="2024-05-01T09:00:00+08:00", actor="a", action="x", details={"v": value})


def test_new_entry_numbers_and_links_each_entry_to_the_one_before():
    first, second = make_chain(2)
    assert (first["seq"], first["prev_hash"]) == (1, GENESIS)
    assert (second["seq"], second["prev_hash"]) == (2, first["hash"])


def test_new_entry_stores_details_as_json_gives_them_back():
    entry = new_entry(None, at="2024-05-01T09:00:00+08:00", actor="a", action="x",
                      details={"fields": ("income", "debts")})
    assert entry["details"] == json.loads(json.dumps(entry["details"]))
    assert entry["details"]["fields"] == ["income", "debts"]
    assert (entry["target_type"], entry["target_id"]) == (None, None)


def test_new_entry_refuses_to_be_told_its_sequence_or_hashes():
    with pytest.raises(TypeError):
        new_entry(None, seq=7, at="2024-05-01T09:00:00+08:00", actor="a", action="x")


def test_an_intact_chain_verifies_and_reports_its_head():
    entries = make_chain(6)
    report = verify_chain(entries)
    assert report.ok and report.verified == 6 and report.first_bad_seq is None
    assert report.head_hash == entries[-1]["hash"]


def test_an_empty_log_verifies_with_the_genesis_head():
    report = verify_chain([])
    assert report.ok and report.verified == 0 and report.head_hash == GENESIS


@pytest.mark.parametrize("field, value", [
    ("actor", "李审核"), ("action", "delete_household"), ("at", "2024-05-01T10:00:00+08:00"),
    ("target_id", "hh-999"), ("details", {"changed": ["debts"]}), ("target_type", "cooperative"),
])
def test_an_edited_entry_is_named(field, value):
    entries = make_chain(6)
    entries[2] = {**entries[2], field: value}
    report = verify_chain(entries)
    assert not report.ok
    assert (report.first_bad_seq, report.problem.code, report.verified) == (3, "audit.edited", 2)
    assert report.head_hash == entries[1]["hash"]


def test_a_replaced_hash_is_caught_at_its_own_entry():
    entries = make_chain(6)
    entries[2] = {**entries[2], "hash": chain_hash(entries[2]["prev_hash"], {**entries[2], "actor": "x"})}
    report = verify_chain(entries)
    assert report.first_bad_seq == 3 and report.problem.code == "audit.edited"


@pytest.mark.parametrize("deleted", [0, 2, 4])
def test_a_deleted_entry_leaves_a_gap_at_its_sequence_number(deleted):
    entries = make_chain(6)
    del entries[deleted]
    report = verify_chain(entries)
    assert (report.ok, report.first_bad_seq, report.problem.code) == (False, deleted + 1, "audit.gap")
    assert "中间的记录可能被删除" in report.problem.message


def test_a_deleted_entry_with_the_rest_renumbered_breaks_the_link():
    entries = make_chain(6)
    del entries[2]
    renumbered = [{**entry, "seq": index + 1} for index, entry in enumerate(entries)]
    report = verify_chain(renumbered)
    assert (report.first_bad_seq, report.problem.code) == (3, "audit.broken_link")


def test_an_inserted_entry_that_reuses_a_sequence_number_is_named():
    entries = make_chain(6)
    forged = new_entry(entries[1], at="2024-05-01T09:02:30+08:00", actor="伪造", action="confirm")
    report = verify_chain([*entries[:2], forged, *entries[2:]])
    assert (report.first_bad_seq, report.problem.code) == (4, "audit.out_of_order")


def test_an_inserted_entry_with_the_rest_renumbered_fails_at_the_first_old_entry_moved():
    entries = make_chain(6)
    forged = new_entry(entries[1], at="2024-05-01T09:02:30+08:00", actor="伪造", action="confirm")
    moved = [{**entry, "seq": entry["seq"] + 1} for entry in entries[2:]]
    report = verify_chain([*entries[:2], forged, *moved])
    assert (report.first_bad_seq, report.problem.code) == (4, "audit.broken_link")


def test_two_swapped_entries_are_named_at_the_first_position():
    entries = make_chain(6)
    entries[2], entries[3] = entries[3], entries[2]
    report = verify_chain(entries)
    assert (report.first_bad_seq, report.problem.code) == (3, "audit.gap")


def test_swapped_contents_under_the_original_sequence_numbers_break_the_link():
    entries = make_chain(6)
    third, fourth = entries[2], entries[3]
    entries[2], entries[3] = {**fourth, "seq": 3}, {**third, "seq": 4}
    report = verify_chain(entries)
    assert (report.first_bad_seq, report.problem.code) == (3, "audit.broken_link")


def test_a_duplicated_entry_is_named():
    entries = make_chain(6)
    report = verify_chain([*entries[:3], entries[2], *entries[3:]])
    assert (report.first_bad_seq, report.problem.code) == (4, "audit.out_of_order")


@pytest.mark.parametrize("missing", ["seq", "hash", "prev_hash", "action", "details"])
def test_an_entry_missing_a_field_is_reported_as_malformed(missing):
    entries = make_chain(3)
    del entries[1][missing]
    report = verify_chain(entries)
    assert (report.first_bad_seq, report.problem.code) == (2, "audit.malformed")


def test_a_full_rewrite_verifies_on_its_own_but_not_against_the_synced_anchor():
    entries = make_chain(6)
    anchor = Anchor(seq=4, hash=entries[3]["hash"])
    entries[1] = {**entries[1], "details": {"changed": ["nothing to see"]}}
    rewritten = rehash_from(entries, 1)
    assert verify_chain(rewritten).ok  # the limit of a chain without an outside anchor
    report = verify_chain(rewritten, anchor=anchor)
    assert (report.ok, report.first_bad_seq, report.problem.code) == (False, 4, "audit.anchor_mismatch")


def test_a_log_cut_short_before_the_synced_anchor_is_refused():
    entries = make_chain(6)
    anchor = Anchor(seq=5, hash=entries[4]["hash"])
    assert verify_chain(entries, anchor=anchor).ok
    report = verify_chain(entries[:3], anchor=anchor)
    assert (report.ok, report.first_bad_seq, report.problem.code) == (False, 4, "audit.anchor_mismatch")


def test_a_tail_verifies_from_a_trusted_starting_entry():
    entries = make_chain(6)
    start = Anchor(seq=2, hash=entries[1]["hash"])
    assert verify_chain(entries[2:], start=start).verified == 4
    wrong_start = Anchor(seq=2, hash=entries[0]["hash"])
    assert verify_chain(entries[2:], start=wrong_start).problem.code == "audit.broken_link"


def test_the_keyed_chain_needs_the_key_and_resists_a_rewrite_without_it():
    entries = make_chain(4, key=KEY)
    assert entries[0]["hash"] == hmac.new(KEY, GENESIS.encode() + canonical_bytes(entries[0]),
                                          hashlib.sha256).hexdigest()
    assert verify_chain(entries, key=KEY).ok
    assert verify_chain(entries).first_bad_seq == 1
    assert verify_chain(entries, key=b"other key").first_bad_seq == 1
    edited = [entries[0], {**entries[1], "actor": "伪造"}, *entries[2:]]
    assert verify_chain(rehash_from(edited, 1), key=KEY).first_bad_seq == 2
