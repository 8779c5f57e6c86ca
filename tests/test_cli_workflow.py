"""``python -m app workflow ...``: every step from the command line, refusals in one line."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from test_workflow_city import PASSWORDS, build_city


@pytest.fixture
def city(data_dir):
    return build_city(data_dir, households=3)


def run(city, capsys, monkeypatch, user, *args):
    """Run the workflow command as ``user``; (exit code, stdout, stderr)."""
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", PASSWORDS[user])
    code = main(["workflow", *args, "--data-dir", str(city.data_dir), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def status(city, capsys, monkeypatch, on):
    code, out, err = run(city, capsys, monkeypatch, "viewer", "status", "--village", city.village, "--json", "--on", on)
    assert code == 0, err
    return {row["subject_id"]: row for row in json.loads(out)}


def test_the_whole_cycle_runs_from_the_command_line(city, capsys, monkeypatch):
    first, second = city.households[0], city.households[1]
    code, out, err = run(city, capsys, monkeypatch, "township", "appraise", "--household", first, "--adjust", "-2.5",
                         "--reason", "村民代表认为偏高", "--appraisers", "王村长，李会计", "--on", "2026-10-05")
    assert code == 0 and "调整 -2.50 分" in out, err
    code, out, err = run(city, capsys, monkeypatch, "township", "appraise", "--village", city.village,
                         "--reason", "无异议", "--appraisers", "王村长", "--on", "2026-10-05")
    assert code == 0 and f"已评议 {len(city.households) - 1} 户" in out, err
    code, out, err = run(city, capsys, monkeypatch, "township", "start-notice", "--village", city.village,
                         "--on", "2026-10-10")
    assert code == 0 and "2026-10-10 至 2026-10-16" in out, err
    code, out, err = run(city, capsys, monkeypatch, "loan", "object", "--household", second,
                         "--content", "收入漏登", "--on", "2026-10-11")
    assert code == 0, err
    objection = out.split()[-1]
    code, out, err = run(city, capsys, monkeypatch, "supervisor", "status", "--village", city.village,
                         "--on", "2026-10-12")
    assert code == 0 and f"异议 {objection}：2026-10-11 受理，2026-10-31 前答复" in out and "异议处理中" in out
    rows = status(city, capsys, monkeypatch, "2026-10-12")
    assert rows[second]["stage"] == "objection" and rows[second]["next_answer_due"] == "2026-10-31"
    assert rows[first]["adjustment"] == "-2.50" and rows[first]["stage"] == "in_notice"

    code, out, err = run(city, capsys, monkeypatch, "supervisor", "confirm", "--village", city.village,
                         "--on", "2026-10-17")
    assert code == 1 and "异议未处理" in err and err.count("\n") == 1
    code, out, err = run(city, capsys, monkeypatch, "supervisor", "decide", "--objection", objection,
                         "--uphold", "3", "--answer", "复核属实", "--on", "2026-10-15")
    assert code == 0 and "调整 3.00 分" in out, err
    code, out, err = run(city, capsys, monkeypatch, "supervisor", "confirm", "--village", city.village,
                         "--on", "2026-10-17")
    assert code == 0 and f"已确认 {len(city.households)} 户" in out, err
    rows = status(city, capsys, monkeypatch, "2026-10-17")
    assert {rows[h]["stage"] for h in city.households} == {"confirmed"}
    assert rows[second]["valid_until"] == "2027-10-16"


@pytest.mark.parametrize(("user", "args", "words"), [
    ("township", ["appraise", "--household", "nobody", "--reason", "r", "--appraisers", "甲"], "还没有评级"),
    ("township", ["appraise", "--village", "445102100201", "--household", "x", "--reason", "r",
                  "--appraisers", "甲"], "参数错误"),
    ("township", ["start-notice", "--village", "445102100201", "--on", "2026-13-01"], "日期格式"),
    ("loan", ["start-notice", "--village", "445102100201"], "没有“发起公示”的权限"),
    ("supervisor", ["confirm", "--village", "445102100201", "--on", "2026-10-20"], "没有公示期满"),
    ("supervisor", ["decide", "--objection", "nope", "--reject", "--answer", "a"], "没有待处理的异议"),
    ("township", ["status", "--village", "999999999999"], "没有村"),
])
def test_refusals_are_one_line_with_a_nonzero_exit_code(city, capsys, monkeypatch, user, args, words):
    code, out, err = run(city, capsys, monkeypatch, user, *args)
    assert code != 0 and words in err and err.count("\n") == 1 and "Traceback" not in err
