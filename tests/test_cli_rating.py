"""``python -m app rate`` (batch scoring for other systems) and ``rate-all`` (stored ratings), run as real processes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.rating.batch import rate_json_document
from app.services.accounts import unlock
from app.services.demo import create_demo_store
from app.services.ratings import NOT_RATED
from app.store.models import Household, Rating

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


@pytest.mark.parametrize("make_args", [
    lambda tmp: ["--input", str(tmp / "absent.json")],                    # no such file
    lambda tmp: ["--input", str(tmp)],                                     # a folder, not a file
    lambda tmp: ["--input", str(SAMPLE), "--on", "2026-13-01"],            # no such date
    lambda tmp: ["--input", str(SAMPLE), "--scheme", "household-default@x"],  # malformed scheme name
], ids=["missing file", "folder", "bad date", "bad scheme reference"])
def test_unusable_arguments_are_one_line_and_exit_code_2(tmp_path, make_args):
    result = rate(*make_args(tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


# ``rate-all``: logs in, stores ratings, prints the count per grade.

LOAN = {"CREDIT_VILLAGE_USER": "loan", "CREDIT_VILLAGE_PASSWORD": "demo-loan-2026"}
VIEWER = {"CREDIT_VILLAGE_USER": "viewer", "CREDIT_VILLAGE_PASSWORD": "demo-view-2026"}
GRADE_LINE = re.compile(r"^\s+(?P<count>\d+) (?P<unit>户|个)  (?P<grade>[^（\s]+)")
UNITS = {"household": "户", "cooperative": "个"}
SMALL_CITY = 400  # households


@pytest.fixture(scope="module")
def small_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rate-all")
    # Enough households for villages of five or more, which the demo gives a cooperative each.
    admin, _summary = create_demo_store(folder, SMALL_CITY, seed=11, today=date.fromisoformat(ON))
    admin.close()
    return folder


def rate_all(folder: Path, *args: str, env: dict[str, str] = LOAN) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "rate-all", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env})


def stored_grades(folder: Path, on: date, subject_type: str = "household") -> Counter:
    ws = unlock(folder, "loan", LOAN["CREDIT_VILLAGE_PASSWORD"])
    try:
        with ws.db.session() as session:
            return Counter(grade or NOT_RATED for grade in session.scalars(
                select(Rating.grade).where(Rating.rated_on == on, Rating.subject_type == subject_type)))
    finally:
        ws.close()


def printed_grades(stdout: str, subject_type: str = "household") -> Counter:
    counts = Counter()
    for line in stdout.splitlines():
        match = GRADE_LINE.match(line)
        if match and match["unit"] == UNITS[subject_type]:
            counts[NOT_RATED if match["grade"] == "未评级" else match["grade"]] += int(match["count"])
    return counts


def test_rate_all_stores_every_household_and_cooperative_and_prints_the_count_per_grade(small_city):
    result = rate_all(small_city, "--on", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert f"农户：评分方案 household-default@1，共评 {SMALL_CITY} 户" in result.stdout
    assert printed_grades(result.stdout) == stored_grades(small_city, date(2026, 12, 1))
    assert sum(printed_grades(result.stdout).values()) == SMALL_CITY
    cooperatives = stored_grades(small_city, date(2026, 12, 1), "cooperative")
    assert sum(cooperatives.values()) > 0
    assert f"合作社：评分方案 cooperative-default@1，共评 {sum(cooperatives.values())} 个" in result.stdout
    assert printed_grades(result.stdout, "cooperative") == cooperatives


def test_rate_all_for_one_village_rates_only_that_village(small_city):
    ws = unlock(small_city, "loan", LOAN["CREDIT_VILLAGE_PASSWORD"])
    try:
        with ws.db.session() as session:
            village, households = session.execute(
                select(Household.village_code, func.count()).group_by(Household.village_code)
                .order_by(Household.village_code)).first()
    finally:
        ws.close()
    result = rate_all(small_city, "--village", village, "--on", "2026-12-02")
    assert result.returncode == 0, result.stderr
    assert sum(stored_grades(small_city, date(2026, 12, 2)).values()) == households
    assert printed_grades(result.stdout) == stored_grades(small_city, date(2026, 12, 2))


REFUSED_ON = "2026-12-03"


@pytest.mark.parametrize("args, env, code", [
    (["--village", "445122100000", "--on", REFUSED_ON], LOAN, 2),  # a township's code given as a village
    (["--village", "4451", "--on", REFUSED_ON], LOAN, 2),          # not a division code
    (["--village", "445122100201", "--township", "445122100000", "--on", REFUSED_ON], LOAN, 2),  # both
    (["--on", "yesterday"], LOAN, 2),
    (["--on", REFUSED_ON], VIEWER, 1),                             # a viewer may not rate
    (["--township", "445199999000", "--on", REFUSED_ON], LOAN, 1),  # no such township
], ids=["township as village", "not a code", "both", "bad date", "viewer", "unknown township"])
def test_rate_all_refusals_are_one_line_and_store_nothing(small_city, args, env, code):
    result = rate_all(small_city, *args, env=env)
    assert result.returncode == code
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sum(stored_grades(small_city, date.fromisoformat(REFUSED_ON)).values()) == 0
    assert sum(stored_grades(small_city, date.fromisoformat(REFUSED_ON), "cooperative").values()) == 0
