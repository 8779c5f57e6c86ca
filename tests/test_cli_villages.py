"""``python -m app villages``: the credit-village report as JSON and as a Chinese table."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from app.services.villages import village_report
from tests.conftest import DEMO_TODAY, demo_password, login

ON = DEMO_TODAY.isoformat()


@pytest.fixture
def as_user(monkeypatch):
    def use(username: str) -> None:
        monkeypatch.setenv("CREDIT_VILLAGE_USER", username)
        monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", demo_password(username))
    return use


def _township(demo_dir) -> str:
    ws = login(demo_dir, "viewer")
    try:
        return village_report(ws, None, DEMO_TODAY).townships[0].code
    finally:
        ws.close()


def test_json_output_is_the_services_report(demo_dir, as_user, capsys):
    as_user("viewer")
    assert main(["villages", "--data-dir", str(demo_dir), "--on", ON, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    ws = login(demo_dir, "viewer")
    try:
        assert printed == json.loads(json.dumps(village_report(ws, None, DEMO_TODAY).to_json()))
    finally:
        ws.close()
    assert len(printed["villages"]) == 74 and len(printed["townships"]) == 11


def test_a_township_lists_its_villages_with_the_failing_criteria_in_chinese(demo_dir, as_user, capsys):
    township = _township(demo_dir)
    as_user("loan")
    assert main(["villages", "--data-dir", str(demo_dir), "--township", township, "--on", ON]) == 0
    out = capsys.readouterr().out
    ws = login(demo_dir, "loan")
    try:
        report = village_report(ws, township, DEMO_TODAY)
    finally:
        ws.close()
    assert f"乡镇 {report.townships[0].name}（{township}）" in out and "信用村标准：建档率 ≥ 90%" in out
    for village in report.villages:
        assert village.name in out and village.code in out
        for failure in village.evaluation.failures:
            assert failure.message in out  # nothing rated yet: at least the credit-household ratio fails


@pytest.mark.parametrize("args, user, code", [
    (["--township", "445102100201"], "loan", 2),   # a village's code given as a township
    (["--township", "4451"], "loan", 2),           # not a division code
    (["--on", "someday"], "loan", 2),
    (["--township", "445199999000"], "loan", 1),   # no such township
    ([], "admin", 1),                               # the administrator sees no credit figures
], ids=["village as township", "not a code", "bad date", "unknown township", "administrator"])
def test_refusals_are_one_line(demo_dir, as_user, capsys, args, user, code):
    as_user(user)
    assert main(["villages", "--data-dir", str(demo_dir), *args]) == code
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
