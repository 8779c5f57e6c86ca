"""``python -m app enrol / sync / sync status / review`` against a real platform on loopback."""
from __future__ import annotations

import socket

import pytest
from sync_fixtures import VILLAGE_A1
from test_engine_support import Device, enrolled_device, field_store, platform_copies

from app.cli import main
from sync.platform import admin


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Runs ``python -m app ...`` as the loan officer of a fresh store in ``tmp_path/field``."""
    folder = tmp_path / "field"
    field_store(folder).close()
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", "loan-pass-1")

    def run(*argv: str) -> int:
        common = ["--data-dir", str(folder), "--user", "loan"]
        return main([*argv, *common])

    run.folder = folder
    return run


def test_enrol_then_sync_pushes_pulls_and_reports_the_counts(cli, platform, capsys):
    user = platform.user(VILLAGE_A1)
    code = admin.issue_enrolment_code(platform.db, user)
    assert cli("enrol", "--url", platform.url, "--code", code) == 0
    assert "已注册" in capsys.readouterr().out
    from app.services import accounts
    ws = accounts.unlock(cli.folder, "loan", "loan-pass-1")
    device = Device(ws, platform)
    assert cli("sync") == 0  # the divisions first
    household = platform.household()
    device.insert(household)
    ws.close()
    capsys.readouterr()
    assert cli("sync") == 0
    out = capsys.readouterr().out
    assert "已上传" in out and "成功" in out and "已下载" in out
    assert "（记录 1 条，审计日志" in out  # the household; the audit lines are counted apart
    assert platform_copies(platform, household["id"]) == 1
    assert cli("sync", "status") == 0
    status = capsys.readouterr().out
    assert "待上传 0 条" in status and "被拒绝 0 条" in status and "从未同步" not in status


def test_sync_without_enrolment_or_platform_fails_in_one_line(cli, platform, capsys):
    assert cli("sync") == 1
    err = capsys.readouterr().err.strip()
    assert "尚未注册" in err and "\n" not in err
    assert cli("enrol", "--url", platform.url, "--code", admin.issue_enrolment_code(
        platform.db, platform.user(VILLAGE_A1))) == 0
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    capsys.readouterr()
    assert cli("sync", "--url", f"http://127.0.0.1:{port}") == 1
    err = capsys.readouterr().err.strip()
    assert "无法连接" in err and "\n" not in err and "Traceback" not in err
    assert cli("sync", "status") == 0
    assert "上次同步失败" in capsys.readouterr().out


def test_a_wrong_enrolment_code_is_one_line(cli, platform, capsys):
    assert cli("enrol", "--url", platform.url, "--code", "WRONG-CODE-1234") == 1
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err


def test_review_list_and_resolve_from_the_command_line(cli, platform, tmp_path, capsys):
    user = platform.user(VILLAGE_A1)
    other = enrolled_device(platform, tmp_path / "other", user)
    household = platform.household()
    other.insert(household)
    other.sync()
    assert cli("enrol", "--url", platform.url, "--code", admin.issue_enrolment_code(platform.db, user)) == 0
    assert cli("sync") == 0
    from app.services import accounts
    here = Device(accounts.unlock(cli.folder, "loan", "loan-pass-1"), platform)
    here.edit(household["id"], head_phone="13733334444")
    here.ws.close()
    other.edit(household["id"], head_phone="13911112222")
    other.sync()
    assert cli("sync") == 0
    capsys.readouterr()
    assert cli("review", "list") == 0
    listing = capsys.readouterr().out
    assert "13733334444" in listing and "13911112222" in listing
    item = listing.split()[0].lstrip("#")
    assert cli("review", "resolve", item, "--keep", "local") == 0
    assert cli("sync") == 0
    other.sync()
    assert other.document(household["id"])["head_phone"] == "13733334444"
    capsys.readouterr()
    assert cli("review", "resolve", item, "--keep", "local") == 1
    assert "没有待处理的冲突" in capsys.readouterr().err
    other.ws.close()
