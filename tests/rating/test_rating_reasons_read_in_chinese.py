"""Every item explains itself in Chinese, and the same input gives the same JSON."""
from __future__ import annotations

import json

import pytest

from app.rating.engine import rate
from rating_samples import HOUSEHOLD, ON, head_id, household, item, rate_cooperative, rate_household, years_before


@pytest.mark.parametrize(("changes", "indicator", "reason"), [
    ({"annual_net_income": "85000.00"}, "B7", "家庭年纯收入 8.5 万元，≥5 万元 → 9 分"),
    ({"head_id_number": head_id(40)}, "B1", "户主年龄 40 岁，25–55 岁 → 8 分"),
    ({"head_health": "chronic"}, "B2", "户主健康状况：慢性病 → 3 分"),
    ({"total_assets": "100000.00", "other_debts": "35200.00"}, "B9", "资产负债率 35.2%，≤40% → 9 分"),
    ({"total_assets": "0.00"}, "B9", "家庭总资产为 0，无法计算资产负债率 → 0 分"),
    ({"honours": [{"title": "文明家庭", "level": "county_or_above", "date": "2023-03-01"}]}, "I1",
     "近3年荣誉：县级以上 1 项 → +3 分"),
    ({"honours": []}, "I1", "近3年荣誉：无 → 0 分"),
    ({"agri_insurance": True}, "I2", "本年度购买农业保险：是 → +2 分"),
    ({"penalties": [{"kind": "illegal_construction", "date": "2023-05-01", "source": "镇城建办"}]}, "P2",
     "违规建房 1 次（2023-05-01） → −5 分"),
    ({"land": [{"kind": "farmland", "area_mu": "12.50", "tenure": "leased"}]}, "B10", "经营土地 12.5 亩，≥10 亩 → 6 分"),
])
def test_household_reasons_name_the_value_the_band_and_the_points(changes, indicator, reason):
    assert item(rate_household(**changes), indicator).reason == reason


def test_capped_indicator_says_what_it_would_have_been():
    honours = [{"title": "劳模", "level": "county_or_above", "date": years_before(ON, 1).isoformat()}] * 3
    assert item(rate_household(honours=honours), "I1").reason == \
        "近3年荣誉：县级以上 3 项 → +6 分（原计 +9 分，本项最多 6 分）"


def test_cooperative_reasons_read_in_chinese():
    result = rate_cooperative(net_profit="-100.00", demo_level="provincial")
    assert item(result, "C10").reason == "年净利润 -0.01 万元，亏损 → 0 分"
    assert item(result, "D1").reason == "示范社等级：省级 → +4 分"


def test_every_reason_is_chinese_and_every_item_names_its_indicator():
    result = rate_household(penalties=[{"kind": "public_order", "date": "2024-01-01", "source": "派出所"}],
                            debt_evasion_5y=True)
    for line in result.items:
        assert line.reason and any("\u4e00" <= ch <= "\u9fff" for ch in line.reason)
        assert line.name and line.indicator


def test_the_same_record_rated_twice_gives_identical_json():
    record = household(penalties=[{"kind": "environment", "date": "2019-01-01", "source": "镇"}],
                       honours=[{"title": "好人", "level": "village", "date": "2023-01-01"}])
    first = json.dumps(rate(record, HOUSEHOLD, ON).to_json(), ensure_ascii=False)
    second = json.dumps(rate(json.loads(json.dumps(record)), HOUSEHOLD, ON).to_json(), ensure_ascii=False)
    assert first == second


def test_result_json_follows_the_data_standard():
    data = rate_household().to_json()
    for key in ("scheme_id", "scheme_version", "rated_on", "score", "base", "bonus", "penalty", "grade",
                "credit_household", "vetoes", "credit_line", "items", "complete", "missing"):
        assert key in data
    assert data["score"] == "100.00" and data["penalty"] == "0.00" and data["credit_line"] == "200000.00"
    assert set(data["items"][0]) >= {"indicator", "kind", "points", "max", "reason"}
    assert all(i["points"] != "-0.00" for i in data["items"])
