"""Merging a patch made from an older revision: the platform's own changes are never overwritten."""
from __future__ import annotations

import pytest

from sync.platform.merge import bumped_revisions, merge_patch
from sync.protocol import decode_cursor, encode_cursor

SERVER = {"id": "x", "head_phone": "13900000001", "address": "一号", "years_resident": 10}
# head_phone changed at revision 3, address at 2; years_resident untouched since the insert.
REVISIONS = {"head_phone": 3, "address": 2}

CASES = [
    # (base, patch, document after, changed, conflicting fields)
    (3, {"head_phone": "13700000002"}, {**SERVER, "head_phone": "13700000002"}, ["head_phone"], []),
    (2, {"head_phone": "13700000002"}, SERVER, [], ["head_phone"]),
    (2, {"address": "二号"}, {**SERVER, "address": "二号"}, ["address"], []),
    (1, {"address": "二号", "years_resident": 11}, {**SERVER, "years_resident": 11}, ["years_resident"], ["address"]),
    (1, {"head_phone": "13900000001"}, SERVER, [], []),
    (1, {"years_resident": None}, {k: v for k, v in SERVER.items() if k != "years_resident"}, ["years_resident"], []),
    (1, {"id": "x", "group": "三组"}, {**SERVER, "group": "三组"}, ["group"], []),
]


@pytest.mark.parametrize("base, patch, after, changed, conflicts", CASES,
                         ids=["up to date", "both changed", "only the device changed", "mixed",
                              "same value is no conflict", "None removes", "identity keys are kept"])
def test_a_patch_merges_field_by_field(base, patch, after, changed, conflicts):
    result = merge_patch(SERVER, REVISIONS, base, patch)
    assert result.document == after
    assert result.changed == changed
    assert [c["field"] for c in result.conflicts] == conflicts
    for conflict in result.conflicts:
        assert (conflict["server_value"], conflict["client_value"]) == (SERVER[conflict["field"]],
                                                                       patch[conflict["field"]])


def test_changed_fields_are_stamped_with_the_new_revision():
    assert bumped_revisions(REVISIONS, ["address", "group"], 4) == {"head_phone": 3, "address": 4, "group": 4}


@pytest.mark.parametrize("seq", [0, 1, 987654321012])
def test_a_cursor_round_trips_and_stays_opaque(seq):
    cursor = encode_cursor(seq)
    assert str(seq) not in cursor and decode_cursor(cursor) == seq


@pytest.mark.parametrize("cursor", ["garbage!", encode_cursor(5).replace("=", "") + "x", "djI6NQ=="])
def test_a_foreign_cursor_is_refused(cursor):
    with pytest.raises(ValueError):
        decode_cursor(cursor)
