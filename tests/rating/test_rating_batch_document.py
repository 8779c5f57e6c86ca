"""rate_json_document: what the CLI's ``rate --input FILE`` runs."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.rating.batch import rate_json_document
from app.rating.errors import RecordError, SchemeError
from rating_samples import ON, USCC, cooperative, head_id, household


def test_a_single_record_gives_a_single_result_with_its_default_scheme():
    result = rate_json_document(household(), None, ON)
    assert result["scheme_id"] == "household-default" and result["score"] == "100.00"
    assert result["record_id"] == household()["id"]
    assert result["credit_line"] == "200000.00" and result["rated_on"] == "2024-06-01"


def test_a_list_picks_each_records_default_scheme_and_skips_platform_records():
    entry = {"record_type": "blacklist_entry", "id_number": head_id(40), "kind": "dishonest_debtor",
             "case_number": "(2024)执1号", "court_or_agency": "法院", "listed_on": "2024-01-01"}
    results = rate_json_document([household(), entry, cooperative()], None, ON)
    assert [r["scheme_id"] for r in results] == ["household-default", "cooperative-default"]
    assert results[0]["vetoes"] == ["V1"] and results[0]["grade"] == "C"


def test_an_envelope_carries_platform_events_for_its_records():
    event = {"record_type": "blacklist_entry", "uscc": USCC, "kind": "serious_dishonest", "case_number": "X1",
             "court_or_agency": "市场监管局", "listed_on": "2024-01-01"}
    answer = rate_json_document({"records": [cooperative()], "events": [event]}, None, ON)
    assert answer["results"][0]["vetoes"] == ["V1"]


def test_a_named_scheme_version_is_used_for_every_record():
    assert rate_json_document([household()], "household-default@1", ON)[0]["scheme_version"] == 1
    assert rate_json_document([household()], "household-default", ON)[0]["scheme_version"] == 1


@pytest.mark.parametrize("ref", ["household-default@x", "@1", "nothing-like-it@1"])
def test_a_bad_scheme_reference_is_refused(ref):
    with pytest.raises(SchemeError):
        rate_json_document([household()], ref, ON)


@pytest.mark.parametrize(("doc", "ref", "words"), [
    ([household(), household(annual_net_income="八万")], None, ["第 2 条记录", "records[1]", "annual_net_income"]),
    ([household(record_type="village")], None, ["第 1 条记录", "record_type"]),
    ([cooperative()], "household-default@1", ["第 1 条记录", "record_type", "household"]),
    ([42], None, ["第 1 条记录"]),
    ([cooperative(members_count=-3)], None, ["members_count"]),
])
def test_an_invalid_record_raises_a_one_line_chinese_message_naming_index_and_field(doc, ref, words):
    with pytest.raises(RecordError) as caught:
        rate_json_document(doc, ref, ON)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_the_answer_is_plain_json_and_the_same_every_time():
    doc = json.loads(json.dumps([household(), cooperative()]))
    first = json.dumps(rate_json_document(doc, None, ON), ensure_ascii=False)
    assert first == json.dumps(rate_json_document(doc, None, date(2024, 6, 1)), ensure_ascii=False)
