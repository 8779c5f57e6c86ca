"""The validator's speed-ups change nothing: a kept reading is served once, and never stale."""
from __future__ import annotations

import copy

from app.services.demo_data import DemoGenerator, VillageInfo
from app.survey.definition import load_form
from app.survey.reading import _read, read_record
from app.survey.validate import normalize_record, validate_record
from tests.roster.roster_helpers import TODAY

VILLAGE = VillageInfo("445122100203", "埔坑村")


def _household(seed: int) -> dict:
    return DemoGenerator(seed, TODAY).household(VILLAGE)


def test_validation_after_normalizing_reports_what_a_fresh_validation_reports():
    form = load_form("household")
    for seed in range(5):
        record = _household(seed)
        record["head_id_number"] = "440522197503081235"  # a wrong check character
        fresh = validate_record(copy.deepcopy(record), form, today=TODAY)
        normalize_record(record, form, today=TODAY)
        assert validate_record(record, form, today=TODAY) == fresh
        assert [p.code for p in fresh.errors] == ["id_number.checksum"]


def test_a_record_changed_after_normalizing_is_read_again():
    form = load_form("household")
    record = _household(3)
    normalize_record(record, form, today=TODAY)
    record["head_id_number"] = "not a number"
    assert not validate_record(record, form, today=TODAY).ok


def test_a_kept_reading_is_handed_out_once_and_equals_a_fresh_one():
    form = load_form("household")
    record = _household(4)
    normalize_record(record, form, today=TODAY)
    first, second = read_record(record, form, TODAY), read_record(record, form, TODAY)
    assert first is not second
    assert first == second == _read(record, form, TODAY)


def test_a_normalized_document_shares_no_list_with_the_reading():
    form = load_form("household")
    record = _household(6)
    document = normalize_record(record, form, today=TODAY)
    for value in document.values():
        if isinstance(value, list) and value and not isinstance(value[0], dict):
            value.append("changed")
    assert validate_record(record, form, today=TODAY) == validate_record(
        copy.deepcopy(record), form, today=TODAY)
