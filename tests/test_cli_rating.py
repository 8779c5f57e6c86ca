"""``python -m app rate``: batch scoring for other systems, run as a real process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.rating.batch import rate_json_document

SAMPLE = Path(__file__).parent / "survey" / "sample_household.json"
ON = "2026-11-28"


def rate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "rate", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_json_output_is_the_engines_result(tmp_path):
    result = rate("--input", str(SAMPLE), "--on", ON, "--json")
    assert result.returncode == 0, result.stderr
    expected = rate_json_document(json.loads(SAMPLE.read_text("utf-8")), None, date.fromisoformat(ON))
    assert json.loads(result.stdout) == expected


def test_an_array_of_records_gives_results_in_the_same_order(tmp_path):
    first = json.loads(SAMPLE.read_text("utf-8"))
    poorer = {**first, "id": "2c1f6f1e-6a57-4d0b-9a3e-5c1a3f0f9b11", "annual_net_income": "9000.00"}
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([first, poorer], ensure_ascii=False), "utf-8")
    results = json.loads(rate("--input", str(batch), "--on", ON, "--json").stdout)
    assert [r["record_id"] for r in results] == [first["id"], poorer["id"]]
    assert float(results[0]["score"]) > float(results[1]["score"])


def test_readable_breakdown_explains_every_indicator():
    result = rate("--input", str(SAMPLE), "--on", ON)
    assert result.returncode == 0
    assert "家庭年纯收入 8.5 万元" in result.stdout and "等级" in result.stdout
    assert result.stdout.count("[基础]") == 11


@pytest.mark.parametrize("content, scheme", [
    ("[1", None),                                    # not JSON
    ("BAD_MONEY", None),                             # money that is no amount
    (None, "no-such-scheme@9"),                      # unknown scheme
])
def test_bad_input_is_one_line_and_exit_code_2(tmp_path, content, scheme):
    path = tmp_path / "in.json"
    if content == "BAD_MONEY":
        content = json.dumps({**json.loads(SAMPLE.read_text("utf-8")), "annual_net_income": "八万五"})
    path.write_text(content if content is not None else SAMPLE.read_text("utf-8"), "utf-8")
    args = ["--input", str(path), "--on", ON] + (["--scheme", scheme] if scheme else [])
    result = rate(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_household_without_consent_is_not_rated():
    record = {**json.loads(SAMPLE.read_text("utf-8")), "consent": {"signed": False}}
    result = rate_json_document(record, None, date.fromisoformat(ON))
    assert result["complete"] is False and result["missing"] == ["consent"] and not result["credit_household"]
